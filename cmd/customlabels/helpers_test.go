package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

// runArgs runs the program in-process with args.
func runArgs(t *testing.T, args ...string) result {
	t.Helper()
	return runContext(context.Background(), args...)
}

// runContext runs the program in-process with args until ctx ends. Its
// clients retry as the flags and configuration say, but without waiting
// between attempts.
func runContext(ctx context.Context, args ...string) result {
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, clientOptions: []func(*customlabels.Options){noBackoff}}
	code := runEnv(ctx, e, args)
	return result{code, stdout.String(), stderr.String()}
}

// noBackoff replaces the retryer of o with a standard one that does not
// wait between attempts; RetryMaxAttempts still applies. (Adaptive mode's
// client-side rate limiting would wait seconds after a few throttles;
// TestRetryPolicy checks which mode each run asks for.)
func noBackoff(o *customlabels.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
		so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		so.RateLimiter = ratelimit.None
	})
}

// testdataDir is testdata/, absolute so that a test may change its
// working directory.
var testdataDir = func() string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return dir
}()

// golden compares got with testdata/name, or rewrites the file with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(testdataDir, name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run go test -update")
	assert.Equal(t, string(want), got, "output differs from %s (-update rewrites it)", path)
}

// tableRows parses table output into its header and rows of cells.
func tableRows(t *testing.T, out string) (header []string, rows [][]string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.NotEmpty(t, lines)
	header = strings.Fields(lines[0])
	for _, l := range lines[1:] {
		rows = append(rows, strings.Fields(l))
	}
	return header, rows
}

// awsEnv makes the AWS configuration chain read the fake's credentials
// from the environment and nothing else: no shared files, no CA bundle, no
// instance metadata, no endpoint or retry settings from the machine. It
// returns the directory of the (absent) shared config file.
func awsEnv(t *testing.T) string {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":                   customlabelstest.DefaultAccessKeyID,
		"AWS_SECRET_ACCESS_KEY":               customlabelstest.DefaultSecretAccessKey,
		"AWS_SESSION_TOKEN":                   "",
		"AWS_REGION":                          "",
		"AWS_DEFAULT_REGION":                  "",
		"AWS_PROFILE":                         "",
		"AWS_CONFIG_FILE":                     filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE":         filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED":           "true",
		"AWS_ENDPOINT_URL":                    "",
		"AWS_ENDPOINT_URL_REKOGNITION":        "",
		"AWS_MAX_ATTEMPTS":                    "",
		"AWS_RETRY_MODE":                      "",
		"AWS_CA_BUNDLE":                       "",
		"AWS_USE_FIPS_ENDPOINT":               "",
		"AWS_USE_DUALSTACK_ENDPOINT":          "",
		"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "",
	} {
		t.Setenv(k, v)
	}
	return dir
}

// newFake starts an in-process fake serving region with the demo
// account's projects and models there, and closes it at the end of the test.
func newFake(t *testing.T, region string, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	srv := customlabelstest.NewServer(append(append(demoData(region).Options(),
		customlabelstest.WithRegion(region)), opts...)...)
	t.Cleanup(srv.Close)
	return srv
}
