package customlabels

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func startingAnswer(w http.ResponseWriter, r *http.Request, n int) {
	writeJSON(w, 200, `{"Status":"STARTING"}`)
}

func TestStartProjectVersionValidation(t *testing.T) {
	tests := []struct {
		name  string
		input *StartProjectVersionInput
		field string
		rule  string
	}{
		{"nil input", nil, "ProjectVersionArn", "is required"},
		{"ProjectVersionArn missing", &StartProjectVersionInput{MinInferenceUnits: 1}, "ProjectVersionArn", "is required"},
		{"ProjectVersionArn 19 characters", &StartProjectVersionInput{ProjectVersionArn: strings.Repeat("a", 19), MinInferenceUnits: 1}, "ProjectVersionArn", "must be 20 to 2048 characters, got 19"},
		{"ProjectVersionArn 2049 characters", &StartProjectVersionInput{ProjectVersionArn: strings.Repeat("a", 2049), MinInferenceUnits: 1}, "ProjectVersionArn", "must be 20 to 2048 characters, got 2049"},
		{"ProjectVersionArn is a project ARN", &StartProjectVersionInput{ProjectVersionArn: testProjectArn, MinInferenceUnits: 1}, "ProjectVersionArn",
			`must be a version ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP), got "` + testProjectArn[:64] + `"…`}, // values are cut at 64 bytes
		{"ProjectVersionArn without timestamp", &StartProjectVersionInput{ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v1", MinInferenceUnits: 1}, "ProjectVersionArn", "must be a version ARN"},
		{"ProjectVersionArn with empty version", &StartProjectVersionInput{ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/version//1", MinInferenceUnits: 1}, "ProjectVersionArn", "must be a version ARN"},
		{"ProjectVersionArn of a dataset", &StartProjectVersionInput{ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1", MinInferenceUnits: 1}, "ProjectVersionArn", "must be a version ARN"},
		{"MinInferenceUnits missing", &StartProjectVersionInput{ProjectVersionArn: testVersionArn}, "MinInferenceUnits", "is required and must be at least 1, got 0"},
		{"MinInferenceUnits negative", &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: -3}, "MinInferenceUnits", "must be at least 1, got -3"},
		{"MaxInferenceUnits negative", &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1, MaxInferenceUnits: -1}, "MaxInferenceUnits", "must be at least 1 (or 0 for unset), got -1"},
		{"MaxInferenceUnits below MinInferenceUnits", &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: 3, MaxInferenceUnits: 2}, "MaxInferenceUnits", "must be at least MinInferenceUnits (3), got 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, startingAnswer)
			out, err := testClient(ts).StartProjectVersion(context.Background(), tt.input)
			assert.Nil(t, out, "StartProjectVersion(%s) output", tt.name)
			requireInvalidParam(t, err, "StartProjectVersion", "StartProjectVersionInput", tt.field, tt.rule)
			assert.Zero(t, ts.count.Load(), "StartProjectVersion(%s) sent a request", tt.name)
		})
	}
}

func TestStartProjectVersionValidInputsPass(t *testing.T) {
	ts := newTestServer(t, startingAnswer)
	c := testClient(ts)
	for _, in := range []StartProjectVersionInput{
		{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1},
		{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1, MaxInferenceUnits: 1},
		{ProjectVersionArn: testVersionArn, MinInferenceUnits: 2, MaxInferenceUnits: 5},
		{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1 << 30},
	} {
		out, err := c.StartProjectVersion(context.Background(), &in)
		if assert.NoError(t, err, "StartProjectVersion(%+v)", in) {
			assert.Equal(t, ProjectVersionStatusStarting, out.Status)
		}
	}
	assert.EqualValues(t, 4, ts.count.Load())
}

func TestStartProjectVersionRequestGolden(t *testing.T) {
	tests := []struct {
		name  string
		input *StartProjectVersionInput
	}{
		{"minimal", &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1}},
		{"full", &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: 2, MaxInferenceUnits: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, startingAnswer)
			_, err := testClient(ts).StartProjectVersion(context.Background(), tt.input)
			require.NoError(t, err)
			reqs := ts.Requests()
			require.Len(t, reqs, 1)
			assert.True(t, reqs[0].SignatureOK, "signature of StartProjectVersion(%+v) does not verify", tt.input)
			checkGolden(t, "request_StartProjectVersion_"+tt.name+".golden", goldenRequest(reqs[0]))
		})
	}
}

func TestStartProjectVersionDecodesStatus(t *testing.T) {
	tests := []struct {
		body string
		want StartProjectVersionOutput
	}{
		{`{"Status":"STARTING"}`, StartProjectVersionOutput{Status: ProjectVersionStatusStarting}},
		{`{"Status":"WARMING_UP","Extra":{"a":[1]}}`, StartProjectVersionOutput{Status: "WARMING_UP"}},
		{`{"Status":null}`, StartProjectVersionOutput{}},
		{`{}`, StartProjectVersionOutput{}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, tt.body) })
			out, err := testClient(ts).StartProjectVersion(context.Background(), &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1})
			require.NoError(t, err)
			tt.want.RequestID = "req-1"
			assert.Equal(t, &tt.want, out, "StartProjectVersion() answering %s", tt.body)
		})
	}
	for _, bad := range []string{`{"Status":1}`, `{"Status":"STARTING"} x`, `null`} {
		t.Run(bad, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, bad) })
			out, err := testClient(ts).StartProjectVersion(context.Background(), &StartProjectVersionInput{ProjectVersionArn: testVersionArn, MinInferenceUnits: 1})
			assert.Nil(t, out)
			require.Error(t, err, "StartProjectVersion() answering %s", bad)
			assert.Contains(t, err.Error(), "RequestID: req-1")
			assert.EqualValues(t, 1, ts.count.Load(), "a complete malformed body is not retried")
		})
	}
}
