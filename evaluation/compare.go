package evaluation

import (
	"math"
	"slices"
	"strings"
)

// Thresholds are labels' assumed thresholds as DetectCustomLabels takes
// them in MinConfidence: percentages, 0 to 100. The summary file writes
// them from 0 to 1, DetectCustomLabels from 0 to 100.
type Thresholds map[string]float32

// Thresholds returns each label's assumed threshold as a percentage. The
// guide's way to apply one threshold per label: call DetectCustomLabels
// with MinConfidence at most [Thresholds.Min] (or 0) and keep each label
// that [Thresholds.Keep] keeps.
func (s *Summary) Thresholds() Thresholds {
	t := make(Thresholds, len(s.LabelEvaluationResults))
	for _, l := range s.LabelEvaluationResults {
		t[l.Label] = percent(l.Metrics.Threshold)
	}
	return t
}

// percent turns a 0 to 1 threshold into a MinConfidence, within 0 to 100.
func percent(f float64) float32 {
	p := float32(f * 100)
	switch {
	case !(p >= 0): // NaN too
		return 0
	case p > 100:
		return 100
	}
	return p
}

// Min returns the lowest threshold, 0 for none: the MinConfidence that
// returns every label that Keep may keep.
func (t Thresholds) Min() float32 {
	first := true
	var m float32
	for _, v := range t {
		if first || v < m {
			m, first = v, false
		}
	}
	return m
}

// Keep reports whether a label that DetectCustomLabels returned with
// confidence (a percentage) reaches its threshold. A label without a
// threshold is kept.
func (t Thresholds) Keep(label string, confidence float32) bool {
	min, ok := t[label]
	return !ok || confidence >= min
}

// Change is a metric of two versions of a model.
type Change struct {
	// Base and Candidate are the metric of each version.
	Base, Candidate float64
}

// Delta returns Candidate - Base: positive when the candidate is better.
func (c Change) Delta() float64 { return c.Candidate - c.Base }

// Comparison compares the summaries of two versions of a model, trained
// on the same project: a base, such as the one in production, and a
// candidate.
type Comparison struct {
	// F1Score, Precision and Recall are the overall metrics.
	F1Score, Precision, Recall Change
	// Labels has every label of either summary, sorted by name.
	Labels []LabelChange
}

// LabelChange compares a label's results; a metric of a summary without
// the label is 0.
type LabelChange struct {
	// Label is the label compared.
	Label string
	// InBase and InCandidate say which summaries have the label.
	InBase, InCandidate bool
	// F1Score, Precision, Recall and Threshold are the label's metrics,
	// each 0 to 1.
	F1Score, Precision Change
	Recall, Threshold  Change
	// The number of test images with the label, in each summary.
	BaseTestingImages, CandidateTestingImages int
}

// Compare compares a base and a candidate summary.
func Compare(base, candidate *Summary) Comparison {
	b, c := base.AggregatedEvaluationResults, candidate.AggregatedEvaluationResults
	out := Comparison{
		F1Score:   Change{b.F1Score, c.F1Score},
		Precision: Change{b.Precision, c.Precision},
		Recall:    Change{b.Recall, c.Recall},
	}
	index := map[string]int{}
	get := func(label string) *LabelChange {
		i, ok := index[label]
		if !ok {
			i = len(out.Labels)
			index[label] = i
			out.Labels = append(out.Labels, LabelChange{Label: label})
		}
		return &out.Labels[i]
	}
	for _, l := range base.LabelEvaluationResults {
		lc := get(l.Label)
		lc.InBase = true
		lc.F1Score.Base, lc.Precision.Base = l.Metrics.F1Score, l.Metrics.Precision
		lc.Recall.Base, lc.Threshold.Base = l.Metrics.Recall, l.Metrics.Threshold
		lc.BaseTestingImages = l.NumberOfTestingImages
	}
	for _, l := range candidate.LabelEvaluationResults {
		lc := get(l.Label)
		lc.InCandidate = true
		lc.F1Score.Candidate, lc.Precision.Candidate = l.Metrics.F1Score, l.Metrics.Precision
		lc.Recall.Candidate, lc.Threshold.Candidate = l.Metrics.Recall, l.Metrics.Threshold
		lc.CandidateTestingImages = l.NumberOfTestingImages
	}
	slices.SortFunc(out.Labels, func(a, b LabelChange) int { return strings.Compare(a.Label, b.Label) })
	return out
}

// Better reports whether the candidate's overall F1 score is higher than
// the base's by more than tolerance (such as 0.005): the guide's measure
// for comparing models.
func (c Comparison) Better(tolerance float64) bool {
	return c.F1Score.Delta() > math.Abs(tolerance)
}
