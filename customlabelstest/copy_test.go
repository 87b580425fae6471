package customlabelstest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// copyInput copies version src of project from into project to as name,
// writing to the results bucket under "copies".
func copyInput(from, src, to, name string) *customlabels.CopyProjectVersionInput {
	return &customlabels.CopyProjectVersionInput{
		SourceProjectArn: from, SourceProjectVersionArn: src, DestinationProjectArn: to, VersionName: name,
		OutputConfig: customlabels.OutputConfig{S3Bucket: resultsBucket, S3KeyPrefix: "copies"},
	}
}

func TestCopyOfATrainedModel(t *testing.T) {
	srv := trainingServer(t)
	putImages(srv, 0, 30)
	c, src, srcArn := runningTrained(t, srv,
		func(t *testing.T) []byte { return manifestBytes(t, classified(t, 0, 20, "cat", "dog")) },
		func(t *testing.T) []byte { return manifestBytes(t, classified(t, 20, 30, "cat", "dog")) })
	ctx := context.Background()
	dst := newProject(t, c, "production")
	in := copyInput(src, srcArn, dst, "prod-1")
	in.Tags = map[string]string{"stage": "prod"}
	out, err := c.CopyProjectVersion(ctx, in)
	require.NoError(t, err)
	a, err := customlabels.ParseARN(out.ProjectVersionArn)
	require.NoError(t, err)
	assert.Equal(t, "production", a.ProjectName)
	assert.Equal(t, "prod-1", a.VersionName)

	v := versionNamed(t, c, dst, "prod-1")
	assert.Equal(t, customlabels.ProjectVersionStatusCopyingInProgress, v.Status)
	assert.Equal(t, srcArn, v.SourceProjectVersionArn)
	srv.Advance(time.Minute)
	v = versionNamed(t, c, dst, "prod-1")
	require.Equal(t, customlabels.ProjectVersionStatusCopyingCompleted, v.Status, v.StatusMessage)
	source := versionNamed(t, c, src, "v1")
	assert.Equal(t, source.EvaluationResult.F1Score, v.EvaluationResult.F1Score)
	assert.Equal(t, customlabels.S3Object{Bucket: resultsBucket, Name: "copies/EvaluationResultSummary-production-prod-1.json"}, v.EvaluationResult.Summary.S3Object)
	assert.Zero(t, v.BillableTrainingTimeInSeconds, "a copy is not a training")
	assert.Equal(t, in.OutputConfig, v.OutputConfig)
	s := summaryOf(t, srv, v)
	assert.Equal(t, out.ProjectVersionArn, s.EvaluationDetails.ProjectVersionArn)
	assert.Equal(t, summaryOf(t, srv, source).LabelEvaluationResults, s.LabelEvaluationResults, "the source's evaluation")

	// The copy knows its data as its source does.
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: out.ProjectVersionArn, MinInferenceUnits: 1})
	require.NoError(t, err)
	got, err := c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: out.ProjectVersionArn, Image: customlabels.Image{Bytes: image(4)}})
	require.NoError(t, err)
	assert.Equal(t, []string{"cat"}, names(got.CustomLabels))

	// A copy can be copied; a copy with the same name cannot.
	_, err = c.CopyProjectVersion(ctx, copyInput(dst, out.ProjectVersionArn, dst, "prod-2"))
	assert.NoError(t, err, "a COPYING_COMPLETED (then RUNNING) version is copied")
	_, err = c.CopyProjectVersion(ctx, copyInput(src, srcArn, dst, "prod-1"))
	assert.Equal(t, "ResourceInUseException", errorCode(err), "%v", err)
}

func TestCopyOfASeededModelKeepsItsModel(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithCopyTime(0), customlabelstest.WithStartingTime(0)},
		customlabels.ProjectVersionStatusStopped)
	src := vs[customlabels.ProjectVersionStatusStopped]
	src.EvaluationResult = customlabels.EvaluationResult{F1Score: 0.9, Summary: customlabels.Summary{S3Object: customlabels.S3Object{Bucket: "old", Name: "summary.json"}}}
	srv.AddProjectVersions(src)
	srv.SetModel(src.ProjectVersionArn, customlabelstest.Model{Labels: []customlabels.CustomLabel{{Name: "seeded", Confidence: 90}}})
	srv.PutS3Object(resultsBucket, "README", "", []byte("results"))
	c := srv.Client()
	ctx := context.Background()
	out, err := c.CopyProjectVersion(ctx, copyInput(p.ProjectArn, src.ProjectVersionArn, p.ProjectArn, "copy"))
	require.NoError(t, err)
	v := versionNamed(t, c, p.ProjectArn, "copy")
	require.Equal(t, customlabels.ProjectVersionStatusCopyingCompleted, v.Status)
	assert.Equal(t, src.EvaluationResult, v.EvaluationResult, "a seeded source's evaluation is kept as it is")
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: out.ProjectVersionArn, MinInferenceUnits: 1})
	require.NoError(t, err)
	got, err := c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: out.ProjectVersionArn, Image: customlabels.Image{Bytes: jpegImage}})
	require.NoError(t, err)
	assert.Equal(t, []string{"seeded"}, names(got.CustomLabels))
}

func TestCopyRefusals(t *testing.T) {
	p := testProject("models")
	other := testProject("other")
	adapters := testProject("adapters")
	adapters.Feature = customlabels.CustomizationFeatureContentModeration
	foreign := testProject("foreign")
	foreign.ProjectArn = strings.Replace(foreign.ProjectArn, ":123456789012:", ":111122223333:", 1)
	t0 := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	trainedV := testVersion(p, "trained", t0, customlabels.ProjectVersionStatusTrainingCompleted)
	training := testVersion(p, "training", t0, customlabels.ProjectVersionStatusTrainingInProgress)
	failed := testVersion(p, "failed", t0, customlabels.ProjectVersionStatusTrainingFailed)
	adapter := testVersion(adapters, "adapter", t0, customlabels.ProjectVersionStatusTrainingCompleted)
	adapter.Feature = customlabels.CustomizationFeatureContentModeration
	foreignV := testVersion(foreign, "theirs", t0, customlabels.ProjectVersionStatusTrainingCompleted)
	srv := newServer(t, frozen(), customlabelstest.WithProjects(p, other, adapters, foreign),
		customlabelstest.WithProjectVersions(trainedV, training, failed, adapter, foreignV), customlabelstest.WithTrainingTime(time.Hour))
	srv.PutS3Object(resultsBucket, "README", "", []byte("results"))
	c := srv.Client(noRetry)
	ctx := context.Background()

	for _, tt := range []struct {
		name string
		in   *customlabels.CopyProjectVersionInput
		code string
		msg  string
	}{
		{"unknown source project", copyInput("arn:aws:rekognition:us-east-1:123456789012:project/nope/1", trainedV.ProjectVersionArn, other.ProjectArn, "c"),
			"ResourceNotFoundException", "nope"},
		{"unknown destination", copyInput(p.ProjectArn, trainedV.ProjectVersionArn, "arn:aws:rekognition:us-east-1:123456789012:project/nope/1", "c"),
			"ResourceNotFoundException", "nope"},
		{"unknown version", copyInput(p.ProjectArn, p.ProjectArn[:strings.LastIndex(p.ProjectArn, "/")]+"/version/nope/1", other.ProjectArn, "c"),
			"ResourceNotFoundException", "does not exist in the project"},
		{"a version of another project", copyInput(other.ProjectArn, trainedV.ProjectVersionArn, other.ProjectArn, "c"),
			"ResourceNotFoundException", "does not exist in the project"},
		{"an adapter", copyInput(adapters.ProjectArn, adapter.ProjectVersionArn, other.ProjectArn, "c"),
			"InvalidParameterException", "adapters"},
		{"into an adapter project", copyInput(p.ProjectArn, trainedV.ProjectVersionArn, adapters.ProjectArn, "c"),
			"InvalidParameterException", "adapters"},
		{"training", copyInput(p.ProjectArn, training.ProjectVersionArn, other.ProjectArn, "c"),
			"ResourceInUseException", "TRAINING_IN_PROGRESS"},
		{"training failed", copyInput(p.ProjectArn, failed.ProjectVersionArn, other.ProjectArn, "c"),
			"ResourceInUseException", "TRAINING_FAILED"},
		{"name taken", copyInput(p.ProjectArn, trainedV.ProjectVersionArn, p.ProjectArn, "trained"),
			"ResourceInUseException", "already has a version named trained"},
		{"from another account without a policy", copyInput(foreign.ProjectArn, foreignV.ProjectVersionArn, other.ProjectArn, "c"),
			"AccessDeniedException", "No project policy"},
		{"into another account", copyInput(p.ProjectArn, trainedV.ProjectVersionArn, foreign.ProjectArn, "c"),
			"AccessDeniedException", "of another account"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.CopyProjectVersion(ctx, tt.in)
			require.Error(t, err)
			assert.Equal(t, tt.code, errorCode(err), "%v", err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	assert.Len(t, srv.ProjectVersions(), 5, "nothing refused made a version")

	// The client refuses two Regions before sending; the fake refuses
	// what other clients send.
	res := call(t, srv, "CopyProjectVersion", jsonBody(t, map[string]any{
		"SourceProjectArn": p.ProjectArn, "SourceProjectVersionArn": trainedV.ProjectVersionArn,
		"DestinationProjectArn": strings.Replace(other.ProjectArn, "us-east-1", "eu-west-1", 1), "VersionName": "c",
		"OutputConfig": map[string]string{"S3Bucket": resultsBucket},
	}))
	require.Equal(t, http.StatusBadRequest, res.status, res.body)
	code, msg := modeledError(t, res)
	assert.Equal(t, "InvalidParameterException", code)
	assert.Contains(t, msg, "Region")
}

func TestCopyFailsWithoutItsOutputBucket(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithCopyTime(time.Minute)}, customlabels.ProjectVersionStatusTrainingCompleted)
	c := srv.Client()
	in := copyInput(p.ProjectArn, vs[customlabels.ProjectVersionStatusTrainingCompleted].ProjectVersionArn, p.ProjectArn, "c")
	in.OutputConfig.S3Bucket = "no-such-bucket"
	_, err := c.CopyProjectVersion(context.Background(), in)
	require.NoError(t, err)
	srv.Advance(time.Minute)
	v := versionNamed(t, c, p.ProjectArn, "c")
	assert.Equal(t, customlabels.ProjectVersionStatusCopyingFailed, v.Status)
	assert.Equal(t, "Unable to write to output S3 bucket.", v.StatusMessage)
	// A failed copy can be deleted, and is not copied.
	_, err = c.CopyProjectVersion(context.Background(), copyInput(p.ProjectArn, v.ProjectVersionArn, p.ProjectArn, "c2"))
	assert.Equal(t, "ResourceInUseException", errorCode(err))
	_, err = c.DeleteProjectVersion(context.Background(), &customlabels.DeleteProjectVersionInput{ProjectVersionArn: v.ProjectVersionArn})
	assert.NoError(t, err)
}

// A version added COPYING_IN_PROGRESS completes after the copy time, as
// one CopyProjectVersion made does.
func TestSeededCopyCompletes(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithCopyTime(time.Minute)}, customlabels.ProjectVersionStatusCopyingInProgress)
	v := vs[customlabels.ProjectVersionStatusCopyingInProgress]
	srv.Advance(time.Minute)
	got := described(t, srv, p, v)
	assert.Equal(t, "COPYING_COMPLETED", got.Status)
}
