package customlabels

import "context"

// DeleteProjectInput names the project to delete.
type DeleteProjectInput struct {
	// ProjectArn is the project to delete: required, a project ARN.
	ProjectArn string
}

// DeleteProjectOutput is the state of the project after the delete was
// accepted.
type DeleteProjectOutput struct {
	// Status is the project's state, normally DELETING: the project is
	// gone once DescribeProjects no longer lists it
	// (NewProjectDeletedWaiter waits for that).
	Status ProjectStatus
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DeleteProject deletes a project, with its project policies (IAM action
// rekognition:DeleteProject). Deleting takes a little while: the status
// goes DELETING, then the project is gone.
//
// The project must be empty first, in this order: stop its running
// models, wait for trainings and copies to end, delete its versions
// (DeleteProjectVersion), then its datasets (DeleteDataset). Only the
// console deletes them for you. A project that still has versions or
// datasets is a *ResourceInUseException; an unknown one is a
// *ResourceNotFoundException. Input is checked against the service model
// first; a violation returns an *InvalidParamError and sends nothing.
// Throttling, 5xx responses and connection errors are retried: a delete
// resent after its answer was lost may answer *ResourceNotFoundException
// because the first one took effect.
func (c *Client) DeleteProject(ctx context.Context, params *DeleteProjectInput, optFns ...func(*Options)) (*DeleteProjectOutput, error) {
	return call[DeleteProjectOutput](ctx, c, opDeleteProject, params, optFns)
}
