package customlabels

import (
	"context"
	"crypto/sha256"
	"hash"
	"math/bits"
	"net/http/httptrace"
	"sync"
	"sync/atomic"
)

// Request bodies are encoded once per call into a pooled buffer, hashed
// once, and sent by every attempt from that same buffer: nothing copies
// them again. An operation whose input implements sizedRequest gets a
// buffer of exactly the room its body needs; others get a small one that
// append grows as usual.
//
// A buffer goes back to its pool only when the call has ended and net/http
// has reported, for every attempt, that it wrote the request: the
// transport may still be writing a body after Do returns (a server that
// answers before reading it all), and a buffer reused while it is being
// sent would put one call's bytes on another call's connection. When no
// such report comes (an HTTPClient other than net/http's, or a dial that
// failed), the buffer is left to the garbage collector instead.
//
// The body is sent through a *bytes.Reader, which net/http writes with the
// headers in one packet; a reader of our own would make it flush the
// headers first (net/http issue 22088) and turn a write to a connection
// the server closed while idle into a broken pipe that is not retried.

// sizedRequest is a request that can tell the length of its body.
type sizedRequest interface {
	request
	// jsonSizeHint returns the room to reserve for the body: its exact
	// length when the request can tell it, else an estimate.
	jsonSizeHint() int
}

// Size classes of the pooled buffers: powers of two from 512 bytes to
// 8 MiB, which holds the largest DetectCustomLabels body (a 5 MiB image is
// 6,990,508 base64 characters).
const (
	minBodyClass = 9
	maxBodyClass = 23
)

var bodyPools [maxBodyClass - minBodyClass + 1]sync.Pool

// requestBody is one call's encoded body, shared by its attempts.
type requestBody struct {
	b []byte
	// sum is the SHA-256 of b, for SigV4.
	sum [sha256.Size]byte
	// refs counts the holders: the call itself and each attempt whose
	// request net/http has not reported written. The last to let go returns the buffer to its pool.
	refs  atomic.Int32
	class int // index in bodyPools, or -1 when not pooled
}

// newRequestBody returns a body with room for size bytes and one
// reference, the caller's.
func newRequestBody(size int) *requestBody {
	class := bodyClass(size)
	if class < 0 {
		rb := &requestBody{b: make([]byte, 0, size), class: -1}
		rb.refs.Store(1)
		return rb
	}
	rb, _ := bodyPools[class].Get().(*requestBody)
	if rb == nil {
		rb = &requestBody{b: make([]byte, 0, 1<<(class+minBodyClass)), class: class}
	}
	rb.refs.Store(1)
	return rb
}

// bodyClass returns the pool index of the smallest class of at least size
// bytes, or -1 when size is over the largest class.
func bodyClass(size int) int {
	if size <= 1<<minBodyClass {
		return 0
	}
	c := bits.Len(uint(size-1)) - minBodyClass
	if c > maxBodyClass-minBodyClass {
		return -1
	}
	return c
}

// release drops one reference; the last returns the buffer to its pool.
func (rb *requestBody) release() {
	if rb.refs.Add(-1) != 0 {
		return
	}
	// A body that outgrew its class (a size under-estimated) is not
	// pooled: its class would no longer describe it.
	if rb.class < 0 || cap(rb.b) != 1<<(rb.class+minBodyClass) {
		return
	}
	rb.b = rb.b[:0]
	bodyPools[rb.class].Put(rb)
}

// hold takes a reference for one attempt and returns a context that gives
// it back once net/http has written the request (httptrace's
// WroteRequest: by then the transport has sent or copied every body
// byte), or when the attempt calls release because it never sent.
func (rb *requestBody) hold(ctx context.Context) (context.Context, *bodyHold) {
	rb.refs.Add(1)
	h := &bodyHold{rb: rb}
	h.trace.WroteRequest = h.wrote
	return httptrace.WithClientTrace(ctx, &h.trace), h
}

// bodyHold is one attempt's reference to the call's body.
type bodyHold struct {
	trace httptrace.ClientTrace
	rb    *requestBody
	done  atomic.Bool
}

func (h *bodyHold) wrote(httptrace.WroteRequestInfo) { h.release() }

// release gives back the reference; later calls do nothing.
func (h *bodyHold) release() {
	if h.done.CompareAndSwap(false, true) {
		h.rb.release()
	}
}

// defaultBodySize is the room given to a body of unknown size: most
// inputs without an image fit.
const defaultBodySize = 256

// encodeRequest encodes params into a pooled body, sized exactly when
// params knows its size, and hashes it (encodeAndHash, below).
func encodeRequest(params request) *requestBody {
	size := defaultBodySize
	if s, ok := params.(sizedRequest); ok {
		size = s.jsonSizeHint()
	}
	rb := newRequestBody(size)
	rb.sum = encodeAndHash(params, rb, size)
	return rb
}

// The SigV4 payload hash of a request body, computed once per call.
//
// A body of megabytes (an image) is hashed while it is still being
// encoded: the encoder hands over each finished stretch of the body, and
// another goroutine hashes it while the encoder writes the next, so that
// on two cores the call waits for the longer of the two passes, not
// their sum. Every byte is still read once by the encoder and once by the
// hash, in order; the total CPU time is the same.

// streamedRequest is a request that can hand over its body in stretches
// as it encodes it: it calls flush(b) with the body so far whenever a
// stretch is final, then returns the whole body as appendJSON would.
type streamedRequest interface {
	request
	appendJSONStream(b []byte, flush func(body []byte)) []byte
}

// minStreamedHash is the body size from which hashing runs beside the
// encoding: below it a goroutine costs more than it saves.
const minStreamedHash = 256 << 10

// hashStretch is how much of the body the encoder finishes between
// handovers: large enough to make a handover rare, small enough to stay
// in the cache until hashed.
const hashStretch = 128 << 10

// encodeAndHash encodes params into rb and returns the SHA-256 of the
// body, streaming it to a hashing goroutine when params is a large
// streamedRequest.
func encodeAndHash(params request, rb *requestBody, size int) [sha256.Size]byte {
	sp, ok := params.(streamedRequest)
	if !ok || size < minStreamedHash {
		rb.b = params.appendJSON(rb.b)
		return sha256.Sum256(rb.b)
	}
	stretches := make(chan []byte, size/hashStretch+2)
	sum := make(chan [sha256.Size]byte, 1)
	go func() {
		h := sha256.New()
		for s := range stretches {
			h.Write(s)
		}
		sum <- sumOf(h)
	}()
	sent := 0
	flush := func(body []byte) {
		// body[sent:] is final: hand it over. A slice, not an offset,
		// so that it stays right even if append moved the body.
		if len(body) > sent {
			stretches <- body[sent:len(body):len(body)]
			sent = len(body)
		}
	}
	rb.b = sp.appendJSONStream(rb.b, flush)
	flush(rb.b)
	close(stretches)
	return <-sum
}

func sumOf(h hash.Hash) (s [sha256.Size]byte) {
	h.Sum(s[:0])
	return s
}
