package customlabels

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const detectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/my-project/version/my-project.2024-01-01T00.00.00/1700000000000"

// testJPEG is the smallest thing that starts like a JPEG.
var testJPEG = []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 2, 3, 0xfe, 0xff, 0xd9}

func f32(v float32) *float32 { return &v }

// The model's pattern, compiled by the reference implementation.
var projectVersionArnPattern = regexp.MustCompile(`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`)

func TestCheckVersionArnAgreesWithRegexp(t *testing.T) {
	name255 := strings.Repeat("n", 255)
	cases := []string{
		detectVersionArn,
		"arn:aws-us-gov:rekognition:us-gov-west-1:123456789012:project/p/version/v/1",
		"arn:a:rekognition:b:000000000000:project/-._/version/._-/0",
		"arn:aws:rekognition:us-east-1:123456789012:project/" + name255 + "/version/" + name255 + "/9",
		"arn:aws:rekognition:us-east-1:123456789012:project/" + name255 + "n/version/v/9",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/" + name255 + "n/9",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1\n",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1a",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/1700000000000",
		"arn:aws:rekognition:us-east-1:12345678901:project/p/version/v/1",
		"arn:aws:rekognition:us-east-1:1234567890123:project/p/version/v/1",
		"arn:aws:rekognition:us-east-1:12345678901a:project/p/version/v/1",
		"arn:AWS:rekognition:us-east-1:123456789012:project/p/version/v/1",
		"arn::rekognition:us-east-1:123456789012:project/p/version/v/1",
		"arn:aws:rekognition::123456789012:project/p/version/v/1",
		"arn:aws:rekognition:US-EAST-1:123456789012:project/p/version/v/1",
		"arn:aws:s3:us-east-1:123456789012:project/p/version/v/1",
		"arn:aws:rekognition:us-east-1:123456789012:project//version/v/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version//1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p q/version/v/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1/2",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/versions/v/1",
		"xarn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1",
		" arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/é/version/v/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/١",
		"arn:aws:rekognition:us-east-1:123456789012:dataset/p/version/v/1",
		"",
		"arn:",
	}
	for _, s := range cases {
		assert.Equal(t, projectVersionArnPattern.MatchString(s), checkArn("ProjectVersionArn", s, "version") == nil, "checkArn(%q, version)", s)
	}
}

func FuzzCheckVersionArn(f *testing.F) {
	f.Add(detectVersionArn)
	f.Add("arn:a:rekognition:b:000000000000:project/-._/version/._-/0\n")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2048 {
			return // the pattern has no length limit; checkArn has
		}
		if got, want := checkArn("ProjectVersionArn", s, "version") == nil, projectVersionArnPattern.MatchString(s); got != want {
			t.Fatalf("checkArn(%q, version) = %v, regexp says %v", s, got, want)
		}
	})
}

func TestDetectCustomLabelsValidation(t *testing.T) {
	good := func() *DetectCustomLabelsInput {
		return &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}}
	}
	s3 := func(o S3Object) *DetectCustomLabelsInput {
		in := good()
		in.Image = Image{S3Object: o}
		return in
	}
	long := strings.Repeat("k", 1025)
	tests := []struct {
		name  string
		input *DetectCustomLabelsInput
		field string
		rule  string
	}{
		{"nil input", nil, "ProjectVersionArn", "is required"},
		{"no arn", &DetectCustomLabelsInput{Image: Image{Bytes: testJPEG}}, "ProjectVersionArn", "is required"},
		{"short arn", func() *DetectCustomLabelsInput { in := good(); in.ProjectVersionArn = "arn:aws:rekognition"; return in }(), "ProjectVersionArn", "must be 20 to 2048 characters, got 19"},
		{"long arn", func() *DetectCustomLabelsInput {
			in := good()
			in.ProjectVersionArn = strings.Repeat("a", 2049)
			return in
		}(), "ProjectVersionArn", "must be 20 to 2048 characters, got 2049"},
		{"model arn", func() *DetectCustomLabelsInput {
			in := good()
			in.ProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/p/1700000000000"
			return in
		}(), "ProjectVersionArn", "must be a version ARN"},
		{"no image", &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn}, "Image", "is required: set Bytes or S3Object"},
		{"empty bytes", func() *DetectCustomLabelsInput { in := good(); in.Image.Bytes = []byte{}; return in }(), "Image", "is required"},
		{"both", func() *DetectCustomLabelsInput {
			in := good()
			in.Image.S3Object = S3Object{Bucket: "bucket", Name: "a.jpg"}
			return in
		}(), "Image", "must set only one of Bytes and S3Object"},
		{"too many bytes", func() *DetectCustomLabelsInput {
			in := good()
			in.Image.Bytes = make([]byte, MaxImageBytes+1)
			return in
		}(), "Image.Bytes", "must be 1 to 5242880 bytes, got 5242881"},
		{"short bucket", s3(S3Object{Bucket: "ab", Name: "a.jpg"}), "Image.S3Object.Bucket", "must be 3 to 255 characters, got 2"},
		{"no bucket", s3(S3Object{Name: "a.jpg"}), "Image.S3Object.Bucket", "must be 3 to 255 characters, got 0"},
		{"long bucket", s3(S3Object{Bucket: strings.Repeat("b", 256), Name: "a.jpg"}), "Image.S3Object.Bucket", "must be 3 to 255 characters, got 256"},
		{"bucket chars", s3(S3Object{Bucket: "my/bucket", Name: "a.jpg"}), "Image.S3Object.Bucket", `must contain only [0-9A-Za-z.\-_], got "my/bucket"`},
		{"no name", s3(S3Object{Bucket: "bucket"}), "Image.S3Object.Name", "must be 1 to 1024 characters, got 0"},
		{"long name", s3(S3Object{Bucket: "bucket", Name: long}), "Image.S3Object.Name", "must be 1 to 1024 characters, got 1025"},
		{"name not utf8", s3(S3Object{Bucket: "bucket", Name: "a\xff"}), "Image.S3Object.Name", "must be valid UTF-8"},
		{"long version", s3(S3Object{Bucket: "bucket", Name: "a", Version: long}), "Image.S3Object.Version", "must be 1 to 1024 characters, got 1025"},
		{"negative max results", func() *DetectCustomLabelsInput { in := good(); in.MaxResults = -1; return in }(), "MaxResults", "must be at least 0, got -1"},
		{"min confidence over", func() *DetectCustomLabelsInput { in := good(); in.MinConfidence = f32(100.5); return in }(), "MinConfidence", "must be 0 to 100, got 100.5"},
		{"min confidence under", func() *DetectCustomLabelsInput { in := good(); in.MinConfidence = f32(-0.1); return in }(), "MinConfidence", "must be 0 to 100, got -0.1"},
		{"min confidence NaN", func() *DetectCustomLabelsInput { in := good(); in.MinConfidence = f32(float32(math.NaN())); return in }(), "MinConfidence", "must be 0 to 100, got NaN"},
		{"min confidence Inf", func() *DetectCustomLabelsInput { in := good(); in.MinConfidence = f32(float32(math.Inf(1))); return in }(), "MinConfidence", "must be 0 to 100, got +Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, nil)
			_, err := testClient(ts).DetectCustomLabels(context.Background(), tt.input)
			var ipe *InvalidParamError
			require.ErrorAs(t, err, &ipe, "DetectCustomLabels(%s) error", tt.name)
			assert.Equal(t, "DetectCustomLabelsInput", ipe.Input)
			assert.Equal(t, tt.field, ipe.Field)
			assert.Contains(t, ipe.Rule, tt.rule)
			var oe *smithy.OperationError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, "DetectCustomLabels", oe.OperationName)
			assert.Empty(t, ts.Requests(), "DetectCustomLabels(%s) sent a request", tt.name)
		})
	}
}

// Inputs at the edges of every rule are accepted and sent.
func TestDetectCustomLabelsValidAtLimits(t *testing.T) {
	max1024 := strings.Repeat("é", 1024) // characters, not bytes
	for name, in := range map[string]*DetectCustomLabelsInput{
		"largest image":  {ProjectVersionArn: detectVersionArn, Image: Image{Bytes: make([]byte, MaxImageBytes)}},
		"one byte image": {ProjectVersionArn: detectVersionArn, Image: Image{Bytes: []byte{1}}},
		"s3 limits": {ProjectVersionArn: detectVersionArn, Image: Image{S3Object: S3Object{
			Bucket: strings.Repeat("b", 255), Name: max1024, Version: max1024}}},
		"s3 short":       {ProjectVersionArn: detectVersionArn, Image: Image{S3Object: S3Object{Bucket: "b.-", Name: "k"}}},
		"confidence 0":   {ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}, MinConfidence: f32(0)},
		"confidence 100": {ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}, MinConfidence: f32(100), MaxResults: math.MaxInt32},
	} {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{"CustomLabels":[]}`) })
			_, err := testClient(ts).DetectCustomLabels(context.Background(), in)
			require.NoError(t, err, "DetectCustomLabels(%s)", name)
			reqs := ts.Requests()
			require.Len(t, reqs, 1)
			assert.True(t, reqs[0].SignatureOK)
			assert.Len(t, reqs[0].Body, in.jsonSizeHint(), "body length against jsonSizeHint")
		})
	}
}

// wireInput is the request as the reference encoder would write it.
type wireInput struct {
	Image struct {
		Bytes    []byte          `json:",omitempty"`
		S3Object json.RawMessage `json:",omitempty"`
	}
	MaxResults        int32    `json:",omitempty"`
	MinConfidence     *float32 `json:",omitempty"`
	ProjectVersionArn string   `json:",omitempty"`
}

func TestDetectCustomLabelsEncodingAgreesWithEncodingJSON(t *testing.T) {
	inputs := []*DetectCustomLabelsInput{
		{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}},
		{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: []byte{1, 2}}, MaxResults: 7, MinConfidence: f32(55.5)},
		{ProjectVersionArn: detectVersionArn, Image: Image{S3Object: S3Object{Bucket: "bucket", Name: "dir/\"quoted\"\u2028\n.jpg", Version: "v<1>"}}, MinConfidence: f32(0)},
		{ProjectVersionArn: detectVersionArn, Image: Image{S3Object: S3Object{Bucket: "bucket", Name: "k"}}, MinConfidence: f32(1e-7)},
	}
	for _, in := range inputs {
		got := in.appendJSON(nil)
		assert.Len(t, got, in.jsonSizeHint(), "jsonSizeHint of %s", got)
		var ref wireInput
		ref.Image.Bytes = in.Image.Bytes
		if in.Image.S3Object != (S3Object{}) {
			ref.Image.S3Object, _ = json.Marshal(struct {
				Bucket, Name string
				Version      string `json:",omitempty"`
			}{in.Image.S3Object.Bucket, in.Image.S3Object.Name, in.Image.S3Object.Version})
		}
		ref.MaxResults, ref.MinConfidence, ref.ProjectVersionArn = in.MaxResults, in.MinConfidence, in.ProjectVersionArn
		want, err := json.Marshal(ref)
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(got))
		assert.True(t, json.Valid(got))
	}
}

func FuzzDetectCustomLabelsSize(f *testing.F) {
	f.Add([]byte{1, 2, 3}, "bucket", "name", "", int32(3), float32(50), true)
	f.Fuzz(func(t *testing.T, img []byte, bucket, name, version string, maxResults int32, conf float32, hasConf bool) {
		in := &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, MaxResults: maxResults,
			Image: Image{Bytes: img, S3Object: S3Object{Bucket: bucket, Name: name, Version: version}}}
		if hasConf && !math.IsNaN(float64(conf)) && !math.IsInf(float64(conf), 0) {
			in.MinConfidence = &conf
		}
		if len(img) == 0 && in.Image.S3Object == (S3Object{}) {
			return // validate refuses it; the body would be {"Image":{}}
		}
		got := in.appendJSON(nil)
		if len(got) != in.jsonSizeHint() {
			t.Fatalf("jsonSizeHint() = %d, body has %d bytes: %s", in.jsonSizeHint(), len(got), got)
		}
		if !json.Valid(got) {
			t.Fatalf("body is not JSON: %s", got)
		}
	})
}

func TestDetectCustomLabelsRequestGolden(t *testing.T) {
	tests := []struct {
		name  string
		input *DetectCustomLabelsInput
	}{
		{"detect bytes", &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}}},
		{"detect s3 full", &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, MaxResults: 10, MinConfidence: f32(72.5),
			Image: Image{S3Object: S3Object{Bucket: "my-bucket", Name: "images/a \"b\".jpg", Version: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"}}}},
		{"detect min confidence zero", &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, MinConfidence: f32(0),
			Image: Image{S3Object: S3Object{Bucket: "my-bucket", Name: "a.png"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{"CustomLabels":[]}`) })
			_, err := testClient(ts).DetectCustomLabels(context.Background(), tt.input)
			require.NoError(t, err)
			reqs := ts.Requests()
			require.Len(t, reqs, 1)
			assert.True(t, reqs[0].SignatureOK, "signature of DetectCustomLabels(%s) does not verify", tt.name)
			got := goldenRequest(reqs[0])
			path := filepath.Join("testdata", "request_"+strings.ReplaceAll(tt.name, " ", "_")+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "golden file missing: run go test -run TestDetectCustomLabelsRequestGolden -update")
			assert.Equal(t, string(want), got, "request of DetectCustomLabels(%s) (-want +got)", tt.name)
		})
	}
}

func TestDetectCustomLabelsDecodesOutput(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, `{"CustomLabels":[
			{"Name":"cat","Confidence":98.25,"Geometry":{"BoundingBox":{"Width":0.5,"Height":0.25,"Left":0.125,"Top":0.0625},
			 "Polygon":[{"X":0.1,"Y":0.2},{"X":0.3,"Y":0.4}]},"Future":{"x":[1]}},
			{"Name":"dog","Confidence":61}]}`)
	})
	out, err := testClient(ts).DetectCustomLabels(context.Background(), &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}})
	require.NoError(t, err)
	want := []CustomLabel{
		{Name: "cat", Confidence: 98.25, Geometry: Geometry{BoundingBox: BoundingBox{Width: 0.5, Height: 0.25, Left: 0.125, Top: 0.0625},
			Polygon: []Point{{X: 0.1, Y: 0.2}, {X: 0.3, Y: 0.4}}}},
		{Name: "dog", Confidence: 61},
	}
	assert.Equal(t, want, out.CustomLabels, "DetectCustomLabels(...).CustomLabels (-want +got)")
	assert.Equal(t, "req-1", out.RequestID)
}

func TestDetectCustomLabelsBadResponses(t *testing.T) {
	for name, body := range map[string]string{
		"truncated":   `{"CustomLabels":[{"Name":"ca`,
		"wrong type":  `{"CustomLabels":{"Name":"cat"}}`,
		"string conf": `{"CustomLabels":[{"Name":"cat","Confidence":"high"}]}`,
		"null":        `null`,
		"html":        `<html>502</html>`,
		"trailing":    `{"CustomLabels":[]} {}`,
		"bad polygon": `{"CustomLabels":[{"Geometry":{"Polygon":[1]}}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, body) })
			out, err := testClient(ts).DetectCustomLabels(context.Background(), &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}})
			require.Error(t, err, "DetectCustomLabels with a %s response", name)
			assert.Nil(t, out)
			var de *smithy.DeserializationError
			assert.ErrorAs(t, err, &de)
			assert.Contains(t, err.Error(), "req-")
		})
	}
}

// Every exception the model lists for DetectCustomLabels decodes to its
// type, with the documented status; the throttling and server ones are
// retried, the others are not.
func TestDetectCustomLabelsErrors(t *testing.T) {
	tests := []struct {
		code      string
		status    int
		target    any
		retryable bool
	}{
		{"ResourceNotFoundException", 400, new(*ResourceNotFoundException), false},
		{"ResourceNotReadyException", 400, new(*ResourceNotReadyException), false},
		{"InvalidS3ObjectException", 400, new(*InvalidS3ObjectException), false},
		{"InvalidParameterException", 400, new(*InvalidParameterException), false},
		{"ImageTooLargeException", 400, new(*ImageTooLargeException), false},
		{"LimitExceededException", 400, new(*LimitExceededException), true}, // a throttle code to aws/retry
		{"AccessDeniedException", 400, new(*AccessDeniedException), false},
		{"InternalServerError", 500, new(*InternalServerError), true},
		{"ThrottlingException", 500, new(*ThrottlingException), true},
		{"ProvisionedThroughputExceededException", 400, new(*ProvisionedThroughputExceededException), true},
		{"InvalidImageFormatException", 400, new(*InvalidImageFormatException), false},
	}
	require.Len(t, tests, len(opDetectCustomLabels.errors), "one case per exception of the model")
	for i, tt := range tests {
		require.Equal(t, opDetectCustomLabels.errors[i], tt.code)
		t.Run(tt.code, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				writeError(w, tt.status, tt.code, "the message")
			})
			_, err := testClient(ts).DetectCustomLabels(context.Background(), &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}})
			require.Error(t, err)
			require.ErrorAs(t, err, tt.target, "DetectCustomLabels error %v", err)
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.code, apiErr.ErrorCode())
			assert.Equal(t, "the message", apiErr.ErrorMessage())
			want := 1
			if tt.retryable {
				want = 3
			}
			assert.Len(t, ts.Requests(), want, "attempts for %s", tt.code)
			for _, r := range ts.Requests() {
				assert.True(t, r.SignatureOK)
			}
		})
	}
}

// The body is encoded once: every attempt sends the same bytes under its
// own valid signature, and changing Image.Bytes while a retry waits
// changes nothing that is sent.
func TestDetectCustomLabelsImageChangedDuringBackoff(t *testing.T) {
	img := bytes.Repeat([]byte{0xff, 0xd8, 0xff, 0x42}, 64<<10)
	original := bytes.Clone(img)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeError(w, 500, "InternalServerError", "try again")
			return
		}
		writeJSON(w, 200, `{"CustomLabels":[{"Name":"ok","Confidence":90}]}`)
	})
	mutated := make(chan struct{})
	retryer := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) {
			// The caller reuses its buffer while the retry waits.
			for i := range img {
				img[i] = 0
			}
			close(mutated)
			return time.Millisecond, nil
		})
	})
	c := testClient(ts, func(o *Options) { o.Retryer = retryer })
	out, err := c.DetectCustomLabels(context.Background(), &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: img}})
	require.NoError(t, err)
	<-mutated
	assert.Equal(t, "ok", out.CustomLabels[0].Name)
	reqs := ts.Requests()
	require.Len(t, reqs, 2)
	for i, r := range reqs {
		assert.True(t, r.SignatureOK, "attempt %d: body does not match its signature", i+1)
		var in wireInput
		require.NoError(t, json.Unmarshal(r.Body, &in))
		assert.True(t, bytes.Equal(original, in.Image.Bytes), "attempt %d sent an image other than the one the call began with", i+1)
	}
	assert.Equal(t, reqs[0].Body, reqs[1].Body, "the retry sent a different body")
	assert.NotEqual(t, reqs[0].Header.Get("Authorization"), reqs[1].Header.Get("Authorization"), "the retry was not signed afresh")
}

// The bytes sent are the image's standard base64.
func TestDetectCustomLabelsSendsBase64(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
	img := []byte{0xff, 0xd8, 0xff, 0xfb, 0xef, 0xbe}
	out, err := testClient(ts).DetectCustomLabels(context.Background(), &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: img}})
	require.NoError(t, err)
	assert.Empty(t, out.CustomLabels)
	body := string(ts.Requests()[0].Body)
	assert.Contains(t, body, `"Bytes":"`+base64.StdEncoding.EncodeToString(img)+`"`)
	assert.True(t, strings.HasPrefix(body, `{"Image":{"Bytes":"/9j/++++"}`), body)
}

func TestDetectCustomLabelsContextCanceled(t *testing.T) {
	ts := newTestServer(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := testClient(ts).DetectCustomLabels(ctx, &DetectCustomLabelsInput{ProjectVersionArn: detectVersionArn, Image: Image{Bytes: testJPEG}})
	assert.True(t, errors.Is(err, context.Canceled), "DetectCustomLabels(canceled) = %v", err)
	assert.Empty(t, ts.Requests())
}
