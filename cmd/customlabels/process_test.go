package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The tests in this file run the command as a process, built with go
// build, against the fake as a process (cmd/customlabels-fake) or
// in-process: flags, environment, signals, output and exit status as a
// person or a script sees them.

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// binaries builds cmd/customlabels and cmd/customlabels-fake once per test
// run and returns their paths.
func binaries(t *testing.T) (command, fake string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command; not with -short")
	}
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "customlabels-cmd-test-")
		if buildErr != nil {
			return
		}
		for _, pkg := range []string{".", "../customlabels-fake"} {
			out, err := exec.Command("go", "build", "-o", binDir, pkg).CombinedOutput()
			if err != nil {
				buildErr = errors.New("go build " + pkg + ": " + err.Error() + "\n" + string(out))
				return
			}
		}
	})
	require.NoError(t, buildErr)
	return filepath.Join(binDir, "customlabels"), filepath.Join(binDir, "customlabels-fake")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	if code == 0 {
		// Every run's goroutines (one per Region, the fakes', the
		// waiters') have ended.
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goroutines leaked:", err)
			code = 1
		}
	}
	os.Exit(code)
}

var listeningLine = regexp.MustCompile(`^listening on (http://127\.0\.0\.1:[0-9]+)$`)

// syncBuffer is a bytes.Buffer a process writes to while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startFake runs customlabels-fake with args and returns its URL and its
// log of requests; it is stopped at the end of the test.
func startFake(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	_, fake := binaries(t)
	cmd := exec.Command(fake, args...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, "fake's stderr: %s", stderr.String())
	m := listeningLine.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
	require.NotNil(t, m, "first line %q", line)
	return m[1], stderr
}

// command is the command, ready to run with the fake's credentials and no
// other AWS configuration from the machine.
func command(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	bin, _ := binaries(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, args...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"AWS_ACCESS_KEY_ID=" + customlabelstest.DefaultAccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + customlabelstest.DefaultSecretAccessKey,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
	}
	return cmd
}

// runCommand runs the command to the end.
func runCommand(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return result{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
}

func TestProcessProjectsAgainstFakeProcess(t *testing.T) {
	url, _ := startFake(t, "--region", "eu-west-1", "--projects", "7", "--seed", "3")

	r := runCommand(t, command(t, "projects", "--endpoint-url", url, "--region", "eu-west-1", "--output", "json", "--page-size", "3"))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	var out projectsJSONOut
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	want := customlabelstest.DemoData("eu-west-1", 7, 3).Projects // what the fake process serves
	require.Len(t, out.ProjectDescriptions, len(want))
	for i, p := range out.ProjectDescriptions {
		assert.Equal(t, want[i].ProjectArn, p["ProjectArn"])
	}

	t.Run("signed for another Region: exit 1 with the code", func(t *testing.T) {
		r := runCommand(t, command(t, "projects", "--endpoint-url", url, "--region", "us-west-2"))
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: InvalidSignatureException \(request ID [0-9a-f-]+\): `, r.stderr)
		assert.Empty(t, r.stdout)
	})

	t.Run("usage error: exit 2", func(t *testing.T) {
		r := runCommand(t, command(t, "projects", "--endpoint-url", url, "--region", "eu-west-1", "--page-size", "0"))
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "usage error: invalid --page-size 0")
	})

	t.Run("throttled: the listing still completes", func(t *testing.T) {
		url, log := startFake(t, "--region", "eu-west-1", "--projects", "5", "--seed", "3", "--throttle-rps", "2")
		r := runCommand(t, command(t, "projects", "--endpoint-url", url, "--region", "eu-west-1", "--page-size", "1"))
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, 5)
		assert.Contains(t, log.String(), "error=ThrottlingException", "the fake throttled some requests")
	})
}

func TestProcessInterrupted(t *testing.T) {
	srv := newFake(t, "us-east-1")
	srv.InjectFault(customlabelstest.Latency(time.Minute))
	cmd := command(t, "projects", "--endpoint-url", srv.URL, "--region", "us-east-1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	require.Eventually(t, func() bool { return srv.PendingFaults() == 0 }, 20*time.Second, 5*time.Millisecond,
		"the request reached the server")
	interruptCommand(t, cmd, &stdout, &stderr)
}

func TestProcessRunningAcrossFakeProcesses(t *testing.T) {
	east, _ := startFake(t, "--quiet", "--region", "us-east-1", "--projects", "10")
	// eu-west-1 knows other credentials: every request is refused, as in
	// a Region the account cannot use.
	west, _ := startFake(t, "--quiet", "--region", "eu-west-1", "--access-key-id", "AKIDOTHERACCOUNT", "--secret-access-key", "other-secret")
	// ap-northeast-1 throttles: its listing is slowed down, not failed.
	tokyo, tokyoLog := startFake(t, "--region", "ap-northeast-1", "--projects", "6", "--throttle-rps", "3")

	r := runCommand(t, command(t, "running", "--output", "json",
		"--region", "us-east-1,eu-west-1,ap-northeast-1",
		"--endpoint-url", "us-east-1="+east, "--endpoint-url", "eu-west-1="+west, "--endpoint-url", "ap-northeast-1="+tokyo))
	assert.Equal(t, exitError, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "error: 1 of 3 Regions could not be listed: eu-west-1\n", r.stderr)
	got := decodeRunning(t, r.stdout)
	require.Len(t, got.Regions, 3)
	assert.True(t, got.Regions[0].Listed)
	assert.False(t, got.Regions[1].Listed)
	require.NotNil(t, got.Regions[1].Error)
	assert.NotEmpty(t, got.Regions[1].Error.Code)
	assert.NotEmpty(t, got.Regions[1].Error.RequestID)
	assert.True(t, got.Regions[2].Listed, "throttling is retried")
	assert.Contains(t, tokyoLog.String(), "error=ThrottlingException", "the fake throttled some requests")

	var want int
	for _, d := range []customlabelstest.Data{customlabelstest.DemoData("us-east-1", 10, 1), customlabelstest.DemoData("ap-northeast-1", 6, 1)} {
		for _, v := range d.ProjectVersions {
			if isRunning(v.Status) {
				want++
			}
		}
	}
	assert.Equal(t, want, got.Total.Models)
	assert.NotZero(t, want)
}

func TestProcessStartWaitAndInterrupt(t *testing.T) {
	url, _ := startFake(t, "--quiet", "--projects", "10", "--starting-time", "100ms", "--stopping-time", "1h")
	r := runCommand(t, command(t, "models", "--endpoint-url", url, "--region", "us-east-1", "--status", "TRAINING_COMPLETED", "--output", "json"))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var arns []string
	for _, m := range decodeModels(t, r.stdout).Models {
		if m.Feature == "CUSTOM_LABELS" {
			arns = append(arns, m.ProjectVersionArn)
		}
	}
	require.NotEmpty(t, arns)

	r = runCommand(t, command(t, "start", arns[0], "--min-units", "1", "--wait", "--poll-interval", "20ms", "--endpoint-url", url, "--output", "json"))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "RUNNING", decodeLifecycle(t, r.stdout).Status)

	// stop --wait polls for an hour; SIGINT ends it with 130.
	cmd := command(t, "stop", arns[0], "--wait", "--poll-interval", "20ms", "--endpoint-url", url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	time.Sleep(300 * time.Millisecond) // a few polls; any moment is a fair moment to interrupt
	interruptCommand(t, cmd, &stdout, &stderr)
}

// interruptCommand sends SIGINT to the running command and checks that it
// ends within 10 s with exit status 130, "interrupted" on stderr and
// nothing on stdout.
func interruptCommand(t *testing.T, cmd *exec.Cmd, stdout, stderr *bytes.Buffer) {
	t.Helper()
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("%s did not end within 10s of SIGINT", strings.Join(cmd.Args[1:], " "))
	}
	assert.Equal(t, exitInterrupted, cmd.ProcessState.ExitCode(), "stderr: %s", stderr.String())
	assert.Equal(t, "interrupted\n", stderr.String())
	assert.Empty(t, stdout.String())
}
