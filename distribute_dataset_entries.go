package customlabels

import (
	"context"
	"fmt"
)

// DistributeDatasetEntriesInput names the training and the test dataset of
// one project.
type DistributeDatasetEntriesInput struct {
	// Datasets are the project's TRAIN and TEST datasets, in either
	// order: required, exactly 2. The TEST dataset must be empty.
	Datasets []DistributeDataset
}

// DistributeDatasetEntriesOutput is the answer to a distribution
// accepted: both datasets are UPDATE_IN_PROGRESS.
type DistributeDatasetEntriesOutput struct {
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DistributeDatasetEntries moves 20 % of a project's training dataset into
// its empty test dataset (IAM action
// rekognition:DistributeDatasetEntries): the way to get a test dataset
// from a single manifest. Both datasets must belong to the same project.
//
// Distributing takes a while: both datasets are UPDATE_IN_PROGRESS, and
// the distribution is done when both are UPDATE_COMPLETE. When one is
// UPDATE_FAILED it failed; a training dataset with too few images of a
// label fails with the status message
// ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE. Wait for both with
// NewDatasetUpdatedWaiter, giving it both ARNs.
//
// Input is checked against the service model first (exactly two
// datasets, two different ARNs); a violation returns an *InvalidParamError
// and sends nothing. An unknown dataset is a *ResourceNotFoundException;
// datasets of two projects, two of one type, or a test dataset that is not
// empty an *InvalidParameterException; a dataset not ready to be
// distributed (being created or updated) a *ResourceNotReadyException.
// Throttling, 5xx responses and connection errors are retried.
func (c *Client) DistributeDatasetEntries(ctx context.Context, params *DistributeDatasetEntriesInput, optFns ...func(*Options)) (*DistributeDatasetEntriesOutput, error) {
	return call[DistributeDatasetEntriesOutput](ctx, c, opDistributeDatasetEntries, params, optFns)
}

// checkRules checks what the model cannot state: the two datasets differ.
func (in *DistributeDatasetEntriesInput) checkRules(path string) error {
	if len(in.Datasets) == 2 && in.Datasets[0].Arn == in.Datasets[1].Arn {
		return &InvalidParamError{Field: path + "Datasets[1].Arn",
			Rule: fmt.Sprintf("must differ from Datasets[0].Arn: give the training and the test dataset, got %s twice", quoteShort(in.Datasets[0].Arn))}
	}
	return nil
}
