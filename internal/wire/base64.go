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
// same bytes as base64.StdEncoding.Encode, 2.5 to 3 times as fast: 6
// input bytes become 8 characters with one 8-byte load, four table
// lookups and one 8-byte store (base64Quad), where the standard library
// looks each character up alone; eight such steps run per iteration, with
// one bounds check for all of them. A request body carries images of
// megabytes, so this is the client's largest cost after SHA-256.
func encodeBase64(dst, src []byte) {
	di, si := 0, 0
	// 48 bytes of src become 64 characters; the last load reads 8 bytes
	// from offset 42, so a step needs 50.
	for len(src)-si >= 50 && len(dst)-di >= 64 {
		s := src[si : si+50 : si+50]
		d := dst[di : di+64 : di+64]
		binary.BigEndian.PutUint64(d[0:], base64Quad(binary.BigEndian.Uint64(s[0:])))
		binary.BigEndian.PutUint64(d[8:], base64Quad(binary.BigEndian.Uint64(s[6:])))
		binary.BigEndian.PutUint64(d[16:], base64Quad(binary.BigEndian.Uint64(s[12:])))
		binary.BigEndian.PutUint64(d[24:], base64Quad(binary.BigEndian.Uint64(s[18:])))
		binary.BigEndian.PutUint64(d[32:], base64Quad(binary.BigEndian.Uint64(s[24:])))
		binary.BigEndian.PutUint64(d[40:], base64Quad(binary.BigEndian.Uint64(s[30:])))
		binary.BigEndian.PutUint64(d[48:], base64Quad(binary.BigEndian.Uint64(s[36:])))
		binary.BigEndian.PutUint64(d[56:], base64Quad(binary.BigEndian.Uint64(s[42:])))
		si += 48
		di += 64
	}
	// Then 6 bytes a step, each reading 8, so it stops 8 bytes short.
	for ; si+8 <= len(src) && di+8 <= len(dst); si, di = si+6, di+8 {
		binary.BigEndian.PutUint64(dst[di:], base64Quad(binary.BigEndian.Uint64(src[si:])))
	}
	// si is a multiple of 3: the rest encodes on its own, padding
	// included.
	base64.StdEncoding.Encode(dst[di:], src[si:])
}

// base64Quad returns the 8 characters of the high 48 bits of v, the
// first in the high byte.
func base64Quad(v uint64) uint64 {
	return uint64(base64Pairs[v>>52])<<48 |
		uint64(base64Pairs[v>>40&0xfff])<<32 |
		uint64(base64Pairs[v>>28&0xfff])<<16 |
		uint64(base64Pairs[v>>16&0xfff])
}
