package benchmarks

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/benchmarks/floor"
)

// project is what the agreement test compares across clients.
type project struct {
	Arn      string
	Created  time.Time
	Feature  string
	Datasets []string // ARN of each dataset
}

// client is one library under test, doing the same work as the others.
type client interface {
	// page fetches one page and returns the number of projects decoded.
	page(ctx context.Context, maxResults int32, token string) (int, error)
	// list pages through the whole listing from token with the library's
	// paginator and returns the number of projects decoded.
	list(ctx context.Context, token string) (int, error)
	// throttled makes a call the server throttles (name is throttledName
	// or errorName, for HTTP 500 or 400); it returns nil when the library
	// reports a ThrottlingException, as it should.
	throttled(ctx context.Context, name string) error
	// summary fetches one page for the agreement test.
	summary(ctx context.Context, maxResults int32, token string) ([]project, string, error)
}

// newHTTPClient returns the HTTP client every library gets: its own
// transport, configured alike, with enough idle connections for 64
// goroutines (the SDK's default keeps 10 per host, customlabels' 100).
func newHTTPClient() *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Client{Transport: &http.Transport{
		DialContext:           dialer.DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
	}}
}

// newCredentials is the same cached static provider for every library.
func newCredentials() aws.CredentialsProvider {
	return aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(accessKey, secretKey, ""))
}

// newClients returns the three libraries pointed at url. retryAttempts 0
// keeps each library's default (3 for both SDKs, none for the floor).
func newClients(url string, retryAttempts int) map[string]client {
	return map[string]client{
		"customlabels": &customlabelsClient{customlabels.New(customlabels.Options{
			Region:           region,
			BaseEndpoint:     url,
			Credentials:      newCredentials(),
			HTTPClient:       newHTTPClient(),
			RetryMaxAttempts: retryAttempts,
		})},
		"sdk": &sdkClient{rekognition.New(rekognition.Options{
			Region:           region,
			BaseEndpoint:     aws.String(url),
			Credentials:      newCredentials(),
			HTTPClient:       newHTTPClient(),
			RetryMaxAttempts: retryAttempts,
		})},
		"floor": &floorClient{floor.New(url, region, newCredentials(), newHTTPClient())},
	}
}

// clientNames orders the columns of the results.
var clientNames = []string{"customlabels", "sdk", "floor"}

type customlabelsClient struct{ c *customlabels.Client }

func (c *customlabelsClient) page(ctx context.Context, maxResults int32, token string) (int, error) {
	out, err := c.c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: maxResults, NextToken: token})
	if err != nil {
		return 0, err
	}
	return len(out.ProjectDescriptions), nil
}

func (c *customlabelsClient) list(ctx context.Context, token string) (int, error) {
	n := 0
	p := customlabels.NewDescribeProjectsPaginator(c.c, &customlabels.DescribeProjectsInput{MaxResults: pageSize, NextToken: token})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return n, err
		}
		n += len(out.ProjectDescriptions)
	}
	return n, nil
}

func (c *customlabelsClient) throttled(ctx context.Context, name string) error {
	_, err := c.c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{name}})
	var te *customlabels.ThrottlingException
	if !errors.As(err, &te) {
		return fmt.Errorf("want a ThrottlingException, got %v", err)
	}
	return nil
}

func (c *customlabelsClient) summary(ctx context.Context, maxResults int32, token string) ([]project, string, error) {
	out, err := c.c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: maxResults, NextToken: token})
	if err != nil {
		return nil, "", err
	}
	var ps []project
	for _, p := range out.ProjectDescriptions {
		s := project{Arn: p.ProjectArn, Created: p.CreationTimestamp, Feature: string(p.Feature)}
		for _, d := range p.Datasets {
			s.Datasets = append(s.Datasets, d.DatasetArn)
		}
		ps = append(ps, s)
	}
	return ps, out.NextToken, nil
}

type sdkClient struct{ c *rekognition.Client }

func (c *sdkClient) input(maxResults int32, token string) *rekognition.DescribeProjectsInput {
	in := &rekognition.DescribeProjectsInput{MaxResults: aws.Int32(maxResults)}
	if token != "" {
		in.NextToken = aws.String(token)
	}
	return in
}

func (c *sdkClient) page(ctx context.Context, maxResults int32, token string) (int, error) {
	out, err := c.c.DescribeProjects(ctx, c.input(maxResults, token))
	if err != nil {
		return 0, err
	}
	return len(out.ProjectDescriptions), nil
}

func (c *sdkClient) list(ctx context.Context, token string) (int, error) {
	n := 0
	p := rekognition.NewDescribeProjectsPaginator(c.c, c.input(pageSize, token))
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return n, err
		}
		n += len(out.ProjectDescriptions)
	}
	return n, nil
}

func (c *sdkClient) throttled(ctx context.Context, name string) error {
	_, err := c.c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{ProjectNames: []string{name}})
	var te *types.ThrottlingException
	if !errors.As(err, &te) {
		return fmt.Errorf("want a ThrottlingException, got %v", err)
	}
	return nil
}

func (c *sdkClient) summary(ctx context.Context, maxResults int32, token string) ([]project, string, error) {
	out, err := c.c.DescribeProjects(ctx, c.input(maxResults, token))
	if err != nil {
		return nil, "", err
	}
	var ps []project
	for _, p := range out.ProjectDescriptions {
		s := project{Arn: aws.ToString(p.ProjectArn), Created: aws.ToTime(p.CreationTimestamp).UTC(), Feature: string(p.Feature)}
		for _, d := range p.Datasets {
			s.Datasets = append(s.Datasets, aws.ToString(d.DatasetArn))
		}
		ps = append(ps, s)
	}
	return ps, aws.ToString(out.NextToken), nil
}

type floorClient struct{ c *floor.Client }

func (c *floorClient) page(ctx context.Context, maxResults int32, token string) (int, error) {
	out, err := c.c.DescribeProjects(ctx, &floor.Input{MaxResults: maxResults, NextToken: token})
	if err != nil {
		return 0, err
	}
	return len(out.ProjectDescriptions), nil
}

// list follows NextToken by hand: the floor has no paginator.
func (c *floorClient) list(ctx context.Context, token string) (int, error) {
	n := 0
	for {
		out, err := c.c.DescribeProjects(ctx, &floor.Input{MaxResults: pageSize, NextToken: token})
		if err != nil {
			return n, err
		}
		n += len(out.ProjectDescriptions)
		if out.NextToken == "" {
			return n, nil
		}
		token = out.NextToken
	}
}

func (c *floorClient) throttled(ctx context.Context, name string) error {
	_, err := c.c.DescribeProjects(ctx, &floor.Input{ProjectNames: []string{name}})
	var ae *floor.APIError
	if !errors.As(err, &ae) || ae.Type != "ThrottlingException" {
		return fmt.Errorf("want a ThrottlingException, got %v", err)
	}
	return nil
}

func (c *floorClient) summary(ctx context.Context, maxResults int32, token string) ([]project, string, error) {
	out, err := c.c.DescribeProjects(ctx, &floor.Input{MaxResults: maxResults, NextToken: token})
	if err != nil {
		return nil, "", err
	}
	var ps []project
	for _, p := range out.ProjectDescriptions {
		// Round to the millisecond the wire carries: float64 seconds are
		// not exact.
		ms := int64(p.CreationTimestamp*1000 + 0.5)
		s := project{Arn: p.ProjectArn, Created: time.UnixMilli(ms).UTC(), Feature: p.Feature}
		for _, d := range p.Datasets {
			s.Datasets = append(s.Datasets, d.DatasetArn)
		}
		ps = append(ps, s)
	}
	return ps, out.NextToken, nil
}
