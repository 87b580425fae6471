package customlabels_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// The rules of the dataset operations that the model cannot state are
// checked before anything is sent, naming the member.
func TestDatasetInputRules(t *testing.T) {
	srv, train, test := datasetWaitServer(t, 2)
	c := srv.Client()
	ctx := context.Background()
	srv.ResetRequests()
	manifestSource := customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "bucket", Name: "m.manifest"}}
	tests := []struct {
		name  string
		call  func() error
		field string
	}{
		{"a manifest and a dataset", func() error {
			_, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
				DatasetSource: customlabels.DatasetSource{GroundTruthManifest: manifestSource, DatasetArn: train}})
			return err
		}, "DatasetSource"},
		{"a manifest without a bucket", func() error {
			_, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
				DatasetSource: customlabels.DatasetSource{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Name: "m"}}}})
			return err
		}, "DatasetSource.GroundTruthManifest.S3Object.Bucket"},
		{"a dataset type the model lacks", func() error {
			_, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: "validation"})
			return err
		}, "DatasetType"},
		{"a project ARN for a dataset ARN", func() error {
			_, err := c.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: exampleProject.ProjectArn})
			return err
		}, "DatasetArn"},
		{"the same dataset twice", func() error {
			_, err := c.DistributeDatasetEntries(ctx, &customlabels.DistributeDatasetEntriesInput{Datasets: []customlabels.DistributeDataset{{Arn: train}, {Arn: train}}})
			return err
		}, "Datasets[1].Arn"},
		{"three datasets", func() error {
			_, err := c.DistributeDatasetEntries(ctx, &customlabels.DistributeDatasetEntriesInput{Datasets: []customlabels.DistributeDataset{{Arn: train}, {Arn: test}, {Arn: test}}})
			return err
		}, "Datasets"},
		{"eleven labels", func() error {
			_, err := c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: train,
				ContainsLabels: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}})
			return err
		}, "ContainsLabels"},
		{"a blank source-ref filter", func() error {
			_, err := c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: train, SourceRefContains: "  "})
			return err
		}, "SourceRefContains"},
		{"a page of 101 labels", func() error {
			_, err := c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: train, MaxResults: 101})
			return err
		}, "MaxResults"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var ipe *customlabels.InvalidParamError
			require.ErrorAs(t, err, &ipe)
			assert.Equal(t, tt.field, ipe.Field, "%v", err)
		})
	}
	assert.Empty(t, srv.Requests(), "nothing sent")
}
