package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

type modelsJSONOut struct {
	Models []struct {
		ProjectName, ProjectArn, VersionName, ProjectVersionArn, Feature, Status, StatusMessage string
		MinInferenceUnits, MaxInferenceUnits                                                    int32
		CreationTimestamp, TrainingEndTimestamp                                                 string
		BillableTrainingTimeInSeconds                                                           int64
		F1Score                                                                                 float32
	}
}

func decodeModels(t *testing.T, out string) modelsJSONOut {
	t.Helper()
	var v modelsJSONOut
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&v), "output:\n%s", out)
	return v
}

func TestModelsDemo(t *testing.T) {
	r := runArgs(t, "models", "--demo", "--region", "eu-west-1", "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	golden(t, "models-eu-west-1.json.golden", r.stdout)
	got := decodeModels(t, r.stdout)
	want := demoData("eu-west-1").ProjectVersions
	require.Len(t, got.Models, len(want), "every version of every project")
	var arns []string
	statuses := map[string]bool{}
	for _, m := range got.Models {
		arns = append(arns, m.ProjectVersionArn)
		statuses[m.Status] = true
		assert.True(t, strings.HasPrefix(m.ProjectVersionArn, strings.TrimSuffix(m.ProjectArn, m.ProjectArn[strings.LastIndex(m.ProjectArn, "/"):])+"/version/"+m.VersionName+"/"))
	}
	for _, v := range want {
		assert.Contains(t, arns, v.ProjectVersionArn)
	}
	for _, s := range []string{"RUNNING", "STARTING", "STOPPED", "TRAINING_COMPLETED", "TRAINING_IN_PROGRESS", "TRAINING_FAILED"} {
		assert.True(t, statuses[s], "the demo has a %s model", s)
	}

	r = runArgs(t, "models", "--demo", "--region", "eu-west-1")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "models-eu-west-1.table.golden", r.stdout)
}

func TestModelsFilters(t *testing.T) {
	all := demoData("us-east-1")
	var trainedProject string
	for _, v := range all.ProjectVersions {
		if v.Status == customlabels.ProjectVersionStatusRunning {
			trainedProject = v.ProjectName()
			break
		}
	}
	require.NotEmpty(t, trainedProject)

	r := runArgs(t, "models", "--demo", "--status", "running,STARTING", "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got := decodeModels(t, r.stdout)
	require.NotEmpty(t, got.Models)
	for _, m := range got.Models {
		assert.Contains(t, []string{"RUNNING", "STARTING"}, m.Status)
	}

	r = runArgs(t, "models", "--demo", "--project", trainedProject, "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got = decodeModels(t, r.stdout)
	var want []string
	for _, v := range all.ProjectVersions {
		if v.ProjectName() == trainedProject {
			want = append(want, v.ProjectVersionArn)
		}
	}
	var arns []string
	for _, m := range got.Models {
		assert.Equal(t, trainedProject, m.ProjectName)
		arns = append(arns, m.ProjectVersionArn)
	}
	slices.Sort(want)
	slices.Sort(arns)
	assert.Equal(t, want, arns)
}

func TestModelsUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown status", []string{"--status", "RUNNING,WALKING"}, `unknown status "WALKING": must be one of TRAINING_IN_PROGRESS`},
		{"unknown project", []string{"--project", "no-such-project"}, "--project no-such-project: no such project"},
		{"bad project name", []string{"--project", "bad name!"}, "usage error: --project: ProjectNames[0] must contain only"},
		{"positional", []string{"extra"}, `unexpected argument "extra"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"models", "--demo"}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}

func TestModelsAgainstEndpoint(t *testing.T) {
	srv := newFake(t, "us-west-2")
	awsEnv(t)
	args := []string{"models", "--endpoint-url", srv.URL, "--region", "us-west-2", "--output", "json"}
	r := runArgs(t, args...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Len(t, decodeModels(t, r.stdout).Models, len(demoData("us-west-2").ProjectVersions))

	// A failure on a later request fails the listing: no partial output.
	srv.InjectFault(customlabelstest.Latency(0))
	srv.InjectFault(customlabelstest.Latency(0))
	srv.InjectFaults(10, customlabelstest.Exception("AccessDeniedException", 0, "User is not authorized to perform: rekognition:DescribeProjectVersions"))
	r = runArgs(t, args...)
	assert.Equal(t, exitError, r.code)
	assert.Empty(t, r.stdout)
	assert.Regexp(t, `^error: AccessDeniedException \(request ID [0-9a-f-]+\): User is not authorized to perform: rekognition:DescribeProjectVersions\n$`, r.stderr)
}

// A value the service sent that the client refuses as input is not the
// person's mistake: exit 1, not a usage error.
func TestServiceValueTheClientRefuses(t *testing.T) {
	awsEnv(t)
	// The model's ProjectArn is at most 2048 characters; the name and the
	// timestamp are otherwise of the model's form.
	badArn := "arn:aws:rekognition:us-east-1:123456789012:project/birds/" + strings.Repeat("1", 2048)
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: badArn, Feature: customlabels.CustomizationFeatureCustomLabels}))
	t.Cleanup(srv.Close)
	for _, args := range [][]string{
		{"models"},
		{"stop", "birds/birds.v1"},
	} {
		r := runArgs(t, append(args, "--endpoint-url", srv.URL, "--region", "us-east-1")...)
		assert.Equal(t, exitError, r.code, "%v: stderr: %s", args, r.stderr)
		assert.Contains(t, r.stderr, `error: the service sent a project ARN ("`+badArn[:100]+`...") in DescribeProjects that the client refuses as input: `, "%v", args)
		assert.NotContains(t, r.stderr, "usage error", "%v", args)
		assert.Empty(t, r.stdout)
	}
}
