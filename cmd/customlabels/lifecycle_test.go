package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// demoModel returns the ARN of the first Custom Labels model of the demo
// account in region that is in status.
func demoModel(t *testing.T, region string, status customlabels.ProjectVersionStatus) string {
	t.Helper()
	for _, v := range demoData(region).ProjectVersions {
		if v.Status == status && v.Feature != customlabels.CustomizationFeatureContentModeration {
			return v.ProjectVersionArn
		}
	}
	t.Fatalf("the demo has no %s model in %s", status, region)
	return ""
}

func decodeLifecycle(t *testing.T, out string) lifecycleJSON {
	t.Helper()
	var v lifecycleJSON
	require.NoError(t, json.Unmarshal([]byte(out), &v), "output:\n%s", out)
	return v
}

// versionStatus returns the status of arn on srv.
func versionStatus(t *testing.T, srv *customlabelstest.Server, arn string) customlabels.ProjectVersionDescription {
	t.Helper()
	for _, v := range srv.ProjectVersions() {
		if v.ProjectVersionArn == arn {
			return v
		}
	}
	t.Fatalf("no version %s", arn)
	return customlabels.ProjectVersionDescription{}
}

func TestStartWaitStop(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(30*time.Millisecond), customlabelstest.WithStoppingTime(30*time.Millisecond))
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	at := []string{"--endpoint-url", srv.URL, "--output", "json", "--poll-interval", "10ms"}

	r := runArgs(t, append([]string{"start", arn, "--min-units", "2", "--max-units", "3"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, lifecycleJSON{ProjectVersionArn: arn, Status: "STARTING"}, decodeLifecycle(t, r.stdout))
	v := versionStatus(t, srv, arn)
	assert.Equal(t, int32(2), v.MinInferenceUnits)
	assert.Equal(t, int32(3), v.MaxInferenceUnits)

	r = runArgs(t, append([]string{"wait", "running", arn}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, lifecycleJSON{ProjectVersionArn: arn, Status: "RUNNING", StatusMessage: "The model is running."}, decodeLifecycle(t, r.stdout))

	r = runArgs(t, append([]string{"stop", arn, "--wait"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "STOPPED", decodeLifecycle(t, r.stdout).Status)
	assert.Equal(t, customlabels.ProjectVersionStatusStopped, versionStatus(t, srv, arn).Status)

	t.Run("waiting for a stopped model to run fails at once", func(t *testing.T) {
		r := runArgs(t, append([]string{"wait", "running", arn}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, `version "`+versionName(arn)+`" is STOPPED`)
		assert.Empty(t, r.stdout)
	})

	t.Run("start --wait", func(t *testing.T) {
		r := runArgs(t, "start", "--min-units", "1", "--wait", arn, "--endpoint-url", srv.URL, "--poll-interval", "10ms")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		require.Len(t, rows, 1)
		assert.Equal(t, []string{versionName(arn), "RUNNING", "The", "model", "is", "running."}, rows[0])
	})

	t.Run("starting a running model is an API error", func(t *testing.T) {
		r := runArgs(t, append([]string{"start", arn, "--min-units", "1"}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: ResourceInUseException \(request ID [0-9a-f-]+\): `, r.stderr)
	})
}

func TestStopWhatIsStopped(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStoppingTime(time.Hour))
	at := []string{"--endpoint-url", srv.URL, "--output", "json", "--poll-interval", "10ms"}

	t.Run("stopped", func(t *testing.T) {
		stopped := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusStopped)
		for _, wait := range [][]string{nil, {"--wait"}} {
			r := runArgs(t, append(append([]string{"stop", stopped}, wait...), at...)...)
			require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			assert.Equal(t, versionName(stopped)+" is already STOPPED: nothing to stop\n", r.stderr)
			got := decodeLifecycle(t, r.stdout)
			assert.Equal(t, "STOPPED", got.Status)
			assert.Equal(t, stopped, got.ProjectVersionArn)
		}
	})

	t.Run("stopping", func(t *testing.T) {
		running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
		r := runArgs(t, append([]string{"stop", running}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "STOPPING", decodeLifecycle(t, r.stdout).Status)
		assert.Empty(t, r.stderr)

		r = runArgs(t, append([]string{"stop", running}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, versionName(running)+" is already STOPPING: nothing to stop\n", r.stderr)
		assert.Equal(t, "STOPPING", decodeLifecycle(t, r.stdout).Status)

		// --wait waits for the stop already under way.
		srv.Advance(time.Hour)
		r = runArgs(t, append([]string{"stop", running, "--wait"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "STOPPED", decodeLifecycle(t, r.stdout).Status)
	})

	t.Run("a model that was never started is still an error", func(t *testing.T) {
		trained := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
		r := runArgs(t, append([]string{"stop", trained}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: ResourceInUseException \(request ID [0-9a-f-]+\): `, r.stderr)
		assert.Empty(t, r.stdout)
	})
}

func TestWaitStopped(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStoppingTime(30*time.Millisecond))
	running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	at := []string{"--endpoint-url", srv.URL, "--output", "json", "--poll-interval", "10ms"}

	r := runArgs(t, append([]string{"wait", "stopped", running}, at...)...)
	assert.Equal(t, exitError, r.code, "a running model does not stop by waiting")
	assert.Contains(t, r.stderr, "is RUNNING, not stopping")

	r = runArgs(t, append([]string{"stop", running}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	r = runArgs(t, append([]string{"wait", "stopped", running}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, lifecycleJSON{ProjectVersionArn: running, Status: "STOPPED", StatusMessage: versionStatus(t, srv, running).StatusMessage}, decodeLifecycle(t, r.stdout))
}

func TestWaitTrained(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithTrainingTime(30*time.Millisecond))
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingInProgress)
	r := runArgs(t, "wait", "trained", arn, "--endpoint-url", srv.URL, "--poll-interval", "10ms", "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "TRAINING_COMPLETED", decodeLifecycle(t, r.stdout).Status)

	failed := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingFailed)
	r = runArgs(t, "wait", "trained", failed, "--endpoint-url", srv.URL, "--poll-interval", "10ms")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "is TRAINING_FAILED: training failed")
}

func TestWaitTimesOut(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(time.Hour), customlabelstest.WithStoppingTime(time.Hour))
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	r := runArgs(t, "start", arn, "--min-units", "1", "--wait", "--max-wait", "50ms", "--poll-interval", "10ms", "--endpoint-url", srv.URL)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "maximum wait time exceeded")
	assert.Empty(t, r.stdout)

	running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	r = runArgs(t, "stop", running, "--wait", "--max-wait", "50ms", "--poll-interval", "10ms", "--endpoint-url", srv.URL)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "maximum wait time exceeded: waited 50ms for "+versionName(running)+" to stop")
}

func TestWaitInterrupted(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(time.Hour))
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	r := runArgs(t, "start", arn, "--min-units", "1", "--endpoint-url", srv.URL)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "wait", "running", arn, "--endpoint-url", srv.URL, "--poll-interval", "10ms")
	}()
	require.Eventually(t, func() bool { return len(srv.Requests()) >= 4 }, 10*time.Second, 5*time.Millisecond, "polling")
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
	case <-time.After(10 * time.Second):
		t.Fatal("wait did not return after its context was cancelled")
	}
}

// start --wait that ends before the model runs says that the model is
// still starting and will bill, and how to stop it.
func TestStartWaitEndsEarly(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(time.Hour))
	trained := func() []string {
		var arns []string
		for _, v := range demoData("us-east-1").ProjectVersions {
			if v.Status == customlabels.ProjectVersionStatusTrainingCompleted && v.Feature != customlabels.CustomizationFeatureContentModeration {
				arns = append(arns, v.ProjectVersionArn)
			}
		}
		require.GreaterOrEqual(t, len(arns), 3)
		return arns
	}()
	stopHint := func(arn string) string {
		return "  customlabels stop " + arn + " --endpoint-url " + srv.URL + "\n"
	}

	t.Run("interrupted while waiting", func(t *testing.T) {
		arn := trained[0]
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, clientOptions: []func(*customlabels.Options){noBackoff},
			onPoll: func(string, int, time.Duration) { cancel() }} // Ctrl-C after the first poll
		code := runEnv(ctx, e, []string{"start", arn, "--min-units", "1", "--wait", "--endpoint-url", srv.URL})
		assert.Equal(t, exitInterrupted, code)
		assert.Empty(t, stdout.String())
		assert.Equal(t, "interrupted\n"+versionName(arn)+" is still starting: once running, it bills for its inference units until stopped. Stop it with\n"+stopHint(arn), stderr.String())

		// The command printed stops it.
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		words := strings.Fields(lines[len(lines)-1])
		require.Equal(t, "customlabels", words[0])
		r := runArgs(t, words[1:]...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, customlabels.ProjectVersionStatusStopping, versionStatus(t, srv, arn).Status)
	})

	t.Run("out of time", func(t *testing.T) {
		arn := trained[1]
		r := runArgs(t, "start", arn, "--min-units", "1", "--wait", "--max-wait", "30ms", "--poll-interval", "10ms", "--endpoint-url", srv.URL)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: .*maximum wait time exceeded.*\n`+regexp.QuoteMeta(versionName(arn)+" is still starting: once running, it bills for its inference units until stopped. Stop it with\n"+stopHint(arn))+`$`, r.stderr)
	})

	t.Run("interrupted before StartProjectVersion answered", func(t *testing.T) {
		arn := trained[2]
		dir := awsEnv(t)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "config"), []byte("[profile my profile]\nregion = us-east-1\n"+
			"aws_access_key_id = "+customlabelstest.DefaultAccessKeyID+"\naws_secret_access_key = "+customlabelstest.DefaultSecretAccessKey+"\n"), 0o600))
		srv.InjectFault(customlabelstest.Latency(time.Minute))
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		done := make(chan result, 1)
		go func() {
			done <- runContext(ctx, "start", arn, "--min-units", "1", "--wait", "--endpoint-url", srv.URL, "--profile", "my profile")
		}()
		require.Eventually(t, func() bool { return srv.PendingFaults() == 0 }, 10*time.Second, 5*time.Millisecond, "the request reached the server")
		cancel()
		r := <-done
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n"+versionName(arn)+" may be starting: the request was sent. Check with\n"+
			"  customlabels wait running "+arn+" --profile 'my profile' --endpoint-url "+srv.URL+"\n"+
			"and stop it with\n"+
			"  customlabels stop "+arn+" --profile 'my profile' --endpoint-url "+srv.URL+"\n", r.stderr)
	})

	t.Run("a model that fails to start bills nothing", func(t *testing.T) {
		srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(30*time.Millisecond))
		arn := trained[0]
		require.True(t, srv.FailStart(arn, "the model failed to start"))
		r := runArgs(t, "start", arn, "--min-units", "1", "--wait", "--endpoint-url", srv.URL, "--poll-interval", "10ms")
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "is FAILED")
		assert.NotContains(t, r.stderr, "still starting")
	})

	t.Run("--demo ends with the run", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, onPoll: func(string, int, time.Duration) { cancel() }}
		code := runEnv(ctx, e, []string{"start", "--demo", trained[0], "--min-units", "1", "--wait"})
		assert.Equal(t, exitInterrupted, code)
		assert.Equal(t, "interrupted\n", stderr.String())
	})
}

func TestLifecycleDemoJSON(t *testing.T) {
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	r := runArgs(t, "start", "--demo", arn, "--min-units", "1", "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "start.json.golden", r.stdout)

	running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	r = runArgs(t, "stop", "--demo", running, "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "stop.json.golden", r.stdout)
}

func TestLifecycleUsageErrors(t *testing.T) {
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	project := demoData("us-east-1").Projects[0].ProjectArn
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"start without MODEL", []string{"start", "--min-units", "1"}, "missing MODEL: a model's ARN"},
		{"start with a project ARN", []string{"start", project, "--min-units", "1"}, "invalid MODEL \"" + project + "\": not a model's ARN"},
		{"start with garbage", []string{"start", "model-1", "--min-units", "1"}, `invalid MODEL "model-1": must be a model's ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP), or PROJECT/VERSION`},
		{"start without units", []string{"start", arn}, "missing --min-units"},
		{"start with zero units", []string{"start", arn, "--min-units", "0"}, "invalid --min-units 0"},
		{"max below min", []string{"start", arn, "--min-units", "3", "--max-units", "2"}, "invalid --max-units 2: must be at least --min-units 3"},
		{"min units beyond 32 bits", []string{"start", arn, "--min-units", "4294967297"}, "invalid --min-units 4294967297: must be 1 to 2147483647"},
		{"max units beyond 32 bits", []string{"start", arn, "--min-units", "1", "--max-units", "4294967298"}, "invalid --max-units 4294967298"},
		{"two ARNs", []string{"start", arn, arn, "--min-units", "1"}, "start takes one MODEL"},
		{"region mismatch", []string{"stop", arn, "--region", "eu-west-1"}, "--region eu-west-1, but the model is in us-east-1"},
		{"wait without state", []string{"wait", arn}, "wait needs the state to wait for, running, trained or stopped"},
		{"wait for a bad state", []string{"wait", "walking", arn}, "wait needs the state to wait for"},
		{"bad max wait", []string{"wait", "running", arn, "--max-wait", "0s"}, "invalid --max-wait 0s"},
		{"bad poll interval", []string{"wait", "running", arn, "--poll-interval", "-1s"}, "invalid --poll-interval -1s"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append(tt.args, "--demo")...)
			assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}
