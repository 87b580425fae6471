package customlabelstest

import (
	"fmt"

	"github.com/rekognition-go/customlabels"
)

// WithProjectVersions seeds the server with project versions (models),
// as AddProjectVersions does, after the projects of WithProjects.
func WithProjectVersions(vs ...customlabels.ProjectVersionDescription) Option {
	return func(c *config) { c.versions = append(c.versions, vs...) }
}

// AddProjectVersions adds project versions (models) to the server. A
// version belongs to the project its ARN names: the version
// "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/123"
// to the project "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/456",
// which must have been added first. A version whose ProjectVersionArn is
// already present replaces it, keeping its place among versions created
// at the same time. A version without a CreationTimestamp gets the
// models' clock (see Advance). The server keeps its own copies.
//
// A version's Status is where its lifecycle starts, now:
// TRAINING_IN_PROGRESS ends after the training time (WithTrainingTime),
// STARTING after the starting time, STOPPING after the stopping time,
// COPYING_IN_PROGRESS after the copy time (WithCopyTime) and DELETING
// after the deleting time, when the version is gone; other statuses stay
// until an operation (StartProjectVersion, StopProjectVersion,
// DeleteProjectVersion) changes them.
//
// AddProjectVersions panics, adding none, on a version whose
// ProjectVersionArn is not of that form, or whose project the server
// does not have.
func (s *Server) AddProjectVersions(vs ...customlabels.ProjectVersionDescription) {
	if err := s.addProjectVersions(vs); err != nil {
		panic("customlabelstest: AddProjectVersions: " + err.Error())
	}
}

// addProjectVersions adds vs as AddProjectVersions does, or none of them
// when one is not of the form it takes.
func (s *Server) addProjectVersions(vs []customlabels.ProjectVersionDescription) error {
	if len(vs) == 0 {
		return nil
	}
	now := s.modelNow()
	s.mu.Lock()
	defer s.mu.Unlock()
	projects := map[string]bool{}
	for _, e := range s.store.entries {
		projects[projectKey(e.p.ProjectArn)] = true
	}
	for _, v := range vs {
		project, name := projectKey(v.ProjectVersionArn), versionName(v.ProjectVersionArn)
		if project == "" || name == "" {
			return fmt.Errorf("ProjectVersionArn %q is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP", v.ProjectVersionArn)
		}
		if !projects[project] {
			return fmt.Errorf("version %s belongs to no project of the server: add the project %s/... first", v.ProjectVersionArn, project)
		}
	}
	for _, v := range vs {
		if v.CreationTimestamp.IsZero() {
			v.CreationTimestamp = now
		}
		e := s.versions.put(v, projectKey(v.ProjectVersionArn), versionName(v.ProjectVersionArn))
		s.enter(e, v.Status, v.StatusMessage, now)
	}
	return nil
}

// RemoveProjectVersions removes the project versions with these ARNs,
// with their tags, and returns how many were present. RemoveProjects
// removes a project's versions with it.
func (s *Server) RemoveProjectVersions(arns ...string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, arn := range arns {
		if s.versions.remove(arn) {
			n++
		}
	}
	s.tagStore.prune(s.resourceExists)
	return n
}

// ProjectVersions returns copies of all the server's project versions, of
// every project, as they are now on the models' clock, in the order
// DescribeProjectVersions lists them: latest creation first.
func (s *Server) ProjectVersions() []customlabels.ProjectVersionDescription {
	now := s.modelNow()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweepVersions(now)
	out := make([]customlabels.ProjectVersionDescription, len(s.versions.entries))
	for i, e := range s.versions.entries {
		out[i] = copyVersion(e.v)
	}
	return out
}
