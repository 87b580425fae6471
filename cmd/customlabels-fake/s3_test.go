package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// s3Call sends one S3 request to url signed with the fake's default
// credentials, as an S3 client signs it.
func s3Call(t *testing.T, url, method, path string, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url+path, nil)
	require.NoError(t, err)
	if body != nil {
		req, err = http.NewRequest(method, url+path, bytes.NewReader(body))
		require.NoError(t, err)
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	req.Header.Set("X-Amz-Content-Sha256", hash)
	creds := aws.Credentials{AccessKeyID: customlabelstest.DefaultAccessKeyID, SecretAccessKey: customlabelstest.DefaultSecretAccessKey}
	require.NoError(t, v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }).
		SignHTTP(context.Background(), creds, req, hash, "s3", "us-east-1", time.Now()))
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// An image uploaded to the process's S3 is read by its DetectCustomLabels;
// the log names the S3 operations.
func TestCommandServesS3(t *testing.T) {
	p := start(t, "--projects", "10", "--labels", "cat")
	_, model := demoModel(t, customlabelstest.DemoData("us-east-1", 10, 1), customlabels.ProjectVersionStatusRunning)
	img := []byte{0xff, 0xd8, 0xff, 0xe0, 'u', 'p'}

	status, body := s3Call(t, p.url, http.MethodPut, "/datasets", nil)
	require.Equal(t, http.StatusOK, status, body)
	status, body = s3Call(t, p.url, http.MethodPut, "/datasets/images/a%20b.jpg", img)
	require.Equal(t, http.StatusOK, status, body)

	c := client(p.url, customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
	every := float32(0)
	out, err := c.DetectCustomLabels(context.Background(), &customlabels.DetectCustomLabelsInput{ProjectVersionArn: model.ProjectVersionArn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "datasets", Name: "images/a b.jpg"}}, MinConfidence: &every})
	require.NoError(t, err)
	assert.Equal(t, customlabelstest.HashLabels("cat")(img), out.CustomLabels)

	status, body = s3Call(t, p.url, http.MethodGet, "/datasets/missing", nil)
	assert.Equal(t, http.StatusNotFound, status)
	assert.Contains(t, body, "<Code>NoSuchKey</Code>")

	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	stderr := p.stderr.String()
	assert.Contains(t, stderr, "customlabels-fake: S3 at "+p.url+"/BUCKET/KEY (path-style, in memory)")
	assert.Contains(t, stderr, "PUT /datasets s3:CreateBucket status=200 key=AKIDFAKECUSTOMLABELS request-id=")
	assert.Contains(t, stderr, "PUT /datasets/images/a%20b.jpg s3:PutObject status=200")
	assert.Contains(t, stderr, "GET /datasets/missing s3:GetObject status=404 error=NoSuchKey")
}

// With --s3-endpoint the process sends S3 clients to that server.
func TestCommandS3Endpoint(t *testing.T) {
	remote := customlabelstest.NewServer()
	defer remote.Close()
	p := start(t, "--s3-endpoint", remote.URL, "--quiet")
	status, body := s3Call(t, p.url, http.MethodGet, "/datasets/k", nil)
	assert.Equal(t, http.StatusNotImplemented, status)
	assert.Contains(t, body, remote.URL)
	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	assert.Contains(t, p.stderr.String(), "customlabels-fake: S3 objects in "+remote.URL+" (--s3-endpoint)")
}
