package customlabels

import "context"

// DeleteProjectVersionInput names the version to delete.
type DeleteProjectVersionInput struct {
	// ProjectVersionArn is the version to delete: required, a version
	// ARN.
	ProjectVersionArn string
}

// DeleteProjectVersionOutput is the state of the version after the delete
// was accepted.
type DeleteProjectVersionOutput struct {
	// Status is the version's state, normally DELETING: the version is
	// gone once DescribeProjectVersions no longer lists it
	// (NewProjectVersionDeletedWaiter waits for that).
	Status ProjectVersionStatus
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DeleteProjectVersion deletes a model or adapter version (IAM action
// rekognition:DeleteProjectVersion). Deleting takes a little while: the
// status goes DELETING, then the version is gone, with its trained model;
// the files training wrote to S3 stay.
//
// A version cannot be deleted while it is running or training: stop a
// running model first (StopProjectVersion, then wait for STOPPED), and
// wait for a training to end. Such a version is a
// *ResourceInUseException (inferred: the API reference names the states,
// not the error), and so is one starting, stopping or being copied,
// which is as busy; an unknown version is a *ResourceNotFoundException.
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried: a delete resent after its answer was
// lost answers DELETING again, or *ResourceNotFoundException once the
// version is gone.
func (c *Client) DeleteProjectVersion(ctx context.Context, params *DeleteProjectVersionInput, optFns ...func(*Options)) (*DeleteProjectVersionOutput, error) {
	return call[DeleteProjectVersionOutput](ctx, c, opDeleteProjectVersion, params, optFns)
}
