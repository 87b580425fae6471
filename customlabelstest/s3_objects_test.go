package customlabelstest_test

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

func crc32Of(b []byte) string {
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc32.ChecksumIEEE(b))
	return base64.StdEncoding.EncodeToString(sum[:])
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func quotedMD5(b []byte) string {
	sum := md5.Sum(b)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

func TestS3PutGetHeadDelete(t *testing.T) {
	at := time.Now().UTC().Truncate(time.Second)
	srv := newS3Server(t, customlabelstest.WithClock(func() time.Time { return at }))
	data := []byte("a manifest line\n")

	res := s3Put(t, srv, "/bucket/dir/a%20b+c.manifest", data, map[string]string{
		"Content-Type": "application/x-ndjson", "X-Amz-Meta-Stage": "train", "Cache-Control": "no-cache"})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	assert.Equal(t, quotedMD5(data), res.header.Get("ETag"))
	assert.Regexp(t, `^[0-9A-F]{16}$`, res.header.Get("X-Amz-Request-Id"))
	assert.Equal(t, "AmazonS3", res.header.Get("Server"))

	res = s3Get(t, srv, "/bucket/dir/a%20b+c.manifest", nil)
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	assert.Equal(t, data, res.body)
	assert.Equal(t, "application/x-ndjson", res.header.Get("Content-Type"))
	assert.Equal(t, strconv.Itoa(len(data)), res.header.Get("Content-Length"))
	assert.Equal(t, quotedMD5(data), res.header.Get("ETag"))
	assert.Equal(t, at.Format(http.TimeFormat), res.header.Get("Last-Modified"))
	assert.Equal(t, "train", res.header.Get("X-Amz-Meta-Stage"))
	assert.Equal(t, "no-cache", res.header.Get("Cache-Control"))
	assert.Empty(t, res.header.Get("X-Amz-Version-Id"), "an unversioned object")

	res = s3Do(t, srv, s3Req{method: http.MethodHead, target: "/bucket/dir/a%20b+c.manifest"})
	require.Equal(t, http.StatusOK, res.status)
	assert.Empty(t, res.body)
	assert.Equal(t, strconv.Itoa(len(data)), res.header.Get("Content-Length"))

	got, err := srv.S3Object("bucket", "dir/a b+c.manifest")
	require.NoError(t, err, "S3Object sees the object S3 PutObject stored")
	assert.Equal(t, data, got)

	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket/dir/a%20b+c.manifest"})
	assert.Equal(t, http.StatusNoContent, res.status)
	res = s3Get(t, srv, "/bucket/dir/a%20b+c.manifest", nil)
	assert.Equal(t, http.StatusNotFound, res.status)
	e := s3ErrorOf(t, res)
	assert.Equal(t, "NoSuchKey", e.Code)
	assert.Equal(t, "The specified key does not exist.", e.Message)
	assert.Equal(t, "dir/a b+c.manifest", e.Key)
	res = s3Do(t, srv, s3Req{method: http.MethodHead, target: "/bucket/dir/a%20b+c.manifest"})
	assert.Equal(t, http.StatusNotFound, res.status)
	assert.Empty(t, res.body, "HEAD errors have no body")
	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket/dir/a%20b+c.manifest"})
	assert.Equal(t, http.StatusNoContent, res.status, "deleting a missing key is no error")

	_, err = srv.S3Object("bucket", "dir/a b+c.manifest")
	assert.ErrorIs(t, err, customlabelstest.ErrNoSuchS3Object)
}

func TestS3MissingBucket(t *testing.T) {
	srv := newServer(t)
	for _, r := range []s3Req{
		{method: http.MethodPut, target: "/nobucket/k", body: []byte("x")},
		{method: http.MethodGet, target: "/nobucket/k"},
		{method: http.MethodGet, target: "/nobucket?list-type=2"},
		{method: http.MethodDelete, target: "/nobucket"},
		{method: http.MethodPost, target: "/nobucket/k?uploads"},
	} {
		t.Run(r.method+" "+r.target, func(t *testing.T) {
			res := s3Do(t, srv, r)
			assert.Equal(t, http.StatusNotFound, res.status)
			e := s3ErrorOf(t, res)
			assert.Equal(t, "NoSuchBucket", e.Code)
			assert.Equal(t, "nobucket", e.BucketName)
		})
	}
}

func TestS3Oversized(t *testing.T) {
	srv := newS3Server(t)
	// The Content-Length is refused before the body is read: the client
	// sends the headers, waits for 100 Continue, and gets the error
	// without sending the body.
	transport := srv.HTTPClient().Transport.(*http.Transport).Clone()
	transport.ExpectContinueTimeout = time.Minute
	t.Cleanup(transport.CloseIdleConnections)
	body := &countingReader{r: io.LimitReader(zeros{}, customlabelstest.MaxS3ObjectBytes+1)}
	res := s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/big", payloadHash: "UNSIGNED-PAYLOAD",
		header: map[string]string{"Expect": "100-continue"}, client: &http.Client{Transport: transport},
		edit: func(r *http.Request) {
			r.ContentLength = customlabelstest.MaxS3ObjectBytes + 1
			r.Body = io.NopCloser(body)
			r.GetBody = nil
		}})
	assert.Equal(t, http.StatusBadRequest, res.status)
	assert.Zero(t, body.n.Load(), "the body was not sent")
	e := s3ErrorOf(t, res)
	assert.Equal(t, "EntityTooLarge", e.Code)
	assert.Contains(t, string(res.body), "<MaxSizeAllowed>"+strconv.Itoa(customlabelstest.MaxS3ObjectBytes)+"</MaxSizeAllowed>")
	assert.Empty(t, srv.ListS3Objects("bucket", ""))

	// The largest object is kept.
	data := make([]byte, customlabelstest.MaxS3ObjectBytes)
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/largest", body: data, payloadHash: "UNSIGNED-PAYLOAD"})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
}

func TestS3PayloadChecks(t *testing.T) {
	srv := newS3Server(t)
	data := []byte("payload")
	md5sum := md5.Sum(data)
	cases := []struct {
		name   string
		req    s3Req
		status int
		code   string
	}{
		{"hash of another body", s3Req{body: data, payloadHash: strings.Repeat("ab", 32)}, 400, "XAmzContentSHA256Mismatch"},
		{"unsigned payload", s3Req{body: data, payloadHash: "UNSIGNED-PAYLOAD"}, 200, ""},
		{"not a hash", s3Req{body: data, payloadHash: "SHA256"}, 400, "InvalidArgument"},
		{"SigV4a", s3Req{body: data, payloadHash: "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD"}, 501, "NotImplemented"},
		{"Content-MD5", s3Req{body: data, header: map[string]string{"Content-MD5": base64.StdEncoding.EncodeToString(md5sum[:])}}, 200, ""},
		{"wrong Content-MD5", s3Req{body: data, header: map[string]string{"Content-MD5": base64.StdEncoding.EncodeToString(make([]byte, 16))}}, 400, "BadDigest"},
		{"invalid Content-MD5", s3Req{body: data, header: map[string]string{"Content-MD5": "nope"}}, 400, "InvalidDigest"},
		{"CRC32", s3Req{body: data, header: map[string]string{"X-Amz-Checksum-Crc32": crc32Of(data)}}, 200, ""},
		{"wrong CRC32", s3Req{body: data, header: map[string]string{"X-Amz-Checksum-Crc32": "AAAAAA=="}}, 400, "BadDigest"},
		{"CRC32 of the wrong size", s3Req{body: data, header: map[string]string{"X-Amz-Checksum-Crc32": "AAAA"}}, 400, "InvalidRequest"},
		{"two checksums", s3Req{body: data, header: map[string]string{"X-Amz-Checksum-Crc32": crc32Of(data),
			"X-Amz-Checksum-Sha1": base64.StdEncoding.EncodeToString(make([]byte, 20))}}, 400, "InvalidRequest"},
		{"unknown algorithm", s3Req{body: data, header: map[string]string{"X-Amz-Checksum-Md4": "AAAA"}}, 400, "InvalidRequest"},
		{"algorithm without checksum", s3Req{body: data, header: map[string]string{"X-Amz-Sdk-Checksum-Algorithm": "CRC32"}}, 400, "InvalidRequest"},
		{"tagging", s3Req{body: data, header: map[string]string{"X-Amz-Tagging": "a=b"}}, 501, "NotImplemented"},
		{"SSE-KMS", s3Req{body: data, header: map[string]string{"X-Amz-Server-Side-Encryption": "aws:kms"}}, 501, "NotImplemented"},
		{"SSE-S3", s3Req{body: data, header: map[string]string{"X-Amz-Server-Side-Encryption": "AES256"}}, 200, ""},
		{"metadata too large", s3Req{body: data, header: map[string]string{"X-Amz-Meta-Big": strings.Repeat("x", 2100)}}, 400, "MetadataTooLarge"},
		{"key too long", s3Req{body: data, target: "/bucket/" + strings.Repeat("k", 1025)}, 400, "KeyTooLongError"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.req
			r.method = http.MethodPut
			if r.target == "" {
				r.target = "/bucket/object"
			}
			res := s3Do(t, srv, r)
			require.Equal(t, tc.status, res.status, "%s", res.body)
			if tc.code != "" {
				assert.Equal(t, tc.code, s3ErrorOf(t, res).Code)
			}
		})
	}
	// The checksum sent is returned with the object when asked for.
	res := s3Put(t, srv, "/bucket/summed", data, map[string]string{"X-Amz-Checksum-Crc32": crc32Of(data)})
	require.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, crc32Of(data), res.header.Get("X-Amz-Checksum-Crc32"))
	res = s3Get(t, srv, "/bucket/summed", map[string]string{"X-Amz-Checksum-Mode": "ENABLED"})
	assert.Equal(t, crc32Of(data), res.header.Get("X-Amz-Checksum-Crc32"))
	assert.Equal(t, "FULL_OBJECT", res.header.Get("X-Amz-Checksum-Type"))
	res = s3Get(t, srv, "/bucket/summed", nil)
	assert.Empty(t, res.header.Get("X-Amz-Checksum-Crc32"), "only with x-amz-checksum-mode")
}

func TestS3DefaultChecksumIsCRC64NVME(t *testing.T) {
	srv := newS3Server(t)
	data := []byte("123456789")
	require.Equal(t, http.StatusOK, s3Put(t, srv, "/bucket/check", data, nil).status)
	res := s3Get(t, srv, "/bucket/check", map[string]string{"X-Amz-Checksum-Mode": "ENABLED"})
	// CRC-64/NVME's check value, the CRC of "123456789", is 0xae8b14860a799888.
	raw, _ := hex.DecodeString("ae8b14860a799888")
	assert.Equal(t, base64.StdEncoding.EncodeToString(raw), res.header.Get("X-Amz-Checksum-Crc64nvme"))
}

func TestS3RangeAndConditions(t *testing.T) {
	srv := newS3Server(t)
	data := []byte("0123456789")
	require.Equal(t, http.StatusOK, s3Put(t, srv, "/bucket/digits", data, nil).status)
	etag := quotedMD5(data)
	ranges := []struct {
		header string
		status int
		body   string
		rng    string
	}{
		{"bytes=2-4", 206, "234", "bytes 2-4/10"},
		{"bytes=7-", 206, "789", "bytes 7-9/10"},
		{"bytes=-3", 206, "789", "bytes 7-9/10"},
		{"bytes=5-100", 206, "56789", "bytes 5-9/10"},
		{"bytes=0-0,5-6", 200, "0123456789", ""},
		{"items=1-2", 200, "0123456789", ""},
		{"bytes=10-", 416, "", ""},
	}
	for _, tc := range ranges {
		res := s3Get(t, srv, "/bucket/digits", map[string]string{"Range": tc.header})
		require.Equal(t, tc.status, res.status, "Range %s: %s", tc.header, res.body)
		if tc.status == 416 {
			assert.Equal(t, "InvalidRange", s3ErrorOf(t, res).Code)
			continue
		}
		assert.Equal(t, tc.body, string(res.body), "Range %s", tc.header)
		assert.Equal(t, tc.rng, res.header.Get("Content-Range"), "Range %s", tc.header)
	}

	later := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	earlier := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	conds := []struct {
		header    map[string]string
		status    int
		condition string
	}{
		{map[string]string{"If-Match": etag}, 200, ""},
		{map[string]string{"If-Match": `"other"`}, 412, "If-Match"},
		{map[string]string{"If-None-Match": etag}, 304, ""},
		{map[string]string{"If-None-Match": `"other"`}, 200, ""},
		{map[string]string{"If-Modified-Since": later}, 304, ""},
		{map[string]string{"If-Modified-Since": earlier}, 200, ""},
		{map[string]string{"If-Unmodified-Since": earlier}, 412, "If-Unmodified-Since"},
		{map[string]string{"If-Match": etag, "If-Unmodified-Since": earlier}, 200, ""},
		{map[string]string{"If-None-Match": `"other"`, "If-Modified-Since": later}, 200, ""},
	}
	for _, tc := range conds {
		res := s3Get(t, srv, "/bucket/digits", tc.header)
		require.Equal(t, tc.status, res.status, "%v: %s", tc.header, res.body)
		if tc.status == 412 {
			assert.Equal(t, tc.condition, s3ErrorOf(t, res).Condition)
		}
		if tc.status == 304 {
			assert.Empty(t, res.body)
			assert.Equal(t, etag, res.header.Get("ETag"))
		}
	}

	// Conditional writes.
	res := s3Put(t, srv, "/bucket/digits", []byte("x"), map[string]string{"If-None-Match": "*"})
	assert.Equal(t, http.StatusPreconditionFailed, res.status, "If-None-Match: * over an object")
	res = s3Put(t, srv, "/bucket/digits", []byte("x"), map[string]string{"If-Match": `"other"`})
	assert.Equal(t, http.StatusPreconditionFailed, res.status)
	res = s3Put(t, srv, "/bucket/new", []byte("x"), map[string]string{"If-None-Match": "*"})
	assert.Equal(t, http.StatusOK, res.status, "If-None-Match: * on a new key")
	got, _ := srv.S3Object("bucket", "digits")
	assert.Equal(t, data, got, "refused writes change nothing")
}

// PutS3Object's versions and S3's unversioned objects share keys: a read
// without a version gets the unversioned object, else the version put
// last; versionId names one, "null" the unversioned one.
func TestS3VersionsOfPutS3Object(t *testing.T) {
	srv := newServer(t)
	srv.PutS3Object("bucket", "k.jpg", "v1", []byte("one"))
	srv.PutS3Object("bucket", "k.jpg", "v2", []byte("two"))

	res := s3Get(t, srv, "/bucket/k.jpg", nil)
	assert.Equal(t, "two", string(res.body))
	assert.Equal(t, "v2", res.header.Get("X-Amz-Version-Id"))
	res = s3Get(t, srv, "/bucket/k.jpg?versionId=v1", nil)
	assert.Equal(t, "one", string(res.body))
	res = s3Get(t, srv, "/bucket/k.jpg?versionId=v9", nil)
	assert.Equal(t, http.StatusNotFound, res.status)
	assert.Equal(t, "NoSuchVersion", s3ErrorOf(t, res).Code)

	require.Equal(t, http.StatusOK, s3Put(t, srv, "/bucket/k.jpg", []byte("plain"), nil).status)
	res = s3Get(t, srv, "/bucket/k.jpg", nil)
	assert.Equal(t, "plain", string(res.body), "the unversioned object comes first")
	assert.Empty(t, res.header.Get("X-Amz-Version-Id"))
	res = s3Get(t, srv, "/bucket/k.jpg?versionId=null", nil)
	assert.Equal(t, "plain", string(res.body))

	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket/k.jpg"})
	require.Equal(t, http.StatusNoContent, res.status)
	assert.Equal(t, "two", string(s3Get(t, srv, "/bucket/k.jpg", nil).body), "the versions stay")
	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket/k.jpg?versionId=v2"})
	require.Equal(t, http.StatusNoContent, res.status)
	assert.Equal(t, "v2", res.header.Get("X-Amz-Version-Id"))
	assert.False(t, srv.RemoveS3Object("bucket", "k.jpg", "v2"))
	assert.True(t, srv.RemoveS3Object("bucket", "k.jpg", "v1"))
}

func TestS3CopyObject(t *testing.T) {
	srv := newS3Server(t)
	require.Equal(t, http.StatusOK, s3Put(t, srv, "/bucket/src%20file", []byte("data"),
		map[string]string{"Content-Type": "text/plain", "X-Amz-Meta-A": "1"}).status)

	res := s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/copy",
		header: map[string]string{"X-Amz-Copy-Source": "/bucket/src%20file"}})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	var out struct{ ETag, LastModified string }
	require.NoError(t, xml.Unmarshal(res.body, &out))
	assert.Equal(t, quotedMD5([]byte("data")), out.ETag)
	got := s3Get(t, srv, "/bucket/copy", nil)
	assert.Equal(t, "data", string(got.body))
	assert.Equal(t, "text/plain", got.header.Get("Content-Type"), "COPY keeps the metadata")
	assert.Equal(t, "1", got.header.Get("X-Amz-Meta-A"))

	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/copy",
		header: map[string]string{"X-Amz-Copy-Source": "bucket/src%20file", "X-Amz-Metadata-Directive": "REPLACE", "Content-Type": "image/jpeg"}})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	got = s3Get(t, srv, "/bucket/copy", nil)
	assert.Equal(t, "image/jpeg", got.header.Get("Content-Type"))
	assert.Empty(t, got.header.Get("X-Amz-Meta-A"), "REPLACE takes the request's")

	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/copy",
		header: map[string]string{"X-Amz-Copy-Source": "bucket/copy"}})
	assert.Equal(t, "InvalidRequest", s3ErrorOf(t, res).Code, "a copy onto itself changing nothing")
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/copy",
		header: map[string]string{"X-Amz-Copy-Source": "bucket/missing"}})
	assert.Equal(t, "NoSuchKey", s3ErrorOf(t, res).Code)
}

func TestS3DeleteObjects(t *testing.T) {
	srv := newS3Server(t)
	for _, k := range []string{"a", "b", "c"} {
		srv.PutS3Object("bucket", k, "", []byte(k))
	}
	body := []byte(`<Delete><Object><Key>a</Key></Object><Object><Key>b</Key></Object><Object><Key>zz</Key></Object></Delete>`)
	sum := md5.Sum(body)
	res := s3Do(t, srv, s3Req{method: http.MethodPost, target: "/bucket?delete", body: body,
		header: map[string]string{"Content-MD5": base64.StdEncoding.EncodeToString(sum[:])}})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	var out struct {
		Deleted []struct{ Key string }
	}
	require.NoError(t, xml.Unmarshal(res.body, &out))
	assert.Len(t, out.Deleted, 3)
	left := srv.ListS3Objects("bucket", "")
	require.Len(t, left, 1)
	assert.Equal(t, "c", left[0].Key)

	res = s3Do(t, srv, s3Req{method: http.MethodPost, target: "/bucket?delete", body: body})
	assert.Equal(t, "InvalidRequest", s3ErrorOf(t, res).Code, "DeleteObjects needs Content-MD5 or a checksum")
	bad := []byte(`<Delete><Object>`)
	sum = md5.Sum(bad)
	res = s3Do(t, srv, s3Req{method: http.MethodPost, target: "/bucket?delete", body: bad,
		header: map[string]string{"Content-MD5": base64.StdEncoding.EncodeToString(sum[:])}})
	assert.Equal(t, "MalformedXML", s3ErrorOf(t, res).Code)
}

func TestS3BucketOperations(t *testing.T) {
	srv := newS3Server(t)
	res := s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket"})
	assert.Equal(t, http.StatusOK, res.status, "us-east-1 answers 200 to a bucket one owns")
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/Bad_Name"})
	assert.Equal(t, "InvalidBucketName", s3ErrorOf(t, res).Code)
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/other",
		body: []byte(`<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>`)})
	assert.Equal(t, "IllegalLocationConstraintException", s3ErrorOf(t, res).Code)
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/other", body: []byte(`<CreateBucketConfiguration>`)})
	assert.Equal(t, "MalformedXML", s3ErrorOf(t, res).Code)

	res = s3Do(t, srv, s3Req{method: http.MethodHead, target: "/bucket"})
	assert.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, "us-east-1", res.header.Get("X-Amz-Bucket-Region"))
	res = s3Do(t, srv, s3Req{method: http.MethodHead, target: "/missing"})
	assert.Equal(t, http.StatusNotFound, res.status)

	res = s3Get(t, srv, "/bucket?location", nil)
	require.Equal(t, http.StatusOK, res.status)
	assert.Contains(t, string(res.body), `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>`)

	srv.PutS3Object("second", "k", "", []byte("x"))
	res = s3Get(t, srv, "/", nil)
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	var list struct {
		Buckets []struct{ Name, CreationDate, BucketRegion string } `xml:"Buckets>Bucket"`
	}
	require.NoError(t, xml.Unmarshal(res.body, &list))
	require.Len(t, list.Buckets, 2)
	assert.Equal(t, "bucket", list.Buckets[0].Name)
	assert.Equal(t, "second", list.Buckets[1].Name, "PutS3Object made its bucket")

	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/second"})
	assert.Equal(t, http.StatusConflict, res.status)
	assert.Equal(t, "BucketNotEmpty", s3ErrorOf(t, res).Code)
	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket"})
	assert.Equal(t, http.StatusNoContent, res.status)
	res = s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/bucket"})
	assert.Equal(t, "NoSuchBucket", s3ErrorOf(t, res).Code)

	eu := newServer(t, customlabelstest.WithRegion("eu-west-1"))
	cfg := []byte(`<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>`)
	require.Equal(t, http.StatusOK, s3Do(t, eu, s3Req{method: http.MethodPut, target: "/eu-bucket", body: cfg}).status)
	res = s3Do(t, eu, s3Req{method: http.MethodPut, target: "/eu-bucket", body: cfg})
	assert.Equal(t, http.StatusConflict, res.status)
	assert.Equal(t, "BucketAlreadyOwnedByYou", s3ErrorOf(t, res).Code)
	res = s3Do(t, eu, s3Req{method: http.MethodPut, target: "/eu-other"})
	assert.Equal(t, "IllegalLocationConstraintException", s3ErrorOf(t, res).Code)
}

func TestS3Routing(t *testing.T) {
	srv := newS3Server(t)
	cases := []struct {
		method, target string
		status         int
		code           string
	}{
		{http.MethodGet, "/bucket?acl", 501, "NotImplemented"},
		{http.MethodPut, "/bucket/k?tagging", 501, "NotImplemented"},
		{http.MethodGet, "/bucket?uploads", 501, "NotImplemented"},
		{http.MethodPost, "/bucket", 405, "MethodNotAllowed"},
		{http.MethodPut, "/", 405, "MethodNotAllowed"},
		{http.MethodPatch, "/bucket/k", 405, "MethodNotAllowed"},
	}
	for _, tc := range cases {
		res := s3Do(t, srv, s3Req{method: tc.method, target: tc.target})
		assert.Equal(t, tc.status, res.status, "%s %s: %s", tc.method, tc.target, res.body)
		assert.Equal(t, tc.code, s3ErrorOf(t, res).Code, "%s %s", tc.method, tc.target)
	}
	// A Rekognition request is still Rekognition's.
	res := rawCall(t, srv, `{}`, nil)
	assert.Equal(t, http.StatusOK, res.status, res.body)
	// Every S3 request is recorded with its operation; none takes a fault.
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
	s3Get(t, srv, "/bucket?list-type=2", nil)
	reqs := srv.Requests()
	last := reqs[len(reqs)-1]
	assert.Equal(t, "ListObjectsV2", last.S3Operation)
	assert.Equal(t, http.StatusOK, last.Status)
	assert.Empty(t, last.Fault)
	assert.Equal(t, 1, srv.PendingFaults(), "the fault waits for a Rekognition request")
}
