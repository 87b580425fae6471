package customlabels

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strconv"
)

// Model limits of DescribeProjectsInput, checked before a request is sent.
const (
	// DescribeProjectsMaxResults is the largest MaxResults of
	// DescribeProjects; it is also the service's default page size.
	DescribeProjectsMaxResults = 100
	// MaxPageSize is DescribeProjectsMaxResults.
	//
	// Deprecated: use DescribeProjectsMaxResults, whose name cannot
	// collide with another operation's page size.
	MaxPageSize = DescribeProjectsMaxResults
	// MaxNextTokenLength is the longest NextToken the service accepts.
	MaxNextTokenLength = 1024
	// MaxProjectNames is the most project names one request may filter on.
	MaxProjectNames = 10
	// MaxProjectNameLength is the longest project name.
	MaxProjectNameLength = 255
)

// DescribeProjectsInput selects the projects to list. The zero value lists
// the first page of Custom Labels projects. A zero field is left out of the
// request.
type DescribeProjectsInput struct {
	// NextToken continues a listing: pass the NextToken of the previous
	// output. At most 1024 characters.
	NextToken string
	// MaxResults is the page size, 1 to 100. Zero means the service default
	// of 100.
	MaxResults int32
	// ProjectNames lists only the named projects: 1 to 10 names, each 1 to
	// 255 characters of [a-zA-Z0-9_.-]. Empty means every project.
	ProjectNames []string
	// Features lists only projects of these features, at most 2 and no
	// duplicates. Empty means CUSTOM_LABELS only, the service's default:
	// set both values to see Custom Moderation adapters too.
	Features []CustomizationFeature
}

// DescribeProjectsOutput is one page of projects.
type DescribeProjectsOutput struct {
	// ProjectDescriptions are the projects of this page, ordered by
	// creation time.
	ProjectDescriptions []ProjectDescription
	// NextToken is set when more projects follow; pass it as the next
	// input's NextToken. Empty at the end of the listing.
	NextToken string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DescribeProjects lists Amazon Rekognition Custom Labels projects and
// Custom Moderation adapters, one page per call (IAM action
// rekognition:DescribeProjects). A nil params is an empty input.
//
// Input is checked against the service model first; a violation returns an
// *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried as Options says. optFns change the options
// for this call only.
//
// To list every project, range over AllProjects, or use
// NewDescribeProjectsPaginator, instead of following NextToken by hand.
func (c *Client) DescribeProjects(ctx context.Context, params *DescribeProjectsInput, optFns ...func(*Options)) (*DescribeProjectsOutput, error) {
	return call[DescribeProjectsOutput](ctx, c, opDescribeProjects, params, optFns)
}

// NewDescribeProjectsPaginator returns a paginator over the projects that
// params selects (nil selects all Custom Labels projects), calling client
// once per page. It makes no request: the first happens in NextPage.
//
// params is copied, so later changes to it do not affect the paginator,
// and the paginator never changes it. params.NextToken, when set, is the
// service token to start from, as in the AWS SDK for Go; to continue after
// a MaxItems cap or a break, use StartingToken instead.
func NewDescribeProjectsPaginator(client DescribeProjectsAPIClient, params *DescribeProjectsInput, optFns ...func(*DescribeProjectsPaginatorOptions)) *DescribeProjectsPaginator {
	return newDescribeProjectsPaginator(client, params, optFns)
}

// AllProjects returns an iterator over every project that params selects
// (nil selects all Custom Labels projects: set Features to both values to
// see Custom Moderation adapters too), fetched from client one page at a
// time as the range reaches it: the short form of
// NewDescribeProjectsPaginator(client, params, optFns...).All(ctx).
//
//	for p, err := range customlabels.AllProjects(ctx, client, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(p.ProjectArn)
//	}
//
// params and the options are read when AllProjects is called. Each range
// starts a new listing from the start (or from StartingToken), so the
// iterator can be ranged more than once; it makes no request until ranged
// and none after a break. An error is yielded once, as the last pair. To
// resume after a break, or to see pages, use the paginator.
func AllProjects(ctx context.Context, client DescribeProjectsAPIClient, params *DescribeProjectsInput, optFns ...func(*DescribeProjectsPaginatorOptions)) iter.Seq2[ProjectDescription, error] {
	return NewDescribeProjectsPaginator(client, params, optFns...).fresh(ctx)
}

// checkRules checks what the model cannot state: Features names each
// feature once (the service refuses a repeated one).
func (in *DescribeProjectsInput) checkRules(string) error {
	for i, f := range in.Features {
		if slices.Contains(in.Features[:i], f) {
			return &InvalidParamError{Field: "Features[" + strconv.Itoa(i) + "]", Rule: fmt.Sprintf("duplicates %s", f)}
		}
	}
	return nil
}
