package customlabelstest_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// frozen is a server clock that does not move: with Advance, lifecycles
// are exact. It is close enough to real time for signatures.
func frozen() customlabelstest.Option {
	t0 := time.Now().UTC().Truncate(time.Millisecond)
	return customlabelstest.WithClock(func() time.Time { return t0 })
}

// modelServer is a server with project p and one version of it in each
// given status, named after its status.
func modelServer(t *testing.T, opts []customlabelstest.Option, statuses ...customlabels.ProjectVersionStatus) (*customlabelstest.Server, customlabels.ProjectDescription, map[customlabels.ProjectVersionStatus]customlabels.ProjectVersionDescription) {
	t.Helper()
	p := testProject("models")
	vs := map[customlabels.ProjectVersionStatus]customlabels.ProjectVersionDescription{}
	var list []customlabels.ProjectVersionDescription
	t0 := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for i, st := range statuses {
		v := testVersion(p, "m-"+string(st), t0.Add(time.Duration(i)*time.Hour), st)
		if st == customlabels.ProjectVersionStatusRunning || st == customlabels.ProjectVersionStatusStopped {
			v.MinInferenceUnits = 2
		}
		vs[st] = v
		list = append(list, v)
	}
	srv := newServer(t, append([]customlabelstest.Option{frozen(), customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(list...)}, opts...)...)
	return srv, p, vs
}

func start(t *testing.T, srv *customlabelstest.Server, arn string, minUnits, maxUnits int) rawResult {
	t.Helper()
	in := map[string]any{"ProjectVersionArn": arn, "MinInferenceUnits": minUnits}
	if maxUnits > 0 {
		in["MaxInferenceUnits"] = maxUnits
	}
	return call(t, srv, "StartProjectVersion", jsonBody(t, in))
}

func stop(t *testing.T, srv *customlabelstest.Server, arn string) rawResult {
	t.Helper()
	return call(t, srv, "StopProjectVersion", `{"ProjectVersionArn":"`+arn+`"}`)
}

func TestStartThenRunningThenStopThenStopped(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{
		customlabelstest.WithStartingTime(10 * time.Minute),
		customlabelstest.WithStoppingTime(time.Minute),
	}, customlabels.ProjectVersionStatusTrainingCompleted)
	v := vs[customlabels.ProjectVersionStatusTrainingCompleted]

	res := start(t, srv, v.ProjectVersionArn, 2, 5)
	require.Equal(t, http.StatusOK, res.status, res.body)
	assert.Equal(t, `{"Status":"STARTING"}`, res.body)
	got := described(t, srv, p, v)
	assert.Equal(t, "STARTING", got.Status)
	assert.Equal(t, int32(2), got.MinInferenceUnits)
	assert.Equal(t, int32(5), got.MaxInferenceUnits)

	srv.Advance(10*time.Minute - time.Millisecond)
	assert.Equal(t, "STARTING", described(t, srv, p, v).Status, "a millisecond before the starting time")
	srv.Advance(time.Millisecond)
	assert.Equal(t, "RUNNING", described(t, srv, p, v).Status, "at the starting time")

	res = stop(t, srv, v.ProjectVersionArn)
	require.Equal(t, http.StatusOK, res.status, res.body)
	assert.Equal(t, `{"Status":"STOPPING"}`, res.body)
	assert.Equal(t, "STOPPING", described(t, srv, p, v).Status)
	srv.Advance(time.Hour) // far past: one transition, never further
	got = described(t, srv, p, v)
	assert.Equal(t, "STOPPED", got.Status)
	assert.Equal(t, int32(2), got.MinInferenceUnits, "a stopped model keeps its inference units")

	// A stopped model starts again, with other units; no maximum now.
	res = start(t, srv, v.ProjectVersionArn, 1, 0)
	require.Equal(t, http.StatusOK, res.status, res.body)
	srv.Advance(10 * time.Minute)
	got = described(t, srv, p, v)
	assert.Equal(t, "RUNNING", got.Status)
	assert.Equal(t, int32(1), got.MinInferenceUnits)
	assert.Zero(t, got.MaxInferenceUnits)
}

func TestZeroDurationsAreInstant(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{
		customlabelstest.WithTrainingTime(0), customlabelstest.WithStartingTime(0), customlabelstest.WithStoppingTime(0),
	}, customlabels.ProjectVersionStatusTrainingInProgress)
	v := vs[customlabels.ProjectVersionStatusTrainingInProgress]
	assert.Equal(t, "TRAINING_COMPLETED", described(t, srv, p, v).Status)
	assert.Equal(t, `{"Status":"STARTING"}`, start(t, srv, v.ProjectVersionArn, 1, 0).body, "Start answers STARTING even when starting is instant")
	assert.Equal(t, "RUNNING", described(t, srv, p, v).Status)
	assert.Equal(t, `{"Status":"STOPPING"}`, stop(t, srv, v.ProjectVersionArn).body)
	assert.Equal(t, "STOPPED", described(t, srv, p, v).Status)
}

func TestTrainingCompletes(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithTrainingTime(2 * time.Hour)},
		customlabels.ProjectVersionStatusTrainingInProgress)
	v := vs[customlabels.ProjectVersionStatusTrainingInProgress]
	before := described(t, srv, p, v)
	assert.Equal(t, "TRAINING_IN_PROGRESS", before.Status)
	assert.Empty(t, before.TrainingEndTimestamp)

	srv.Advance(3 * time.Hour)
	got := described(t, srv, p, v)
	assert.Equal(t, "TRAINING_COMPLETED", got.Status)
	assert.Equal(t, "The model is ready to run.", got.StatusMessage)
	assert.NotZero(t, got.EvaluationResult.F1Score)
	// The training ended when it was due, not when someone looked.
	versions := srv.ProjectVersions()
	require.Len(t, versions, 1)
	assert.Equal(t, int64(7200), versions[0].BillableTrainingTimeInSeconds)
	added := time.Now().Add(-time.Minute) // the frozen clock is a little earlier than now
	assert.WithinDuration(t, added.Add(2*time.Hour), versions[0].TrainingEndTimestamp, 2*time.Minute)

	// A trained model can be started.
	assert.Equal(t, http.StatusOK, start(t, srv, v.ProjectVersionArn, 1, 0).status)
}

func TestFailTraining(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithTrainingTime(0)},
		customlabels.ProjectVersionStatusTrainingInProgress, customlabels.ProjectVersionStatusTrainingCompleted)
	v := vs[customlabels.ProjectVersionStatusTrainingInProgress]
	assert.True(t, srv.FailTraining(v.ProjectVersionArn, "The manifest file has no labels."), "before anything observed the end, even with instant training")
	assert.False(t, srv.FailTraining(vs[customlabels.ProjectVersionStatusTrainingCompleted].ProjectVersionArn, ""), "not training")
	assert.False(t, srv.FailTraining("arn:aws:rekognition:us-east-1:123456789012:project/models/version/nope/1", ""), "unknown")

	got := described(t, srv, p, v)
	assert.Equal(t, "TRAINING_FAILED", got.Status)
	assert.Equal(t, "The manifest file has no labels.", got.StatusMessage)
	assert.NotEmpty(t, got.TrainingEndTimestamp)
	assert.Zero(t, got.EvaluationResult.F1Score)

	res := start(t, srv, v.ProjectVersionArn, 1, 0)
	assert.Equal(t, http.StatusBadRequest, res.status)
	code, _ := modeledError(t, res)
	assert.Equal(t, "ResourceInUseException", code, "a model that failed to train cannot start")
}

func TestFailStartThenStartAgain(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithStartingTime(time.Minute)},
		customlabels.ProjectVersionStatusStopped)
	v := vs[customlabels.ProjectVersionStatusStopped]
	require.True(t, srv.FailStart(v.ProjectVersionArn, ""), "the next start")
	require.Equal(t, http.StatusOK, start(t, srv, v.ProjectVersionArn, 1, 0).status)
	srv.Advance(time.Minute)
	got := described(t, srv, p, v)
	assert.Equal(t, "FAILED", got.Status)
	assert.NotEmpty(t, got.StatusMessage)

	// FAILED can be started again, and the failure was used up.
	require.Equal(t, http.StatusOK, start(t, srv, v.ProjectVersionArn, 1, 0).status)
	assert.True(t, srv.FailStart(v.ProjectVersionArn, "Capacity is short."), "the start in progress")
	srv.Advance(time.Minute)
	got = described(t, srv, p, v)
	assert.Equal(t, "FAILED", got.Status)
	assert.Equal(t, "Capacity is short.", got.StatusMessage)

	require.Equal(t, http.StatusOK, start(t, srv, v.ProjectVersionArn, 1, 0).status)
	srv.Advance(time.Minute)
	assert.Equal(t, "RUNNING", described(t, srv, p, v).Status)
	assert.False(t, srv.FailStart("arn:aws:rekognition:us-east-1:123456789012:project/models/version/nope/1", ""))
}

func TestStopWhileStarting(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithStoppingTime(time.Minute)},
		customlabels.ProjectVersionStatusStarting)
	v := vs[customlabels.ProjectVersionStatusStarting]
	assert.Equal(t, http.StatusOK, stop(t, srv, v.ProjectVersionArn).status)
	srv.Advance(time.Minute)
	assert.Equal(t, "STOPPED", described(t, srv, p, v).Status)
}

func TestStartAndStopRefusedByStatus(t *testing.T) {
	all := customlabels.ProjectVersionStatus("").Values()
	srv, _, vs := modelServer(t, nil, all...)
	startable := map[customlabels.ProjectVersionStatus]bool{
		customlabels.ProjectVersionStatusTrainingCompleted: true, customlabels.ProjectVersionStatusCopyingCompleted: true,
		customlabels.ProjectVersionStatusStopped: true, customlabels.ProjectVersionStatusFailed: true,
	}
	stoppable := map[customlabels.ProjectVersionStatus]bool{
		customlabels.ProjectVersionStatusRunning: true, customlabels.ProjectVersionStatusStarting: true,
	}
	for _, st := range all {
		t.Run(string(st), func(t *testing.T) {
			arn := vs[st].ProjectVersionArn
			// Stop first: a successful start would change the status.
			res := stop(t, srv, arn)
			if stoppable[st] {
				assert.Equal(t, http.StatusOK, res.status, res.body)
			} else {
				assert.Equal(t, http.StatusBadRequest, res.status)
				code, msg := modeledError(t, res)
				assert.Equal(t, "ResourceInUseException", code)
				assert.Contains(t, msg, string(st))
			}
			if stoppable[st] {
				return // now STOPPING
			}
			res = start(t, srv, arn, 1, 0)
			if startable[st] {
				assert.Equal(t, http.StatusOK, res.status, res.body)
			} else {
				assert.Equal(t, http.StatusBadRequest, res.status)
				code, msg := modeledError(t, res)
				assert.Equal(t, "ResourceInUseException", code)
				assert.Contains(t, msg, string(st))
			}
		})
	}
}

func TestStartAndStopErrors(t *testing.T) {
	srv, _, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithInferenceUnitsLimit(6)},
		customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusStopped, customlabels.ProjectVersionStatusTrainingCompleted)
	stopped := vs[customlabels.ProjectVersionStatusStopped].ProjectVersionArn
	unknown := "arn:aws:rekognition:us-east-1:123456789012:project/models/version/nope/1714521600000"

	adapterProject := testProject("adapter")
	adapterProject.Feature = customlabels.CustomizationFeatureContentModeration
	adapter := testVersion(adapterProject, "a1", time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusTrainingCompleted)
	adapter.Feature = customlabels.CustomizationFeatureContentModeration
	srv.AddProjects(adapterProject)
	srv.AddProjectVersions(adapter)

	cases := []struct {
		name, op, body, code, message string
	}{
		{"start unknown", "StartProjectVersion", `{"ProjectVersionArn":"` + unknown + `","MinInferenceUnits":1}`, "ResourceNotFoundException", unknown},
		{"stop unknown", "StopProjectVersion", `{"ProjectVersionArn":"` + unknown + `"}`, "ResourceNotFoundException", unknown},
		{"max below min", "StartProjectVersion", `{"ProjectVersionArn":"` + stopped + `","MinInferenceUnits":3,"MaxInferenceUnits":2}`, "InvalidParameterException", "MaxInferenceUnits (2) must be greater than or equal to MinInferenceUnits (3)"},
		{"max below min, unknown model", "StartProjectVersion", `{"ProjectVersionArn":"` + unknown + `","MinInferenceUnits":3,"MaxInferenceUnits":2}`, "InvalidParameterException", "MaxInferenceUnits"},
		{"adapter", "StartProjectVersion", `{"ProjectVersionArn":"` + adapter.ProjectVersionArn + `","MinInferenceUnits":1}`, "InvalidParameterException", "Custom Moderation adapter"},
		// 2 running, limit 6: 5 more is too many (max counts), 4 is not.
		{"over the limit", "StartProjectVersion", `{"ProjectVersionArn":"` + stopped + `","MinInferenceUnits":1,"MaxInferenceUnits":5}`, "LimitExceededException", "would exceed the account's limit of 6 inference units (2 inference units in use)"},
		{"over the limit by min", "StartProjectVersion", `{"ProjectVersionArn":"` + stopped + `","MinInferenceUnits":5}`, "LimitExceededException", "with 5 inference units"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := call(t, srv, tc.op, tc.body)
			assert.Equal(t, http.StatusBadRequest, res.status)
			code, msg := modeledError(t, res)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, msg, tc.message)
		})
	}

	// Within the limit: 2 + 4 = 6. Then nothing more fits, STARTING counts.
	res := start(t, srv, stopped, 2, 4)
	require.Equal(t, http.StatusOK, res.status, res.body)
	res = start(t, srv, vs[customlabels.ProjectVersionStatusTrainingCompleted].ProjectVersionArn, 1, 0)
	code, _ := modeledError(t, res)
	assert.Equal(t, "LimitExceededException", code)
	// Stopping frees the units.
	require.Equal(t, http.StatusOK, stop(t, srv, stopped).status)
	assert.Equal(t, http.StatusOK, start(t, srv, vs[customlabels.ProjectVersionStatusTrainingCompleted].ProjectVersionArn, 1, 0).status)
}

func TestStartAndStopValidation(t *testing.T) {
	srv, _, vs := modelServer(t, nil, customlabels.ProjectVersionStatusStopped)
	arn := vs[customlabels.ProjectVersionStatusStopped].ProjectVersionArn
	const pattern = `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`
	projectArn := testProject("models").ProjectArn
	cases := []struct {
		op, body, message string
	}{
		{"StartProjectVersion", `{}`, "2 validation errors detected: Value null at 'minInferenceUnits' failed to satisfy constraint: Member must not be null; Value null at 'projectVersionArn' failed to satisfy constraint: Member must not be null"},
		{"StartProjectVersion", `{"ProjectVersionArn":"` + arn + `"}`, "1 validation error detected: Value null at 'minInferenceUnits' failed to satisfy constraint: Member must not be null"},
		{"StartProjectVersion", `{"ProjectVersionArn":"` + arn + `","MinInferenceUnits":0}`, "1 validation error detected: Value '0' at 'minInferenceUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"StartProjectVersion", `{"ProjectVersionArn":"` + arn + `","MinInferenceUnits":1,"MaxInferenceUnits":0}`, "1 validation error detected: Value '0' at 'maxInferenceUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"StartProjectVersion", `{"ProjectVersionArn":"` + projectArn + `","MinInferenceUnits":1}`, "1 validation error detected: Value '" + projectArn + "' at 'projectVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern},
		{"StopProjectVersion", `{}`, "1 validation error detected: Value null at 'projectVersionArn' failed to satisfy constraint: Member must not be null"},
		{"StopProjectVersion", `{"ProjectVersionArn":"short"}`, "2 validation errors detected: Value 'short' at 'projectVersionArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value 'short' at 'projectVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern},
	}
	for i, tc := range cases {
		t.Run(tc.op+strconv.Itoa(i), func(t *testing.T) {
			res := call(t, srv, tc.op, tc.body)
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, msg := errorBody(t, res.body)
			assert.Equal(t, "com.amazon.coral.validate#ValidationException", typ)
			assert.Equal(t, tc.message, msg)
		})
	}
	res := call(t, srv, "StartProjectVersion", `{"ProjectVersionArn":"`+arn+`","MinInferenceUnits":"1"}`)
	typ, msg := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.service#SerializationException", typ)
	assert.Equal(t, "Expected an integer for MinInferenceUnits, got a string", msg)
}

func TestAdvanceKeepsSignaturesValid(t *testing.T) {
	srv, p, vs := modelServer(t, nil, customlabels.ProjectVersionStatusTrainingCompleted)
	srv.Advance(48 * time.Hour)
	described(t, srv, p, vs[customlabels.ProjectVersionStatusTrainingCompleted]) // signed now: still accepted
	assert.Panics(t, func() { srv.Advance(-time.Second) })
}

// Starts, stops, listings, Advance and the accessors at once, for the race
// detector; every answer is a success or the refusal its status explains.
func TestModelOperationsConcurrently(t *testing.T) {
	d := customlabelstest.DemoData(customlabelstest.DefaultRegion, 20, 4)
	srv := newServer(t, append(d.Options(), customlabelstest.WithStartingTime(time.Minute), customlabelstest.WithStoppingTime(time.Minute))...)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-done:
				return
			default:
				srv.Advance(20 * time.Second)
				_ = srv.ProjectVersions()
				time.Sleep(time.Millisecond)
			}
		}
	}()
	client := srv.Client(noRetry)
	errs := make(chan error, 8*20)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for i := range 20 {
				v := d.ProjectVersions[(g*7+i)%len(d.ProjectVersions)]
				var err error
				switch i % 3 {
				case 0:
					_, err = client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: v.ProjectVersionArn, MinInferenceUnits: 1})
				case 1:
					_, err = client.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: v.ProjectVersionArn})
				default:
					_, err = client.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: d.Projects[i%len(d.Projects)].ProjectArn, MaxResults: 2})
				}
				var inUse *customlabels.ResourceInUseException
				var invalid *customlabels.InvalidParameterException // starting an adapter
				if err != nil && !errors.As(err, &inUse) && !errors.As(err, &invalid) {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
