package sdkv2_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	rktypes "github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// s3Client is the official S3 client for srv as a user configures it:
// config.LoadDefaultConfig (so with its default request checksums, CRC32,
// and response checksum validation), the server's endpoint, credentials
// and region, and path-style addressing. The environment is isolated from
// the machine's AWS setup.
func s3Client(t *testing.T, srv *customlabelstest.Server, optFns ...func(*s3.Options)) *s3.Client {
	t.Helper()
	isolateAWSEnvironment(t)
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion(srv.Region()),
		config.WithCredentialsProvider(srv.Credentials()),
		config.WithBaseEndpoint(srv.URL),
		config.WithHTTPClient(srv.HTTPClient()),
		config.WithLogger(logging.Nop{}), // not the checksum validation notes
	)
	require.NoError(t, err)
	require.Equal(t, aws.RequestChecksumCalculationWhenSupported, cfg.RequestChecksumCalculation, "the SDK's default")
	return s3.NewFromConfig(cfg, append([]func(*s3.Options){func(o *s3.Options) { o.UsePathStyle = true }}, optFns...)...)
}

// isolateAWSEnvironment keeps the machine's AWS files and variables out of
// a test.
func isolateAWSEnvironment(t *testing.T) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_CONFIG_FILE":                  filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE":      filepath.Join(dir, "credentials"),
		"AWS_PROFILE":                      "",
		"AWS_REQUEST_CHECKSUM_CALCULATION": "",
		"AWS_RESPONSE_CHECKSUM_VALIDATION": "",
		"AWS_ENDPOINT_URL":                 "",
		"AWS_ENDPOINT_URL_S3":              "",
		"AWS_EC2_METADATA_DISABLED":        "true",
		"AWS_CA_BUNDLE":                    "",
	} {
		t.Setenv(k, v)
	}
}

func md5ETag(b []byte) string {
	sum := md5.Sum(b)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

// s3Requests returns the recorded requests of an S3 operation.
func s3Requests(srv *customlabelstest.Server, op string) []customlabelstest.Request {
	var out []customlabelstest.Request
	for _, r := range srv.Requests() {
		if r.S3Operation == op {
			out = append(out, r)
		}
	}
	return out
}

func TestS3ObjectLifecycle(t *testing.T) {
	srv := newServer(t)
	c := s3Client(t, srv)
	ctx := context.Background()
	data := []byte(`{"source-ref":"s3://bucket/images/a.jpg","label":1}` + "\n")

	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bucket")})
	require.NoError(t, err, "CreateBucket")
	put, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest"),
		Body: bytes.NewReader(data), ContentType: aws.String("application/x-ndjson"),
		Metadata: map[string]string{"stage": "train"}})
	require.NoError(t, err, "PutObject")
	assert.Equal(t, md5ETag(data), aws.ToString(put.ETag))
	assert.NotEmpty(t, aws.ToString(put.ChecksumCRC32), "the fake echoes the SDK's default CRC32")
	reqs := s3Requests(srv, "PutObject")
	require.Len(t, reqs, 1)
	assert.NotEmpty(t, reqs[0].Header.Get("X-Amz-Checksum-Crc32"), "the SDK sent its default checksum")

	got, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest")})
	require.NoError(t, err, "GetObject")
	body, err := io.ReadAll(got.Body)
	require.NoError(t, err, "reading GetObject's body, which the SDK checks against its CRC32")
	got.Body.Close()
	assert.Equal(t, data, body)
	assert.Equal(t, "application/x-ndjson", aws.ToString(got.ContentType))
	assert.Equal(t, map[string]string{"stage": "train"}, got.Metadata)
	assert.Equal(t, md5ETag(data), aws.ToString(got.ETag))
	assert.Equal(t, int64(len(data)), aws.ToInt64(got.ContentLength))
	assert.WithinDuration(t, time.Now(), aws.ToTime(got.LastModified), time.Minute)
	assert.Equal(t, aws.ToString(put.ChecksumCRC32), aws.ToString(got.ChecksumCRC32))

	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest")})
	require.NoError(t, err, "HeadObject")
	assert.Equal(t, int64(len(data)), aws.ToInt64(head.ContentLength))
	assert.Equal(t, md5ETag(data), aws.ToString(head.ETag))

	ranged, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest"),
		Range: aws.String("bytes=2-11")})
	require.NoError(t, err, "GetObject with a Range")
	part, _ := io.ReadAll(ranged.Body)
	ranged.Body.Close()
	assert.Equal(t, data[2:12], part)
	assert.Equal(t, fmt.Sprintf("bytes 2-11/%d", len(data)), aws.ToString(ranged.ContentRange))

	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest")})
	require.NoError(t, err, "DeleteObject")
	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest")})
	var noKey *types.NoSuchKey
	require.ErrorAs(t, err, &noKey, "GetObject of a deleted key")
	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bucket"), Key: aws.String("manifests/train one.manifest")})
	var notFound *types.NotFound
	require.ErrorAs(t, err, &notFound, "HeadObject of a deleted key: 404 without a body")

	_, err = c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bucket")})
	require.NoError(t, err, "DeleteBucket of the emptied bucket")
	_, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bucket")})
	var noBucket *types.NoSuchBucket
	require.ErrorAs(t, err, &noBucket, "ListObjectsV2 of a deleted bucket")
}

func TestS3ListObjectsV2Paginator(t *testing.T) {
	srv := newServer(t)
	var want []string
	for i := range 23 {
		key := fmt.Sprintf("images/%02d.jpg", i)
		srv.PutS3Object("bucket", key, "", sdkJPEG)
		want = append(want, key)
	}
	srv.PutS3Object("bucket", "manifests/train.manifest", "", []byte("{}"))
	srv.PutS3Object("bucket", "manifests/test.manifest", "", []byte("{}"))
	c := s3Client(t, srv)

	list := func(in *s3.ListObjectsV2Input) (keys, prefixes []string, pages int) {
		t.Helper()
		p := s3.NewListObjectsV2Paginator(c, in)
		for p.HasMorePages() {
			require.Less(t, pages, 100, "the paginator must end")
			out, err := p.NextPage(context.Background())
			require.NoError(t, err, "NextPage after %d pages", pages)
			pages++
			assert.LessOrEqual(t, len(out.Contents)+len(out.CommonPrefixes), int(aws.ToInt32(in.MaxKeys)))
			assert.Equal(t, int32(len(out.Contents)+len(out.CommonPrefixes)), aws.ToInt32(out.KeyCount))
			for _, o := range out.Contents {
				keys = append(keys, aws.ToString(o.Key))
				if strings.HasPrefix(aws.ToString(o.Key), "images/") {
					assert.Equal(t, int64(len(sdkJPEG)), aws.ToInt64(o.Size), aws.ToString(o.Key))
				}
			}
			for _, cp := range out.CommonPrefixes {
				prefixes = append(prefixes, aws.ToString(cp.Prefix))
			}
		}
		return keys, prefixes, pages
	}

	keys, _, pages := list(&s3.ListObjectsV2Input{Bucket: aws.String("bucket"), Prefix: aws.String("images/"), MaxKeys: aws.Int32(4)})
	assert.Equal(t, want, keys, "every image once, in order")
	assert.Equal(t, 6, pages)

	keys, prefixes, pages := list(&s3.ListObjectsV2Input{Bucket: aws.String("bucket"), Delimiter: aws.String("/"), MaxKeys: aws.Int32(1)})
	assert.Empty(t, keys)
	assert.Equal(t, []string{"images/", "manifests/"}, prefixes, "each common prefix once, across pages")
	assert.Equal(t, 2, pages)

	keys, _, _ = list(&s3.ListObjectsV2Input{Bucket: aws.String("bucket"), StartAfter: aws.String("images/20.jpg"), MaxKeys: aws.Int32(2)})
	assert.Equal(t, []string{"images/21.jpg", "images/22.jpg", "manifests/test.manifest", "manifests/train.manifest"}, keys)
}

func TestS3Errors(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	c := s3Client(t, srv)
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bucket")})
	require.NoError(t, err)
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bucket")})
	assert.NoError(t, err, "in us-east-1 S3 answers 200 to creating a bucket one owns")

	var apiErr smithy.APIError
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("missing"), Key: aws.String("k"), Body: strings.NewReader("x")})
	require.ErrorAs(t, err, &apiErr, "PutObject into a missing bucket")
	assert.Equal(t, "NoSuchBucket", apiErr.ErrorCode(), "PutObject models no error: the SDK gives the code")
	_, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("missing")})
	var noBucket *types.NoSuchBucket
	assert.ErrorAs(t, err, &noBucket, "ListObjectsV2 of a missing bucket")
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("Not_Valid")})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidBucketName", apiErr.ErrorCode())

	other := newServer(t, customlabelstest.WithRegion("eu-west-1"))
	oc := s3Client(t, other)
	_, err = oc.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bucket")})
	require.ErrorAs(t, err, &apiErr, "eu-west-1 needs a LocationConstraint")
	assert.Equal(t, "IllegalLocationConstraintException", apiErr.ErrorCode())
	in := &s3.CreateBucketInput{Bucket: aws.String("bucket"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraintEuWest1}}
	_, err = oc.CreateBucket(ctx, in)
	require.NoError(t, err)
	_, err = oc.CreateBucket(ctx, in)
	var owned *types.BucketAlreadyOwnedByYou
	assert.ErrorAs(t, err, &owned, "outside us-east-1 a second CreateBucket is BucketAlreadyOwnedByYou")
}

func TestS3SignatureFailure(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	srv.PutS3Object("bucket", "k", "", []byte("x"))
	for _, tc := range []struct {
		name, akid, secret, code string
		status                   int
	}{
		{"wrong secret", customlabelstest.DefaultAccessKeyID, "wrong-secret", "SignatureDoesNotMatch", http.StatusForbidden},
		{"unknown key", "AKIDUNKNOWN", customlabelstest.DefaultSecretAccessKey, "InvalidAccessKeyId", http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := s3Client(t, srv, func(o *s3.Options) {
				o.Credentials = credentials.NewStaticCredentialsProvider(tc.akid, tc.secret, "")
			})
			_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bucket"), Key: aws.String("k")})
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.code, apiErr.ErrorCode())
			var re interface{ HTTPStatusCode() int }
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.status, re.HTTPStatusCode())
			assert.NotContains(t, err.Error(), tc.secret)
		})
	}
}

func TestS3MultipartUpload(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	srv.PutS3Object("bucket", "placeholder", "", nil)
	c := s3Client(t, srv)
	parts := [][]byte{bytes.Repeat([]byte("a"), 5<<20), []byte("the last part may be small")}

	create, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bucket"), Key: aws.String("big.bin"),
		ChecksumAlgorithm: types.ChecksumAlgorithmCrc32})
	require.NoError(t, err, "CreateMultipartUpload")
	var done []types.CompletedPart
	for i, p := range parts {
		out, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bucket"), Key: aws.String("big.bin"),
			UploadId: create.UploadId, PartNumber: aws.Int32(int32(i + 1)), Body: bytes.NewReader(p),
			ChecksumAlgorithm: types.ChecksumAlgorithmCrc32})
		require.NoError(t, err, "UploadPart %d", i+1)
		assert.Equal(t, md5ETag(p), aws.ToString(out.ETag))
		done = append(done, types.CompletedPart{PartNumber: aws.Int32(int32(i + 1)), ETag: out.ETag, ChecksumCRC32: out.ChecksumCRC32})
	}
	complete, err := c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bucket"), Key: aws.String("big.bin"),
		UploadId: create.UploadId, MultipartUpload: &types.CompletedMultipartUpload{Parts: done}})
	require.NoError(t, err, "CompleteMultipartUpload")
	assert.True(t, strings.HasSuffix(aws.ToString(complete.ETag), `-2"`), "a multipart ETag: %s", aws.ToString(complete.ETag))
	assert.True(t, strings.HasSuffix(aws.ToString(complete.ChecksumCRC32), "-2"), "a composite checksum: %s", aws.ToString(complete.ChecksumCRC32))

	got, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bucket"), Key: aws.String("big.bin")})
	require.NoError(t, err)
	body, err := io.ReadAll(got.Body)
	got.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, bytes.Join(parts, nil), body)
	data, err := srv.S3Object("bucket", "big.bin")
	require.NoError(t, err)
	assert.Equal(t, bytes.Join(parts, nil), data)

	_, err = c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bucket"), Key: aws.String("big.bin"),
		UploadId: create.UploadId, PartNumber: aws.Int32(3), Body: strings.NewReader("late")})
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr, "UploadPart to a completed upload")
	assert.Equal(t, "NoSuchUpload", apiErr.ErrorCode())
	_, err = c.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{Bucket: aws.String("bucket"), Key: aws.String("big.bin"), UploadId: create.UploadId})
	var noUpload *types.NoSuchUpload
	assert.ErrorAs(t, err, &noUpload, "AbortMultipartUpload of a completed upload")
}

func TestS3DeleteObjectsAndCopy(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	srv.PutS3Object("bucket", "a", "", []byte("one"))
	srv.PutS3Object("bucket", "b", "", []byte("two"))
	c := s3Client(t, srv)

	_, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bucket"), Key: aws.String("copies/a"),
		CopySource: aws.String("bucket/a")})
	require.NoError(t, err, "CopyObject")
	data, err := srv.S3Object("bucket", "copies/a")
	require.NoError(t, err)
	assert.Equal(t, []byte("one"), data)

	out, err := c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("bucket"), Delete: &types.Delete{
		Objects: []types.ObjectIdentifier{{Key: aws.String("a")}, {Key: aws.String("b")}, {Key: aws.String("never")}}}})
	require.NoError(t, err, "DeleteObjects")
	var deleted []string
	for _, d := range out.Deleted {
		deleted = append(deleted, aws.ToString(d.Key))
	}
	assert.Equal(t, []string{"a", "b", "never"}, deleted)
	var left []string
	for _, o := range srv.ListS3Objects("bucket", "") {
		left = append(left, o.Key)
	}
	assert.Equal(t, []string{"copies/a"}, left)
}

// What the SDK's S3 client puts is what the SDK's Rekognition client has
// DetectCustomLabels read from Image.S3Object.
func TestS3ObjectReadByDetectCustomLabels(t *testing.T) {
	srv, running, _ := detectServer(t, customlabelstest.Model{Detect: customlabelstest.HashLabels("cat")})
	ctx := context.Background()
	c := s3Client(t, srv)
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("images")})
	require.NoError(t, err)
	img := append(slices.Clone(sdkJPEG), []byte("uploaded with the S3 client")...)
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("images"), Key: aws.String("a.jpg"), Body: bytes.NewReader(img)})
	require.NoError(t, err)

	out, err := sdkClient(srv).DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running),
		Image:         &rktypes.Image{S3Object: &rktypes.S3Object{Bucket: aws.String("images"), Name: aws.String("a.jpg")}},
		MinConfidence: aws.Float32(0)})
	require.NoError(t, err)
	want := customlabelstest.HashLabels("cat")(img)
	require.Len(t, out.CustomLabels, 1)
	assert.Equal(t, want[0].Confidence, aws.ToFloat32(out.CustomLabels[0].Confidence), "labels of the uploaded bytes")
}

// Over TLS the SDK sends payloads aws-chunked with a trailing checksum
// (STREAMING-UNSIGNED-PAYLOAD-TRAILER), and can then send a body it cannot
// seek. The fake serves plain HTTP, so a TLS proxy stands in front of it,
// forwarding the Host the request was signed for.
func TestS3TrailingChecksumOverTLS(t *testing.T) {
	srv := newServer(t)
	srv.PutS3Object("bucket", "placeholder", "", nil)
	target, err := url.Parse(srv.URL)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.Transport = srv.HTTPClient().Transport
	tlsServer := httptest.NewTLSServer(proxy)
	t.Cleanup(tlsServer.Close)

	isolateAWSEnvironment(t)
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(srv.Region()),
		config.WithCredentialsProvider(srv.Credentials()), config.WithBaseEndpoint(tlsServer.URL),
		config.WithHTTPClient(tlsServer.Client()), config.WithLogger(logging.Nop{}))
	require.NoError(t, err)
	c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })

	data := bytes.Repeat([]byte("chunk "), 20000)
	_, err = c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String("bucket"), Key: aws.String("streamed"),
		Body: io.NopCloser(bytes.NewReader(data))}) // not seekable
	require.NoError(t, err, "PutObject with a trailing checksum")
	got, err := srv.S3Object("bucket", "streamed")
	require.NoError(t, err)
	assert.Equal(t, data, got)

	// A seekable body is sent with its length.
	_, err = c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String("bucket"), Key: aws.String("measured"),
		Body: bytes.NewReader(data[:70000])})
	require.NoError(t, err, "PutObject of a seekable body")
	got, err = srv.S3Object("bucket", "measured")
	require.NoError(t, err)
	assert.Equal(t, data[:70000], got)

	reqs := s3Requests(srv, "PutObject")
	require.Len(t, reqs, 2)
	for _, r := range reqs {
		assert.Equal(t, "STREAMING-UNSIGNED-PAYLOAD-TRAILER", r.Header.Get("X-Amz-Content-Sha256"))
		assert.Contains(t, r.Header.Get("Content-Encoding"), "aws-chunked")
		assert.Equal(t, "x-amz-checksum-crc32", strings.ToLower(r.Header.Get("X-Amz-Trailer")))
	}
	assert.Empty(t, reqs[0].Header.Get("X-Amz-Decoded-Content-Length"), "an unseekable body's length is unknown")
	assert.Equal(t, "70000", reqs[1].Header.Get("X-Amz-Decoded-Content-Length"))

	head, err := c.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("bucket"), Key: aws.String("streamed"),
		ChecksumMode: types.ChecksumModeEnabled})
	require.NoError(t, err)
	assert.NotEmpty(t, aws.ToString(head.ChecksumCRC32), "the trailer's checksum is kept")
	assert.Empty(t, head.ContentEncoding, "aws-chunked is not stored as the object's encoding")
}
