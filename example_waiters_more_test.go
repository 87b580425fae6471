package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// fastWaits makes a waiter poll every millisecond and move srv's clock on
// by step after each poll, printing what the poll saw.
func fastWaits(srv *customlabelstest.Server, step time.Duration) func(*customlabels.WaiterOptions) {
	return func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(p customlabels.WaiterPoll) {
			for _, pr := range p.Projects {
				fmt.Println("poll", p.Attempt, pr.Name(), pr.Status)
			}
			for _, v := range p.Versions {
				fmt.Println("poll", p.Attempt, v.VersionName(), v.Status)
			}
			if len(p.Projects)+len(p.Versions) == 0 {
				fmt.Println("poll", p.Attempt, "none listed")
			}
			srv.Advance(step)
		}
	}
}

// Wait until a new project is CREATED. Without Features, the waiter looks
// among Custom Moderation adapters too.
func ExampleProjectCreatedWaiter_Wait() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(5 * time.Second))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	if _, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "shelf"}); err != nil {
		log.Fatal(err)
	}
	err := customlabels.NewProjectCreatedWaiter(client, fastWaits(srv, 5*time.Second)).
		Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{"shelf"}}, time.Minute)
	fmt.Println(err)
	// Output:
	// poll 1 shelf CREATING
	// poll 2 shelf CREATED
	// <nil>
}

// Wait until a deleted project is gone. A project that is not being
// deleted ends the wait at once with a *WaiterStateError.
func ExampleProjectDeletedWaiter_Wait() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(10*time.Second))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	p, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "old"})
	if err != nil {
		log.Fatal(err)
	}
	names := &customlabels.DescribeProjectsInput{ProjectNames: []string{"old"}}
	err = customlabels.NewProjectDeletedWaiter(client, fastWaits(srv, 0)).Wait(ctx, names, time.Minute)
	var notDeleting *customlabels.WaiterStateError
	fmt.Println(errors.As(err, &notDeleting))

	if _, err := client.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: p.ProjectArn}); err != nil {
		log.Fatal(err)
	}
	err = customlabels.NewProjectDeletedWaiter(client, fastWaits(srv, 10*time.Second)).Wait(ctx, names, time.Minute)
	fmt.Println(err)
	// Output:
	// poll 1 old CREATED
	// true
	// poll 1 old DELETING
	// poll 2 none listed
	// <nil>
}

// versionServer serves project "shelf" with one version, v1, in status.
func versionServer(status customlabels.ProjectVersionStatus, opts ...customlabelstest.Option) (*customlabelstest.Server, *customlabels.DescribeProjectVersionsInput, string) {
	const project = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1600000000000"
	const version = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1600000001000"
	srv := customlabelstest.NewServer(append([]customlabelstest.Option{
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: project}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: version, Status: status}),
	}, opts...)...)
	return srv, &customlabels.DescribeProjectVersionsInput{ProjectArn: project, VersionNames: []string{"v1"}}, version
}

// Wait for a copy made by CopyProjectVersion. The fake copies in a
// minute of its clock here; a failed copy ends the wait at once.
func ExampleProjectVersionCopyCompletedWaiter_Wait() {
	srv, in, _ := versionServer(customlabels.ProjectVersionStatusCopyingInProgress, customlabelstest.WithCopyTime(time.Minute))
	defer srv.Close()
	err := customlabels.NewProjectVersionCopyCompletedWaiter(srv.Client(), fastWaits(srv, time.Minute)).
		Wait(context.Background(), in, time.Hour)
	fmt.Println(err)
	// Output:
	// poll 1 v1 COPYING_IN_PROGRESS
	// poll 2 v1 COPYING_COMPLETED
	// <nil>
}

// Delete a model and wait until it is gone.
func ExampleProjectVersionDeletedWaiter_Wait() {
	srv, in, arn := versionServer(customlabels.ProjectVersionStatusStopped, customlabelstest.WithDeletingTime(10*time.Second))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	if _, err := client.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: arn}); err != nil {
		log.Fatal(err)
	}
	err := customlabels.NewProjectVersionDeletedWaiter(client, fastWaits(srv, 10*time.Second)).Wait(ctx, in, time.Hour)
	fmt.Println(err)
	// Output:
	// poll 1 v1 DELETING
	// poll 2 none listed
	// <nil>
}

// Options returns the client's options as New resolved them: what a
// second client, or one call's optFns, starts from.
func ExampleClient_Options() {
	client := customlabels.New(customlabels.Options{Region: "eu-west-1"})
	o := client.Options()
	fmt.Println(o.Region, o.RetryMaxAttempts)
	// Output:
	// eu-west-1 0
}

// Wait until deleted datasets are gone: DescribeDataset then answers
// ResourceNotFoundException, which the waiter takes as done.
func ExampleDatasetDeletedWaiter_Wait() {
	srv, train := exampleServer(exampleManifest(3, "cereal"), customlabelstest.WithDeletingTime(10*time.Second))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	if _, err := client.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: train}); err != nil {
		log.Fatal(err)
	}
	err := customlabels.NewDatasetDeletedWaiter(client, fastPolls(srv, 10*time.Second)).Wait(ctx, []string{train}, time.Hour)
	fmt.Println(err)
	// Output:
	// poll 1 DELETE_IN_PROGRESS
	// poll 2 gone
	// <nil>
}
