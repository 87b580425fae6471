package customlabelstest_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// fullVersion sets every one of the 19 members of a version.
func fullVersion(p customlabels.ProjectDescription) customlabels.ProjectVersionDescription {
	s3 := func(name string) customlabels.S3Object {
		return customlabels.S3Object{Bucket: "bucket", Name: name, Version: "v" + name}
	}
	asset := func(name string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: s3(name)}}}
	}
	v := testVersion(p, "full", time.Date(2023, 11, 14, 22, 13, 20, 123_000_000, time.UTC), customlabels.ProjectVersionStatusRunning)
	v.MinInferenceUnits = 2
	v.StatusMessage = "The model is running."
	v.BillableTrainingTimeInSeconds = 3723
	v.TrainingEndTimestamp = time.Date(2023, 11, 15, 0, 0, 0, 500_000_000, time.UTC)
	v.OutputConfig = customlabels.OutputConfig{S3Bucket: "out", S3KeyPrefix: "p/"}
	v.TrainingDataResult = customlabels.TrainingDataResult{
		Input: customlabels.TrainingData{Assets: asset("ti")}, Output: customlabels.TrainingData{Assets: asset("to")},
		Validation: customlabels.ValidationData{Assets: asset("tv")},
	}
	v.TestingDataResult = customlabels.TestingDataResult{
		Input:      customlabels.TestingData{Assets: []customlabels.Asset{}, AutoCreate: true},
		Output:     customlabels.TestingData{Assets: asset("eo"), AutoCreate: true},
		Validation: customlabels.ValidationData{Assets: asset("ev")},
	}
	v.EvaluationResult = customlabels.EvaluationResult{F1Score: 0.932, Summary: customlabels.Summary{S3Object: s3("sum")}}
	v.ManifestSummary = customlabels.GroundTruthManifest{S3Object: s3("ms")}
	v.KmsKeyId = "key"
	v.MaxInferenceUnits = 4
	v.SourceProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/src/version/s/1"
	v.VersionDescription = "desc"
	v.Feature = customlabels.CustomizationFeatureCustomLabels
	v.BaseModelVersion = "7.0"
	v.FeatureConfig.ContentModeration.ConfidenceThreshold = 55.5
	return v
}

func TestProjectVersionWireFormat(t *testing.T) {
	p := testProject("wire")
	full := fullVersion(p)
	minimal := testVersion(p, "minimal", time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusTrainingCompleted)
	minimal.Feature = ""
	// Structures whose members are all zero are left out; an empty list
	// is kept.
	minimal.TestingDataResult.Input.Assets = []customlabels.Asset{}
	srv := newServer(t, frozen(), customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(full, minimal))

	res := call(t, srv, "DescribeProjectVersions", `{"ProjectArn":"`+p.ProjectArn+`"}`)
	require.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, "application/x-amz-json-1.1", res.header.Get("Content-Type"))
	assert.Regexp(t, uuidPattern, res.header.Get("X-Amzn-Requestid"))
	want := `{"ProjectVersionDescriptions":[` +
		`{"ProjectVersionArn":"` + full.ProjectVersionArn + `","CreationTimestamp":1.700000000123E9,"MinInferenceUnits":2,` +
		`"Status":"RUNNING","StatusMessage":"The model is running.","BillableTrainingTimeInSeconds":3723,"TrainingEndTimestamp":1.7000064005E9,` +
		`"OutputConfig":{"S3Bucket":"out","S3KeyPrefix":"p/"},` +
		`"TrainingDataResult":{"Input":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"bucket","Name":"ti","Version":"vti"}}}]},` +
		`"Output":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"bucket","Name":"to","Version":"vto"}}}]},` +
		`"Validation":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"bucket","Name":"tv","Version":"vtv"}}}]}},` +
		`"TestingDataResult":{"Input":{"Assets":[],"AutoCreate":true},` +
		`"Output":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"bucket","Name":"eo","Version":"veo"}}}],"AutoCreate":true},` +
		`"Validation":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"bucket","Name":"ev","Version":"vev"}}}]}},` +
		`"EvaluationResult":{"F1Score":0.932,"Summary":{"S3Object":{"Bucket":"bucket","Name":"sum","Version":"vsum"}}},` +
		`"ManifestSummary":{"S3Object":{"Bucket":"bucket","Name":"ms","Version":"vms"}},` +
		`"KmsKeyId":"key","MaxInferenceUnits":4,"SourceProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/src/version/s/1",` +
		`"VersionDescription":"desc","Feature":"CUSTOM_LABELS","BaseModelVersion":"7.0",` +
		`"FeatureConfig":{"ContentModeration":{"ConfidenceThreshold":55.5}}},` +
		`{"ProjectVersionArn":"` + minimal.ProjectVersionArn + `","CreationTimestamp":1.6725312E9,"Status":"TRAINING_COMPLETED",` +
		`"TestingDataResult":{"Input":{"Assets":[]}}}` +
		`]}`
	assert.JSONEq(t, want, res.body)
	assert.Equal(t, want, res.body, "exact bytes: member order and number forms")

	// Every member of the model's ProjectVersionDescription is written.
	var out struct{ ProjectVersionDescriptions []map[string]json.RawMessage }
	require.NoError(t, json.Unmarshal([]byte(res.body), &out))
	assert.Len(t, out.ProjectVersionDescriptions[0], 19)

	// What the server holds is what it was given.
	got := srv.ProjectVersions()
	require.Len(t, got, 2)
	assert.Equal(t, full, got[0])
}

func TestProjectVersionsSeeding(t *testing.T) {
	a, b := testProject("a"), testProject("b")
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	va := testVersion(a, "va", t0, customlabels.ProjectVersionStatusStopped)
	vb := testVersion(b, "vb", t0.Add(time.Hour), customlabels.ProjectVersionStatusStopped)
	srv := newServer(t, customlabelstest.WithProjects(a, b), customlabelstest.WithProjectVersions(va, vb))

	// The server keeps its own copies.
	got := srv.ProjectVersions()
	require.Len(t, got, 2)
	got[0].Status = "CHANGED"
	assert.Equal(t, customlabels.ProjectVersionStatusStopped, srv.ProjectVersions()[0].Status)

	// Replacing keeps one entry; a version without a timestamp gets the
	// server's time.
	va2 := va
	va2.StatusMessage = "replaced"
	noTime := testVersion(a, "now", time.Time{}, customlabels.ProjectVersionStatusStopped)
	noTime.ProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/a/version/now/1"
	noTime.CreationTimestamp = time.Time{}
	srv.AddProjectVersions(va2, noTime)
	page := describeVersions(t, srv, map[string]any{"ProjectArn": a.ProjectArn})
	require.Len(t, page.ProjectVersionDescriptions, 2)
	assert.Equal(t, noTime.ProjectVersionArn, page.ProjectVersionDescriptions[0].ProjectVersionArn, "now is the latest")
	assert.Equal(t, "replaced", page.ProjectVersionDescriptions[1].StatusMessage)

	assert.Equal(t, 1, srv.RemoveProjectVersions(noTime.ProjectVersionArn, noTime.ProjectVersionArn))

	// Removing a project removes its versions.
	require.Equal(t, 1, srv.RemoveProjects(b.ProjectArn))
	for _, v := range srv.ProjectVersions() {
		assert.NotEqual(t, vb.ProjectVersionArn, v.ProjectVersionArn)
	}
	srv.AddProjects(b)
	assert.Empty(t, describeVersions(t, srv, map[string]any{"ProjectArn": b.ProjectArn}).ProjectVersionDescriptions)

	assert.PanicsWithValue(t, `customlabelstest: AddProjectVersions: ProjectVersionArn "arn:aws:rekognition:us-east-1:123456789012:project/a/1" is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP`,
		func() {
			srv.AddProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: a.ProjectArn[:len(a.ProjectArn)-13] + "1"})
		})
	assert.Panics(t, func() {
		srv.AddProjectVersions(testVersion(testProject("absent"), "v", t0, customlabels.ProjectVersionStatusStopped))
	}, "a version of a project the server does not have")
}

func TestNewOperationsShareFaultsThrottleAndLog(t *testing.T) {
	srv, p, vs := modelServer(t, nil, customlabels.ProjectVersionStatusStopped)
	v := vs[customlabels.ProjectVersionStatusStopped]

	// Faults apply to any operation.
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
	res := start(t, srv, v.ProjectVersionArn, 1, 0)
	assert.Equal(t, http.StatusInternalServerError, res.status)
	code, _ := modeledError(t, res)
	assert.Equal(t, "ThrottlingException", code)
	srv.InjectFault(customlabelstest.Exception("ResourceNotFoundException", 0, ""))
	res = call(t, srv, "DescribeProjectVersions", `{"ProjectArn":"`+p.ProjectArn+`"}`)
	assert.Equal(t, http.StatusBadRequest, res.status, "the status AWS documents")
	code, msg := modeledError(t, res)
	assert.Equal(t, "ResourceNotFoundException", code)
	assert.Equal(t, "The specified resource cannot be found", msg)
	srv.InjectFault(customlabelstest.ProxyError(503))
	assert.Equal(t, http.StatusServiceUnavailable, stop(t, srv, v.ProjectVersionArn).status)

	// Signatures are checked for every operation.
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/", nil)
	require.NoError(t, err)
	req.Header.Set("X-Amz-Target", "RekognitionService.StopProjectVersion")
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	res = do(t, srv, req)
	typ, _ := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.service#MissingAuthenticationTokenException", typ)

	// The request log records each operation.
	srv.ResetRequests()
	start(t, srv, v.ProjectVersionArn, 1, 0)
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "RekognitionService.StartProjectVersion", reqs[0].Target)
	assert.Equal(t, http.StatusOK, reqs[0].Status)
	assert.Contains(t, string(reqs[0].Body), v.ProjectVersionArn)
	assert.Equal(t, customlabels.DescribeProjectsInput{}, reqs[0].Input, "Input is decoded for DescribeProjects only")

	// The throttle counts every operation.
	srv.SetThrottleRPS(0.001) // a burst of one
	assert.Equal(t, http.StatusOK, call(t, srv, "DescribeProjectVersions", `{"ProjectArn":"`+p.ProjectArn+`"}`).status)
	res = stop(t, srv, v.ProjectVersionArn)
	assert.Equal(t, http.StatusInternalServerError, res.status)
	code, _ = modeledError(t, res)
	assert.Equal(t, "ThrottlingException", code)
}

// Our client reads back exactly what the server holds, for every member
// of every demo version.
func TestClientReadsEveryVersionMember(t *testing.T) {
	d := customlabelstest.DemoData(customlabelstest.DefaultRegion, 20, 2)
	p := testProject("full")
	full := fullVersion(p)
	d.Projects = append(d.Projects, p)
	d.ProjectVersions = append(d.ProjectVersions, full)
	srv := newServer(t, d.Options()...)
	client := srv.Client()
	want := map[string]customlabels.ProjectVersionDescription{}
	for _, v := range srv.ProjectVersions() {
		want[v.ProjectVersionArn] = v
	}
	seen := 0
	for _, p := range d.Projects {
		out, err := client.DescribeProjectVersions(t.Context(), &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn})
		require.NoError(t, err, "DescribeProjectVersions(%s)", p.ProjectArn)
		for _, got := range out.ProjectVersionDescriptions {
			assert.Equal(t, want[got.ProjectVersionArn], got)
			seen++
		}
	}
	assert.Equal(t, len(want), seen)
}
