package customlabels

import (
	"context"
	"time"
)

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
	// Recovered is set when the answer to an attempt of this call was lost
	// and a later attempt found the name taken, by the project that
	// attempt created: ProjectArn is that project's (see below).
	Recovered bool
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
// answer was lost meets the project its first attempt made, as a
// *ResourceInUseException. When an attempt may have reached the service
// and a later one meets that error, CreateProject looks for the project
// (DescribeProjects, IAM action rekognition:DescribeProjects): one of this
// name and feature, created since the call began, is taken for this
// call's, and the call succeeds with Recovered set. Else the error stands:
// the name was taken by someone else.
func (c *Client) CreateProject(ctx context.Context, params *CreateProjectInput, optFns ...func(*Options)) (*CreateProjectOutput, error) {
	return call[CreateProjectOutput](ctx, c, opCreateProject, params, optFns)
}

// conflict reports the error a taken project name gets.
func (in *CreateProjectInput) conflict(err error) bool { return isCode(err, "ResourceInUseException") }

// recoverCreated finds the project the input asks for, in the caller's
// account: the name, the feature (CUSTOM_LABELS when empty, as the
// service may list a default project without one) and, when set,
// AutoUpdate match, and it was created at since or later.
func (in *CreateProjectInput) recoverCreated(ctx context.Context, c *Client, since time.Time, out response, optFns []func(*Options)) (bool, error) {
	found, err := c.DescribeProjects(ctx, &DescribeProjectsInput{
		ProjectNames: []string{in.ProjectName},
		Features:     []CustomizationFeature{CustomizationFeatureCustomLabels, CustomizationFeatureContentModeration},
	}, optFns...)
	if err != nil {
		return false, err
	}
	feature := func(f CustomizationFeature) CustomizationFeature {
		if f == "" {
			return CustomizationFeatureCustomLabels
		}
		return f
	}
	for _, p := range found.ProjectDescriptions {
		if p.Name() == in.ProjectName && feature(p.Feature) == feature(in.Feature) &&
			(in.AutoUpdate == "" || p.AutoUpdate == in.AutoUpdate) && !p.CreationTimestamp.Before(since) {
			*out.(*CreateProjectOutput) = CreateProjectOutput{ProjectArn: p.ProjectArn, Recovered: true, RequestID: found.RequestID}
			return true, nil
		}
	}
	return false, nil
}
