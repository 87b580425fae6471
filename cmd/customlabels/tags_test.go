package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

func TestTagUntagTags(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "eu-west-1")
	arn := demoModel(t, "eu-west-1", customlabels.ProjectVersionStatusRunning)
	at := []string{"--endpoint-url", srv.URL} // the Region is the ARN's

	r := runArgs(t, append([]string{"tag", arn, "team=vision", "stage=", "owner=ana@example.com"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "KEY    VALUE\nowner  ana@example.com\nstage  -\nteam   vision\n", r.stdout)

	r = runArgs(t, append([]string{"tags", arn, "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, `{
    "ResourceArn": "`+arn+`",
    "Tags": {
        "owner": "ana@example.com",
        "stage": "",
        "team": "vision"
    }
}
`, r.stdout)

	r = runArgs(t, append([]string{"untag", arn, "stage", "owner", "never-set", "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var un untagJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &un))
	assert.Equal(t, untagJSON{ResourceArn: arn, TagKeys: []string{"stage", "owner", "never-set"}}, un)

	r = runArgs(t, append([]string{"tags", arn}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "KEY   VALUE\nteam  vision\n", r.stdout)

	t.Run("a resource that does not exist: exit 1", func(t *testing.T) {
		missing := arn[:len(arn)-1] + "9"
		r := runArgs(t, append([]string{"tags", missing}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: ResourceNotFoundException \(request ID [0-9a-f-]+\): `, r.stderr)
		assert.Empty(t, r.stdout)
	})
}

func TestTagUsageErrorsSendNothing(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	arn := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"tag"}, "missing ARN"},
		{[]string{"tag", arn}, "missing KEY=VALUE"},
		{[]string{"tag", arn, "novalue"}, `invalid tag: must be KEY=VALUE, got "novalue"`},
		{[]string{"tag", arn, "a=1", "a=2"}, "tag a given twice"},
		{[]string{"tag", arn, "aws:owner=me"}, "usage error: KEY=VALUE: Tags"},
		{[]string{"tag", "arn:aws:s3:::bucket", "a=1"}, "must be the ARN of a project, a model or a dataset"},
		{[]string{"tag", arn, "a=1", "--region", "eu-west-1"}, "--region eu-west-1, but ARN is in us-east-1"},
		{[]string{"untag", arn}, "missing KEY"},
		{[]string{"untag", arn, "a=1"}, "untag takes keys, not KEY=VALUE"},
		{[]string{"tags", arn, "extra"}, "tags takes one ARN"},
		{[]string{"tags", "project/p"}, "invalid ARN"},
	} {
		r := runArgs(t, append(tt.args, "--endpoint-url", srv.URL)...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
		assert.Empty(t, r.stdout)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")

	// Without --endpoint-url, an ARN's Region must be one of Custom Labels.
	r := runArgs(t, "tag", "arn:aws:rekognition:us-east-l:123456789012:project/p/1", "a=1")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "usage error: ARN: us-east-l is not a Region where Amazon Rekognition Custom Labels is offered")
}
