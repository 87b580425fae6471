package customlabels_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Fixtures of the model tests against the fake: a Custom Labels project
// with a trained model and one in training, and an adapter.
const (
	birdsProject  = "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000"
	birdsTrained  = "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000000001"
	birdsTrained2 = "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v2/1700000000002"
	birdsTraining = "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v3/1700000000003"
	adapterProj   = "arn:aws:rekognition:us-east-1:123456789012:project/moderation/1700000000100"
	adapterVer    = "arn:aws:rekognition:us-east-1:123456789012:project/moderation/version/a1/1700000000101"
)

// newModelServer starts a fake holding the fixtures, closed with the test.
func newModelServer(t *testing.T, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	created := time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)
	opts = append([]customlabelstest.Option{
		customlabelstest.WithProjects(
			customlabels.ProjectDescription{ProjectArn: birdsProject, Status: customlabels.ProjectStatusCreated, Feature: customlabels.CustomizationFeatureCustomLabels, CreationTimestamp: created},
			customlabels.ProjectDescription{ProjectArn: adapterProj, Status: customlabels.ProjectStatusCreated, Feature: customlabels.CustomizationFeatureContentModeration, CreationTimestamp: created},
		),
		customlabelstest.WithProjectVersions(
			customlabels.ProjectVersionDescription{ProjectVersionArn: birdsTrained, Status: customlabels.ProjectVersionStatusTrainingCompleted, CreationTimestamp: created.Add(time.Hour)},
			customlabels.ProjectVersionDescription{ProjectVersionArn: birdsTrained2, Status: customlabels.ProjectVersionStatusTrainingCompleted, CreationTimestamp: created.Add(2 * time.Hour)},
			customlabels.ProjectVersionDescription{ProjectVersionArn: birdsTraining, Status: customlabels.ProjectVersionStatusTrainingInProgress, CreationTimestamp: created.Add(3 * time.Hour)},
			customlabels.ProjectVersionDescription{ProjectVersionArn: adapterVer, Status: customlabels.ProjectVersionStatusTrainingCompleted, Feature: customlabels.CustomizationFeatureContentModeration, CreationTimestamp: created.Add(time.Hour)},
		),
		customlabelstest.WithStartingTime(10 * time.Minute),
		customlabelstest.WithStoppingTime(time.Minute),
	}, opts...)
	srv := customlabelstest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// fastClient is the fake's client with retries that do not wait.
func fastClient(srv *customlabelstest.Server) *customlabels.Client {
	return srv.Client(func(o *customlabels.Options) {
		o.Retryer = retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		})
	})
}

// versionOf returns the version versionArn of project as
// DescribeProjectVersions lists it.
func versionOf(t *testing.T, c *customlabels.Client, project, versionArn string) customlabels.ProjectVersionDescription {
	t.Helper()
	a, err := customlabels.ParseARN(versionArn)
	require.NoError(t, err)
	out, err := c.DescribeProjectVersions(context.Background(), &customlabels.DescribeProjectVersionsInput{
		ProjectArn: project, VersionNames: []string{a.VersionName},
	})
	require.NoError(t, err, "DescribeProjectVersions(%s, %s)", project, a.VersionName)
	require.Len(t, out.ProjectVersionDescriptions, 1, "DescribeProjectVersions(%s, %s)", project, a.VersionName)
	require.NotEmpty(t, out.RequestID)
	return out.ProjectVersionDescriptions[0]
}

// requireAPIError checks that err holds an exception of type E and
// returns it.
func requireAPIError[E error](t *testing.T, err error, call string) E {
	t.Helper()
	var e E
	require.True(t, errors.As(err, &e), "%s error = %v, want %T", call, err, e)
	return e
}

func TestProjectVersionLifecycle(t *testing.T) {
	// A frozen clock, so that the transitions are exact to the nanosecond.
	now := time.Now()
	srv := newModelServer(t, customlabelstest.WithClock(func() time.Time { return now }))
	c := fastClient(srv)
	ctx := context.Background()

	started, err := c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained, MinInferenceUnits: 2, MaxInferenceUnits: 3})
	require.NoError(t, err)
	assert.Equal(t, customlabels.ProjectVersionStatusStarting, started.Status, "StartProjectVersion() status")
	assert.NotEmpty(t, started.RequestID)

	v := versionOf(t, c, birdsProject, birdsTrained)
	assert.Equal(t, customlabels.ProjectVersionStatusStarting, v.Status, "status right after the start")
	assert.EqualValues(t, 2, v.MinInferenceUnits)
	assert.EqualValues(t, 3, v.MaxInferenceUnits)

	srv.Advance(10*time.Minute - time.Nanosecond)
	assert.Equal(t, customlabels.ProjectVersionStatusStarting, versionOf(t, c, birdsProject, birdsTrained).Status, "a nanosecond before the starting time")
	srv.Advance(time.Nanosecond)
	assert.Equal(t, customlabels.ProjectVersionStatusRunning, versionOf(t, c, birdsProject, birdsTrained).Status, "after the starting time")

	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained, MinInferenceUnits: 1})
	requireAPIError[*customlabels.ResourceInUseException](t, err, "StartProjectVersion(running)")

	stopped, err := c.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: birdsTrained})
	require.NoError(t, err)
	assert.Equal(t, customlabels.ProjectVersionStatusStopping, stopped.Status, "StopProjectVersion() status")
	assert.Equal(t, customlabels.ProjectVersionStatusStopping, versionOf(t, c, birdsProject, birdsTrained).Status)
	srv.Advance(time.Minute)
	assert.Equal(t, customlabels.ProjectVersionStatusStopped, versionOf(t, c, birdsProject, birdsTrained).Status)

	_, err = c.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: birdsTrained})
	e := requireAPIError[*customlabels.ResourceInUseException](t, err, "StopProjectVersion(stopped)")
	assert.NotEmpty(t, e.RequestID)

	// A stopped model starts again.
	started, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained, MinInferenceUnits: 1})
	require.NoError(t, err)
	assert.Equal(t, customlabels.ProjectVersionStatusStarting, started.Status)
}

func TestProjectVersionStartFromBadStates(t *testing.T) {
	srv := newModelServer(t)
	c := fastClient(srv)
	ctx := context.Background()
	_, err := c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTraining, MinInferenceUnits: 1})
	requireAPIError[*customlabels.ResourceInUseException](t, err, "StartProjectVersion(training)")
	_, err = c.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: birdsTraining})
	requireAPIError[*customlabels.ResourceInUseException](t, err, "StopProjectVersion(training)")

	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained, MinInferenceUnits: 1})
	require.NoError(t, err)
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained, MinInferenceUnits: 1})
	requireAPIError[*customlabels.ResourceInUseException](t, err, "StartProjectVersion(starting)")

	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: adapterVer, MinInferenceUnits: 1})
	requireAPIError[*customlabels.InvalidParameterException](t, err, "StartProjectVersion(adapter)")

	// A start that fails ends in FAILED, from which the model starts again.
	require.True(t, srv.FailStart(birdsTrained2, ""))
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained2, MinInferenceUnits: 1})
	require.NoError(t, err)
	srv.Advance(10 * time.Minute)
	failed := versionOf(t, c, birdsProject, birdsTrained2)
	assert.Equal(t, customlabels.ProjectVersionStatusFailed, failed.Status)
	assert.NotEmpty(t, failed.StatusMessage)
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained2, MinInferenceUnits: 1})
	require.NoError(t, err, "StartProjectVersion(failed)")
}

func TestProjectVersionNotFound(t *testing.T) {
	srv := newModelServer(t)
	c := fastClient(srv)
	ctx := context.Background()
	unknown := "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/nope/1700000000009"
	_, err := c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: unknown, MinInferenceUnits: 1})
	requireAPIError[*customlabels.ResourceNotFoundException](t, err, "StartProjectVersion(unknown)")
	_, err = c.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: unknown})
	requireAPIError[*customlabels.ResourceNotFoundException](t, err, "StopProjectVersion(unknown)")
	_, err = c.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{
		ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000999"})
	requireAPIError[*customlabels.ResourceNotFoundException](t, err, "DescribeProjectVersions(unknown project)")

	// An unknown version name of a known project is an empty page.
	out, err := c.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: birdsProject, VersionNames: []string{"nope"}})
	require.NoError(t, err)
	assert.Empty(t, out.ProjectVersionDescriptions)
	for _, r := range srv.Requests() {
		assert.NotEqual(t, 500, r.Status)
	}
}

func TestProjectVersionInferenceUnitsLimit(t *testing.T) {
	srv := newModelServer(t, customlabelstest.WithInferenceUnitsLimit(3))
	c := fastClient(srv)
	ctx := context.Background()
	_, err := c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained, MinInferenceUnits: 1, MaxInferenceUnits: 2})
	require.NoError(t, err)
	srv.ResetRequests()
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained2, MinInferenceUnits: 2})
	e := requireAPIError[*customlabels.LimitExceededException](t, err, "StartProjectVersion(over the limit)")
	assert.NotEmpty(t, e.RequestID)
	assert.Len(t, srv.Requests(), 3, "LimitExceededException is retried as a throttle")
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, versionOf(t, c, birdsProject, birdsTrained2).Status, "a refused start changes nothing")

	// Within the limit, the second model starts.
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: birdsTrained2, MinInferenceUnits: 1})
	require.NoError(t, err)
}

func TestProjectVersionInput(t *testing.T) {
	srv := newModelServer(t)
	c := fastClient(srv)
	ctx := context.Background()

	t.Run("found", func(t *testing.T) {
		in, err := customlabels.ProjectVersionInput(ctx, c, birdsTrained2)
		require.NoError(t, err)
		assert.Equal(t, &customlabels.DescribeProjectVersionsInput{ProjectArn: birdsProject, VersionNames: []string{"v2"}}, in)
		out, err := c.DescribeProjectVersions(ctx, in)
		require.NoError(t, err)
		require.Len(t, out.ProjectVersionDescriptions, 1)
		assert.Equal(t, birdsTrained2, out.ProjectVersionDescriptions[0].ProjectVersionArn)
	})
	t.Run("adapter found", func(t *testing.T) {
		in, err := customlabels.ProjectVersionInput(ctx, c, adapterVer)
		require.NoError(t, err)
		assert.Equal(t, &customlabels.DescribeProjectVersionsInput{ProjectArn: adapterProj, VersionNames: []string{"a1"}}, in)
	})
	for name, arn := range map[string]string{
		"unknown project":     "arn:aws:rekognition:us-east-1:123456789012:project/fish/version/v1/1700000000001",
		"same name elsewhere": "arn:aws:rekognition:eu-west-1:123456789012:project/birds/version/v1/1700000000001",
		"other account":       "arn:aws:rekognition:us-east-1:210987654321:project/birds/version/v1/1700000000001",
	} {
		t.Run(name, func(t *testing.T) {
			in, err := customlabels.ProjectVersionInput(ctx, c, arn)
			assert.Nil(t, in)
			e := requireAPIError[*customlabels.ResourceNotFoundException](t, err, "ProjectVersionInput("+arn+")")
			assert.NotEmpty(t, e.RequestID, "the request ID of the DescribeProjects that did not find it")
			assert.Contains(t, e.Message, `holds version "v1"`)
		})
	}
	for name, arn := range map[string]string{
		"empty":       "",
		"project ARN": birdsProject,
		"garbage":     "not an arn at all, not at all",
	} {
		t.Run(name, func(t *testing.T) {
			srv.ResetRequests()
			in, err := customlabels.ProjectVersionInput(ctx, c, arn)
			assert.Nil(t, in)
			var pe *customlabels.InvalidParamError
			require.True(t, errors.As(err, &pe), "ProjectVersionInput(%q) error = %v, want *InvalidParamError", arn, err)
			assert.Equal(t, "ProjectVersionInput", pe.Input)
			assert.Equal(t, "ProjectVersionArn", pe.Field)
			assert.Empty(t, srv.Requests(), "ProjectVersionInput(%q) sent a request", arn)
		})
	}
	t.Run("DescribeProjects error passed on", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 400, "no rekognition:DescribeProjects"))
		in, err := customlabels.ProjectVersionInput(ctx, c, birdsTrained)
		assert.Nil(t, in)
		requireAPIError[*customlabels.AccessDeniedException](t, err, "ProjectVersionInput(denied)")
	})
}
