package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// tableModel returns PROJECT/VERSION of the first row of a models or
// running table whose STATUS cell is status and for which ok is true (nil:
// any), and the row's Region for a running table.
func tableModel(t *testing.T, table, status string, ok func(name string) bool) (name, region string) {
	t.Helper()
	header, rows := tableRows(t, table)
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, row := range rows {
		if len(row) <= col["STATUS"] || row[col["STATUS"]] != status {
			continue
		}
		name := row[col["PROJECT"]] + "/" + row[col["VERSION"]]
		if ok != nil && !ok(name) {
			continue
		}
		if i, found := col["REGION"]; found {
			region = row[i]
		}
		return name, region
	}
	t.Fatalf("no %s row in\n%s", status, table)
	return "", ""
}

// targets returns the operations srv received, in order, from the n-th on.
func targets(srv *customlabelstest.Server, n int) []string {
	var out []string
	for _, r := range srv.Requests()[n:] {
		out = append(out, r.Target)
	}
	return out
}

// start, stop, wait and detect take the model as the models and running
// tables show it: PROJECT/VERSION.
func TestModelNamedAsTheTablesShowIt(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithStartingTime(30*time.Millisecond), customlabelstest.WithStoppingTime(30*time.Millisecond))
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1", "--poll-interval", "10ms"}

	r := runArgs(t, append([]string{"models"}, at[:4]...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var arn string
	name, _ := tableModel(t, r.stdout, "TRAINING_COMPLETED", func(name string) bool {
		for _, v := range srv.ProjectVersions() {
			if projectName(v.ProjectVersionArn)+"/"+versionName(v.ProjectVersionArn) == name && v.Feature != customlabels.CustomizationFeatureContentModeration {
				arn = v.ProjectVersionArn
				return true
			}
		}
		return false // an adapter, which does not start
	})

	n := len(srv.Requests())
	r = runArgs(t, append([]string{"start", name, "--min-units", "1", "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, lifecycleJSON{ProjectVersionArn: arn, Status: "STARTING"}, decodeLifecycle(t, r.stdout))
	assert.Equal(t, []string{
		"RekognitionService.DescribeProjects",        // the project's ARN
		"RekognitionService.DescribeProjectVersions", // the version's
		"RekognitionService.StartProjectVersion",
	}, targets(srv, n))

	n = len(srv.Requests())
	r = runArgs(t, append([]string{"wait", "running", name, "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "RUNNING", decodeLifecycle(t, r.stdout).Status)
	assert.Equal(t, "RekognitionService.DescribeProjects", targets(srv, n)[0])
	assert.NotContains(t, targets(srv, n)[1:], "RekognitionService.DescribeProjects", "the wait polls with what the names resolved to")

	srv.SetModel(arn, customlabelstest.Model{Labels: []customlabels.CustomLabel{{Name: "can", Confidence: 90}}})
	var stdout, stderr bytes.Buffer
	e := &env{stdin: bytes.NewReader(jpegImage), stdout: &stdout, stderr: &stderr}
	code := runEnv(t.Context(), e, append([]string{"detect", "--model", name, "-"}, at[:4]...))
	require.Equal(t, exitOK, code, "stderr: %s", stderr.String())
	_, rows := tableRows(t, stdout.String())
	assert.Equal(t, [][]string{{"-", "can", "90.0", "-"}}, rows)

	r = runArgs(t, append([]string{"stop", name, "--wait", "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, lifecycleJSON{ProjectVersionArn: arn, Status: "STOPPED", StatusMessage: versionStatus(t, srv, arn).StatusMessage}, decodeLifecycle(t, r.stdout))

	t.Run("a row of running --all-regions, with its Region", func(t *testing.T) {
		r := runArgs(t, "running", "--demo", "--all-regions")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		name, region := tableModel(t, r.stdout, "RUNNING", nil)
		r = runArgs(t, "stop", "--demo", name, "--region", region, "--output", "json")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "STOPPING", decodeLifecycle(t, r.stdout).Status)
	})

	t.Run("names that match nothing", func(t *testing.T) {
		project := projectName(arn)
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"start", "no-such-project/v1", "--min-units", "1"}, "usage error: MODEL no-such-project/v1: no project no-such-project in us-east-1"},
			{[]string{"stop", project + "/no-such-version"}, "usage error: MODEL " + project + "/no-such-version: project " + project + " has no version no-such-version"},
			{[]string{"detect", "--model", project + "/no-such-version", "-"}, "usage error: --model " + project + "/no-such-version: project " + project + " has no version"},
		} {
			r := runArgs(t, append(tt.args, at[:4]...)...)
			assert.Equal(t, exitUsage, r.code, "%v: stderr: %s", tt.args, r.stderr)
			assert.Contains(t, r.stderr, tt.want, "%v", tt.args)
			assert.Empty(t, r.stdout)
		}
	})

	t.Run("names that cannot be", func(t *testing.T) {
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"wait", "running", "bad name/v1"}, `usage error: invalid MODEL "bad name/v1": must be a model's ARN`},
			{[]string{"start", "project-only", "--min-units", "1"}, `usage error: invalid MODEL "project-only"`},
			{[]string{"detect", "--model", "a/b/c", "-"}, `usage error: invalid --model "a/b/c"`},
		} {
			r := runArgs(t, append(tt.args, "--demo")...)
			assert.Equal(t, exitUsage, r.code, "%v: stderr: %s", tt.args, r.stderr)
			assert.Contains(t, r.stderr, tt.want, "%v", tt.args)
		}
	})
}
