package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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

// callOp posts in to operation op of the fake at url, signed with the
// default credentials, as any AWS client does, and returns the status and
// the body as sent.
func callOp(t *testing.T, url, op string, in any) (int, string) {
	t.Helper()
	body, err := json.Marshal(in)
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, url+"/", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService."+op)
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: customlabelstest.DefaultAccessKeyID, SecretAccessKey: customlabelstest.DefaultSecretAccessKey}
	require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "rekognition", "us-east-1", time.Now()))
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// modelStatus returns the status of version v of project p as the fake
// at url describes it.
func modelStatus(t *testing.T, url string, p customlabels.ProjectDescription, v customlabels.ProjectVersionDescription) string {
	t.Helper()
	status, body := callOp(t, url, "DescribeProjectVersions", map[string]any{"ProjectArn": p.ProjectArn})
	require.Equal(t, http.StatusOK, status, body)
	var out struct {
		ProjectVersionDescriptions []struct{ ProjectVersionArn, Status string }
	}
	require.NoError(t, json.Unmarshal([]byte(body), &out))
	for _, got := range out.ProjectVersionDescriptions {
		if got.ProjectVersionArn == v.ProjectVersionArn {
			return got.Status
		}
	}
	t.Fatalf("%s not listed", v.ProjectVersionArn)
	return ""
}

// demoModel returns a demo Custom Labels model in status and its project.
func demoModel(t *testing.T, d customlabelstest.Data, status customlabels.ProjectVersionStatus) (customlabels.ProjectDescription, customlabels.ProjectVersionDescription) {
	t.Helper()
	for _, v := range d.ProjectVersions {
		if v.Status != status || v.Feature != customlabels.CustomizationFeatureCustomLabels {
			continue
		}
		key, _, _ := strings.Cut(v.ProjectVersionArn, "/version/")
		for _, p := range d.Projects {
			if strings.HasPrefix(p.ProjectArn, key+"/") {
				return p, v
			}
		}
	}
	t.Fatalf("no demo model %s", status)
	return customlabels.ProjectDescription{}, customlabels.ProjectVersionDescription{}
}

func TestCommandRunsModelsInstantly(t *testing.T) {
	p := start(t, "--projects", "10", "--training-time", "0", "--starting-time", "0", "--stopping-time", "0s", "--copy-time", "0", "--quiet")
	d := customlabelstest.DemoData("us-east-1", 10, 1)

	proj, model := demoModel(t, d, customlabels.ProjectVersionStatusTrainingCompleted)
	status, body := callOp(t, p.url, "StartProjectVersion", map[string]any{"ProjectVersionArn": model.ProjectVersionArn, "MinInferenceUnits": 1})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, `{"Status":"STARTING"}`, body)
	assert.Equal(t, "RUNNING", modelStatus(t, p.url, proj, model), "--starting-time 0 is instant")
	status, body = callOp(t, p.url, "StopProjectVersion", map[string]any{"ProjectVersionArn": model.ProjectVersionArn})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "STOPPED", modelStatus(t, p.url, proj, model), "--stopping-time 0 is instant")

	proj, model = demoModel(t, d, customlabels.ProjectVersionStatusTrainingInProgress)
	assert.Equal(t, "TRAINING_COMPLETED", modelStatus(t, p.url, proj, model), "--training-time 0 is instant")

	// A copy, to a bucket of the fake's S3.
	status, body = ctlCall(t, p.url, http.MethodPost, "s3objects", `{"Bucket":"results","Name":"README","Bytes":"cmVzdWx0cw=="}`)
	require.Equal(t, http.StatusOK, status, body)
	status, body = callOp(t, p.url, "CopyProjectVersion", map[string]any{"SourceProjectArn": proj.ProjectArn,
		"SourceProjectVersionArn": model.ProjectVersionArn, "DestinationProjectArn": proj.ProjectArn, "VersionName": "copy",
		"OutputConfig": map[string]string{"S3Bucket": "results"}})
	require.Equal(t, http.StatusOK, status, body)
	copied := customlabels.ProjectVersionDescription{ProjectVersionArn: strings.TrimSuffix(strings.TrimPrefix(body, `{"ProjectVersionArn":"`), `"}`)}
	assert.Equal(t, "COPYING_COMPLETED", modelStatus(t, p.url, proj, copied), "--copy-time 0 is instant")

	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	assert.Contains(t, p.stderr.String(), "10 projects, 9 models, region us-east-1")
	assert.Contains(t, p.stderr.String(), "models train in 0s, copy in 0s, start in 0s, stop in 0s; stop with Ctrl-C")
}

func TestCommandModelsTakeTheirTimeAndLimit(t *testing.T) {
	// A model that is STARTING for an hour is still STARTING right after.
	p := start(t, "--projects", "10", "--starting-time", "1h", "--inference-units-limit", "3")
	d := customlabelstest.DemoData("us-east-1", 10, 1)
	proj, model := demoModel(t, d, customlabels.ProjectVersionStatusStopped)
	status, body := callOp(t, p.url, "StartProjectVersion", map[string]any{"ProjectVersionArn": model.ProjectVersionArn, "MinInferenceUnits": 1})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "STARTING", modelStatus(t, p.url, proj, model))

	// The demo's RUNNING model uses 1 unit and the one starting 1: 2 more
	// are over the limit of 3.
	_, other := demoModel(t, d, customlabels.ProjectVersionStatusTrainingCompleted)
	status, body = callOp(t, p.url, "StartProjectVersion", map[string]any{"ProjectVersionArn": other.ProjectVersionArn, "MinInferenceUnits": 2})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, `"__type":"LimitExceededException"`)

	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	stderr := p.stderr.String()
	assert.Contains(t, stderr, "start in 1h0m0s, stop in 30s, at most 3 inference units; stop with Ctrl-C")
	assert.Contains(t, stderr, `POST / "RekognitionService.StartProjectVersion" status=400 error=LimitExceededException`)
}

func TestCommandServesModelsOfTheDataFile(t *testing.T) {
	data := filepath.Join(t.TempDir(), "account.json")
	require.NoError(t, os.WriteFile(data, []byte(`{
		"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/snap/1700000000123","Status":"CREATED"}],
		"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/snap/version/v1/1700000000456",
			"CreationTimestamp":"2023-11-14T22:13:20.456000+00:00","Status":"RUNNING","MinInferenceUnits":2}]}`), 0o600))
	p := start(t, "--data", data, "--quiet")
	status, body := callOp(t, p.url, "DescribeProjectVersions", map[string]any{"ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/snap/1700000000123"})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, `{"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/snap/version/v1/1700000000456","CreationTimestamp":1.700000000456E9,"MinInferenceUnits":2,"Status":"RUNNING"}]}`, body)
	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
	assert.Contains(t, p.stderr.String(), "1 projects, 1 models")
}

func TestHelpListsTheModelFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run(context.Background(), []string{"--help"}, &stdout, &stderr))
	for _, flag := range []string{"-training-time", "-starting-time", "-stopping-time", "-copy-time", "-inference-units-limit", "StartProjectVersion"} {
		assert.Contains(t, stderr.String(), flag)
	}
}
