package customlabels_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	waitProject = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1600000000000"
	waitPrefix  = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/"
)

// waitServer serves project "shelf" with the given versions, by name.
func waitServer(t *testing.T, versions map[string]customlabels.ProjectVersionStatus, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	var vs []customlabels.ProjectVersionDescription
	ts := int64(1600000001000)
	for name, st := range versions {
		ts++
		vs = append(vs, customlabels.ProjectVersionDescription{
			ProjectVersionArn: waitPrefix + name + "/" + strconv.FormatInt(ts, 10),
			Status:            st,
			MinInferenceUnits: 1,
		})
	}
	srv := customlabelstest.NewServer(append([]customlabelstest.Option{
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: waitProject, Status: customlabels.ProjectStatusCreated, Feature: customlabels.CustomizationFeatureCustomLabels}),
		customlabelstest.WithProjectVersions(vs...),
	}, opts...)...)
	t.Cleanup(srv.Close)
	return srv
}

func arnOf(t *testing.T, srv *customlabelstest.Server, name string) string {
	t.Helper()
	for _, v := range srv.ProjectVersions() {
		if v.VersionName() == name {
			return v.ProjectVersionArn
		}
	}
	t.Fatalf("no version %s", name)
	return ""
}

// fast makes a waiter poll every millisecond.
func fast(o *customlabels.WaiterOptions) {
	o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
}

func TestRunningWaiterStartToRunning(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{
		"new": customlabels.ProjectVersionStatusTrainingCompleted,
		// The official waiter's trap: an old stopped version of the same
		// project keeps it from ever succeeding without VersionNames.
		"old": customlabels.ProjectVersionStatusStopped,
	}, customlabelstest.WithStartingTime(10*time.Minute))
	client := srv.Client()
	ctx := context.Background()
	out, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: arnOf(t, srv, "new"), MinInferenceUnits: 2})
	require.NoError(t, err)
	assert.Equal(t, customlabels.ProjectVersionStatusStarting, out.Status)

	var polls []customlabels.WaiterPoll
	w := customlabels.NewProjectVersionRunningWaiter(client, fast, func(o *customlabels.WaiterOptions) {
		o.OnPoll = func(p customlabels.WaiterPoll) {
			polls = append(polls, p)
			if p.Attempt == 3 {
				srv.Advance(10 * time.Minute) // the start completes on the models' clock
			}
		}
	})
	res, err := w.WaitForOutput(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"new"}}, time.Minute)
	require.NoError(t, err)
	require.Len(t, polls, 4, "STARTING three times, then RUNNING")
	for i, p := range polls[:3] {
		assert.Equal(t, customlabels.ProjectVersionStatusStarting, p.Versions[0].Status, "poll %d", i+1)
		assert.Positive(t, p.NextDelay)
	}
	assert.Zero(t, polls[3].NextDelay, "no delay after the last poll")
	require.Len(t, res.ProjectVersionDescriptions, 1)
	assert.Equal(t, customlabels.ProjectVersionStatusRunning, res.ProjectVersionDescriptions[0].Status)
	assert.Equal(t, int32(2), res.ProjectVersionDescriptions[0].MinInferenceUnits)
}

func TestRunningWaiterFailsAtOnce(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{
		"stopped":  customlabels.ProjectVersionStatusStopped,
		"trained":  customlabels.ProjectVersionStatusTrainingCompleted,
		"training": customlabels.ProjectVersionStatusTrainingInProgress,
		"failed":   customlabels.ProjectVersionStatusTrainingFailed,
		"running":  customlabels.ProjectVersionStatusRunning,
	})
	client := srv.Client()
	for _, tt := range []struct {
		names  []string
		bad    string
		status customlabels.ProjectVersionStatus
	}{
		{[]string{"stopped"}, "stopped", customlabels.ProjectVersionStatusStopped},
		{[]string{"trained"}, "trained", customlabels.ProjectVersionStatusTrainingCompleted},
		{[]string{"training"}, "training", customlabels.ProjectVersionStatusTrainingInProgress},
		{[]string{"running", "failed"}, "failed", customlabels.ProjectVersionStatusTrainingFailed},
		{[]string{"running", "gone"}, "gone", ""},
	} {
		t.Run(tt.bad, func(t *testing.T) {
			srv.ResetRequests()
			polls := 0
			err := customlabels.NewProjectVersionRunningWaiter(client, fast).Wait(context.Background(),
				&customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: tt.names}, time.Minute,
				func(o *customlabels.WaiterOptions) { o.OnPoll = func(customlabels.WaiterPoll) { polls++ } })
			var se *customlabels.WaiterStateError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.bad, se.VersionName)
			assert.Equal(t, tt.status, se.Status)
			assert.Equal(t, "ProjectVersionRunning", se.Waiter)
			assert.Contains(t, err.Error(), tt.bad)
			assert.Equal(t, 1, polls, "failed on the first poll")
			assert.Len(t, srv.Requests(), 1)
		})
	}
}

func TestRunningWaiterFailedStart(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{"m": customlabels.ProjectVersionStatusStopped},
		customlabelstest.WithStartingTime(0))
	client := srv.Client()
	arn := arnOf(t, srv, "m")
	require.True(t, srv.FailStart(arn, ""))
	_, err := client.StartProjectVersion(context.Background(), &customlabels.StartProjectVersionInput{ProjectVersionArn: arn, MinInferenceUnits: 1})
	require.NoError(t, err)
	err = customlabels.NewProjectVersionRunningWaiter(client, fast).Wait(context.Background(),
		&customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"m"}}, time.Minute)
	var se *customlabels.WaiterStateError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, customlabels.ProjectVersionStatusFailed, se.Status)
	assert.NotEmpty(t, se.StatusMessage, "the service's explanation is kept")
}

func TestTrainingWaiter(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{
		"a": customlabels.ProjectVersionStatusTrainingInProgress,
		"b": customlabels.ProjectVersionStatusTrainingInProgress,
		"r": customlabels.ProjectVersionStatusRunning, // trained long ago
	}, customlabelstest.WithTrainingTime(time.Hour))
	client := srv.Client()
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"a", "b", "r"}}

	t.Run("completed", func(t *testing.T) {
		polls := 0
		err := customlabels.NewProjectVersionTrainingCompletedWaiter(client, fast, func(o *customlabels.WaiterOptions) {
			o.OnPoll = func(p customlabels.WaiterPoll) {
				polls++
				if polls == 2 {
					srv.Advance(time.Hour)
				}
			}
		}).Wait(context.Background(), in, time.Minute)
		require.NoError(t, err)
		assert.Equal(t, 3, polls)
	})
	t.Run("failed", func(t *testing.T) {
		srv2 := waitServer(t, map[string]customlabels.ProjectVersionStatus{"a": customlabels.ProjectVersionStatusTrainingInProgress},
			customlabelstest.WithTrainingTime(time.Hour))
		require.True(t, srv2.FailTraining(arnOf(t, srv2, "a"), ""))
		srv2.Advance(time.Hour)
		err := customlabels.NewProjectVersionTrainingCompletedWaiter(srv2.Client(), fast).Wait(context.Background(),
			&customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"a"}}, time.Minute)
		var se *customlabels.WaiterStateError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, se.Status)
	})
}

func TestWaiterBounds(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{"m": customlabels.ProjectVersionStatusStarting},
		customlabelstest.WithStartingTime(time.Hour))
	client := srv.Client()
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"m"}}

	t.Run("maxWait", func(t *testing.T) {
		err := customlabels.NewProjectVersionRunningWaiter(client, fast).Wait(context.Background(), in, 20*time.Millisecond)
		require.ErrorIs(t, err, customlabels.ErrWaitTimeout)
		assert.Contains(t, err.Error(), "m is STARTING")
	})
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		err := customlabels.NewProjectVersionRunningWaiter(client, fast, func(o *customlabels.WaiterOptions) {
			o.OnPoll = func(p customlabels.WaiterPoll) {
				if p.Attempt == 2 {
					cancel()
				}
			}
		}).Wait(ctx, in, time.Minute)
		require.ErrorIs(t, err, context.Canceled)
	})
	t.Run("VersionNames required", func(t *testing.T) {
		srv.ResetRequests()
		err := customlabels.NewProjectVersionRunningWaiter(client, fast).Wait(context.Background(),
			&customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject}, time.Minute)
		var ipe *customlabels.InvalidParamError
		require.ErrorAs(t, err, &ipe)
		assert.Equal(t, "VersionNames", ipe.Field)
		assert.Empty(t, srv.Requests(), "nothing sent")
	})
	t.Run("bad options", func(t *testing.T) {
		err := customlabels.NewProjectVersionRunningWaiter(client).Wait(context.Background(), in, time.Minute,
			func(o *customlabels.WaiterOptions) { o.MinDelay, o.MaxDelay = time.Second, time.Millisecond })
		var ipe *customlabels.InvalidParamError
		require.ErrorAs(t, err, &ipe)
		assert.Equal(t, "MaxDelay", ipe.Field)
	})
}

func TestWaiterPollErrors(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{"m": customlabels.ProjectVersionStatusRunning})
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"m"}}
	noRetries := func(o *customlabels.WaiterOptions) {
		o.ClientOptions = []func(*customlabels.Options){func(o *customlabels.Options) { o.RetryMaxAttempts = 1 }}
	}

	t.Run("retryable poll error: the next poll", func(t *testing.T) {
		srv.InjectFaults(2, customlabelstest.Exception("ThrottlingException", 400, "Rate exceeded"))
		var errs []error
		err := customlabels.NewProjectVersionRunningWaiter(srv.Client(), fast, noRetries, func(o *customlabels.WaiterOptions) {
			o.OnPoll = func(p customlabels.WaiterPoll) { errs = append(errs, p.Err) }
		}).Wait(context.Background(), in, time.Minute)
		require.NoError(t, err)
		require.Len(t, errs, 3)
		var th *customlabels.ThrottlingException
		assert.True(t, errors.As(errs[0], &th) && errors.As(errs[1], &th), "the throttled polls are reported")
		assert.NoError(t, errs[2])
	})
	t.Run("other poll error: the end", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 400, "not allowed"))
		err := customlabels.NewProjectVersionRunningWaiter(srv.Client(), fast, noRetries).Wait(context.Background(), in, time.Minute)
		var ad *customlabels.AccessDeniedException
		require.ErrorAs(t, err, &ad)
	})
	t.Run("unknown project", func(t *testing.T) {
		err := customlabels.NewProjectVersionRunningWaiter(srv.Client(), fast).Wait(context.Background(),
			&customlabels.DescribeProjectVersionsInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/nope/1", VersionNames: []string{"m"}}, time.Minute)
		var nf *customlabels.ResourceNotFoundException
		require.ErrorAs(t, err, &nf)
	})
}

// A named version missing from the listing fails every waiter of versions
// at once but the one of deletes, for which it is the awaited state.
func TestWaitersOfVersionsOnMissingVersion(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{"old": customlabels.ProjectVersionStatusStopped})
	client := srv.Client()
	ctx := context.Background()
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: []string{"nothing"}}
	for name, wait := range map[string]func() error{
		"ProjectVersionRunning": func() error {
			return customlabels.NewProjectVersionRunningWaiter(client, fast).Wait(ctx, in, time.Minute)
		},
		"ProjectVersionTrainingCompleted": func() error {
			return customlabels.NewProjectVersionTrainingCompletedWaiter(client, fast).Wait(ctx, in, time.Minute)
		},
		"ProjectVersionCopyCompleted": func() error {
			return customlabels.NewProjectVersionCopyCompletedWaiter(client, fast).Wait(ctx, in, time.Minute)
		},
	} {
		err := wait()
		want := &customlabels.WaiterStateError{Waiter: name, VersionName: "nothing", Reason: "was not found in project " + waitProject}
		var se *customlabels.WaiterStateError
		require.ErrorAs(t, err, &se, "%s.Wait", name)
		assert.Equal(t, want, se, "%s.Wait", name)
		assert.Equal(t, `customlabels: `+name+`: version "nothing" was not found in project `+waitProject, err.Error())
	}
	assert.NoError(t, customlabels.NewProjectVersionDeletedWaiter(client, fast).Wait(ctx, in, time.Minute), "ProjectVersionDeleted.Wait")
}
