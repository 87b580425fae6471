package customlabelstest

import (
	"github.com/rekognition-go/customlabels"
)

// Model limits of DescribeProjectVersions.
const (
	maxVersionNames        = 10
	maxVersionsPageSize    = 100
	minArnLength           = 20
	maxArnLength           = 2048
	defaultVersionPageSize = 100
)

// describeProjectVersions answers DescribeProjectVersions: the versions
// of one project, latest first, as they are now on the models' clock.
func (s *Server) describeProjectVersions(_ *caller, in *customlabels.DescribeProjectVersionsInput) (*customlabels.DescribeProjectVersionsOutput, error) {
	q := versionQuery{
		projectArn: in.ProjectArn,
		project:    projectKey(in.ProjectArn),
		names:      nameSet(in.VersionNames),
		limit:      pageLimit(in.MaxResults, defaultVersionPageSize),
	}
	if in.NextToken != "" {
		pos, err := s.decodeTokenFor(q.filterHash(), in.NextToken)
		if err != nil {
			return nil, paginationError(err, "another ProjectArn or other VersionNames")
		}
		q.start = &pos
	}

	now := s.lockSettled()
	defer s.mu.Unlock()
	s.sweepVersions(now)
	if _, ok := s.store.byArn[q.projectArn]; !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + q.projectArn + " does not exist"}
	}
	entries := s.versions.versions(&q)
	more := len(entries) > q.limit
	entries = entries[:min(len(entries), q.limit)]
	out := &customlabels.DescribeProjectVersionsOutput{ProjectVersionDescriptions: make([]customlabels.ProjectVersionDescription, len(entries))}
	for i, e := range entries {
		s.settle(e, now)
		out.ProjectVersionDescriptions[i] = e.v // lists are never changed in place: a shallow copy is safe
	}
	if more {
		out.NextToken = s.encodeTokenAt(q.filterHash(), entries[len(entries)-1].key())
	}
	return out, nil
}
