package customlabels

import (
	"context"
	"fmt"
	"iter"

	"github.com/rekognition-go/customlabels/manifest"
)

// ListDatasetEntriesMaxResults is the largest MaxResults of
// ListDatasetEntries; it is also the service's default page size.
const ListDatasetEntriesMaxResults = 100

// ListDatasetEntriesInput selects the entries of one dataset to list. A
// zero field other than DatasetArn is left out of the request: it does not
// filter.
type ListDatasetEntriesInput struct {
	// DatasetArn is the dataset: required, a dataset ARN.
	DatasetArn string
	// ContainsLabels lists only the entries that have at least one of
	// these labels: 1 to 10 labels of 1 to 255 characters. Empty means
	// any entry.
	ContainsLabels []string
	// Labeled, when set, lists only the labeled images (true) or only the
	// images without a label (false). It is a pointer because false is a
	// filter of its own: nil lists both.
	Labeled *bool
	// SourceRefContains lists only the entries whose source-ref (the S3
	// URI of the image) contains it: 1 to 2048 characters, not only
	// white space. Empty means any entry.
	SourceRefContains string
	// HasErrors set to true lists only the entries that carry a
	// non-terminal error in an errors array. A pointer for the same
	// reason as Labeled: nil lists every entry. The API reference
	// documents true only; customlabelstest takes false as the entries
	// without errors.
	HasErrors *bool
	// NextToken continues a listing: pass the NextToken of the previous
	// output. At most 1024 characters.
	NextToken string
	// MaxResults is the page size, 1 to 100. Zero means the service default
	// of 100.
	MaxResults int32
}

// ListDatasetEntriesOutput is one page of entries.
type ListDatasetEntriesOutput struct {
	// DatasetEntries are the entries of this page: each the JSON line of
	// one image, in the SageMaker Ground Truth format, with the
	// non-terminal errors the service found in errors arrays. Lines parses
	// them.
	DatasetEntries []string
	// NextToken is set when more entries follow; pass it as the next
	// input's NextToken. Empty at the end of the listing.
	NextToken string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// ListDatasetEntries lists the entries (images) of a dataset, one page per
// call, as the JSON lines of a manifest (IAM action
// rekognition:ListDatasetEntries). The filters combine: an entry is listed
// when it passes every filter set.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. An unknown dataset is a
// *ResourceNotFoundException; a dataset that is not ready to be listed
// (being created or updated) may be a *ResourceNotReadyException or a
// *ResourceInUseException: the API reference lists both and does not say
// which comes when, so handle both. Throttling, 5xx responses and
// connection errors are retried.
//
// To list every entry, range over AllDatasetEntries or use
// NewListDatasetEntriesPaginator.
func (c *Client) ListDatasetEntries(ctx context.Context, params *ListDatasetEntriesInput, optFns ...func(*Options)) (*ListDatasetEntriesOutput, error) {
	return call[ListDatasetEntriesOutput](ctx, c, opListDatasetEntries, params, optFns)
}

// Lines parses the page's entries into manifest lines, in order, with the
// errors the service attached to them typed (manifest.Line.HasErrors
// reports them). An entry that is not a JSON object is an error naming
// its index; nothing is returned then.
func (o *ListDatasetEntriesOutput) Lines() ([]manifest.Line, error) {
	lines := make([]manifest.Line, len(o.DatasetEntries))
	for i, e := range o.DatasetEntries {
		l, err := manifest.ParseLine([]byte(e))
		if err != nil {
			return nil, fmt.Errorf("customlabels: ListDatasetEntries: DatasetEntries[%d]: %w", i, err)
		}
		lines[i] = l
	}
	return lines, nil
}

// NewListDatasetEntriesPaginator returns a paginator over the entries
// that params selects, calling client once per page. It makes no request:
// the first happens in NextPage.
//
// params is copied, so later changes to it do not affect the paginator,
// and the paginator never changes it. params.NextToken, when set, is the
// service token to start from; to continue after a MaxItems cap or a
// break, use StartingToken, which is bound to DatasetArn and the filters.
func NewListDatasetEntriesPaginator(client ListDatasetEntriesAPIClient, params *ListDatasetEntriesInput, optFns ...func(*ListDatasetEntriesPaginatorOptions)) *ListDatasetEntriesPaginator {
	return newListDatasetEntriesPaginator(client, params, optFns)
}

// AllDatasetEntries returns an iterator over every entry that params
// selects, fetched from client one page at a time as the range reaches
// it: the short form of
// NewListDatasetEntriesPaginator(client, params, optFns...).All(ctx).
//
//	in := &customlabels.ListDatasetEntriesInput{DatasetArn: arn}
//	for entry, err := range customlabels.AllDatasetEntries(ctx, client, in) {
//		if err != nil {
//			return err
//		}
//		line, err := manifest.ParseLine([]byte(entry))
//		...
//	}
//
// Each range starts a new listing, so the iterator can be ranged more than
// once; it makes no request until ranged and none after a break. An error
// is yielded once, as the last pair.
func AllDatasetEntries(ctx context.Context, client ListDatasetEntriesAPIClient, params *ListDatasetEntriesInput, optFns ...func(*ListDatasetEntriesPaginatorOptions)) iter.Seq2[string, error] {
	return NewListDatasetEntriesPaginator(client, params, optFns...).fresh(ctx)
}
