package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// demoProjectOf returns the ARN of the demo project in region that has
// the version versionArn.
func demoProjectOf(t *testing.T, region, versionArn string) string {
	t.Helper()
	a, err := customlabels.ParseARN(versionArn)
	require.NoError(t, err)
	for _, p := range demoData(region).Projects {
		if p.Name() == a.ProjectName {
			return p.ProjectArn
		}
	}
	t.Fatalf("no project of %s", versionArn)
	return ""
}

func TestPolicyPutListDelete(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	version := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	project := demoProjectOf(t, "us-east-1", version)
	at := []string{"--endpoint-url", srv.URL}

	r := runArgs(t, append([]string{"policy", "put", project, "--name", "copy-to-prod", "--allow-account", "111122223333",
		"--allow-account", "arn:aws:iam::444455556666:role/Deployer", "--model", versionName(version), "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var put policyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &put))
	want, err := customlabels.CopyPolicyDocument(version, "111122223333", "arn:aws:iam::444455556666:role/Deployer")
	require.NoError(t, err)
	assert.Equal(t, want, put.PolicyDocument, "the documented policy of a copy")
	assert.Equal(t, project, put.ProjectArn)
	assert.NotEmpty(t, put.PolicyRevisionId)

	doc := filepath.Join(t.TempDir(), "policy.json")
	require.NoError(t, os.WriteFile(doc, []byte(strings.ReplaceAll(want, "111122223333", "777788889999")), 0o644))
	r = runArgs(t, append([]string{"policy", "put", projectName(project), "--region", "us-east-1", "--name", "second", "--document", doc}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	header, rows := tableRows(t, r.stdout)
	assert.Equal(t, []string{"POLICY", "REVISION", "UPDATED", "ALLOWS"}, header)
	require.Len(t, rows, 1)
	assert.Equal(t, "second", rows[0][0])
	assert.Equal(t, []string{"777788889999,", "arn:aws:iam::444455556666:role/Deployer"}, rows[0][len(rows[0])-2:])

	r = runArgs(t, append([]string{"policy", "list", project}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	_, rows = tableRows(t, r.stdout)
	require.Len(t, rows, 2)
	assert.Equal(t, "copy-to-prod", rows[0][0])
	assert.Equal(t, put.PolicyRevisionId, rows[0][1])
	assert.Contains(t, r.stdout, "111122223333, arn:aws:iam::444455556666:role/Deployer\n")

	r = runArgs(t, append([]string{"policy", "list", project, "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var list struct {
		ProjectPolicies []struct{ PolicyDocument, CreationTimestamp string }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &list))
	require.Len(t, list.ProjectPolicies, 2)
	assert.Equal(t, want, list.ProjectPolicies[0].PolicyDocument)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$`, list.ProjectPolicies[0].CreationTimestamp)

	t.Run("replace with the revision", func(t *testing.T) {
		r := runArgs(t, append([]string{"policy", "put", project, "--name", "copy-to-prod", "--allow-account", "111122223333",
			"--model", version, "--revision-id", put.PolicyRevisionId, "--output", "json"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		var again policyJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &again))
		assert.NotEqual(t, put.PolicyRevisionId, again.PolicyRevisionId)

		r = runArgs(t, append([]string{"policy", "put", project, "--name", "copy-to-prod", "--allow-account", "111122223333",
			"--model", version, "--revision-id", put.PolicyRevisionId}, at...)...)
		assert.Equal(t, exitError, r.code, "an old revision")
		assert.Contains(t, r.stderr, "error: InvalidPolicyRevisionIdException")
	})

	t.Run("delete: --dry-run, then --yes", func(t *testing.T) {
		r := runArgs(t, append([]string{"policy", "delete", project, "--name", "second", "--dry-run"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "Plan: delete policy second (revision "+rows[1][1]+") of project "+projectName(project)+
			", which allows 777788889999, arn:aws:iam::444455556666:role/Deployer to copy its models.\n", r.stderr)
		assert.Contains(t, r.stdout, "not deleted (--dry-run)")

		r = runArgs(t, append([]string{"policy", "delete", project, "--name", "second", "--yes", "--output", "json"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.JSONEq(t, `{"ProjectArn":"`+project+`","PolicyName":"second","Deleted":true}`, r.stdout)
		r = runArgs(t, append([]string{"policy", "list", project}, at...)...)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, 1)

		r = runArgs(t, append([]string{"policy", "delete", project, "--name", "second", "--yes"}, at...)...)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "--name second: project "+projectName(project)+" has no such policy")
	})

	t.Run("delete asks on a terminal", func(t *testing.T) {
		interactive := func(e *env) { e.interactive = true }
		r := runWith(t, "no\n", interactive, append([]string{"policy", "delete", project, "--name", "copy-to-prod"}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "Delete it? Type yes to confirm: ")
		assert.Contains(t, r.stderr, "error: not confirmed: nothing was changed\n")
		r = runWith(t, "yes\n", interactive, append([]string{"policy", "delete", project, "--name", "copy-to-prod"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Contains(t, r.stdout, "deleted")
	})
}

func TestPolicyUsageErrorsSendNothing(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	version := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	project := demoProjectOf(t, "us-east-1", version)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"put"}, "missing PROJECT"},
		{[]string{"put", project}, "missing --name"},
		{[]string{"put", project, "--name", "p"}, "missing --allow-account ID (with --model) or --document FILE"},
		{[]string{"put", project, "--name", "p", "--allow-account", "111122223333"}, "missing --model"},
		{[]string{"put", project, "--name", "p", "--allow-account", "12345", "--model", "v"}, "invalid --allow-account: principals[0] must be a 12-digit account ID"},
		{[]string{"put", project, "--name", "p", "--document", "x.json", "--allow-account", "111122223333"}, "--document cannot be combined"},
		{[]string{"put", project, "--name", "p", "--document", "missing.json"}, "--document: open missing.json"},
		{[]string{"put", project, "--name", "bad name", "--document", "-"}, `invalid --name "bad name"`},
		{[]string{"put", project, "--name", "p", "--revision-id", "xyz", "--document", "-"}, `invalid --revision-id "xyz"`},
		{[]string{"put", version, "--name", "p"}, "not a project's ARN"},
		{[]string{"list", project, "extra"}, "policy list takes one PROJECT"},
		{[]string{"delete", project, "--name", "p"}, "policy delete deletes: pass --yes to carry out the plan it prints, or --dry-run"},
		{[]string{"delete", project, "--yes"}, "missing --name"},
		{[]string{"delete", project, "--name", "p", "--yes", "--dry-run"}, "--yes and --dry-run cannot be combined"},
	} {
		r := runWith(t, "not json", nil, append(append([]string{"policy"}, tt.args...), "--endpoint-url", srv.URL)...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
		assert.Empty(t, r.stdout)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")

	// Found once the project is known: a model of another project.
	other := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	r := runArgs(t, "policy", "put", project, "--name", "p", "--allow-account", "111122223333", "--model", other, "--endpoint-url", srv.URL)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "is a model of project "+projectName(other)+", not of "+projectName(project))
}
