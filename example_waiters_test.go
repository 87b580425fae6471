package customlabels_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Start a model and wait until it runs, printing each poll. The fake's
// models start in ten minutes of its own clock; the example advances it.
func ExampleProjectVersionRunningWaiter_Wait() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(customlabels.ProjectDescription{
			ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1600000000000",
			Feature:    customlabels.CustomizationFeatureCustomLabels,
		}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1600000001000",
			Status:            customlabels.ProjectVersionStatusTrainingCompleted,
		}),
		customlabelstest.WithStartingTime(10*time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	versionArn := "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1600000001000"
	if _, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{
		ProjectVersionArn: versionArn, MinInferenceUnits: 1,
	}); err != nil {
		log.Fatal(err)
	}
	// A version ARN does not hold its project's ARN: look it up.
	in, err := customlabels.ProjectVersionInput(ctx, client, versionArn)
	if err != nil {
		log.Fatal(err)
	}
	w := customlabels.NewProjectVersionRunningWaiter(client, func(o *customlabels.ProjectVersionRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond // the defaults are 30 s to 120 s
		o.OnPoll = func(p customlabels.WaiterPoll) {
			fmt.Println("poll", p.Attempt, p.Versions[0].VersionName(), p.Versions[0].Status)
			srv.Advance(5 * time.Minute)
		}
	})
	if err := w.Wait(ctx, in, time.Hour); err != nil {
		log.Fatal(err)
	}
	fmt.Println("running")
	// Output:
	// poll 1 v1 STARTING
	// poll 2 v1 STARTING
	// poll 3 v1 RUNNING
	// running
}

// Wait for a model to finish training. Here the fake trains it in an hour
// of its own clock, and the example advances that clock; a failed
// training ends the wait at once with a *WaiterStateError.
func ExampleProjectVersionTrainingCompletedWaiter_Wait() {
	const versionArn = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v2/1600000002000"
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(customlabels.ProjectDescription{
			ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1600000000000",
			Feature:    customlabels.CustomizationFeatureCustomLabels,
		}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: versionArn,
			Status:            customlabels.ProjectVersionStatusTrainingInProgress,
		}),
		customlabelstest.WithTrainingTime(time.Hour))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	in, err := customlabels.ProjectVersionInput(ctx, client, versionArn)
	if err != nil {
		log.Fatal(err)
	}
	w := customlabels.NewProjectVersionTrainingCompletedWaiter(client, func(o *customlabels.ProjectVersionTrainingCompletedWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond // the defaults are 120 s
		o.OnPoll = func(p customlabels.WaiterPoll) {
			v := p.Versions[0]
			fmt.Println("poll", p.Attempt, v.ProjectName(), v.VersionName(), v.Status)
			srv.Advance(30 * time.Minute)
		}
	})
	out, err := w.WaitForOutput(ctx, in, 0) // 0: the official bound, 12 hours
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("trained:", out.ProjectVersionDescriptions[0].Status)
	// Output:
	// poll 1 shelf v2 TRAINING_IN_PROGRESS
	// poll 2 shelf v2 TRAINING_IN_PROGRESS
	// poll 3 shelf v2 TRAINING_COMPLETED
	// trained: TRAINING_COMPLETED
}
