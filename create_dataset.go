package customlabels

import (
	"context"
	"strings"
	"time"
)

// CreateDatasetInput says which dataset of a project to create, and from
// what.
type CreateDatasetInput struct {
	// ProjectArn is the Custom Labels project to create the dataset in:
	// required, a project ARN.
	ProjectArn string
	// DatasetType is TRAIN (the training dataset) or TEST (the test
	// dataset): required. A project has at most one of each.
	DatasetType DatasetType
	// DatasetSource is what the dataset is filled from: a manifest in S3
	// (GroundTruthManifest.S3Object) or another dataset (DatasetArn), not
	// both. The zero value creates an empty dataset, to fill with
	// UpdateDatasetEntries or DistributeDatasetEntries.
	DatasetSource DatasetSource
	// Tags are tags to attach to the dataset: at most 200, keys of 1 to
	// 128 characters not starting with "aws:", values of 0 to 256.
	Tags map[string]string
}

// CreateDatasetOutput is the dataset created.
type CreateDatasetOutput struct {
	// DatasetArn is the new dataset's ARN. The dataset is
	// CREATE_IN_PROGRESS at first; NewDatasetCreatedWaiter waits until it
	// is CREATE_COMPLETE.
	DatasetArn string
	// Recovered is set when the answer to an attempt of this call was lost
	// and a later attempt found the dataset type taken, by the dataset that
	// attempt created: DatasetArn is that dataset's (see CreateDataset).
	Recovered bool
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// CreateDataset creates the training or test dataset of a Custom Labels
// project, from a SageMaker Ground Truth manifest in S3, as a copy of
// another dataset, or empty (IAM action rekognition:CreateDataset; a copy
// also needs rekognition:ListDatasetEntries, tags rekognition:TagResource).
//
// Creating takes a while: the dataset is CREATE_IN_PROGRESS, then
// CREATE_COMPLETE, or CREATE_FAILED when the manifest has a terminal file
// error (unreadable, too large, too many lines or labels, more than 20 %
// of its lines invalid), which DescribeDataset's StatusMessage names. Use
// NewDatasetCreatedWaiter to wait. Lines with terminal content errors (not
// JSON, no valid source-ref, an image listed twice) are dropped without a
// word; lines with non-terminal errors are kept with the errors attached,
// where ListDatasetEntries finds them. Check a manifest before with
// manifest.Validate.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. A project that has a dataset
// of this type already is a *ResourceAlreadyExistsException; an unknown
// project or source dataset a *ResourceNotFoundException; a manifest
// object that cannot be read may be an *InvalidS3ObjectException.
// Throttling, 5xx responses and connection errors are retried.
//
// The operation has no idempotency token: a create resent after its
// answer was lost meets the dataset its first attempt made, as a
// *ResourceAlreadyExistsException. When an attempt may have reached the
// service and a later one meets that error, CreateDataset looks at the
// project (DescribeProjects, IAM action rekognition:DescribeProjects): a
// dataset of this type created since the call began is taken for this
// call's, and the call succeeds with Recovered set. Else the error stands.
func (c *Client) CreateDataset(ctx context.Context, params *CreateDatasetInput, optFns ...func(*Options)) (*CreateDatasetOutput, error) {
	return call[CreateDatasetOutput](ctx, c, opCreateDataset, params, optFns)
}

// checkRules checks what the model cannot state: a source is a manifest
// or a dataset, not both (the API reference: the service answers both
// with InvalidParameterException).
func (s *DatasetSource) checkRules(path string) error {
	if s.DatasetArn != "" && !s.GroundTruthManifest.isZero() {
		return &InvalidParamError{Field: strings.TrimSuffix(path, "."), Rule: "must set only one of GroundTruthManifest and DatasetArn"}
	}
	return nil
}

// conflict reports the error a taken dataset type gets.
func (in *CreateDatasetInput) conflict(err error) bool {
	return isCode(err, "ResourceAlreadyExistsException")
}

// recoverCreated finds the dataset the input asks for: in the project of
// ProjectArn, of DatasetType, created at since or later.
func (in *CreateDatasetInput) recoverCreated(ctx context.Context, c *Client, since time.Time, out response, optFns []func(*Options)) (bool, error) {
	a, err := ParseARN(in.ProjectArn)
	if err != nil {
		return false, nil
	}
	found, err := c.DescribeProjects(ctx, &DescribeProjectsInput{
		ProjectNames: []string{a.ProjectName},
		Features:     []CustomizationFeature{CustomizationFeatureCustomLabels},
	}, optFns...)
	if err != nil {
		return false, err
	}
	for _, p := range found.ProjectDescriptions {
		if p.ProjectArn != in.ProjectArn {
			continue
		}
		for _, d := range p.Datasets {
			if d.DatasetType == in.DatasetType && !d.CreationTimestamp.Before(since) {
				*out.(*CreateDatasetOutput) = CreateDatasetOutput{DatasetArn: d.DatasetArn, Recovered: true, RequestID: found.RequestID}
				return true, nil
			}
		}
	}
	return false, nil
}
