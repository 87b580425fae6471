package customlabelstest

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// s3Payload is a request's payload as read and checked.
type s3Payload struct {
	data []byte
	// checksum is the checksum the client sent, which the payload has;
	// algorithm "" when it sent none.
	checksum s3Checksum
}

// maxS3XMLBody caps the XML bodies of CreateBucket, DeleteObjects and
// CompleteMultipartUpload (10,000 parts fit).
const maxS3XMLBody = 2 << 20

// readS3Payload reads the payload of r, at most limit bytes once decoded:
// plain, or aws-chunked; then checks it against what the client said of
// it: X-Amz-Content-Sha256 when a hash, Content-MD5, and the
// x-amz-checksum-* header or trailer. A payload over limit gets
// EntityTooLarge, or MaxMessageLengthExceeded for an XML body.
func readS3Payload(r *http.Request, a s3Auth, limit int64, isXML bool) (s3Payload, *s3Error) {
	var p s3Payload
	want, cerr := requestedS3Checksum(r.Header)
	if cerr != nil {
		return p, cerr
	}
	tooLarge := func(n int64) *s3Error {
		if isXML {
			return &s3Error{status: http.StatusBadRequest, code: "MaxMessageLengthExceeded", message: "Your request was too big."}
		}
		return errEntityTooLarge(n)
	}
	var trailers map[string]string
	var err *s3Error
	if isAWSChunked(r, a.payloadHash) {
		p.data, trailers, err = readS3Chunked(r, a, limit, tooLarge)
	} else {
		p.data, err = readS3Plain(r, limit, tooLarge)
	}
	if err != nil {
		return p, err
	}
	if err := checkS3Digests(r, a, p.data); err != nil {
		return p, err
	}
	if want.algorithm == "" {
		return p, nil
	}
	p.checksum, err = checkS3Checksum(r, a, want, trailers, p.data)
	return p, err
}

// readS3Chunked reads an aws-chunked payload, and its trailers.
func readS3Chunked(r *http.Request, a s3Auth, limit int64, tooLarge func(int64) *s3Error) ([]byte, map[string]string, *s3Error) {
	n := int64(-1) // unknown: a stream the client could not measure
	if dl := r.Header.Get("X-Amz-Decoded-Content-Length"); dl != "" {
		var err error
		if n, err = strconv.ParseInt(dl, 10, 64); err != nil || n < 0 {
			return nil, nil, errInvalidArgument("x-amz-decoded-content-length must be a number of bytes", "x-amz-decoded-content-length", dl)
		}
		if n > limit {
			return nil, nil, tooLarge(n)
		}
	}
	signed := a.payloadHash == hashStreamingSigned || a.payloadHash == hashStreamingSignedTrailer
	var signer *chunkSigner
	if signed {
		signer = a.chunks
	}
	data, trailers, err := decodeAWSChunked(r.Body, n, limit, signer, a.payloadHash == hashStreamingSignedTrailer)
	if err != nil {
		if err.code == "EntityTooLarge" {
			return data, trailers, tooLarge(int64(len(data)))
		}
		return data, trailers, err
	}
	return data, trailers, nil
}

// readS3Plain reads a payload of Content-Length bytes.
func readS3Plain(r *http.Request, limit int64, tooLarge func(int64) *s3Error) ([]byte, *s3Error) {
	if r.ContentLength < 0 {
		return nil, &s3Error{status: http.StatusLengthRequired, code: "MissingContentLength",
			message: "You must provide the Content-Length HTTP header."}
	}
	if r.ContentLength > limit {
		return nil, tooLarge(r.ContentLength)
	}
	data := make([]byte, r.ContentLength)
	if _, err := io.ReadFull(r.Body, data); err != nil {
		return data, errIncompleteBody()
	}
	return data, nil
}

// checkS3Digests checks data against X-Amz-Content-Sha256, when it is a
// hash, and Content-MD5.
func checkS3Digests(r *http.Request, a s3Auth, data []byte) *s3Error {
	if len(a.payloadHash) == 64 {
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != a.payloadHash {
			return &s3Error{status: http.StatusBadRequest, code: "XAmzContentSHA256Mismatch",
				message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
				fields:  []s3Field{{"ClientComputedContentSHA256", a.payloadHash}, {"S3ComputedContentSHA256", got}}}
		}
	}
	if m := r.Header.Get("Content-MD5"); m != "" {
		raw, err := base64.StdEncoding.DecodeString(m)
		if err != nil || len(raw) != md5.Size {
			return &s3Error{status: http.StatusBadRequest, code: "InvalidDigest", message: "The Content-MD5 you specified was invalid."}
		}
		if sum := md5.Sum(data); string(sum[:]) != string(raw) {
			return &s3Error{status: http.StatusBadRequest, code: "BadDigest", message: "The Content-MD5 you specified did not match what we received."}
		}
	}
	return nil
}

// checkS3Checksum checks data against the checksum the client asked for,
// in a header or in a trailer of an aws-chunked payload, and returns it.
func checkS3Checksum(r *http.Request, a s3Auth, want s3ChecksumRequest, trailers map[string]string, data []byte) (s3Checksum, *s3Error) {
	value := want.value
	if want.trailer {
		header := s3ChecksumHeader(want.algorithm)
		v, ok := trailers[header]
		switch {
		case !isAWSChunked(r, a.payloadHash):
			return s3Checksum{}, errInvalidRequest("x-amz-trailer " + header + " needs an aws-chunked payload (Content-Encoding: aws-chunked)")
		case !ok:
			return s3Checksum{}, errInvalidRequest("The " + header + " trailer announced in x-amz-trailer was not sent.")
		case !validS3ChecksumValue(want.algorithm, v):
			return s3Checksum{}, errInvalidRequest("Value for " + header + " trailing header is invalid.")
		}
		value = v
	}
	got := s3ChecksumOf(want.algorithm, data)
	if got.value != value {
		return s3Checksum{}, errBadDigest(want.algorithm)
	}
	return got, nil
}

// storedContentEncoding is the Content-Encoding S3 keeps: the one sent,
// without aws-chunked, which only framed the upload.
func storedContentEncoding(h http.Header) string {
	var keep []string
	for _, v := range h.Values("Content-Encoding") {
		for _, enc := range strings.Split(v, ",") {
			if enc = strings.TrimSpace(enc); enc != "" && !strings.EqualFold(enc, "aws-chunked") {
				keep = append(keep, enc)
			}
		}
	}
	return strings.Join(keep, ",")
}
