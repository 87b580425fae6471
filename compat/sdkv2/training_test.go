package sdkv2_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// The official clients train, copy and delete a model on the fake: the
// manifests uploaded with the S3 client, the training awaited with the
// official ProjectVersionTrainingCompleted waiter (the fake's clock moves
// on at each DescribeProjectVersions), the evaluation read back with the
// S3 client.
func TestTrainCopyDeleteWithTheOfficialClients(t *testing.T) {
	var server atomic.Pointer[customlabelstest.Server]
	srv := newServer(t, customlabelstest.WithProjectTime(0), customlabelstest.WithTrainingTime(time.Hour),
		customlabelstest.WithCopyTime(10*time.Minute), customlabelstest.WithDeletingTime(time.Minute),
		customlabelstest.WithRequestHook(func(r customlabelstest.Request) {
			if r.Target == describeVersionsTarget {
				server.Load().Advance(25 * time.Minute)
			}
		}))
	server.Store(srv)
	c := sdkClient(srv)
	sc := s3Client(t, srv)
	ctx := context.Background()

	for _, b := range []string{"data", "results"} {
		_, err := sc.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(b)})
		require.NoError(t, err)
	}
	var train, test bytes.Buffer
	for n := range 24 {
		key := fmt.Sprintf("images/%02d.jpg", n)
		_, err := sc.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("data"), Key: aws.String(key),
			Body: bytes.NewReader(append([]byte{0xff, 0xd8, 0xff, 0xe0}, key...))})
		require.NoError(t, err)
		line, err := manifest.NewClassification("s3://data/"+key, []string{[]string{"up", "down"}[n%2]}, manifest.Labeling{})
		require.NoError(t, err)
		b, err := line.MarshalJSON()
		require.NoError(t, err)
		if n < 18 {
			train.Write(append(b, '\n'))
		} else {
			test.Write(append(b, '\n'))
		}
	}
	for key, body := range map[string][]byte{"train.manifest": train.Bytes(), "test.manifest": test.Bytes()} {
		_, err := sc.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("data"), Key: aws.String(key), Body: bytes.NewReader(body)})
		require.NoError(t, err)
	}
	assets := func(key string) []types.Asset {
		return []types.Asset{{GroundTruthManifest: &types.GroundTruthManifest{S3Object: &types.S3Object{Bucket: aws.String("data"), Name: aws.String(key)}}}}
	}

	project, err := c.CreateProject(ctx, &rekognition.CreateProjectInput{ProjectName: aws.String("arrows")})
	require.NoError(t, err)
	created, err := c.CreateProjectVersion(ctx, &rekognition.CreateProjectVersionInput{
		ProjectArn: project.ProjectArn, VersionName: aws.String("v1"),
		OutputConfig: &types.OutputConfig{S3Bucket: aws.String("results"), S3KeyPrefix: aws.String("arrows")},
		TrainingData: &types.TrainingData{Assets: assets("train.manifest")},
		TestingData:  &types.TestingData{Assets: assets("test.manifest")},
	})
	require.NoError(t, err)

	// The official waiter: pathAll over the versions named.
	v1 := &rekognition.DescribeProjectVersionsInput{ProjectArn: project.ProjectArn, VersionNames: []string{"v1"}}
	out, err := rekognition.NewProjectVersionTrainingCompletedWaiter(c, func(o *rekognition.ProjectVersionTrainingCompletedWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
	}).WaitForOutput(ctx, v1, time.Minute)
	require.NoError(t, err)
	model := out.ProjectVersionDescriptions[0]
	assert.Equal(t, aws.ToString(created.ProjectVersionArn), aws.ToString(model.ProjectVersionArn))
	assert.Equal(t, types.ProjectVersionStatusTrainingCompleted, model.Status)
	assert.Equal(t, int64(3600), aws.ToInt64(model.BillableTrainingTimeInSeconds))
	require.NotNil(t, model.EvaluationResult)
	require.NotNil(t, model.ManifestSummary)

	// The evaluation summary, with the official S3 client.
	o := model.EvaluationResult.Summary.S3Object
	got, err := sc.GetObject(ctx, &s3.GetObjectInput{Bucket: o.Bucket, Key: o.Name})
	require.NoError(t, err)
	data, err := io.ReadAll(got.Body)
	got.Body.Close()
	require.NoError(t, err)
	summary, err := evaluation.ParseSummary(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, []string{"down", "up"}, summary.EvaluationDetails.Labels)
	assert.InDelta(t, float64(aws.ToFloat32(model.EvaluationResult.F1Score)), summary.AggregatedEvaluationResults.F1Score, 1e-6)

	// A second version of the name is refused, typed.
	_, err = c.CreateProjectVersion(ctx, &rekognition.CreateProjectVersionInput{
		ProjectArn: project.ProjectArn, VersionName: aws.String("v1"),
		OutputConfig: &types.OutputConfig{S3Bucket: aws.String("results")},
		TrainingData: &types.TrainingData{Assets: assets("train.manifest")},
		TestingData:  &types.TestingData{AutoCreate: true},
	})
	var inUse *types.ResourceInUseException
	require.ErrorAs(t, err, &inUse)

	// Copy, and wait for the copy with a loop of our own: the official
	// SDK has no waiter for copies.
	copied, err := c.CopyProjectVersion(ctx, &rekognition.CopyProjectVersionInput{
		SourceProjectArn: project.ProjectArn, SourceProjectVersionArn: model.ProjectVersionArn,
		DestinationProjectArn: project.ProjectArn, VersionName: aws.String("v1-copy"),
		OutputConfig: &types.OutputConfig{S3Bucket: aws.String("results"), S3KeyPrefix: aws.String("copies")},
	})
	require.NoError(t, err)
	var copied2 types.ProjectVersionDescription
	for range 5 {
		out, err := c.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: project.ProjectArn, VersionNames: []string{"v1-copy"}})
		require.NoError(t, err)
		if copied2 = out.ProjectVersionDescriptions[0]; copied2.Status != types.ProjectVersionStatusCopyingInProgress {
			break
		}
	}
	assert.Equal(t, types.ProjectVersionStatusCopyingCompleted, copied2.Status)
	assert.Equal(t, aws.ToString(copied.ProjectVersionArn), aws.ToString(copied2.ProjectVersionArn))
	assert.Equal(t, aws.ToString(model.ProjectVersionArn), aws.ToString(copied2.SourceProjectVersionArn))

	// Delete both; a deleted one is not found any more.
	for _, arn := range []*string{model.ProjectVersionArn, copied2.ProjectVersionArn} {
		d, err := c.DeleteProjectVersion(ctx, &rekognition.DeleteProjectVersionInput{ProjectVersionArn: arn})
		require.NoError(t, err)
		assert.Equal(t, types.ProjectVersionStatusDeleting, d.Status)
	}
	left, err := c.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: project.ProjectArn})
	require.NoError(t, err)
	assert.Len(t, left.ProjectVersionDescriptions, 2, "DELETING")
	left, err = c.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: project.ProjectArn})
	require.NoError(t, err)
	assert.Empty(t, left.ProjectVersionDescriptions, "the last describe moved the clock past the deleting time")
	_, err = c.DeleteProjectVersion(ctx, &rekognition.DeleteProjectVersionInput{ProjectVersionArn: model.ProjectVersionArn})
	var notFound *types.ResourceNotFoundException
	assert.ErrorAs(t, err, &notFound)
}

// The official client's errors for the refusals of the three operations.
func TestTrainCopyDeleteTypedErrors(t *testing.T) {
	p, vs := modelsProject(2, customlabels.ProjectVersionStatusRunning)
	vs[1].Status = customlabels.ProjectVersionStatusTrainingInProgress
	srv := newServer(t, customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...), customlabelstest.WithTrainingTime(time.Hour))
	c := sdkClient(srv)
	ctx := context.Background()

	var inUse *types.ResourceInUseException
	for _, v := range vs {
		_, err := c.DeleteProjectVersion(ctx, &rekognition.DeleteProjectVersionInput{ProjectVersionArn: aws.String(v.ProjectVersionArn)})
		assert.ErrorAs(t, err, &inUse, "deleting a %s model", v.Status)
	}
	_, err := c.CopyProjectVersion(ctx, &rekognition.CopyProjectVersionInput{
		SourceProjectArn: aws.String(p.ProjectArn), SourceProjectVersionArn: aws.String(vs[1].ProjectVersionArn),
		DestinationProjectArn: aws.String(p.ProjectArn), VersionName: aws.String("copy"),
		OutputConfig: &types.OutputConfig{S3Bucket: aws.String("results")},
	})
	assert.ErrorAs(t, err, &inUse, "copying a model in training")

	var invalid *types.InvalidParameterException
	_, err = c.CreateProjectVersion(ctx, &rekognition.CreateProjectVersionInput{
		ProjectArn: aws.String(p.ProjectArn), VersionName: aws.String("v9"),
		OutputConfig: &types.OutputConfig{S3Bucket: aws.String("results")},
		TrainingData: &types.TrainingData{Assets: []types.Asset{{GroundTruthManifest: &types.GroundTruthManifest{
			S3Object: &types.S3Object{Bucket: aws.String("data"), Name: aws.String("train.manifest")}}}}},
	})
	assert.ErrorAs(t, err, &invalid, "TrainingData without TestingData")

	var notFound *types.ResourceNotFoundException
	_, err = c.CreateProjectVersion(ctx, &rekognition.CreateProjectVersionInput{
		ProjectArn: aws.String("arn:aws:rekognition:us-east-1:123456789012:project/nope/1"), VersionName: aws.String("v1"),
		OutputConfig: &types.OutputConfig{S3Bucket: aws.String("results")},
	})
	assert.ErrorAs(t, err, &notFound)
}
