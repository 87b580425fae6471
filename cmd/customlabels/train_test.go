package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// trainFake starts a fake whose projects, datasets and trainings take
// milliseconds, and uploads, with manifest build, a training and a test
// dataset of images of labels to s3://shelf-images/train and
// s3://shelf-images/test.
func trainFake(t *testing.T, labels []string, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	srv := newFake(t, "us-east-1", append([]customlabelstest.Option{customlabelstest.WithProjectTime(0), customlabelstest.WithDatasetTime(20 * time.Millisecond),
		customlabelstest.WithTrainingTime(50 * time.Millisecond), customlabelstest.WithDeletingTime(10 * time.Millisecond)}, opts...)...)
	for _, set := range []struct {
		name string
		n    int
	}{{"train", 6}, {"test", 2}} {
		dir := imageFolder(t, set.n, labels...)
		r := runWith(t, "", nil, "manifest", "build", dir, "--bucket", "s3://shelf-images/"+set.name, "--upload", "--create-bucket", "--endpoint-url", srv.URL, "--region", "us-east-1")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	}
	r := runArgs(t, "create-project", "shelf", "--endpoint-url", srv.URL, "--region", "us-east-1")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	return srv
}

func decodeTrain(t *testing.T, out string) trainJSON {
	t.Helper()
	var v trainJSON
	require.NoError(t, json.Unmarshal([]byte(out), &v), "output:\n%s", out)
	return v
}

const (
	trainManifest = "s3://shelf-images/train/dataset.manifest"
	testManifest  = "s3://shelf-images/test/dataset.manifest"
)

func TestTrainCreatesDatasetsAndWaits(t *testing.T) {
	awsEnv(t)
	srv := trainFake(t, []string{"defect", "ok"})
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1", "--poll-interval", "5ms"}

	r := runArgs(t, append([]string{"train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
		"--train", trainManifest, "--test", testManifest, "--tag", "stage=dev", "--description", "first try", "--wait"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	tables := strings.Split(r.stdout, "\n\n")
	require.Len(t, tables, 2, r.stdout)
	assert.Equal(t, "DATASET  STATUS           IMAGES  LABELED  LABELS  ERRORS\nTRAIN    CREATE_COMPLETE  12      12       2       0\nTEST     CREATE_COMPLETE  4       4        2       0", tables[0])
	header, rows := tableRows(t, tables[1])
	assert.Equal(t, []string{"VERSION", "STATUS", "F1", "TRAINING", "MESSAGE"}, header)
	require.Len(t, rows, 1)
	assert.Equal(t, []string{"v1", "TRAINING_COMPLETED"}, rows[0][:2])

	p := fakeProject(t, srv, "shelf")
	require.Len(t, p.Datasets, 2, "the datasets were created")
	v := versionByName(t, srv, "shelf", "v1")
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status)
	assert.Equal(t, "first try", v.VersionDescription)
	assert.Equal(t, metric(float64(v.EvaluationResult.F1Score)), rows[0][2])

	t.Run("evaluate reads what training wrote", func(t *testing.T) {
		r := runArgs(t, "evaluate", "shelf/v1", "--endpoint-url", srv.URL, "--region", "us-east-1")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Contains(t, r.stdout, "v1: F1 score "+metric(float64(v.EvaluationResult.F1Score)))
		assert.Contains(t, r.stdout, "\ndefect ")
		assert.Contains(t, r.stdout, "\nok ")
	})

	t.Run("again, on the datasets it has", func(t *testing.T) {
		r := runArgs(t, append([]string{"train", p.ProjectArn, "--version", "v2", "--output-config", "s3://shelf-images/output", "--output", "json"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		got := decodeTrain(t, r.stdout)
		assert.Equal(t, "TRAINING_IN_PROGRESS", got.Status)
		assert.Empty(t, got.Datasets, "no dataset created")
		assert.Equal(t, versionByName(t, srv, "shelf", "v2").ProjectVersionArn, got.ProjectVersionArn)
	})

	t.Run("--train for a project with datasets: a usage error", func(t *testing.T) {
		r := runArgs(t, append([]string{"train", "shelf", "--version", "v3", "--output-config", "s3://shelf-images/output", "--train", trainManifest, "--split"}, at...)...)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "project shelf has datasets (TRAIN, TEST): train trains on them")
	})
}

// versionByName returns the version name of project on srv.
func versionByName(t *testing.T, srv *customlabelstest.Server, project, name string) customlabels.ProjectVersionDescription {
	t.Helper()
	for _, v := range srv.ProjectVersions() {
		if v.ProjectName() == project && v.VersionName() == name {
			return v
		}
	}
	t.Fatalf("no version %s of %s", name, project)
	return customlabels.ProjectVersionDescription{}
}

func TestTrainSplit(t *testing.T) {
	awsEnv(t)
	srv := trainFake(t, []string{"defect", "ok"})
	r := runArgs(t, "train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output", "--train", trainManifest, "--split",
		"--wait", "--output", "json", "--endpoint-url", srv.URL, "--region", "us-east-1", "--poll-interval", "5ms")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got := decodeTrain(t, r.stdout)
	require.Len(t, got.Datasets, 2)
	train, test := got.Datasets[0], got.Datasets[1]
	assert.Equal(t, "UPDATE_COMPLETE", train.Status)
	assert.Equal(t, int32(12), train.TotalEntries+test.TotalEntries, "the images are split between the two")
	assert.Positive(t, test.TotalEntries)
	assert.Equal(t, "TRAINING_COMPLETED", got.Status)
	assert.Positive(t, got.F1Score)
	assert.True(t, strings.HasPrefix(got.EvaluationSummary, "s3://shelf-images/output/"), got.EvaluationSummary)
	assert.Len(t, got.ValidationManifests, 2)
}

func TestTrainFails(t *testing.T) {
	awsEnv(t)
	srv := trainFake(t, []string{"only"})
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1", "--poll-interval", "5ms"}

	r := runArgs(t, append([]string{"train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
		"--train", trainManifest, "--test", testManifest, "--wait"}, at...)...)
	assert.Equal(t, exitError, r.code)
	v := versionByName(t, srv, "shelf", "v1")
	require.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, v.Status)
	assert.Equal(t, "error: training v1 ended TRAINING_FAILED: "+v.StatusMessage+"\n", r.stderr)
	assert.Contains(t, r.stdout, "v1       TRAINING_FAILED  -   -         "+v.StatusMessage)
	assert.Contains(t, r.stdout, "\nmanifest summary: s3://shelf-images/output/")
	assert.Contains(t, r.stdout, "\nvalidation manifest: s3://shelf-images/output/")
}

func TestTrainDatasetFails(t *testing.T) {
	awsEnv(t)
	srv := trainFake(t, []string{"defect", "ok"})
	r := runArgs(t, "train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
		"--train", "s3://shelf-images/train/missing.manifest", "--test", testManifest, "--endpoint-url", srv.URL, "--region", "us-east-1", "--poll-interval", "5ms")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "error: ")
	assert.Contains(t, r.stderr, "CREATE_FAILED")
	assert.Contains(t, r.stderr, "check the manifest with\n  customlabels manifest check s3://shelf-images/train/missing.manifest --endpoint-url "+srv.URL+"\n")
	assert.Empty(t, r.stdout)
	for _, v := range srv.ProjectVersions() {
		assert.NotEqual(t, "shelf", v.ProjectName(), "no training began")
	}
}

func TestTrainUsageErrors(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	ok := []string{"--version", "v1", "--output-config", "s3://b-1/out"}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{ok, "missing PROJECT"},
		{[]string{"shelf", "--output-config", "s3://b-1/out"}, "missing --version"},
		{[]string{"shelf", "--version", "v1"}, "missing --output-config"},
		{append([]string{"shelf", "x"}, ok...), "train takes one PROJECT"},
		{append([]string{"shelf", "--train", trainManifest}, ok...), "--train needs --test MANIFEST, or --split"},
		{append([]string{"shelf", "--test", testManifest}, ok...), "--test and --split need --train MANIFEST"},
		{append([]string{"shelf", "--split"}, ok...), "--test and --split need --train MANIFEST"},
		{append([]string{"shelf", "--train", trainManifest, "--test", testManifest, "--split"}, ok...), "--test and --split cannot be combined"},
		{append([]string{"shelf", "--train", "s3://shelf-images/", "--split"}, ok...), "must be s3://BUCKET/KEY"},
		{append([]string{"shelf", "--train", "train.manifest", "--split"}, ok...), `invalid --train "train.manifest"`},
		{[]string{"shelf", "--version", "v/1", "--output-config", "s3://b-1"}, `invalid --version "v/1"`},
		{[]string{"shelf", "--version", "v1", "--output-config", "s3://b"}, "the bucket name must be 3 to 255 characters"},
		{append([]string{"shelf", "--tag", "x"}, ok...), "must be KEY=VALUE"},
		{append([]string{"shelf", "--poll-interval", "0s"}, ok...), "invalid --poll-interval 0s"},
	} {
		r := runArgs(t, append(append([]string{"train"}, tt.args...), "--endpoint-url", srv.URL, "--region", "us-east-1")...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")

	// Found once the project is known.
	r := runArgs(t, "train", "shelf-finder-1", "--version", "v1", "--output-config", "s3://b-1/out", "--endpoint-url", srv.URL, "--region", "us-east-1")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "project shelf-finder-1 has no datasets: give --train MANIFEST with --test MANIFEST or --split")
	r = runArgs(t, "train", "no-such-project", "--version", "v1", "--output-config", "s3://b-1/out", "--endpoint-url", srv.URL, "--region", "us-east-1")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "PROJECT no-such-project: no project of that name in us-east-1")
}

func TestTrainWaitInterrupted(t *testing.T) {
	awsEnv(t)
	srv := trainFake(t, []string{"defect", "ok"}, customlabelstest.WithTrainingTime(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
			"--train", trainManifest, "--test", testManifest, "--wait", "--poll-interval", "5ms", "--endpoint-url", srv.URL, "--region", "us-east-1")
	}()
	require.Eventually(t, func() bool {
		created := false
		for _, req := range srv.Requests() {
			switch req.Target {
			case "RekognitionService.CreateProjectVersion":
				created = true
			case "RekognitionService.DescribeProjectVersions":
				if created {
					return true
				}
			}
		}
		return false
	}, 10*time.Second, 5*time.Millisecond, "training began, and train polls it")
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		v := versionByName(t, srv, "shelf", "v1")
		assert.Equal(t, "interrupted\nv1 is still training, and bills for its time until it ends. Wait for it with\n  customlabels wait trained "+
			v.ProjectVersionArn+" --endpoint-url "+srv.URL+"\n", r.stderr)
		assert.Empty(t, r.stdout)
	case <-time.After(10 * time.Second):
		t.Fatal("train --wait did not return after its context was cancelled")
	}
}

func TestTrainDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo trains for 10 s; not with -short")
	}
	r := runArgs(t, "train", "--demo", "shelf-finder-1", "--version", "v2", "--output-config", "s3://"+demoBucket+"/output",
		"--train", "s3://"+demoBucket+"/train.manifest", "--test", "s3://"+demoBucket+"/test.manifest", "--wait")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "TRAIN    CREATE_COMPLETE  20      20       2       0\nTEST     CREATE_COMPLETE  8       8        2       0\n")
	assert.Contains(t, r.stdout, "\nv2       TRAINING_COMPLETED  ")
}

func TestTrainShowsProgress(t *testing.T) {
	awsEnv(t)
	srv := trainFake(t, []string{"defect", "ok"}, customlabelstest.WithTrainingTime(300*time.Millisecond))
	r := runWith(t, "", func(e *env) { e.progress = true }, "train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
		"--train", trainManifest, "--test", testManifest, "--wait", "--poll-interval", "20ms", "--endpoint-url", srv.URL, "--region", "us-east-1")
	require.Equal(t, exitOK, r.code, "stderr: %q", r.stderr)
	assert.Regexp(t, `\r\x1b\[Kcreating datasets: TRAIN CREATE_IN_PROGRESS, TEST CREATE_IN_PROGRESS \(poll 1\), \d+s elapsed`, r.stderr)
	assert.Regexp(t, `\r\x1b\[Ktraining v1: TRAINING_IN_PROGRESS \(poll 1\), 0s elapsed`, r.stderr)
	assert.Regexp(t, `\r\x1b\[Ktraining v1: TRAINING_COMPLETED \(poll \d+\), \d+s elapsed`, r.stderr)
	assert.True(t, strings.HasSuffix(r.stderr, "\r\x1b[K"), "the progress line is erased at the end: %q", r.stderr)
	assert.Contains(t, r.stdout, "TRAINING_COMPLETED")
}
