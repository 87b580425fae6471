package customlabels

import "context"

// MaxTagsPerResource is the most tags one resource holds, counting those
// it has and those a TagResource adds.
const MaxTagsPerResource = 200

// TagResourceInput adds tags to a resource.
type TagResourceInput struct {
	// ResourceArn is the resource to tag: required, an ARN of 20 to 2048
	// characters, such as a project ARN or a project version (model)
	// ARN.
	ResourceArn string
	// Tags are the tags to add, replacing the values of keys the resource
	// has: 1 to 200 (the model allows none, which would change nothing:
	// an empty map is refused as unset), keys of 1 to 128 characters not
	// starting with "aws:", values of 0 to 256 characters (letters,
	// digits, spaces and _.:/=+-@ only).
	Tags map[string]string
}

// TagResourceOutput is the answer to tags added: it holds only the
// request ID.
type TagResourceOutput struct {
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// TagResource adds tags to a Rekognition resource, or changes the values
// of tags it has (IAM action rekognition:TagResource).
//
// The API reference names collections, stream processors and Custom
// Labels models (project versions) as the resources that take tags;
// projects take them too (CreateProject sets them, and Terraform's AWS
// provider tags projects with this operation). It says nothing of
// datasets, which CreateDataset tags. A resource holds at most
// MaxTagsPerResource tags, those it has included: more is a
// *ServiceQuotaExceededException. An unknown resource is a
// *ResourceNotFoundException. Input is checked against the service model
// first (a key starting with "aws:" is refused there); a violation
// returns an *InvalidParamError and sends nothing. Throttling, 5xx
// responses and connection errors are retried: tagging again with the
// same tags changes nothing.
func (c *Client) TagResource(ctx context.Context, params *TagResourceInput, optFns ...func(*Options)) (*TagResourceOutput, error) {
	return call[TagResourceOutput](ctx, c, opTagResource, params, optFns)
}
