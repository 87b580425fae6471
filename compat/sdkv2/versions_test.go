package sdkv2_test

import (
	"context"
	"errors"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const describeVersionsTarget = "RekognitionService.DescribeProjectVersions"

// modelsProject is a project with n versions created an hour apart, v0
// oldest, each in status.
func modelsProject(n int, status customlabels.ProjectVersionStatus) (customlabels.ProjectDescription, []customlabels.ProjectVersionDescription) {
	p := customlabels.ProjectDescription{
		ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/models/1700000000000",
		CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
		Status:            customlabels.ProjectStatusCreated,
	}
	var vs []customlabels.ProjectVersionDescription
	for i := range n {
		created := p.CreationTimestamp.Add(time.Duration(i+1)*time.Hour + 123*time.Millisecond)
		vs = append(vs, customlabels.ProjectVersionDescription{
			ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/models/version/v" + strconv.Itoa(i) + "/" + strconv.FormatInt(created.UnixMilli(), 10),
			CreationTimestamp: created,
			Status:            status,
		})
	}
	return p, vs
}

func TestDescribeProjectVersionsPaginator(t *testing.T) {
	p, vs := modelsProject(7, customlabels.ProjectVersionStatusTrainingCompleted)
	srv := newServer(t, customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...))
	c := sdkClient(srv)
	pager := rekognition.NewDescribeProjectVersionsPaginator(c, &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p.ProjectArn)},
		func(o *rekognition.DescribeProjectVersionsPaginatorOptions) { o.Limit = 3 })
	var got []string
	pages := 0
	for pager.HasMorePages() {
		require.Less(t, pages, 10, "the paginator must end")
		out, err := pager.NextPage(context.Background())
		require.NoError(t, err, "NextPage after %d pages", pages)
		pages++
		for _, v := range out.ProjectVersionDescriptions {
			got = append(got, aws.ToString(v.ProjectVersionArn))
		}
	}
	var want []string
	for i := len(vs) - 1; i >= 0; i-- { // latest first
		want = append(want, vs[i].ProjectVersionArn)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 3, pages)

	// VersionNames filters.
	out, err := c.DescribeProjectVersions(context.Background(), &rekognition.DescribeProjectVersionsInput{
		ProjectArn: aws.String(p.ProjectArn), VersionNames: []string{"v2", "v5"},
	})
	require.NoError(t, err)
	require.Len(t, out.ProjectVersionDescriptions, 2)
	assert.Equal(t, vs[5].ProjectVersionArn, aws.ToString(out.ProjectVersionDescriptions[0].ProjectVersionArn))
	assert.True(t, sdkTimeMatches(vs[5].CreationTimestamp, out.ProjectVersionDescriptions[0].CreationTimestamp))
}

func TestDescribeProjectVersionsDecodesEveryMember(t *testing.T) {
	d := customlabelstest.DemoData("us-east-1", 20, 1)
	srv := newServer(t, d.Options()...)
	c := sdkClient(srv)
	byArn := map[string]customlabels.ProjectVersionDescription{}
	for _, v := range d.ProjectVersions {
		byArn[v.ProjectVersionArn] = v
	}
	seen := 0
	for _, p := range d.Projects {
		out, err := c.DescribeProjectVersions(context.Background(), &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p.ProjectArn)})
		require.NoError(t, err, p.ProjectArn)
		for _, got := range out.ProjectVersionDescriptions {
			want, ok := byArn[aws.ToString(got.ProjectVersionArn)]
			require.True(t, ok)
			seen++
			assert.True(t, sdkTimeMatches(want.CreationTimestamp, got.CreationTimestamp))
			assert.Equal(t, string(want.Status), string(got.Status))
			assert.Equal(t, want.StatusMessage, aws.ToString(got.StatusMessage))
			assert.Equal(t, want.MinInferenceUnits, aws.ToInt32(got.MinInferenceUnits))
			assert.Equal(t, want.MaxInferenceUnits, aws.ToInt32(got.MaxInferenceUnits))
			assert.Equal(t, want.BillableTrainingTimeInSeconds, aws.ToInt64(got.BillableTrainingTimeInSeconds))
			if !want.TrainingEndTimestamp.IsZero() {
				assert.True(t, sdkTimeMatches(want.TrainingEndTimestamp, got.TrainingEndTimestamp))
			}
			assert.Equal(t, want.KmsKeyId, aws.ToString(got.KmsKeyId))
			assert.Equal(t, want.SourceProjectVersionArn, aws.ToString(got.SourceProjectVersionArn))
			assert.Equal(t, want.VersionDescription, aws.ToString(got.VersionDescription))
			assert.Equal(t, string(want.Feature), string(got.Feature))
			assert.Equal(t, want.BaseModelVersion, aws.ToString(got.BaseModelVersion))
			if want.OutputConfig.S3Bucket != "" {
				require.NotNil(t, got.OutputConfig)
				assert.Equal(t, want.OutputConfig.S3Bucket, aws.ToString(got.OutputConfig.S3Bucket))
			}
			if want.EvaluationResult.F1Score != 0 {
				require.NotNil(t, got.EvaluationResult)
				assert.Equal(t, want.EvaluationResult.F1Score, aws.ToFloat32(got.EvaluationResult.F1Score))
				assert.Equal(t, want.EvaluationResult.Summary.S3Object.Name, aws.ToString(got.EvaluationResult.Summary.S3Object.Name))
			}
			if want.TrainingDataResult.Input.Assets != nil {
				require.NotNil(t, got.TrainingDataResult)
				assert.Equal(t, want.TrainingDataResult.Input.Assets[0].GroundTruthManifest.S3Object.Name,
					aws.ToString(got.TrainingDataResult.Input.Assets[0].GroundTruthManifest.S3Object.Name))
			}
			if want.TestingDataResult.Input.AutoCreate {
				assert.True(t, got.TestingDataResult.Input.AutoCreate)
			}
			if want.ManifestSummary.S3Object.Name != "" {
				assert.Equal(t, want.ManifestSummary.S3Object.Name, aws.ToString(got.ManifestSummary.S3Object.Name))
			}
			if c := want.FeatureConfig.ContentModeration.ConfidenceThreshold; c != 0 {
				assert.Equal(t, c, aws.ToFloat32(got.FeatureConfig.ContentModeration.ConfidenceThreshold))
			}
		}
	}
	assert.Equal(t, len(d.ProjectVersions), seen, "every version, once")
}

func TestStartStopAndTheRunningWaiter(t *testing.T) {
	p, vs := modelsProject(1, customlabels.ProjectVersionStatusTrainingCompleted)
	// Every DescribeProjectVersions, once answered, moves the models' clock
	// by 4 minutes: the waiter sees STARTING, then RUNNING once 10 minutes
	// have passed.
	var server atomic.Pointer[customlabelstest.Server]
	var describes atomic.Int32
	srv := newServer(t,
		customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...),
		customlabelstest.WithStartingTime(10*time.Minute), customlabelstest.WithStoppingTime(time.Minute),
		customlabelstest.WithRequestHook(func(r customlabelstest.Request) {
			if r.Target == describeVersionsTarget && r.Status == 200 {
				describes.Add(1)
				server.Load().Advance(4 * time.Minute)
			}
		}))
	server.Store(srv)
	c := sdkClient(srv)
	ctx := context.Background()
	arn := aws.String(vs[0].ProjectVersionArn)

	started, err := c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{
		ProjectVersionArn: arn, MinInferenceUnits: aws.Int32(1), MaxInferenceUnits: aws.Int32(3),
	})
	require.NoError(t, err)
	assert.Equal(t, types.ProjectVersionStatusStarting, started.Status)

	waiter := rekognition.NewProjectVersionRunningWaiter(c, func(o *rekognition.ProjectVersionRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
	})
	in := &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p.ProjectArn), VersionNames: []string{"v0"}}
	out, err := waiter.WaitForOutput(ctx, in, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, types.ProjectVersionStatusRunning, out.ProjectVersionDescriptions[0].Status)
	assert.Equal(t, int32(4), describes.Load(), "STARTING at 0, 4 and 8 minutes, RUNNING at 12")
	assert.Equal(t, int32(3), aws.ToInt32(out.ProjectVersionDescriptions[0].MaxInferenceUnits))

	stopped, err := c.StopProjectVersion(ctx, &rekognition.StopProjectVersionInput{ProjectVersionArn: arn})
	require.NoError(t, err)
	assert.Equal(t, types.ProjectVersionStatusStopping, stopped.Status)

	// Stopping again, or starting while STOPPING, is ResourceInUseException.
	_, err = c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{ProjectVersionArn: arn, MinInferenceUnits: aws.Int32(1)})
	var inUse *types.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Contains(t, aws.ToString(inUse.Message), "STOPPING")
	code, status, requestID := apiError(t, err)
	assert.Equal(t, "ResourceInUseException", code)
	assert.Equal(t, 400, status)
	assert.NotEmpty(t, requestID)
}

func TestRunningWaiterFailsWhenTheStartFails(t *testing.T) {
	p, vs := modelsProject(1, customlabels.ProjectVersionStatusStopped)
	srv := newServer(t, customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...), customlabelstest.WithStartingTime(0))
	srv.FailStart(vs[0].ProjectVersionArn, "")
	c := sdkClient(srv)
	_, err := c.StartProjectVersion(context.Background(), &rekognition.StartProjectVersionInput{
		ProjectVersionArn: aws.String(vs[0].ProjectVersionArn), MinInferenceUnits: aws.Int32(1),
	})
	require.NoError(t, err)
	waiter := rekognition.NewProjectVersionRunningWaiter(c, func(o *rekognition.ProjectVersionRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
	})
	err = waiter.Wait(context.Background(), &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p.ProjectArn)}, time.Minute)
	require.Error(t, err, "the waiter's failure acceptor: FAILED")
	assert.Len(t, srv.Requests(), 2, "one start and one describe: the waiter stopped at once")
}

func TestTrainingCompletedWaiter(t *testing.T) {
	p, vs := modelsProject(2, customlabels.ProjectVersionStatusTrainingInProgress)
	var server atomic.Pointer[customlabelstest.Server]
	srv := newServer(t,
		customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...),
		customlabelstest.WithTrainingTime(time.Hour),
		customlabelstest.WithRequestHook(func(r customlabelstest.Request) {
			if r.Target == describeVersionsTarget {
				server.Load().Advance(25 * time.Minute)
			}
		}))
	server.Store(srv)
	c := sdkClient(srv)
	waiter := rekognition.NewProjectVersionTrainingCompletedWaiter(c, func(o *rekognition.ProjectVersionTrainingCompletedWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
	})
	in := &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p.ProjectArn)}
	out, err := waiter.WaitForOutput(context.Background(), in, time.Minute)
	require.NoError(t, err)
	for _, v := range out.ProjectVersionDescriptions {
		assert.Equal(t, types.ProjectVersionStatusTrainingCompleted, v.Status, "pathAll: every version")
		assert.Equal(t, int64(3600), aws.ToInt64(v.BillableTrainingTimeInSeconds))
	}

	// A failing training ends the waiter with an error.
	p2, vs2 := modelsProject(1, customlabels.ProjectVersionStatusTrainingInProgress)
	srv2 := newServer(t, customlabelstest.WithProjects(p2), customlabelstest.WithProjectVersions(vs2...), customlabelstest.WithTrainingTime(0))
	require.True(t, srv2.FailTraining(vs2[0].ProjectVersionArn, ""))
	waiter = rekognition.NewProjectVersionTrainingCompletedWaiter(sdkClient(srv2), func(o *rekognition.ProjectVersionTrainingCompletedWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
	})
	err = waiter.Wait(context.Background(), &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p2.ProjectArn)}, time.Minute)
	assert.Error(t, err)
}

func TestModelOperationsTypedErrors(t *testing.T) {
	p, vs := modelsProject(2, customlabels.ProjectVersionStatusRunning)
	srv := newServer(t, customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...), customlabelstest.WithInferenceUnitsLimit(1))
	srv.RemoveProjectVersions(vs[1].ProjectVersionArn)
	_, stopped := modelsProject(1, customlabels.ProjectVersionStatusStopped)
	stopped[0].ProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/models/version/stopped/1700000000999"
	srv.AddProjectVersions(stopped[0])
	c := sdkClient(srv)
	ctx := context.Background()
	unknown := aws.String("arn:aws:rekognition:us-east-1:123456789012:project/models/version/nope/1")

	_, err := c.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String("arn:aws:rekognition:us-east-1:123456789012:project/nope/1")})
	var notFound *types.ResourceNotFoundException
	assert.ErrorAs(t, err, &notFound, "DescribeProjectVersions of an unknown project")

	_, err = c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{ProjectVersionArn: unknown, MinInferenceUnits: aws.Int32(1)})
	assert.ErrorAs(t, err, &notFound, "StartProjectVersion of an unknown model")
	_, err = c.StopProjectVersion(ctx, &rekognition.StopProjectVersionInput{ProjectVersionArn: unknown})
	assert.ErrorAs(t, err, &notFound, "StopProjectVersion of an unknown model")

	var inUse *types.ResourceInUseException
	_, err = c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{ProjectVersionArn: aws.String(vs[0].ProjectVersionArn), MinInferenceUnits: aws.Int32(1)})
	assert.ErrorAs(t, err, &inUse, "starting a RUNNING model")
	_, err = c.StopProjectVersion(ctx, &rekognition.StopProjectVersionInput{ProjectVersionArn: aws.String(stopped[0].ProjectVersionArn)})
	assert.ErrorAs(t, err, &inUse, "stopping a STOPPED model")

	var invalid *types.InvalidParameterException
	_, err = c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{ProjectVersionArn: aws.String(stopped[0].ProjectVersionArn), MinInferenceUnits: aws.Int32(2), MaxInferenceUnits: aws.Int32(1)})
	assert.ErrorAs(t, err, &invalid)

	var limit *types.LimitExceededException
	_, err = c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{ProjectVersionArn: aws.String(stopped[0].ProjectVersionArn), MinInferenceUnits: aws.Int32(1)})
	assert.ErrorAs(t, err, &limit, "the running model has the account's only unit")

	var badToken *types.InvalidPaginationTokenException
	_, err = c.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(p.ProjectArn), NextToken: aws.String("garbage")})
	assert.ErrorAs(t, err, &badToken)

	// The SDK validates required members itself; the server's own check
	// answers a value out of range.
	_, err = c.StartProjectVersion(ctx, &rekognition.StartProjectVersionInput{ProjectVersionArn: aws.String(stopped[0].ProjectVersionArn), MinInferenceUnits: aws.Int32(0)})
	code, status, _ := apiError(t, err)
	assert.Equal(t, "ValidationException", code)
	assert.Equal(t, 400, status)

	// Faults apply to these operations too, and the SDK retries a 500.
	srv.InjectFault(customlabelstest.Exception("InternalServerError", 0, ""))
	_, err = c.StopProjectVersion(ctx, &rekognition.StopProjectVersionInput{ProjectVersionArn: aws.String(vs[0].ProjectVersionArn)})
	require.NoError(t, err, "retried after the injected 500")
	assert.False(t, errors.Is(err, context.Canceled))
}
