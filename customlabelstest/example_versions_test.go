package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// statusOfModel returns the status DescribeProjectVersions shows for the
// version named name of project.
func statusOfModel(client *customlabels.Client, project, name string) string {
	out, err := client.DescribeProjectVersions(context.Background(), &customlabels.DescribeProjectVersionsInput{
		ProjectArn: project, VersionNames: []string{name},
	})
	if err != nil {
		return err.Error()
	}
	return string(out.ProjectVersionDescriptions[0].Status)
}

var (
	exampleProject = customlabels.ProjectDescription{
		ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000",
		Status:     customlabels.ProjectStatusCreated,
	}
	exampleModel = customlabels.ProjectVersionDescription{
		ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000000001",
		Status:            customlabels.ProjectVersionStatusTrainingCompleted,
	}
)

// A test drives a model's life with Advance: no sleeping, and the
// statuses change exactly when their time has passed.
func ExampleServer_Advance() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithProjectVersions(exampleModel),
		customlabelstest.WithStartingTime(10*time.Minute),
		customlabelstest.WithStoppingTime(time.Minute),
	)
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	started, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{
		ProjectVersionArn: exampleModel.ProjectVersionArn, MinInferenceUnits: 1,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("StartProjectVersion:", started.Status)
	srv.Advance(9 * time.Minute)
	fmt.Println("after 9 minutes:", statusOfModel(client, exampleProject.ProjectArn, "v1"))
	srv.Advance(time.Minute)
	fmt.Println("after 10 minutes:", statusOfModel(client, exampleProject.ProjectArn, "v1"))

	stop := &customlabels.StopProjectVersionInput{ProjectVersionArn: exampleModel.ProjectVersionArn}
	stopped, err := client.StopProjectVersion(ctx, stop)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("StopProjectVersion:", stopped.Status)
	srv.Advance(time.Minute)
	fmt.Println("a minute later:", statusOfModel(client, exampleProject.ProjectArn, "v1"))

	// Stopping a stopped model is refused, as the service refuses it.
	_, err = client.StopProjectVersion(ctx, stop)
	var inUse *customlabels.ResourceInUseException
	fmt.Println(errors.As(err, &inUse), inUse.Message)
	// Output:
	// StartProjectVersion: STARTING
	// after 9 minutes: STARTING
	// after 10 minutes: RUNNING
	// StopProjectVersion: STOPPING
	// a minute later: STOPPED
	// true The model arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000000001 is STOPPED; only a model that is RUNNING or STARTING can be stopped
}

func ExampleServer_FailTraining() {
	training := exampleModel
	training.Status = customlabels.ProjectVersionStatusTrainingInProgress
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithProjectVersions(training),
		customlabelstest.WithTrainingTime(time.Hour),
	)
	defer srv.Close()

	srv.FailTraining(training.ProjectVersionArn, "The manifest file contains no labels.")
	fmt.Println(statusOfModel(srv.Client(), exampleProject.ProjectArn, "v1"))
	srv.Advance(time.Hour)
	v := srv.ProjectVersions()[0]
	fmt.Println(v.Status, v.StatusMessage)
	// Output:
	// TRAINING_IN_PROGRESS
	// TRAINING_FAILED The manifest file contains no labels.
}

func ExampleServer_FailStart() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithProjectVersions(exampleModel),
		customlabelstest.WithStartingTime(0), // at once
	)
	defer srv.Close()

	client := srv.Client()
	srv.FailStart(exampleModel.ProjectVersionArn, "")
	start := &customlabels.StartProjectVersionInput{ProjectVersionArn: exampleModel.ProjectVersionArn, MinInferenceUnits: 1}
	for range 2 {
		out, err := client.StartProjectVersion(context.Background(), start)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(out.Status, "then", statusOfModel(client, exampleProject.ProjectArn, "v1"))
	}
	// Output:
	// STARTING then FAILED
	// STARTING then RUNNING
}

func ExampleWithInferenceUnitsLimit() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithProjectVersions(exampleModel),
		customlabelstest.WithInferenceUnitsLimit(4),
	)
	defer srv.Close()

	_, err := srv.Client().StartProjectVersion(context.Background(), &customlabels.StartProjectVersionInput{
		ProjectVersionArn: exampleModel.ProjectVersionArn, MinInferenceUnits: 2, MaxInferenceUnits: 8,
	})
	var limit *customlabels.LimitExceededException
	fmt.Println(errors.As(err, &limit), limit.Message)
	// Output:
	// true Starting arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000000001 with 8 inference units would exceed the account's limit of 4 inference units (0 inference units in use)
}

func ExampleWithProjectVersions() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithProjectVersions(exampleModel),
	)
	defer srv.Close()

	client := srv.Client()
	ctx := context.Background()
	out, err := client.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: exampleProject.ProjectArn})
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range out.ProjectVersionDescriptions {
		fmt.Println(v.ProjectVersionArn, v.Status)
	}
	// A project the server does not have:
	_, err = client.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{
		ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/cats/1700000000000",
	})
	var notFound *customlabels.ResourceNotFoundException
	fmt.Println(errors.As(err, &notFound), notFound.Message)
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000000001 TRAINING_COMPLETED
	// true The project arn:aws:rekognition:us-east-1:123456789012:project/cats/1700000000000 does not exist
}

func ExampleServer_AddProjectVersions() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProject))
	defer srv.Close()

	v2 := exampleModel
	v2.ProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v2/1700000000002"
	v2.CreationTimestamp = time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)
	v1 := exampleModel
	v1.CreationTimestamp = time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)
	srv.AddProjectVersions(v1, v2)
	for _, v := range srv.ProjectVersions() { // latest first
		fmt.Println(v.CreationTimestamp.Format(time.DateOnly), v.Status)
	}
	fmt.Println(srv.RemoveProjectVersions(v1.ProjectVersionArn), len(srv.ProjectVersions()))
	// Output:
	// 2023-11-15 TRAINING_COMPLETED
	// 2023-11-14 TRAINING_COMPLETED
	// 1 1
}

// A demo account over two regions: one server per region.
func ExampleDemoData() {
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		d := customlabelstest.DemoData(region, 10, 1)
		srv := customlabelstest.NewServer(append(d.Options(), customlabelstest.WithRegion(region))...)
		counts := map[customlabels.ProjectVersionStatus]int{}
		for _, v := range srv.ProjectVersions() {
			counts[v.Status]++
		}
		fmt.Println(region, len(d.Projects), "projects:", counts)
		srv.Close()
	}
	// Output:
	// us-east-1 10 projects: map[RUNNING:1 STOPPED:2 TRAINING_COMPLETED:4 TRAINING_FAILED:1 TRAINING_IN_PROGRESS:1]
	// eu-west-1 10 projects: map[RUNNING:1 STOPPED:2 TRAINING_COMPLETED:4 TRAINING_FAILED:1 TRAINING_IN_PROGRESS:1]
}

func ExampleDemoProjectVersions() {
	projects := customlabelstest.DemoProjects(10, 1)
	for _, v := range customlabelstest.DemoProjectVersions(projects, 1) {
		fmt.Println(v.Feature, v.Status, v.MinInferenceUnits, v.MaxInferenceUnits, v.EvaluationResult.F1Score)
	}
	// Output:
	// CUSTOM_LABELS RUNNING 1 0 0.826
	// CONTENT_MODERATION TRAINING_COMPLETED 0 0 0.708
	// CONTENT_MODERATION TRAINING_COMPLETED 0 0 0.725
	// CONTENT_MODERATION TRAINING_COMPLETED 0 0 0.99
	// CUSTOM_LABELS STOPPED 1 0 0.804
	// CUSTOM_LABELS TRAINING_COMPLETED 0 0 0.776
	// CUSTOM_LABELS TRAINING_IN_PROGRESS 0 0 0
	// CUSTOM_LABELS TRAINING_FAILED 0 0 0
	// CUSTOM_LABELS STOPPED 3 7 0.754
}

func ExampleParseData() {
	d, err := customlabelstest.ParseData([]byte(`{
	  "ProjectDescriptions": [{"ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000", "Status": "CREATED"}],
	  "ProjectVersionDescriptions": [{
	    "ProjectVersionArn": "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000000001",
	    "CreationTimestamp": "2023-11-14T22:13:20.001000+00:00",
	    "Status": "RUNNING", "MinInferenceUnits": 1
	  }]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	srv := customlabelstest.NewServer(d.Options()...)
	defer srv.Close()
	v := srv.ProjectVersions()[0]
	fmt.Println(v.CreationTimestamp.Format(time.RFC3339Nano), v.Status, v.MinInferenceUnits)
	// Output:
	// 2023-11-14T22:13:20.001Z RUNNING 1
}
