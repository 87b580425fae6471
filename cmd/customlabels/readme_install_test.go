package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// readmeInstallBlocks returns the command blocks of the README's Install
// section, each as its lines without comments.
func readmeInstallBlocks(t *testing.T) [][]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	start := strings.Index(readme, "\n## Install\n")
	require.GreaterOrEqual(t, start, 0, "the README has an Install section")
	end := strings.Index(readme[start+1:], "\n## ")
	require.Greater(t, end, 0)
	section := readme[start : start+1+end]

	var blocks [][]string
	parts := strings.Split(section, "```")
	for i := 1; i < len(parts); i += 2 {
		var lines []string
		for _, line := range strings.Split(strings.TrimPrefix(parts[i], "\n"), "\n") {
			line, _, _ = strings.Cut(line, "#")
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, line)
			}
		}
		blocks = append(blocks, lines)
	}
	return blocks
}

// TestReadmeInstallFromAClone runs the README's Install commands, offline:
// go install ./cmd/... in the clone, and in a module beside it the
// replace directive and go mod tidy, after which the module builds
// against the clone.
func TestReadmeInstallFromAClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and installs the commands; not with -short")
	}
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	blocks := readmeInstallBlocks(t)
	require.Len(t, blocks, 2, "a block for the commands, a block for a module using the library")

	// A clone named customlabels and a module myapp beside it, as the
	// README has them.
	dir := t.TempDir()
	clone, app, gobin := filepath.Join(dir, "customlabels"), filepath.Join(dir, "myapp"), filepath.Join(dir, "bin")
	require.NoError(t, os.Symlink(repo, clone))
	require.NoError(t, os.Mkdir(app, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(app, "go.mod"), []byte("module example.com/myapp\n\ngo 1.24\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(app, "main.go"), []byte(`package main

import (
	"fmt"

	"github.com/rekognition-go/customlabels"
)

func main() { fmt.Println(customlabels.Version) }
`), 0o644))

	goEnv := append(os.Environ(), "GOBIN="+gobin, "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOFLAGS=")
	run := func(wd, line string) {
		t.Helper()
		words := strings.Fields(line)
		cmd := exec.Command(words[0], words[1:]...)
		cmd.Dir, cmd.Env = wd, goEnv
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s (in %s):\n%s", line, wd, out)
	}
	for i, wd := range []string{clone, app} {
		block := blocks[i]
		require.Equal(t, "cd "+filepath.Base(wd), block[0], "block %d starts in %s", i+1, filepath.Base(wd))
		for _, line := range block[1:] {
			require.True(t, strings.HasPrefix(line, "go "), "block %d runs go commands: %q", i+1, line)
			run(wd, line)
		}
	}

	for _, name := range []string{"customlabels", "customlabels-fake"} {
		out, err := exec.Command(filepath.Join(gobin, name), "--version").Output()
		require.NoError(t, err, "go install ./cmd/... installed %s", name)
		assert.Equal(t, name+" "+customlabels.Version+"\n", string(out))
	}
	run(app, "go build -o myapp .")
	out, err := exec.Command(filepath.Join(app, "myapp")).Output()
	require.NoError(t, err)
	assert.Equal(t, customlabels.Version+"\n", string(out), "myapp built against the clone")
	gomod, err := os.ReadFile(filepath.Join(app, "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(gomod), "replace github.com/rekognition-go/customlabels => ../customlabels")
}
