package wire

import (
	"encoding/base64"
	"math"
	"strconv"
	"unicode/utf8"
)

// StringLen returns the length of AppendString(nil, s) without encoding
// s, so that a body can be sized exactly before it is written.
func StringLen(s string) int {
	n := 2 // the quotes
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c != '"' && c != '\\':
				n++
			case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t':
				n += 2
			default:
				n += 6 // \u00XX
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			n += len("\ufffd")
		case r == '\u2028' || r == '\u2029':
			n += 6
		default:
			n += size
		}
		i += size
	}
	return n
}

// AppendBase64 appends src as a JSON string of its standard base64
// encoding (RFC 4648, padded), the awsJson1_1 form of a blob. dst must
// have room for Base64Len(len(src)) more bytes to be written in place.
func AppendBase64(dst, src []byte) []byte {
	dst = append(dst, '"')
	n := base64.StdEncoding.EncodedLen(len(src))
	start := len(dst)
	if cap(dst)-start < n {
		dst = append(dst, make([]byte, n)...)[:start]
	}
	dst = dst[:start+n]
	encodeBase64(dst[start:], src)
	return append(dst, '"')
}

// AppendBase64Stream is AppendBase64 that calls flush(dst) after every
// stretch input bytes are encoded (stretch rounded down to a multiple of
// 3, at least 3), so that a caller can hash what is written while the
// rest is encoded. A nil flush is never called.
func AppendBase64Stream(dst, src []byte, stretch int, flush func([]byte)) []byte {
	if flush == nil {
		return AppendBase64(dst, src)
	}
	dst = append(dst, '"')
	n := base64.StdEncoding.EncodedLen(len(src))
	start := len(dst)
	if cap(dst)-start < n {
		dst = append(dst, make([]byte, n)...)[:start]
	}
	stretch = max(stretch/3*3, 3)
	for len(src) > 0 {
		k := min(stretch, len(src))
		m := base64.StdEncoding.EncodedLen(k)
		encodeBase64(dst[len(dst):len(dst)+m], src[:k])
		dst = dst[:len(dst)+m]
		src = src[k:]
		flush(dst)
	}
	return append(dst, '"')
}

// Base64Len returns the length of AppendBase64(nil, src) for a src of n
// bytes.
func Base64Len(n int) int { return base64.StdEncoding.EncodedLen(n) + 2 }

// AppendFloat32 appends f as a JSON number in the shortest form that reads
// back as the same float32, as encoding/json and the AWS SDK for Go write
// it: plain notation, except exponent notation below 1e-6 and from 1e21.
// f must be finite.
func AppendFloat32(dst []byte, f float32) []byte {
	abs := math.Abs(float64(f))
	format := byte('f')
	if abs != 0 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
		format = 'e'
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, float64(f), format, -1, 32)
	if format == 'e' {
		// Shorten e-09 to e-9, as encoding/json does.
		if n := len(dst) - start; n >= 4 && dst[len(dst)-4] == 'e' && dst[len(dst)-3] == '-' && dst[len(dst)-2] == '0' {
			dst[len(dst)-2] = dst[len(dst)-1]
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}

// Float32Len returns the length of AppendFloat32(nil, f).
func Float32Len(f float32) int {
	var buf [32]byte
	return len(AppendFloat32(buf[:0], f))
}

// IntLen returns the length of strconv.AppendInt(nil, v, 10).
func IntLen(v int64) int {
	n := 1
	if v < 0 {
		n++ // the sign; -v of math.MinInt64 stays negative, counted below
	}
	for v <= -10 || v >= 10 {
		v /= 10
		n++
	}
	return n
}

// BoolLen returns the length of strconv.AppendBool(nil, v).
func BoolLen(v bool) int {
	if v {
		return len("true")
	}
	return len("false")
}

// StringsLen returns the length of AppendStrings(nil, vals).
func StringsLen[S ~string](vals []S) int {
	n := 2 + max(len(vals)-1, 0) // [], and the commas
	for _, v := range vals {
		n += StringLen(string(v))
	}
	return n
}

// StringMapLen returns the length of AppendStringMap(nil, m).
func StringMapLen(m map[string]string) int {
	n := 2 + max(len(m)-1, 0) // {}, and the commas
	for k, v := range m {
		n += StringLen(k) + 1 + StringLen(v)
	}
	return n
}
