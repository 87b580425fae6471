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
	if isAWSChunked(r, a.payloadHash) {
		n := int64(-1) // unknown: a stream the client could not measure
		if dl := r.Header.Get("X-Amz-Decoded-Content-Length"); dl != "" {
			var err error
			if n, err = strconv.ParseInt(dl, 10, 64); err != nil || n < 0 {
				return p, errInvalidArgument("x-amz-decoded-content-length must be a number of bytes", "x-amz-decoded-content-length", dl)
			}
			if n > limit {
				return p, tooLarge(n)
			}
		}
		signed := a.payloadHash == hashStreamingSigned || a.payloadHash == hashStreamingSignedTrailer
		var signer *chunkSigner
		if signed {
			signer = a.chunks
		}
		var serr *s3Error
		p.data, trailers, serr = decodeAWSChunked(r.Body, n, limit, signer, a.payloadHash == hashStreamingSignedTrailer)
		if serr != nil {
			if serr.code == "EntityTooLarge" {
				return p, tooLarge(int64(len(p.data)))
			}
			return p, serr
		}
	} else {
		if r.ContentLength < 0 {
			return p, &s3Error{status: http.StatusLengthRequired, code: "MissingContentLength",
				message: "You must provide the Content-Length HTTP header."}
		}
		if r.ContentLength > limit {
			return p, tooLarge(r.ContentLength)
		}
		p.data = make([]byte, r.ContentLength)
		if _, err := io.ReadFull(r.Body, p.data); err != nil {
			return p, errIncompleteBody()
		}
	}

	if len(a.payloadHash) == 64 {
		sum := sha256.Sum256(p.data)
		if got := hex.EncodeToString(sum[:]); got != a.payloadHash {
			return p, &s3Error{status: http.StatusBadRequest, code: "XAmzContentSHA256Mismatch",
				message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
				fields:  []s3Field{{"ClientComputedContentSHA256", a.payloadHash}, {"S3ComputedContentSHA256", got}}}
		}
	}
	if m := r.Header.Get("Content-MD5"); m != "" {
		raw, err := base64.StdEncoding.DecodeString(m)
		if err != nil || len(raw) != md5.Size {
			return p, &s3Error{status: http.StatusBadRequest, code: "InvalidDigest", message: "The Content-MD5 you specified was invalid."}
		}
		if sum := md5.Sum(p.data); string(sum[:]) != string(raw) {
			return p, &s3Error{status: http.StatusBadRequest, code: "BadDigest", message: "The Content-MD5 you specified did not match what we received."}
		}
	}
	if want.algorithm == "" {
		return p, nil
	}
	value := want.value
	if want.trailer {
		header := s3ChecksumHeader(want.algorithm)
		v, ok := trailers[header]
		switch {
		case !isAWSChunked(r, a.payloadHash):
			return p, errInvalidRequest("x-amz-trailer " + header + " needs an aws-chunked payload (Content-Encoding: aws-chunked)")
		case !ok:
			return p, errInvalidRequest("The " + header + " trailer announced in x-amz-trailer was not sent.")
		case !validS3ChecksumValue(want.algorithm, v):
			return p, errInvalidRequest("Value for " + header + " trailing header is invalid.")
		}
		value = v
	}
	got := s3ChecksumOf(want.algorithm, p.data)
	if got.value != value {
		return p, errBadDigest(want.algorithm)
	}
	p.checksum = got
	return p, nil
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
