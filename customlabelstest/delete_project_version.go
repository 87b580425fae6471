package customlabelstest

import (
	"slices"
	"time"

	"github.com/rekognition-go/customlabels"
)

// DeleteProjectVersion, and the end of DELETING: a version whose deleting
// time has passed is gone. Since settling a version may remove it,
// handlers find versions with version and list them after sweepVersions.

// msgDeleting is the status message of a version being deleted.
const msgDeleting = "The model is being deleted."

// busyStatuses are the statuses in which DeleteProjectVersion refuses a
// version. The API reference names running and training ("You can't
// delete a project version if it is running or if it is training");
// STARTING, STOPPING and COPYING_IN_PROGRESS are as busy, and refused too
// (assumed: the reference is silent on them).
var busyStatuses = map[customlabels.ProjectVersionStatus]bool{
	customlabels.ProjectVersionStatusRunning:            true,
	customlabels.ProjectVersionStatusTrainingInProgress: true,
	customlabels.ProjectVersionStatusStarting:           true,
	customlabels.ProjectVersionStatusStopping:           true,
	customlabels.ProjectVersionStatusCopyingInProgress:  true,
}

// deleteProjectVersion answers DeleteProjectVersion: an unknown version
// is ResourceNotFoundException; a busy one (busyStatuses)
// ResourceInUseException (inferred from the model's errors: the reference
// names the states, not the error); else the version is DELETING until
// the deleting time has passed (WithDeletingTime), then gone with its
// tags and its Model. A version already DELETING answers DELETING again
// (assumed). The files its training wrote stay in S3.
func (s *Server) deleteProjectVersion(_ *caller, in *customlabels.DeleteProjectVersionInput) (*customlabels.DeleteProjectVersionOutput, error) {
	arn := in.ProjectVersionArn
	e, now, err := s.lockVersion(arn)
	defer s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	switch {
	case e.v.Status == customlabels.ProjectVersionStatusRunning || e.v.Status == customlabels.ProjectVersionStatusStarting:
		return nil, &customlabels.ResourceInUseException{Message: "The model " + arn + " is " + string(e.v.Status) +
			"; stop it (StopProjectVersion) and wait until it is STOPPED before deleting it"}
	case busyStatuses[e.v.Status]:
		return nil, &customlabels.ResourceInUseException{Message: "The model " + arn + " is " + string(e.v.Status) +
			"; wait until it ends before deleting it"}
	case e.v.Status != customlabels.ProjectVersionStatusDeleting:
		s.enter(e, customlabels.ProjectVersionStatusDeleting, msgDeleting, now)
	}
	return &customlabels.DeleteProjectVersionOutput{Status: customlabels.ProjectVersionStatusDeleting}, nil
}

// version returns the version with this ARN as it is at now, on the
// models' clock, or ResourceNotFoundException when there is none (or no
// more). s.mu is held.
func (s *Server) version(arn string, now time.Time) (*versionEntry, error) {
	e, ok := s.versions.byArn[arn]
	if ok {
		s.settle(e, now)
	}
	if !ok || s.versions.byArn[arn] != e {
		return nil, &customlabels.ResourceNotFoundException{Message: "The model " + arn + " does not exist"}
	}
	return e, nil
}

// lockVersion locks s.mu and returns the version with this ARN as it is
// now, on the models' clock, and that time, as version does: how a
// handler of one version begins. The caller unlocks s.mu, also after an
// error.
func (s *Server) lockVersion(arn string) (*versionEntry, time.Time, error) {
	now := s.modelNow()
	s.mu.Lock()
	e, err := s.version(arn, now)
	return e, now, err
}

// sweepVersions brings every version to now, on the models' clock,
// removing those whose deletion has ended. s.mu is held.
func (s *Server) sweepVersions(now time.Time) {
	for _, e := range slices.Clone(s.versions.entries) {
		s.settle(e, now)
	}
}

// removeVersion removes a version whose deletion has ended, with its tags
// and its Model. s.mu is held.
func (s *Server) removeVersion(e *versionEntry) {
	e.due = time.Time{}
	s.versions.removeEntry(e)
	s.tagStore.remove(e.v.ProjectVersionArn)
	delete(s.models, e.v.ProjectVersionArn)
}
