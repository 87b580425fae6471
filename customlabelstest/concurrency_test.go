package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Many whole workflows at once on one server, with the clock advanced
// under them: each goroutine creates a project and its datasets, trains,
// starts and runs the model, copies it, then deletes everything, with the
// library's waiters. Run with -race: the fake's state and the client are
// shared by every goroutine.
func TestConcurrentWorkflows(t *testing.T) {
	srv := trainingServer(t, customlabelstest.WithDatasetTime(time.Second), customlabelstest.WithCopyTime(time.Second),
		customlabelstest.WithDeletingTime(time.Second), customlabelstest.WithTrainingTime(time.Second))
	c := srv.Client()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	putImages(srv, 0, 40)
	trainAsset := putManifest(srv, "train.manifest", manifestBytes(t, classified(t, 0, 30, "cereal", "soup", "tea")))
	testAsset := putManifest(srv, "test.manifest", manifestBytes(t, classified(t, 30, 40, "cereal", "soup", "tea")))

	// The clock moves on while the workflows run, as a test advancing it
	// from another goroutine would.
	done := make(chan struct{})
	ticker := sync.WaitGroup{}
	ticker.Add(1)
	go func() {
		defer ticker.Done()
		for {
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
				srv.Advance(200 * time.Millisecond)
			}
		}
	}()
	fast := func(o *customlabels.WaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond }

	const workflows = 16
	errs := make(chan error, workflows)
	var wg sync.WaitGroup
	for i := range workflows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- workflow(ctx, c, fmt.Sprintf("w%02d", i), trainAsset, testAsset, fast)
		}()
	}
	wg.Wait()
	close(done)
	ticker.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Empty(t, srv.Projects(), "every workflow cleaned up after itself")
}

// workflow runs one project from creation to deletion.
func workflow(ctx context.Context, c *customlabels.Client, name string, train, test customlabels.Asset, fast func(*customlabels.WaiterOptions)) error {
	step := func(what string, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %s: %w", name, what, err)
		}
		return nil
	}
	p, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: name})
	if err := step("create project", err); err != nil {
		return err
	}
	var datasets []string
	for typ, a := range map[customlabels.DatasetType]customlabels.Asset{customlabels.DatasetTypeTrain: train, customlabels.DatasetTypeTest: test} {
		d, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: p.ProjectArn, DatasetType: typ,
			DatasetSource: customlabels.DatasetSource{GroundTruthManifest: a.GroundTruthManifest}})
		if err := step("create dataset", err); err != nil {
			return err
		}
		datasets = append(datasets, d.DatasetArn)
	}
	if err := step("datasets created", customlabels.NewDatasetCreatedWaiter(c, fast).Wait(ctx, datasets, time.Minute)); err != nil {
		return err
	}
	in := trainingInput(p.ProjectArn, "v1", train, test)
	in.TrainingData, in.TestingData = customlabels.TrainingData{}, customlabels.TestingData{}
	v, err := c.CreateProjectVersion(ctx, in)
	if err := step("train", err); err != nil {
		return err
	}
	versions := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn, VersionNames: []string{"v1"}}
	if err := step("trained", customlabels.NewProjectVersionTrainingCompletedWaiter(c, fast).Wait(ctx, versions, time.Minute)); err != nil {
		return err
	}
	if _, err := c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: v.ProjectVersionArn, MinInferenceUnits: 1}); err != nil {
		return step("start", err)
	}
	if err := step("running", customlabels.NewProjectVersionRunningWaiter(c, fast).Wait(ctx, versions, time.Minute)); err != nil {
		return err
	}
	img := customlabels.Image{S3Object: customlabels.S3Object{Bucket: imagesBucket, Name: "img/001.jpg"}}
	if _, err := c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: v.ProjectVersionArn, Image: img}); err != nil {
		return step("detect", err)
	}
	cp, err := c.CopyProjectVersion(ctx, &customlabels.CopyProjectVersionInput{SourceProjectArn: p.ProjectArn,
		SourceProjectVersionArn: v.ProjectVersionArn, DestinationProjectArn: p.ProjectArn, VersionName: "v2",
		OutputConfig: in.OutputConfig})
	if err := step("copy", err); err != nil {
		return err
	}
	copies := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn, VersionNames: []string{"v2"}}
	if err := step("copied", customlabels.NewProjectVersionCopyCompletedWaiter(c, fast).Wait(ctx, copies, time.Minute)); err != nil {
		return err
	}
	if _, err := c.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: v.ProjectVersionArn}); err != nil {
		return step("stop", err)
	}
	for _, arn := range []string{v.ProjectVersionArn, cp.ProjectVersionArn} {
		for {
			_, err := c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: arn})
			var inUse *customlabels.ResourceInUseException
			if errors.As(err, &inUse) { // still stopping: try again
				time.Sleep(time.Millisecond)
				continue
			}
			if err := step("delete version", err); err != nil {
				return err
			}
			break
		}
	}
	both := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn, VersionNames: []string{"v1", "v2"}}
	if err := step("versions deleted", customlabels.NewProjectVersionDeletedWaiter(c, fast).Wait(ctx, both, time.Minute)); err != nil {
		return err
	}
	for _, d := range datasets {
		if _, err := c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: d}); err != nil {
			return step("delete dataset", err)
		}
	}
	if err := step("datasets deleted", customlabels.NewDatasetDeletedWaiter(c, fast).Wait(ctx, datasets, time.Minute)); err != nil {
		return err
	}
	if _, err := c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: p.ProjectArn}); err != nil {
		return step("delete project", err)
	}
	return step("project deleted", customlabels.NewProjectDeletedWaiter(c, fast).Wait(ctx,
		&customlabels.DescribeProjectsInput{ProjectNames: []string{name}}, time.Minute))
}
