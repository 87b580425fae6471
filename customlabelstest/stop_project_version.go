package customlabelstest

import (
	"net/http"

	"github.com/rekognition-go/customlabels"
)

// stoppableStatuses are the statuses StopProjectVersion stops a model
// from. The reference says only "Stops a running model". Assumed: RUNNING,
// and STARTING too, since the console lets a start in progress be
// stopped and the model bills from the moment it starts. Any other status
// is ResourceInUseException.
var stoppableStatuses = map[customlabels.ProjectVersionStatus]bool{
	customlabels.ProjectVersionStatusRunning:  true,
	customlabels.ProjectVersionStatusStarting: true,
}

// stopProjectVersionInput is a StopProjectVersion request body as
// received; nil members were absent.
type stopProjectVersionInput struct {
	projectVersionArn *string
}

// validate checks in against the model and returns the message of a
// ValidationException, or "".
func (in *stopProjectVersionInput) validate() string {
	var v violations
	if in.projectVersionArn == nil {
		v.required("projectVersionArn")
	} else {
		v.arn(*in.projectVersionArn, "projectVersionArn", projectVersionArnRE, patternProjectVersionArn)
	}
	return v.message()
}

// serveStopProjectVersion answers StopProjectVersion: an unknown version
// is ResourceNotFoundException, a status not in stoppableStatuses
// ResourceInUseException; else the version is STOPPING, keeping its
// inference units, and the answer is {"Status":"STOPPING"}.
func (s *Server) serveStopProjectVersion(body []byte, requestID string) *response {
	var in stopProjectVersionInput
	if msg := decodeMembers(body, stringMember("ProjectVersionArn", &in.projectVersionArn)); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeSerialization, msg)
	}
	if msg := in.validate(); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeValidation, msg)
	}
	arn := *in.projectVersionArn

	now := s.modelNow()
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.versions.byArn[arn]
	if !ok {
		return errorResponse(http.StatusBadRequest, requestID, "ResourceNotFoundException",
			"The model "+arn+" does not exist")
	}
	s.settle(e, now)
	if !stoppableStatuses[e.v.Status] {
		return errorResponse(http.StatusBadRequest, requestID, "ResourceInUseException",
			"The model "+arn+" is "+string(e.v.Status)+"; only a model that is RUNNING or STARTING can be stopped")
	}
	s.enter(e, customlabels.ProjectVersionStatusStopping, msgStopping, now)
	return statusResponse(requestID, customlabels.ProjectVersionStatusStopping)
}
