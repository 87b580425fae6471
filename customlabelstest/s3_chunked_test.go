package customlabelstest_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// unsignedChunked is an aws-chunked body of chunks with the trailer
// lines, as the SDKs send STREAMING-UNSIGNED-PAYLOAD-TRAILER.
func unsignedChunked(chunks []string, trailer string) []byte {
	var b strings.Builder
	for _, c := range chunks {
		fmt.Fprintf(&b, "%x\r\n%s\r\n", len(c), c)
	}
	b.WriteString("0\r\n" + trailer + "\r\n")
	return []byte(b.String())
}

func chunkedPut(t *testing.T, srv *customlabelstest.Server, body []byte, decoded int, trailer string) s3Result {
	t.Helper()
	h := map[string]string{"Content-Encoding": "aws-chunked", "X-Amz-Trailer": trailer}
	if decoded >= 0 {
		h["X-Amz-Decoded-Content-Length"] = strconv.Itoa(decoded)
	}
	return s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/chunked", body: body,
		payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER", header: h})
}

func TestS3UnsignedChunkedTrailer(t *testing.T) {
	srv := newS3Server(t)
	chunks := []string{strings.Repeat("x", 8192), "tail"}
	data := []byte(strings.Join(chunks, ""))
	good := "x-amz-checksum-crc32:" + crc32Of(data) + "\r\n"

	res := chunkedPut(t, srv, unsignedChunked(chunks, good), len(data), "x-amz-checksum-crc32")
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	got, err := srv.S3Object("bucket", "chunked")
	require.NoError(t, err)
	assert.Equal(t, data, got)
	res = s3Get(t, srv, "/bucket/chunked", map[string]string{"X-Amz-Checksum-Mode": "ENABLED"})
	assert.Equal(t, crc32Of(data), res.header.Get("X-Amz-Checksum-Crc32"), "the trailer's checksum is kept")
	assert.Empty(t, res.header.Get("Content-Encoding"), "aws-chunked is not the object's encoding")

	res = chunkedPut(t, srv, unsignedChunked(chunks, good), -1, "x-amz-checksum-crc32")
	assert.Equal(t, http.StatusOK, res.status, "without x-amz-decoded-content-length, as the SDKs send a stream: %s", res.body)

	cases := []struct {
		name    string
		body    []byte
		decoded int
		trailer string
		code    string
	}{
		{"wrong checksum", unsignedChunked(chunks, "x-amz-checksum-crc32:AAAAAA==\r\n"), len(data), "x-amz-checksum-crc32", "BadDigest"},
		{"no trailer", unsignedChunked(chunks, ""), len(data), "x-amz-checksum-crc32", "InvalidRequest"},
		{"other trailer", unsignedChunked(chunks, "x-amz-checksum-sha1:AAAA\r\n"), len(data), "x-amz-checksum-crc32", "InvalidRequest"},
		{"unknown trailer", unsignedChunked(chunks, good), len(data), "x-amz-meta-a", "InvalidRequest"},
		{"shorter than declared", unsignedChunked(chunks, good), len(data) + 1, "x-amz-checksum-crc32", "IncompleteBody"},
		{"over the limit", unsignedChunked(chunks, good), customlabelstest.MaxS3ObjectBytes + 1, "x-amz-checksum-crc32", "EntityTooLarge"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := chunkedPut(t, srv, tc.body, tc.decoded, tc.trailer)
			assert.Equal(t, http.StatusBadRequest, res.status, "%s", res.body)
			assert.Equal(t, tc.code, s3ErrorOf(t, res).Code)
		})
	}
	got, _ = srv.S3Object("bucket", "chunked")
	assert.Equal(t, data, got, "refused uploads change nothing")
}

// testChunkSigner signs chunks as S3 documents it: each chunk's string to
// sign holds the previous signature, the hash of nothing and the
// chunk's hash; the trailer's, the previous signature and the hash of
// its lines.
type testChunkSigner struct {
	key            []byte
	amzDate, scope string
	prev           string
}

func newTestChunkSigner(t *testing.T, req *http.Request, secret string) *testChunkSigner {
	auth := req.Header.Get("Authorization")
	_, sig, ok := strings.Cut(auth, "Signature=")
	require.True(t, ok)
	amzDate := req.Header.Get("X-Amz-Date")
	key := []byte("AWS4" + secret)
	for _, p := range []string{amzDate[:8], customlabelstest.DefaultRegion, "s3", "aws4_request"} {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(p))
		key = m.Sum(nil)
	}
	return &testChunkSigner{key: key, amzDate: amzDate, scope: amzDate[:8] + "/" + customlabelstest.DefaultRegion + "/s3/aws4_request", prev: sig}
}

func (c *testChunkSigner) sign(stringToSign string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(stringToSign))
	c.prev = hex.EncodeToString(m.Sum(nil))
	return c.prev
}

func hexSHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (c *testChunkSigner) chunk(data string) string {
	sig := c.sign("AWS4-HMAC-SHA256-PAYLOAD\n" + c.amzDate + "\n" + c.scope + "\n" + c.prev + "\n" + hexSHA256("") + "\n" + hexSHA256(data))
	return fmt.Sprintf("%x;chunk-signature=%s\r\n%s\r\n", len(data), sig, data)
}

func (c *testChunkSigner) trailer(lines string) string {
	return c.sign("AWS4-HMAC-SHA256-TRAILER\n" + c.amzDate + "\n" + c.scope + "\n" + c.prev + "\n" + hexSHA256(lines))
}

func TestS3SignedChunks(t *testing.T) {
	srv := newS3Server(t)
	chunks := []string{strings.Repeat("s", 8192), "end"}
	data := strings.Join(chunks, "")
	put := func(hash string, body func(c *testChunkSigner) string, header map[string]string) s3Result {
		h := map[string]string{"Content-Encoding": "aws-chunked", "X-Amz-Decoded-Content-Length": strconv.Itoa(len(data))}
		for k, v := range header {
			h[k] = v
		}
		return s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/signed", payloadHash: hash, header: h,
			sign: signParams{at: time.Now()},
			edit: func(r *http.Request) {
				b := body(newTestChunkSigner(t, r, customlabelstest.DefaultSecretAccessKey))
				r.Body = nopCloser{strings.NewReader(b)}
				r.ContentLength = int64(len(b))
			}})
	}
	whole := func(c *testChunkSigner) string { return c.chunk(chunks[0]) + c.chunk(chunks[1]) + c.chunk("") + "\r\n" }
	res := put("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", whole, nil)
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	got, err := srv.S3Object("bucket", "signed")
	require.NoError(t, err)
	assert.Equal(t, data, string(got))

	swapped := func(c *testChunkSigner) string {
		first, second := c.chunk(chunks[0]), c.chunk(chunks[1])
		_, sig, _ := strings.Cut(first, "chunk-signature=")
		sig, _, _ = strings.Cut(sig, "\r\n")
		return strings.Replace(first, sig, strings.Repeat("0", 64), 1) + second + c.chunk("") + "\r\n"
	}
	res = put("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", swapped, nil)
	assert.Equal(t, http.StatusForbidden, res.status)
	assert.Equal(t, "SignatureDoesNotMatch", s3ErrorOf(t, res).Code)

	line := "x-amz-checksum-crc32:" + crc32Of([]byte(data))
	withTrailer := func(c *testChunkSigner) string {
		b := c.chunk(chunks[0]) + c.chunk(chunks[1]) + c.chunk("")
		b = strings.TrimSuffix(b, "\r\n") // the final chunk's empty data
		return b + line + "\r\n" + "x-amz-trailer-signature:" + c.trailer(line+"\n") + "\r\n\r\n"
	}
	res = put("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", withTrailer, map[string]string{"X-Amz-Trailer": "x-amz-checksum-crc32"})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	badTrailer := func(c *testChunkSigner) string {
		return strings.Replace(withTrailer(c), "x-amz-trailer-signature:", "x-amz-trailer-signature:0", 1)
	}
	res = put("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", badTrailer, map[string]string{"X-Amz-Trailer": "x-amz-checksum-crc32"})
	assert.Equal(t, "SignatureDoesNotMatch", s3ErrorOf(t, res).Code)
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }
