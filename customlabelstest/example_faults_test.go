package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// statuses prints the status and fault of each request the server saw.
func statuses(srv *customlabelstest.Server) {
	for _, r := range srv.Requests() {
		fmt.Println(strings.TrimSpace(fmt.Sprintln(r.Status, r.Fault)))
	}
}

func ExampleProxyError() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.ProxyError(0)) // an HTML 502
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(err) // retried
	statuses(srv)
	// Output:
	// <nil>
	// 502 proxy error 502
	// 200
}

func ExampleTruncatedBody() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))
	defer srv.Close()
	srv.InjectFault(customlabelstest.TruncatedBody())

	_, err := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 }).DescribeProjects(context.Background(), nil)
	fmt.Println(errors.Is(err, io.ErrUnexpectedEOF))
	// Output:
	// true
}

func ExampleDropConnection() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.DropConnection())
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(err) // retried on a new connection
	statuses(srv)
	// Output:
	// <nil>
	// 0 dropped connection
	// 200
}

func ExampleLatency() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.Latency(time.Minute))

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := srv.Client().DescribeProjects(ctx, nil)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output:
	// true
}

func ExampleSlowBody() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(4, 1)...))
	defer srv.Close()
	// The body arrives 100 bytes every 5ms; the client still reads it all.
	srv.InjectFault(customlabelstest.SlowBody(100, 5*time.Millisecond))
	out, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(len(out.ProjectDescriptions), err)
	// Output:
	// 2 <nil>
}

func ExampleRedirect() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.Redirect(http.StatusTemporaryRedirect, "http://127.0.0.1:9/"))
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	var resp *awshttp.ResponseError
	fmt.Println(errors.As(err, &resp), resp.HTTPStatusCode(), len(srv.Requests()))
	// Output:
	// true 307 1
}

func ExampleRawResponse() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	// A 200 whose timestamp is a string: the service never sends that.
	srv.InjectFault(customlabelstest.RawResponse(http.StatusOK,
		http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		[]byte(`{"ProjectDescriptions":[{"CreationTimestamp":"2023-11-14T22:13:20Z"}]}`)))
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	var de *smithy.DeserializationError
	fmt.Println(errors.As(err, &de))
	// Output:
	// true
}

func ExampleFault_WithCodeForm() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	client := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	for _, form := range []customlabelstest.CodeForm{
		customlabelstest.CodeNamespaced, customlabelstest.CodeSuffixed, customlabelstest.CodeHeaderOnlyEmptyBody,
	} {
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "no").WithCodeForm(form))
		_, err := client.DescribeProjects(context.Background(), nil)
		var denied *customlabels.AccessDeniedException
		fmt.Println(form, errors.As(err, &denied))
	}
	// Output:
	// namespaced true
	// suffixed true
	// header only, empty body true
}

func ExampleFault_WithRetryAfter() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	// The service asks for 20ms before the retry; the client waits at
	// least that long.
	srv.InjectFault(customlabelstest.Exception("InternalServerError", 0, "").WithRetryAfter(20 * time.Millisecond))
	start := time.Now()
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(err, time.Since(start) >= 20*time.Millisecond)
	// Output:
	// <nil> true
}

func ExampleWithCredentials() {
	srv := customlabelstest.NewServer(customlabelstest.WithCredentials("AKIDEXAMPLE", "example-secret", "example-session-token"))
	defer srv.Close()

	// Client signs with the server's credentials, session token included.
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	fmt.Println(err)
	fmt.Println(srv.Requests()[0].AccessKeyID)
	// Output:
	// <nil>
	// AKIDEXAMPLE
}

func ExampleWithoutSignatureVerification() {
	srv := customlabelstest.NewServer(customlabelstest.WithoutSignatureVerification(),
		customlabelstest.WithProjects(customlabelstest.DemoProjects(1, 1)...))
	defer srv.Close()

	// A plain, unsigned request is served.
	req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(`{"MaxResults":1}`))
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, strings.HasPrefix(string(body), `{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/`))
	// Output:
	// 200 true
}

func ExampleWithListener() {
	l, err := net.Listen("tcp", "127.0.0.1:0") // or a fixed port
	if err != nil {
		log.Fatal(err)
	}
	srv := customlabelstest.NewServer(customlabelstest.WithListener(l))
	defer srv.Close()
	fmt.Println(srv.URL == "http://"+l.Addr().String())
	// Output:
	// true
}

func ExampleWithRequestHook() {
	srv := customlabelstest.NewServer(customlabelstest.WithRequestHook(func(r customlabelstest.Request) {
		fmt.Println(strings.TrimSpace(fmt.Sprintln(r.Target, r.Status, r.ErrorCode)))
	}))
	defer srv.Close()
	_, _ = srv.Client().DescribeProjects(context.Background(), nil)
	_, _ = srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{NextToken: "bad"})
	// Output:
	// RekognitionService.DescribeProjects 200
	// RekognitionService.DescribeProjects 400 InvalidPaginationTokenException
}

func ExampleServer_RemoveProjects() {
	demo := customlabelstest.DemoProjects(4, 1)
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(demo...))
	defer srv.Close()
	fmt.Println(srv.RemoveProjects(demo[0].ProjectArn, "arn:aws:rekognition:us-east-1:123456789012:project/none/1"))
	fmt.Println(len(srv.Projects()))
	// Output:
	// 1
	// 3
}

func ExampleServer_Client() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	defer srv.Close()
	// Options can be changed for the tests' needs, e.g. no retries.
	client := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	fmt.Println(client.Options().Region, client.Options().BaseEndpoint == srv.URL)
	// Output:
	// us-east-1 true
}
