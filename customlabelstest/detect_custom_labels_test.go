package customlabelstest_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var (
	jpegImage = []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 0xff, 0xd9}
	pngImage  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
)

// detectFixture is a server with one project and a version in each
// status the tests need.
type detectFixture struct {
	srv                        *customlabelstest.Server
	running, stopped, starting customlabels.ProjectVersionDescription
}

func newDetectFixture(t *testing.T, m customlabelstest.Model, opts ...customlabelstest.Option) *detectFixture {
	t.Helper()
	p := testProject("detect")
	created := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	f := &detectFixture{
		running:  testVersion(p, "running", created, customlabels.ProjectVersionStatusRunning),
		stopped:  testVersion(p, "stopped", created.Add(time.Hour), customlabels.ProjectVersionStatusStopped),
		starting: testVersion(p, "starting", created.Add(2*time.Hour), customlabels.ProjectVersionStatusStarting),
	}
	f.running.MinInferenceUnits = 1
	opts = append([]customlabelstest.Option{
		customlabelstest.WithProjects(p),
		customlabelstest.WithProjectVersions(f.running, f.stopped, f.starting),
		customlabelstest.WithModel(f.running.ProjectVersionArn, m),
	}, opts...)
	f.srv = customlabelstest.NewServer(opts...)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *detectFixture) detect(t *testing.T, in *customlabels.DetectCustomLabelsInput) (*customlabels.DetectCustomLabelsOutput, error) {
	t.Helper()
	c := f.srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	return c.DetectCustomLabels(context.Background(), in)
}

func names(labels []customlabels.CustomLabel) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = l.Name
	}
	return out
}

func conf(v float32) *float32 { return &v }

func TestDetectCustomLabelsFixedLabels(t *testing.T) {
	box := customlabels.Geometry{BoundingBox: customlabels.BoundingBox{Width: 0.5, Height: 0.25, Left: 0.125, Top: 0.375},
		Polygon: []customlabels.Point{{X: 0.125, Y: 0.375}, {X: 0.625, Y: 0.625}}}
	f := newDetectFixture(t, customlabelstest.Model{Labels: []customlabels.CustomLabel{
		{Name: "low", Confidence: 12.5},
		{Name: "cat", Confidence: 97.25, Geometry: box},
		{Name: "mid", Confidence: 55},
		{Name: "edge", Confidence: 50},
	}})
	tests := []struct {
		name          string
		minConfidence *float32
		maxResults    int32
		want          []string
	}{
		{"assumed threshold", nil, 0, []string{"cat", "mid", "edge"}},
		{"every label", conf(0), 0, []string{"cat", "mid", "edge", "low"}},
		{"min confidence", conf(60), 0, []string{"cat"}},
		{"max results", conf(0), 2, []string{"cat", "mid"}},
		{"none", conf(99), 0, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn,
				Image: customlabels.Image{Bytes: jpegImage}, MinConfidence: tt.minConfidence, MaxResults: tt.maxResults})
			require.NoError(t, err)
			assert.Equal(t, tt.want, names(out.CustomLabels), "DetectCustomLabels(%s) labels", tt.name)
			assert.NotEmpty(t, out.RequestID)
		})
	}
	out, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn, Image: customlabels.Image{Bytes: pngImage}})
	require.NoError(t, err, "a PNG image")
	assert.Equal(t, customlabels.CustomLabel{Name: "cat", Confidence: 97.25, Geometry: box}, out.CustomLabels[0], "label with geometry")
	assert.Equal(t, customlabels.Geometry{}, out.CustomLabels[1].Geometry, "a label without geometry")
}

func TestDetectCustomLabelsHashLabelsDeterministic(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{Detect: customlabelstest.HashLabels("a", "b", "c", "d", "e")})
	run := func(img []byte) []customlabels.CustomLabel {
		out, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn,
			Image: customlabels.Image{Bytes: img}, MinConfidence: conf(0)})
		require.NoError(t, err)
		return out.CustomLabels
	}
	first := run(jpegImage)
	require.Len(t, first, 5)
	assert.Equal(t, first, run(jpegImage), "the same image got other labels")
	for i := 1; i < len(first); i++ {
		assert.GreaterOrEqual(t, first[i-1].Confidence, first[i].Confidence, "labels not ordered by confidence")
	}
	other := append(append([]byte(nil), jpegImage...), 1)
	assert.NotEqual(t, first, run(other), "a different image got the same labels")
}

func TestDetectCustomLabelsS3Objects(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{Detect: func(img []byte) []customlabels.CustomLabel {
		return []customlabels.CustomLabel{{Name: string(img[len(img)-2:]), Confidence: 90}}
	}}, customlabelstest.WithS3Object("bucket", "dir/a.jpg", "", append(append([]byte(nil), jpegImage...), "v0"...)))
	f.srv.PutS3Object("bucket", "dir/b.jpg", "v1", append(append([]byte(nil), jpegImage...), "v1"...))
	f.srv.PutS3Object("bucket", "dir/b.jpg", "v2", append(append([]byte(nil), jpegImage...), "v2"...))
	f.srv.PutS3Object("bucket", "text.txt", "", []byte("hello"))
	tests := []struct {
		obj      customlabels.S3Object
		want     string
		wantCode string
	}{
		{customlabels.S3Object{Bucket: "bucket", Name: "dir/a.jpg"}, "v0", ""},
		{customlabels.S3Object{Bucket: "bucket", Name: "dir/b.jpg"}, "v2", ""},
		{customlabels.S3Object{Bucket: "bucket", Name: "dir/b.jpg", Version: "v1"}, "v1", ""},
		{customlabels.S3Object{Bucket: "bucket", Name: "dir/b.jpg", Version: "v9"}, "", "InvalidS3ObjectException"},
		{customlabels.S3Object{Bucket: "other", Name: "dir/a.jpg"}, "", "InvalidS3ObjectException"},
		{customlabels.S3Object{Bucket: "bucket", Name: "text.txt"}, "", "InvalidImageFormatException"},
	}
	for _, tt := range tests {
		out, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn, Image: customlabels.Image{S3Object: tt.obj}})
		if tt.wantCode != "" {
			assertCode(t, err, tt.wantCode)
			continue
		}
		require.NoError(t, err, "DetectCustomLabels(%+v)", tt.obj)
		assert.Equal(t, []string{tt.want}, names(out.CustomLabels), "DetectCustomLabels(%+v)", tt.obj)
	}
	assert.True(t, f.srv.RemoveS3Object("bucket", "dir/a.jpg", ""))
	_, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "bucket", Name: "dir/a.jpg"}}})
	assertCode(t, err, "InvalidS3ObjectException")
}

func assertCode(t *testing.T, err error, code string) {
	t.Helper()
	var apiErr interface{ ErrorCode() string }
	if assert.ErrorAs(t, err, &apiErr, "want %s", code) {
		assert.Equal(t, code, apiErr.ErrorCode(), "error %v", err)
	}
}

func TestDetectCustomLabelsFakeErrors(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{Labels: []customlabels.CustomLabel{{Name: "x", Confidence: 99}}})
	unknown := strings.Replace(f.running.ProjectVersionArn, "/running/", "/missing/", 1)
	big := append(append([]byte(nil), jpegImage...), make([]byte, 4<<20)...)
	atLimit := append(append([]byte(nil), jpegImage...), make([]byte, 4<<20-len(jpegImage))...)
	tests := []struct {
		name string
		arn  string
		img  []byte
		code string
	}{
		{"stopped", f.stopped.ProjectVersionArn, jpegImage, "ResourceNotReadyException"},
		{"starting", f.starting.ProjectVersionArn, jpegImage, "ResourceNotReadyException"},
		{"unknown", unknown, jpegImage, "ResourceNotFoundException"},
		{"gif", f.running.ProjectVersionArn, []byte("GIF89a...."), "InvalidImageFormatException"},
		{"truncated jpeg", f.running.ProjectVersionArn, []byte{0xff, 0xd8}, "InvalidImageFormatException"},
		{"over 4 MiB", f.running.ProjectVersionArn, big, "ImageTooLargeException"},
		{"4 MiB", f.running.ProjectVersionArn, atLimit, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: tt.arn, Image: customlabels.Image{Bytes: tt.img}})
			if tt.code == "" {
				require.NoError(t, err)
				assert.Equal(t, []string{"x"}, names(out.CustomLabels))
				return
			}
			assertCode(t, err, tt.code)
		})
	}
}

// Once started, a version answers; the fixture's starting version becomes
// RUNNING when the models' clock passes its starting time.
func TestDetectCustomLabelsAfterStart(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{}, customlabelstest.WithStartingTime(time.Minute))
	in := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.starting.ProjectVersionArn, Image: customlabels.Image{Bytes: jpegImage}}
	_, err := f.detect(t, in)
	assertCode(t, err, "ResourceNotReadyException")
	f.srv.Advance(time.Minute)
	out, err := f.detect(t, in)
	require.NoError(t, err, "a version without a Model answers once RUNNING")
	assert.Empty(t, out.CustomLabels)
}

// Requests beyond MaxInFlightPerInferenceUnit times the version's units
// get ProvisionedThroughputExceededException.
func TestDetectCustomLabelsCapacity(t *testing.T) {
	entered := make(chan struct{}, 2)
	release := make(chan struct{})
	f := newDetectFixture(t, customlabelstest.Model{
		MaxInFlightPerInferenceUnit: 2,
		Detect: func([]byte) []customlabels.CustomLabel {
			entered <- struct{}{}
			<-release
			return nil
		},
	})
	in := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn, Image: customlabels.Image{Bytes: jpegImage}}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = f.detect(t, in)
		}()
	}
	<-entered
	<-entered // both in flight: the version's 1 unit takes 2
	_, err := f.detect(t, in)
	assertCode(t, err, "ProvisionedThroughputExceededException")
	close(release)
	wg.Wait()
	for _, err := range errs {
		assert.NoError(t, err)
	}
	// Once they are answered there is room again.
	release = make(chan struct{})
	close(release)
	f.srv.SetModel(f.running.ProjectVersionArn, customlabelstest.Model{MaxInFlightPerInferenceUnit: 1})
	_, err = f.detect(t, in)
	assert.NoError(t, err, "a request after the others ended")
}

// What the model forbids, and the client would refuse, gets the
// service's ValidationException; an image neither bytes nor S3 object
// InvalidParameterException.
func TestDetectCustomLabelsFakeValidation(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{})
	arn := f.running.ProjectVersionArn
	b64 := func(n int) string {
		b := make([]byte, n)
		copy(b, jpegImage)
		return base64.StdEncoding.EncodeToString(b)
	}
	tests := []struct {
		name, body, code, contains string
	}{
		{"over 5 MiB", `{"ProjectVersionArn":"` + arn + `","Image":{"Bytes":"` + b64(5<<20+1) + `"}}`, "ValidationException", "image.bytes"},
		{"no image", `{"ProjectVersionArn":"` + arn + `"}`, "ValidationException", "'image'"},
		{"bad arn", `{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/p/1","Image":{"Bytes":"/9j/"}}`, "ValidationException", "projectVersionArn"},
		{"min confidence", `{"ProjectVersionArn":"` + arn + `","Image":{"Bytes":"/9j/"},"MinConfidence":101}`, "ValidationException", "minConfidence"},
		{"max results", `{"ProjectVersionArn":"` + arn + `","Image":{"Bytes":"/9j/"},"MaxResults":-1}`, "ValidationException", "maxResults"},
		{"bucket", `{"ProjectVersionArn":"` + arn + `","Image":{"S3Object":{"Bucket":"a/b","Name":"k"}}}`, "ValidationException", "image.s3Object.bucket"},
		{"empty image", `{"ProjectVersionArn":"` + arn + `","Image":{}}`, "InvalidParameterException", "Bytes or S3Object"},
		{"both", `{"ProjectVersionArn":"` + arn + `","Image":{"Bytes":"/9j/","S3Object":{"Bucket":"abc","Name":"k"}}}`, "InvalidParameterException", "only one"},
		{"not base64", `{"ProjectVersionArn":"` + arn + `","Image":{"Bytes":"!!"}}`, "SerializationException", "base64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, f.srv, "DetectCustomLabels", tt.body)
			assert.Equal(t, http.StatusBadRequest, res.status, res.body)
			assert.Contains(t, res.body, tt.code)
			assert.Contains(t, res.body, tt.contains)
		})
	}
}

// Reset keeps the models and S3 objects of the options and drops the
// others.
func TestDetectCustomLabelsReset(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{Labels: []customlabels.CustomLabel{{Name: "seeded", Confidence: 90}}},
		customlabelstest.WithS3Object("bucket", "seeded.jpg", "", jpegImage))
	f.srv.SetModel(f.running.ProjectVersionArn, customlabelstest.Model{Labels: []customlabels.CustomLabel{{Name: "later", Confidence: 90}}})
	f.srv.PutS3Object("bucket", "later.jpg", "", jpegImage)
	f.srv.Reset()
	s3 := func(name string) *customlabels.DetectCustomLabelsInput {
		return &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn,
			Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "bucket", Name: name}}}
	}
	out, err := f.detect(t, s3("seeded.jpg"))
	require.NoError(t, err)
	assert.Equal(t, []string{"seeded"}, names(out.CustomLabels))
	_, err = f.detect(t, s3("later.jpg"))
	assertCode(t, err, "InvalidS3ObjectException")
}
