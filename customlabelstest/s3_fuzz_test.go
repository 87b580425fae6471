package customlabelstest

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzDecodeAWSChunked feeds arbitrary aws-chunked bodies to the decoder:
// it never panics, never returns more than the limit, returns exactly the
// declared size when one is declared, and refuses with a client error.
func FuzzDecodeAWSChunked(f *testing.F) {
	f.Add([]byte("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n"), int64(3))
	f.Add([]byte("3;chunk-signature=00\r\nabc\r\n0;chunk-signature=00\r\n\r\n"), int64(-1))
	f.Add([]byte("ffffffffffffffff\r\n"), int64(-1))
	f.Add([]byte("1\r\na\r\n1\r\nb\r\n0\r\n"), int64(2))
	f.Add([]byte("0\r\n"+strings.Repeat("a:b\r\n", 20)+"\r\n"), int64(0))
	const limit = 1 << 10
	f.Fuzz(func(t *testing.T, body []byte, size int64) {
		if size < -1 || size > limit {
			size = -1
		}
		data, trailers, err := decodeAWSChunked(bytes.NewReader(body), size, limit, nil, false)
		if err != nil {
			if err.status < 400 || err.status >= 500 || err.code == "" {
				t.Fatalf("error %d %s: %s", err.status, err.code, err.message)
			}
			return
		}
		if len(data) > limit || size >= 0 && int64(len(data)) != size {
			t.Fatalf("got %d bytes (size %d, limit %d)", len(data), size, limit)
		}
		if len(trailers) > maxTrailers {
			t.Fatalf("%d trailers", len(trailers))
		}
	})
}

// FuzzParseS3Range checks that a served range lies within the object.
func FuzzParseS3Range(f *testing.F) {
	for _, h := range []string{"bytes=0-0", "bytes=-5", "bytes=3-", "bytes=9-2", "bytes=-0", "bytes=0-,1-", "bytes=99999999999999999999-"} {
		f.Add(h, int64(10))
	}
	f.Fuzz(func(t *testing.T, h string, size int64) {
		if size < 0 {
			size = -size
		}
		start, end, ok, partial := parseS3Range(h, size)
		if !ok {
			return
		}
		if start < 0 || start > end || end > size || !partial && (start != 0 || end != size) {
			t.Fatalf("Range %q of %d bytes: [%d, %d) partial %v", h, size, start, end, partial)
		}
	})
}

// FuzzS3XMLBodies posts arbitrary bodies to the operations that read XML
// (CreateBucket, DeleteObjects, CompleteMultipartUpload) without
// signature checks: each answers, and any error is an S3 XML document.
func FuzzS3XMLBodies(f *testing.F) {
	f.Add([]byte(`<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>`), uint8(0))
	f.Add([]byte(`<Delete><Quiet>true</Quiet><Object><Key>a</Key></Object></Delete>`), uint8(1))
	f.Add([]byte(`<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"x"</ETag></Part></CompleteMultipartUpload>`), uint8(2))
	f.Add([]byte(`<a><!DOCTYPE x [<!ENTITY y "z">]>&y;</a>`), uint8(1))
	s := NewServer(WithoutSignatureVerification(), WithS3Object("fuzz-bucket", "a", "", []byte("x")))
	defer s.Close()
	f.Fuzz(func(t *testing.T, body []byte, op uint8) {
		var target string
		method := http.MethodPost
		switch op % 3 {
		case 0:
			method, target = http.MethodPut, "/fuzz-other"
		case 1:
			target = "/fuzz-bucket?delete"
		default:
			target = "/fuzz-bucket/k?uploadId=none"
		}
		r := httptest.NewRequest(method, "http://127.0.0.1"+target, bytes.NewReader(body))
		r.Header.Set("X-Amz-Checksum-Sha256", s3ChecksumOf("SHA256", body).value)
		w := httptest.NewRecorder()
		s.serveHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: %d %s", method, target, w.Code, w.Body)
		}
		if w.Code >= 400 {
			var e struct{ Code string }
			if err := xml.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Code == "" {
				t.Fatalf("%s %s: %d not an S3 error: %s", method, target, w.Code, w.Body)
			}
		}
		s.mu.Lock()
		delete(s.s3.buckets, "fuzz-other")
		s.mu.Unlock()
	})
}
