package customlabels

import (
	"context"
	"io"
	"net/http/httptrace"
	"sync"
	"sync/atomic"
	"time"
)

// Default bounds of one attempt (Options.IdleTimeout, Options.AttemptTimeout).
const (
	// DefaultIdleTimeout is how long an attempt may make no progress. The
	// service answers within seconds; the default HTTP client already
	// waits at most 30 s for response headers; and 30 s without a byte in
	// the middle of a response of at most 16 MiB is a connection that
	// died without a reset (boto3 bounds every socket read the same way,
	// at 60 s, and retries).
	DefaultIdleTimeout = 30 * time.Second
	// DefaultAttemptTimeout bounds an attempt however it progresses, so
	// that a server trickling a byte at a time cannot hold a call for
	// ever. It leaves room for the largest request (a DetectCustomLabels
	// image of 4 MiB) and response (16 MiB) over a link of 1 Mbit/s.
	DefaultAttemptTimeout = 5 * time.Minute
)

// AttemptTimeoutError reports an attempt that the client ended because it
// made no progress for Options.IdleTimeout, or because it ran longer than
// Options.AttemptTimeout, while the caller's context had not ended. It is
// retried as a dropped connection is. When the response headers had
// arrived, it sits inside the *awshttp.ResponseError that carries the
// status and request ID.
type AttemptTimeoutError struct {
	// Stalled says what the attempt was doing: "sending the request",
	// "waiting for the response headers" or "reading the response body".
	Stalled string
	// Idle is true when the attempt made no progress for Limit
	// (IdleTimeout), false when it ran for Limit in all (AttemptTimeout).
	Idle bool
	// Limit is the bound that ended the attempt.
	Limit time.Duration
}

// Error says what stalled and which limit ended it, e.g. "attempt
// stalled reading the response body: no data for 30s (IdleTimeout)".
func (e *AttemptTimeoutError) Error() string {
	if e.Idle {
		return "attempt stalled " + e.Stalled + ": no progress for " + e.Limit.String() + " (IdleTimeout)"
	}
	return "attempt timed out " + e.Stalled + ": over " + e.Limit.String() + " in all (AttemptTimeout)"
}

// Timeout returns true.
func (e *AttemptTimeoutError) Timeout() bool { return true }

// RetryableError returns true: the attempt is retried like a dropped
// connection, within the call's context.
func (e *AttemptTimeoutError) RetryableError() bool { return true }

// Phases of an attempt, for AttemptTimeoutError.Stalled.
const (
	phaseSending int32 = iota
	phaseWaiting
	phaseReading
)

var phaseNames = [...]string{"sending the request", "waiting for the response headers", "reading the response body"}

// attemptTimer bounds one attempt: it cancels the attempt's context when
// no progress was seen for idle, or when the attempt has run for total.
// Progress is the request written (for a large body; see sending), the
// response headers arriving, and bytes of the response body arriving. One timer is
// armed at a time, for the nearer of the two bounds; a read only records
// the time.
type attemptTimer struct {
	idle, total time.Duration // 0: no such bound
	start       time.Time
	last        atomic.Int64 // time of the last progress, since start
	phase       atomic.Int32
	cancel      context.CancelCauseFunc

	mu     sync.Mutex
	timer  *time.Timer
	done   bool
	fired  *AttemptTimeoutError
	traced bool // a trace hook was installed: t is not reused

	respBody progressReadCloser
}

// attemptTimers recycles timers, each with its time.Timer and the closure
// that fires it: three allocations an attempt would otherwise make.
var attemptTimers = sync.Pool{New: func() any {
	t := new(attemptTimer)
	t.respBody.t = t
	t.timer = time.AfterFunc(time.Hour, t.fire)
	t.timer.Stop()
	return t
}}

// startAttemptTimer returns the attempt's context and its timer, or ctx
// and nil when both bounds are off.
func startAttemptTimer(ctx context.Context, r *resolved) (context.Context, *attemptTimer) {
	if r.idleTimeout <= 0 && r.attemptTimeout <= 0 {
		return ctx, nil
	}
	t := attemptTimers.Get().(*attemptTimer)
	ctx, cancel := context.WithCancelCause(ctx)
	first := r.idleTimeout
	if first <= 0 || (r.attemptTimeout > 0 && r.attemptTimeout < first) {
		first = r.attemptTimeout
	}
	t.mu.Lock()
	t.idle, t.total, t.start, t.cancel = r.idleTimeout, r.attemptTimeout, time.Now(), cancel
	t.last.Store(0)
	t.phase.Store(phaseWaiting)
	t.done, t.fired, t.traced = false, nil, false
	t.timer.Reset(first)
	t.mu.Unlock()
	return ctx, t
}

func (t *attemptTimer) progress() { t.last.Store(int64(time.Since(t.start))) }

func (t *attemptTimer) fire() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return
	}
	elapsed := time.Since(t.start)
	phase := phaseNames[t.phase.Load()]
	if t.total > 0 && elapsed >= t.total {
		t.fired = &AttemptTimeoutError{Stalled: phase, Limit: t.total}
	} else if quiet := elapsed - time.Duration(t.last.Load()); t.idle > 0 && quiet >= t.idle && t.phase.Load() != phaseSending {
		t.fired = &AttemptTimeoutError{Stalled: phase, Idle: true, Limit: t.idle}
	}
	if t.fired != nil {
		t.done = true
		t.cancel(t.fired)
		return
	}
	next := t.total - elapsed
	if t.idle > 0 {
		if untilIdle := t.idle - (elapsed - time.Duration(t.last.Load())); t.total <= 0 || untilIdle < next {
			next = untilIdle
		}
	}
	t.timer.Reset(next)
}

// stop disarms the timer and releases the attempt's context; it returns
// the error of the bound that ended the attempt, if one did.
func (t *attemptTimer) stop() *AttemptTimeoutError {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	t.done = true
	stopped := t.timer.Stop()
	fired, traced, cancel := t.fired, t.traced, t.cancel
	t.cancel = nil
	t.mu.Unlock()
	cancel(nil)
	// Reuse t only when no fire can still run (a fire that did not end
	// the attempt may be waiting for mu) and no trace hook can still be
	// called (net/http may report WroteRequest after the response).
	if (stopped || fired != nil) && !traced {
		attemptTimers.Put(t)
	}
	return fired
}

// timedOut returns the error of the bound that ended the attempt, or nil.
func (t *attemptTimer) timedOut() *AttemptTimeoutError {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fired
}

// largeRequestBody is the size above which sending the request is a phase
// of its own, watched with httptrace: below it, a request is written in a
// moment on any link, and the wait for the response starts at once.
const largeRequestBody = 64 << 10

// sending returns ctx, for a large body made to report when the request
// has been written: until then the attempt is sending, and only
// AttemptTimeout bounds it (the transport writes an in-memory body whole,
// without telling its progress).
func (t *attemptTimer) sending(ctx context.Context, bodyLen int) context.Context {
	if t == nil || bodyLen <= largeRequestBody {
		return ctx
	}
	t.phase.Store(phaseSending)
	t.mu.Lock()
	t.traced = true
	t.mu.Unlock()
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{WroteRequest: t.wroteRequest})
}

func (t *attemptTimer) wroteRequest(httptrace.WroteRequestInfo) {
	t.progress()
	t.phase.CompareAndSwap(phaseSending, phaseWaiting)
}

// headersArrived records the response headers and returns the body to
// read, recording progress as bytes arrive.
func (t *attemptTimer) headersArrived(body io.ReadCloser) io.ReadCloser {
	if t == nil {
		return body
	}
	t.progress()
	t.phase.Store(phaseReading)
	t.respBody.r = body
	return &t.respBody
}

// progressReadCloser is the response body: each read that returns data is
// progress.
type progressReadCloser struct {
	r io.ReadCloser
	t *attemptTimer
}

func (p *progressReadCloser) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.t.progress()
	}
	return n, err
}

func (p *progressReadCloser) Close() error { return p.r.Close() }

// durationOption returns d, def for 0, and 0 (off) for a negative d.
func durationOption(d, def time.Duration) time.Duration {
	switch {
	case d == 0:
		return def
	case d < 0:
		return 0
	}
	return d
}
