package evaluation

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/manifest"
)

func TestParseManifestSummary(t *testing.T) {
	data, err := os.ReadFile("testdata/manifest_summary.json")
	require.NoError(t, err)
	s, err := ParseManifestSummary(bytes.NewReader(data))
	require.NoError(t, err)
	require.NotNil(t, s.Statistics.Training)
	require.NotNil(t, s.Statistics.Testing)
	assert.Equal(t, DatasetStatistics{
		UseCase: manifest.UseCaseObjectLocalization, TotalJSONLines: 9, ValidJSONLines: 6, InvalidJSONLines: 3,
		ErrorJSONLineIndices: []int{2, 5, 9},
		Errors:               []manifest.Issue{{Code: manifest.CodeTooManyInvalidRowsInManifest, Message: "The manifest file contains too many invalid rows."}},
	}, *s.Statistics.Testing)
	assert.Equal(t, 412, s.Statistics.Training.TotalJSONLines)
	assert.Len(t, s.Statistics.Training.ErrorJSONLineIndices, 31)
	assert.Empty(t, s.Errors)

	var buf bytes.Buffer
	_, err = s.WriteTo(&buf)
	require.NoError(t, err)
	assert.True(t, sameJSON(t, data, buf.Bytes()), "wrote %s", buf.Bytes())
}

func TestManifestSummaryWritesEmptyLists(t *testing.T) {
	s := ManifestSummary{Statistics: Statistics{Training: &DatasetStatistics{UseCase: manifest.UseCaseNotDetermined}}}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"errors":[],"statistics":{"training":{"use_case":"NOT_DETERMINED","total_json_lines":0,"valid_json_lines":0,
		"invalid_json_lines":0,"ignored_json_lines":0,"error_json_line_indices":[],"errors":[]}}}`, string(b))
	assert.Nil(t, s.Statistics.Training.Errors, "MarshalJSON does not change its receiver")
}

func TestParseManifestSummaryRefusesBadFiles(t *testing.T) {
	for _, tc := range []struct {
		name, in, field, rule string
	}{
		{"truncated", `{"statistics":{"training":{"use_case":`, "", "not JSON"},
		{"no statistics", `{"errors":[]}`, "statistics", "the file has no statistics"},
		{"statistics an array", `{"statistics":[]}`, "statistics", "it is an array, not an object"},
		{"a count a string", `{"statistics":{"testing":{"total_json_lines":"9"}}}`, "statistics.testing.total_json_lines", "it is a string, not an integer"},
		{"an index a fraction", `{"statistics":{"testing":{"error_json_line_indices":[1,2.5]}}}`, "statistics.testing.error_json_line_indices", "it is a number 2.5, not an integer"},
		{"an error a string", `{"statistics":{},"errors":["ERROR_X"]}`, "errors", "it is a string, not an object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseManifestSummary(strings.NewReader(tc.in))
			assert.Nil(t, s)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "manifest summary", pe.File)
			assert.Equal(t, tc.field, pe.Field)
			assert.Contains(t, pe.Rule, tc.rule)
		})
	}
	_, err := ParseManifestSummary(strings.NewReader(`{"statistics":{"training":{"use_case":`))
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

func TestNewDatasetStatistics(t *testing.T) {
	line := func(ref, label string) string {
		l, err := manifest.NewClassification("s3://orchard/"+ref, []string{label}, manifest.Labeling{})
		require.NoError(t, err)
		b, err := l.MarshalJSON()
		require.NoError(t, err)
		return string(b)
	}
	m := strings.Join([]string{
		line("1.jpg", "apple"),
		`{"source-ref":"s3://orchard/2.jpg"}`,
		strings.Replace(line("3.jpg", "pear"), `"confidence":1`, `"confidence":7`, 1),
		"not json",
		line("1.jpg", "pear"),
	}, "\n")
	rep, err := manifest.Validate(strings.NewReader(m), manifest.Options{MaxProblems: -1})
	require.NoError(t, err)
	st, err := NewDatasetStatistics(rep)
	require.NoError(t, err)
	assert.Equal(t, DatasetStatistics{
		UseCase: manifest.UseCaseImageLevelLabels, TotalJSONLines: 5, ValidJSONLines: 1, InvalidJSONLines: 3, IgnoredJSONLines: 1,
		ErrorJSONLineIndices: []int{3, 4, 5},
		Errors: []manifest.Issue{
			{Code: manifest.CodeTooManyInvalidRowsInManifest, Message: rep.Problems[len(rep.Problems)-2].Message},
			{Code: manifest.CodeManifestTooFewLabels, Message: rep.Problems[len(rep.Problems)-1].Message},
		},
	}, st)

	rep, err = manifest.Validate(strings.NewReader(m), manifest.Options{MaxProblems: 1})
	require.NoError(t, err)
	_, err = NewDatasetStatistics(rep)
	assert.ErrorContains(t, err, "omitted problems")
}
