package main

import (
	"fmt"
	"io"
	"os"
)

// progress shows pages and projects received so far on one terminal line,
// rewritten after each page and erased at the end. It writes nothing when
// its writer is not a terminal, so redirected output stays clean.
type progress struct {
	w     io.Writer
	on    bool
	shown bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w)}
}

// update shows the counts so far.
func (p *progress) update(pages, projects int) {
	if !p.on {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[Klisting: %s, %s so far", plural(pages, "page"), plural(projects, "project"))
	p.shown = true
}

// done erases the progress line, if one was shown.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// isTerminal reports whether w is a terminal: a character device other than
// the null device. It needs no dependency beyond the os package.
func isTerminal(w io.Writer) bool {
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
