package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func decodeCreateProject(t *testing.T, out string) createProjectJSON {
	t.Helper()
	var v createProjectJSON
	require.NoError(t, json.Unmarshal([]byte(out), &v), "output:\n%s", out)
	return v
}

// fakeProject returns the project named name on srv.
func fakeProject(t *testing.T, srv *customlabelstest.Server, name string) customlabels.ProjectDescription {
	t.Helper()
	for _, p := range srv.Projects() {
		if p.Name() == name {
			return p
		}
	}
	t.Fatalf("no project %s", name)
	return customlabels.ProjectDescription{}
}

func TestCreateProject(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithProjectTime(50*time.Millisecond))
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}

	r := runArgs(t, append([]string{"create-project", "shelf-inspector", "--output", "json", "--tag", "team=vision", "--tag", "cost-center=42"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got := decodeCreateProject(t, r.stdout)
	assert.Equal(t, "CREATING", got.Status)
	p := fakeProject(t, srv, "shelf-inspector")
	assert.Equal(t, p.ProjectArn, got.ProjectArn)
	assert.Equal(t, customlabels.CustomizationFeatureCustomLabels, p.Feature)

	r = runArgs(t, append([]string{"tags", got.ProjectArn}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "KEY          VALUE\ncost-center  42\nteam         vision\n", r.stdout, "the tags were set")

	t.Run("--wait, an adapter", func(t *testing.T) {
		r := runArgs(t, append([]string{"create-project", "moderation-adapter", "--feature", "content_moderation", "--auto-update", "enabled", "--wait", "--poll-interval", "10ms"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		header, rows := tableRows(t, r.stdout)
		assert.Equal(t, []string{"PROJECT", "STATUS", "ARN"}, header)
		require.Len(t, rows, 1)
		p := fakeProject(t, srv, "moderation-adapter")
		assert.Equal(t, []string{"moderation-adapter", "CREATED", p.ProjectArn}, rows[0])
		assert.Equal(t, customlabels.CustomizationFeatureContentModeration, p.Feature)
		assert.Equal(t, customlabels.ProjectAutoUpdate("ENABLED"), p.AutoUpdate)
	})

	t.Run("a name taken: the service's error, exit 1", func(t *testing.T) {
		r := runArgs(t, append([]string{"create-project", "shelf-inspector"}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: ResourceInUseException \(request ID [0-9a-f-]+\): `, r.stderr)
		assert.Empty(t, r.stdout)
	})
}

func TestCreateProjectUsageErrorsSendNothing(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "missing NAME"},
		{[]string{"a", "b"}, "create-project takes one NAME"},
		{[]string{"bad name"}, `invalid NAME "bad name"`},
		{[]string{"p", "--feature", "FACES"}, `invalid --feature "FACES"`},
		{[]string{"p", "--auto-update", "yes", "--feature", "CONTENT_MODERATION"}, `invalid --auto-update "YES"`},
		{[]string{"p", "--auto-update", "ENABLED"}, "--auto-update applies to adapters only"},
		{[]string{"p", "--tag", "novalue"}, `must be KEY=VALUE, got "novalue"`},
		{[]string{"p", "--tag", "a=1", "--tag", "a=2"}, "tag a given twice"},
		{[]string{"p", "--tag", "aws:x=1"}, "usage error: --tag: Tags"},
		{[]string{"p", "--max-wait", "0s"}, "invalid --max-wait 0s"},
	} {
		r := runArgs(t, append(append([]string{"create-project"}, tt.args...), "--endpoint-url", srv.URL, "--region", "us-east-1")...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")
}

func TestCreateProjectWaitInterrupted(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1", customlabelstest.WithProjectTime(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "create-project", "slow", "--wait", "--poll-interval", "10ms", "--endpoint-url", srv.URL, "--region", "us-east-1")
	}()
	require.Eventually(t, func() bool { return len(srv.Requests()) >= 3 }, 10*time.Second, 5*time.Millisecond, "polls")
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
	case <-time.After(10 * time.Second):
		t.Fatal("create-project --wait did not return after its context was cancelled")
	}
}
