package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// shelfFake starts a fake with one project, shelf, and versions of it in
// the statuses given, named after them in lower case ("running"), each a
// minute newer than the one before; the models' transitions take a few
// milliseconds.
func shelfFake(t *testing.T, statuses ...customlabels.ProjectVersionStatus) (*customlabelstest.Server, customlabels.ProjectDescription) {
	t.Helper()
	return shelfFakeWith(t, nil, statuses...)
}

// shelfFakeWith is shelfFake, with more options for the fake.
func shelfFakeWith(t *testing.T, opts []customlabelstest.Option, statuses ...customlabels.ProjectVersionStatus) (*customlabelstest.Server, customlabels.ProjectDescription) {
	t.Helper()
	base := time.Now().Add(-time.Hour).Truncate(time.Millisecond).UTC()
	project := customlabels.ProjectDescription{
		ProjectArn:        fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/shelf/%d", base.UnixMilli()),
		CreationTimestamp: base, Status: customlabels.ProjectStatusCreated, Feature: customlabels.CustomizationFeatureCustomLabels,
	}
	var versions []customlabels.ProjectVersionDescription
	for i, st := range statuses {
		created := base.Add(time.Duration(i+1) * time.Minute)
		name := strings.ToLower(strings.ReplaceAll(string(st), "_", "-"))
		v := customlabels.ProjectVersionDescription{
			ProjectVersionArn: fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/%s/%d", name, created.UnixMilli()),
			CreationTimestamp: created, Status: st, Feature: customlabels.CustomizationFeatureCustomLabels,
		}
		if st == customlabels.ProjectVersionStatusRunning {
			v.MinInferenceUnits = 1
		}
		versions = append(versions, v)
	}
	srv := newFake(t, "us-east-1", append([]customlabelstest.Option{customlabelstest.WithProjects(project), customlabelstest.WithProjectVersions(versions...),
		customlabelstest.WithStoppingTime(20 * time.Millisecond), customlabelstest.WithDeletingTime(20 * time.Millisecond),
		customlabelstest.WithTrainingTime(50 * time.Millisecond), customlabelstest.WithCopyTime(50 * time.Millisecond),
		customlabelstest.WithProjectTime(0), customlabelstest.WithS3Object("shelf-results", "README", "", []byte("results"))}, opts...)...)
	return srv, project
}

// shelfVersion returns the ARN of the version of shelf named name.
func shelfVersion(t *testing.T, srv *customlabelstest.Server, name string) string {
	t.Helper()
	for _, v := range srv.ProjectVersions() {
		if v.ProjectName() == "shelf" && v.VersionName() == name {
			return v.ProjectVersionArn
		}
	}
	t.Fatalf("no version %s of shelf", name)
	return ""
}

// shelfVersions returns the names of the versions of shelf on srv.
func shelfVersions(srv *customlabelstest.Server) []string {
	var names []string
	for _, v := range srv.ProjectVersions() {
		if v.ProjectName() == "shelf" {
			names = append(names, v.VersionName())
		}
	}
	return names
}

func TestDeleteProject(t *testing.T) {
	awsEnv(t)
	// The training lasts long enough to be in progress at the last run,
	// which waits it out.
	srv, project := shelfFakeWith(t, []customlabelstest.Option{customlabelstest.WithTrainingTime(2 * time.Second)},
		customlabels.ProjectVersionStatusTrainingCompleted, customlabels.ProjectVersionStatusRunning,
		customlabels.ProjectVersionStatusTrainingInProgress, customlabels.ProjectVersionStatusStopped)
	at := []string{"--endpoint-url", srv.URL, "--poll-interval", "5ms"}
	client := srv.Client()
	version := shelfVersion(t, srv, "stopped")
	doc, err := customlabels.CopyPolicyDocument(version, "111122223333")
	require.NoError(t, err)
	_, err = client.PutProjectPolicy(context.Background(), &customlabels.PutProjectPolicyInput{ProjectArn: project.ProjectArn, PolicyName: "share", PolicyDocument: doc})
	require.NoError(t, err)
	srv.ResetRequests()

	t.Run("no --yes and no terminal: a usage error, nothing sent", func(t *testing.T) {
		r := runArgs(t, append([]string{"delete-project", project.ProjectArn}, at...)...)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "usage error: delete-project deletes: pass --yes to carry out the plan it prints, or --dry-run to only print it")
		assert.Empty(t, srv.Requests())
	})

	t.Run("a running model blocks the plan", func(t *testing.T) {
		for _, flag := range []string{"--dry-run", "--yes"} {
			r := runArgs(t, append([]string{"delete-project", project.ProjectArn, flag}, at...)...)
			assert.Equal(t, exitError, r.code, flag)
			assert.Contains(t, r.stdout, "Plan for project shelf:\n")
			assert.Contains(t, r.stdout, "blocked: running is RUNNING, 1 inference unit: pass --stop-running to stop it first\n")
			assert.Equal(t, "error: the plan is blocked: running is RUNNING, 1 inference unit: pass --stop-running to stop it first; nothing was changed\n", r.stderr)
		}
		for _, req := range srv.Requests() {
			assert.Contains(t, []string{"RekognitionService.DescribeProjects", "RekognitionService.DescribeProjectVersions", "RekognitionService.ListProjectPolicies"},
				req.Target, "only reads")
		}
	})

	t.Run("--dry-run --stop-running prints the plan", func(t *testing.T) {
		r := runArgs(t, append([]string{"delete-project", "shelf", "--region", "us-east-1", "--dry-run", "--stop-running"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, `Plan for project shelf:
STEP  ACTION              NAME                  STATUS
1     stop model          running               RUNNING, 1 inference unit
2     wait until it ends  training-in-progress  TRAINING_IN_PROGRESS
3     delete model        stopped               STOPPED
4     delete model        training-in-progress  TRAINING_IN_PROGRESS
5     delete model        running               RUNNING, 1 inference unit
6     delete model        training-completed    TRAINING_COMPLETED
7     delete policy       share                 allows 111122223333
8     delete project      shelf                 CREATED
Dry run: nothing was changed.
`, r.stdout)
		assert.Len(t, shelfVersions(srv), 4)
	})

	r := runArgs(t, append([]string{"delete-project", project.ProjectArn, "--yes", "--stop-running"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.True(t, strings.HasSuffix(r.stdout, "Done: 8 steps carried out.\n"), r.stdout)
	assert.Empty(t, r.stderr)
	assert.Empty(t, shelfVersions(srv))
	for _, p := range srv.Projects() {
		assert.NotEqual(t, "shelf", p.Name(), "the project is gone")
	}
	// The calls that changed something, in order.
	var changes []string
	for _, req := range srv.Requests() {
		switch op := strings.TrimPrefix(req.Target, "RekognitionService."); op {
		case "StopProjectVersion", "DeleteProjectVersion", "DeleteProjectPolicy", "DeleteProject":
			changes = append(changes, op)
		}
	}
	assert.Equal(t, []string{"StopProjectVersion", "DeleteProjectVersion", "DeleteProjectVersion", "DeleteProjectVersion", "DeleteProjectVersion",
		"DeleteProjectPolicy", "DeleteProject"}, changes)
}

func TestDeleteProjectJSONAndPrompt(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFake(t, customlabels.ProjectVersionStatusTrainingCompleted)
	at := []string{"--endpoint-url", srv.URL, "--poll-interval", "5ms"}

	interactive := func(e *env) { e.interactive = true }
	r := runWith(t, "n\n", interactive, append([]string{"delete-project", project.ProjectArn}, at...)...)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stdout, "1     delete model    training-completed")
	assert.Contains(t, r.stderr, "Carry out these 2 steps? Type yes to confirm: ")
	assert.Contains(t, r.stderr, "error: not confirmed: nothing was changed\n")
	assert.Len(t, shelfVersions(srv), 1)

	trained := shelfVersion(t, srv, "training-completed")
	r = runWith(t, "yes\n", interactive, append([]string{"delete-project", project.ProjectArn, "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stderr, "Plan for project shelf:\n", "the plan, before the prompt")
	var got planJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	want := planJSON{ProjectArn: project.ProjectArn, Blocked: []string{}, Done: true, Steps: []stepJSON{
		{Action: "delete model", Resource: trained, Name: "training-completed", Status: "TRAINING_COMPLETED", Done: true},
		{Action: "delete project", Resource: project.ProjectArn, Name: "shelf", Status: "CREATED", Done: true},
	}}
	assert.Equal(t, want, got)
}

func TestDeleteProjectFailsMidway(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFake(t, customlabels.ProjectVersionStatusTrainingCompleted, customlabels.ProjectVersionStatusStopped)
	// DescribeProjects, DescribeProjectVersions and ListProjectPolicies
	// make the plan; the first deletion is refused.
	srv.InjectFaults(3, customlabelstest.Latency(0))
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 400, "User is not authorized to perform: rekognition:DeleteProjectVersion"))
	r := runArgs(t, "delete-project", project.ProjectArn, "--yes", "--output", "json", "--endpoint-url", srv.URL, "--poll-interval", "5ms")
	assert.Equal(t, exitError, r.code)
	assert.Regexp(t, `^error: step 1, delete model stopped: AccessDeniedException \(request ID [0-9a-f-]+\): User is not authorized`, r.stderr)
	assert.Contains(t, r.stderr, "\n0 of 3 steps were carried out; the plan stopped there\n")
	var got planJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "the JSON is printed, with what was done")
	assert.False(t, got.Done)
	assert.Len(t, got.Steps, 3)
	assert.Len(t, shelfVersions(srv), 2)
}

func TestDeleteModel(t *testing.T) {
	awsEnv(t)
	srv, _ := shelfFake(t, customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusStopped)
	at := []string{"--endpoint-url", srv.URL, "--poll-interval", "5ms", "--region", "us-east-1"}

	r := runArgs(t, append([]string{"delete", "shelf/running", "--yes"}, at...)...)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "pass --stop-running to stop it first; nothing was changed")
	assert.Len(t, shelfVersions(srv), 2)

	r = runArgs(t, append([]string{"delete", "shelf/running", "--yes", "--stop-running"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "1     stop model    running  RUNNING, 1 inference unit\n2     delete model  running  RUNNING, 1 inference unit\n")
	assert.Equal(t, []string{"stopped"}, shelfVersions(srv))

	// A model in training is waited out, then deleted.
	srv, _ = shelfFakeWith(t, []customlabelstest.Option{customlabelstest.WithTrainingTime(time.Second)}, customlabels.ProjectVersionStatusTrainingInProgress)
	r = runArgs(t, "delete", "shelf/training-in-progress", "--yes", "--endpoint-url", srv.URL, "--poll-interval", "5ms", "--region", "us-east-1")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "1     wait until it ends  training-in-progress  TRAINING_IN_PROGRESS\n")
	assert.Empty(t, shelfVersions(srv))

	r = runArgs(t, append([]string{"delete", "shelf/gone", "--yes"}, at...)...)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "project shelf has no version gone")
}

func TestCleanup(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFake(t, customlabels.ProjectVersionStatusTrainingCompleted, customlabels.ProjectVersionStatusStopped,
		customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusTrainingFailed, customlabels.ProjectVersionStatusCopyingCompleted)
	at := []string{"--endpoint-url", srv.URL, "--poll-interval", "5ms"}

	r := runArgs(t, append([]string{"cleanup", project.ProjectArn, "--keep", "1", "--dry-run"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, `Plan for project shelf:
STEP  ACTION        NAME                STATUS
1     delete model  training-failed     TRAINING_FAILED
2     delete model  stopped             STOPPED
3     delete model  training-completed  TRAINING_COMPLETED
keep copying-completed (COPYING_COMPLETED, one of the newest 1)
keep running (RUNNING, running)
Dry run: nothing was changed.
`, r.stdout)

	r = runArgs(t, append([]string{"cleanup", project.ProjectArn, "--keep", "1", "--yes"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.ElementsMatch(t, []string{"running", "copying-completed"}, shelfVersions(srv))

	r = runArgs(t, append([]string{"cleanup", project.ProjectArn, "--keep", "1", "--yes"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "  nothing to do\n")
	assert.True(t, strings.HasSuffix(r.stdout, "Nothing to do.\n"))
}

func TestDestroyUsageErrorsSendNothing(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFake(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"delete", "--yes"}, "missing MODEL"},
		{[]string{"delete", project.ProjectArn, "--yes"}, "not a model's ARN"},
		{[]string{"delete-project", "--yes"}, "missing PROJECT"},
		{[]string{"delete-project", "a", "b", "--yes"}, "delete-project takes one PROJECT"},
		{[]string{"delete-project", project.ProjectArn, "--yes", "--dry-run"}, "--yes and --dry-run cannot be combined"},
		{[]string{"delete-project", project.ProjectArn, "--yes", "--max-wait", "-1s"}, "invalid --max-wait -1s"},
		{[]string{"cleanup", project.ProjectArn, "--yes"}, "missing --keep N"},
		{[]string{"cleanup", project.ProjectArn, "--keep", "-1", "--yes"}, "invalid --keep -1"},
		{[]string{"cleanup", project.ProjectArn, "--keep", "1", "--stop-running", "--yes"}, "flag provided but not defined: -stop-running"},
		{[]string{"cleanup", project.ProjectArn, "--keep", "1"}, "cleanup deletes: pass --yes"},
	} {
		r := runArgs(t, append(tt.args, "--endpoint-url", srv.URL)...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
		assert.Empty(t, r.stdout)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")
}

func TestDeleteProjectInterrupted(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFakeWith(t, []customlabelstest.Option{customlabelstest.WithStoppingTime(time.Hour)}, customlabels.ProjectVersionStatusRunning)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "delete-project", project.ProjectArn, "--yes", "--stop-running", "--endpoint-url", srv.URL, "--poll-interval", "5ms")
	}()
	require.Eventually(t, func() bool {
		for _, v := range srv.ProjectVersions() {
			if v.Status == customlabels.ProjectVersionStatusStopping {
				return true
			}
		}
		return false
	}, 10*time.Second, 5*time.Millisecond, "the model is being stopped")
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
	case <-time.After(10 * time.Second):
		t.Fatal("delete-project did not return after its context was cancelled")
	}
}

func TestDeleteProjectWithDatasets(t *testing.T) {
	awsEnv(t)
	at := datasetsFake(t)
	r := runArgs(t, append([]string{"delete-project", "shelf", "--yes", "--poll-interval", "5ms"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	// v1 may still be training, and be waited for.
	assert.Regexp(t, `\n\d     delete dataset +TRAIN  CREATE_COMPLETE\n\d     delete dataset +TEST   CREATE_COMPLETE\n\d     delete project +shelf  CREATED\n`, r.stdout)
	assert.Regexp(t, `\nDone: [45] steps carried out.\n$`, r.stdout)
	r = runArgs(t, append([]string{"projects", "--project-name", "shelf"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	_, rows := tableRows(t, r.stdout)
	assert.Empty(t, rows, "the project is gone")
}

func TestDeleteProjectWaitsForADatasetInProgress(t *testing.T) {
	awsEnv(t)
	srv, project := shelfFakeWith(t, []customlabelstest.Option{customlabelstest.WithDatasetTime(300 * time.Millisecond)})
	_, err := srv.Client().CreateDataset(context.Background(), &customlabels.CreateDatasetInput{ProjectArn: project.ProjectArn, DatasetType: customlabels.DatasetTypeTest})
	require.NoError(t, err)
	r := runArgs(t, "delete-project", project.ProjectArn, "--yes", "--poll-interval", "5ms", "--endpoint-url", srv.URL)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "1     wait, then delete dataset  TEST   CREATE_IN_PROGRESS\n")
	for _, p := range srv.Projects() {
		assert.NotEqual(t, "shelf", p.Name(), "the project is gone")
	}
}
