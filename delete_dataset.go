package customlabels

import "context"

// DeleteDatasetInput names the dataset to delete.
type DeleteDatasetInput struct {
	// DatasetArn is the dataset: required, a dataset ARN.
	DatasetArn string
}

// DeleteDatasetOutput is the answer to a delete accepted: the dataset is
// DELETE_IN_PROGRESS, then gone.
type DeleteDatasetOutput struct {
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DeleteDataset deletes a dataset of a project (IAM action
// rekognition:DeleteDataset). Deleting takes a while: the dataset is
// DELETE_IN_PROGRESS, then DescribeDataset answers
// *ResourceNotFoundException (NewDatasetDeletedWaiter waits for that).
// Deleting the TEST dataset is allowed: training then splits the TRAIN
// dataset instead. A project's datasets must be deleted before the
// project.
//
// A dataset being created or updated (CREATE_IN_PROGRESS,
// UPDATE_IN_PROGRESS) is a *ResourceInUseException: wait for it first. An
// unknown dataset is a *ResourceNotFoundException. Input is checked
// against the service model first; a violation returns an
// *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried: a delete resent after its answer was
// lost may answer *ResourceNotFoundException because the first one took
// effect.
func (c *Client) DeleteDataset(ctx context.Context, params *DeleteDatasetInput, optFns ...func(*Options)) (*DeleteDatasetOutput, error) {
	return call[DeleteDatasetOutput](ctx, c, opDeleteDataset, params, optFns)
}
