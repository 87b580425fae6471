package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// firstPollDelay runs args in-process, stops the run after the first poll
// of its wait and returns the delay the wait would have slept before the
// second. remote makes the run call srv at the endpoint
// http://rekognition.example:PORT, as it would call AWS: requests are
// dialled to srv, but the endpoint is not a loopback one.
func firstPollDelay(t *testing.T, srv *customlabelstest.Server, remote bool, args ...string) (state string, delay time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var stdout, stderr bytes.Buffer
	polls := 0
	e := &env{stdout: &stdout, stderr: &stderr, clientOptions: []func(*customlabels.Options){noBackoff},
		onPoll: func(st string, attempt int, next time.Duration) {
			polls++
			if attempt == 1 {
				state, delay = st, next
				cancel()
			}
		}}
	if remote {
		u, err := url.Parse(srv.URL)
		require.NoError(t, err)
		addr := u.Host
		e.clientOptions = append(e.clientOptions, func(o *customlabels.Options) {
			o.HTTPClient = &http.Client{Transport: &http.Transport{
				DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
					return (&net.Dialer{}).DialContext(ctx, network, addr)
				},
			}}
		})
		args = append(args, "--endpoint-url", "http://rekognition.example:"+u.Port())
	} else if srv != nil {
		args = append(args, "--endpoint-url", srv.URL)
	}
	code := runEnv(ctx, e, args)
	require.Equal(t, exitInterrupted, code, "%v: stdout: %s\nstderr: %s", args, stdout.String(), stderr.String())
	require.Equal(t, 1, polls, "%v: polls", args)
	return state, delay
}

// printedPolls reads the poll delays the help of subcommand states: the
// first delay for each awaited state, and the first delay of --demo and a
// loopback --endpoint-url.
func printedPolls(t *testing.T, subcommand string) (byState map[string]time.Duration, local time.Duration) {
	t.Helper()
	r := runArgs(t, subcommand, "--help")
	require.Equal(t, exitOK, r.code)
	byState = map[string]time.Duration{}
	for _, m := range regexp.MustCompile(`(\S+) up to \S+ for (running|trained|stopped)`).FindAllStringSubmatch(r.stderr, -1) {
		d, err := time.ParseDuration(m[1])
		require.NoError(t, err, "%s --help: %q", subcommand, m[0])
		byState[m[2]] = d
	}
	m := regexp.MustCompile(`(\S+) up to \S+ with --demo or a loopback --endpoint-url`).FindStringSubmatch(r.stderr)
	require.NotNil(t, m, "%s --help states the local poll:\n%s", subcommand, r.stderr)
	local, err := time.ParseDuration(m[1])
	require.NoError(t, err)
	return byState, local
}

// The poll delays the help states are the ones the waits use.
func TestPollDefaultsPrintedAreUsed(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(time.Hour), customlabelstest.WithStoppingTime(time.Hour),
		customlabelstest.WithTrainingTime(time.Hour))
	trained := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	training := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingInProgress)

	for _, tt := range []struct {
		args  []string
		state string
	}{
		{[]string{"start", trained, "--min-units", "1", "--wait"}, "running"},
		{[]string{"wait", "running", trained}, "running"}, // STARTING since the start above
		{[]string{"stop", running, "--wait"}, "stopped"},
		{[]string{"wait", "stopped", running}, "stopped"}, // STOPPING since the stop above
		{[]string{"wait", "trained", training}, "trained"},
	} {
		printed, _ := printedPolls(t, tt.args[0])
		require.Contains(t, printed, tt.state, "%s --help states the poll for %s", tt.args[0], tt.state)
		state, delay := firstPollDelay(t, srv, true, tt.args...)
		assert.Equal(t, tt.state, state, "%v", tt.args)
		assert.Equal(t, printed[tt.state], delay, "%v: the delay before the second poll, as %s --help says", tt.args, tt.args[0])
	}

	t.Run("--demo", func(t *testing.T) {
		for _, args := range [][]string{
			{"start", "--demo", trained, "--min-units", "1", "--wait"},
			{"stop", "--demo", running, "--wait"},
		} {
			_, local := printedPolls(t, args[0])
			_, delay := firstPollDelay(t, nil, false, args...)
			assert.Equal(t, local, delay, "%v", args)
		}
	})

	t.Run("--poll-interval", func(t *testing.T) {
		_, delay := firstPollDelay(t, srv, true, "wait", "running", trained, "--poll-interval", "7s")
		assert.Equal(t, 7*time.Second, delay)
	})
}

// Against a fake on this machine, waits poll at the local delays: an
// 8-second start is seen within seconds, not after 30.
func TestPollFastOnLoopback(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(time.Hour), customlabelstest.WithStoppingTime(time.Hour))
	trained := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	localhost := "http://localhost:" + u.Port()

	for _, args := range [][]string{
		{"start", trained, "--min-units", "1", "--wait", "--endpoint-url", srv.URL},
		{"wait", "running", trained, "--endpoint-url", "us-east-1=" + localhost},
		{"stop", running, "--wait", "--endpoint-url", localhost},
	} {
		_, local := printedPolls(t, args[0])
		_, delay := firstPollDelay(t, nil, false, args...)
		assert.Equal(t, local, delay, "%v", args)
	}

	t.Run("AWS_ENDPOINT_URL", func(t *testing.T) {
		t.Setenv("AWS_ENDPOINT_URL", srv.URL)
		_, local := printedPolls(t, "wait")
		_, delay := firstPollDelay(t, nil, false, "wait", "stopped", running)
		assert.Equal(t, local, delay)
	})

}
