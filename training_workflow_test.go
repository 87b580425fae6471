package customlabels_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// The whole life of a model against the fake, as a program drives it:
// create a project, upload manifests and images to S3, train, wait, read
// the evaluation, start, detect, copy, stop and delete, with the
// library's waiters, each poll moving the fake's clock on.
func TestModelWorkflow(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(5*time.Second),
		customlabelstest.WithTrainingTime(2*time.Hour), customlabelstest.WithStartingTime(10*time.Minute),
		customlabelstest.WithCopyTime(20*time.Minute), customlabelstest.WithStoppingTime(time.Minute),
		customlabelstest.WithDeletingTime(time.Minute))
	defer srv.Close()
	c := fastClient(srv)
	ctx := context.Background()
	// Each poll of a waiter moves the fake's clock on by step.
	waitOpts := func(step time.Duration) func(*customlabels.WaiterOptions) {
		return func(o *customlabels.WaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
			o.OnPoll = func(customlabels.WaiterPoll) { srv.Advance(step) }
		}
	}

	project, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "fruit"})
	require.NoError(t, err)
	require.NoError(t, customlabels.NewProjectCreatedWaiter(c, waitOpts(5*time.Second)).
		Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{"fruit"}}, time.Minute))

	// Images and manifests, uploaded to the fake's S3.
	fruit := []string{"apple", "banana", "cherry"}
	var train, test bytes.Buffer
	tw, sw := manifest.NewWriter(&train), manifest.NewWriter(&test)
	for n := range 40 {
		key := fmt.Sprintf("images/%02d.jpg", n)
		srv.PutS3Object("fruit-data", key, "", append([]byte{0xff, 0xd8, 0xff, 0xe0}, key...))
		line, err := manifest.NewClassification("s3://fruit-data/"+key, []string{fruit[n%3]}, manifest.Labeling{})
		require.NoError(t, err)
		w := tw
		if n >= 30 {
			w = sw
		}
		require.NoError(t, w.Write(line))
	}
	require.NoError(t, tw.Flush())
	require.NoError(t, sw.Flush())
	srv.PutS3Object("fruit-data", "manifests/train.manifest", "", train.Bytes())
	srv.PutS3Object("fruit-data", "manifests/test.manifest", "", test.Bytes())
	srv.PutS3Object("fruit-results", "README", "", []byte("training results go here"))
	asset := func(key string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "fruit-data", Name: key}}}}
	}

	// Train, and wait until training has ended.
	created, err := c.CreateProjectVersion(ctx, &customlabels.CreateProjectVersionInput{
		ProjectArn: project.ProjectArn, VersionName: "v1",
		OutputConfig: customlabels.OutputConfig{S3Bucket: "fruit-results", S3KeyPrefix: "fruit"},
		TrainingData: customlabels.TrainingData{Assets: asset("manifests/train.manifest")},
		TestingData:  customlabels.TestingData{Assets: asset("manifests/test.manifest")},
	})
	require.NoError(t, err)
	v1 := &customlabels.DescribeProjectVersionsInput{ProjectArn: project.ProjectArn, VersionNames: []string{"v1"}}
	out, err := customlabels.NewProjectVersionTrainingCompletedWaiter(c, waitOpts(30*time.Minute)).WaitForOutput(ctx, v1, time.Minute)
	require.NoError(t, err)
	model := out.ProjectVersionDescriptions[0]
	require.Equal(t, created.ProjectVersionArn, model.ProjectVersionArn)
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, model.Status, model.StatusMessage)
	assert.Equal(t, int64(2*time.Hour/time.Second), model.BillableTrainingTimeInSeconds)

	// The evaluation, from the file training wrote.
	o := model.EvaluationResult.Summary.S3Object
	data, err := srv.S3Object(o.Bucket, o.Name)
	require.NoError(t, err)
	summary, err := evaluation.ParseSummary(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, fruit, summary.EvaluationDetails.Labels)
	assert.Equal(t, 10, summary.EvaluationDetails.NumberOfTestingImages)
	assert.InDelta(t, float64(model.EvaluationResult.F1Score), summary.AggregatedEvaluationResults.F1Score, 1e-6)
	thresholds := summary.Thresholds()

	// Start, wait until RUNNING, and detect: an image it was trained on
	// has its label; the model's labels are filtered per label.
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: model.ProjectVersionArn, MinInferenceUnits: 1})
	require.NoError(t, err)
	require.NoError(t, customlabels.NewProjectVersionRunningWaiter(c, waitOpts(5*time.Minute)).Wait(ctx, v1, time.Minute))
	got, err := c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: model.ProjectVersionArn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "fruit-data", Name: "images/07.jpg"}}})
	require.NoError(t, err)
	require.Len(t, got.CustomLabels, 1)
	assert.Equal(t, "banana", got.CustomLabels[0].Name)
	assert.True(t, thresholds.Keep("banana", got.CustomLabels[0].Confidence))

	// Copy the model to a production project, and wait for the copy.
	prod, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "fruit-prod"})
	require.NoError(t, err)
	srv.Advance(5 * time.Second)
	copied, err := c.CopyProjectVersion(ctx, &customlabels.CopyProjectVersionInput{
		SourceProjectArn: project.ProjectArn, SourceProjectVersionArn: model.ProjectVersionArn,
		DestinationProjectArn: prod.ProjectArn, VersionName: "prod-v1",
		OutputConfig: customlabels.OutputConfig{S3Bucket: "fruit-results", S3KeyPrefix: "prod"},
	})
	require.NoError(t, err)
	prodV1 := &customlabels.DescribeProjectVersionsInput{ProjectArn: prod.ProjectArn, VersionNames: []string{"prod-v1"}}
	out, err = customlabels.NewProjectVersionCopyCompletedWaiter(c, waitOpts(10*time.Minute)).WaitForOutput(ctx, prodV1, time.Minute)
	require.NoError(t, err)
	prodModel := out.ProjectVersionDescriptions[0]
	assert.Equal(t, copied.ProjectVersionArn, prodModel.ProjectVersionArn)
	assert.Equal(t, model.ProjectVersionArn, prodModel.SourceProjectVersionArn)
	assert.Equal(t, model.EvaluationResult.F1Score, prodModel.EvaluationResult.F1Score)

	// A running model cannot be deleted: stop it first, then delete both
	// versions and wait until they are gone; the projects are empty then.
	_, err = c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: model.ProjectVersionArn})
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	_, err = c.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: model.ProjectVersionArn})
	require.NoError(t, err)
	srv.Advance(time.Minute)
	for _, arn := range []string{model.ProjectVersionArn, prodModel.ProjectVersionArn} {
		d, err := c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: arn})
		require.NoError(t, err)
		assert.Equal(t, customlabels.ProjectVersionStatusDeleting, d.Status)
	}
	require.NoError(t, customlabels.NewProjectVersionDeletedWaiter(c, waitOpts(30*time.Second)).Wait(ctx, v1, time.Minute))
	require.NoError(t, customlabels.NewProjectVersionDeletedWaiter(c, waitOpts(30*time.Second)).Wait(ctx, prodV1, time.Minute))
	for _, arn := range []string{project.ProjectArn, prod.ProjectArn} {
		_, err := c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: arn})
		require.NoError(t, err)
	}
}
