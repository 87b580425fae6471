package customlabelstest_test

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// createUpload starts a multipart upload of bucket/key.
func createUpload(t *testing.T, srv *customlabelstest.Server, key string, header map[string]string) string {
	t.Helper()
	res := s3Do(t, srv, s3Req{method: http.MethodPost, target: "/bucket/" + key + "?uploads", header: header})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	var out struct{ Bucket, Key, UploadId string }
	require.NoError(t, xml.Unmarshal(res.body, &out))
	assert.Equal(t, "bucket", out.Bucket)
	assert.Equal(t, key, out.Key)
	require.NotEmpty(t, out.UploadId)
	return out.UploadId
}

func uploadPart(t *testing.T, srv *customlabelstest.Server, key, id string, n int, data []byte, header map[string]string) s3Result {
	t.Helper()
	return s3Do(t, srv, s3Req{method: http.MethodPut, target: fmt.Sprintf("/bucket/%s?partNumber=%d&uploadId=%s", key, n, id),
		body: data, header: header})
}

type part struct {
	n     int
	etag  string
	extra string
}

func completeUpload(t *testing.T, srv *customlabelstest.Server, key, id string, parts ...part) s3Result {
	t.Helper()
	var b strings.Builder
	b.WriteString("<CompleteMultipartUpload>")
	for _, p := range parts {
		fmt.Fprintf(&b, "<Part><PartNumber>%d</PartNumber><ETag>%s</ETag>%s</Part>", p.n, p.etag, p.extra)
	}
	b.WriteString("</CompleteMultipartUpload>")
	return s3Do(t, srv, s3Req{method: http.MethodPost, target: "/bucket/" + key + "?uploadId=" + id, body: []byte(b.String())})
}

func TestS3MultipartUploadByHand(t *testing.T) {
	srv := newS3Server(t)
	id := createUpload(t, srv, "big", map[string]string{"Content-Type": "image/jpeg", "X-Amz-Meta-Kind": "dataset"})
	first := bytes.Repeat([]byte{1}, 5<<20)
	second := []byte("tail")
	r1 := uploadPart(t, srv, "big", id, 1, first, nil)
	require.Equal(t, http.StatusOK, r1.status, "%s", r1.body)
	r2 := uploadPart(t, srv, "big", id, 2, second, nil)
	require.Equal(t, http.StatusOK, r2.status, "%s", r2.body)
	assert.Equal(t, quotedMD5(second), r2.header.Get("ETag"))
	// Parts are not objects until completed.
	assert.Empty(t, srv.ListS3Objects("bucket", ""))

	res := completeUpload(t, srv, "big", id, part{1, r1.header.Get("ETag"), ""}, part{2, r2.header.Get("ETag"), ""})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	var out struct{ Location, Bucket, Key, ETag string }
	require.NoError(t, xml.Unmarshal(res.body, &out))
	m1, m2 := md5.Sum(first), md5.Sum(second)
	all := md5.Sum(append(m1[:], m2[:]...))
	assert.Equal(t, `"`+hex.EncodeToString(all[:])+`-2"`, out.ETag, "the MD5 of the parts' MD5s, then the number of parts")
	assert.Equal(t, srv.URL+"/bucket/big", out.Location)

	got := s3Get(t, srv, "/bucket/big", nil)
	assert.Equal(t, append(append([]byte(nil), first...), second...), got.body)
	assert.Equal(t, "image/jpeg", got.header.Get("Content-Type"))
	assert.Equal(t, "dataset", got.header.Get("X-Amz-Meta-Kind"))
	assert.Equal(t, out.ETag, got.header.Get("ETag"))

	p2 := s3Get(t, srv, "/bucket/big?partNumber=2", nil)
	assert.Equal(t, http.StatusPartialContent, p2.status)
	assert.Equal(t, second, p2.body)
	assert.Equal(t, "2", p2.header.Get("X-Amz-Mp-Parts-Count"))
	assert.Equal(t, fmt.Sprintf("bytes %d-%d/%d", 5<<20, 5<<20+3, 5<<20+4), p2.header.Get("Content-Range"))
	p3 := s3Get(t, srv, "/bucket/big?partNumber=3", nil)
	assert.Equal(t, "InvalidPartNumber", s3ErrorOf(t, p3).Code)

	res = completeUpload(t, srv, "big", id, part{1, r1.header.Get("ETag"), ""})
	assert.Equal(t, "NoSuchUpload", s3ErrorOf(t, res).Code, "an upload completes once")
}

func TestS3MultipartUploadErrors(t *testing.T) {
	srv := newS3Server(t)
	small := []byte("small")
	id := createUpload(t, srv, "k", nil)
	r1 := uploadPart(t, srv, "k", id, 1, small, nil)
	r2 := uploadPart(t, srv, "k", id, 2, small, nil)
	e1, e2 := r1.header.Get("ETag"), r2.header.Get("ETag")
	cases := []struct {
		name  string
		parts []part
		code  string
	}{
		{"small part before the last", []part{{1, e1, ""}, {2, e2, ""}}, "EntityTooSmall"},
		{"out of order", []part{{2, e2, ""}, {1, e1, ""}}, "InvalidPartOrder"},
		{"missing part", []part{{3, e1, ""}}, "InvalidPart"},
		{"wrong ETag", []part{{1, `"0000"`, ""}}, "InvalidPart"},
		{"no parts", nil, "MalformedXML"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := completeUpload(t, srv, "k", id, tc.parts...)
			assert.Equal(t, http.StatusBadRequest, res.status)
			assert.Equal(t, tc.code, s3ErrorOf(t, res).Code)
		})
	}
	for _, n := range []string{"0", "10001", "x"} {
		res := s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/k?partNumber=" + n + "&uploadId=" + id, body: small})
		assert.Equal(t, "InvalidArgument", s3ErrorOf(t, res).Code, "part number %s", n)
	}
	res := uploadPart(t, srv, "other-key", id, 1, small, nil)
	assert.Equal(t, "NoSuchUpload", s3ErrorOf(t, res).Code, "an upload belongs to its key")

	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket/k?uploadId=" + id})
	assert.Equal(t, http.StatusNoContent, res.status, "AbortMultipartUpload")
	res = uploadPart(t, srv, "k", id, 3, small, nil)
	assert.Equal(t, http.StatusNotFound, res.status)
	assert.Equal(t, "NoSuchUpload", s3ErrorOf(t, res).Code)
}

func TestS3MultipartChecksums(t *testing.T) {
	srv := newS3Server(t)
	id := createUpload(t, srv, "k", map[string]string{"X-Amz-Checksum-Algorithm": "CRC32"})
	first, last := bytes.Repeat([]byte{2}, 5<<20), []byte("end")

	res := uploadPart(t, srv, "k", id, 1, first, nil)
	assert.Equal(t, "InvalidRequest", s3ErrorOf(t, res).Code, "a part without the upload's checksum")
	assert.Contains(t, s3ErrorOf(t, res).Message, "expected checksum Type: crc32")

	r1 := uploadPart(t, srv, "k", id, 1, first, map[string]string{"X-Amz-Checksum-Crc32": crc32Of(first)})
	require.Equal(t, http.StatusOK, r1.status, "%s", r1.body)
	r2 := uploadPart(t, srv, "k", id, 2, last, map[string]string{"X-Amz-Checksum-Crc32": crc32Of(last)})
	require.Equal(t, http.StatusOK, r2.status, "%s", r2.body)

	res = completeUpload(t, srv, "k", id, part{1, r1.header.Get("ETag"), "<ChecksumCRC32>AAAAAA==</ChecksumCRC32>"},
		part{2, r2.header.Get("ETag"), "<ChecksumCRC32>" + crc32Of(last) + "</ChecksumCRC32>"})
	assert.Equal(t, "InvalidPart", s3ErrorOf(t, res).Code, "a part's checksum must be the one uploaded")

	res = completeUpload(t, srv, "k", id, part{1, r1.header.Get("ETag"), "<ChecksumCRC32>" + crc32Of(first) + "</ChecksumCRC32>"},
		part{2, r2.header.Get("ETag"), "<ChecksumCRC32>" + crc32Of(last) + "</ChecksumCRC32>"})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	var out struct{ ChecksumCRC32, ChecksumType string }
	require.NoError(t, xml.Unmarshal(res.body, &out))
	assert.True(t, strings.HasSuffix(out.ChecksumCRC32, "-2"), out.ChecksumCRC32)
	assert.Equal(t, "COMPOSITE", out.ChecksumType)
	got := s3Get(t, srv, "/bucket/k", map[string]string{"X-Amz-Checksum-Mode": "ENABLED"})
	assert.Equal(t, out.ChecksumCRC32, got.header.Get("X-Amz-Checksum-Crc32"))
	assert.Equal(t, strconv.Itoa(5<<20+3), got.header.Get("Content-Length"))
}
