package customlabels

import "context"

// DescribeDatasetInput names the dataset to describe.
type DescribeDatasetInput struct {
	// DatasetArn is the dataset: required, a dataset ARN
	// ("arn:aws:rekognition:REGION:ACCOUNT:project/NAME/dataset/train|test/TIMESTAMP").
	DatasetArn string
}

// DescribeDatasetOutput is the dataset's state and statistics.
type DescribeDatasetOutput struct {
	// DatasetDescription describes the dataset.
	DatasetDescription DatasetDescription
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DescribeDataset returns a dataset's status, the message of its last
// operation and the counts of its images and labels (IAM action
// rekognition:DescribeDataset). The waiters of datasets poll it.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. An unknown dataset, or one
// whose deletion has finished, is a *ResourceNotFoundException.
// Throttling, 5xx responses and connection errors are retried.
func (c *Client) DescribeDataset(ctx context.Context, params *DescribeDatasetInput, optFns ...func(*Options)) (*DescribeDatasetOutput, error) {
	return call[DescribeDatasetOutput](ctx, c, opDescribeDataset, params, optFns)
}
