package customlabels

import (
	"context"
)

// StopProjectVersionInput names the version to stop.
type StopProjectVersionInput struct {
	// ProjectVersionArn is the running version (model) to stop: required,
	// a version ARN, 20 to 2048 characters.
	ProjectVersionArn string
}

// StopProjectVersionOutput is the state of the version after the stop was
// accepted.
type StopProjectVersionOutput struct {
	// Status is the version's state, normally STOPPING.
	Status ProjectVersionStatus
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// StopProjectVersion stops a running version (model), which ends its
// inference-unit billing once it is STOPPED (IAM action
// rekognition:StopProjectVersion). Stopping takes a little while: the
// status goes STOPPING, then STOPPED.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. A version that is not running
// (or starting) is a *ResourceInUseException. Throttling, 5xx responses
// and connection errors are retried: a stop sent again after the
// connection closed may answer *ResourceInUseException because the first
// one took effect.
func (c *Client) StopProjectVersion(ctx context.Context, params *StopProjectVersionInput, optFns ...func(*Options)) (*StopProjectVersionOutput, error) {
	return call[StopProjectVersionOutput](ctx, c, opStopProjectVersion, params, optFns)
}
