package customlabels

import (
	"crypto/sha256"
	"hash"
)

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
