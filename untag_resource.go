package customlabels

import "context"

// UntagResourceInput removes tags from a resource.
type UntagResourceInput struct {
	// ResourceArn is the resource to untag: required, an ARN of 20 to 2048
	// characters.
	ResourceArn string
	// TagKeys are the keys of the tags to remove: 1 to 200 (an empty list
	// is refused as unset), each 1 to 128 characters not starting with
	// "aws:". A key the resource does not have is ignored.
	TagKeys []string
}

// UntagResourceOutput is the answer to tags removed: it holds only the
// request ID.
type UntagResourceOutput struct {
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// UntagResource removes tags from a Rekognition resource (IAM action
// rekognition:UntagResource): a project, a project version (model) or
// another resource TagResource tags.
//
// An unknown resource is a *ResourceNotFoundException. Input is checked
// against the service model first; a violation returns an
// *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried: removing a tag again changes nothing.
func (c *Client) UntagResource(ctx context.Context, params *UntagResourceInput, optFns ...func(*Options)) (*UntagResourceOutput, error) {
	return call[UntagResourceOutput](ctx, c, opUntagResource, params, optFns)
}
