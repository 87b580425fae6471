package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// exampleProjects are three projects with fixed, fractional timestamps.
func exampleProjects() []customlabels.ProjectDescription {
	return []customlabels.ProjectDescription{
		{
			ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/bottles/1700000000123",
			CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 123000000, time.UTC),
			Status:            customlabels.ProjectStatusCreated,
			Feature:           customlabels.CustomizationFeatureCustomLabels,
			Datasets: []customlabels.DatasetMetadata{{
				DatasetType:       customlabels.DatasetTypeTrain,
				DatasetArn:        "arn:aws:rekognition:us-east-1:123456789012:project/bottles/dataset/train/1700000001000",
				CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 21, 0, time.UTC),
				Status:            customlabels.DatasetStatusCreateComplete,
				StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess,
			}},
		},
		{
			ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/labels/1700000100456",
			CreationTimestamp: time.Date(2023, 11, 14, 22, 15, 0, 456000000, time.UTC),
			Status:            customlabels.ProjectStatusCreating,
			Feature:           customlabels.CustomizationFeatureCustomLabels,
		},
		{
			ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/moderation/1700000200789",
			CreationTimestamp: time.Date(2023, 11, 14, 22, 16, 40, 789000000, time.UTC),
			Status:            customlabels.ProjectStatusCreated,
			Feature:           customlabels.CustomizationFeatureContentModeration,
			AutoUpdate:        customlabels.ProjectAutoUpdateEnabled,
		},
	}
}

// New builds a client from explicit options. Here it points at a local
// fake; against AWS, leave BaseEndpoint empty.
func ExampleNew() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProjects()...))
	defer srv.Close()

	client := customlabels.New(customlabels.Options{
		Region:       "us-east-1",
		BaseEndpoint: srv.URL,
		Credentials: credentials.NewStaticCredentialsProvider(
			customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, ""),
		RetryMaxAttempts: 5,
	})
	out, err := client.DescribeProjects(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range out.ProjectDescriptions {
		fmt.Println(p.ProjectArn, p.Status)
	}
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/bottles/1700000000123 CREATED
	// arn:aws:rekognition:us-east-1:123456789012:project/labels/1700000100456 CREATING
}

// NewFromConfig builds a client from an aws.Config. In a program the
// config comes from config.LoadDefaultConfig (environment, shared files,
// roles); here it is written out to reach a local fake.
func ExampleNewFromConfig() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProjects()...))
	defer srv.Close()

	cfg := aws.Config{
		Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider(
			customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, ""),
		BaseEndpoint: aws.String(srv.URL),
	}
	client := customlabels.NewFromConfig(cfg, func(o *customlabels.Options) {
		o.RetryMaxAttempts = 2
	})
	out, err := client.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(out.ProjectDescriptions), "project; more:", out.NextToken != "")
	// Output:
	// 1 project; more: true
}

// DescribeProjects returns one page. Without Features only Custom Labels
// projects are listed; ask for both features to see adapters too.
func ExampleClient_DescribeProjects() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProjects()...))
	defer srv.Close()
	client := srv.Client()

	out, err := client.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{
		Features: []customlabels.CustomizationFeature{
			customlabels.CustomizationFeatureCustomLabels,
			customlabels.CustomizationFeatureContentModeration,
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range out.ProjectDescriptions {
		fmt.Printf("%s %s %d dataset(s) %s\n", p.Feature, p.Status, len(p.Datasets),
			p.CreationTimestamp.Format(time.RFC3339Nano))
	}
	// Output:
	// CUSTOM_LABELS CREATED 1 dataset(s) 2023-11-14T22:13:20.123Z
	// CUSTOM_LABELS CREATING 0 dataset(s) 2023-11-14T22:15:00.456Z
	// CONTENT_MODERATION CREATED 0 dataset(s) 2023-11-14T22:16:40.789Z
}

// Errors are typed: errors.As reaches the exception, the HTTP status and
// request ID, and the operation.
func ExampleClient_DescribeProjects_errors() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 400,
		"User is not authorized to perform: rekognition:DescribeProjects"))

	_, err := srv.Client().DescribeProjects(context.Background(), nil)

	var denied *customlabels.AccessDeniedException
	if errors.As(err, &denied) {
		fmt.Println("denied:", denied.Message)
		fmt.Println("has request ID:", denied.RequestID != "")
	}
	var withStatus interface{ HTTPStatusCode() int }
	if errors.As(err, &withStatus) {
		fmt.Println("status:", withStatus.HTTPStatusCode())
	}

	// Invalid input is refused before anything is sent.
	_, err = srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 500})
	var invalid *customlabels.InvalidParamError
	if errors.As(err, &invalid) {
		fmt.Println(invalid)
	}
	// Output:
	// denied: User is not authorized to perform: rekognition:DescribeProjects
	// has request ID: true
	// status: 400
	// invalid DescribeProjectsInput.MaxResults: must be 1 to 100, got 500
}
