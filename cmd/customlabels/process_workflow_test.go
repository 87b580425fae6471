package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The workflow's subcommands as a person runs them: the built command
// against the fake as a process, exit statuses, JSON, and Ctrl-C.

func TestProcessWorkflowExitStatuses(t *testing.T) {
	url, log := startFake(t, "--projects", "0", "--project-time", "0")
	at := []string{"--endpoint-url", url, "--region", "us-east-1"}

	r := runCommand(t, command(t, append([]string{"create-project", "shelf", "--output", "json"}, at...)...))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var created createProjectJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &created))
	assert.Contains(t, created.ProjectArn, ":project/shelf/")

	r = runCommand(t, command(t, append([]string{"create-project", "shelf"}, at...)...))
	assert.Equal(t, exitError, r.code, "a name taken")
	assert.Regexp(t, `^error: ResourceInUseException \(request ID [0-9a-f-]+\): `, r.stderr)

	r = runCommand(t, command(t, append([]string{"tag", created.ProjectArn, "team=vision"}, at...)...))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	r = runCommand(t, command(t, append([]string{"tags", created.ProjectArn, "--output", "json"}, at...)...))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.JSONEq(t, `{"ResourceArn":"`+created.ProjectArn+`","Tags":{"team":"vision"}}`, r.stdout)

	sent := strings.Count(log.String(), "\n")
	for _, args := range [][]string{
		{"train", "shelf", "--version", "v1"},
		{"delete-project", "shelf"},
		{"manifest", "check", filepath.Join(t.TempDir(), "missing.manifest")},
		{"policy", "put", created.ProjectArn, "--name", "p"},
	} {
		r := runCommand(t, command(t, append(args, at...)...))
		assert.Equal(t, exitUsage, r.code, "%q: %s", args, r.stderr)
		assert.Contains(t, r.stderr, "usage error: ", "%q", args)
		assert.Empty(t, r.stdout, "%q", args)
	}
	time.Sleep(100 * time.Millisecond) // the fake logs a request once answered
	assert.Equal(t, sent, strings.Count(log.String(), "\n"), "no usage error sent a request:\n%s", log.String())

	r = runCommand(t, command(t, append([]string{"delete-project", "shelf", "--yes", "--output", "json"}, at...)...))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var plan planJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &plan))
	assert.True(t, plan.Done)
}

func TestProcessTrainInterrupted(t *testing.T) {
	url, _ := startFake(t, "--quiet", "--projects", "0", "--project-time", "0", "--dataset-time", "0", "--training-time", "1h")
	at := []string{"--endpoint-url", url, "--region", "us-east-1"}
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	for _, set := range []string{"train", "test"} {
		r := runCommand(t, command(t, append([]string{"manifest", "build", filepath.Join(repo, "examples", "shelf-images", set),
			"--bucket", "s3://shelf-images/" + set, "--upload", "--create-bucket"}, at...)...))
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	}
	r := runCommand(t, command(t, append([]string{"create-project", "shelf", "--wait"}, at...)...))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)

	cmd := command(t, append([]string{"train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
		"--train", "s3://shelf-images/train/dataset.manifest", "--test", "s3://shelf-images/test/dataset.manifest", "--wait", "--poll-interval", "20ms"}, at...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	require.Eventually(t, func() bool {
		r := runCommand(t, command(t, append([]string{"models", "--project", "shelf", "--output", "json"}, at...)...))
		return r.code == exitOK && strings.Contains(r.stdout, `"Status": "TRAINING_IN_PROGRESS"`)
	}, 20*time.Second, 50*time.Millisecond, "training began")
	time.Sleep(100 * time.Millisecond) // a few polls
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("train --wait did not end within 10s of SIGINT")
	}
	assert.Equal(t, exitInterrupted, cmd.ProcessState.ExitCode(), "stderr: %s", stderr.String())
	assert.Regexp(t, `^interrupted\nv1 is still training, and bills for its time until it ends. Wait for it with\n  customlabels wait trained arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/\d+ --endpoint-url `+url+`\n$`, stderr.String())
	assert.Empty(t, stdout.String())
}

// The workflow in JSON, as a script runs it: each output decodes, and
// the failures a script must see are exit status 1.
func TestProcessWorkflowJSON(t *testing.T) {
	url, _ := startFake(t, "--quiet", "--projects", "0", "--project-time", "0", "--dataset-time", "0",
		"--training-time", "200ms", "--copy-time", "100ms", "--deleting-time", "0")
	at := []string{"--endpoint-url", url, "--region", "us-east-1", "--output", "json"}
	run := func(want int, args ...string) string {
		t.Helper()
		r := runCommand(t, command(t, append(args, at...)...))
		require.Equal(t, want, r.code, "%q: stderr: %s", args, r.stderr)
		return r.stdout
	}
	decode := func(out string, v any) {
		t.Helper()
		require.NoError(t, json.Unmarshal([]byte(out), v), "output:\n%s", out)
	}
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)

	var built manifestBuildJSON
	decode(run(exitOK, "manifest", "build", filepath.Join(repo, "examples", "shelf-images", "train"), "--bucket", "s3://shelf-images/train", "--upload", "--create-bucket"), &built)
	assert.Equal(t, 21, built.Uploaded)
	var check manifestCheckJSON
	decode(run(exitOK, "manifest", "check", built.ManifestS3), &check)
	assert.Equal(t, 20, check.ValidLines)

	// A manifest of one label: training would fail, exit 1 after the JSON.
	one := filepath.Join(t.TempDir(), "one.manifest")
	require.NoError(t, os.WriteFile(one, []byte(classificationLine("s3://b-1/a.png", "only")+"\n"), 0o644))
	decode(run(exitError, "manifest", "check", one), &check)
	assert.True(t, check.FailsTraining)

	var project createProjectJSON
	decode(run(exitOK, "create-project", "shelf", "--wait"), &project)
	var trained trainJSON
	decode(run(exitOK, "train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output", "--train", built.ManifestS3, "--split", "--wait"), &trained)
	assert.Equal(t, "TRAINING_COMPLETED", trained.Status)
	var datasets datasetsJSON
	decode(run(exitOK, "datasets", "shelf"), &datasets)
	require.Len(t, datasets.Datasets, 2)
	var entries datasetEntriesJSON
	decode(run(exitOK, "datasets", "shelf", "--entries", "--type", "test"), &entries)
	assert.Len(t, entries.Entries, int(datasets.Datasets[1].DatasetStats.TotalEntries))
	var eval evaluationJSON
	decode(run(exitOK, "evaluate", trained.ProjectVersionArn), &eval)
	assert.InDelta(t, float64(trained.F1Score), eval.F1Score, 1e-6)

	var policy policyJSON
	decode(run(exitOK, "policy", "put", project.ProjectArn, "--name", "share", "--allow-account", "111122223333", "--model", "v1"), &policy)
	assert.Contains(t, policy.PolicyDocument, "arn:aws:iam::111122223333:root")
	var copied copyJSON
	decode(run(exitOK, "copy", trained.ProjectVersionArn, "--to", "shelf", "--version", "v1-copy", "--output-config", "s3://shelf-images/copies", "--wait"), &copied)
	assert.Equal(t, "COPYING_COMPLETED", copied.Status)
	var untagged untagJSON
	decode(run(exitOK, "untag", copied.ProjectVersionArn, "nothing"), &untagged)

	var plan planJSON
	decode(run(exitOK, "cleanup", "shelf", "--keep", "1", "--yes"), &plan)
	require.Len(t, plan.Kept, 1)
	assert.Equal(t, copied.ProjectVersionArn, plan.Kept[0].ProjectVersionArn, "the newest")
	decode(run(exitOK, "delete", copied.ProjectVersionArn, "--dry-run"), &plan)
	assert.True(t, plan.DryRun)
	assert.False(t, plan.Done)
	decode(run(exitOK, "delete-project", "shelf", "--yes"), &plan)
	assert.True(t, plan.Done)
	var actions []string
	for _, s := range plan.Steps {
		actions = append(actions, s.Action)
	}
	assert.Equal(t, []string{"delete model", "delete dataset", "delete dataset", "delete policy", "delete project"}, actions)
	assert.Empty(t, run(exitUsage, "datasets", "shelf"), "the project is gone: a usage error")
}
