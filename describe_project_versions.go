package customlabels

import (
	"context"
	"iter"
)

// Model limits of DescribeProjectVersionsInput, checked before a request
// is sent.
const (
	// DescribeProjectVersionsMaxResults is the largest MaxResults of
	// DescribeProjectVersions; it is also the service's default page size.
	DescribeProjectVersionsMaxResults = 100
	// MaxVersionNames is the most version names one request may filter on.
	MaxVersionNames = 10
	// MaxVersionNameLength is the longest version name.
	MaxVersionNameLength = 255
)

// DescribeProjectVersionsInput selects the versions (models) of one
// project to list. A zero field other than ProjectArn is left out of the
// request.
type DescribeProjectVersionsInput struct {
	// ProjectArn is the project whose versions to list: required, a
	// project ARN ("arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP"),
	// 20 to 2048 characters. ProjectVersionInput finds it from a version
	// ARN.
	ProjectArn string
	// VersionNames lists only the named versions: 1 to 10 names, each 1 to
	// 255 characters of [a-zA-Z0-9_.-] (the VERSION of a version ARN).
	// Empty means every version.
	VersionNames []string
	// NextToken continues a listing: pass the NextToken of the previous
	// output. At most 1024 characters.
	NextToken string
	// MaxResults is the page size, 1 to 100. Zero means the service default
	// of 100.
	MaxResults int32
}

// DescribeProjectVersionsOutput is one page of versions.
type DescribeProjectVersionsOutput struct {
	// ProjectVersionDescriptions are the versions of this page, newest
	// first (the service sorts them by creation time, latest to earliest).
	ProjectVersionDescriptions []ProjectVersionDescription
	// NextToken is set when more versions follow; pass it as the next
	// input's NextToken. Empty at the end of the listing.
	NextToken string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DescribeProjectVersions lists the versions (trained models) of a project,
// one page per call, with their status, inference units and evaluation
// (IAM action rekognition:DescribeProjectVersions). A nil params is an
// empty input, which fails validation: ProjectArn is required.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. An unknown project is a
// *ResourceNotFoundException. Throttling, 5xx responses and connection
// errors are retried as Options says. optFns change the options for this
// call only.
//
// To list every version, range over AllProjectVersions or use
// NewDescribeProjectVersionsPaginator; to wait for a version to run or
// finish training, use the waiters (NewProjectVersionRunningWaiter).
func (c *Client) DescribeProjectVersions(ctx context.Context, params *DescribeProjectVersionsInput, optFns ...func(*Options)) (*DescribeProjectVersionsOutput, error) {
	return call[DescribeProjectVersionsOutput](ctx, c, opDescribeProjectVersions, params, optFns)
}

// NewDescribeProjectVersionsPaginator returns a paginator over the
// versions that params selects, calling client once per page. It makes no
// request: the first happens in NextPage.
//
// params is copied, so later changes to it do not affect the paginator,
// and the paginator never changes it. params.NextToken, when set, is the
// service token to start from; to continue after a MaxItems cap or a
// break, use StartingToken, which is bound to ProjectArn and VersionNames.
func NewDescribeProjectVersionsPaginator(client DescribeProjectVersionsAPIClient, params *DescribeProjectVersionsInput, optFns ...func(*DescribeProjectVersionsPaginatorOptions)) *DescribeProjectVersionsPaginator {
	return newDescribeProjectVersionsPaginator(client, params, optFns)
}

// AllProjectVersions returns an iterator over every version that params
// selects, fetched from client one page at a time as the range reaches
// it: the short form of
// NewDescribeProjectVersionsPaginator(client, params, optFns...).All(ctx).
//
//	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: arn}
//	for v, err := range customlabels.AllProjectVersions(ctx, client, in) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(v.VersionName(), v.Status)
//	}
//
// Each range starts a new listing, so the iterator can be ranged more than
// once; it makes no request until ranged and none after a break. An error
// is yielded once, as the last pair.
func AllProjectVersions(ctx context.Context, client DescribeProjectVersionsAPIClient, params *DescribeProjectVersionsInput, optFns ...func(*DescribeProjectVersionsPaginatorOptions)) iter.Seq2[ProjectVersionDescription, error] {
	return NewDescribeProjectVersionsPaginator(client, params, optFns...).fresh(ctx)
}

// ProjectVersionInput returns the DescribeProjectVersionsInput that selects
// the one version versionArn names, for the waiters and
// DescribeProjectVersions. A version ARN does not hold its project's ARN
// (the project's creation timestamp differs), so ProjectVersionInput looks
// the project up by name with DescribeProjects (IAM action
// rekognition:DescribeProjects), among Custom Labels projects and Custom
// Moderation adapters; a project that is not found is a
// *ResourceNotFoundException.
func ProjectVersionInput(ctx context.Context, client DescribeProjectsAPIClient, versionArn string) (*DescribeProjectVersionsInput, error) {
	if err := checkArn("ProjectVersionArn", versionArn, "version"); err != nil {
		err.(*InvalidParamError).Input = "ProjectVersionInput"
		return nil, err
	}
	a, _ := ParseARN(versionArn)
	out, err := client.DescribeProjects(ctx, &DescribeProjectsInput{
		ProjectNames: []string{a.ProjectName},
		Features:     []CustomizationFeature{CustomizationFeatureCustomLabels, CustomizationFeatureContentModeration},
	})
	if err != nil {
		return nil, err
	}
	for _, p := range out.ProjectDescriptions {
		if pa, err := ParseARN(p.ProjectArn); err == nil && pa.ProjectName == a.ProjectName &&
			pa.Region == a.Region && pa.AccountID == a.AccountID && pa.Partition == a.Partition {
			return &DescribeProjectVersionsInput{ProjectArn: p.ProjectArn, VersionNames: []string{a.VersionName}}, nil
		}
	}
	return nil, &ResourceNotFoundException{
		Message:   "no project named " + quoteShort(a.ProjectName) + " holds version " + quoteShort(a.VersionName),
		RequestID: out.RequestID,
	}
}
