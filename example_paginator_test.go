package customlabels_test

import (
	"context"
	"fmt"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// exampleClient starts a fake Rekognition holding n projects named
// project-00000, project-00001, ... and returns a client for it.
func exampleClient(n int) (client *customlabels.Client, stop func()) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(makeProjects(n)...))
	return srv.Client(), srv.Close
}

func ExampleNewDescribeProjectsPaginator() {
	client, stop := exampleClient(23)
	defer stop()
	ctx := context.Background()

	p := customlabels.NewDescribeProjectsPaginator(client, nil, func(o *customlabels.DescribeProjectsPaginatorOptions) {
		o.Limit = 10 // MaxResults of every request
	})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(len(out.ProjectDescriptions), "projects")
	}
	// Output:
	// 10 projects
	// 10 projects
	// 3 projects
}

func ExampleDescribeProjectsPaginator_Pages() {
	client, stop := exampleClient(23)
	defer stop()
	ctx := context.Background()

	params := &customlabels.DescribeProjectsInput{MaxResults: 10}
	for page, err := range customlabels.NewDescribeProjectsPaginator(client, params).Pages(ctx) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		first := page.ProjectDescriptions[0]
		fmt.Printf("%d projects from %s\n", len(page.ProjectDescriptions), projectName(first.ProjectArn))
	}
	// Output:
	// 10 projects from project-00000
	// 10 projects from project-00010
	// 3 projects from project-00020
}

func ExampleDescribeProjectsPaginator_All() {
	client, stop := exampleClient(250)
	defer stop()
	ctx := context.Background()

	since := time.Date(2020, 9, 13, 13, 0, 0, 0, time.UTC)
	p := customlabels.NewDescribeProjectsPaginator(client, &customlabels.DescribeProjectsInput{MaxResults: 10})
	for project, err := range p.All(ctx) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		if project.CreationTimestamp.After(since) {
			fmt.Println("first project after 13:00:", projectName(project.ProjectArn), project.CreationTimestamp)
			break // pages 5 to 25 are never requested
		}
	}
	// Output:
	// first project after 13:00: project-00034 2020-09-13 13:00:40.123456789 +0000 UTC
}

func ExampleDescribeProjectsPaginator_ResumeToken() {
	client, stop := exampleClient(25)
	defer stop()
	ctx := context.Background()

	// Take at most 8 projects now, in pages of 5 ...
	p := customlabels.NewDescribeProjectsPaginator(client, nil, func(o *customlabels.DescribeProjectsPaginatorOptions) {
		o.Limit = 5
		o.MaxItems = 8
	})
	var now []string
	for project, err := range p.All(ctx) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		now = append(now, projectName(project.ProjectArn))
	}
	token := p.ResumeToken() // a string: keep it, use it in another process

	// ... and the rest later, right after the last one taken (mid-page).
	var later []string
	rest := customlabels.AllProjects(ctx, client, nil, func(o *customlabels.DescribeProjectsPaginatorOptions) {
		o.Limit = 5
		o.StartingToken = token
	})
	for project, err := range rest {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		later = append(later, projectName(project.ProjectArn))
	}
	fmt.Println("now:  ", len(now), now[0], "to", now[len(now)-1])
	fmt.Println("later:", len(later), later[0], "to", later[len(later)-1])
	// Output:
	// now:   8 project-00000 to project-00007
	// later: 17 project-00008 to project-00024
}

func ExampleAllProjects() {
	client, stop := exampleClient(120)
	defer stop()
	ctx := context.Background()

	params := &customlabels.DescribeProjectsInput{
		ProjectNames: []string{"project-00007", "project-00042", "project-00119"},
	}
	for project, err := range customlabels.AllProjects(ctx, client, params) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(project.ProjectArn, project.Status)
	}
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/project-00007/1600000420123 CREATED
	// arn:aws:rekognition:us-east-1:123456789012:project/project-00042/1600002520123 CREATED
	// arn:aws:rekognition:us-east-1:123456789012:project/project-00119/1600007140123 CREATED
}
