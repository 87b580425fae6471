package customlabels

import "context"

// DeleteProjectPolicyInput names the project policy to delete.
type DeleteProjectPolicyInput struct {
	// ProjectArn is the project the policy is attached to: required, a
	// project ARN.
	ProjectArn string
	// PolicyName is the policy to delete: required, 1 to 128 characters
	// of [a-zA-Z0-9_.-].
	PolicyName string
	// PolicyRevisionId, when set, deletes the policy only if this is its
	// current revision: up to 64 hexadecimal digits. Empty deletes
	// whatever revision is current.
	PolicyRevisionId string
}

// DeleteProjectPolicyOutput is the answer to a policy deleted: it holds
// only the request ID.
type DeleteProjectPolicyOutput struct {
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DeleteProjectPolicy deletes a project policy from a project (IAM action
// rekognition:DeleteProjectPolicy). Copies that only the policy allowed
// are refused from then on. Deleting a project deletes its policies
// too.
//
// A PolicyRevisionId that is not the policy's current revision is an
// *InvalidPolicyRevisionIdException: someone replaced the policy since
// the revision was read. An unknown project or policy is a
// *ResourceNotFoundException. Input is checked against the service model
// first; a violation returns an *InvalidParamError and sends nothing.
// Throttling, 5xx responses and connection errors are retried: a delete
// resent after its answer was lost may answer *ResourceNotFoundException
// because the first one took effect.
func (c *Client) DeleteProjectPolicy(ctx context.Context, params *DeleteProjectPolicyInput, optFns ...func(*Options)) (*DeleteProjectPolicyOutput, error) {
	return call[DeleteProjectPolicyOutput](ctx, c, opDeleteProjectPolicy, params, optFns)
}
