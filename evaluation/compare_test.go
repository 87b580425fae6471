package evaluation

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestThresholds(t *testing.T) {
	s, _ := parseFixture(t, "summary_detection.json")
	th := s.Thresholds()
	assert.Equal(t, Thresholds{"apple": 61.2, "pear": 45.5, "plum": 2.13}, th)
	assert.Equal(t, float32(2.13), th.Min())
	assert.True(t, th.Keep("apple", 61.2))
	assert.False(t, th.Keep("apple", 61.1))
	assert.True(t, th.Keep("plum", 3))
	assert.True(t, th.Keep("fig", 0), "a label without a threshold is kept")
	assert.Equal(t, float32(0), Thresholds{}.Min())

	odd := Summary{LabelEvaluationResults: []LabelEvaluationResult{
		{Label: "over", Metrics: LabelMetrics{Threshold: 1.5}},
		{Label: "under", Metrics: LabelMetrics{Threshold: -0.1}},
	}}
	assert.Equal(t, Thresholds{"over": 100, "under": 0}, odd.Thresholds(), "kept within MinConfidence's 0 to 100")
}

func TestCompare(t *testing.T) {
	base, _ := parseFixture(t, "summary_detection.json")
	cand, _ := parseFixture(t, "summary_detection.json")
	cand.AggregatedEvaluationResults.F1Score = 0.91
	cand.LabelEvaluationResults = append(cand.LabelEvaluationResults[1:], LabelEvaluationResult{
		Label: "fig", NumberOfTestingImages: 12, Metrics: LabelMetrics{F1Score: 0.7, Precision: 0.75, Recall: 0.66, Threshold: 0.3},
	})
	cand.LabelEvaluationResults[0].Metrics.F1Score = 0.9

	c := Compare(base, cand)
	assert.InDelta(t, 0.0174, c.F1Score.Delta(), 1e-12)
	assert.Zero(t, c.Precision.Delta())
	assert.True(t, c.Better(0.01))
	assert.False(t, c.Better(0.02))
	assert.Equal(t, []LabelChange{
		{Label: "apple", InBase: true, F1Score: Change{0.9296, 0}, Precision: Change{0.95, 0}, Recall: Change{0.91, 0},
			Threshold: Change{0.612, 0}, BaseTestingImages: 120},
		{Label: "fig", InCandidate: true, F1Score: Change{0, 0.7}, Precision: Change{0, 0.75}, Recall: Change{0, 0.66},
			Threshold: Change{0, 0.3}, CandidateTestingImages: 12},
		{Label: "pear", InBase: true, InCandidate: true, F1Score: Change{0.8743, 0.9}, Precision: Change{0.9, 0.9}, Recall: Change{0.85, 0.85},
			Threshold: Change{0.455, 0.455}, BaseTestingImages: 60, CandidateTestingImages: 60},
		{Label: "plum", InBase: true, InCandidate: true, F1Score: Change{0.7895, 0.7895}, Precision: Change{0.81, 0.81}, Recall: Change{0.77, 0.77},
			Threshold: Change{0.0213, 0.0213}, BaseTestingImages: 30, CandidateTestingImages: 30},
	}, c.Labels)
	assert.False(t, Compare(cand, base).Better(0))
}
