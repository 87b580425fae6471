package manifest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkOne decodes and checks one line as Validate does, without the rules
// that need other lines.
func checkOne(t *testing.T, line string) (lineStatus, []Problem) {
	t.Helper()
	var d decoder
	require.NoError(t, d.decode([]byte(line)), "decode(%s)", line)
	status := d.checkLine()
	var out []Problem
	for _, p := range d.probs {
		if status == lineDropped && p.Tier != TierContent {
			continue
		}
		out = append(out, p)
	}
	return status, out
}

const (
	classLine = `{"source-ref":"s3://orchard/a.jpg","fruit":1,"fruit-metadata":{"confidence":1,"class-name":"apple","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}`
	detLine   = `{"source-ref":"s3://orchard/b.jpg","bb":{"image_size":[{"width":1000,"height":800,"depth":3}],"annotations":[{"class_id":0,"top":10,"left":20,"width":100,"height":50},{"class_id":1,"top":400,"left":500,"width":60,"height":70}]},"bb-metadata":{"objects":[{"confidence":1},{"confidence":1}],"class-map":{"0":"apple","1":"pear"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T10:00:00"}}`
)

// edit replaces old by new in line, once, and fails when old is absent.
func edit(line string, pairs ...string) string {
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(line, pairs[i]) {
			panic("edit: " + pairs[i] + " is not in " + line)
		}
		line = strings.Replace(line, pairs[i], pairs[i+1], 1)
	}
	return line
}

// boxes returns n annotations, each of a class of its own when distinct.
func boxes(n int, distinct bool) (annotations, objects, classMap string) {
	var a, o, c []string
	for i := range n {
		id := 0
		if distinct {
			id = i
		}
		a = append(a, `{"class_id":`+strconv.Itoa(id)+`,"top":10,"left":10,"width":10,"height":10}`)
		o = append(o, `{"confidence":1}`)
		if distinct || i == 0 {
			c = append(c, `"`+strconv.Itoa(id)+`":"label`+strconv.Itoa(id)+`"`)
		}
	}
	return strings.Join(a, ","), strings.Join(o, ","), strings.Join(c, ",")
}

func detWith(n int, distinct bool) string {
	a, o, c := boxes(n, distinct)
	return `{"source-ref":"s3://orchard/many.jpg","bb":{"image_size":[{"width":1000,"height":800,"depth":3}],"annotations":[` + a +
		`]},"bb-metadata":{"objects":[` + o + `],"class-map":{` + c + `},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T10:00:00"}}`
}

type want struct {
	code Code
	path string
}

func TestCheckLineRules(t *testing.T) {
	long := strings.Repeat("é", MaxLabelNameLength+1)
	for _, tc := range []struct {
		name   string
		line   string
		status lineStatus
		want   []want
	}{
		{"classification", classLine, lineValid, nil},
		{"detection", detLine, lineValid, nil},
		{"the guide's space in creation-date", edit(classLine, "2024-05-01T10", "2024-05-01 10"), lineValid, nil},
		{"label of 256 characters", edit(classLine, `"apple"`, `"`+long[2:]+`"`), lineValid, nil},
		{"S3 scheme in capitals", edit(classLine, "s3://", "S3://"), lineValid, nil},

		// Terminal content errors: the line is dropped, and nothing else is said.
		{"no source-ref", edit(classLine, `"source-ref":"s3://orchard/a.jpg",`, `"fruit":"x",`), lineDropped,
			[]want{{CodeMissingSourceRef, ""}}},
		{"source-ref a number", edit(classLine, `"s3://orchard/a.jpg"`, `7`), lineDropped, []want{{CodeInvalidSourceRefFormat, "source-ref"}}},
		{"source-ref empty", edit(classLine, `s3://orchard/a.jpg`, ``), lineDropped, []want{{CodeInvalidSourceRefFormat, "source-ref"}}},
		{"source-ref https", edit(classLine, `s3://`, `https://`), lineDropped, []want{{CodeInvalidSourceRefFormat, "source-ref"}}},
		{"source-ref without a key", edit(classLine, `s3://orchard/a.jpg`, `s3://orchard/`), lineDropped, []want{{CodeInvalidSourceRefFormat, "source-ref"}}},
		{"source-ref without a bucket", edit(classLine, `s3://orchard/a.jpg`, `s3:///a.jpg`), lineDropped, []want{{CodeInvalidSourceRefFormat, "source-ref"}}},
		{"source-ref bucket with a space", edit(classLine, `s3://orchard/a.jpg`, `s3://orc hard/a.jpg`), lineDropped, []want{{CodeInvalidSourceRefFormat, "source-ref"}}},

		// Lines with no label attribute.
		{"only a source-ref", `{"source-ref":"s3://orchard/a.jpg","cl-metadata":{"is_labeled":false}}`, lineIgnored,
			[]want{{CodeWarningUnannotatedRecord, ""}}},
		{"members but no pair", `{"source-ref":"s3://orchard/a.jpg","fruit":1}`, lineInvalid, []want{{CodeNoLabelAttributes, ""}}},
		{"metadata misspelt", edit(classLine, `"fruit-metadata"`, `"fruit-metdata"`), lineInvalid, []want{{CodeNoLabelAttributes, ""}}},

		// Format errors of a classification.
		{"class id a fraction", edit(classLine, `"fruit":1`, `"fruit":1.5`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "fruit"}, {CodeNoValidLabelAttributes, ""}}},
		{"class id a string", edit(classLine, `"fruit":1`, `"fruit":"1"`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "fruit"}, {CodeNoValidLabelAttributes, ""}}},
		{"metadata an array", `{"source-ref":"s3://orchard/a.jpg","fruit":1,"fruit-metadata":[]}`, lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata"}, {CodeNoValidLabelAttributes, ""}}},
		{"no type", edit(classLine, `,"type":"groundtruth/image-classification"`, ``), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata"}, {CodeNoValidLabelAttributes, ""}}},
		{"type a number", edit(classLine, `"groundtruth/image-classification"`, `3`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata.type"}, {CodeNoValidLabelAttributes, ""}}},
		{"unsupported type", edit(classLine, `groundtruth/image-classification`, `groundtruth/image-classification-multilabel`), lineInvalid,
			[]want{{CodeUnsupportedUseCaseType, "fruit-metadata.type"}, {CodeNoValidLabelAttributes, ""}}},
		{"no confidence and class-name", edit(classLine, `"confidence":1,"class-name":"apple",`, ``), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata"}, {CodeNoValidLabelAttributes, ""}}},
		{"confidence a string", edit(classLine, `"confidence":1`, `"confidence":"high"`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata.confidence"}, {CodeNoValidLabelAttributes, ""}}},
		{"human-annotated a bool", edit(classLine, `"yes"`, `true`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata.human-annotated"}, {CodeNoValidLabelAttributes, ""}}},

		// Value errors of a classification.
		{"confidence above 1", edit(classLine, `"confidence":1`, `"confidence":1.2`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "fruit-metadata.confidence"}, {CodeNoValidLabelAttributes, ""}}},
		{"label too long", edit(classLine, `"apple"`, `"`+long+`"`), lineInvalid,
			[]want{{CodeInvalidLabelNameLength, "fruit-metadata.class-name"}, {CodeNoValidLabelAttributes, ""}}},
		{"label empty", edit(classLine, `"apple"`, `""`), lineInvalid,
			[]want{{CodeInvalidLabelNameLength, "fruit-metadata.class-name"}, {CodeNoValidLabelAttributes, ""}}},
		{"one good label of two", edit(classLine, `}}`, `},"b":2,"b-metadata":{"confidence":5,"class-name":"x","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}`),
			lineValid, []want{{CodeInvalidLabelAttributeMetadata, "b-metadata.confidence"}}},
		{"human-annotated maybe", edit(classLine, `"yes"`, `"maybe"`), lineValid, []want{{CodeHumanAnnotatedValue, "fruit-metadata.human-annotated"}}},
		{"creation-date not a date", edit(classLine, `2024-05-01T10:00:00`, `May 1st`), lineValid, []want{{CodeCreationDateFormat, "fruit-metadata.creation-date"}}},
		{"member twice", edit(classLine, `{"source-ref"`, `{"note":1,"note":2,"source-ref"`), lineValid, []want{{CodeDuplicateMember, "note"}}},
		{"half of another attribute", edit(classLine, `}}`, `},"bb-metadata":{"type":"groundtruth/object-detection"}}`), lineValid,
			[]want{{CodeOrphanAttribute, "bb-metadata"}}},

		// Format errors of a detection.
		{"detection attribute an array", edit(detLine, `"bb":{"image_size":[{"width":1000,"height":800,"depth":3}],"annotations":[{"class_id":0,"top":10,"left":20,"width":100,"height":50},{"class_id":1,"top":400,"left":500,"width":60,"height":70}]}`, `"bb":[]`),
			lineInvalid, []want{{CodeInvalidLabelAttributeFormat, "bb"}, {CodeNoValidLabelAttributes, ""}}},
		{"no image_size", edit(detLine, `"image_size":[{"width":1000,"height":800,"depth":3}],`, ``), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb"}, {CodeNoValidLabelAttributes, ""}}},
		{"two image sizes", edit(detLine, `"depth":3}]`, `"depth":3},{"width":1,"height":1,"depth":1}]`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb.image_size"}, {CodeNoValidLabelAttributes, ""}}},
		{"width a string", edit(detLine, `"width":1000`, `"width":"1000"`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb.image_size[0].width"}, {CodeNoValidLabelAttributes, ""}}},
		{"no depth", edit(detLine, `,"depth":3`, ``), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb.image_size[0]"}, {CodeNoValidLabelAttributes, ""}}},
		{"annotation without top", edit(detLine, `"top":10,`, ``), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb.annotations[0]"}, {CodeNoValidLabelAttributes, ""}}},
		{"annotation top a string", edit(detLine, `"top":10`, `"top":"10"`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb.annotations[0].top"}, {CodeNoValidLabelAttributes, ""}}},
		{"class_id a fraction", edit(detLine, `"class_id":1`, `"class_id":1.0`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeFormat, "bb.annotations[1].class_id"}, {CodeNoValidLabelAttributes, ""}}},
		{"objects an object", edit(detLine, `"objects":[{"confidence":1},{"confidence":1}]`, `"objects":{}`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "bb-metadata.objects"}, {CodeNoValidLabelAttributes, ""}}},
		{"class-map label a number", edit(detLine, `"1":"pear"`, `"1":2`), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, `bb-metadata.class-map."1"`}, {CodeNoValidLabelAttributes, ""}}},
		{"no class-map", edit(detLine, `"class-map":{"0":"apple","1":"pear"},`, ``), lineInvalid,
			[]want{{CodeInvalidLabelAttributeMetadata, "bb-metadata"}, {CodeNoValidLabelAttributes, ""}}},

		// Value errors of a detection.
		{"image too small", edit(detLine, `"width":1000`, `"width":63`), lineInvalid,
			[]want{{CodeInvalidImageDimension, "bb.image_size"}, {CodeNoValidLabelAttributes, ""}}},
		{"image too tall", edit(detLine, `"height":800`, `"height":4097`), lineInvalid,
			[]want{{CodeInvalidImageDimension, "bb.image_size"}, {CodeNoValidLabelAttributes, ""}}},
		{"no boxes", edit(detLine, `"annotations":[{"class_id":0,"top":10,"left":20,"width":100,"height":50},{"class_id":1,"top":400,"left":500,"width":60,"height":70}]`, `"annotations":[]`,
			`"objects":[{"confidence":1},{"confidence":1}]`, `"objects":[]`), lineIgnored,
			[]want{{CodeWarningNoAttributeAnnotations, "bb.annotations"}, {CodeWarningNoAnnotations, ""}}},
		{"class not in the map", edit(detLine, `"class_id":1`, `"class_id":7`), lineValid, []want{{CodeMissingClassMapID, "bb.annotations[1]"}}},
		{"one confidence short", edit(detLine, `"objects":[{"confidence":1},{"confidence":1}]`, `"objects":[{"confidence":1}]`), lineValid,
			[]want{{CodeMissingBoundingBoxConfidence, "bb.annotations[1]"}}},
		{"object without confidence", edit(detLine, `"objects":[{"confidence":1},{"confidence":1}]`, `"objects":[{"score":1},{"confidence":1}]`), lineValid,
			[]want{{CodeMissingBoundingBoxConfidence, "bb.annotations[0]"}}},
		{"negative box", edit(detLine, `"left":20`, `"left":-1`), lineValid, []want{{CodeInvalidBoundingBox, "bb.annotations[0]"}}},
		{"box past the right edge", edit(detLine, `"left":500`, `"left":941`), lineValid, []want{{CodeInvalidBoundingBox, "bb.annotations[1]"}}},
		{"box to the right edge", edit(detLine, `"left":500`, `"left":940`), lineValid, nil},
		{"box of 1 by 1", edit(detLine, `"width":100,"height":50`, `"width":1,"height":1`), lineValid, []want{{CodeBoundingBoxTooSmall, "bb.annotations[0]"}}},
		{"box of 1.5 by 1.5", edit(detLine, `"width":100,"height":50`, `"width":1.5,"height":1.5`), lineValid, nil},
		{"box of 2 by 2 in an image resized by half", edit(detLine, `"width":1000,"height":800`, `"width":2560,"height":800`, `"width":100,"height":50`, `"width":2,"height":2`),
			lineValid, []want{{CodeBoundingBoxTooSmall, "bb.annotations[0]"}}},
		{"label of a box too long", edit(detLine, `"1":"pear"`, `"1":"`+long+`"`), lineValid,
			[]want{{CodeInvalidLabelNameLength, `bb-metadata.class-map."1"`}}},
		{"every box bad", edit(detLine, `"left":20`, `"left":-1`, `"left":500`, `"left":-5`), lineInvalid,
			[]want{{CodeInvalidBoundingBox, "bb.annotations[0]"}, {CodeInvalidBoundingBox, "bb.annotations[1]"},
				{CodeNoValidAnnotations, "bb.annotations"}, {CodeNoValidLabelAttributes, ""}}},
		{"more objects than boxes", edit(detLine, `"objects":[{"confidence":1},{"confidence":1}]`, `"objects":[{"confidence":1},{"confidence":1},{"confidence":1}]`),
			lineValid, []want{{CodeUnusedObjects, "bb-metadata.objects"}}},
		{"50 boxes", detWith(50, false), lineValid, nil},
		{"51 boxes", detWith(51, false), lineInvalid, []want{{CodeTooManyBoundingBoxes, ""}}},
		{"50 labels", detWith(50, true), lineValid, nil},
		{"51 labels", edit(detWith(50, true), `}}`, `},"fruit":1,"fruit-metadata":{"confidence":1,"class-name":"apple","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}`),
			lineInvalid, []want{{CodeTooManyLabelsPerImage, ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, probs := checkOne(t, tc.line)
			var got []want
			for _, p := range probs {
				got = append(got, want{p.Code, p.Path})
				assert.Equal(t, codeTier(p.Code), p.Tier, "%v", p)
				assert.NotEmpty(t, p.Message, "%v", p)
			}
			assert.Equal(t, tc.want, got, "problems of %s", tc.line)
			assert.Equal(t, tc.status, status, "status of %s", tc.line)
		})
	}
}

func TestLineCheckAgreesWithTheValidator(t *testing.T) {
	l, err := ParseLine([]byte(edit(detLine, `"left":20`, `"left":-1`)))
	require.NoError(t, err)
	assert.Equal(t, []Code{CodeInvalidBoundingBox}, codes(l.Check()))

	bad := Line{SourceRef: "s3://b/k", Classifications: []Classification{{Attribute: "a", Confidence: 1, ClassName: "x", HumanAnnotated: "yes", CreationDate: "2024-01-01T00:00:00", Unknown: []Member{{Name: "z"}}}}}
	assert.Equal(t, []Code{CodeInvalidJSONLine}, codes(bad.Check()), "a line that cannot be written")
}
