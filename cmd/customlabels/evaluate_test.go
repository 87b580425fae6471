package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// demoVersion returns the demo version arn of region.
func demoVersion(t *testing.T, region, arn string) customlabels.ProjectVersionDescription {
	t.Helper()
	for _, v := range demoData(region).ProjectVersions {
		if v.ProjectVersionArn == arn {
			return v
		}
	}
	t.Fatalf("no demo version %s", arn)
	return customlabels.ProjectVersionDescription{}
}

// putSummary puts summary where DescribeProjectVersions says the
// evaluation summary of arn is.
func putSummary(t *testing.T, srv *customlabelstest.Server, region, arn, summary string) customlabels.S3Object {
	t.Helper()
	o := demoVersion(t, region, arn).EvaluationResult.Summary.S3Object
	require.NotEmpty(t, o.Name)
	srv.PutS3Object(o.Bucket, o.Name, "", []byte(summary))
	return o
}

const baseSummary = `{
  "Version": 1,
  "EvaluationDetails": {"ProjectVersionArn": "x", "EvaluationEndTimestamp": "2024-06-20T12:41:07.502118",
    "Labels": ["apple", "pear"], "NumberOfTrainingImages": 400, "NumberOfTestingImages": 100},
  "AggregatedEvaluationResults": {"Metrics": {"F1Score": 0.88, "Precision": 0.9, "Recall": 0.861}},
  "LabelEvaluationResults": [
    {"Label": "apple", "NumberOfTestingImages": 60, "Metrics": {"Threshold": 0.62, "F1Score": 0.91, "Precision": 0.93, "Recall": 0.89}},
    {"Label": "pear", "NumberOfTestingImages": 40, "Metrics": {"Threshold": 0.035, "F1Score": 0.84, "Precision": 0.86, "Recall": 0.82}}
  ]
}`

const candidateSummary = `{
  "Version": 1,
  "EvaluationDetails": {"ProjectVersionArn": "y", "EvaluationEndTimestamp": "2024-07-01T08:00:00",
    "Labels": ["apple", "quince"], "NumberOfTrainingImages": 500, "NumberOfTestingImages": 120},
  "AggregatedEvaluationResults": {"F1Score": 0.9, "Precision": 0.92, "Recall": 0.881},
  "LabelEvaluationResults": [
    {"Label": "quince", "NumberOfTestingImages": 50, "Metrics": {"Threshold": 0.5, "F1Score": 0.95, "Precision": 0.96, "Recall": 0.94}},
    {"Label": "apple", "NumberOfTestingImages": 70, "Metrics": {"Threshold": 0.6, "F1Score": 0.93, "Precision": 0.94, "Recall": 0.92}}
  ]
}`

func TestEvaluate(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	base := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)
	candidate := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	o := putSummary(t, srv, "us-east-1", base, baseSummary)
	putSummary(t, srv, "us-east-1", candidate, candidateSummary)
	at := []string{"--endpoint-url", srv.URL}

	r := runArgs(t, append([]string{"evaluate", base}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, versionName(base)+`: F1 score 0.880, precision 0.900, recall 0.861
trained on 400 images, tested on 100

LABEL  F1     PRECISION  RECALL  THRESHOLD  TEST IMAGES
apple  0.910  0.930      0.890   0.620      60
pear   0.840  0.860      0.820   0.035      40
`, r.stdout)
	assert.Empty(t, r.stderr)

	r = runArgs(t, append([]string{"evaluate", base, "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.JSONEq(t, `{
		"ProjectVersionArn": "`+base+`",
		"Summary": "s3://`+o.Bucket+`/`+o.Name+`",
		"EvaluationEndTimestamp": "2024-06-20T12:41:07.502118+00:00",
		"NumberOfTrainingImages": 400, "NumberOfTestingImages": 100,
		"F1Score": 0.88, "Precision": 0.9, "Recall": 0.861,
		"Labels": [
			{"Label": "apple", "F1Score": 0.91, "Precision": 0.93, "Recall": 0.89, "Threshold": 0.62, "NumberOfTestingImages": 60},
			{"Label": "pear", "F1Score": 0.84, "Precision": 0.86, "Recall": 0.82, "Threshold": 0.035, "NumberOfTestingImages": 40}
		]}`, r.stdout)

	t.Run("--compare", func(t *testing.T) {
		// PROJECT/VERSION names the base, in the Region of --region.
		a, err := customlabels.ParseARN(base)
		require.NoError(t, err)
		r := runArgs(t, append([]string{"evaluate", a.ProjectName + "/" + a.VersionName, "--region", "us-east-1", "--compare", candidate}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "base      "+versionName(base)+" (tested on 100 images)\ncandidate "+versionName(candidate)+` (tested on 120 images)

METRIC     BASE   CANDIDATE  CHANGE
F1 score   0.880  0.900      +0.020
precision  0.900  0.920      +0.020
recall     0.861  0.881      +0.020

LABEL   F1 BASE  F1 CANDIDATE  CHANGE  PRECISION    RECALL       THRESHOLD    TEST IMAGES
apple   0.910    0.930         +0.020  0.930→0.940  0.890→0.920  0.620→0.600  60→70
pear    0.840    -             -       0.860→-      0.820→-      0.035→-      40→-
quince  -        0.950         -       -→0.960      -→0.940      -→0.500      -→50
`, r.stdout)

		r = runArgs(t, append([]string{"evaluate", base, "--compare", candidate, "--output", "json"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		var got struct {
			Base, Candidate struct{ ProjectVersionArn string }
			F1Score         changeJSON
			Labels          []labelChange
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		assert.Equal(t, base, got.Base.ProjectVersionArn)
		assert.Equal(t, candidate, got.Candidate.ProjectVersionArn)
		assert.Equal(t, changeJSON{Base: 0.88, Candidate: 0.9, Change: 0.02}, got.F1Score)
		require.Len(t, got.Labels, 3)
		assert.Equal(t, labelChange{Label: "pear", InBase: true, F1Score: changeJSON{0.84, 0, -0.84}, Precision: changeJSON{0.86, 0, -0.86},
			Recall: changeJSON{0.82, 0, -0.82}, Threshold: changeJSON{0.035, 0, -0.035}, BaseTestingImages: 40}, got.Labels[1])
	})
}

func TestEvaluateFailures(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	at := []string{"--endpoint-url", srv.URL}
	trained := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusTrainingCompleted)

	t.Run("no summary in S3", func(t *testing.T) {
		o := demoVersion(t, "us-east-1", trained).EvaluationResult.Summary.S3Object
		r := runArgs(t, append([]string{"evaluate", trained}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: read s3://`+o.Bucket+`/`+o.Name+`: NoSuch(Key|Bucket) \(request ID [0-9A-F]+\): `, r.stderr)
		assert.Empty(t, r.stdout)
	})

	t.Run("not a summary", func(t *testing.T) {
		o := putSummary(t, srv, "us-east-1", trained, "<html><body>502 Bad Gateway</body></html>")
		r := runArgs(t, append([]string{"evaluate", trained}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "error: the evaluation summary s3://"+o.Bucket+"/"+o.Name+": evaluation: summary: ")
		assert.Empty(t, r.stdout)

		putSummary(t, srv, "us-east-1", trained, baseSummary[:200])
		r = runArgs(t, append([]string{"evaluate", trained}, at...)...)
		assert.Equal(t, exitError, r.code, "cut short")
		assert.Contains(t, r.stderr, "error: the evaluation summary s3://")
	})

	t.Run("S3 stalls in the middle of the summary", func(t *testing.T) {
		withIdleTimeout(t, 200*time.Millisecond)
		o := putSummary(t, srv, "us-east-1", trained, baseSummary)
		proxy := stallingProxy(t, srv.URL, func(r *http.Request) bool { return r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, o.Name) })
		start := time.Now()
		r := runArgs(t, "evaluate", trained, "--endpoint-url", proxy)
		assert.Equal(t, exitError, r.code)
		assert.Equal(t, "error: the evaluation summary s3://"+o.Bucket+"/"+o.Name+": evaluation: summary: reading: S3 made no progress for 200ms: given up\n", r.stderr)
		assert.Less(t, time.Since(start), 10*time.Second)
	})

	for _, status := range []customlabels.ProjectVersionStatus{customlabels.ProjectVersionStatusTrainingInProgress, customlabels.ProjectVersionStatusTrainingFailed} {
		t.Run(string(status), func(t *testing.T) {
			arn := demoModel(t, "us-east-1", status)
			r := runArgs(t, append([]string{"evaluate", arn}, at...)...)
			assert.Equal(t, exitError, r.code)
			assert.Equal(t, "error: MODEL "+versionName(arn)+" has no evaluation summary: it is "+string(status)+" (training writes one when it completes)\n", r.stderr)
		})
	}

	t.Run("usage errors send nothing", func(t *testing.T) {
		srv.ResetRequests()
		for _, tt := range []struct {
			args []string
			want string
		}{
			{nil, "missing MODEL"},
			{[]string{trained, trained}, "evaluate takes one MODEL"},
			{[]string{"nameonly"}, `invalid MODEL "nameonly"`},
			{[]string{trained, "--compare", "arn:aws:rekognition:eu-west-1:123456789012:project/p/version/v/1"}, "--region us-east-1, but --compare is in eu-west-1"},
			{[]string{trained, "--region", "eu-west-1"}, "--region eu-west-1, but MODEL is in us-east-1"},
		} {
			r := runArgs(t, append(append([]string{"evaluate"}, tt.args...), at...)...)
			assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
			assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
		}
		assert.Empty(t, srv.Requests())
	})
}

func TestEvaluateDemo(t *testing.T) {
	running := demoModel(t, "us-east-1", customlabels.ProjectVersionStatusRunning)
	r := runArgs(t, "evaluate", "--demo", running)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "evaluate-demo.table.golden", r.stdout)
	v := demoVersion(t, "us-east-1", running)
	assert.Contains(t, r.stdout, "F1 score "+metric(float64(v.EvaluationResult.F1Score))+",", "the F1 score DescribeProjectVersions gives")
	for _, l := range demoLabels(v) {
		assert.Contains(t, r.stdout, "\n"+l+" ", "the labels the demo model finds")
	}
}
