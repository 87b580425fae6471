package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The test binary runs the command's main when this variable is set, so
// the tests below exec the real command (flags, signals, output and exit
// status included) without a separate build.
const runMainEnv = "CUSTOMLABELS_FAKE_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

var listeningLine = regexp.MustCompile(`^listening on (http://127\.0\.0\.1:[0-9]+)$`)

var bothFeatures = []customlabels.CustomizationFeature{
	customlabels.CustomizationFeatureCustomLabels,
	customlabels.CustomizationFeatureContentModeration,
}

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

// process is the command running as a child process.
type process struct {
	cmd    *exec.Cmd
	url    string
	stdout *syncBuffer // after the first line
	stderr *syncBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // cmd.Wait's result, once done is closed
}

// start runs the command with args and waits for its first line.
func start(t *testing.T, args ...string) *process {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	p := &process{cmd: cmd, stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = p.stderr
	require.NoError(t, cmd.Start())

	first := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		first <- strings.TrimSuffix(line, "\n")
		_, _ = io.Copy(p.stdout, r)
		p.err = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = cmd.Process.Kill()
			<-p.done
		}
	})

	select {
	case line := <-first:
		m := listeningLine.FindStringSubmatch(line)
		require.NotNil(t, m, "first line %q; stderr:\n%s", line, p.stderr.String())
		p.url = m[1]
	case <-time.After(30 * time.Second):
		t.Fatalf("no first line within 30s; stderr:\n%s", p.stderr.String())
	}
	return p
}

// stop sends sig and returns the exit code.
func (p *process) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(sig))
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("still running 30s after %v; stderr:\n%s", sig, p.stderr.String())
	}
	if p.err != nil {
		return p.cmd.ProcessState.ExitCode()
	}
	return 0
}

func client(url, keyID, secret, token, region string) *customlabels.Client {
	return customlabels.New(customlabels.Options{
		Region:       region,
		BaseEndpoint: url,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: keyID, SecretAccessKey: secret, SessionToken: token}, nil
		}),
		RetryMaxAttempts: 1,
	})
}

func listAll(t *testing.T, c *customlabels.Client, in customlabels.DescribeProjectsInput) []customlabels.ProjectDescription {
	t.Helper()
	var all []customlabels.ProjectDescription
	for range 100 {
		out, err := c.DescribeProjects(context.Background(), &in)
		require.NoError(t, err)
		all = append(all, out.ProjectDescriptions...)
		if out.NextToken == "" {
			return all
		}
		in.NextToken = out.NextToken
	}
	t.Fatal("too many pages")
	return nil
}

func TestCommandServesDemoProjectsAndStopsOnSignal(t *testing.T) {
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			p := start(t, "--projects", "7", "--seed", "3")
			c := client(p.url, customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
			got := listAll(t, c, customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 3})
			assert.Equal(t, customlabelstest.DemoProjects(7, 3), got)

			// The signature is checked.
			_, err := client(p.url, customlabelstest.DefaultAccessKeyID, "wrong-secret-never-logged", "", "us-east-1").
				DescribeProjects(context.Background(), nil)
			var apiErr interface{ ErrorCode() string }
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode())

			assert.Equal(t, 0, p.stop(t, sig), "stderr:\n%s", p.stderr.String())
			stderr := p.stderr.String()
			assert.Contains(t, stderr, "customlabels-fake: 7 projects, 6 models, region us-east-1, access key ID AKIDFAKECUSTOMLABELS, signatures verified; models train in 5m0s, copy in 2m0s, start in 1m0s, stop in 30s; stop with Ctrl-C")
			assert.Contains(t, stderr, `POST / "RekognitionService.DescribeProjects" status=200 key=AKIDFAKECUSTOMLABELS request-id=`)
			assert.Contains(t, stderr, "status=400 error=InvalidSignatureException")
			assert.Contains(t, stderr, "customlabels-fake: stopped")
			assert.NotContains(t, stderr, customlabelstest.DefaultSecretAccessKey)
			assert.NotContains(t, stderr, "wrong-secret-never-logged")
			assert.Empty(t, p.stdout.String(), "nothing on stdout after the first line")

			_, err = c.DescribeProjects(context.Background(), nil)
			assert.Error(t, err, "nothing listens after the stop")
		})
	}
}

func TestCommandDataCredentialsRegionAndThrottle(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "projects.json")
	require.NoError(t, os.WriteFile(data, []byte(`{"ProjectDescriptions":[
		{"ProjectArn":"arn:aws:rekognition:eu-west-1:123456789012:project/snap/1700000000123",
		 "CreationTimestamp":"2023-11-14T22:13:20.123000+00:00","Status":"CREATED","Feature":"CUSTOM_LABELS","Datasets":[]}]}`), 0o600))

	p := start(t, "--data", data, "--access-key-id", "AKIDCMD", "--secret-access-key", "cmd-secret-never-logged",
		"--session-token", "cmd-token-never-logged", "--region", "eu-west-1", "--throttle-rps", "1")
	c := client(p.url, "AKIDCMD", "cmd-secret-never-logged", "cmd-token-never-logged", "eu-west-1")
	out, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{Features: bothFeatures})
	require.NoError(t, err)
	require.Len(t, out.ProjectDescriptions, 1, "only the file's projects: --projects defaults to 0 with --data")
	assert.Equal(t, time.Date(2023, 11, 14, 22, 13, 20, 123_000_000, time.UTC), out.ProjectDescriptions[0].CreationTimestamp)

	_, err = c.DescribeProjects(context.Background(), nil)
	var throttled *customlabels.ThrottlingException
	require.ErrorAs(t, err, &throttled, "the second request within a second is throttled")

	_, err = client(p.url, "AKIDCMD", "cmd-secret-never-logged", "", "eu-west-1").DescribeProjects(context.Background(), nil)
	var apiErr interface{ ErrorCode() string }
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "UnrecognizedClientException", apiErr.ErrorCode(), "the session token is required")

	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	stderr := p.stderr.String()
	assert.Contains(t, stderr, "1 projects, 0 models, region eu-west-1, access key ID AKIDCMD with a session token, signatures verified, throttled above 1 requests/s")
	assert.NotContains(t, stderr, "cmd-secret-never-logged")
	assert.NotContains(t, stderr, "cmd-token-never-logged")
}

func TestCommandNoVerifyAndQuiet(t *testing.T) {
	p := start(t, "--no-verify", "--quiet", "--projects", "2")
	out, err := client(p.url, "AKIDANYTHING", "any-secret", "", "us-east-1").DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 1)
	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	assert.NotContains(t, p.stderr.String(), "status=200", "--quiet logs no requests")
	assert.Contains(t, p.stderr.String(), "signatures not verified")
}

// run in-process, for the failures that end before serving.
func TestRunFailures(t *testing.T) {
	inUse, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer inUse.Close()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"ProjectDescriptions":[{"Status":"CREATED"}]}`), 0o600))
	badArn := filepath.Join(dir, "bad-arn.json")
	require.NoError(t, os.WriteFile(badArn, []byte(`{"ProjectDescriptions":[{"ProjectArn":"bad"}]}`), 0o600))
	badStatus := filepath.Join(dir, "bad-status.json")
	require.NoError(t, os.WriteFile(badStatus, []byte(`{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/1"}]}
{"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/version/v/1","Status":"RUNING"}]}`), 0o600))
	orphan := filepath.Join(dir, "orphan.json")
	require.NoError(t, os.WriteFile(orphan, []byte(`{"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/version/v/1"}]}`), 0o600))

	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"help", []string{"--help"}, 0, "usage: customlabels-fake [flags]"},
		{"unknown flag", []string{"--bogus"}, 2, "flag provided but not defined: -bogus"},
		{"extra argument", []string{"serve"}, 2, `unexpected argument "serve"`},
		{"all interfaces", []string{"--addr", "0.0.0.0:0"}, 2, "is not a loopback address"},
		{"empty host", []string{"--addr", ":8080"}, 2, "is not a loopback address"},
		{"private address", []string{"--addr", "10.1.2.3:80"}, 2, "is not a loopback address"},
		{"host name", []string{"--addr", "example.com:80"}, 2, "is not a loopback address"},
		{"no port", []string{"--addr", "127.0.0.1"}, 2, "missing port in address"},
		{"negative projects", []string{"--projects", "-1"}, 2, "--projects must be 0 or more"},
		{"negative throttle", []string{"--throttle-rps", "-2"}, 2, "--throttle-rps must be 0 or more"},
		{"negative starting time", []string{"--starting-time", "-1s"}, 2, "--training-time, --starting-time, --stopping-time, --copy-time, --project-time, --dataset-time and --deleting-time must be 0 or more"},
		{"negative copy time", []string{"--copy-time", "-1m"}, 2, "--copy-time, --project-time"},
		{"not a duration", []string{"--training-time", "5"}, 2, `invalid value "5" for flag -training-time`},
		{"negative dataset time", []string{"--dataset-time", "-1s"}, 2, "--dataset-time and --deleting-time must be 0 or more"},
		{"negative units limit", []string{"--inference-units-limit", "-1"}, 2, "--inference-units-limit must be 0 or more"},
		{"version of no project", []string{"--data", orphan}, 1, "belongs to no project of the file"},
		{"empty key", []string{"--access-key-id", ""}, 2, "must not be empty"},
		{"empty region", []string{"--region", ""}, 2, "--region must not be empty"},
		{"short account", []string{"--account", "AKIDOTHER=12345"}, 2, `want ACCESS_KEY_ID=ACCOUNT_ID with a 12-digit account ID, got "AKIDOTHER=12345"`},
		{"account without key", []string{"--account", "=111122223333"}, 2, "want ACCESS_KEY_ID=ACCOUNT_ID"},
		{"account without =", []string{"--account", "AKIDOTHER"}, 2, "want ACCESS_KEY_ID=ACCOUNT_ID"},
		{"address in use", []string{"--addr", inUse.Addr().String()}, 1, "address already in use"},
		{"missing data file", []string{"--data", filepath.Join(dir, "nope.json")}, 1, "no such file or directory"},
		{"invalid data file", []string{"--data", bad}, 1, "bad.json: ProjectDescriptions[0].ProjectArn: is required"},
		{"an ARN the service never sends", []string{"--data", badArn}, 1,
			`bad-arn.json: ProjectDescriptions[0].ProjectArn: "bad" is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP`},
		{"a status the service never sends", []string{"--data", badStatus}, 1,
			`bad-status.json: document 2: ProjectVersionDescriptions[0].Status: "RUNING" is not one of [TRAINING_IN_PROGRESS`},
		{"S3 endpoint without scheme", []string{"--s3-endpoint", "127.0.0.1:5000"}, 2, "--s3-endpoint: S3 endpoint \"127.0.0.1:5000\": the scheme must be http or https"},
		{"S3 endpoint with query", []string{"--s3-endpoint", "http://127.0.0.1:5000/?a=b"}, 2, "no query"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tc.args, &stdout, &stderr)
			assert.Equal(t, tc.code, code, "stderr:\n%s", stderr.String())
			assert.Contains(t, stderr.String(), tc.stderr)
			assert.Empty(t, stdout.String(), "no listening line when not serving")
		})
	}
}

// run in-process: the first line, a call, and a stop by context.
func TestRunInProcess(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"--addr", "localhost:0", "--projects", "3"}, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	m := regexp.MustCompile(`^listening on (http://(127\.0\.0\.1|\[::1\]):[0-9]+)\n$`).FindStringSubmatch(line)
	require.NotNil(t, m, "first line %q", line)
	out, err := client(m[1], customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "", "us-east-1").
		DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 2)
	cancel()
	select {
	case c := <-code:
		assert.Equal(t, 0, c)
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
}

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--version"}, &stdout, &stderr)
	assert.Equal(t, 0, code, "stderr: %s", stderr.String())
	assert.Equal(t, "customlabels-fake "+customlabels.Version+"\n", stdout.String(), "the version, and no listening line")
	assert.Empty(t, stderr.String())
}

// --account adds access keys of other accounts, each seeing its own
// projects only.
func TestRunAccounts(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"--projects", "3", "--quiet",
			"--account", "AKIDTRUSTED=111122223333", "--account", "AKIDOTHER=444455556666"}, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	m := listeningLine.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
	require.NotNil(t, m, "first line %q", line)

	owner := client(m[1], customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
	assert.Len(t, listAll(t, owner, customlabels.DescribeProjectsInput{Features: bothFeatures}), 3, "the demo projects are the default account's")
	trusted := client(m[1], "AKIDTRUSTED", customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
	assert.Empty(t, listAll(t, trusted, customlabels.DescribeProjectsInput{Features: bothFeatures}))
	p, err := trusted.CreateProject(context.Background(), &customlabels.CreateProjectInput{ProjectName: "mine"})
	require.NoError(t, err)
	assert.Contains(t, p.ProjectArn, ":111122223333:project/mine/")
	other := client(m[1], "AKIDOTHER", customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
	assert.Empty(t, listAll(t, other, customlabels.DescribeProjectsInput{Features: bothFeatures}))

	cancel()
	select {
	case c := <-code:
		assert.Equal(t, 0, c, "stderr:\n%s", stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
}
