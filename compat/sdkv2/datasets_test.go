package sdkv2_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	rktypes "github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var datasetProject = customlabels.ProjectDescription{
	ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000",
	CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
	Status:            customlabels.ProjectStatusCreated,
	Feature:           customlabels.CustomizationFeatureCustomLabels,
}

// manifestLine is a classification line of image, as the developer guide
// writes one.
func manifestLine(image, label string) string {
	return fmt.Sprintf(`{"source-ref":"s3://images/%s","%s":1,"%s-metadata":{"confidence":1,"class-name":"%s",`+
		`"human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000","type":"groundtruth/image-classification"}}`,
		image, "label", "label", label)
}

// The official client drives a dataset through its whole life against the
// fake: created from a manifest uploaded with the official S3 client,
// described, listed with the official paginators, updated, distributed
// and deleted, with the typed errors of each refusal.
func TestDatasetsThroughTheOfficialClients(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(datasetProject),
		customlabelstest.WithDatasetTime(time.Minute), customlabelstest.WithDeletingTime(10*time.Second))
	ctx := context.Background()
	s3c := s3Client(t, srv)
	c := sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 1 })

	var text strings.Builder
	for i := range 20 {
		text.WriteString(manifestLine(fmt.Sprintf("img%02d.jpg", i), []string{"cereal", "pasta"}[i%2]) + "\n")
	}
	// A box past the image's edge: a non-terminal error, attached.
	text.WriteString(`{"source-ref":"s3://images/edge.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],` +
		`"annotations":[{"class_id":0,"top":10,"left":600,"width":90,"height":60}]},"bounding-box-metadata":{"objects":[{"confidence":1}],` +
		`"class-map":{"0":"cereal"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000"}}` + "\n")
	_, err := s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("manifests")})
	require.NoError(t, err)
	_, err = s3c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("manifests"), Key: aws.String("train.manifest"),
		Body: bytes.NewReader([]byte(text.String()))})
	require.NoError(t, err)

	created, err := c.CreateDataset(ctx, &rekognition.CreateDatasetInput{
		ProjectArn:  aws.String(datasetProject.ProjectArn),
		DatasetType: rktypes.DatasetTypeTrain,
		DatasetSource: &rktypes.DatasetSource{GroundTruthManifest: &rktypes.GroundTruthManifest{
			S3Object: &rktypes.S3Object{Bucket: aws.String("manifests"), Name: aws.String("train.manifest")}}},
		Tags: map[string]string{"team": "vision"},
	})
	require.NoError(t, err)
	train := aws.ToString(created.DatasetArn)
	assert.Contains(t, train, ":project/shelf/dataset/train/")

	d, err := c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: &train})
	require.NoError(t, err)
	assert.Equal(t, rktypes.DatasetStatusCreateInProgress, d.DatasetDescription.Status)
	_, err = c.ListDatasetEntries(ctx, &rekognition.ListDatasetEntriesInput{DatasetArn: &train})
	var notReady *rktypes.ResourceNotReadyException
	require.ErrorAs(t, err, &notReady)
	_, err = c.CreateDataset(ctx, &rekognition.CreateDatasetInput{ProjectArn: aws.String(datasetProject.ProjectArn), DatasetType: rktypes.DatasetTypeTrain})
	var exists *rktypes.ResourceAlreadyExistsException
	require.ErrorAs(t, err, &exists)

	srv.Advance(time.Minute)
	d, err = c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: &train})
	require.NoError(t, err)
	dd := d.DatasetDescription
	assert.Equal(t, rktypes.DatasetStatusCreateComplete, dd.Status)
	assert.Equal(t, rktypes.DatasetStatusMessageCodeSuccess, dd.StatusMessageCode)
	require.NotNil(t, dd.DatasetStats)
	assert.Equal(t, rktypes.DatasetStats{TotalEntries: aws.Int32(21), LabeledEntries: aws.Int32(21), TotalLabels: aws.Int32(2), ErrorEntries: aws.Int32(1)}, *dd.DatasetStats)
	assert.True(t, dd.LastUpdatedTimestamp.After(*dd.CreationTimestamp))

	// The official paginators, and this module's client, list the same.
	var sdkEntries []string
	p := rekognition.NewListDatasetEntriesPaginator(c, &rekognition.ListDatasetEntriesInput{DatasetArn: &train, MaxResults: aws.Int32(4)})
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		sdkEntries = append(sdkEntries, page.DatasetEntries...)
		pages++
	}
	assert.Equal(t, 6, pages)
	assert.Equal(t, strings.Split(strings.TrimSpace(text.String()), "\n")[:20], sdkEntries[:20], "lines without errors, as sent")
	var ours []string
	for e, err := range customlabels.AllDatasetEntries(ctx, srv.Client(), &customlabels.ListDatasetEntriesInput{DatasetArn: train}) {
		require.NoError(t, err)
		ours = append(ours, e)
	}
	assert.Equal(t, sdkEntries, ours)
	withErrors, err := c.ListDatasetEntries(ctx, &rekognition.ListDatasetEntriesInput{DatasetArn: &train, HasErrors: aws.Bool(true)})
	require.NoError(t, err)
	require.Len(t, withErrors.DatasetEntries, 1)
	assert.Contains(t, withErrors.DatasetEntries[0], "ERROR_INVALID_BOUNDING_BOX")
	filtered, err := c.ListDatasetEntries(ctx, &rekognition.ListDatasetEntriesInput{DatasetArn: &train,
		ContainsLabels: []string{"pasta"}, Labeled: aws.Bool(true), SourceRefContains: aws.String("img1")})
	require.NoError(t, err)
	assert.Len(t, filtered.DatasetEntries, 5, "img11, img13, ... img19")
	_, err = c.ListDatasetEntries(ctx, &rekognition.ListDatasetEntriesInput{DatasetArn: &train, NextToken: aws.String("bm90IGEgdG9rZW4=")})
	var badToken *rktypes.InvalidPaginationTokenException
	require.ErrorAs(t, err, &badToken)

	var labels []string
	lp := rekognition.NewListDatasetLabelsPaginator(c, &rekognition.ListDatasetLabelsInput{DatasetArn: &train, MaxResults: aws.Int32(1)})
	for lp.HasMorePages() {
		page, err := lp.NextPage(ctx)
		require.NoError(t, err)
		for _, l := range page.DatasetLabelDescriptions {
			labels = append(labels, fmt.Sprintf("%s %d %d", aws.ToString(l.LabelName), aws.ToInt32(l.LabelStats.EntryCount), aws.ToInt32(l.LabelStats.BoundingBoxCount)))
		}
	}
	assert.Equal(t, []string{"cereal 11 1", "pasta 10 0"}, labels)

	// Update: an upsert by source-ref; busy while in progress.
	_, err = c.UpdateDatasetEntries(ctx, &rekognition.UpdateDatasetEntriesInput{DatasetArn: &train,
		Changes: &rktypes.DatasetChanges{GroundTruth: []byte(manifestLine("img00.jpg", "rice") + "\n" + manifestLine("new.jpg", "rice") + "\n")}})
	require.NoError(t, err)
	_, err = c.UpdateDatasetEntries(ctx, &rekognition.UpdateDatasetEntriesInput{DatasetArn: &train,
		Changes: &rktypes.DatasetChanges{GroundTruth: []byte(manifestLine("x.jpg", "rice"))}})
	var inUse *rktypes.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	_, err = c.DeleteDataset(ctx, &rekognition.DeleteDatasetInput{DatasetArn: &train})
	require.ErrorAs(t, err, &inUse)
	srv.Advance(time.Minute)
	d, err = c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: &train})
	require.NoError(t, err)
	assert.Equal(t, rktypes.DatasetStatusUpdateComplete, d.DatasetDescription.Status)
	assert.Equal(t, int32(22), aws.ToInt32(d.DatasetDescription.DatasetStats.TotalEntries))

	// Distribute into an empty test dataset.
	emptyTest, err := c.CreateDataset(ctx, &rekognition.CreateDatasetInput{ProjectArn: aws.String(datasetProject.ProjectArn), DatasetType: rktypes.DatasetTypeTest})
	require.NoError(t, err)
	test := aws.ToString(emptyTest.DatasetArn)
	_, err = c.DistributeDatasetEntries(ctx, &rekognition.DistributeDatasetEntriesInput{Datasets: []rktypes.DistributeDataset{{Arn: &train}, {Arn: &test}}})
	require.ErrorAs(t, err, &notReady, "the test dataset is being created")
	srv.Advance(time.Minute)
	_, err = c.DistributeDatasetEntries(ctx, &rekognition.DistributeDatasetEntriesInput{Datasets: []rktypes.DistributeDataset{{Arn: &train}, {Arn: &test}}})
	require.NoError(t, err)
	srv.Advance(time.Minute)
	counts := map[string]int32{}
	for _, arn := range []string{train, test} {
		d, err := c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		assert.Equal(t, rktypes.DatasetStatusUpdateComplete, d.DatasetDescription.Status)
		counts[arn] = aws.ToInt32(d.DatasetDescription.DatasetStats.TotalEntries)
	}
	assert.Equal(t, map[string]int32{train: 18, test: 4}, counts)

	// DescribeProjects lists both datasets.
	projects, err := c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{ProjectNames: []string{"shelf"}})
	require.NoError(t, err)
	require.Len(t, projects.ProjectDescriptions, 1)
	assert.Len(t, projects.ProjectDescriptions[0].Datasets, 2)

	// Delete: DELETE_IN_PROGRESS, then not found.
	_, err = c.DeleteDataset(ctx, &rekognition.DeleteDatasetInput{DatasetArn: &test})
	require.NoError(t, err)
	d, err = c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: &test})
	require.NoError(t, err)
	assert.Equal(t, rktypes.DatasetStatusDeleteInProgress, d.DatasetDescription.Status)
	srv.Advance(10 * time.Second)
	_, err = c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: &test})
	var notFound *rktypes.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)
}

// A manifest with a terminal file error: CREATE_FAILED, with the code as
// the status message, read by the official client.
func TestDatasetCreateFailedThroughTheOfficialClient(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(datasetProject), customlabelstest.WithDatasetTime(0))
	ctx := context.Background()
	c := sdkClient(srv)
	created, err := c.CreateDataset(ctx, &rekognition.CreateDatasetInput{
		ProjectArn:  aws.String(datasetProject.ProjectArn),
		DatasetType: rktypes.DatasetTypeTest,
		DatasetSource: &rktypes.DatasetSource{GroundTruthManifest: &rktypes.GroundTruthManifest{
			S3Object: &rktypes.S3Object{Bucket: aws.String("manifests"), Name: aws.String("missing.manifest")}}},
	})
	require.NoError(t, err)
	d, err := c.DescribeDataset(ctx, &rekognition.DescribeDatasetInput{DatasetArn: created.DatasetArn})
	require.NoError(t, err)
	assert.Equal(t, rktypes.DatasetStatusCreateFailed, d.DatasetDescription.Status)
	assert.Equal(t, "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT", aws.ToString(d.DatasetDescription.StatusMessage))
	assert.Equal(t, rktypes.DatasetStatusMessageCodeClientError, d.DatasetDescription.StatusMessageCode)
}
