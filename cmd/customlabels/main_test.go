package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func TestMainHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := runArgs(t, args...)
		assert.Equal(t, exitOK, r.code, "%q", args)
		assert.Empty(t, r.stdout)
		for _, sc := range subcommands {
			assert.Contains(t, r.stderr, "  "+sc.name+" ", "the help lists %s", sc.name)
		}
		assert.Contains(t, r.stderr, "Exit status")
	}
}

func TestMainUsageErrors(t *testing.T) {
	r := runArgs(t)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "usage error: no subcommand")

	r = runArgs(t, "describe", "--demo")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `usage error: unknown subcommand "describe"`)
	assert.Empty(t, r.stdout)
}

func TestEverySubcommandHasHelp(t *testing.T) {
	for _, sc := range subcommands {
		t.Run(sc.name, func(t *testing.T) {
			r := runArgs(t, append(strings.Fields(sc.name), "--help")...)
			assert.Equal(t, exitOK, r.code)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, "Usage: customlabels "+sc.name+" ")
			for _, flag := range []string{"-output", "-region", "-profile", "-endpoint-url", "-demo", "-retry-mode", "-max-attempts", "Exit status"} {
				assert.Contains(t, r.stderr, flag)
			}
		})
	}
}

func TestGroups(t *testing.T) {
	for group, about := range groups {
		r := runArgs(t, group, "--help")
		assert.Equal(t, exitOK, r.code)
		assert.Contains(t, r.stderr, "Usage: customlabels "+group+" SUBCOMMAND")
		assert.Contains(t, r.stderr, about)
		n := 0
		for _, sc := range subcommands {
			if strings.HasPrefix(sc.name, group+" ") {
				assert.Contains(t, r.stderr, "  "+sc.name+" ", "the help of %s lists %s", group, sc.name)
				n++
			}
		}
		assert.GreaterOrEqual(t, n, 2, "%s has subcommands", group)

		r = runArgs(t, group)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "usage error: "+group+" needs a subcommand: ")
		r = runArgs(t, group, "frobnicate", "--demo")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, `usage error: unknown subcommand "frobnicate" of `+group)
		assert.Empty(t, r.stdout)
	}
}

func TestInterruptedInProcess(t *testing.T) {
	srv := newFake(t, "us-east-1")
	awsEnv(t)
	srv.InjectFault(customlabelstest.Latency(time.Minute))

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "projects", "--endpoint-url", srv.URL, "--region", "us-east-1")
	}()
	require.Eventually(t, func() bool { return srv.PendingFaults() == 0 }, 10*time.Second, 5*time.Millisecond,
		"the request reached the server")
	cancel() // as SIGINT does through signal.NotifyContext
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
		assert.Empty(t, r.stdout)
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after its context was cancelled")
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "-version", "version"} {
		r := runArgs(t, arg)
		assert.Equal(t, exitOK, r.code, "%s: stderr: %s", arg, r.stderr)
		assert.Equal(t, "customlabels "+customlabels.Version+"\n", r.stdout, arg)
		assert.Empty(t, r.stderr, arg)
	}
	r := runArgs(t, "--help")
	assert.Contains(t, r.stderr, "customlabels --version")
}
