package customlabelstest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// WithS3Endpoint makes the server read and write the objects of the
// Custom Labels workflow (Server.S3Object; what training reads and
// writes) in the S3-compatible server at endpoint, such as moto
// ("python3 -m moto.server") or MinIO, instead of its own S3. It sends
// path-style GetObject, HeadObject and PutObject requests there, signed
// for service s3 in the server's region with the server's credentials
// (WithCredentials). The server then answers S3 requests made to it with
// NotImplemented, naming endpoint; PutS3Object, ListS3Objects, the
// s3objects control resource and DetectCustomLabels' Image.S3Object still
// use its own S3. NewServer panics when endpoint is not an http or https
// URL with a host and no query.
func WithS3Endpoint(endpoint string) Option {
	return func(c *config) { c.s3Endpoint = endpoint }
}

// ParseS3Endpoint checks an S3 endpoint as WithS3Endpoint requires it,
// for commands that take one from their user.
func ParseS3Endpoint(endpoint string) (*url.URL, error) {
	lower := strings.ToLower(endpoint)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return nil, fmt.Errorf("S3 endpoint %q: the scheme must be http or https", endpoint)
	}
	u, err := url.Parse(endpoint)
	switch {
	case err != nil:
		return nil, fmt.Errorf("S3 endpoint %q: %v", endpoint, err)
	case u.Host == "":
		return nil, fmt.Errorf("S3 endpoint %q: no host", endpoint)
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return nil, fmt.Errorf("S3 endpoint %q: no query, fragment or user info allowed", endpoint)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// Limits of the remote client.
const (
	// remoteS3Timeout bounds one request to the remote S3.
	remoteS3Timeout = time.Minute
	// maxRemoteErrorBody caps what is read of an error answer.
	maxRemoteErrorBody = 64 << 10
)

// remoteObjects is an S3-compatible server as an objectStore: a small
// path-style S3 client on net/http and aws-sdk-go-v2's SigV4 signer.
type remoteObjects struct {
	endpoint *url.URL
	region   string
	creds    aws.Credentials
	client   *http.Client
	signer   *v4.Signer
}

var _ objectStore = (*remoteObjects)(nil)

// newRemoteObjects returns the remote store at endpoint, signing with the
// server's credentials and region. Its connections are not kept alive, so
// that a closed server leaves none behind.
func newRemoteObjects(endpoint string, s *Server) *remoteObjects {
	u, err := ParseS3Endpoint(endpoint)
	if err != nil {
		panic("customlabelstest: WithS3Endpoint: " + err.Error())
	}
	return &remoteObjects{
		endpoint: u,
		region:   s.region,
		creds:    aws.Credentials{AccessKeyID: s.keyID, SecretAccessKey: s.secret, SessionToken: s.token},
		client: &http.Client{
			Timeout:   remoteS3Timeout,
			Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil},
			// S3 answers in place; a redirect would send the signed
			// request elsewhere.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		signer: v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }),
	}
}

// do sends one signed request for bucket and key and returns the
// response, whose body the caller closes.
func (m *remoteObjects) do(ctx context.Context, method, bucket, key string, body []byte, header http.Header) (*http.Response, error) {
	if bucket == "" || key == "" {
		return nil, fmt.Errorf("s3://%s/%s: bucket and key must not be empty", bucket, key)
	}
	u := *m.endpoint
	u.Path = m.endpoint.Path + "/" + bucket + "/" + key
	u.RawPath = m.endpoint.EscapedPath() + "/" + s3URLEncode(bucket) + "/" + s3URLEncode(key)
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("s3://%s/%s: %v", bucket, key, err)
	}
	if body == nil {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	for k, v := range header {
		req.Header[k] = v
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	req.Header.Set("X-Amz-Content-Sha256", hash)
	if err := m.signer.SignHTTP(ctx, m.creds, req, hash, s3SigningService, m.region, time.Now()); err != nil {
		return nil, fmt.Errorf("s3://%s/%s: signing: %v", bucket, key, err)
	}
	resp, err := m.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("s3://%s/%s: %s %s: %w", bucket, key, method, m.endpoint.Redacted(), err)
	}
	return resp, nil
}

func (m *remoteObjects) getObject(ctx context.Context, bucket, key string) ([]byte, objectInfo, error) {
	resp, err := m.do(ctx, http.MethodGet, bucket, key, nil, nil)
	if err != nil {
		return nil, objectInfo{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, objectInfo{}, m.responseError(resp, http.MethodGet, bucket, key)
	}
	info, err := remoteInfo(resp, bucket, key)
	if err != nil {
		return nil, objectInfo{}, err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxS3ObjectBytes+1))
	switch {
	case err != nil:
		return nil, objectInfo{}, fmt.Errorf("s3://%s/%s: reading the object from %s: %w", bucket, key, m.endpoint.Redacted(), err)
	case len(data) > MaxS3ObjectBytes:
		return nil, objectInfo{}, fmt.Errorf("s3://%s/%s: the object is larger than %d bytes (MaxS3ObjectBytes)", bucket, key, MaxS3ObjectBytes)
	case int64(len(data)) != info.size:
		return nil, objectInfo{}, fmt.Errorf("s3://%s/%s: got %d bytes of an object of %d (Content-Length)", bucket, key, len(data), info.size)
	}
	return data, info, nil
}

func (m *remoteObjects) headObject(ctx context.Context, bucket, key string) (objectInfo, error) {
	resp, err := m.do(ctx, http.MethodHead, bucket, key, nil, nil)
	if err != nil {
		return objectInfo{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return objectInfo{}, m.responseError(resp, http.MethodHead, bucket, key)
	}
	return remoteInfo(resp, bucket, key)
}

func (m *remoteObjects) putObject(ctx context.Context, bucket, key string, data []byte, contentType string) error {
	if len(data) > MaxS3ObjectBytes {
		return fmt.Errorf("s3://%s/%s: %d bytes is over MaxS3ObjectBytes (%d)", bucket, key, len(data), MaxS3ObjectBytes)
	}
	if contentType == "" {
		contentType = "binary/octet-stream"
	}
	if data == nil {
		data = []byte{}
	}
	resp, err := m.do(ctx, http.MethodPut, bucket, key, data, http.Header{"Content-Type": {contentType}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return m.responseError(resp, http.MethodPut, bucket, key)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxRemoteErrorBody))
	return nil
}

// remoteInfo reads an object's headers.
func remoteInfo(resp *http.Response, bucket, key string) (objectInfo, error) {
	size, err := strconv.ParseInt(resp.Header.Get("Content-Length"), 10, 64)
	if err != nil || size < 0 {
		return objectInfo{}, fmt.Errorf("s3://%s/%s: the answer has no valid Content-Length (%q)", bucket, key, truncate(resp.Header.Get("Content-Length"), 32))
	}
	info := objectInfo{size: size, etag: resp.Header.Get("ETag"), contentType: resp.Header.Get("Content-Type")}
	info.lastModified, _ = http.ParseTime(resp.Header.Get("Last-Modified"))
	return info, nil
}

// responseError is the error of an answer other than 200: one matching
// ErrNoSuchS3Object for NoSuchKey, NoSuchBucket and a 404 to HEAD (which
// has no body to tell which); else the status, code and message.
func (m *remoteObjects) responseError(resp *http.Response, method, bucket, key string) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxRemoteErrorBody))
	var e struct {
		Code    string
		Message string
	}
	_ = xml.Unmarshal(body, &e)
	switch {
	case e.Code == "NoSuchBucket":
		return fmt.Errorf("s3://%s/%s: %w", bucket, key, errNoSuchS3Bucket)
	case e.Code == "NoSuchKey", resp.StatusCode == http.StatusNotFound && method == http.MethodHead:
		return fmt.Errorf("s3://%s/%s: %w", bucket, key, ErrNoSuchS3Object)
	case e.Code != "":
		return fmt.Errorf("s3://%s/%s: %s %s answered %d %s: %s", bucket, key, method, m.endpoint.Redacted(),
			resp.StatusCode, truncate(e.Code, 64), truncate(e.Message, 256))
	}
	return fmt.Errorf("s3://%s/%s: %s %s answered %s (not an S3 error document: %q)", bucket, key, method, m.endpoint.Redacted(),
		resp.Status, truncate(string(body), 128))
}
