package customlabelstest

import (
	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/manifest"
)

// datasetLines returns the JSON lines of the project's dataset of type t,
// and whether the project has such a dataset, for CreateProjectVersion to
// train from. s.mu is held.
//
// Placeholder: the fake has no datasets yet, so no project has one. The
// datasets branch (h/datasets) replaces this file with the real seam,
// which reads the dataset store; the lead deletes this file at the merge.
func (s *Server) datasetLines(projectArn string, t customlabels.DatasetType) (lines []manifest.Line, ok bool) {
	_, _ = projectArn, t
	return nil, false
}
