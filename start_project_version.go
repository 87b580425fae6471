package customlabels

import (
	"context"
	"fmt"
	"strconv"

	"github.com/rekognition-go/customlabels/internal/jsondec"
	"github.com/rekognition-go/customlabels/internal/wire"
)

var opStartProjectVersion = newOperation("StartProjectVersion",
	"ResourceNotFoundException", "ResourceInUseException", "LimitExceededException",
	"InvalidParameterException", "AccessDeniedException", "InternalServerError",
	"ThrottlingException", "ProvisionedThroughputExceededException")

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
	if params == nil {
		params = &StartProjectVersionInput{}
	}
	return call[StartProjectVersionOutput](ctx, c, opStartProjectVersion, params, optFns)
}

func (in *StartProjectVersionInput) validate() error {
	if err := checkArn("ProjectVersionArn", in.ProjectVersionArn, "version"); err != nil {
		return err
	}
	if in.MinInferenceUnits < 1 {
		return &InvalidParamError{Field: "MinInferenceUnits",
			Rule: fmt.Sprintf("is required and must be at least 1, got %d", in.MinInferenceUnits)}
	}
	if in.MaxInferenceUnits < 0 {
		return &InvalidParamError{Field: "MaxInferenceUnits",
			Rule: fmt.Sprintf("must be at least 1 (or 0 for unset), got %d", in.MaxInferenceUnits)}
	}
	// The model only says min 1 for each; the API reference adds that the
	// maximum may not be below the minimum (InvalidParameterException).
	if in.MaxInferenceUnits != 0 && in.MaxInferenceUnits < in.MinInferenceUnits {
		return &InvalidParamError{Field: "MaxInferenceUnits",
			Rule: fmt.Sprintf("must be at least MinInferenceUnits (%d), got %d", in.MinInferenceUnits, in.MaxInferenceUnits)}
	}
	return nil
}

// appendJSON appends the request body, members in alphabetical order.
func (in *StartProjectVersionInput) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if in.MaxInferenceUnits != 0 {
		b = wire.AppendKey(b, "MaxInferenceUnits")
		b = strconv.AppendInt(b, int64(in.MaxInferenceUnits), 10)
	}
	b = wire.AppendKey(b, "MinInferenceUnits")
	b = strconv.AppendInt(b, int64(in.MinInferenceUnits), 10)
	b = wire.AppendKey(b, "ProjectVersionArn")
	b = wire.AppendString(b, in.ProjectVersionArn)
	return append(b, '}')
}

func (o *StartProjectVersionOutput) setRequestID(id string) { o.RequestID = id }

func (o *StartProjectVersionOutput) decodeJSON(d *jsondec.Decoder) {
	*o = StartProjectVersionOutput{}
	for d.Object(); d.More(); {
		if string(d.Key()) == "Status" {
			jsondec.Enum(d, &o.Status, projectVersionStatusValues)
		}
	}
}
