package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// An S3 call gives up when it makes no progress for s3IdleTimeout: no
// answer to a request, no byte of a body read or sent. The SDK's HTTP
// client bounds dialing and TLS handshakes but not a server that stops
// in the middle of a body; a person would see the command hang.
var s3IdleTimeout = time.Minute

// errS3Stalled is the cause of a call given up for lack of progress.
var errS3Stalled = errors.New("no progress")

// idleWatch cancels a call's context after s3IdleTimeout without progress.
type idleWatch struct {
	ctx    context.Context
	timer  *time.Timer
	cancel context.CancelCauseFunc
	d      time.Duration
}

// watchIdle returns the context of a call that makes progress, and its
// watch: touch at each progress, stop when done.
func watchIdle(ctx context.Context) (context.Context, *idleWatch) {
	ctx, cancel := context.WithCancelCause(ctx)
	w := &idleWatch{ctx: ctx, cancel: cancel, d: s3IdleTimeout}
	w.timer = time.AfterFunc(w.d, func() { cancel(errS3Stalled) })
	return ctx, w
}

func (w *idleWatch) touch() { w.timer.Reset(w.d) }

func (w *idleWatch) stop() {
	w.timer.Stop()
	w.cancel(nil)
}

// check returns err as the error of a stalled call when the watch gave
// it up, so that it is not taken for an interruption (Ctrl-C); else err.
func (w *idleWatch) check(err error) error {
	if err != nil && context.Cause(w.ctx) == errS3Stalled {
		return fmt.Errorf("S3 made no progress for %v: given up", w.d)
	}
	return err
}

// watchedReader reads r, touching w at each byte read.
type watchedReader struct {
	r io.Reader
	w *idleWatch
}

func (r *watchedReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.w.touch()
	}
	if err != nil && err != io.EOF {
		err = r.w.check(err)
	}
	return n, err
}

// watchedBody is the body of a GetObject, watched; Close stops the watch.
type watchedBody struct {
	watchedReader
	c io.Closer
}

func (b *watchedBody) Close() error {
	b.w.stop()
	return b.c.Close()
}
