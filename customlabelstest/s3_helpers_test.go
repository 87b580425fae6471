package customlabelstest_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// s3Req is an S3 request signed by hand with aws-sdk-go-v2's signer, as an
// S3 client signs it: service s3, the path not escaped twice, and the
// payload hash in X-Amz-Content-Sha256.
type s3Req struct {
	method string
	// target is the path as sent (escaped) and query, e.g.
	// "/bucket/a%20b.jpg?versionId=v1".
	target string
	body   []byte
	header map[string]string
	// payloadHash is what is signed and sent as X-Amz-Content-Sha256;
	// "" for the SHA-256 of body.
	payloadHash string
	sign        signParams
	// edit changes the request after signing.
	edit func(*http.Request)
	// client sends the request instead of the server's own.
	client *http.Client
}

type s3Result struct {
	status int
	header http.Header
	body   []byte
}

// s3Error is an S3 error document.
type s3Error struct {
	Code, Message, RequestId string
	Key, BucketName, Region  string
	StringToSign             string
	CanonicalRequest         string
	AWSAccessKeyId           string
	Condition                string
	ArgumentName             string
}

func s3Do(t *testing.T, srv *customlabelstest.Server, r s3Req) s3Result {
	t.Helper()
	req, err := http.NewRequest(r.method, srv.URL+r.target, bytes.NewReader(r.body))
	require.NoError(t, err)
	if r.body == nil {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	hash := r.payloadHash
	if hash == "" {
		sum := sha256.Sum256(r.body)
		hash = hex.EncodeToString(sum[:])
	}
	req.Header.Set("X-Amz-Content-Sha256", hash)
	p := r.sign
	if !p.unsigned {
		if p.keyID == "" {
			p.keyID, p.secret = customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey
		}
		if p.region == "" {
			p.region = srv.Region()
		}
		if p.service == "" {
			p.service = "s3"
		}
		if p.at.IsZero() {
			p.at = time.Now()
		}
		creds := aws.Credentials{AccessKeyID: p.keyID, SecretAccessKey: p.secret, SessionToken: p.token}
		signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
		require.NoError(t, signer.SignHTTP(context.Background(), creds, req, hash, p.service, p.region, p.at))
	}
	if r.edit != nil {
		r.edit(req)
	}
	client := r.client
	if client == nil {
		client = srv.HTTPClient()
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return s3Result{resp.StatusCode, resp.Header, b}
}

// s3ErrorOf decodes the error document of res, checking it is one.
func s3ErrorOf(t *testing.T, res s3Result) s3Error {
	t.Helper()
	require.Equal(t, "application/xml", res.header.Get("Content-Type"), "an S3 error is XML: %s", res.body)
	var e s3Error
	require.NoError(t, xml.Unmarshal(res.body, &e), "%s", res.body)
	require.Equal(t, res.header.Get("X-Amz-Request-Id"), e.RequestId)
	return e
}

// s3Put puts data under target with a signed SHA-256 payload.
func s3Put(t *testing.T, srv *customlabelstest.Server, target string, data []byte, header map[string]string) s3Result {
	t.Helper()
	return s3Do(t, srv, s3Req{method: http.MethodPut, target: target, body: data, header: header})
}

func s3Get(t *testing.T, srv *customlabelstest.Server, target string, header map[string]string) s3Result {
	t.Helper()
	return s3Do(t, srv, s3Req{method: http.MethodGet, target: target, header: header})
}

// newS3Server starts a server with an empty bucket "bucket".
func newS3Server(t *testing.T, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	srv := newServer(t, opts...)
	res := s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket"})
	require.Equal(t, http.StatusOK, res.status, "CreateBucket: %s", res.body)
	return srv
}
