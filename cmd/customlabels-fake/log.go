package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// requestLogger writes one line per request. Request holds no secrets,
// and only its non-secret fields are written.
type requestLogger struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *requestLogger) log(r customlabelstest.Request) {
	line := fmt.Sprintf("%s %s %s %q status=%d", r.Received.UTC().Format("2006-01-02T15:04:05.000Z"), r.Method, r.Path, r.Target, r.Status)
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
