package customlabels

import (
	"context"
	"iter"
)

// ListProjectPoliciesMaxResults is the largest MaxResults of
// ListProjectPolicies; it is also the service's default page size.
const ListProjectPoliciesMaxResults = 5

// ListProjectPoliciesInput selects the project whose policies to list.
type ListProjectPoliciesInput struct {
	// ProjectArn is the project whose policies to list: required, a
	// project ARN.
	ProjectArn string
	// NextToken continues a listing: pass the NextToken of the previous
	// output. At most 1024 characters.
	NextToken string
	// MaxResults is the page size, 1 to 5. Zero means the service default
	// of 5.
	MaxResults int32
}

// ListProjectPoliciesOutput is one page of a project's policies.
type ListProjectPoliciesOutput struct {
	// ProjectPolicies are the policies of this page, with their documents
	// and current revisions.
	ProjectPolicies []ProjectPolicy
	// NextToken is set when more policies follow; pass it as the next
	// input's NextToken. Empty at the end of the listing.
	NextToken string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// ListProjectPolicies lists the project policies attached to a project,
// one page per call, each with its document and current revision (IAM
// action rekognition:ListProjectPolicies). Pages hold at most 5 policies.
// A nil params is an empty input, which fails validation: ProjectArn is
// required.
//
// The PolicyRevisionId it lists is what PutProjectPolicy needs to replace
// a policy and DeleteProjectPolicy to delete one only if nobody changed
// it since. An unknown project is a *ResourceNotFoundException; a
// NextToken of another listing is an *InvalidPaginationTokenException.
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried.
//
// To list every policy, range over AllProjectPolicies or use
// NewListProjectPoliciesPaginator.
func (c *Client) ListProjectPolicies(ctx context.Context, params *ListProjectPoliciesInput, optFns ...func(*Options)) (*ListProjectPoliciesOutput, error) {
	return call[ListProjectPoliciesOutput](ctx, c, opListProjectPolicies, params, optFns)
}

// NewListProjectPoliciesPaginator returns a paginator over the policies
// of the project params names, calling client once per page. It makes no
// request: the first happens in NextPage.
//
// params is copied, so later changes to it do not affect the paginator,
// and the paginator never changes it. params.NextToken, when set, is the
// service token to start from; to continue after a MaxItems cap or a
// break, use StartingToken, which is bound to ProjectArn.
func NewListProjectPoliciesPaginator(client ListProjectPoliciesAPIClient, params *ListProjectPoliciesInput, optFns ...func(*ListProjectPoliciesPaginatorOptions)) *ListProjectPoliciesPaginator {
	return newListProjectPoliciesPaginator(client, params, optFns)
}

// AllProjectPolicies returns an iterator over every policy of the project
// params names, fetched from client one page at a time as the range
// reaches it: the short form of
// NewListProjectPoliciesPaginator(client, params, optFns...).All(ctx).
//
//	in := &customlabels.ListProjectPoliciesInput{ProjectArn: arn}
//	for p, err := range customlabels.AllProjectPolicies(ctx, client, in) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(p.PolicyName, p.PolicyRevisionId)
//	}
//
// Each range starts a new listing, so the iterator can be ranged more than
// once; it makes no request until ranged and none after a break. An error
// is yielded once, as the last pair.
func AllProjectPolicies(ctx context.Context, client ListProjectPoliciesAPIClient, params *ListProjectPoliciesInput, optFns ...func(*ListProjectPoliciesPaginatorOptions)) iter.Seq2[ProjectPolicy, error] {
	return NewListProjectPoliciesPaginator(client, params, optFns...).fresh(ctx)
}
