package customlabelstest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// startableStatuses are the statuses StartProjectVersion starts a model
// from. The API reference does not list them. Assumed: a trained model
// (TRAINING_COMPLETED), one copied from another project
// (COPYING_COMPLETED), a stopped one, and one whose last start FAILED
// (the console offers Start again). Any other status is
// ResourceInUseException: the model is busy (training, copying, starting,
// running, stopping, being deleted) or cannot run (TRAINING_FAILED,
// COPYING_FAILED, DEPRECATED, EXPIRED).
var startableStatuses = map[customlabels.ProjectVersionStatus]bool{
	customlabels.ProjectVersionStatusTrainingCompleted: true,
	customlabels.ProjectVersionStatusCopyingCompleted:  true,
	customlabels.ProjectVersionStatusStopped:           true,
	customlabels.ProjectVersionStatusFailed:            true,
}

// startProjectVersionInput is a StartProjectVersion request body as
// received; nil members were absent.
type startProjectVersionInput struct {
	maxInferenceUnits *int64
	minInferenceUnits *int64
	projectVersionArn *string
}

// validate checks in against the model and returns the message of a
// ValidationException, or "".
func (in *startProjectVersionInput) validate() string {
	var v violations
	if in.maxInferenceUnits != nil {
		v.atLeast(*in.maxInferenceUnits, "maxInferenceUnits", 1)
	}
	if in.minInferenceUnits == nil {
		v.required("minInferenceUnits")
	} else {
		v.atLeast(*in.minInferenceUnits, "minInferenceUnits", 1)
	}
	if in.projectVersionArn == nil {
		v.required("projectVersionArn")
	} else {
		v.arn(*in.projectVersionArn, "projectVersionArn", projectVersionArnRE, patternProjectVersionArn)
	}
	return v.message()
}

// serveStartProjectVersion answers StartProjectVersion. After the model's
// constraints, the checks run in this order (assumed; the reference does
// not say): MaxInferenceUnits below MinInferenceUnits is
// InvalidParameterException; an unknown version is
// ResourceNotFoundException; a Custom Moderation adapter, which is not
// started (the reference: "This operation applies only to Amazon
// Rekognition Custom Labels"), is InvalidParameterException; a status
// not in startableStatuses is ResourceInUseException; going over
// WithInferenceUnitsLimit is LimitExceededException. The version then
// is STARTING with the inference units asked for, and the answer is
// {"Status":"STARTING"}.
func (s *Server) serveStartProjectVersion(body []byte, requestID string) *response {
	var in startProjectVersionInput
	if msg := decodeMembers(body,
		integerMember("MaxInferenceUnits", &in.maxInferenceUnits),
		integerMember("MinInferenceUnits", &in.minInferenceUnits),
		stringMember("ProjectVersionArn", &in.projectVersionArn),
	); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeSerialization, msg)
	}
	if msg := in.validate(); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeValidation, msg)
	}
	arn, minUnits, maxUnits := *in.projectVersionArn, *in.minInferenceUnits, int64(0)
	if in.maxInferenceUnits != nil {
		maxUnits = *in.maxInferenceUnits
		if maxUnits < minUnits {
			return errorResponse(http.StatusBadRequest, requestID, "InvalidParameterException",
				"MaxInferenceUnits ("+strconv.FormatInt(maxUnits, 10)+") must be greater than or equal to MinInferenceUnits ("+strconv.FormatInt(minUnits, 10)+")")
		}
	}

	now := s.modelNow()
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.versions.byArn[arn]
	if !ok {
		return errorResponse(http.StatusBadRequest, requestID, "ResourceNotFoundException",
			"The model "+arn+" does not exist")
	}
	s.settle(e, now)
	if e.v.Feature == customlabels.CustomizationFeatureContentModeration {
		return errorResponse(http.StatusBadRequest, requestID, "InvalidParameterException",
			"StartProjectVersion applies only to Custom Labels models; "+arn+" is a Custom Moderation adapter")
	}
	if !startableStatuses[e.v.Status] {
		return errorResponse(http.StatusBadRequest, requestID, "ResourceInUseException",
			"The model "+arn+" is "+string(e.v.Status)+"; only a model that is TRAINING_COMPLETED, COPYING_COMPLETED, STOPPED or FAILED can be started")
	}
	if s.unitsLimit > 0 {
		inUse := s.unitsInUse(now)
		if want := max(minUnits, maxUnits); inUse+want > int64(s.unitsLimit) {
			return errorResponse(http.StatusBadRequest, requestID, "LimitExceededException",
				"Starting "+arn+" with "+inferenceUnits(want)+" would exceed the account's limit of "+
					inferenceUnits(int64(s.unitsLimit))+" ("+inferenceUnits(inUse)+" in use)")
		}
	}
	e.v.MinInferenceUnits, e.v.MaxInferenceUnits = int32(minUnits), int32(maxUnits)
	s.enter(e, customlabels.ProjectVersionStatusStarting, msgStarting, now)
	return statusResponse(requestID, customlabels.ProjectVersionStatusStarting)
}

// unitsInUse counts the inference units of the models STARTING or
// RUNNING, each its maximum or, without a larger one, its minimum, and at
// least 1 (a model seeded RUNNING without units still runs on one).
// s.mu is held.
func (s *Server) unitsInUse(now time.Time) int64 {
	var n int64
	for _, e := range s.versions.entries {
		s.settle(e, now)
		if e.v.Status == customlabels.ProjectVersionStatusStarting || e.v.Status == customlabels.ProjectVersionStatusRunning {
			n += int64(max(1, e.v.MinInferenceUnits, e.v.MaxInferenceUnits))
		}
	}
	return n
}

// statusResponse is the answer of StartProjectVersion and
// StopProjectVersion: {"Status":...}.
func statusResponse(requestID string, status customlabels.ProjectVersionStatus) *response {
	b := wire.AppendString(append(make([]byte, 0, 32), `{"Status":`...), string(status))
	return newResponse(http.StatusOK, requestID, append(b, '}'))
}

// inferenceUnits words a number of inference units.
func inferenceUnits(n int64) string {
	if n == 1 {
		return "1 inference unit"
	}
	return strconv.FormatInt(n, 10) + " inference units"
}
