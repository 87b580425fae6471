package main

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The running demo model answers DetectCustomLabels with the --labels
// names, the same confidences for the same image; over the control API a
// test gives it fixed labels and an S3 image.
func TestCommandDetectCustomLabels(t *testing.T) {
	p := start(t, "--projects", "10", "--labels", "cat, dog", "--quiet")
	d := customlabelstest.DemoData("us-east-1", 10, 1)
	_, model := demoModel(t, d, customlabels.ProjectVersionStatusRunning)
	c := client(p.url, customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
	ctx := context.Background()
	img := []byte{0xff, 0xd8, 0xff, 0xe0, 'x'}
	every := float32(0)
	in := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: model.ProjectVersionArn, Image: customlabels.Image{Bytes: img}, MinConfidence: &every}
	out, err := c.DetectCustomLabels(ctx, in)
	require.NoError(t, err)
	want := customlabelstest.HashLabels("cat", "dog")(img)
	got := map[string]float32{}
	for _, l := range out.CustomLabels {
		got[l.Name] = l.Confidence
	}
	assert.Equal(t, map[string]float32{want[0].Name: want[0].Confidence, want[1].Name: want[1].Confidence}, got)

	status, body := ctlCall(t, p.url, http.MethodPut, "models", `{"ProjectVersionArn":"`+model.ProjectVersionArn+`","Labels":[{"Name":"fixed","Confidence":88}]}`)
	require.Equal(t, http.StatusOK, status, body)
	status, body = ctlCall(t, p.url, http.MethodPost, "s3objects", `{"Bucket":"bkt","Name":"a.jpg","Bytes":"`+base64.StdEncoding.EncodeToString(img)+`"}`)
	require.Equal(t, http.StatusOK, status, body)
	out, err = c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: model.ProjectVersionArn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "bkt", Name: "a.jpg"}}})
	require.NoError(t, err)
	require.Len(t, out.CustomLabels, 1)
	assert.Equal(t, "fixed", out.CustomLabels[0].Name)
	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
}

// With --labels "" a running model finds nothing.
func TestCommandNoLabels(t *testing.T) {
	p := start(t, "--projects", "10", "--labels", "", "--quiet")
	_, model := demoModel(t, customlabelstest.DemoData("us-east-1", 10, 1), customlabels.ProjectVersionStatusRunning)
	c := client(p.url, customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, "", "us-east-1")
	every := float32(0)
	out, err := c.DetectCustomLabels(context.Background(), &customlabels.DetectCustomLabelsInput{ProjectVersionArn: model.ProjectVersionArn,
		Image: customlabels.Image{Bytes: []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}}, MinConfidence: &every})
	require.NoError(t, err)
	assert.Empty(t, out.CustomLabels)
}

// ctlCall sends one control API request to the fake at url.
func ctlCall(t *testing.T, url, method, resource, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url+"/_customlabels/"+resource, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}
