package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openPTY opens a pseudo-terminal and returns its controlling side and the
// terminal side, which a program sees as a terminal.
func openPTY(t *testing.T) (ptmx, tty *os.File) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	require.NoError(t, err, "open a pseudo-terminal")
	t.Cleanup(func() { ptmx.Close() })
	var unlock int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno != 0 {
		t.Fatalf("unlock pty: %v", errno)
	}
	var n uint32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); errno != 0 {
		t.Fatalf("pty number: %v", errno)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { tty.Close() })
	return ptmx, tty
}

// runOnTerminal runs the program with stderr on a pseudo-terminal and
// returns stdout and what the terminal received.
func runOnTerminal(t *testing.T, args ...string) (code int, stdout, terminal string) {
	t.Helper()
	ptmx, tty := openPTY(t)
	require.True(t, isTerminal(tty), "a pseudo-terminal is a terminal")
	var out bytes.Buffer
	code = run(context.Background(), args, &out, tty)
	require.NoError(t, tty.Close())
	// Read what the terminal received; once it is drained and the terminal
	// side is closed, reading fails with EIO.
	var received bytes.Buffer
	buf := make([]byte, 4096)
	for {
		n, err := ptmx.Read(buf)
		received.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return code, out.String(), received.String()
}

func TestProgressOnARealTerminal(t *testing.T) {
	code, stdout, got := runOnTerminal(t, "projects", "--demo", "--page-size", "10")
	require.Equal(t, exitOK, code)
	for _, want := range []string{"listing: 1 page, 10 projects so far", "listing: 2 pages, 20 projects so far", "listing: 3 pages, 25 projects so far"} {
		assert.Contains(t, got, want)
	}
	assert.True(t, strings.HasSuffix(got, "\r\x1b[K"), "the progress line is erased at the end: %q", got)
	assert.NotContains(t, stdout, "listing:", "progress never goes to stdout")
}

func TestRunningProgressOnARealTerminal(t *testing.T) {
	code, stdout, got := runOnTerminal(t, "running", "--demo", "--region", "us-east-1,eu-west-1,us-east-2")
	require.Equal(t, exitOK, code)
	assert.Contains(t, got, "listing: 0 of 3 Regions")
	assert.Contains(t, got, "listing: 3 of 3 Regions, 5 models running so far")
	assert.True(t, strings.HasSuffix(got, "\r\x1b[K"), "the progress line is erased at the end: %q", got)
	assert.NotContains(t, stdout, "listing:")
}
