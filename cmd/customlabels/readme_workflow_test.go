package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeWorkflow returns the README's section on the workflow: its shell
// block and the output it shows.
func readmeWorkflow(t *testing.T) (script, shown string) {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	start := strings.Index(readme, "\n### The workflow, from a folder of images to a cleaned-up account\n")
	require.GreaterOrEqual(t, start, 0, "the README has the workflow section")
	end := strings.Index(readme[start+1:], "\n#")
	require.Greater(t, end, 0)
	section := readme[start : start+1+end]
	block := func(fence string) string {
		i := strings.Index(section, fence+"\n")
		require.GreaterOrEqual(t, i, 0, "the section has a %s block", fence)
		rest := section[i+len(fence)+1:]
		j := strings.Index(rest, "```\n")
		require.GreaterOrEqual(t, j, 0)
		return rest[:j]
	}
	return block("```sh"), block("```text")
}

// TestReadmeWorkflow runs the README's workflow block as written, with
// bash, the built commands on the PATH and the sample images, against the
// fake process the block starts; and checks the output the README shows.
func TestReadmeWorkflow(t *testing.T) {
	command, _ := binaries(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatalf("the README's block is a bash script: %v", err)
	}
	script, shown := readmeWorkflow(t)
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.Symlink(filepath.Join(repo, "examples"), filepath.Join(dir, "examples")))

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-e", "-o", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = []string{
		"PATH=" + filepath.Dir(command) + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + dir,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
	}
	// The script and the fake it starts in the background are one process
	// group, ended together whatever happens.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	require.NoError(t, err, "the README's workflow failed:\nstdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())

	out := stdout.String()
	assert.Contains(t, out, shown, "the README shows the output of the first manifest build")
	assert.Contains(t, out, "No problems: the service would accept this manifest.\n", "manifest check")
	assert.Len(t, regexp.MustCompile(`(?m)^v[12] +TRAINING_COMPLETED +0\.\d{3} `).FindAllString(out, -1), 2, "two trainings completed:\n%s", out)
	assert.Contains(t, out, "v1: F1 score ", "evaluate")
	assert.Contains(t, out, "\nMETRIC     BASE   CANDIDATE  CHANGE\n", "evaluate --compare")
	assert.Contains(t, out, "COPYING_COMPLETED", "copy --wait")
	assert.Contains(t, out, "Dry run: nothing was changed.\n", "cleanup --dry-run")
	assert.Equal(t, 3, strings.Count(out, "steps carried out.\n")+strings.Count(out, "step carried out.\n"), "cleanup and two delete-projects:\n%s", out)
	assert.Empty(t, stderr.String(), "nothing on stderr: it is not a terminal")
}
