package customlabelstest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"slices"
	"sort"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// The listings of a dataset: ListDatasetEntries and ListDatasetLabels.
//
// Which status allows a listing is not documented (the model lists both
// ResourceInUseException and ResourceNotReadyException for both
// operations, and the API reference says when for neither). The fake
// decides: a dataset being created or updated is
// ResourceNotReadyException (its entries are not ready: the exception's
// name says it); a dataset being deleted is ResourceInUseException; a
// dataset whose creation failed lists nothing; one whose update failed
// lists the entries it kept.

// defaultDatasetPageSize is the page size of both listings when
// MaxResults is not set: the model's maximum, which the API reference
// gives as the default.
const defaultDatasetPageSize = 100

// listedDataset returns the dataset of arn for a listing of its entries
// or labels, or the refusal: ResourceNotFoundException, or a dataset whose
// operation has not ended. s.mu is held.
func (s *Server) listedDataset(arn string) (*datasetEntry, error) {
	e, err := s.dataset(arn)
	if err != nil {
		return nil, err
	}
	switch e.d.Status {
	case customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusUpdateInProgress:
		return nil, &customlabels.ResourceNotReadyException{Message: "The dataset " + e.arn + " is " + string(e.d.Status) + "; list it once its operation has ended"}
	case customlabels.DatasetStatusDeleteInProgress:
		return nil, &customlabels.ResourceInUseException{Message: "The dataset " + e.arn + " is being deleted"}
	}
	return e, nil
}

// entryQuery is a validated ListDatasetEntries request.
type entryQuery struct {
	arn               string
	labels            []string // any of them; nil for no filter
	labeled           *bool
	sourceRefContains string
	hasErrors         *bool
}

// match reports whether l passes every filter of q. HasErrors false
// lists the entries without errors (assumed: the API reference documents
// true only); Labeled false those without a label.
func (q *entryQuery) match(l *datasetLine) bool {
	switch {
	case q.labels != nil && !slices.ContainsFunc(l.labels, func(name string) bool { return slices.Contains(q.labels, name) }):
		return false
	case q.labeled != nil && *q.labeled != (len(l.labels) > 0):
		return false
	case q.sourceRefContains != "" && !strings.Contains(l.sourceRef, q.sourceRefContains):
		return false
	case q.hasErrors != nil && *q.hasErrors != l.hasErrors:
		return false
	}
	return true
}

// filterHash binds a token to the dataset and the filters, not to the
// page size; the set of labels counts, not their order.
func (q *entryQuery) filterHash() [8]byte {
	h := sha256.New()
	h.Write([]byte("ListDatasetEntries\x00" + q.arn + "\x00"))
	if q.labels == nil {
		h.Write([]byte{1})
	} else {
		h.Write([]byte{2})
		writeSorted(h, slices.Clone(q.labels))
	}
	h.Write([]byte{triState(q.labeled), triState(q.hasErrors)})
	h.Write([]byte(q.sourceRefContains))
	var out [8]byte
	copy(out[:], h.Sum(nil))
	return out
}

func triState(b *bool) byte {
	switch {
	case b == nil:
		return 0
	case *b:
		return 1
	}
	return 2
}

// listDatasetEntries answers ListDatasetEntries: the entries of the
// dataset that pass every filter, in the order they were added (an
// updated entry keeps its place), MaxResults (default 100) a page. A
// ContainsLabels entry matches an entry that has any of its labels on
// the image or on a bounding box; SourceRefContains is a substring of the
// source-ref, case-sensitive; Labeled selects the entries with (true) or
// without (false) a label; HasErrors those with (true) or without (false)
// an errors array that is not empty. NextToken holds the position of the
// last entry returned, bound to the dataset and the filters: a token of
// another query is InvalidPaginationTokenException, and a listing in
// progress neither skips nor repeats an entry when others are added.
func (s *Server) listDatasetEntries(_ *caller, in *customlabels.ListDatasetEntriesInput) (*customlabels.ListDatasetEntriesOutput, error) {
	q := entryQuery{arn: in.DatasetArn, labels: in.ContainsLabels, labeled: in.Labeled,
		sourceRefContains: in.SourceRefContains, hasErrors: in.HasErrors}
	limit := pageLimit(in.MaxResults, defaultDatasetPageSize)
	var after uint64
	if in.NextToken != "" {
		payload, err := s.decodeDatasetToken(q.filterHash(), in.NextToken)
		n, size := binary.Uvarint(payload)
		if err != nil || size != len(payload) {
			return nil, paginationError(err, "another DatasetArn or other filters")
		}
		after = n
	}

	s.lockSettled()
	defer s.mu.Unlock()
	e, err := s.listedDataset(in.DatasetArn)
	if err != nil {
		return nil, err
	}
	out := &customlabels.ListDatasetEntriesOutput{DatasetEntries: []string{}}
	if e.d.Status == customlabels.DatasetStatusCreateFailed {
		return out, nil
	}
	var last uint64
	for i := sort.Search(len(e.lines), func(i int) bool { return e.lines[i].seq > after }); i < len(e.lines); i++ {
		l := e.lines[i]
		if !q.match(l) {
			continue
		}
		if len(out.DatasetEntries) == limit {
			out.NextToken = s.encodeDatasetToken(q.filterHash(), binary.AppendUvarint(nil, last))
			break
		}
		out.DatasetEntries = append(out.DatasetEntries, l.text)
		last = l.seq
	}
	return out, nil
}

// listDatasetLabels answers ListDatasetLabels: the labels of the
// dataset's entries, by name, MaxResults (default 100) a page, each with
// EntryCount, the images that have it, and BoundingBoxCount, the images
// that have it on a bounding box (as the API reference defines both).
// NextToken holds the last label returned, bound to the dataset.
func (s *Server) listDatasetLabels(_ *caller, in *customlabels.ListDatasetLabelsInput) (*customlabels.ListDatasetLabelsOutput, error) {
	fh := labelsFilterHash(in.DatasetArn)
	limit := pageLimit(in.MaxResults, defaultDatasetPageSize)
	var after *string
	if in.NextToken != "" {
		payload, err := s.decodeDatasetToken(fh, in.NextToken)
		if err != nil {
			return nil, paginationError(err, "another DatasetArn")
		}
		name := string(payload)
		after = &name
	}

	s.lockSettled()
	defer s.mu.Unlock()
	e, err := s.listedDataset(in.DatasetArn)
	if err != nil {
		return nil, err
	}
	out := &customlabels.ListDatasetLabelsOutput{DatasetLabelDescriptions: []customlabels.DatasetLabelDescription{}}
	if e.d.Status == customlabels.DatasetStatusCreateFailed {
		return out, nil
	}
	labels := labelStats(e.lines)
	i := 0
	if after != nil {
		i = sort.Search(len(labels), func(i int) bool { return labels[i].LabelName > *after })
	}
	if end := i + limit; end < len(labels) {
		labels = labels[:end]
		out.NextToken = s.encodeDatasetToken(fh, tokenName(labels[end-1].LabelName))
	}
	out.DatasetLabelDescriptions = labels[i:]
	return out, nil
}

// labelStats counts the labels of lines, sorted by name.
func labelStats(lines []*datasetLine) []customlabels.DatasetLabelDescription {
	at := map[string]int{}
	var out []customlabels.DatasetLabelDescription
	for _, l := range lines {
		for _, name := range l.labels {
			i, ok := at[name]
			if !ok {
				i = len(out)
				at[name] = i
				out = append(out, customlabels.DatasetLabelDescription{LabelName: name})
			}
			out[i].LabelStats.EntryCount++
			if slices.Contains(l.boxLabels, name) {
				out[i].LabelStats.BoundingBoxCount++
			}
		}
	}
	slices.SortFunc(out, func(a, b customlabels.DatasetLabelDescription) int { return strings.Compare(a.LabelName, b.LabelName) })
	return out
}

// maxTokenName is the most bytes of a label a token holds, so that the
// token stays within the model's 1024 characters. A longer label is cut
// at a character boundary: the listing goes on after the labels that
// start with the cut, which lists again the last one returned only when
// several labels share their first 600 bytes.
const maxTokenName = 600

func tokenName(name string) []byte {
	if len(name) <= maxTokenName {
		return []byte(name)
	}
	n := maxTokenName
	for n > 0 && name[n]&0xc0 == 0x80 {
		n--
	}
	return []byte(name[:n])
}

func labelsFilterHash(arn string) [8]byte {
	sum := sha256.Sum256([]byte("ListDatasetLabels\x00" + arn))
	var out [8]byte
	copy(out[:], sum[:])
	return out
}

// The tokens of the dataset listings are base64 (standard alphabet) of
//
//	version (2) | filter hash (8) | position (the rest) | HMAC-SHA256 (16)
//
// under the server's token key, as DescribeProjects' tokens are, with a
// position of any length: a line's seq, or a label.
const datasetTokenVersion = 2

func (s *Server) encodeDatasetToken(fh [8]byte, payload []byte) string {
	b := make([]byte, 0, 1+8+len(payload)+tokenMAC)
	b = append(b, datasetTokenVersion)
	b = append(b, fh[:]...)
	b = append(b, payload...)
	m := hmac.New(sha256.New, s.tokenKey)
	m.Write(b)
	b = m.Sum(b)[:len(b)+tokenMAC]
	return base64.StdEncoding.EncodeToString(b)
}

func (s *Server) decodeDatasetToken(fh [8]byte, token string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(token)
	if err != nil || len(b) < 1+8+tokenMAC || b[0] != datasetTokenVersion {
		return nil, errTokenMalformed
	}
	body, mac := b[:len(b)-tokenMAC], b[len(b)-tokenMAC:]
	m := hmac.New(sha256.New, s.tokenKey)
	m.Write(body)
	if !hmac.Equal(m.Sum(nil)[:tokenMAC], mac) {
		return nil, errTokenMalformed
	}
	if !hmac.Equal(fh[:], body[1:9]) {
		return nil, errTokenQuery
	}
	return body[9:], nil
}
