package manifest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLineRoundTripsFixtures(t *testing.T) {
	for _, name := range []string{"classification.manifest", "detection.manifest", "service_entries.manifest"} {
		for i, line := range fixtureLines(t, name) {
			l, err := ParseLine(line)
			require.NoError(t, err, "%s line %d", name, i+1)
			out, err := l.MarshalJSON()
			require.NoError(t, err, "%s line %d", name, i+1)
			assert.True(t, sameJSON(t, line, out), "%s line %d:\n in: %s\nout: %s", name, i+1, line, out)
			// Writing what was read again gives the same bytes.
			again, err := ParseLine(out)
			require.NoError(t, err)
			out2, err := again.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(out), string(out2), "%s line %d", name, i+1)
		}
	}
}

func TestParseLineTypesDocumentedShapes(t *testing.T) {
	lines := fixtureLines(t, "classification.manifest")
	l, err := ParseLine(lines[0])
	require.NoError(t, err)
	assert.Equal(t, Line{
		SourceRef: "s3://orchard-photos/train/apple-001.jpg",
		Classifications: []Classification{{
			Attribute: "fruit", ClassID: 3, ClassName: "apple", Confidence: 0.97, HumanAnnotated: "yes",
			CreationDate: "2024-05-02T09:14:31.201877", JobName: "labeling-job/fruit",
		}},
	}, l)

	l, err = ParseLine(lines[2])
	require.NoError(t, err)
	assert.Equal(t, []string{"market", "apple"}, l.Labels())
	assert.Len(t, l.Classifications, 2)
	assert.Empty(t, l.Unknown)

	l, err = ParseLine(lines[3])
	require.NoError(t, err)
	assert.Equal(t, "s3://orchard-photos/train/café table.jpg", l.SourceRef)
	assert.Equal(t, "pomme verte à côté", l.Classifications[0].ClassName)

	det, err := ParseLine(fixtureLines(t, "detection.manifest")[1])
	require.NoError(t, err)
	assert.Equal(t, Line{
		SourceRef: "s3://orchard-photos/boxes/crate-02.jpg",
		Detections: []Detection{{
			Attribute: "boxes", ImageSize: ImageSize{Width: 3000, Height: 2000, Depth: 3},
			Annotations: []Annotation{{ClassID: 2, Top: 8.25, Left: 12.5, Width: 300.75, Height: 250, Confidence: 1}},
			ClassMap:    map[int]string{2: "plum"}, HumanAnnotated: "yes", CreationDate: "2024-06-11T07:00:00",
			JobName: "coco-import",
		}},
	}, det)
	assert.False(t, det.HasErrors())
}

func TestParseLineKeepsServiceAdditions(t *testing.T) {
	lines := fixtureLines(t, "service_entries.manifest")

	l, err := ParseLine(lines[0])
	require.NoError(t, err)
	require.Len(t, l.Detections, 1)
	assert.Equal(t, []Issue{{Code: CodeBoundingBoxTooSmall, Message: "The height and width of the bounding box is too small."}},
		l.Detections[0].Annotations[0].Errors)
	assert.True(t, l.HasErrors())

	// A classification with errors in its metadata and on the line.
	l, err = ParseLine(lines[1])
	require.NoError(t, err)
	require.Len(t, l.Classifications, 1)
	assert.Equal(t, CodeInvalidLabelAttributeMetadata, l.Classifications[0].Errors[0].Code)
	assert.Equal(t, CodeNoValidLabelAttributes, l.Errors[0].Code)

	// Warnings on the line and on the label attribute.
	l, err = ParseLine(lines[2])
	require.NoError(t, err)
	require.Len(t, l.Detections, 1)
	assert.Equal(t, CodeWarningNoAttributeAnnotations, l.Detections[0].Warnings[0].Code)
	assert.Equal(t, CodeWarningNoAnnotations, l.Warnings[0].Code)
	assert.False(t, l.HasErrors())

	// An unsupported type stays raw, with the service's cl- members.
	l, err = ParseLine(lines[3])
	require.NoError(t, err)
	assert.Empty(t, l.Detections)
	var names []string
	for _, m := range l.Unknown {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"BB", "BB-metadata", "cl-metadata", "cl-errors"}, names)
	assert.True(t, l.HasErrors(), "cl-errors counts as errors")

	// The line the service writes in place of one that is not JSON.
	l, err = ParseLine(lines[5])
	require.NoError(t, err)
	assert.Equal(t, "", l.SourceRef)
	assert.True(t, l.HasErrors())

	// Unknown members at every level, an empty errors array, an error
	// object with a member Issue does not have.
	l, err = ParseLine(lines[6])
	require.NoError(t, err)
	require.Len(t, l.Detections, 1)
	d := l.Detections[0]
	assert.Equal(t, "tool", d.Unknown[0].Name)
	assert.Equal(t, `"manual"`, string(d.Annotations[0].Unknown[0].Value))
	assert.Equal(t, []string{"errors", "reviewer"}, []string{d.MetadataUnknown[0].Name, d.MetadataUnknown[1].Name})
	assert.Empty(t, l.Errors, "an error with an extra member stays raw")
	assert.Equal(t, "errors", l.Unknown[0].Name)
	assert.True(t, l.HasErrors())
}

func TestParseLineKeepsMalformedAttributesRaw(t *testing.T) {
	for name, line := range map[string]string{
		"class id not an integer":    `{"source-ref":"s3://b/k","a":1.5,"a-metadata":{"confidence":1,"class-name":"x","human-annotated":"yes","creation-date":"2024-01-01T00:00:00","type":"groundtruth/image-classification"}}`,
		"no confidence":              `{"source-ref":"s3://b/k","a":1,"a-metadata":{"class-name":"x","human-annotated":"yes","creation-date":"2024-01-01T00:00:00","type":"groundtruth/image-classification"}}`,
		"confidence a string":        `{"source-ref":"s3://b/k","a":1,"a-metadata":{"confidence":"1","class-name":"x","human-annotated":"yes","creation-date":"2024-01-01T00:00:00","type":"groundtruth/image-classification"}}`,
		"two class names":            `{"source-ref":"s3://b/k","a":1,"a-metadata":{"confidence":1,"class-name":"x","class-name":"y","human-annotated":"yes","creation-date":"2024-01-01T00:00:00","type":"groundtruth/image-classification"}}`,
		"empty job name":             `{"source-ref":"s3://b/k","a":1,"a-metadata":{"confidence":1,"class-name":"x","human-annotated":"yes","creation-date":"2024-01-01T00:00:00","type":"groundtruth/image-classification","job-name":""}}`,
		"fewer objects than boxes":   `{"source-ref":"s3://b/k","bb":{"image_size":[{"width":100,"height":100,"depth":3}],"annotations":[{"class_id":0,"top":1,"left":1,"width":5,"height":5}]},"bb-metadata":{"objects":[],"class-map":{"0":"x"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}`,
		"object without confidence":  `{"source-ref":"s3://b/k","bb":{"image_size":[{"width":100,"height":100,"depth":3}],"annotations":[{"class_id":0,"top":1,"left":1,"width":5,"height":5}]},"bb-metadata":{"objects":[{}],"class-map":{"0":"x"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}`,
		"class-map key not a number": `{"source-ref":"s3://b/k","bb":{"image_size":[{"width":100,"height":100,"depth":3}],"annotations":[{"class_id":0,"top":1,"left":1,"width":5,"height":5}]},"bb-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"x","one":"y"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}`,
		"two image sizes":            `{"source-ref":"s3://b/k","bb":{"image_size":[{"width":100,"height":100,"depth":3},{"width":1,"height":1,"depth":1}],"annotations":[]},"bb-metadata":{"objects":[],"class-map":{},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}`,
		"image size extra member":    `{"source-ref":"s3://b/k","bb":{"image_size":[{"width":100,"height":100,"depth":3,"unit":"px"}],"annotations":[]},"bb-metadata":{"objects":[],"class-map":{},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}`,
		"metadata not an object":     `{"source-ref":"s3://b/k","a":1,"a-metadata":[]}`,
	} {
		t.Run(name, func(t *testing.T) {
			l, err := ParseLine([]byte(line))
			require.NoError(t, err)
			assert.Empty(t, l.Classifications)
			assert.Empty(t, l.Detections)
			assert.Len(t, l.Unknown, 2, "the attribute and its metadata")
			out, err := l.MarshalJSON()
			require.NoError(t, err)
			assert.True(t, sameJSON(t, []byte(line), out), "out: %s", out)
		})
	}
}

func TestParseLineDuplicateMembersKeepTheLastLast(t *testing.T) {
	in := `{"source-ref":"s3://b/one","errors":[{"code":"A","message":"a"}],"errors":[{"code":"B","message":"b"}],"source-ref":"s3://b/two"}`
	l, err := ParseLine([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, "s3://b/one", l.SourceRef, "the first is typed")
	out, err := l.MarshalJSON()
	require.NoError(t, err)
	assert.True(t, sameJSON(t, []byte(in), out), "out: %s", out)
}

func TestParseLineRejectsWhatIsNotAnObject(t *testing.T) {
	for _, in := range []string{``, `[]`, `"s3://b/k"`, `{"a":1}{}`, `{"a":}`, `{"a":1`, `nul`, "{\"a\":\"\x01\"}"} {
		_, err := ParseLine([]byte(in))
		var le *LineError
		require.ErrorAs(t, err, &le, "ParseLine(%q)", in)
		assert.Equal(t, CodeInvalidJSONLine, le.Code)
	}
}

func TestLineUnmarshalJSONInAStruct(t *testing.T) {
	var got struct {
		Entries []Line `json:"DatasetEntries"`
	}
	body := `{"DatasetEntries":[{"source-ref":"s3://b/k","tag":7}]}`
	require.NoError(t, json.Unmarshal([]byte(body), &got))
	require.Len(t, got.Entries, 1)
	assert.Equal(t, "s3://b/k", got.Entries[0].SourceRef)
	out, err := json.Marshal(got)
	require.NoError(t, err)
	assert.True(t, sameJSON(t, []byte(body), out), "out: %s", out)
	assert.Error(t, json.Unmarshal([]byte(`{"DatasetEntries":[[1]]}`), &got))
}

func TestLabelsOfADetectionSkipUnmappedClasses(t *testing.T) {
	l := Line{Detections: []Detection{{
		ClassMap:    map[int]string{0: "apple", 1: "pear"},
		Annotations: []Annotation{{ClassID: 1}, {ClassID: 7}, {ClassID: 0}, {ClassID: 1}},
	}}, Classifications: []Classification{{ClassName: "fruit"}}}
	assert.Equal(t, []string{"fruit", "pear", "apple"}, l.Labels())
}
