package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func ExampleNewServer() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(6, 1)...))
	defer srv.Close()

	client := srv.Client() // endpoint, region and credentials of srv
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
		fmt.Println(p.CreationTimestamp.Format(time.RFC3339Nano), p.Feature, p.Status, len(p.Datasets))
	}
	// Output:
	// 2022-05-06T22:00:50.838Z CUSTOM_LABELS CREATED 0
	// 2022-05-10T14:16:54.328463Z CONTENT_MODERATION CREATED 1
	// 2022-05-16T05:28:06.017Z CUSTOM_LABELS CREATING 2
	// 2022-05-17T00:37:51.875396545Z CONTENT_MODERATION CREATED 0
	// 2022-05-21T18:33:33.716Z CUSTOM_LABELS DELETING 1
	// 2022-05-26T18:38:52.629362Z CONTENT_MODERATION CREATED 2
}

func ExampleServer_InjectFault() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(4, 1)...))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	// A 500 is retried: the second attempt succeeds.
	srv.InjectFault(customlabelstest.Exception("InternalServerError", 0, ""))
	out, err := client.DescribeProjects(ctx, nil)
	fmt.Println(len(out.ProjectDescriptions), err)

	// AccessDeniedException is not retried, and errors.As finds it.
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "not allowed"))
	_, err = client.DescribeProjects(ctx, nil)
	var denied *customlabels.AccessDeniedException
	fmt.Println(errors.As(err, &denied), denied.Message)

	// The code in a raw form of the protocol: namespaced, in the body.
	srv.InjectFault(customlabelstest.Exception("InvalidParameterException", 0, "bad").
		WithCodeForm(customlabelstest.CodeNamespaced))
	_, err = client.DescribeProjects(ctx, nil)
	var invalid *customlabels.InvalidParameterException
	fmt.Println(errors.As(err, &invalid))

	for _, r := range srv.Requests() {
		fmt.Println(strings.TrimSpace(fmt.Sprintln(r.Status, r.ErrorCode, r.Fault)))
	}
	// Output:
	// 2 <nil>
	// true not allowed
	// true
	// 500 InternalServerError exception InternalServerError (500)
	// 200
	// 400 AccessDeniedException exception AccessDeniedException (400)
	// 400 InvalidParameterException exception InvalidParameterException (400, namespaced)
}

func ExampleServer_InjectFaults() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(4, 1)...))
	defer srv.Close()

	// Every attempt of the call fails: the connection drops each time.
	srv.InjectFaults(3, customlabelstest.DropConnection())
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(err != nil, len(srv.Requests()), srv.PendingFaults())
	// Output:
	// true 3 0
}

// countAdapters is code under test: it depends on the one-method interface,
// which both *customlabels.Client and a test double satisfy.
func countAdapters(ctx context.Context, api customlabels.DescribeProjectsAPIClient) (int, error) {
	in := &customlabels.DescribeProjectsInput{
		Features: []customlabels.CustomizationFeature{customlabels.CustomizationFeatureContentModeration},
	}
	n := 0
	for {
		out, err := api.DescribeProjects(ctx, in)
		if err != nil {
			return n, fmt.Errorf("count adapters: %w", err)
		}
		n += len(out.ProjectDescriptions)
		if out.NextToken == "" {
			return n, nil
		}
		in.NextToken = out.NextToken
	}
}

// A test of your own code runs it against the fake: real HTTP, real
// signatures, real pagination and real errors.
func Example_testingYourCode() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(250, 1)...))
	defer srv.Close()
	client := srv.Client()

	n, err := countAdapters(context.Background(), client)
	fmt.Println(n, err)
	fmt.Println(len(srv.Requests()), "requests")

	// And how it behaves when the service refuses.
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, ""))
	_, err = countAdapters(context.Background(), client)
	fmt.Println(strings.Contains(err.Error(), "AccessDeniedException"))
	// Output:
	// 125 <nil>
	// 2 requests
	// true
}

func ExampleDemoProjects() {
	for _, p := range customlabelstest.DemoProjects(3, 42) {
		fmt.Println(p.ProjectArn)
		for _, d := range p.Datasets {
			fmt.Println("  ", d.DatasetType, d.Status, d.StatusMessageCode)
		}
	}
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/shelf-inspector-1/1661978461646
	// arn:aws:rekognition:us-east-1:123456789012:project/shelf-finder-2/1662276762808
	//    TRAIN CREATE_COMPLETE SUCCESS
	// arn:aws:rekognition:us-east-1:123456789012:project/defect-classifier-3/1662355080292
	//    TRAIN CREATE_IN_PROGRESS SUCCESS
	//    TEST CREATE_FAILED CLIENT_ERROR
}

func ExampleParseProjects() {
	// As `aws rekognition describe-projects` prints it.
	data := []byte(`{"ProjectDescriptions": [{
		"ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/flowers/1700000000123",
		"CreationTimestamp": "2023-11-14T22:13:20.123000+00:00",
		"Status": "CREATED", "Feature": "CUSTOM_LABELS", "Datasets": []}]}`)
	ps, err := customlabelstest.ParseProjects(data)
	if err != nil {
		log.Fatal(err)
	}
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(ps...))
	defer srv.Close()
	out, err := srv.Client().DescribeProjects(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.ProjectDescriptions[0].CreationTimestamp)
	// Output:
	// 2023-11-14 22:13:20.123 +0000 UTC
}

func ExampleServer_Requests() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	_, _ = srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 500})
	_, _ = srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{
		MaxResults: 10, ProjectNames: []string{"flowers"}})

	// MaxResults 500 was refused by the client before sending: one request.
	for _, r := range srv.Requests() {
		fmt.Println(r.Target, r.Input.MaxResults, r.Input.ProjectNames, r.Status, r.AccessKeyID)
		fmt.Println(string(r.Body))
	}
	// Output:
	// RekognitionService.DescribeProjects 10 [flowers] 200 AKIDFAKECUSTOMLABELS
	// {"MaxResults":10,"ProjectNames":["flowers"]}
}

func ExampleServer_AddProjects() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	srv.AddProjects(customlabelstest.DemoProjects(6, 3)...)
	first, _ := client.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: 2})

	// A project created now, while the listing is in progress, is listed
	// at its end; nothing is skipped or repeated.
	srv.AddProjects(customlabels.ProjectDescription{
		ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/new/1",
		Status:     customlabels.ProjectStatusCreating,
	})
	rest, _ := client.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{NextToken: first.NextToken})
	for _, p := range append(first.ProjectDescriptions, rest.ProjectDescriptions...) {
		fmt.Println(strings.Split(p.ProjectArn, "/")[1], p.Status)
	}
	// Output:
	// logo-counter-1 CREATED
	// leaf-inspector-3 CREATING
	// helmet-inspector-5 DELETING
	// new CREATING
}

func ExampleWithThrottleRPS() {
	srv := customlabelstest.NewServer(customlabelstest.WithThrottleRPS(1))
	defer srv.Close()
	client := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })

	_, err := client.DescribeProjects(context.Background(), nil)
	fmt.Println(err)
	_, err = client.DescribeProjects(context.Background(), nil)
	var throttled *customlabels.ThrottlingException
	fmt.Println(errors.As(err, &throttled), throttled.Message)
	// Output:
	// <nil>
	// true Rate exceeded
}

func ExampleWithClockOffset() {
	// The server's clock is 10 minutes ahead: the first attempt is refused
	// as "Signature expired", the client reads the server's time from the
	// Date header and signs its retry with it.
	srv := customlabelstest.NewServer(customlabelstest.WithClockOffset(10 * time.Minute))
	defer srv.Close()
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(err)
	for _, r := range srv.Requests() {
		fmt.Println(r.Status, r.ErrorCode)
	}
	// Output:
	// <nil>
	// 400 InvalidSignatureException
	// 200
}

func ExampleServer_AWSConfig() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	defer srv.Close()

	// An aws.Config for NewFromConfig, here or in the official SDK.
	client := customlabels.NewFromConfig(srv.AWSConfig())
	out, err := client.DescribeProjects(context.Background(), nil)
	fmt.Println(len(out.ProjectDescriptions), err)
	// Output:
	// 2 <nil>
}
