package customlabelstest

import (
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels"
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

// startProjectVersion answers StartProjectVersion. After the model's
// constraints, the checks run in this order (assumed; the reference does
// not say): MaxInferenceUnits below MinInferenceUnits is
// InvalidParameterException; an unknown version is
// ResourceNotFoundException; a Custom Moderation adapter, which is not
// started (the reference: "This operation applies only to Amazon
// Rekognition Custom Labels"), is InvalidParameterException; a status
// not in startableStatuses is ResourceInUseException; going over
// WithInferenceUnitsLimit is LimitExceededException. The version then
// is STARTING with the inference units asked for.
func (s *Server) startProjectVersion(_ *caller, in *customlabels.StartProjectVersionInput) (*customlabels.StartProjectVersionOutput, error) {
	arn, minUnits, maxUnits := in.ProjectVersionArn, int64(in.MinInferenceUnits), int64(in.MaxInferenceUnits)
	if maxUnits != 0 && maxUnits < minUnits {
		return nil, &customlabels.InvalidParameterException{Message: "MaxInferenceUnits (" + strconv.FormatInt(maxUnits, 10) +
			") must be greater than or equal to MinInferenceUnits (" + strconv.FormatInt(minUnits, 10) + ")"}
	}

	e, now, err := s.lockVersion(arn)
	defer s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if e.v.Feature == customlabels.CustomizationFeatureContentModeration {
		return nil, &customlabels.InvalidParameterException{Message: "StartProjectVersion applies only to Custom Labels models; " + arn + " is a Custom Moderation adapter"}
	}
	if !startableStatuses[e.v.Status] {
		return nil, &customlabels.ResourceInUseException{Message: "The model " + arn + " is " + string(e.v.Status) +
			"; only a model that is TRAINING_COMPLETED, COPYING_COMPLETED, STOPPED or FAILED can be started"}
	}
	if s.unitsLimit > 0 {
		inUse := s.unitsInUse(now)
		if want := max(minUnits, maxUnits); inUse+want > int64(s.unitsLimit) {
			return nil, &customlabels.LimitExceededException{Message: "Starting " + arn + " with " + inferenceUnits(want) +
				" would exceed the account's limit of " + inferenceUnits(int64(s.unitsLimit)) + " (" + inferenceUnits(inUse) + " in use)"}
		}
	}
	e.v.MinInferenceUnits, e.v.MaxInferenceUnits = int32(minUnits), int32(maxUnits)
	s.enter(e, customlabels.ProjectVersionStatusStarting, msgStarting, now)
	return &customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting}, nil
}

// unitsInUse counts the inference units of the models STARTING or
// RUNNING, each its maximum or, without a larger one, its minimum, and at
// least 1 (a model seeded RUNNING without units still runs on one).
// s.mu is held.
func (s *Server) unitsInUse(now time.Time) int64 {
	var n int64
	s.sweepVersions(now)
	for _, e := range s.versions.entries {
		if e.v.Status == customlabels.ProjectVersionStatusStarting || e.v.Status == customlabels.ProjectVersionStatusRunning {
			n += int64(max(1, e.v.MinInferenceUnits, e.v.MaxInferenceUnits))
		}
	}
	return n
}

// inferenceUnits words a number of inference units.
func inferenceUnits(n int64) string {
	if n == 1 {
		return "1 inference unit"
	}
	return strconv.FormatInt(n, 10) + " inference units"
}
