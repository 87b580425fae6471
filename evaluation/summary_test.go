package evaluation

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parseFixture(t *testing.T, name string) (*Summary, []byte) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	s, err := ParseSummary(bytes.NewReader(data))
	require.NoError(t, err, name)
	return s, data
}

// sameJSON reports whether a and b hold the same JSON value.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	require.NoError(t, json.Unmarshal(a, &va))
	require.NoError(t, json.Unmarshal(b, &vb))
	return reflect.DeepEqual(va, vb)
}

func ptr(f float64) *float64 { return &f }

func TestParseSummaryDetection(t *testing.T) {
	s, _ := parseFixture(t, "summary_detection.json")
	assert.Equal(t, &Summary{
		Version: 1,
		EvaluationDetails: EvaluationDetails{
			ProjectVersionArn:      "arn:aws:rekognition:eu-west-1:111122223333:project/orchard/version/orchard.2024-06-20T10.00.00/1718877600000",
			EvaluationEndTimestamp: time.Date(2024, 6, 20, 12, 41, 7, 502118000, time.UTC),
			Labels:                 []string{"apple", "pear", "plum"},
			NumberOfTrainingImages: 840,
			NumberOfTestingImages:  210,
		},
		AggregatedEvaluationResults: Metrics{
			Precision: 0.912, Recall: 0.874, F1Score: 0.8926,
			AveragePrecision: ptr(0.9051), AverageRecall: ptr(0.8833),
		},
		LabelEvaluationResults: []LabelEvaluationResult{
			{Label: "apple", NumberOfTestingImages: 120, Metrics: LabelMetrics{Threshold: 0.612, Precision: 0.95, Recall: 0.91, F1Score: 0.9296}},
			{Label: "pear", NumberOfTestingImages: 60, Metrics: LabelMetrics{Threshold: 0.455, Precision: 0.9, Recall: 0.85, F1Score: 0.8743}},
			{Label: "plum", NumberOfTestingImages: 30, Metrics: LabelMetrics{Threshold: 0.0213, Precision: 0.81, Recall: 0.77, F1Score: 0.7895}},
		},
		Layout: LayoutMetrics,
	}, s)
}

func TestParseSummaryFlatLayout(t *testing.T) {
	s, _ := parseFixture(t, "summary_flat_2019.json")
	assert.Equal(t, LayoutFlat, s.Layout)
	assert.Equal(t, 0.9412, s.AggregatedEvaluationResults.F1Score)
	assert.Len(t, s.AggregatedEvaluationResults.ConfusionMatrix, 4)
	assert.Nil(t, s.AggregatedEvaluationResults.AveragePrecision)
	l, ok := s.Label("SCARF")
	require.True(t, ok)
	assert.Equal(t, 0.0172, l.Metrics.Threshold)
	_, ok = s.Label("GLOVE")
	assert.False(t, ok)
}

func TestSummaryRoundTrips(t *testing.T) {
	for _, name := range []string{"summary_detection.json", "summary_classification.json", "summary_flat_2019.json"} {
		t.Run(name, func(t *testing.T) {
			s, data := parseFixture(t, name)
			var buf bytes.Buffer
			n, err := s.WriteTo(&buf)
			require.NoError(t, err)
			assert.Equal(t, int64(buf.Len()), n)
			assert.True(t, sameJSON(t, data, buf.Bytes()), "wrote %s", buf.Bytes())
			again, err := ParseSummary(&buf)
			require.NoError(t, err)
			assert.Equal(t, s, again)
		})
	}
}

func TestSummaryWritesTheServiceLayout(t *testing.T) {
	s := Summary{
		Version: 1,
		EvaluationDetails: EvaluationDetails{
			ProjectVersionArn:      "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v/1",
			EvaluationEndTimestamp: time.Date(2024, 1, 2, 4, 5, 6, 7000, time.FixedZone("x", 3600)),
		},
		AggregatedEvaluationResults: Metrics{F1Score: 0.5, Precision: 0.25, Recall: 1},
	}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Version":1,
		"EvaluationDetails":{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:111122223333:project/p/version/v/1",
			"EvaluationEndTimestamp":"2024-01-02T03:05:06.000007","Labels":[],"NumberOfTrainingImages":0,"NumberOfTestingImages":0},
		"AggregatedEvaluationResults":{"Metrics":{"F1Score":0.5,"Precision":0.25,"Recall":1}},
		"LabelEvaluationResults":[]}`, string(b))

	s.Layout = LayoutFlat
	b, err = json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"AggregatedEvaluationResults":{"F1Score":0.5,"Precision":0.25,"Recall":1}`)

	s.AggregatedEvaluationResults.Recall = 2 * s.AggregatedEvaluationResults.Recall / 0 // +Inf
	_, err = json.Marshal(s)
	assert.Error(t, err)
}

func TestParseSummaryTimestamps(t *testing.T) {
	base := `{"Version":1,"AggregatedEvaluationResults":{"Metrics":{}},"LabelEvaluationResults":[],"EvaluationDetails":{"EvaluationEndTimestamp":%s}}`
	for in, want := range map[string]time.Time{
		`"2019-11-21T07:30:23.910943"`:  time.Date(2019, 11, 21, 7, 30, 23, 910943000, time.UTC),
		`"2019-11-21T07:30:23"`:         time.Date(2019, 11, 21, 7, 30, 23, 0, time.UTC),
		`"2019-11-21T08:30:23.5+01:00"`: time.Date(2019, 11, 21, 7, 30, 23, 500000000, time.UTC),
		`"2019-11-21T07:30:23Z"`:        time.Date(2019, 11, 21, 7, 30, 23, 0, time.UTC),
		`"2019-11-21 07:30:23.910943"`:  time.Date(2019, 11, 21, 7, 30, 23, 910943000, time.UTC),
		`null`:                          {},
	} {
		s, err := ParseSummary(strings.NewReader(strings.Replace(base, "%s", in, 1)))
		require.NoError(t, err, in)
		assert.True(t, want.Equal(s.EvaluationDetails.EvaluationEndTimestamp), "%s: got %v", in, s.EvaluationDetails.EvaluationEndTimestamp)
	}
}

func TestParseSummaryRefusesBadFiles(t *testing.T) {
	good, err := os.ReadFile("testdata/summary_detection.json")
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		in    string
		field string
		rule  string
	}{
		{"empty", ``, "", "not JSON"},
		{"HTML", `<html><body>Access Denied</body></html>`, "", "not JSON"},
		{"an array", `[]`, "", "the file is an array, not a JSON object"},
		{"null", `null`, "", "the file is null, not a JSON object"},
		{"no Version", `{"EvaluationDetails":{},"AggregatedEvaluationResults":{},"LabelEvaluationResults":[]}`, "Version", "the file has no Version"},
		{"no labels", `{"Version":1,"EvaluationDetails":{},"AggregatedEvaluationResults":{}}`, "LabelEvaluationResults", "the file has no LabelEvaluationResults"},
		{"Version a fraction", `{"Version":1.5}`, "Version", "it is a number 1.5, not an integer"},
		{"F1 a string", strings.Replace(string(good), `"F1Score": 0.8926`, `"F1Score": "0.8926"`, 1),
			"AggregatedEvaluationResults.Metrics.F1Score", "it is a string, not a number"},
		{"flat F1 a string", `{"Version":1,"AggregatedEvaluationResults":{"F1Score":"x"}}`, "AggregatedEvaluationResults.F1Score", "it is a string, not a number"},
		{"labels an object", strings.Replace(string(good), `"LabelEvaluationResults": [`, `"LabelEvaluationResults": {"x":[`, 1) + "}",
			"LabelEvaluationResults", "it is an object, not an array"},
		{"label threshold a bool", strings.Replace(string(good), `"Threshold": 0.612`, `"Threshold": true`, 1),
			"LabelEvaluationResults.Metrics.Threshold", "it is a bool, not a number"},
		{"timestamp a number", strings.Replace(string(good), `"2024-06-20T12:41:07.502118"`, `1718887267`, 1),
			"EvaluationDetails.EvaluationEndTimestamp", "it is a number, not a string"},
		{"timestamp not a date", strings.Replace(string(good), `"2024-06-20T12:41:07.502118"`, `"yesterday"`, 1),
			"EvaluationDetails.EvaluationEndTimestamp", `"yesterday" is not a date and time`},
		{"both layouts", `{"Version":1,"EvaluationDetails":{},"AggregatedEvaluationResults":{"Metrics":{"F1Score":1},"F1Score":0.5},"LabelEvaluationResults":[]}`,
			"AggregatedEvaluationResults", "both in Metrics and outside it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseSummary(strings.NewReader(tc.in))
			assert.Nil(t, s)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "summary", pe.File)
			assert.Equal(t, tc.field, pe.Field)
			assert.Contains(t, pe.Rule, tc.rule)
			assert.True(t, strings.HasPrefix(err.Error(), "evaluation: summary: "), err.Error())
		})
	}
}

func TestParseSummaryTruncated(t *testing.T) {
	good, err := os.ReadFile("testdata/summary_classification.json")
	require.NoError(t, err)
	for n := 0; n < len(good)-1; n += 7 {
		_, err := ParseSummary(bytes.NewReader(good[:n]))
		require.Error(t, err, "%d bytes", n)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "%d bytes: %v", n, err)
	}
}

func TestParseSummaryTooLarge(t *testing.T) {
	big := io.MultiReader(strings.NewReader(`{"Version":1,"x":"`), &repeatReader{b: 'x', n: MaxFileSize})
	_, err := ParseSummary(big)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "the file is larger than 64 MiB", pe.Rule)
}

func TestParseSummaryReadError(t *testing.T) {
	boom := errors.New("connection reset")
	_, err := ParseSummary(io.MultiReader(strings.NewReader(`{"Version":`), iotest.ErrReader(boom)))
	assert.ErrorIs(t, err, boom)
}

// repeatReader reads n bytes of b.
type repeatReader struct {
	b     byte
	n     int
	block []byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	if r.block == nil {
		r.block = bytes.Repeat([]byte{r.b}, 64<<10)
	}
	k := copy(p[:min(len(p), r.n)], r.block)
	r.n -= k
	return k, nil
}

func TestSortLabels(t *testing.T) {
	s := Summary{LabelEvaluationResults: []LabelEvaluationResult{
		{Label: "b", Metrics: LabelMetrics{F1Score: 0.5}},
		{Label: "c", Metrics: LabelMetrics{F1Score: 0.9}},
		{Label: "a", Metrics: LabelMetrics{F1Score: 0.5}},
	}}
	s.SortLabels()
	var got []string
	for _, l := range s.LabelEvaluationResults {
		got = append(got, l.Label)
	}
	assert.Equal(t, []string{"c", "a", "b"}, got)
}
