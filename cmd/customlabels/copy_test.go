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

func decodeCopy(t *testing.T, out string) copyJSON {
	t.Helper()
	var v copyJSON
	require.NoError(t, json.Unmarshal([]byte(out), &v), "output:\n%s", out)
	return v
}

func TestCopyInTheAccount(t *testing.T) {
	awsEnv(t)
	srv, _ := shelfFake(t, customlabels.ProjectVersionStatusTrainingCompleted)
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}
	r := runArgs(t, append([]string{"create-project", "shelf-prod", "--wait", "--poll-interval", "5ms"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	source := shelfVersion(t, srv, "training-completed")

	r = runArgs(t, append([]string{"copy", "shelf/training-completed", "--to", "shelf-prod", "--version", "prod-v1",
		"--output-config", "s3://shelf-results/prod", "--tag", "stage=prod", "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got := decodeCopy(t, r.stdout)
	assert.Equal(t, source, got.SourceProjectVersionArn)
	assert.Equal(t, "COPYING_IN_PROGRESS", got.Status)
	assert.Equal(t, "shelf-prod", projectName(got.ProjectVersionArn))
	assert.Equal(t, "prod-v1", versionName(got.ProjectVersionArn))

	r = runArgs(t, append([]string{"copy", source, "--to", "shelf-prod", "--version", "prod-v2",
		"--output-config", "s3://shelf-results/prod", "--wait", "--poll-interval", "5ms"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	header, rows := tableRows(t, r.stdout)
	assert.Equal(t, []string{"COPY", "PROJECT", "STATUS", "FROM"}, header)
	assert.Equal(t, [][]string{{"prod-v2", "shelf-prod", "COPYING_COMPLETED", source}}, rows)
	for _, v := range srv.ProjectVersions() {
		if v.VersionName() == "prod-v2" {
			assert.Equal(t, source, v.SourceProjectVersionArn)
		}
	}

	t.Run("a version name taken: exit 1", func(t *testing.T) {
		r := runArgs(t, append([]string{"copy", source, "--to", "shelf-prod", "--version", "prod-v2", "--output-config", "s3://shelf-results/prod"}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: ResourceInUseException`, r.stderr)
	})

	t.Run("--wait on a copy that fails: exit 1 with the service's message", func(t *testing.T) {
		r := runArgs(t, append([]string{"copy", source, "--to", "shelf-prod", "--version", "prod-v3",
			"--output-config", "s3://no-such-bucket/prod", "--wait", "--poll-interval", "5ms"}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "error: the copy prod-v3 is COPYING_FAILED: ")
		assert.Empty(t, r.stdout)
	})
}

func TestCopyAcrossAccounts(t *testing.T) {
	awsEnv(t)
	const prodKey, prodAccount = "AKIDPRODACCOUNT", "210987654321"
	srv, source := shelfFakeWith(t, []customlabelstest.Option{customlabelstest.WithAccount(prodKey, prodAccount)},
		customlabels.ProjectVersionStatusTrainingCompleted)
	version := shelfVersion(t, srv, "training-completed")
	ctx := context.Background()
	prod := srv.Client(func(o *customlabels.Options) { o.Credentials = srv.CredentialsFor(prodKey) })
	created, err := prod.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "shelf-prod"})
	require.NoError(t, err)
	srv.PutS3Object("prod-results", "README", "", []byte("results"))
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}
	copyArgs := []string{"copy", version, "--source-project", source.ProjectArn, "--to", created.ProjectArn, "--version", "v1",
		"--output-config", "s3://prod-results/copies", "--wait", "--poll-interval", "5ms"}

	// The production account runs the copy.
	t.Setenv("AWS_ACCESS_KEY_ID", prodKey)
	t.Run("without a policy: refused", func(t *testing.T) {
		r := runArgs(t, append(copyArgs, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: AccessDeniedException`, r.stderr)
	})
	t.Run("the model's project is not found by name in this account", func(t *testing.T) {
		r := runArgs(t, append([]string{"copy", version, "--to", "shelf-prod", "--version", "v1", "--output-config", "s3://prod-results/copies"}, at...)...)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "for a model of another account, give its project's ARN with --source-project")
	})

	// The source account allows the copy with the documented policy.
	t.Setenv("AWS_ACCESS_KEY_ID", customlabelstest.DefaultAccessKeyID)
	r := runArgs(t, append([]string{"policy", "put", source.ProjectArn, "--name", "to-prod", "--allow-account", prodAccount, "--model", version}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)

	t.Setenv("AWS_ACCESS_KEY_ID", prodKey)
	r = runArgs(t, append(copyArgs, append(at, "--output", "json")...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got := decodeCopy(t, r.stdout)
	assert.Equal(t, "COPYING_COMPLETED", got.Status)
	a, err := customlabels.ParseARN(got.ProjectVersionArn)
	require.NoError(t, err)
	assert.Equal(t, prodAccount, a.AccountID)
}

func TestCopyUsageErrorsSendNothing(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFake(t, customlabels.ProjectVersionStatusTrainingCompleted)
	version := shelfVersion(t, srv, "training-completed")
	ok := []string{"--to", "prod", "--version", "v1", "--output-config", "s3://shelf-results/p"}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{ok, "missing MODEL"},
		{[]string{version, "--version", "v1", "--output-config", "s3://b-1"}, "missing --to"},
		{[]string{version, "--to", "prod", "--output-config", "s3://b-1"}, "missing --version"},
		{[]string{version, "--to", "prod", "--version", "v1"}, "missing --output-config"},
		{append([]string{version, "x"}, ok...), "copy takes one MODEL"},
		{[]string{version, "--to", "prod", "--version", "v 1", "--output-config", "s3://b-1"}, `invalid --version "v 1"`},
		{[]string{version, "--to", "prod", "--version", "v1", "--output-config", "b-1/p"}, "must be s3://BUCKET/PREFIX"},
		{[]string{version, "--to", version, "--version", "v1", "--output-config", "s3://b-1"}, "invalid --to"},
		{[]string{version, "--to", "arn:aws:rekognition:eu-west-1:123456789012:project/p/1", "--version", "v1", "--output-config", "s3://b-1"}, "--region us-east-1, but --to is in eu-west-1"},
		{append([]string{"shelf/training-completed", "--source-project", project.ProjectArn}, ok...), "--source-project needs MODEL as an ARN"},
		{append([]string{version, "--source-project", "shelf"}, ok...), "must be a project's ARN"},
		{append([]string{version, "--source-project", "arn:aws:rekognition:us-east-1:123456789012:project/other/1"}, ok...), "is not the project of MODEL"},
		{append([]string{version, "--max-wait", "0s"}, ok...), "invalid --max-wait 0s"},
	} {
		r := runArgs(t, append(append([]string{"copy"}, tt.args...), "--endpoint-url", srv.URL)...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")
}

func TestCopyWaitInterrupted(t *testing.T) {
	awsEnv(t)
	srv, _ := shelfFakeWith(t, []customlabelstest.Option{customlabelstest.WithCopyTime(time.Hour)}, customlabels.ProjectVersionStatusTrainingCompleted)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "copy", "shelf/training-completed", "--to", "shelf", "--version", "again", "--output-config", "s3://shelf-results/p",
			"--wait", "--poll-interval", "5ms", "--endpoint-url", srv.URL, "--region", "us-east-1")
	}()
	require.Eventually(t, func() bool { return len(shelfVersions(srv)) == 2 }, 10*time.Second, 5*time.Millisecond, "the copy began")
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
	case <-time.After(10 * time.Second):
		t.Fatal("copy --wait did not return after its context was cancelled")
	}
}
