package evaluation

import (
	"encoding/json"
	"errors"
	"io"
	"slices"

	"github.com/rekognition-go/customlabels/manifest"
)

// ManifestSummary is manifest_summary.json, which training writes to S3
// (ManifestSummary in DescribeProjectVersions) unless a manifest had a
// terminal file error: the JSON lines of each manifest counted by what
// the service made of them, and the manifest content errors.
type ManifestSummary struct {
	// Statistics are per manifest.
	Statistics Statistics `json:"statistics"`
	// Errors are the errors that span both manifests, such as
	// ERROR_INSUFFICIENT_LABEL_OVERLAP.
	Errors []manifest.Issue `json:"errors"`
}

// Statistics are the statistics of the training and the test manifest;
// nil when the file has none for that manifest.
type Statistics struct {
	// Training is about the training manifest.
	Training *DatasetStatistics `json:"training,omitempty"`
	// Testing is about the test manifest.
	Testing *DatasetStatistics `json:"testing,omitempty"`
}

// DatasetStatistics count the JSON lines of one manifest.
type DatasetStatistics struct {
	// UseCase is IMAGE_LEVEL_LABELS, OBJECT_LOCALIZATION or
	// NOT_DETERMINED.
	UseCase manifest.UseCase `json:"use_case"`
	// TotalJSONLines is the number of lines (images).
	TotalJSONLines int `json:"total_json_lines"`
	// ValidJSONLines is the number of lines used.
	ValidJSONLines int `json:"valid_json_lines"`
	// InvalidJSONLines is the number of lines not used because of an
	// error.
	InvalidJSONLines int `json:"invalid_json_lines"`
	// IgnoredJSONLines is the number of lines not used because they have
	// no labels or boxes; they are not invalid.
	IgnoredJSONLines int `json:"ignored_json_lines"`
	// ErrorJSONLineIndices are the numbers of the lines with errors in
	// the validation manifest (training_manifest_with_validation.json or
	// its testing twin). The guide calls them line numbers; its example
	// lists 15 in a manifest of 15 lines, so they start at 1.
	ErrorJSONLineIndices []int `json:"error_json_line_indices"`
	// Errors are the manifest content errors, such as
	// ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST.
	Errors []manifest.Issue `json:"errors"`
}

// ParseManifestSummary reads manifest_summary.json. A file that is not
// JSON, is cut short, has a member of the wrong type, lacks statistics,
// or is larger than MaxFileSize, gives a [*ParseError] that says which.
// Members it does not know are ignored.
func ParseManifestSummary(r io.Reader) (*ManifestSummary, error) {
	return parseFile[ManifestSummary](r, "manifest summary")
}

// UnmarshalJSON parses manifest_summary.json, as ParseManifestSummary
// does.
func (s *ManifestSummary) UnmarshalJSON(data []byte) error {
	var f struct {
		Statistics *Statistics      `json:"statistics"`
		Errors     []manifest.Issue `json:"errors"`
	}
	if err := decodeFile(data, &f, "manifest summary"); err != nil {
		return err
	}
	if f.Statistics == nil {
		return &ParseError{File: "manifest summary", Field: "statistics", Rule: "the file has no statistics"}
	}
	// Empty lists read as nil, as MarshalJSON writes nil as []: a
	// ManifestSummary round-trips.
	*s = ManifestSummary{Statistics: *f.Statistics, Errors: nilIfEmpty(f.Errors)}
	for _, st := range []*DatasetStatistics{s.Statistics.Training, s.Statistics.Testing} {
		if st != nil {
			st.ErrorJSONLineIndices, st.Errors = nilIfEmpty(st.ErrorJSONLineIndices), nilIfEmpty(st.Errors)
		}
	}
	return nil
}

// MarshalJSON writes the file as the service lays it out; empty lists
// are written as [], as in the guide's example.
func (s ManifestSummary) MarshalJSON() ([]byte, error) {
	type file ManifestSummary // without the methods
	out := file(s)
	out.Errors = orEmpty(out.Errors)
	for _, st := range []**DatasetStatistics{&out.Statistics.Training, &out.Statistics.Testing} {
		if *st != nil {
			c := **st
			c.ErrorJSONLineIndices, c.Errors = orEmpty(c.ErrorJSONLineIndices), orEmpty(c.Errors)
			*st = &c
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, errors.New("evaluation: writing manifest summary: " + err.Error())
	}
	return b, nil
}

// WriteTo writes the file to w as JSON and a line break.
func (s *ManifestSummary) WriteTo(w io.Writer) (int64, error) {
	return writeJSON(w, s)
}

var _ io.WriterTo = (*ManifestSummary)(nil)

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// NewDatasetStatistics returns the statistics the service would write for
// a manifest, from its validation report: its counts and use case, the
// numbers of the lines with errors (terminal content errors and
// non-terminal errors; not warnings), and its manifest content errors.
// The service reports more than 20 % invalid lines during training as
// ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST, which the report calls
// ERROR_TOO_MANY_RECORDS_IN_ERROR as CreateDataset does; only the service's
// codes are kept.
//
// The line numbers come from rep.Problems, so they are complete only when
// no problem was omitted: validate with Options.MaxProblems negative. A
// report with omitted problems is an error.
func NewDatasetStatistics(rep *manifest.Report) (DatasetStatistics, error) {
	if rep.ProblemsOmitted > 0 {
		return DatasetStatistics{}, errors.New("evaluation: the report omitted problems, so it cannot list every line with errors; validate with Options.MaxProblems negative")
	}
	st := DatasetStatistics{
		UseCase:          rep.UseCase,
		TotalJSONLines:   rep.Lines,
		ValidJSONLines:   rep.ValidLines,
		InvalidJSONLines: rep.InvalidLines,
		IgnoredJSONLines: rep.IgnoredLines,
	}
	for _, p := range rep.Problems {
		switch {
		case p.Line > 0 && (p.Tier == manifest.TierContent || p.Tier == manifest.TierNonTerminal):
			if n := len(st.ErrorJSONLineIndices); n == 0 || st.ErrorJSONLineIndices[n-1] != p.Line {
				st.ErrorJSONLineIndices = append(st.ErrorJSONLineIndices, p.Line)
			}
		case p.Line == 0 && (p.Tier == manifest.TierFile || p.Tier == manifest.TierTraining) && p.Code.Service():
			code := p.Code
			if code == manifest.CodeTooManyRecordsInError {
				code = manifest.CodeTooManyInvalidRowsInManifest
			}
			st.Errors = append(st.Errors, manifest.Issue{Code: code, Message: p.Message})
		}
	}
	slices.Sort(st.ErrorJSONLineIndices)
	st.ErrorJSONLineIndices = slices.Compact(st.ErrorJSONLineIndices)
	return st, nil
}
