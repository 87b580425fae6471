package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// customlabelstest does not serve DetectCustomLabels yet; until it does,
// these tests run the command against detectServer, a DetectCustomLabels
// endpoint on httptest that answers as the API reference documents.

const detectModel = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/shelf.2024-01-02T10.11.12/1704190272000"

var (
	jpegImage = []byte("\xff\xd8\xff\xe0 a small jpeg")
	pngImage  = []byte("\x89PNG\r\n\x1a\n a small png")
)

// detectRequest is what detectServer received.
type detectRequest struct {
	Target string
	Body   struct {
		ProjectVersionArn string
		Image             struct {
			Bytes    []byte // base64 on the wire, as encoding/json reads it
			S3Object *struct{ Bucket, Name string }
		}
		MaxResults    *int
		MinConfidence *float64
	}
}

// detectServer answers DetectCustomLabels: labels with boxes for a JPEG,
// an image-level label for a PNG or an S3 object, and the documented
// exceptions for anything else.
type detectServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []detectRequest
	delay    time.Duration
}

func newDetectServer(t *testing.T) *detectServer {
	ds := &detectServer{}
	ds.Server = httptest.NewServer(http.HandlerFunc(ds.serve))
	t.Cleanup(ds.Close)
	return ds
}

func (ds *detectServer) serve(w http.ResponseWriter, r *http.Request) {
	var req detectRequest
	req.Target = r.Header.Get("X-Amz-Target")
	body, _ := io.ReadAll(r.Body)
	_ = json.Unmarshal(body, &req.Body)
	ds.mu.Lock()
	ds.requests = append(ds.requests, req)
	delay := ds.delay
	ds.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-Requestid", "req-"+strings.Repeat("0", 8))
	fail := func(code, msg string) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, `{"__type":"`+code+`","Message":"`+msg+`"}`)
	}
	img := req.Body.Image
	switch {
	case req.Target != "RekognitionService.DetectCustomLabels":
		fail("UnknownOperationException", "only DetectCustomLabels")
	case img.S3Object != nil && img.S3Object.Bucket == "missing":
		fail("InvalidS3ObjectException", "Unable to get object metadata from S3. Check object key, region and/or access permissions.")
	case img.S3Object != nil:
		_, _ = io.WriteString(w, `{"CustomLabels":[{"Name":"shelf-full","Confidence":91.25}]}`)
	case bytes.HasPrefix(img.Bytes, jpegImage[:3]):
		_, _ = io.WriteString(w, `{"CustomLabels":[`+
			`{"Name":"can","Confidence":98.5,"Geometry":{"BoundingBox":{"Width":0.25,"Height":0.4,"Left":0.125,"Top":0.3}}},`+
			`{"Name":"bottle","Confidence":61.0,"Geometry":{"BoundingBox":{"Width":0.1,"Height":0.5,"Left":0.6,"Top":0.2}}}]}`)
	case bytes.HasPrefix(img.Bytes, pngImage[:4]):
		_, _ = io.WriteString(w, `{"CustomLabels":[]}`)
	default:
		fail("InvalidImageFormatException", "Request has invalid image format")
	}
}

func (ds *detectServer) received() []detectRequest {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return append([]detectRequest(nil), ds.requests...)
}

// imageFiles writes the test images into a directory and returns it.
func imageFiles(t *testing.T) string {
	dir := t.TempDir()
	for name, b := range map[string][]byte{"cans.jpg": jpegImage, "empty-shelf.png": pngImage, "notes.txt": []byte("not an image")} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o600))
	}
	return dir
}

func TestDetect(t *testing.T) {
	awsEnv(t)
	ds := newDetectServer(t)
	dir := imageFiles(t)
	r := runArgs(t, "detect", "--model", detectModel, "--endpoint-url", ds.URL, "--output", "json",
		filepath.Join(dir, "cans.jpg"), filepath.Join(dir, "empty-shelf.png"), "s3://shelf-photos/2024/aisle 3.jpg")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "detect.json.golden", strings.ReplaceAll(r.stdout, dir, "DIR"))

	reqs := ds.received()
	require.Len(t, reqs, 3)
	assert.Equal(t, detectModel, reqs[0].Body.ProjectVersionArn)
	assert.Equal(t, jpegImage, reqs[0].Body.Image.Bytes, "the file's bytes, base64-encoded")
	assert.Nil(t, reqs[0].Body.MinConfidence, "no --min-confidence: each label's own threshold")
	assert.Nil(t, reqs[0].Body.MaxResults)
	require.NotNil(t, reqs[2].Body.Image.S3Object)
	assert.Equal(t, "shelf-photos", reqs[2].Body.Image.S3Object.Bucket)
	assert.Equal(t, "2024/aisle 3.jpg", reqs[2].Body.Image.S3Object.Name)

	t.Run("table", func(t *testing.T) {
		t.Chdir(dir) // relative names, so that the golden file holds no temporary directory
		r := runArgs(t, "detect", "--model", detectModel, "--endpoint-url", ds.URL, "cans.jpg", "empty-shelf.png", "notes.txt")
		require.Equal(t, exitError, r.code, "stderr: %s", r.stderr)
		golden(t, "detect.table.golden", r.stdout)
	})

	t.Run("min confidence, max results and stdin", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: bytes.NewReader(jpegImage), stdout: &stdout, stderr: &stderr, clientOptions: nil}
		code := runEnv(t.Context(), e, []string{"detect", "-", "--model", detectModel, "--endpoint-url", ds.URL, "--min-confidence", "0", "--max-results", "5"})
		require.Equal(t, exitOK, code, "stderr: %s", stderr.String())
		last := ds.received()[len(ds.received())-1]
		assert.Equal(t, jpegImage, last.Body.Image.Bytes)
		require.NotNil(t, last.Body.MinConfidence, "--min-confidence 0 is sent: every label")
		assert.Equal(t, 0.0, *last.Body.MinConfidence)
		require.NotNil(t, last.Body.MaxResults)
		assert.Equal(t, 5, *last.Body.MaxResults)
		assert.Contains(t, stdout.String(), "-      can")
	})

	t.Run("an image that fails is reported, the others analysed", func(t *testing.T) {
		r := runArgs(t, "detect", "--model", detectModel, "--endpoint-url", ds.URL, "--output", "json",
			filepath.Join(dir, "notes.txt"), filepath.Join(dir, "cans.jpg"), "s3://missing/x.jpg", filepath.Join(dir, "absent.jpg"))
		assert.Equal(t, exitError, r.code)
		assert.Equal(t, "error: 3 of 4 images could not be analysed\n", r.stderr)
		var got detectJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		require.Len(t, got.Images, 4)
		require.NotNil(t, got.Images[0].Error)
		assert.Equal(t, "InvalidImageFormatException", got.Images[0].Error.Code)
		assert.Equal(t, "req-00000000", got.Images[0].Error.RequestID)
		assert.Nil(t, got.Images[1].Error)
		assert.Len(t, got.Images[1].CustomLabels, 2)
		assert.Equal(t, "InvalidS3ObjectException", got.Images[2].Error.Code)
		assert.Empty(t, got.Images[3].Error.Code, "a file that cannot be read is not the service's error")
		assert.Contains(t, got.Images[3].Error.Message, "absent.jpg")
	})
}

func TestDetectUsageErrors(t *testing.T) {
	dir := imageFiles(t)
	img := filepath.Join(dir, "cans.jpg")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no model", []string{img}, "missing --model"},
		{"not a model ARN", []string{"--model", "shelf", img}, `invalid --model "shelf"`},
		{"no image", []string{"--model", detectModel}, "missing IMAGE"},
		{"stdin twice", []string{"--model", detectModel, "-", "-"}, "- (standard input) can be given once"},
		{"bad s3", []string{"--model", detectModel, "s3://bucket-only"}, `invalid IMAGE "s3://bucket-only": must be s3://BUCKET/KEY`},
		{"confidence above 100", []string{"--model", detectModel, "--min-confidence", "101", img}, "invalid --min-confidence 101"},
		{"zero results", []string{"--model", detectModel, "--max-results", "0", img}, "invalid --max-results 0"},
		{"region mismatch", []string{"--model", detectModel, "--region", "eu-west-1", img}, "--region eu-west-1, but the model is in us-east-1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"detect", "--demo"}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}

func TestProcessDetectStdinAndInterrupt(t *testing.T) {
	ds := newDetectServer(t)
	cmd := command(t, "detect", "--model", detectModel, "--endpoint-url", ds.URL, "-")
	cmd.Stdin = bytes.NewReader(jpegImage)
	r := runCommand(t, cmd)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	_, rows := tableRows(t, r.stdout)
	assert.Equal(t, [][]string{{"-", "can", "98.5", "0.125,0.300,0.250,0.400"}, {"-", "bottle", "61.0", "0.600,0.200,0.100,0.500"}}, rows)

	ds.mu.Lock()
	ds.delay = time.Minute
	ds.mu.Unlock()
	cmd = command(t, "detect", "--model", detectModel, "--endpoint-url", ds.URL, "-")
	cmd.Stdin = bytes.NewReader(jpegImage)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	require.Eventually(t, func() bool { return len(ds.received()) == 2 }, 20*time.Second, 5*time.Millisecond)
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("detect did not end within 10s of SIGINT")
	}
	assert.Equal(t, exitInterrupted, cmd.ProcessState.ExitCode())
	assert.Equal(t, "interrupted\n", stderr.String())
}
