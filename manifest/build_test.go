package manifest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var labelled = Labeling{JobName: "orchard", CreationDate: time.Date(2024, 7, 1, 12, 30, 0, 250_000_000, time.FixedZone("CEST", 2*3600))}

func TestNewClassification(t *testing.T) {
	l, err := NewClassification("s3://orchard/a.jpg", []string{"apple", "ripe"}, labelled)
	require.NoError(t, err)
	b, err := l.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"source-ref":"s3://orchard/a.jpg",`+
		`"label0":0,"label0-metadata":{"confidence":1,"job-name":"orchard","class-name":"apple","human-annotated":"yes","creation-date":"2024-07-01T10:30:00.250000","type":"groundtruth/image-classification"},`+
		`"label1":1,"label1-metadata":{"confidence":1,"job-name":"orchard","class-name":"ripe","human-annotated":"yes","creation-date":"2024-07-01T10:30:00.250000","type":"groundtruth/image-classification"}}`,
		string(b))
	assert.Empty(t, l.Check())

	l, err = NewClassification("s3://orchard/b.jpg", []string{"pear"}, Labeling{Attribute: "fruit", Machine: true})
	require.NoError(t, err)
	assert.Equal(t, "fruit0", l.Classifications[0].Attribute)
	assert.Equal(t, "no", l.Classifications[0].HumanAnnotated)
	_, err = time.Parse(CreationDateLayout, l.Classifications[0].CreationDate)
	assert.NoError(t, err, "the zero time is now, in the layout")
	assert.Empty(t, l.Check())
}

func TestNewDetection(t *testing.T) {
	l, err := NewDetection("s3://orchard/crate.jpg", ImageSize{Width: 2560, Height: 1440}, []Box{
		{Label: "apple", Left: 10, Top: 20, Width: 100, Height: 80},
		{Label: "pear", Left: 300, Top: 20, Width: 64.5, Height: 90},
		{Label: "apple", Left: 500, Top: 600, Width: 3, Height: 3},
	}, labelled)
	require.NoError(t, err)
	b, err := l.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"source-ref":"s3://orchard/crate.jpg",`+
		`"bounding-box":{"image_size":[{"width":2560,"height":1440,"depth":3}],"annotations":[`+
		`{"class_id":0,"top":20,"left":10,"width":100,"height":80},`+
		`{"class_id":1,"top":20,"left":300,"width":64.5,"height":90},`+
		`{"class_id":0,"top":600,"left":500,"width":3,"height":3}]},`+
		`"bounding-box-metadata":{"objects":[{"confidence":1},{"confidence":1},{"confidence":1}],"class-map":{"0":"apple","1":"pear"},`+
		`"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-07-01T10:30:00.250000","job-name":"orchard"}}`,
		string(b))
	assert.Empty(t, l.Check())
	assert.Equal(t, []string{"apple", "pear"}, l.Labels())

	empty, err := NewDetection("s3://orchard/floor.jpg", ImageSize{Width: 640, Height: 480, Depth: 1}, nil, labelled)
	require.NoError(t, err)
	assert.Equal(t, []Code{CodeWarningNoAttributeAnnotations, CodeWarningNoAnnotations}, codes(empty.Check()))
}

func TestNewLinesRefuseWhatTheServiceRejects(t *testing.T) {
	size := ImageSize{Width: 2560, Height: 1440, Depth: 3}
	box := func(b Box) []Box {
		if b.Label == "" {
			b.Label = "apple"
		}
		return []Box{b}
	}
	for _, tc := range []struct {
		name  string
		build func() (Line, error)
		field string
	}{
		{"source-ref not S3", func() (Line, error) {
			return NewClassification("https://orchard/a.jpg", []string{"a"}, Labeling{})
		}, "sourceRef"},
		{"no labels", func() (Line, error) { return NewClassification("s3://orchard/a.jpg", nil, Labeling{}) }, "labels"},
		{"too many labels", func() (Line, error) {
			labels := make([]string, MaxLabelsPerImage+1)
			for i := range labels {
				labels[i] = "l" + string(rune('A'+i))
			}
			return NewClassification("s3://orchard/a.jpg", labels, Labeling{})
		}, "labels"},
		{"label twice", func() (Line, error) {
			return NewClassification("s3://orchard/a.jpg", []string{"a", "b", "a"}, Labeling{})
		}, "labels[2]"},
		{"empty label", func() (Line, error) { return NewClassification("s3://orchard/a.jpg", []string{""}, Labeling{}) }, "labels[0]"},
		{"label too long", func() (Line, error) {
			return NewClassification("s3://orchard/a.jpg", []string{strings.Repeat("é", MaxLabelNameLength+1)}, Labeling{})
		}, "labels[0]"},
		{"attribute ends in -metadata", func() (Line, error) {
			return NewClassification("s3://orchard/a.jpg", []string{"a"}, Labeling{Attribute: "x-metadata"})
		}, "Labeling.Attribute"},
		{"attribute of the service", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", size, nil, Labeling{Attribute: "cl-metadata"})
		}, "Labeling.Attribute"},
		{"image too small", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", ImageSize{Width: 63, Height: 100}, nil, Labeling{})
		}, "size.Width"},
		{"image too large", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", ImageSize{Width: 100, Height: 4097}, nil, Labeling{})
		}, "size.Height"},
		{"too many boxes", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", size, make([]Box, MaxBoundingBoxes+1), Labeling{})
		}, "boxes"},
		{"negative box", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", size, box(Box{Left: -1, Width: 10, Height: 10}), Labeling{})
		}, "boxes[0]"},
		{"box past the edge", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", size, box(Box{Left: 2500, Width: 61, Height: 10}), Labeling{})
		}, "boxes[0]"},
		{"box too small once resized", func() (Line, error) {
			// 2560 pixels become 1280: a box 2 pixels wide becomes 1.
			return NewDetection("s3://orchard/a.jpg", size, box(Box{Width: 2, Height: 10}), Labeling{})
		}, "boxes[0]"},
		{"box without a label", func() (Line, error) {
			return NewDetection("s3://orchard/a.jpg", size, []Box{{Width: 10, Height: 10}}, Labeling{})
		}, "boxes[0].Label"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.build()
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.NotEmpty(t, fe.Rule)
		})
	}
}
