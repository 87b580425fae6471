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

// Create a project and wait until it is CREATED. The fake creates
// projects in five seconds of its own clock, which the example advances
// at each poll.
func ExampleClient_CreateProject() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	out, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{
		ProjectName: "shelf-items",
		Tags:        map[string]string{"team": "vision"},
	})
	if err != nil {
		log.Fatal(err)
	}
	a, _ := customlabels.ParseARN(out.ProjectArn)
	fmt.Println("created", a.ProjectName, "in", a.Region)

	w := customlabels.NewProjectCreatedWaiter(client, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond // the defaults are 5 s to 120 s
		o.OnPoll = func(p customlabels.WaiterPoll) {
			fmt.Println("poll", p.Attempt, p.Projects[0].Status)
			srv.Advance(3 * time.Second)
		}
	})
	if err := w.Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{"shelf-items"}}, time.Minute); err != nil {
		log.Fatal(err)
	}

	// A second project of the same name is refused.
	_, err = client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "shelf-items"})
	var inUse *customlabels.ResourceInUseException
	fmt.Println("again:", errors.As(err, &inUse))
	// Output:
	// created shelf-items in us-east-1
	// poll 1 CREATING
	// poll 2 CREATING
	// poll 3 CREATED
	// again: true
}

// Delete an empty project and wait until it is gone. A project that
// still has versions or datasets is refused with a
// *ResourceInUseException: delete them first.
func ExampleClient_DeleteProject() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(10*time.Second))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	created, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "old-experiment"})
	if err != nil {
		log.Fatal(err)
	}
	out, err := client.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: created.ProjectArn})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("status", out.Status)

	w := customlabels.NewProjectDeletedWaiter(client, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(p customlabels.WaiterPoll) {
			fmt.Println("poll", p.Attempt, len(p.Projects), "listed")
			srv.Advance(10 * time.Second)
		}
	})
	if err := w.Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{"old-experiment"}}, time.Minute); err != nil {
		log.Fatal(err)
	}
	fmt.Println("gone")
	// Output:
	// status DELETING
	// poll 1 1 listed
	// poll 2 0 listed
	// gone
}
