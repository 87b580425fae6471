package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sync"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// printTB stands in for the *testing.T of a test, which an Example has
// not: it prints what the Stub reports, with the line numbers of the
// declarations left out so that the output survives edits of this file.
type printTB struct{ cleanups []func() }

var declaredAt = regexp.MustCompile(`(\w+\.go):\d+`)

func (*printTB) Helper() {}
func (*printTB) Errorf(format string, args ...any) {
	fmt.Println("FAIL:", declaredAt.ReplaceAllString(fmt.Sprintf(format, args...), "$1:N"))
}
func (*printTB) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (tb *printTB) Cleanup(fn func())              { tb.cleanups = append(tb.cleanups, fn) }

// end runs the cleanups, as the end of a test does.
func (tb *printTB) end() {
	for i := len(tb.cleanups) - 1; i >= 0; i-- {
		tb.cleanups[i]()
	}
}

// listNames is code under test: it lists the names of every project.
func listNames(ctx context.Context, client customlabels.DescribeProjectsAPIClient) ([]string, error) {
	var names []string
	for p, err := range customlabels.AllProjects(ctx, client, &customlabels.DescribeProjectsInput{MaxResults: 2}) {
		if err != nil {
			return nil, err
		}
		arn, err := customlabels.ParseARN(p.ProjectArn)
		if err != nil {
			return nil, err
		}
		names = append(names, arn.ProjectName)
	}
	return names, nil
}

func project(name string) customlabels.ProjectDescription {
	return customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/" + name + "/1700000000000"}
}

// A test declares the calls it expects and their answers, then runs the
// code under test with the Stub's client. In a test, pass t to NewStub.
func ExampleNewStub() {
	t := &printTB{} // in a test: t *testing.T
	defer t.end()

	stub := customlabelstest.NewStub(t)
	stub.Expect("DescribeProjects").
		WithInput(&customlabels.DescribeProjectsInput{MaxResults: 2}).
		Return(&customlabels.DescribeProjectsOutput{
			ProjectDescriptions: []customlabels.ProjectDescription{project("shelf"), project("helmet")},
			NextToken:           "page-2",
		})
	stub.Expect("DescribeProjects").
		WithInput(&customlabels.DescribeProjectsInput{MaxResults: 2, NextToken: "page-2"}).
		Return(&customlabels.DescribeProjectsOutput{
			ProjectDescriptions: []customlabels.ProjectDescription{project("xray")},
		})

	names, err := listNames(context.Background(), stub.Client())
	fmt.Println(names, err)
	// Output:
	// [shelf helmet xray] <nil>
}

// A call the test did not expect, an input that differs and an
// expectation left unmet each fail the test, with what differs.
func ExampleStub_failures() {
	t := &printTB{}
	stub := customlabelstest.NewStub(t)
	stub.Expect("DescribeProjects").WithInput(&customlabels.DescribeProjectsInput{MaxResults: 10})
	stub.Expect("StopProjectVersion")
	client := stub.Client()

	_, err := client.DescribeProjectVersions(context.Background(), &customlabels.DescribeProjectVersionsInput{
		ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000",
	})
	fmt.Println("the call fails:", err != nil)
	_, _ = client.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 20})
	t.end() // the end of the test: StopProjectVersion was not called
	// Output:
	// FAIL: customlabelstest: request 1, DescribeProjectVersions {ProjectArn:"arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000"}, was not expected: expectation 1 is DescribeProjects {MaxResults:10} (declared at example_stub_test.go:N), and stays unmet
	// the call fails: true
	// FAIL: customlabelstest: request 2, DescribeProjects, meets expectation 1 (declared at example_stub_test.go:N) with the wrong input:
	//     (-want +got)
	//     MaxResults: -10 +20
	// FAIL: customlabelstest: expectation 2, StopProjectVersion, was not called (declared at example_stub_test.go:N)
}

// A throttled answer, then a success: two expectations, as the client
// retries. Exceptions are answered with their modeled status (500 for
// ThrottlingException) and reach the caller typed.
func ExampleCall_ReturnError() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t)
	stub.Expect("StopProjectVersion").ReturnError(&customlabels.ThrottlingException{Message: "Rate exceeded"})
	stub.Expect("StopProjectVersion").Return(&customlabels.StopProjectVersionOutput{Status: customlabels.ProjectVersionStatusStopping})
	stub.Expect("StopProjectVersion").ReturnError(&customlabels.ResourceInUseException{Message: "The model is not running"})
	client := stub.Client()
	in := &customlabels.StopProjectVersionInput{
		ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1700000001000",
	}

	out, err := client.StopProjectVersion(context.Background(), in)
	fmt.Println(out.Status, err)
	_, err = client.StopProjectVersion(context.Background(), in)
	var inUse *customlabels.ResourceInUseException
	fmt.Println(errors.As(err, &inUse), inUse.Message)
	// Output:
	// STOPPING <nil>
	// true The model is not running
}

// A transport error: a connection reset, retried by the client, and a
// server that never answers, cut short by the client's IdleTimeout.
func ExampleCall_ReturnConnectionReset() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t)
	stub.Expect("DescribeProjects").ReturnConnectionReset()
	stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{})
	stub.Expect("DescribeProjects").Stall()
	client := stub.Client(func(o *customlabels.Options) { o.IdleTimeout = 10 * time.Millisecond })

	_, err := client.DescribeProjects(context.Background(), nil)
	fmt.Println(err)
	_, err = client.DescribeProjects(context.Background(), nil, func(o *customlabels.Options) {
		o.RetryMaxAttempts = 1 // else a stalled attempt is retried: one expectation each
	})
	var timeout *customlabels.AttemptTimeoutError
	fmt.Println(errors.As(err, &timeout))
	// Output:
	// <nil>
	// true
}

// Match checks an input with a function of the operation's input type.
func ExampleCall_Match() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t)
	stub.Expect("StartProjectVersion").
		Match(func(in *customlabels.StartProjectVersionInput) error {
			if in.MaxInferenceUnits < in.MinInferenceUnits {
				return fmt.Errorf("MaxInferenceUnits %d is below MinInferenceUnits %d", in.MaxInferenceUnits, in.MinInferenceUnits)
			}
			return nil
		}).
		Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting})

	out, err := stub.Client().StartProjectVersion(context.Background(), &customlabels.StartProjectVersionInput{
		ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1700000001000",
		MinInferenceUnits: 1,
		MaxInferenceUnits: 3,
	})
	fmt.Println(out.Status, err)
	// Output:
	// STARTING <nil>
}

// Concurrent calls arrive in no fixed order: InAnyOrder matches each
// with the expectation of its input.
func ExampleStub_InAnyOrder() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t).InAnyOrder()
	arns := []string{
		"arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1700000001000",
		"arn:aws:rekognition:us-east-1:123456789012:project/helmet/version/v7/1700000002000",
	}
	for _, arn := range arns {
		stub.Expect("StopProjectVersion").
			WithInput(&customlabels.StopProjectVersionInput{ProjectVersionArn: arn}).
			Return(&customlabels.StopProjectVersionOutput{Status: customlabels.ProjectVersionStatusStopping})
	}
	client := stub.Client()
	var wg sync.WaitGroup
	for _, arn := range arns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := client.StopProjectVersion(context.Background(), &customlabels.StopProjectVersionInput{ProjectVersionArn: arn}); err != nil {
				fmt.Println(err)
			}
		}()
	}
	wg.Wait()
	fmt.Println("all met:", stub.AssertExpectations(t))
	// Output:
	// all met: true
}

// Any answer the service might give, or not: a page from a proxy, a
// body cut short.
func ExampleCall_ReturnResponse() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t)
	stub.Expect("DescribeProjects").ReturnResponse(502, http.Header{"Content-Type": {"text/html"}}, "<html>Bad Gateway</html>")
	client := stub.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })

	_, err := client.DescribeProjects(context.Background(), nil)
	var re *awshttp.ResponseError
	fmt.Println(errors.As(err, &re), re.HTTPStatusCode())
	// Output:
	// true 502
}

// A client built by hand sends to the Stub as its HTTPClient; signed with
// the Stub's Credentials, its signatures are verified in full.
func ExampleStub_Credentials() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t)
	stub.Expect("DeleteProject").Return(&customlabels.DeleteProjectOutput{Status: customlabels.ProjectStatusDeleting})
	client := customlabels.New(customlabels.Options{
		Region:      "eu-west-1",
		Credentials: stub.Credentials(),
		HTTPClient:  stub,
	})

	out, err := client.DeleteProject(context.Background(), &customlabels.DeleteProjectInput{
		ProjectArn: "arn:aws:rekognition:eu-west-1:123456789012:project/shelf/1700000000000",
	})
	fmt.Println(out.Status, err)
	// Output:
	// DELETING <nil>
}

// Input returns what a call received, for checks after the code under
// test has run.
func ExampleCall_Input() {
	t := &printTB{}
	defer t.end()
	stub := customlabelstest.NewStub(t)
	call := stub.Expect("CreateProject")
	call.Return(&customlabels.CreateProjectOutput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000"})

	_, err := stub.Client().CreateProject(context.Background(), &customlabels.CreateProjectInput{
		ProjectName: "shelf",
		Tags:        map[string]string{"team": "vision"},
	})
	in := call.Input().(*customlabels.CreateProjectInput)
	fmt.Println(in.ProjectName, in.Tags, err)
	// Output:
	// shelf map[team:vision] <nil>
}
