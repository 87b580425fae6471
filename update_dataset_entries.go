package customlabels

import (
	"bytes"
	"context"
	"fmt"

	"github.com/rekognition-go/customlabels/manifest"
)

// MaxDatasetChangesBytes is the largest DatasetChanges.GroundTruth the
// service model allows, 5 MiB: larger changes take several calls.
const MaxDatasetChangesBytes = 5 * 1024 * 1024

// UpdateDatasetEntriesInput is the entries to add to a dataset or change
// in it.
type UpdateDatasetEntriesInput struct {
	// DatasetArn is the dataset: required, a dataset ARN.
	DatasetArn string
	// Changes are the entries, as manifest lines: required, 1 byte to
	// 5 MiB. NewDatasetChanges writes them from manifest.Line values.
	//
	// Changes.GroundTruth is read once, while the request is encoded at
	// the start of the call: every attempt sends that encoding. Changing
	// the slice after the call has begun changes nothing that is sent;
	// changing it while the call starts is a data race.
	Changes DatasetChanges
}

// UpdateDatasetEntriesOutput is the answer to an update accepted: the
// dataset is UPDATE_IN_PROGRESS.
type UpdateDatasetEntriesOutput struct {
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// UpdateDatasetEntries adds entries (images) to a dataset or changes
// entries it has (IAM action rekognition:UpdateDatasetEntries): an entry
// whose source-ref the dataset has replaces that entry, any other is
// added. Nothing is removed.
//
// Updating takes a while: the dataset is UPDATE_IN_PROGRESS, then
// UPDATE_COMPLETE, or UPDATE_FAILED when the changes have a terminal file
// error (too many lines or labels, more than 20 % of the lines invalid),
// which leaves the entries as they were. Use NewDatasetUpdatedWaiter to
// wait. As for CreateDataset, lines with terminal content errors are
// dropped without a word, and non-terminal errors are attached to their
// lines; check the changes with manifest.Validate first.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. A dataset that is busy (being
// created, updated or deleted) is a *ResourceInUseException; an unknown
// one a *ResourceNotFoundException; too many entries may be a
// *LimitExceededException. Throttling, 5xx responses and connection
// errors are retried, each attempt sending the same encoded body. An
// update resent after its answer was lost meets its own update in
// progress, as a *ResourceInUseException: the first attempt took effect.
//
// The changes are encoded once: base64-encoded straight into one pooled
// request buffer sized exactly for the body, as DetectCustomLabels encodes
// its image.
func (c *Client) UpdateDatasetEntries(ctx context.Context, params *UpdateDatasetEntriesInput, optFns ...func(*Options)) (*UpdateDatasetEntriesOutput, error) {
	return call[UpdateDatasetEntriesOutput](ctx, c, opUpdateDatasetEntries, params, optFns)
}

// NewDatasetChanges writes lines as the manifest of an
// UpdateDatasetEntriesInput's Changes, one JSON line each. A line that
// cannot be written (a NaN coordinate, an empty attribute name) is an
// error naming its index, wrapping the *manifest.FieldError. Changes over
// MaxDatasetChangesBytes are returned, and refused by UpdateDatasetEntries:
// split the lines over several calls.
func NewDatasetChanges(lines ...manifest.Line) (DatasetChanges, error) {
	var buf bytes.Buffer
	w := manifest.NewWriter(&buf)
	for i := range lines {
		if err := w.Write(lines[i]); err != nil {
			return DatasetChanges{}, fmt.Errorf("customlabels: NewDatasetChanges: lines[%d]: %w", i, err)
		}
	}
	if err := w.Flush(); err != nil {
		return DatasetChanges{}, fmt.Errorf("customlabels: NewDatasetChanges: %w", err)
	}
	return DatasetChanges{GroundTruth: buf.Bytes()}, nil
}
