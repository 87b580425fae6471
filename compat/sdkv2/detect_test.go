package sdkv2_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var sdkJPEG = []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0}

// detectServer has a RUNNING and a STOPPED version of one project; the
// running one answers model.
func detectServer(t *testing.T, model customlabelstest.Model, opts ...customlabelstest.Option) (srv *customlabelstest.Server, running, stopped string) {
	p, vs := modelsProject(2, customlabels.ProjectVersionStatusRunning)
	vs[1].Status = customlabels.ProjectVersionStatusStopped
	vs[0].MinInferenceUnits = 1
	srv = newServer(t, append([]customlabelstest.Option{
		customlabelstest.WithProjects(p),
		customlabelstest.WithProjectVersions(vs...),
		customlabelstest.WithModel(vs[0].ProjectVersionArn, model),
	}, opts...)...)
	return srv, vs[0].ProjectVersionArn, vs[1].ProjectVersionArn
}

func sdkLabels(out *rekognition.DetectCustomLabelsOutput) []string {
	var names []string
	for _, l := range out.CustomLabels {
		names = append(names, aws.ToString(l.Name))
	}
	return names
}

// The official client sends image bytes (up to the service's 4 MB) or an S3
// object and decodes the fake's labels, geometry included.
func TestDetectCustomLabels(t *testing.T) {
	srv, running, _ := detectServer(t, customlabelstest.Model{Labels: []customlabels.CustomLabel{
		{Name: "cat", Confidence: 97.5, Geometry: customlabels.Geometry{
			BoundingBox: customlabels.BoundingBox{Width: 0.5, Height: 0.25, Left: 0.125, Top: 0.375},
			Polygon:     []customlabels.Point{{X: 0.125, Y: 0.375}}}},
		{Name: "dog", Confidence: 30},
	}}, customlabelstest.WithS3Object("bucket", "a.jpg", "v1", sdkJPEG))
	c := sdkClient(srv)
	ctx := context.Background()

	big := make([]byte, 4<<20)
	copy(big, sdkJPEG)
	out, err := c.DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running), Image: &types.Image{Bytes: big}})
	require.NoError(t, err, "DetectCustomLabels with a 4 MiB image")
	assert.Equal(t, []string{"cat"}, sdkLabels(out), "labels above the assumed threshold")
	g := out.CustomLabels[0].Geometry
	require.NotNil(t, g)
	assert.Equal(t, float32(0.375), aws.ToFloat32(g.BoundingBox.Top))
	assert.Equal(t, float32(0.125), aws.ToFloat32(g.Polygon[0].X))

	out, err = c.DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running),
		Image:         &types.Image{S3Object: &types.S3Object{Bucket: aws.String("bucket"), Name: aws.String("a.jpg"), Version: aws.String("v1")}},
		MinConfidence: aws.Float32(0), MaxResults: aws.Int32(5)})
	require.NoError(t, err, "DetectCustomLabels with an S3 object")
	assert.Equal(t, []string{"cat", "dog"}, sdkLabels(out), "every label with MinConfidence 0")
	assert.Nil(t, out.CustomLabels[1].Geometry)

	out, err = c.DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running),
		Image: &types.Image{Bytes: sdkJPEG}, MinConfidence: aws.Float32(0), MaxResults: aws.Int32(1)})
	require.NoError(t, err)
	assert.Equal(t, []string{"cat"}, sdkLabels(out), "MaxResults 1")
}

// Each exception the fake answers reaches the official client as its
// modeled type.
func TestDetectCustomLabelsTypedErrors(t *testing.T) {
	srv, running, stopped := detectServer(t, customlabelstest.Model{})
	c := sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 1 })
	ctx := context.Background()
	tooBig := make([]byte, 4<<20+1)
	copy(tooBig, sdkJPEG)
	unknown := running[:len(running)-1] + "9"
	tests := []struct {
		name   string
		in     *rekognition.DetectCustomLabelsInput
		target any
	}{
		{"not running", &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(stopped), Image: &types.Image{Bytes: sdkJPEG}}, new(*types.ResourceNotReadyException)},
		{"unknown", &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(unknown), Image: &types.Image{Bytes: sdkJPEG}}, new(*types.ResourceNotFoundException)},
		{"gif", &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running), Image: &types.Image{Bytes: []byte("GIF89a")}}, new(*types.InvalidImageFormatException)},
		{"too large", &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running), Image: &types.Image{Bytes: tooBig}}, new(*types.ImageTooLargeException)},
		{"no s3 object", &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running),
			Image: &types.Image{S3Object: &types.S3Object{Bucket: aws.String("bucket"), Name: aws.String("missing.jpg")}}}, new(*types.InvalidS3ObjectException)},
		{"both", &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running),
			Image: &types.Image{Bytes: sdkJPEG, S3Object: &types.S3Object{Bucket: aws.String("bucket"), Name: aws.String("a.jpg")}}}, new(*types.InvalidParameterException)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.DetectCustomLabels(ctx, tt.in)
			require.Error(t, err)
			assert.True(t, errors.As(err, tt.target), "DetectCustomLabels(%s) = %v", tt.name, err)
		})
	}
}

// A saturated model answers ProvisionedThroughputExceededException, which
// the official client retries; once capacity frees up the retry succeeds.
func TestDetectCustomLabelsCapacityRetried(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	srv, running, _ := detectServer(t, customlabelstest.Model{
		MaxInFlightPerInferenceUnit: 1,
		Detect: func(img []byte) []customlabels.CustomLabel {
			if len(img) == len(sdkJPEG)+1 { // the request held in flight
				once.Do(func() { close(entered) })
				<-release
			}
			return []customlabels.CustomLabel{{Name: "ok", Confidence: 99}}
		},
	})
	ctx := context.Background()
	held := append(append([]byte(nil), sdkJPEG...), 1)
	done := make(chan error)
	go func() {
		_, err := sdkClient(srv).DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running), Image: &types.Image{Bytes: held}})
		done <- err
	}()
	<-entered
	_, err := sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 1 }).DetectCustomLabels(ctx,
		&rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running), Image: &types.Image{Bytes: sdkJPEG}})
	var pte *types.ProvisionedThroughputExceededException
	require.ErrorAs(t, err, &pte)

	// With retries, the call waits out the saturation: the first attempt
	// is refused; before the retry, the held request is released and
	// answered.
	var heldErr error
	var first sync.Once
	c := sdkClient(srv, func(o *rekognition.Options) {
		o.RetryMaxAttempts = 2
		next := o.HTTPClient
		o.HTTPClient = doFunc(func(r *http.Request) (*http.Response, error) {
			resp, err := next.Do(r)
			first.Do(func() {
				close(release)
				heldErr = <-done
			})
			return resp, err
		})
	})
	out, err := c.DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(running), Image: &types.Image{Bytes: sdkJPEG}})
	require.NoError(t, err, "the retry after the capacity freed up")
	assert.Equal(t, []string{"ok"}, sdkLabels(out))
	require.NoError(t, heldErr, "the request held in flight")
	assert.Equal(t, 2, countTarget(srv, "RekognitionService.DetectCustomLabels")-2, "attempts of the retried call")
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// countTarget counts the requests srv received for target.
func countTarget(srv *customlabelstest.Server, target string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Target == target {
			n++
		}
	}
	return n
}
