package customlabels

import "context"

// CreateProjectInput names the project to create.
type CreateProjectInput struct {
	// ProjectName is the new project's name: required, 1 to 255
	// characters of [a-zA-Z0-9_.-], unique among the account's projects
	// in the Region.
	ProjectName string
	// Feature is what the project customises: CUSTOM_LABELS (a Custom
	// Labels model, the default when empty) or CONTENT_MODERATION (a
	// Custom Moderation adapter).
	Feature CustomizationFeature
	// AutoUpdate says whether an adapter is retrained when a new version
	// of the base model comes out. It applies only to CONTENT_MODERATION
	// projects; empty leaves it to the service.
	AutoUpdate ProjectAutoUpdate
	// Tags are tags to attach to the project: at most 200, keys of 1 to
	// 128 characters not starting with "aws:", values of 0 to 256.
	Tags map[string]string
}

// CreateProjectOutput is the project created.
type CreateProjectOutput struct {
	// ProjectArn is the new project's ARN. The project is CREATING at
	// first; NewProjectCreatedWaiter waits until it is CREATED.
	ProjectArn string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// CreateProject creates an empty project, the container of a model's
// datasets and versions (IAM action rekognition:CreateProject; with Tags,
// also rekognition:TagResource).
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. A name the account already
// uses is a *ResourceInUseException (the model lists no other conflict
// error for this operation; the API reference does not say which comes);
// too many projects is a *LimitExceededException. Throttling, 5xx
// responses and connection errors are retried.
//
// The operation has no idempotency token: a create resent after its
// answer was lost can meet the project its first attempt made, as a
// *ResourceInUseException.
func (c *Client) CreateProject(ctx context.Context, params *CreateProjectInput, optFns ...func(*Options)) (*CreateProjectOutput, error) {
	if params == nil {
		params = &CreateProjectInput{}
	}
	return call[CreateProjectOutput](ctx, c, opCreateProject, params, optFns)
}
