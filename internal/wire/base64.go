package wire

import (
	"encoding/base64"
	"encoding/binary"
)

// The standard base64 alphabet (RFC 4648).
const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// base64Pairs maps 12 bits to their two base64 characters, first one in
// the high byte: one lookup writes two characters. 8 KiB, which stays in
// the L1 cache.
var base64Pairs = func() (t [4096]uint16) {
	for i := range t {
		t[i] = uint16(base64Alphabet[i>>6])<<8 | uint16(base64Alphabet[i&63])
	}
	return t
}()

// encodeBase64 writes the standard, padded base64 of src to dst, which
// must hold base64.StdEncoding.EncodedLen(len(src)) bytes. It gives the
// same bytes as base64.StdEncoding.Encode, about twice as fast: 6 input
// bytes become 8 characters with one 8-byte load, four table lookups and
// one 8-byte store, where the standard library looks each character up
// alone. A request body carries images of megabytes, so this is the
// client's largest cost after SHA-256.
func encodeBase64(dst, src []byte) {
	di, si := 0, 0
	// Each step reads 8 bytes of src (using 6), so it stops 8 bytes short.
	for ; si+8 <= len(src) && di+8 <= len(dst); si, di = si+6, di+8 {
		v := binary.BigEndian.Uint64(src[si:])
		binary.BigEndian.PutUint64(dst[di:],
			uint64(base64Pairs[v>>52])<<48|
				uint64(base64Pairs[v>>40&0xfff])<<32|
				uint64(base64Pairs[v>>28&0xfff])<<16|
				uint64(base64Pairs[v>>16&0xfff]))
	}
	// si is a multiple of 3: the rest encodes on its own, padding
	// included.
	base64.StdEncoding.Encode(dst[di:], src[si:])
}
