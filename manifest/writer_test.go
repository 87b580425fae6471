package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriterWritesWhatTheReaderReads(t *testing.T) {
	var lines []Line
	for _, name := range []string{"classification.manifest", "detection.manifest", "service_entries.manifest"} {
		for _, b := range fixtureLines(t, name) {
			l, err := ParseLine(b)
			require.NoError(t, err)
			lines = append(lines, l)
		}
	}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, l := range lines {
		require.NoError(t, w.Write(l))
	}
	require.NoError(t, w.Flush())
	assert.Equal(t, len(lines), w.Lines())
	assert.Equal(t, len(lines), strings.Count(buf.String(), "\n"))

	r := NewReader(&buf)
	for i, want := range lines {
		got, err := r.Next()
		require.NoError(t, err, "line %d", i+1)
		assert.Equal(t, want, got, "line %d", i+1)
	}
}

func TestWriterRefusesWhatItCannotWrite(t *testing.T) {
	valid, err := NewClassification("s3://bucket/a.jpg", []string{"apple"}, Labeling{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		edit  func(l *Line)
		field string
	}{
		{"NaN confidence", func(l *Line) { l.Classifications[0].Confidence = math.NaN() }, "Classifications[0].Confidence"},
		{"infinite box", func(l *Line) {
			l.Detections = []Detection{{Attribute: "bb", Annotations: []Annotation{{Top: math.Inf(1)}}}}
		}, "Detections[0].Annotations[0].Top"},
		{"unknown member not JSON", func(l *Line) { l.Unknown = []Member{{Name: "x", Value: json.RawMessage(`{`)}} }, "Unknown[0]"},
		{"empty unknown member", func(l *Line) { l.Unknown = []Member{{Name: "x"}} }, "Unknown[0]"},
		{"attribute without a name", func(l *Line) { l.Classifications[0].Attribute = "" }, "Classifications[0].Attribute"},
		{"attribute named source-ref", func(l *Line) { l.Classifications[0].Attribute = "source-ref" }, "Classifications[0].Attribute"},
		{"attribute twice", func(l *Line) {
			l.Detections = []Detection{{Attribute: l.Classifications[0].Attribute}}
		}, "Detections[0].Attribute"},
		{"too long", func(l *Line) { l.Classifications[0].ClassName = strings.Repeat("é", MaxLineLength) }, "Line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := valid
			l.Classifications = append([]Classification(nil), valid.Classifications...)
			tc.edit(&l)
			var buf bytes.Buffer
			w := NewWriter(&buf)
			err := w.Write(l)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			_, err = l.MarshalJSON()
			assert.ErrorAs(t, err, &fe)
			// Nothing was written, and the writer goes on.
			require.NoError(t, w.Write(valid))
			require.NoError(t, w.Flush())
			assert.Equal(t, 1, strings.Count(buf.String(), "\n"))
			assert.Equal(t, 1, w.Lines())
		})
	}
}

func TestWriterCompactsUnknownJSONOnSeveralLines(t *testing.T) {
	l := Line{SourceRef: "s3://bucket/k", Unknown: []Member{{Name: "note", Value: json.RawMessage("{\n  \"a\": [1,\n 2]\n}")}}}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	require.NoError(t, w.Write(l))
	require.NoError(t, w.Flush())
	assert.Equal(t, `{"source-ref":"s3://bucket/k","note":{"a":[1,2]}}`+"\n", buf.String())
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

func TestWriterErrorsStick(t *testing.T) {
	fw := &failingWriter{}
	w := NewWriter(fw)
	l := Line{SourceRef: "s3://bucket/k", Unknown: []Member{{Name: "pad", Value: json.RawMessage(`"` + strings.Repeat("x", 70_000) + `"`)}}}
	err := w.Write(l)
	require.Error(t, err, "a line larger than the buffer is written through")
	assert.Equal(t, err, w.Write(l))
	assert.Equal(t, err, w.Flush())
	assert.Equal(t, 0, w.Lines())
}

func TestAppendFloatWritesAsEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 251, 1e20, 1e21, 1e-6, 1e-7, 123.456e-10, -2.5e30, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		got, err := appendFloat(nil, f, "f")
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%g", f)
	}
}
