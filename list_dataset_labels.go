package customlabels

import (
	"context"
	"iter"
)

// ListDatasetLabelsMaxResults is the largest MaxResults of
// ListDatasetLabels; it is also the service's default page size.
const ListDatasetLabelsMaxResults = 100

// ListDatasetLabelsInput names the dataset whose labels to list.
type ListDatasetLabelsInput struct {
	// DatasetArn is the dataset: required, a dataset ARN.
	DatasetArn string
	// NextToken continues a listing: pass the NextToken of the previous
	// output. At most 1024 characters.
	NextToken string
	// MaxResults is the page size, 1 to 100. Zero means the service default
	// of 100.
	MaxResults int32
}

// ListDatasetLabelsOutput is one page of labels.
type ListDatasetLabelsOutput struct {
	// DatasetLabelDescriptions are the labels of this page, each with the
	// number of images that use it.
	DatasetLabelDescriptions []DatasetLabelDescription
	// NextToken is set when more labels follow; pass it as the next
	// input's NextToken. Empty at the end of the listing.
	NextToken string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// ListDatasetLabels lists the labels of a dataset with how many images use
// each, one page per call (IAM action rekognition:ListDatasetLabels).
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. An unknown dataset is a
// *ResourceNotFoundException; a dataset being created or updated may be a
// *ResourceNotReadyException or a *ResourceInUseException (the API
// reference lists both without saying when). Throttling, 5xx responses
// and connection errors are retried.
//
// To list every label, range over AllDatasetLabels or use
// NewListDatasetLabelsPaginator.
func (c *Client) ListDatasetLabels(ctx context.Context, params *ListDatasetLabelsInput, optFns ...func(*Options)) (*ListDatasetLabelsOutput, error) {
	return call[ListDatasetLabelsOutput](ctx, c, opListDatasetLabels, params, optFns)
}

// NewListDatasetLabelsPaginator returns a paginator over the labels of
// the dataset params names, calling client once per page. It makes no
// request: the first happens in NextPage.
//
// params is copied, so later changes to it do not affect the paginator,
// and the paginator never changes it. params.NextToken, when set, is the
// service token to start from; to continue after a MaxItems cap or a
// break, use StartingToken, which is bound to DatasetArn.
func NewListDatasetLabelsPaginator(client ListDatasetLabelsAPIClient, params *ListDatasetLabelsInput, optFns ...func(*ListDatasetLabelsPaginatorOptions)) *ListDatasetLabelsPaginator {
	return newListDatasetLabelsPaginator(client, params, optFns)
}

// AllDatasetLabels returns an iterator over every label of the dataset
// params names, fetched from client one page at a time as the range
// reaches it: the short form of
// NewListDatasetLabelsPaginator(client, params, optFns...).All(ctx).
//
//	in := &customlabels.ListDatasetLabelsInput{DatasetArn: arn}
//	for l, err := range customlabels.AllDatasetLabels(ctx, client, in) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(l.LabelName, l.LabelStats.EntryCount)
//	}
//
// Each range starts a new listing, so the iterator can be ranged more than
// once; it makes no request until ranged and none after a break. An error
// is yielded once, as the last pair.
func AllDatasetLabels(ctx context.Context, client ListDatasetLabelsAPIClient, params *ListDatasetLabelsInput, optFns ...func(*ListDatasetLabelsPaginatorOptions)) iter.Seq2[DatasetLabelDescription, error] {
	return NewListDatasetLabelsPaginator(client, params, optFns...).fresh(ctx)
}
