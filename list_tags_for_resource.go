package customlabels

import "context"

// ListTagsForResourceInput names the resource whose tags to list.
type ListTagsForResourceInput struct {
	// ResourceArn is the resource: required, an ARN of 20 to 2048
	// characters.
	ResourceArn string
}

// ListTagsForResourceOutput is a resource's tags.
type ListTagsForResourceOutput struct {
	// Tags are the resource's tags, keys to values; empty when it has
	// none.
	Tags map[string]string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// ListTagsForResource returns the tags of a Rekognition resource (IAM
// action rekognition:ListTagsForResource): a project, a project version
// (model) or another resource TagResource tags. All of them come in one
// answer: a resource holds at most MaxTagsPerResource.
//
// An unknown resource is a *ResourceNotFoundException. Input is checked
// against the service model first; a violation returns an
// *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried.
func (c *Client) ListTagsForResource(ctx context.Context, params *ListTagsForResourceInput, optFns ...func(*Options)) (*ListTagsForResourceOutput, error) {
	return call[ListTagsForResourceOutput](ctx, c, opListTagsForResource, params, optFns)
}
