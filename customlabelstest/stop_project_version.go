package customlabelstest

import "github.com/rekognition-go/customlabels"

// stoppableStatuses are the statuses StopProjectVersion stops a model
// from. The reference says only "Stops a running model". Assumed: RUNNING,
// and STARTING too, since the console lets a start in progress be
// stopped and the model bills from the moment it starts. Any other status
// is ResourceInUseException.
var stoppableStatuses = map[customlabels.ProjectVersionStatus]bool{
	customlabels.ProjectVersionStatusRunning:  true,
	customlabels.ProjectVersionStatusStarting: true,
}

// stopProjectVersion answers StopProjectVersion: an unknown version is
// ResourceNotFoundException, a status not in stoppableStatuses
// ResourceInUseException; else the version is STOPPING, keeping its
// inference units.
func (s *Server) stopProjectVersion(_ *caller, in *customlabels.StopProjectVersionInput) (*customlabels.StopProjectVersionOutput, error) {
	arn := in.ProjectVersionArn
	e, now, err := s.lockVersion(arn)
	defer s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if !stoppableStatuses[e.v.Status] {
		return nil, &customlabels.ResourceInUseException{Message: "The model " + arn + " is " + string(e.v.Status) +
			"; only a model that is RUNNING or STARTING can be stopped"}
	}
	s.enter(e, customlabels.ProjectVersionStatusStopping, msgStopping, now)
	return &customlabels.StopProjectVersionOutput{Status: customlabels.ProjectVersionStatusStopping}, nil
}
