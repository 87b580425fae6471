package customlabels

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stoppingAnswer(w http.ResponseWriter, r *http.Request, n int) {
	writeJSON(w, 200, `{"Status":"STOPPING"}`)
}

func TestStopProjectVersionValidation(t *testing.T) {
	tests := []struct {
		name  string
		input *StopProjectVersionInput
		rule  string
	}{
		{"nil input", nil, "is required"},
		{"ProjectVersionArn missing", &StopProjectVersionInput{}, "is required"},
		{"ProjectVersionArn 19 characters", &StopProjectVersionInput{ProjectVersionArn: "arn:aws:rekognition"}, "must be 20 to 2048 characters, got 19"},
		{"ProjectVersionArn 2049 characters", &StopProjectVersionInput{ProjectVersionArn: testVersionArn + strings.Repeat("0", 2049-len(testVersionArn))}, "must be 20 to 2048 characters, got 2049"},
		{"ProjectVersionArn is a project ARN", &StopProjectVersionInput{ProjectVersionArn: testProjectArn}, "must be a version ARN"},
		{"ProjectVersionArn with extra segment", &StopProjectVersionInput{ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v1/x/1"}, "must be a version ARN"},
		{"ProjectVersionArn version name too long", &StopProjectVersionInput{ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/version/" + strings.Repeat("v", 256) + "/1"}, "must be a version ARN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, stoppingAnswer)
			out, err := testClient(ts).StopProjectVersion(context.Background(), tt.input)
			assert.Nil(t, out, "StopProjectVersion(%s) output", tt.name)
			requireInvalidParam(t, err, "StopProjectVersion", "StopProjectVersionInput", "ProjectVersionArn", tt.rule)
			assert.Zero(t, ts.count.Load(), "StopProjectVersion(%s) sent a request", tt.name)
		})
	}
}

func TestStopProjectVersionRequestGolden(t *testing.T) {
	// StopProjectVersion has one member, which is required: the minimal
	// input is the full one. The ARN here has the longest names.
	tests := []struct {
		name  string
		input *StopProjectVersionInput
	}{
		{"minimal", &StopProjectVersionInput{ProjectVersionArn: testVersionArn}},
		{"full", &StopProjectVersionInput{ProjectVersionArn: "arn:aws-cn:rekognition:cn-north-1:123456789012:project/" +
			strings.Repeat("P", 255) + "/version/" + strings.Repeat("V", 255) + "/1700000100456"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, stoppingAnswer)
			out, err := testClient(ts).StopProjectVersion(context.Background(), tt.input)
			require.NoError(t, err)
			assert.Equal(t, &StopProjectVersionOutput{Status: ProjectVersionStatusStopping, RequestID: "req-1"}, out)
			reqs := ts.Requests()
			require.Len(t, reqs, 1)
			assert.True(t, reqs[0].SignatureOK, "signature of StopProjectVersion(%+v) does not verify", tt.input)
			checkGolden(t, "request_StopProjectVersion_"+tt.name+".golden", goldenRequest(reqs[0]))
		})
	}
}

func TestStopProjectVersionDecodesStatus(t *testing.T) {
	for body, want := range map[string]ProjectVersionStatus{
		`{"Status":"STOPPING"}`:                    ProjectVersionStatusStopping,
		`{"Status":"STOPPED"}`:                     ProjectVersionStatusStopped,
		`{"Status":"HIBERNATING","Other":null}`:    "HIBERNATING",
		`{"Status":"stopping"}`:                    "stopping",
		`{"status":"STOPPING"}`:                    "", // member names match exactly
		`{"Status":"STOP\u0050ING"}`:               ProjectVersionStatusStopping,
		`{"Status":"STOPPING","Status":"STOPPED"}`: ProjectVersionStatusStopped,
	} {
		t.Run(body, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, body) })
			out, err := testClient(ts).StopProjectVersion(context.Background(), &StopProjectVersionInput{ProjectVersionArn: testVersionArn})
			require.NoError(t, err)
			assert.Equal(t, &StopProjectVersionOutput{Status: want, RequestID: "req-1"}, out, "StopProjectVersion() answering %s", body)
		})
	}
	t.Run("truncated body retried", func(t *testing.T) {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			if n == 1 {
				writeJSON(w, 200, `{"Status":"STOP`)
				return
			}
			stoppingAnswer(w, r, n)
		})
		out, err := testClient(ts).StopProjectVersion(context.Background(), &StopProjectVersionInput{ProjectVersionArn: testVersionArn})
		require.NoError(t, err)
		assert.Equal(t, ProjectVersionStatusStopping, out.Status)
		assert.EqualValues(t, 2, ts.count.Load())
	})
}
