package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// TestCommandControlAPI drives the running command through its control
// API, as a test in another language would: plain HTTP, no credentials.
func TestCommandControlAPI(t *testing.T) {
	p := start(t, "--projects", "3", "--session-token", "cmd-control-token-never-logged")
	hc := &http.Client{Transport: &http.Transport{}}
	defer hc.CloseIdleConnections()
	control := func(method, resource, body string) (int, map[string]any) {
		t.Helper()
		req, err := http.NewRequest(method, p.url+"/_customlabels/"+resource, strings.NewReader(body))
		require.NoError(t, err)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := hc.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		var out map[string]any
		require.NoError(t, json.Unmarshal(b, &out), "%s %s: %s", method, resource, b)
		return resp.StatusCode, out
	}

	status, out := control(http.MethodPost, "faults", `{"Kind":"exception","Code":"ThrottlingException"}`)
	require.Equal(t, http.StatusOK, status, out)
	c := client(p.url, customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "cmd-control-token-never-logged", "us-east-1")
	_, err := c.DescribeProjects(context.Background(), nil)
	var throttled *customlabels.ThrottlingException
	require.ErrorAs(t, err, &throttled, "the queued fault answers")

	status, out = control(http.MethodPost, "projects", `[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/from-control/1"}]`)
	require.Equal(t, http.StatusOK, status, out)
	assert.Equal(t, 4.0, out["Projects"])
	listed, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{ProjectNames: []string{"from-control"}})
	require.NoError(t, err)
	assert.Len(t, listed.ProjectDescriptions, 1)

	status, out = control(http.MethodGet, "requests", "")
	require.Equal(t, http.StatusOK, status)
	assert.Len(t, out["Requests"], 2)
	raw, _ := json.Marshal(out)
	assert.NotContains(t, string(raw), "cmd-control-token-never-logged")

	status, out = control(http.MethodPost, "reset", "")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, 3.0, out["Projects"], "back to the demo projects")

	status, out = control(http.MethodPut, "throttle", `{"RPS":"fast"}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "RPS", out["Field"])

	// A signature mismatch quotes the signed token to the client, as AWS
	// does; the command's log shows only the error code.
	_, err = client(p.url, customlabelstest.DefaultAccessKeyID, "cmd-wrong-secret-never-logged", "cmd-control-token-never-logged", "us-east-1").
		DescribeProjects(context.Background(), nil)
	var apiErr interface{ ErrorCode() string }
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode())

	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	assert.Contains(t, p.stderr.String(), "status=400 error=InvalidSignatureException")
	assert.NotContains(t, p.stderr.String(), "cmd-wrong-secret-never-logged")
	assert.Contains(t, p.stderr.String(), "control API at "+p.url+"/_customlabels/")
	assert.NotContains(t, p.stderr.String(), "cmd-control-token-never-logged")
	assert.NotContains(t, p.stderr.String(), "_customlabels/faults", "control requests are not logged as AWS requests")
}

func TestHelp(t *testing.T) {
	var stdout, stderr strings.Builder
	require.Equal(t, 0, run(context.Background(), []string{"--help"}, &stdout, &stderr))
	help := stderr.String()
	assert.Equal(t, 1, strings.Count(help, "default 20"), "the --projects default is printed once:\n%s", help)
	for _, flag := range []string{"addr", "projects", "seed", "data", "access-key-id", "secret-access-key",
		"session-token", "region", "no-verify", "throttle-rps", "quiet", "training-time", "starting-time", "stopping-time", "copy-time",
		"project-time", "dataset-time", "deleting-time",
		"inference-units-limit", "s3-endpoint"} {
		assert.Regexp(t, `(?m)^  -`+flag+`( |$)`, help, "--help lists --%s", flag)
	}
	for _, resource := range []string{"faults", "throttle", "clock", "projects", "requests", "reset"} {
		assert.Contains(t, help, " "+resource+" ", "--help lists the control resource %s", resource)
	}
	assert.Contains(t, help, "/_customlabels/")
	for _, op := range []string{"PutObject", "GetObject", "ListObjectsV2", "CreateMultipartUpload", "NotImplemented", "64 MiB"} {
		assert.Contains(t, help, op, "--help tells what S3 serves")
	}
	assert.Contains(t, help, `"go run" does not pass SIGTERM on`)
	assert.Empty(t, stdout.String())
}
