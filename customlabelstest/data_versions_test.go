package customlabelstest_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var projectVersionArnPattern = regexp.MustCompile(`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`)

func TestDemoDataDeterministicAndRegional(t *testing.T) {
	assert.Equal(t, customlabelstest.DemoData("us-east-1", 30, 3), customlabelstest.DemoData("us-east-1", 30, 3))
	assert.Equal(t, customlabelstest.DemoProjects(30, 3), customlabelstest.DemoData(customlabelstest.DefaultRegion, 30, 3).Projects,
		"DemoProjects is the default region's demo")
	eu := customlabelstest.DemoData("eu-west-1", 30, 3)
	for _, p := range eu.Projects {
		assert.Contains(t, p.ProjectArn, ":rekognition:eu-west-1:123456789012:project/")
	}
	for _, v := range eu.ProjectVersions {
		assert.Contains(t, v.ProjectVersionArn, ":rekognition:eu-west-1:123456789012:project/")
	}
	us := customlabelstest.DemoData("us-east-1", 30, 3)
	assert.NotEqual(t, arns(us.Projects)[0][len("arn:aws:rekognition:us-east-1"):], arns(eu.Projects)[0][len("arn:aws:rekognition:eu-west-1"):],
		"each region has projects of its own")
	assert.Empty(t, customlabelstest.DemoData("us-east-1", 0, 1).ProjectVersions)
}

func TestDemoProjectVersionsLookReal(t *testing.T) {
	for _, n := range []int{10, 20, 100} {
		d := customlabelstest.DemoData("us-west-2", n, int64(n))
		projects := map[string]customlabels.ProjectDescription{}
		for _, p := range d.Projects {
			projects[p.ProjectArn[:strings.LastIndex(p.ProjectArn, "/")]] = p
		}
		statuses := map[customlabels.ProjectVersionStatus]bool{}
		members := map[string]bool{}
		seen := map[string]bool{}
		for _, v := range d.ProjectVersions {
			assert.Regexp(t, projectVersionArnPattern, v.ProjectVersionArn)
			assert.False(t, seen[v.ProjectVersionArn], "duplicate %s", v.ProjectVersionArn)
			seen[v.ProjectVersionArn] = true
			key, _, _ := strings.Cut(v.ProjectVersionArn, "/version/")
			p, ok := projects[key]
			require.True(t, ok, "%s belongs to a demo project", v.ProjectVersionArn)
			assert.Equal(t, customlabels.ProjectStatusCreated, p.Status)
			assert.Equal(t, p.Feature, v.Feature)
			assert.True(t, v.CreationTimestamp.After(p.CreationTimestamp), "created after its project")
			assert.Equal(t, time.UTC, v.CreationTimestamp.Location())
			statuses[v.Status] = true
			switch v.Status {
			case customlabels.ProjectVersionStatusRunning:
				assert.GreaterOrEqual(t, v.MinInferenceUnits, int32(1))
				assert.LessOrEqual(t, v.MinInferenceUnits, int32(3))
				if v.MaxInferenceUnits != 0 {
					assert.Greater(t, v.MaxInferenceUnits, v.MinInferenceUnits)
				}
			case customlabels.ProjectVersionStatusTrainingInProgress:
				assert.Zero(t, v.TrainingEndTimestamp)
				assert.Zero(t, v.EvaluationResult)
				assert.Zero(t, v.MinInferenceUnits)
			case customlabels.ProjectVersionStatusTrainingCompleted:
				assert.Zero(t, v.MinInferenceUnits, "never started")
			}
			if v.Status != customlabels.ProjectVersionStatusTrainingInProgress {
				assert.True(t, v.TrainingEndTimestamp.After(v.CreationTimestamp))
			}
			for name, set := range map[string]bool{
				"StatusMessage": v.StatusMessage != "", "Billable": v.BillableTrainingTimeInSeconds > 0,
				"OutputConfig": v.OutputConfig.S3Bucket != "", "TrainingDataResult": len(v.TrainingDataResult.Validation.Assets) > 0,
				"TestingDataResult": len(v.TestingDataResult.Output.Assets) > 0, "AutoCreate": v.TestingDataResult.Input.AutoCreate,
				"F1Score": v.EvaluationResult.F1Score > 0, "ManifestSummary": v.ManifestSummary.S3Object.Name != "",
				"KmsKeyId": v.KmsKeyId != "", "MaxInferenceUnits": v.MaxInferenceUnits > 0,
				"SourceProjectVersionArn": v.SourceProjectVersionArn != "", "VersionDescription": v.VersionDescription != "",
				"BaseModelVersion": v.BaseModelVersion != "", "FeatureConfig": v.FeatureConfig.ContentModeration.ConfidenceThreshold > 0,
			} {
				members[name] = members[name] || set
			}
		}
		for _, st := range []customlabels.ProjectVersionStatus{
			customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusStopped,
			customlabels.ProjectVersionStatusTrainingCompleted, customlabels.ProjectVersionStatusTrainingInProgress,
			customlabels.ProjectVersionStatusTrainingFailed,
		} {
			assert.True(t, statuses[st], "n=%d: a model %s", n, st)
		}
		if n >= 20 {
			for name, set := range members {
				assert.True(t, set, "n=%d: some model has %s", n, name)
			}
		}
	}
}

func TestDemoDataServes(t *testing.T) {
	d := customlabelstest.DemoData("ap-south-1", 20, 1)
	srv := newServer(t, append(d.Options(), customlabelstest.WithRegion("ap-south-1"))...)
	got := srv.ProjectVersions()
	assert.Len(t, got, len(d.ProjectVersions))
}

func TestParseData(t *testing.T) {
	doc := `{
	  "ProjectDescriptions": [{"ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000", "CreationTimestamp": "2023-11-14T22:13:20+00:00", "Status": "CREATED"}],
	  "ProjectVersionDescriptions": [{
	    "ProjectVersionArn": "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/birds.2023-11-15T10.00.00/1700042400000",
	    "CreationTimestamp": "2023-11-15T10:00:00.123000+00:00",
	    "TrainingEndTimestamp": 1700046000.5,
	    "Status": "RUNNING", "StatusMessage": "The model is running.", "MinInferenceUnits": 1, "MaxInferenceUnits": 3,
	    "BillableTrainingTimeInSeconds": 3000,
	    "OutputConfig": {"S3Bucket": "b", "S3KeyPrefix": "p/"},
	    "TestingDataResult": {"Input": {"AutoCreate": true}},
	    "EvaluationResult": {"F1Score": 0.91},
	    "FeatureConfig": {"ContentModeration": {"ConfidenceThreshold": 60}},
	    "Unknown": {"x": 1}
	  }],
	  "NextToken": "ignored"
	}`
	d, err := customlabelstest.ParseData([]byte(doc))
	require.NoError(t, err)
	require.Len(t, d.Projects, 1)
	require.Len(t, d.ProjectVersions, 1)
	v := d.ProjectVersions[0]
	assert.Equal(t, time.Date(2023, 11, 15, 10, 0, 0, 123_000_000, time.UTC), v.CreationTimestamp)
	assert.Equal(t, time.Date(2023, 11, 15, 11, 0, 0, 500_000_000, time.UTC), v.TrainingEndTimestamp)
	assert.Equal(t, customlabels.ProjectVersionStatusRunning, v.Status)
	assert.Equal(t, int32(3), v.MaxInferenceUnits)
	assert.Equal(t, int64(3000), v.BillableTrainingTimeInSeconds)
	assert.True(t, v.TestingDataResult.Input.AutoCreate)
	assert.Equal(t, float32(0.91), v.EvaluationResult.F1Score)
	assert.Equal(t, float32(60), v.FeatureConfig.ContentModeration.ConfidenceThreshold)
	assert.Equal(t, "b", v.OutputConfig.S3Bucket)

	// The older formats still read.
	d, err = customlabelstest.ParseData([]byte(`[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/1"}]`))
	require.NoError(t, err)
	assert.Len(t, d.Projects, 1)
	d, err = customlabelstest.ParseData([]byte(`{"ProjectDescriptions":[]}`))
	require.NoError(t, err)
	assert.Empty(t, d.Projects)
	assert.Nil(t, d.ProjectVersions)

	// What it reads serves.
	d, err = customlabelstest.ParseData([]byte(doc))
	require.NoError(t, err)
	srv := newServer(t, d.Options()...)
	assert.Equal(t, d.ProjectVersions[0].ProjectVersionArn, srv.ProjectVersions()[0].ProjectVersionArn)
}

func TestParseDataErrors(t *testing.T) {
	const project = `{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/1"}`
	for doc, want := range map[string]string{
		`{}`:                                  `neither "ProjectDescriptions" nor "ProjectVersionDescriptions"`,
		`{"ProjectVersionDescriptions":[{}]}`: "ProjectVersionDescriptions[0].ProjectVersionArn: is required",
		`{"ProjectDescriptions":[` + project + `],"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/1"}]}`:                                           "is not of the form",
		`{"ProjectDescriptions":[` + project + `],"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/b/version/v/1"}]}`:                                 "belongs to no project of the file",
		`{"ProjectDescriptions":[` + project + `],"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/version/v/1","CreationTimestamp":"yesterday"}]}`: "CreationTimestamp",
		`{"ProjectVersionDescriptions":{}}`: "parse data",
		`{"ProjectDescriptions":[{}]}`:      "ProjectDescriptions[0].ProjectArn: is required",
	} {
		_, err := customlabelstest.ParseData([]byte(doc))
		require.Error(t, err, doc)
		assert.Contains(t, err.Error(), want, doc)
	}
}
