package main

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// A Region where Custom Labels is not offered is a usage or configuration
// error, found before any request, unless --endpoint-url says where to
// send the requests.
func TestRegionNotOffered(t *testing.T) {
	arn := strings.Replace(demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning), "us-east-1", "us-east-l", 1)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"projects", []string{"projects", "--region", "us-east-l"}, "usage error: --region: us-east-l is not a Region where Amazon Rekognition Custom Labels is offered (us-east-1, "},
		{"projects --demo", []string{"projects", "--demo", "--region", "us-east-l"}, "usage error: --region: us-east-l is not a Region"},
		{"running, one of two", []string{"running", "--region", "us-east-1,us-east-l"}, "usage error: --region: us-east-l is not a Region"},
		{"models --demo", []string{"models", "--demo", "--region", "ca-central-1"}, "usage error: --region: ca-central-1 is not a Region"},
		{"start", []string{"start", arn, "--min-units", "1"}, "usage error: MODEL: us-east-l is not a Region"},
		{"detect", []string{"detect", "--model", arn, "-"}, "usage error: --model: us-east-l is not a Region"},
		{"an endpoint for another Region", []string{"projects", "--region", "us-east-l", "--endpoint-url", "us-east-1=http://127.0.0.1:1"}, "usage error: --region: us-east-l is not a Region"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			awsEnv(t)
			r := runOffline(t, tt.args...)
			assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Contains(t, r.stderr, "pass --endpoint-url")
			assert.Empty(t, r.stdout)
		})
	}

	t.Run("the configuration's Region", func(t *testing.T) {
		awsEnv(t)
		t.Setenv("AWS_REGION", "us-east-l")
		r := runOffline(t, "projects")
		assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
		assert.Contains(t, r.stderr, "configuration error: the AWS configuration (AWS_REGION or the profile's region): us-east-l is not a Region")
	})

	t.Run("with --endpoint-url any Region is called", func(t *testing.T) {
		awsEnv(t)
		srv := newFake(t, "us-east-l")
		for i, endpoint := range []string{srv.URL, "us-east-l=" + srv.URL} {
			r := runArgs(t, "projects", "--region", "us-east-l", "--endpoint-url", endpoint, "--output", "json")
			require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			assert.Len(t, srv.Requests(), i+1, "the listing was sent, signed for us-east-l")
		}
		t.Setenv("AWS_ENDPOINT_URL", srv.URL) // as the profile's endpoint_url
		r := runArgs(t, "projects", "--region", "us-east-l")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Len(t, srv.Requests(), 3)
	})
}

// runOffline runs the program in-process with clients whose requests never
// leave the process: each fails the test, and is refused.
func runOffline(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, clientOptions: []func(*customlabels.Options){func(o *customlabels.Options) {
		o.HTTPClient = refusingClient{t}
	}}}
	code := runEnv(t.Context(), e, args)
	return result{code, stdout.String(), stderr.String()}
}

// refusingClient fails the test on any request.
type refusingClient struct{ t *testing.T }

func (c refusingClient) Do(r *http.Request) (*http.Response, error) {
	c.t.Errorf("unexpected request to %s", r.URL.Host)
	return nil, errors.New("refused by the test")
}
