package main

import (
	"fmt"
	"io"
	"net/url"
	"strconv"
	"sync"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// requestLogger writes one line per request: time, method, path (escaped:
// an S3 key may hold spaces), the X-Amz-Target (quoted) or "s3:" and the
// S3 operation, status, error code, fault, access key ID and request ID. Request holds no secrets,
// and only its non-secret fields are written.
type requestLogger struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *requestLogger) log(r customlabelstest.Request) {
	what := strconv.Quote(r.Target)
	if r.S3Operation != "" {
		what = "s3:" + r.S3Operation
	}
	line := fmt.Sprintf("%s %s %s %s status=%d", r.Received.UTC().Format("2006-01-02T15:04:05.000Z"), r.Method, (&url.URL{Path: r.Path}).EscapedPath(), what, r.Status)
	if r.ErrorCode != "" {
		line += " error=" + r.ErrorCode
	}
	if r.Fault != "" {
		line += fmt.Sprintf(" fault=%q", r.Fault)
	}
	if r.AccessKeyID != "" {
		line += " key=" + r.AccessKeyID
	}
	if r.RequestID != "" {
		line += " request-id=" + r.RequestID
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintln(l.w, line)
}
