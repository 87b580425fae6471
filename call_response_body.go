package customlabels

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Limits on response bodies. A body over the limit is an error, never
// silently cut.
const (
	// MaxResponseBytes caps a successful response body. A full page of 100
	// projects with long ARNs and messages is far below it.
	MaxResponseBytes = 16 << 20
	// maxErrorBodyBytes caps what is read of an error response.
	maxErrorBodyBytes = 1 << 20
)

// errBodyTooLarge reports a response body over the limit.
var errBodyTooLarge = errors.New("response body too large")

// bodyBuffers recycles response body buffers: the decoders keep no
// reference to the body, so its buffer is reused once an attempt ends.
var bodyBuffers = sync.Pool{New: func() any { return new(bodyBuffer) }}

// bodyBuffer is a pooled response buffer with the reader that caps what
// is read into it.
type bodyBuffer struct {
	buf bytes.Buffer
	lr  io.LimitedReader
}

// maxPooledBodyBuffer bounds the buffers kept for reuse; a larger one (an
// unusually big response) is left to the garbage collector.
const maxPooledBodyBuffer = 1 << 20

func releaseBodyBuffer(b *bodyBuffer) {
	b.lr = io.LimitedReader{}
	if b.buf.Cap() <= maxPooledBodyBuffer {
		b.buf.Reset()
		bodyBuffers.Put(b)
	}
}

// readBody reads the whole body into buf, failing beyond limit bytes. A
// body cut short gives the transport's error (io.ErrUnexpectedEOF or a
// reset), which is retried. The bytes returned are buf's.
func readBody(resp *http.Response, limit int64, b *bodyBuffer) ([]byte, error) {
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds the limit of %d bytes", errBodyTooLarge, resp.ContentLength, limit)
	}
	buf := &b.buf
	buf.Reset()
	if resp.ContentLength > 0 {
		// Room for the body and for ReadFrom's last read, which returns
		// io.EOF, without growing.
		buf.Grow(int(resp.ContentLength) + bytes.MinRead)
	}
	b.lr = io.LimitedReader{R: resp.Body, N: limit + 1}
	n, err := buf.ReadFrom(&b.lr)
	if err != nil {
		return nil, &bodyReadError{err}
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", errBodyTooLarge, limit)
	}
	return buf.Bytes(), nil
}

func describeBody(resp *http.Response, n int, readErr error) string {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "no content type"
	}
	if readErr != nil {
		return fmt.Sprintf("error response body not read (%s): %v", quoteShort(ct), readErr)
	}
	return fmt.Sprintf("non-JSON error response (%s, %d bytes)", quoteShort(ct), n)
}
