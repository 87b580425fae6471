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
