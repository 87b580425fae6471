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

// Examples of the model operations, against the fake. exampleModels is
// a project with three models.
func exampleModels(opts ...customlabelstest.Option) *customlabelstest.Server {
	project := customlabels.ProjectDescription{
		ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000",
		Status:     customlabels.ProjectStatusCreated,
		Feature:    customlabels.CustomizationFeatureCustomLabels,
	}
	version := func(name string, minutes int, status customlabels.ProjectVersionStatus) customlabels.ProjectVersionDescription {
		at := time.Date(2023, 11, 15, 9, 0, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
		return customlabels.ProjectVersionDescription{
			ProjectVersionArn: fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/birds/version/%s/%d", name, at.UnixMilli()),
			CreationTimestamp: at,
			Status:            status,
		}
	}
	return customlabelstest.NewServer(append([]customlabelstest.Option{
		customlabelstest.WithProjects(project),
		customlabelstest.WithProjectVersions(
			version("v1", 0, customlabels.ProjectVersionStatusStopped),
			version("v2", 60, customlabels.ProjectVersionStatusTrainingCompleted),
			version("v3", 120, customlabels.ProjectVersionStatusTrainingFailed),
		),
	}, opts...)...)
}

const (
	exampleBirds   = "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000"
	exampleBirdsV2 = "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v2/1700042400000"
)

// DescribeProjectVersions lists the models of one project, newest first.
func ExampleClient_DescribeProjectVersions() {
	srv := exampleModels()
	defer srv.Close()
	client := srv.Client()

	out, err := client.DescribeProjectVersions(context.Background(), &customlabels.DescribeProjectVersionsInput{
		ProjectArn: exampleBirds,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range out.ProjectVersionDescriptions {
		fmt.Println(v.VersionName(), v.Status, v.CreationTimestamp.Format(time.RFC3339))
	}
	// Output:
	// v3 TRAINING_FAILED 2023-11-15T11:00:00Z
	// v2 TRAINING_COMPLETED 2023-11-15T10:00:00Z
	// v1 STOPPED 2023-11-15T09:00:00Z
}

// The paginator follows NextToken page by page.
func ExampleNewDescribeProjectVersionsPaginator() {
	srv := exampleModels()
	defer srv.Close()
	client := srv.Client()

	p := customlabels.NewDescribeProjectVersionsPaginator(client,
		&customlabels.DescribeProjectVersionsInput{ProjectArn: exampleBirds},
		func(o *customlabels.DescribeProjectVersionsPaginatorOptions) { o.Limit = 2 })
	for page := 1; p.HasMorePages(); page++ {
		out, err := p.NextPage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		for _, v := range out.ProjectVersionDescriptions {
			fmt.Println("page", page, v.VersionName())
		}
	}
	// Output:
	// page 1 v3
	// page 1 v2
	// page 2 v1
}

// AllProjectVersions ranges over every model; here, the ones that can be
// started.
func ExampleAllProjectVersions() {
	srv := exampleModels()
	defer srv.Close()
	client := srv.Client()

	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: exampleBirds}
	for v, err := range customlabels.AllProjectVersions(context.Background(), client, in) {
		if err != nil {
			log.Fatal(err)
		}
		switch v.Status {
		case customlabels.ProjectVersionStatusTrainingCompleted, customlabels.ProjectVersionStatusStopped:
			fmt.Println("can start:", v.VersionName())
		}
	}
	// Output:
	// can start: v2
	// can start: v1
}

// StartProjectVersion starts a model: STARTING, then RUNNING. The fake's
// clock is advanced instead of waiting ten minutes.
func ExampleClient_StartProjectVersion() {
	srv := exampleModels(customlabelstest.WithStartingTime(10 * time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	out, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{
		ProjectVersionArn: exampleBirdsV2,
		MinInferenceUnits: 1,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("started:", out.Status)

	srv.Advance(10 * time.Minute)
	desc, err := client.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{
		ProjectArn: exampleBirds, VersionNames: []string{"v2"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("ten minutes later:", desc.ProjectVersionDescriptions[0].Status)

	// Starting it again is refused: it is running.
	_, err = client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: exampleBirdsV2, MinInferenceUnits: 1})
	var inUse *customlabels.ResourceInUseException
	fmt.Println("again:", errors.As(err, &inUse))
	// Output:
	// started: STARTING
	// ten minutes later: RUNNING
	// again: true
}

// StopProjectVersion stops a running model, which ends its billing once
// it is STOPPED.
func ExampleClient_StopProjectVersion() {
	srv := exampleModels(customlabelstest.WithStartingTime(0), customlabelstest.WithStoppingTime(time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	if _, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: exampleBirdsV2, MinInferenceUnits: 1}); err != nil {
		log.Fatal(err)
	}

	out, err := client.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: exampleBirdsV2})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("stopping:", out.Status)
	srv.Advance(time.Minute)
	in, err := customlabels.ProjectVersionInput(ctx, client, exampleBirdsV2)
	if err != nil {
		log.Fatal(err)
	}
	desc, err := client.DescribeProjectVersions(ctx, in)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("a minute later:", desc.ProjectVersionDescriptions[0].Status)
	// Output:
	// stopping: STOPPING
	// a minute later: STOPPED
}

// ProjectVersionInput finds the project of a version ARN, which the ARN
// does not hold, to describe just that version.
func ExampleProjectVersionInput() {
	srv := exampleModels()
	defer srv.Close()
	client := srv.Client()

	in, err := customlabels.ProjectVersionInput(context.Background(), client, exampleBirdsV2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.ProjectArn, in.VersionNames)

	_, err = customlabels.ProjectVersionInput(context.Background(), client,
		"arn:aws:rekognition:us-east-1:123456789012:project/fish/version/v1/1700000000001")
	var notFound *customlabels.ResourceNotFoundException
	fmt.Println("fish:", errors.As(err, &notFound))
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000 [v2]
	// fish: true
}

// ParseARN splits a project or version ARN into its parts.
func ExampleParseARN() {
	a, err := customlabels.ParseARN("arn:aws:rekognition:eu-west-1:123456789012:project/birds/version/v2/1700042400000")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Region, a.AccountID, a.ProjectName, a.VersionName, a.Timestamp)

	_, err = customlabels.ParseARN("arn:aws:s3:::my-bucket")
	fmt.Println(err)
	// Output:
	// eu-west-1 123456789012 birds v2 1700042400000
	// not a Custom Labels project or project version ARN
}

// Name is the NAME of a project's ARN, as ProjectNames takes it.
func ExampleProjectDescription_Name() {
	p := customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000"}
	fmt.Println(p.Name())
	// Output:
	// birds
}
