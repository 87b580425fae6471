package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// An attempt that stalls is ended by the client and retried, even when
// the caller's context has no deadline. Here the server does not answer
// the first two attempts; IdleTimeout is shortened from its 30 s default
// to keep the example quick.
func ExampleAttemptTimeoutError() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProjects()...))
	defer srv.Close()
	srv.InjectFaults(2, customlabelstest.Latency(time.Minute))

	client := customlabels.New(customlabels.Options{
		Region:       "us-east-1",
		BaseEndpoint: srv.URL,
		Credentials: credentials.NewStaticCredentialsProvider(
			customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, ""),
		IdleTimeout: 100 * time.Millisecond,
	})
	out, err := client.DescribeProjects(context.Background(), nil)
	fmt.Println(len(out.ProjectDescriptions), "projects after", len(srv.Requests()), "requests,", err)

	// With retries off, the stall is the error.
	srv.InjectFaults(1, customlabelstest.Latency(time.Minute))
	_, err = client.DescribeProjects(context.Background(), nil, func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	var stalled *customlabels.AttemptTimeoutError
	if errors.As(err, &stalled) {
		fmt.Println(stalled.Stalled, stalled.Limit)
	}
	// Output:
	// 2 projects after 3 requests, <nil>
	// waiting for the response headers 100ms
}
