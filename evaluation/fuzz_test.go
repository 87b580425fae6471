package evaluation

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzParseSummary parses arbitrary bytes as a summary file: it must give
// a summary or a *ParseError, never panic, and a summary it gives must
// write back and parse to the same summary.
func FuzzParseSummary(f *testing.F) {
	for _, name := range []string{"summary_detection.json", "summary_classification.json", "summary_flat_2019.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{``, `{}`, `[]`, `null`, `{"Version":1,"EvaluationDetails":{"EvaluationEndTimestamp":"2019-11-21T07:30:23.123456789+14:00"},"AggregatedEvaluationResults":{},"LabelEvaluationResults":[]}`,
		`{"Version":1e400}`, `{"Version":1,"EvaluationDetails":null,"AggregatedEvaluationResults":{"Metrics":null},"LabelEvaluationResults":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSummary(bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseSummary: %T %v, want a *ParseError", err, err)
			}
			return
		}
		out, err := s.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		again, err := ParseSummary(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("ParseSummary(%s): %v", out, err)
		}
		out2, err := again.MarshalJSON()
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("writing again: %v\n 1st: %s\n 2nd: %s", err, out, out2)
		}
		if !s.EvaluationDetails.EvaluationEndTimestamp.Equal(again.EvaluationDetails.EvaluationEndTimestamp) ||
			s.AggregatedEvaluationResults.F1Score != again.AggregatedEvaluationResults.F1Score ||
			len(s.LabelEvaluationResults) != len(again.LabelEvaluationResults) || s.Layout != again.Layout {
			t.Fatalf("the summary changed:\n%+v\n%+v", s, again)
		}
		_ = s.Thresholds().Min()
		_ = Compare(s, again)
	})
}

// FuzzParseManifestSummary does the same for manifest_summary.json.
func FuzzParseManifestSummary(f *testing.F) {
	data, err := os.ReadFile("testdata/manifest_summary.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{``, `{"statistics":{}}`, `{"statistics":null}`, `{"statistics":{"training":{"error_json_line_indices":[1e3]}},"errors":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseManifestSummary(bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseManifestSummary: %T %v, want a *ParseError", err, err)
			}
			return
		}
		out, err := s.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		again, err := ParseManifestSummary(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("ParseManifestSummary(%s): %v", out, err)
		}
		out2, err := again.MarshalJSON()
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("writing again: %v\n 1st: %s\n 2nd: %s", err, out, out2)
		}
	})
}
