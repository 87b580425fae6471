package customlabels

import (
	"context"
	"fmt"
)

// StartProjectVersionInput names the version to start and its inference
// units.
type StartProjectVersionInput struct {
	// ProjectVersionArn is the version (model) to start: required, a
	// version ARN, 20 to 2048 characters.
	ProjectVersionArn string
	// MinInferenceUnits is the number of inference units to run: required,
	// at least 1. Each unit bills for every hour the model runs.
	MinInferenceUnits int32
	// MaxInferenceUnits lets the service scale the model up to this many
	// units under load: at least 1 (and at least MinInferenceUnits). Zero
	// leaves it unset: the model runs MinInferenceUnits.
	MaxInferenceUnits int32
}

// StartProjectVersionOutput is the state of the version after the start
// was accepted.
type StartProjectVersionOutput struct {
	// Status is the version's state, normally STARTING.
	Status ProjectVersionStatus
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// StartProjectVersion starts a trained version (model) so that
// DetectCustomLabels can use it (IAM action
// rekognition:StartProjectVersion). Starting takes minutes: wait for
// RUNNING with NewProjectVersionRunningWaiter. The model bills for every
// inference-unit hour from then until it is stopped with
// StopProjectVersion, used or not.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. A version that cannot start (it
// is training, already starting or running, or stopping) is a
// *ResourceInUseException; too many inference units for the account is a
// *LimitExceededException, which the standard retryer (as in the AWS SDK
// for Go) retries as a throttle before returning it. Throttling, 5xx
// responses and connection errors are retried: a start sent again after
// the connection closed may answer *ResourceInUseException because the
// first one took effect.
func (c *Client) StartProjectVersion(ctx context.Context, params *StartProjectVersionInput, optFns ...func(*Options)) (*StartProjectVersionOutput, error) {
	return call[StartProjectVersionOutput](ctx, c, opStartProjectVersion, params, optFns)
}

// checkRules checks what the model cannot state: the API reference adds
// to the model's minimum of 1 for each that the maximum may not be below
// the minimum (the service answers InvalidParameterException).
func (in *StartProjectVersionInput) checkRules(string) error {
	if in.MaxInferenceUnits != 0 && in.MaxInferenceUnits < in.MinInferenceUnits {
		return &InvalidParamError{Field: "MaxInferenceUnits",
			Rule: fmt.Sprintf("must be at least MinInferenceUnits (%d), got %d", in.MinInferenceUnits, in.MaxInferenceUnits)}
	}
	return nil
}
