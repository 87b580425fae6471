package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var (
	jpegImage = []byte("\xff\xd8\xff\xe0 a small jpeg")
	pngImage  = []byte("\x89PNG\r\n\x1a\n a small png")
)

// shelfModel is how the running model of detectFake answers: two labels
// with boxes, one below the assumed threshold of 50.
var shelfModel = customlabelstest.Model{Labels: []customlabels.CustomLabel{
	{Name: "can", Confidence: 98.5, Geometry: customlabels.Geometry{BoundingBox: customlabels.BoundingBox{Width: 0.25, Height: 0.4, Left: 0.125, Top: 0.3}}},
	{Name: "bottle", Confidence: 61, Geometry: customlabels.Geometry{BoundingBox: customlabels.BoundingBox{Width: 0.1, Height: 0.5, Left: 0.6, Top: 0.2}}},
	{Name: "label-torn", Confidence: 12.5},
}}

// detectFake is an in-process fake of us-east-1 with the demo data, its
// first running Custom Labels model answering as shelfModel, and an S3
// image. It returns the fake and the model's ARN.
func detectFake(t *testing.T) (*customlabelstest.Server, string) {
	t.Helper()
	model := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	srv := newFake(t, "us-east-1", customlabelstest.WithModel(model, shelfModel),
		customlabelstest.WithS3Object("shelf-photos", "2024/aisle 3.jpg", "", jpegImage))
	return srv, model
}

// regexpRequestID matches a request ID in an error, which differs on
// every run.
var regexpRequestID = regexp.MustCompile(`request ID [0-9a-f-]{36}`)

// detectInput is the body of a DetectCustomLabels request.
type detectInput struct {
	ProjectVersionArn string
	Image             struct {
		Bytes    []byte // base64 on the wire, as encoding/json reads it
		S3Object *struct{ Bucket, Name string }
	}
	MaxResults    *int
	MinConfidence *float64
}

// detectInputs returns the DetectCustomLabels requests srv received.
func detectInputs(t *testing.T, srv *customlabelstest.Server) []detectInput {
	t.Helper()
	var out []detectInput
	for _, r := range srv.Requests() {
		if r.Target == "RekognitionService.DetectCustomLabels" {
			var in detectInput
			require.NoError(t, json.Unmarshal(r.Body, &in))
			out = append(out, in)
		}
	}
	return out
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
	srv, model := detectFake(t)
	dir := imageFiles(t)
	t.Chdir(dir) // relative names, so that golden files hold no temporary directory
	r := runArgs(t, "detect", "--model", model, "--endpoint-url", srv.URL, "--output", "json",
		"cans.jpg", "empty-shelf.png", "s3://shelf-photos/2024/aisle 3.jpg")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "detect.json.golden", r.stdout)

	ins := detectInputs(t, srv)
	require.Len(t, ins, 3)
	assert.Equal(t, model, ins[0].ProjectVersionArn)
	assert.Equal(t, jpegImage, ins[0].Image.Bytes, "the file's bytes, base64-encoded")
	assert.Nil(t, ins[0].MinConfidence, "no --min-confidence: each label's own threshold")
	assert.Nil(t, ins[0].MaxResults)
	require.NotNil(t, ins[2].Image.S3Object)
	assert.Equal(t, "shelf-photos", ins[2].Image.S3Object.Bucket)
	assert.Equal(t, "2024/aisle 3.jpg", ins[2].Image.S3Object.Name)

	t.Run("table", func(t *testing.T) {
		r := runArgs(t, "detect", "--model", model, "--endpoint-url", srv.URL, "cans.jpg", "empty-shelf.png", "notes.txt")
		assert.Equal(t, exitError, r.code)
		assert.Equal(t, "error: 1 of 3 images could not be analysed\n", r.stderr)
		golden(t, "detect.table.golden", regexpRequestID.ReplaceAllString(r.stdout, "request ID REQUEST-ID"))
	})

	t.Run("no label above --min-confidence", func(t *testing.T) {
		r := runArgs(t, "detect", "--model", model, "--endpoint-url", srv.URL, "--min-confidence", "99", "cans.jpg")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		assert.Equal(t, [][]string{{"cans.jpg", "(none)", "-", "-"}}, rows)
	})

	t.Run("min confidence, max results and stdin", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: bytes.NewReader(jpegImage), stdout: &stdout, stderr: &stderr}
		code := runEnv(t.Context(), e, []string{"detect", "-", "--model", model, "--endpoint-url", srv.URL, "--min-confidence", "0", "--max-results", "2"})
		require.Equal(t, exitOK, code, "stderr: %s", stderr.String())
		ins := detectInputs(t, srv)
		last := ins[len(ins)-1]
		assert.Equal(t, jpegImage, last.Image.Bytes)
		require.NotNil(t, last.MinConfidence, "--min-confidence 0 is sent: every label")
		assert.Equal(t, 0.0, *last.MinConfidence)
		require.NotNil(t, last.MaxResults)
		assert.Equal(t, 2, *last.MaxResults)
		_, rows := tableRows(t, stdout.String())
		assert.Equal(t, [][]string{{"-", "can", "98.5", "0.125,0.300,0.250,0.400"}, {"-", "bottle", "61.0", "0.600,0.200,0.100,0.500"}}, rows)
	})

	t.Run("an image that fails is reported, the others analysed", func(t *testing.T) {
		require.NoError(t, os.Mkdir("photos", 0o700))
		sent := len(detectInputs(t, srv))
		r := runArgs(t, "detect", "--model", model, "--endpoint-url", srv.URL, "--output", "json",
			"notes.txt", "cans.jpg", "s3://missing/x.jpg", "absent.jpg", "s3://bucket-only", "photos", "empty-shelf.png")
		assert.Equal(t, exitError, r.code)
		assert.Equal(t, "error: 5 of 7 images could not be analysed\n", r.stderr)
		var got detectJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		require.Len(t, got.Images, 7)
		for i, want := range []*jsonError{
			{Message: `notes.txt is not a JPEG or PNG image, the formats DetectCustomLabels takes: it starts with "not an i"`},
			nil,
			{Code: "InvalidS3ObjectException", Attempts: 1},
			{Message: "open absent.jpg: no such file or directory"},
			{Message: `invalid IMAGE "s3://bucket-only": must be s3://BUCKET/KEY`},
			{Message: "photos is a directory, not a JPEG or PNG file"},
			nil,
		} {
			got := got.Images[i]
			if want == nil {
				assert.Nil(t, got.Error, "image %d", i)
				assert.Len(t, got.CustomLabels, 2, "image %d", i)
				continue
			}
			require.NotNil(t, got.Error, "image %d", i)
			if want.Code != "" {
				assert.Equal(t, want.Code, got.Error.Code, "image %d", i)
				assert.NotEmpty(t, got.Error.RequestID, "image %d", i)
				continue
			}
			assert.Equal(t, *want, *got.Error, "image %d: an error of ours, not the service's", i)
		}
		assert.Len(t, detectInputs(t, srv), sent+3, "only cans.jpg, empty-shelf.png and s3://missing/x.jpg are sent")
	})

	t.Run("an image the service refuses", func(t *testing.T) {
		srv.PutS3Object("shelf-photos", "notes.txt", "", []byte("not an image"))
		r := runArgs(t, "detect", "--model", model, "--endpoint-url", srv.URL, "--output", "json", "s3://shelf-photos/notes.txt")
		assert.Equal(t, exitError, r.code)
		var got detectJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		require.Len(t, got.Images, 1)
		require.NotNil(t, got.Images[0].Error)
		assert.Equal(t, "InvalidImageFormatException", got.Images[0].Error.Code)
	})

	t.Run("a model that is not running", func(t *testing.T) {
		stopped := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusStopped)
		r := runArgs(t, "detect", "--model", stopped, "--endpoint-url", srv.URL, "cans.jpg")
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stdout, "error: ResourceNotReadyException (request ID ")
	})
}

func TestDetectDemo(t *testing.T) {
	model := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	var stdout, stderr bytes.Buffer
	e := &env{stdin: bytes.NewReader(jpegImage), stdout: &stdout, stderr: &stderr}
	code := runEnv(t.Context(), e, []string{"detect", "--demo", "--model", model, "--min-confidence", "0", "--output", "json", "-"})
	require.Equal(t, exitOK, code, "stderr: %s", stderr.String())
	golden(t, "detect-demo.json.golden", stdout.String())
}

func TestDetectUsageErrors(t *testing.T) {
	img := filepath.Join(imageFiles(t), "cans.jpg")
	model := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no model", []string{img}, "missing --model"},
		{"not a model ARN", []string{"--model", "shelf", img}, `invalid --model "shelf"`},
		{"no image", []string{"--model", model}, "missing IMAGE"},
		{"stdin twice", []string{"--model", model, "-", "-"}, "- (standard input) can be given once"},
		{"confidence above 100", []string{"--model", model, "--min-confidence", "101", img}, "invalid --min-confidence 101"},
		{"zero results", []string{"--model", model, "--max-results", "0", img}, "invalid --max-results 0"},
		{"results beyond 32 bits", []string{"--model", model, "--max-results", "4294967297", img}, "invalid --max-results 4294967297: must be 1 to 2147483647"},
		{"region mismatch", []string{"--model", model, "--region", "eu-west-1", img}, "--region eu-west-1, but the model is in us-east-1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"detect", "--demo"}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}

func TestProcessDetectAgainstFakeProcess(t *testing.T) {
	url, _ := startFake(t, "--quiet", "--projects", "10")
	r := runCommand(t, command(t, "models", "--endpoint-url", url, "--region", "us-east-1", "--status", "RUNNING", "--output", "json"))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	models := decodeModels(t, r.stdout).Models
	require.NotEmpty(t, models)
	model := models[0].ProjectVersionArn

	// The fake's control API gives the model its labels.
	body := `{"ProjectVersionArn":"` + model + `","Labels":[{"Name":"can","Confidence":98.5,"Geometry":{"BoundingBox":{"Width":0.25,"Height":0.4,"Left":0.125,"Top":0.3}}}]}`
	req, err := http.NewRequest(http.MethodPut, url+"/_customlabels/models", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	cmd := command(t, "detect", "--model", model, "--endpoint-url", url, "-")
	cmd.Stdin = bytes.NewReader(jpegImage)
	r = runCommand(t, cmd)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	_, rows := tableRows(t, r.stdout)
	assert.Equal(t, [][]string{{"-", "can", "98.5", "0.125,0.300,0.250,0.400"}}, rows)
}

func TestProcessDetectInterrupted(t *testing.T) {
	model := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	entered := make(chan struct{}, 1)
	release := make(chan struct{})
	defer close(release)
	srv := newFake(t, "us-east-1", customlabelstest.WithModel(model, customlabelstest.Model{
		Detect: func([]byte) []customlabels.CustomLabel {
			entered <- struct{}{}
			<-release // held in flight until the test ends
			return nil
		},
	}))
	cmd := command(t, "detect", "--model", model, "--endpoint-url", srv.URL, "-")
	cmd.Stdin = bytes.NewReader(jpegImage)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	select {
	case <-entered:
	case <-time.After(20 * time.Second):
		t.Fatal("the request did not reach the model")
	}
	interruptCommand(t, cmd, &stdout, &stderr)
}
