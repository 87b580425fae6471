package main

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// progress shows how far a run has got on one terminal line, rewritten
// at each step and erased at the end. It writes nothing when stderr is not
// a terminal, so redirected output stays clean. It is safe for concurrent
// use.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	shown bool
}

func newProgress(e *env) *progress {
	return &progress{w: e.stderr, on: e.progress}
}

// show replaces the progress line.
func (p *progress) show(format string, args ...any) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r\x1b[K"+format, args...)
	p.shown = true
}

// done erases the progress line, if one was shown.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// isTerminal reports whether w (a writer, or os.Stdin) is a terminal: a
// character device other than the null device. It needs no dependency
// beyond the os package.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, null) {
		return false
	}
	return true
}
