package evaluation

import (
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"time"
)

// Summary is the evaluation summary file that training writes to S3
// (EvaluationResult.Summary in DescribeProjectVersions): the model's
// metrics over the test dataset, overall and per label. Its fields have
// the file's names.
type Summary struct {
	// Version is the version of the file's format.
	Version int
	// EvaluationDetails describes the training.
	EvaluationDetails EvaluationDetails
	// AggregatedEvaluationResults are the model's metrics over all labels.
	AggregatedEvaluationResults Metrics
	// LabelEvaluationResults are each label's metrics, in the file's
	// order; the service sorts them by F1 score (see SortLabels).
	LabelEvaluationResults []LabelEvaluationResult
	// Layout is where the file puts the aggregated metrics; the zero
	// value is today's.
	Layout Layout
}

// Layout is where a summary file puts its aggregated metrics. Both are
// documented: the reference page of the developer guide (im-summary-file)
// nests them in AggregatedEvaluationResults.Metrics, while an older
// example of the file (2019) puts them in AggregatedEvaluationResults
// itself.
type Layout int

const (
	// LayoutMetrics nests the metrics: AggregatedEvaluationResults.Metrics.F1Score.
	LayoutMetrics Layout = iota
	// LayoutFlat does not: AggregatedEvaluationResults.F1Score.
	LayoutFlat
)

// EvaluationDetails describes a training: the model, when its evaluation
// ended, its labels and how many images it was trained and tested with.
type EvaluationDetails struct {
	// ProjectVersionArn is the model's ARN.
	ProjectVersionArn string
	// EvaluationEndTimestamp is when the evaluation ended. The file
	// writes it in UTC without a zone, as 2019-11-21T07:30:23.910943.
	EvaluationEndTimestamp time.Time
	// Labels are the labels the model was trained on.
	Labels []string
	// NumberOfTrainingImages and NumberOfTestingImages are the images
	// trained and tested with.
	NumberOfTrainingImages int
	NumberOfTestingImages  int
}

// Metrics are the model's metrics over all labels, each 0 to 1.
type Metrics struct {
	// F1Score is the harmonic mean of Precision and Recall.
	F1Score float64
	// Precision is the share of the predictions that were right.
	Precision float64
	// Recall is the share of the labels in the test images that were
	// predicted.
	Recall float64
	// AveragePrecision (mAP) and AverageRecall (mAR) are written for an
	// object detection model only; nil when the file has none.
	AveragePrecision *float64
	AverageRecall    *float64
	// ConfusionMatrix is written for a classification model only.
	ConfusionMatrix []ConfusionMatrixEntry
}

// ConfusionMatrixEntry is one cell of the confusion matrix: the share of
// the test images of GroundTruthLabel predicted as PredictedLabel.
type ConfusionMatrixEntry struct {
	// GroundTruthLabel is the test images' label.
	GroundTruthLabel string
	// PredictedLabel is the label the model predicted for them.
	PredictedLabel string
	// Value is the share, 0 to 1.
	Value float64
}

// LabelEvaluationResult is one label's result over the test dataset.
type LabelEvaluationResult struct {
	// Label is the label.
	Label string
	// NumberOfTestingImages is the number of test images with the label.
	NumberOfTestingImages int
	// Metrics are the label's metrics.
	Metrics LabelMetrics
}

// LabelMetrics are a label's metrics at its assumed threshold.
type LabelMetrics struct {
	// Threshold is the label's assumed threshold, 0 to 1: the confidence
	// above which a prediction counts, chosen for the best F1 score. To
	// use it as DetectCustomLabels' MinConfidence, multiply by 100 (see
	// Summary.Thresholds).
	Threshold float64
	// F1Score, Precision and Recall are the label's, at its threshold.
	F1Score   float64
	Precision float64
	Recall    float64
}

// MaxFileSize is the largest file ParseSummary and ParseManifestSummary
// read: 64 MiB, ten times a summary of 250 labels with its full confusion
// matrix, or a manifest summary listing 500,000 line numbers.
const MaxFileSize = 64 << 20

// summaryTimeLayout is how the file writes EvaluationEndTimestamp;
// nanoTimeLayout keeps a time that has nanoseconds whole.
const (
	summaryTimeLayout = "2006-01-02T15:04:05.000000"
	nanoTimeLayout    = "2006-01-02T15:04:05.000000000"
)

func formatTimestamp(t time.Time) string {
	t = t.UTC()
	if t.Nanosecond()%1000 != 0 {
		return t.Format(nanoTimeLayout)
	}
	return t.Format(summaryTimeLayout)
}

// ParseSummary reads an evaluation summary file. Both documented layouts
// of AggregatedEvaluationResults are accepted, and the one read is kept in
// Layout. Members it does not know are ignored. A file that is not JSON,
// is cut short, has a member of the wrong type, lacks Version,
// EvaluationDetails, AggregatedEvaluationResults or
// LabelEvaluationResults, or is larger than MaxFileSize, gives an error
// that says which.
func ParseSummary(r io.Reader) (*Summary, error) {
	return parseFile[Summary](r, "summary")
}

// The file's shapes, with pointers for the members that must be there.
type summaryFile struct {
	Version                     *int                     `json:"Version"`
	EvaluationDetails           *detailsFile             `json:"EvaluationDetails"`
	AggregatedEvaluationResults *aggregatedFile          `json:"AggregatedEvaluationResults"`
	LabelEvaluationResults      *[]LabelEvaluationResult `json:"LabelEvaluationResults"`
}

type detailsFile struct {
	ProjectVersionArn      string          `json:"ProjectVersionArn"`
	EvaluationEndTimestamp json.RawMessage `json:"EvaluationEndTimestamp"`
	Labels                 []string        `json:"Labels"`
	NumberOfTrainingImages int             `json:"NumberOfTrainingImages"`
	NumberOfTestingImages  int             `json:"NumberOfTestingImages"`
}

type metricsFile struct {
	F1Score          *float64               `json:"F1Score,omitempty"`
	Precision        *float64               `json:"Precision,omitempty"`
	Recall           *float64               `json:"Recall,omitempty"`
	AveragePrecision *float64               `json:"AveragePrecision,omitempty"`
	AverageRecall    *float64               `json:"AverageRecall,omitempty"`
	ConfusionMatrix  []ConfusionMatrixEntry `json:"ConfusionMatrix,omitempty"`
}

// aggregatedFile has both layouts: Metrics, or the same members without
// it. (They are not embedded, so that encoding/json's errors name the
// members as the file does.)
type aggregatedFile struct {
	Metrics          *metricsFile           `json:"Metrics,omitempty"`
	F1Score          *float64               `json:"F1Score,omitempty"`
	Precision        *float64               `json:"Precision,omitempty"`
	Recall           *float64               `json:"Recall,omitempty"`
	AveragePrecision *float64               `json:"AveragePrecision,omitempty"`
	AverageRecall    *float64               `json:"AverageRecall,omitempty"`
	ConfusionMatrix  []ConfusionMatrixEntry `json:"ConfusionMatrix,omitempty"`
}

func (a *aggregatedFile) flat() *metricsFile {
	return &metricsFile{
		F1Score: a.F1Score, Precision: a.Precision, Recall: a.Recall,
		AveragePrecision: a.AveragePrecision, AverageRecall: a.AverageRecall, ConfusionMatrix: a.ConfusionMatrix,
	}
}

// UnmarshalJSON parses a summary file, as ParseSummary does.
func (s *Summary) UnmarshalJSON(data []byte) error {
	var f summaryFile
	if err := decodeFile(data, &f, "summary"); err != nil {
		return err
	}
	missing := func(member string) error {
		return &ParseError{File: "summary", Field: member, Rule: "the file has no " + member}
	}
	switch {
	case f.Version == nil:
		return missing("Version")
	case f.EvaluationDetails == nil:
		return missing("EvaluationDetails")
	case f.AggregatedEvaluationResults == nil:
		return missing("AggregatedEvaluationResults")
	case f.LabelEvaluationResults == nil:
		return missing("LabelEvaluationResults")
	}
	// Empty lists read as nil, as MarshalJSON writes nil as an empty list
	// (or, for ConfusionMatrix, not at all): a summary round-trips.
	out := Summary{Version: *f.Version, LabelEvaluationResults: nilIfEmpty(*f.LabelEvaluationResults)}
	d := f.EvaluationDetails
	out.EvaluationDetails = EvaluationDetails{
		ProjectVersionArn: d.ProjectVersionArn, Labels: nilIfEmpty(d.Labels),
		NumberOfTrainingImages: d.NumberOfTrainingImages, NumberOfTestingImages: d.NumberOfTestingImages,
	}
	if len(d.EvaluationEndTimestamp) > 0 && string(d.EvaluationEndTimestamp) != "null" {
		t, err := parseTimestamp(d.EvaluationEndTimestamp)
		if err != nil {
			return &ParseError{File: "summary", Field: "EvaluationDetails.EvaluationEndTimestamp", Rule: err.Error()}
		}
		out.EvaluationDetails.EvaluationEndTimestamp = t
	}
	agg := f.AggregatedEvaluationResults
	m := agg.Metrics
	if m == nil {
		m, out.Layout = agg.flat(), LayoutFlat
	} else if agg.F1Score != nil || agg.Precision != nil || agg.Recall != nil ||
		agg.AveragePrecision != nil || agg.AverageRecall != nil || agg.ConfusionMatrix != nil {
		return &ParseError{File: "summary", Field: "AggregatedEvaluationResults",
			Rule: "it has metrics both in Metrics and outside it; a file has one layout or the other"}
	}
	out.AggregatedEvaluationResults = Metrics{
		F1Score: deref(m.F1Score), Precision: deref(m.Precision), Recall: deref(m.Recall),
		AveragePrecision: m.AveragePrecision, AverageRecall: m.AverageRecall, ConfusionMatrix: nilIfEmpty(m.ConfusionMatrix),
	}
	*s = out
	return nil
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

func deref(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}

// parseTimestamp reads EvaluationEndTimestamp: a string in UTC without a
// zone (as the file writes it), or with one (RFC 3339).
func parseTimestamp(raw json.RawMessage) (time.Time, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, errors.New("it is " + jsonKind(raw) + ", not a string")
	}
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", time.RFC3339Nano, "2006-01-02 15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, errors.New(quote(s) + " is not a date and time such as 2019-11-21T07:30:23.910943")
}

// MarshalJSON writes the summary as the service lays it out, with the
// aggregated metrics in the layout s.Layout names. EvaluationEndTimestamp
// is written in UTC with microseconds (nanoseconds if it has any) and no
// zone. A NaN or infinite metric is an error.
func (s Summary) MarshalJSON() ([]byte, error) {
	type details struct {
		ProjectVersionArn      string   `json:"ProjectVersionArn"`
		EvaluationEndTimestamp string   `json:"EvaluationEndTimestamp"`
		Labels                 []string `json:"Labels"`
		NumberOfTrainingImages int      `json:"NumberOfTrainingImages"`
		NumberOfTestingImages  int      `json:"NumberOfTestingImages"`
	}
	m := s.AggregatedEvaluationResults
	metrics := metricsFile{
		F1Score: &m.F1Score, Precision: &m.Precision, Recall: &m.Recall,
		AveragePrecision: m.AveragePrecision, AverageRecall: m.AverageRecall, ConfusionMatrix: m.ConfusionMatrix,
	}
	agg := aggregatedFile{Metrics: &metrics}
	if s.Layout == LayoutFlat {
		agg = aggregatedFile{
			F1Score: metrics.F1Score, Precision: metrics.Precision, Recall: metrics.Recall,
			AveragePrecision: metrics.AveragePrecision, AverageRecall: metrics.AverageRecall, ConfusionMatrix: metrics.ConfusionMatrix,
		}
	}
	labels := s.LabelEvaluationResults
	if labels == nil {
		labels = []LabelEvaluationResult{}
	}
	names := s.EvaluationDetails.Labels
	if names == nil {
		names = []string{}
	}
	d := s.EvaluationDetails
	b, err := json.Marshal(struct {
		Version                     int                     `json:"Version"`
		EvaluationDetails           details                 `json:"EvaluationDetails"`
		AggregatedEvaluationResults aggregatedFile          `json:"AggregatedEvaluationResults"`
		LabelEvaluationResults      []LabelEvaluationResult `json:"LabelEvaluationResults"`
	}{
		Version: s.Version,
		EvaluationDetails: details{
			ProjectVersionArn: d.ProjectVersionArn, EvaluationEndTimestamp: formatTimestamp(d.EvaluationEndTimestamp),
			Labels: names, NumberOfTrainingImages: d.NumberOfTrainingImages, NumberOfTestingImages: d.NumberOfTestingImages,
		},
		AggregatedEvaluationResults: agg,
		LabelEvaluationResults:      labels,
	})
	if err != nil {
		return nil, errors.New("evaluation: writing summary: " + err.Error())
	}
	return b, nil
}

// WriteTo writes the summary to w as JSON and a line break, as
// MarshalJSON lays it out.
func (s *Summary) WriteTo(w io.Writer) (int64, error) {
	return writeJSON(w, s)
}

// Label returns the result of a label, and whether the summary has it.
func (s *Summary) Label(name string) (LabelEvaluationResult, bool) {
	for _, l := range s.LabelEvaluationResults {
		if l.Label == name {
			return l, true
		}
	}
	return LabelEvaluationResult{}, false
}

// SortLabels sorts LabelEvaluationResults as the service does, by F1 score
// from the highest, and by label among equal scores.
func (s *Summary) SortLabels() {
	slices.SortStableFunc(s.LabelEvaluationResults, func(a, b LabelEvaluationResult) int {
		switch {
		case a.Metrics.F1Score > b.Metrics.F1Score:
			return -1
		case a.Metrics.F1Score < b.Metrics.F1Score:
			return 1
		}
		return strings.Compare(a.Label, b.Label)
	})
}

// writeJSON writes v's JSON and a line break.
func writeJSON(w io.Writer, v json.Marshaler) (int64, error) {
	b, err := v.MarshalJSON()
	if err != nil {
		return 0, err
	}
	n, err := w.Write(append(b, '\n'))
	return int64(n), err
}

var _ io.WriterTo = (*Summary)(nil)
