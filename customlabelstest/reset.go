package customlabelstest

import (
	"cmp"
	"slices"
	"time"

	"github.com/rekognition-go/customlabels"
)

// initialState is what NewServer set up, to which Reset returns.
type initialState struct {
	projects    []customlabels.ProjectDescription        // in the order added
	versions    []customlabels.ProjectVersionDescription // in the order added, as added
	throttleRPS float64
	clockOffset time.Duration
	models      map[string]Model // of WithModel
	s3          []s3Put          // of WithS3Object
	datasets    []Dataset        // of WithDatasets
}

// Reset returns the server to the state NewServer gave it: the projects
// of WithProjects and the versions of WithProjectVersions (with the
// creation times they got then), no queued faults, no recorded requests,
// the throttle and clock offset of its options, the models of WithModel
// and the S3 objects of WithS3Object only (no bucket or multipart upload
// made through S3 since), the datasets the projects list with the entries
// of WithDatasets (no dataset made or changed since, no FailDataset), no
// tags and no project policies, no pending FailNextTraining, and no
// Advance. The versions' and datasets' lifecycles start again from their
// first status, now. A
// NextToken issued before a Reset stays valid: it holds a position in the
// listing, not a project.
func (s *Server) Reset() {
	st := store{}
	st.init()
	for _, p := range s.initial.projects {
		st.put(p)
	}
	now := s.clock().Add(s.initial.clockOffset)
	s.mu.Lock()
	s.store = st
	s.advanced = 0
	s.datasets.init()
	for _, p := range s.initial.projects {
		s.registerDatasets(p, now)
	}
	s.versions = versionStore{}
	s.projectLife = map[string]*projectLife{}
	s.tagStore = nil
	s.policies = policyStore{}
	s.versions.init()
	s.faults = nil
	s.requests = nil
	s.clockOffset = s.initial.clockOffset
	s.models = nil
	s.failNextTrainings = nil
	s.s3.init()
	s.mu.Unlock()
	s.SetThrottleRPS(s.initial.throttleRPS)
	s.AddProjectVersions(s.initial.versions...)
	s.seedInference(s.initial.models, s.initial.s3)
	s.seedDatasets(s.initial.datasets)
}

// resetServer answers POST reset, as Reset.
func resetServer(s *Server, body []byte) (any, error) {
	var in struct{}
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	s.Reset()
	return struct{ Projects, ProjectVersions int }{s.projectCount(), s.versionCount()}, nil
}

// projectsInOrderAdded returns the stored projects in the order they were
// first added, so that adding them again to an empty store gives each the
// same place.
func (s *Server) projectsInOrderAdded() []customlabels.ProjectDescription {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries := slices.Clone(s.store.entries)
	slices.SortFunc(entries, func(a, b *entry) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]customlabels.ProjectDescription, len(entries))
	for i, e := range entries {
		out[i] = e.p
	}
	return out
}

// versionsInOrderAdded returns the stored versions in the order they were
// first added, as they were added: their lifecycle not yet run.
func (s *Server) versionsInOrderAdded() []customlabels.ProjectVersionDescription {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries := slices.Clone(s.versions.entries)
	slices.SortFunc(entries, func(a, b *versionEntry) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]customlabels.ProjectVersionDescription, len(entries))
	for i, e := range entries {
		out[i] = copyVersion(e.v)
	}
	return out
}
