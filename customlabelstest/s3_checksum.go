package customlabelstest

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"hash"
	"hash/crc32"
	"hash/crc64"
	"net/http"
	"strconv"
	"strings"
)

// s3Checksum is an object's checksum, as S3 keeps and returns it.
type s3Checksum struct {
	algorithm string // CRC32, CRC32C, CRC64NVME, SHA1, SHA256 or SHA512; "" for none
	value     string // base64 of the digest, then "-N" for a composite one
	typ       string // FULL_OBJECT or COMPOSITE
}

// crc64NVME is the table of CRC-64/NVME, whose reflected polynomial is
// 0x9a6c9329ac4bc9b5; Go's crc64 applies the all-ones initial value and
// final XOR that CRC-64/NVME specifies.
var crc64NVME = crc64.MakeTable(0x9a6c9329ac4bc9b5)

// s3ChecksumAlgorithms are the algorithms S3 accepts in x-amz-checksum-*
// headers and trailers, by name.
var s3ChecksumAlgorithms = map[string]func() hash.Hash{
	"CRC32":     func() hash.Hash { return crc32.NewIEEE() },
	"CRC32C":    func() hash.Hash { return crc32.New(crc32.MakeTable(crc32.Castagnoli)) },
	"CRC64NVME": func() hash.Hash { return crc64.New(crc64NVME) },
	"SHA1":      sha1.New,
	"SHA256":    sha256.New,
	"SHA512":    sha512.New,
}

// s3ChecksumHeader is the header, lower-case, of an algorithm's checksum.
func s3ChecksumHeader(algorithm string) string {
	return "x-amz-checksum-" + strings.ToLower(algorithm)
}

// s3ChecksumOf returns the full-object checksum of data.
func s3ChecksumOf(algorithm string, data []byte) s3Checksum {
	h := s3ChecksumAlgorithms[algorithm]()
	h.Write(data)
	return s3Checksum{algorithm: algorithm, value: base64.StdEncoding.EncodeToString(h.Sum(nil)), typ: "FULL_OBJECT"}
}

// s3CompositeChecksum is the checksum of a multipart object: the digest of
// the parts' digests, then "-" and the number of parts. It reports false
// when a part's checksum does not decode.
func s3CompositeChecksum(algorithm string, parts []string) (s3Checksum, bool) {
	h := s3ChecksumAlgorithms[algorithm]()
	for _, p := range parts {
		raw, err := base64.StdEncoding.DecodeString(p)
		if err != nil {
			return s3Checksum{}, false
		}
		h.Write(raw)
	}
	return s3Checksum{algorithm: algorithm, typ: "COMPOSITE",
		value: base64.StdEncoding.EncodeToString(h.Sum(nil)) + "-" + strconv.Itoa(len(parts))}, true
}

// validS3ChecksumValue reports whether v is the base64 of a digest of
// the algorithm's size.
func validS3ChecksumValue(algorithm, v string) bool {
	raw, err := base64.StdEncoding.DecodeString(v)
	return err == nil && len(raw) == s3ChecksumAlgorithms[algorithm]().Size()
}

// s3ChecksumRequest is the checksum a request says its payload has: in a
// header, or announced in X-Amz-Trailer and sent after the payload.
type s3ChecksumRequest struct {
	algorithm string
	value     string // from the header; "" when in the trailer
	trailer   bool
}

// requestedS3Checksum reads the checksum headers of r: at most one
// x-amz-checksum-* header or one announced trailer, and
// x-amz-sdk-checksum-algorithm agreeing with it.
func requestedS3Checksum(h http.Header) (s3ChecksumRequest, *s3Error) {
	var c s3ChecksumRequest
	n := 0
	for name, vals := range h {
		lower := strings.ToLower(name)
		alg, ok := strings.CutPrefix(lower, "x-amz-checksum-")
		if !ok || alg == "algorithm" || alg == "type" || alg == "mode" {
			continue
		}
		alg = strings.ToUpper(alg)
		if s3ChecksumAlgorithms[alg] == nil {
			return c, errInvalidRequest("The algorithm type you specified in " + truncate(lower, 64) + " header is invalid.")
		}
		if !validS3ChecksumValue(alg, vals[0]) {
			return c, errInvalidRequest("Value for " + lower + " header is invalid.")
		}
		c, n = s3ChecksumRequest{algorithm: alg, value: vals[0]}, n+1
	}
	if t := h.Get("X-Amz-Trailer"); t != "" {
		alg, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(t)), "x-amz-checksum-")
		alg = strings.ToUpper(alg)
		if !ok || s3ChecksumAlgorithms[alg] == nil {
			return c, errInvalidRequest("The value specified in the x-amz-trailer header is not supported: " + truncate(t, 64))
		}
		c, n = s3ChecksumRequest{algorithm: alg, trailer: true}, n+1
	}
	if n > 1 {
		return c, errInvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.")
	}
	if sdk := strings.ToUpper(h.Get("X-Amz-Sdk-Checksum-Algorithm")); sdk != "" && sdk != c.algorithm {
		if c.algorithm == "" {
			return c, errInvalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.")
		}
		return c, errInvalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.")
	}
	return c, nil
}

// errBadDigest answers a payload whose checksum is not the one sent.
func errBadDigest(algorithm string) *s3Error {
	return &s3Error{status: http.StatusBadRequest, code: "BadDigest",
		message: "The " + algorithm + " you specified did not match the calculated checksum."}
}

// defaultChecksumAlgorithm is the checksum S3 computes for an object
// uploaded without one.
const defaultChecksumAlgorithm = "CRC64NVME"
