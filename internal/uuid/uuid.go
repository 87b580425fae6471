// Package uuid makes random (version 4) UUIDs, for the client's
// Amz-Sdk-Invocation-Id header and the fake server's request IDs.
package uuid

import (
	"crypto/rand"
	"encoding/hex"
)

// New returns a random version 4 UUID in its canonical text form,
// e.g. "9b2c4f1e-3d7a-4c8b-9e0f-1a2b3c4d5e6f".
func New() string {
	var s [Len]byte
	Encode(s[:])
	return string(s[:])
}

// Len is the length of a UUID's text.
const Len = 36

// Encode writes a new random version 4 UUID's text into dst[:Len], for a
// caller that builds it into a larger string.
func Encode(dst []byte) {
	var b [16]byte
	_, _ = rand.Read(b[:])  // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	s := dst[:Len]
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
}
