package manifest

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// CreationDateLayout is the layout of creation-date that Ground Truth
// writes and the builders use: UTC, with microseconds and no zone.
const CreationDateLayout = "2006-01-02T15:04:05.000000"

// Labeling says how [NewClassification] and [NewDetection] label a line.
// The zero value is a human's labels, made now, with the default
// attribute names.
type Labeling struct {
	// Attribute names the label attribute. Empty means "bounding-box" for
	// a detection, and "label" for a classification, whose labels each
	// need their own attribute: they are named Attribute followed by the
	// label's index (label0, label1, ...), as in the guide's example of an
	// image with several labels.
	Attribute string
	// JobName is the job-name written in the metadata; empty writes none.
	JobName string
	// CreationDate is when the labels were made; zero means now.
	CreationDate time.Time
	// Machine marks labels not made by a person: human-annotated "no"
	// rather than "yes".
	Machine bool
}

func (o Labeling) meta() (human, date string) {
	human = "yes"
	if o.Machine {
		human = "no"
	}
	t := o.CreationDate
	if t.IsZero() {
		t = time.Now()
	}
	return human, t.UTC().Format(CreationDateLayout)
}

// attribute returns the name of the label attribute, def when Attribute
// is empty, or the error of a name the service would misread.
func (o Labeling) attribute(def string) (string, error) {
	name := o.Attribute
	if name == "" {
		name = def
	}
	return name, checkAttribute(name)
}

func checkAttribute(name string) error {
	switch {
	case name == "source-ref" || name == "errors" || name == "warnings" || strings.HasPrefix(name, "cl-"):
		return &FieldError{Field: "Labeling.Attribute", Rule: strconv.Quote(name) + " is a name the service uses for something else"}
	case strings.HasSuffix(name, metadataSuffix):
		return &FieldError{Field: "Labeling.Attribute", Rule: "a label attribute's name must not end in " + metadataSuffix}
	}
	return nil
}

func checkLabel(label, field string) error {
	if n := utf8.RuneCountInString(label); n == 0 || n > MaxLabelNameLength {
		return &FieldError{Field: field, Rule: "a label must have 1 to " + strconv.Itoa(MaxLabelNameLength) + " characters, not " + strconv.Itoa(n)}
	}
	return nil
}

func checkSource(sourceRef string) error {
	if _, msg := checkSourceRef([]byte(sourceRef)); msg != "" {
		return &FieldError{Field: "sourceRef", Rule: msg}
	}
	return nil
}

// NewClassification returns the line of an image with image-level labels:
// for each label, a label attribute (valued with the label's index) and
// its metadata, with the type, confidence 1, class-name, human-annotated
// and creation-date the service requires. It checks what the service
// would reject: source-ref, each label's length, labels given twice, and
// more than MaxLabelsPerImage labels.
func NewClassification(sourceRef string, labels []string, o Labeling) (Line, error) {
	if err := checkSource(sourceRef); err != nil {
		return Line{}, err
	}
	if len(labels) == 0 || len(labels) > MaxLabelsPerImage {
		return Line{}, &FieldError{Field: "labels", Rule: "an image must have 1 to " + strconv.Itoa(MaxLabelsPerImage) + " labels, not " + strconv.Itoa(len(labels))}
	}
	prefix, err := o.attribute("label")
	if err != nil {
		return Line{}, err
	}
	human, date := o.meta()
	l := Line{SourceRef: sourceRef, Classifications: make([]Classification, len(labels))}
	for i, label := range labels {
		field := "labels[" + strconv.Itoa(i) + "]"
		if err := checkLabel(label, field); err != nil {
			return Line{}, err
		}
		for j := range i {
			if labels[j] == label {
				return Line{}, &FieldError{Field: field, Rule: strconv.Quote(label) + " is labels[" + strconv.Itoa(j) + "] already"}
			}
		}
		l.Classifications[i] = Classification{
			Attribute:      prefix + strconv.Itoa(i),
			ClassID:        i,
			ClassName:      label,
			Confidence:     1,
			HumanAnnotated: human,
			CreationDate:   date,
			JobName:        o.JobName,
		}
	}
	return l, nil
}

// Box is a labelled bounding box for [NewDetection], in pixels from the
// image's top left corner.
type Box struct {
	// Label is the box's label; the class-map gives it an ID.
	Label string
	// Left, Top, Width and Height place the box.
	Left, Top, Width, Height float64
}

// NewDetection returns the line of an image with labelled bounding boxes:
// one label attribute with the image size and the boxes, and its metadata
// with an object of confidence 1 for each box, in the same order, and a
// class-map numbering the labels from 0 in the order they first appear.
// It checks what the service would reject: source-ref, an image side
// outside 64 to 4096 pixels, more than MaxBoundingBoxes boxes, a label's
// length, and a box with a negative value, past the image's edge, or not
// larger than 1 by 1 pixel once the image is resized to 1280 pixels on
// its longer side. An image with no boxes is allowed; the service keeps
// it without using it (WARNING_NO_ANNOTATIONS).
func NewDetection(sourceRef string, size ImageSize, boxes []Box, o Labeling) (Line, error) {
	if err := checkSource(sourceRef); err != nil {
		return Line{}, err
	}
	for _, side := range []struct {
		name string
		v    int
	}{{"size.Width", size.Width}, {"size.Height", size.Height}} {
		if side.v < MinImageDimension || side.v > MaxImageDimension {
			return Line{}, &FieldError{Field: side.name, Rule: "an image side must be 64 to 4096 pixels, not " + strconv.Itoa(side.v)}
		}
	}
	if size.Depth <= 0 {
		size.Depth = 3
	}
	if len(boxes) > MaxBoundingBoxes {
		return Line{}, &FieldError{Field: "boxes", Rule: "an image may have " + strconv.Itoa(MaxBoundingBoxes) + " boxes, not " + strconv.Itoa(len(boxes))}
	}
	attr, err := o.attribute("bounding-box")
	if err != nil {
		return Line{}, err
	}
	human, date := o.meta()
	det := Detection{
		Attribute: attr, ImageSize: size, ClassMap: map[int]string{},
		HumanAnnotated: human, CreationDate: date, JobName: o.JobName,
	}
	ids := map[string]int{}
	scale := 1.0
	if long := max(size.Width, size.Height); long > resizeDimension {
		scale = float64(resizeDimension) / float64(long)
	}
	for i, b := range boxes {
		field := "boxes[" + strconv.Itoa(i) + "]"
		if err := checkLabel(b.Label, field+".Label"); err != nil {
			return Line{}, err
		}
		switch {
		case !(b.Left >= 0 && b.Top >= 0 && b.Width >= 0 && b.Height >= 0):
			return Line{}, &FieldError{Field: field, Rule: "a box must not have a negative value"}
		case b.Left+b.Width > float64(size.Width) || b.Top+b.Height > float64(size.Height):
			return Line{}, &FieldError{Field: field, Rule: "the box goes past the edge of the image"}
		case b.Width*scale <= 1 || b.Height*scale <= 1:
			return Line{}, &FieldError{Field: field, Rule: "the box must be larger than 1 by 1 pixel once the image is resized to 1280 pixels on its longer side"}
		}
		id, ok := ids[b.Label]
		if !ok {
			id = len(ids)
			ids[b.Label] = id
			det.ClassMap[id] = b.Label
		}
		det.Annotations = append(det.Annotations, Annotation{
			ClassID: id, Left: b.Left, Top: b.Top, Width: b.Width, Height: b.Height, Confidence: 1,
		})
	}
	return Line{SourceRef: sourceRef, Detections: []Detection{det}}, nil
}

// Check checks the line alone against the service's rules for one line
// and returns what it finds, with Line 0: the rules of [Validate] but
// those that need the other lines (duplicate images, buckets, labels per
// manifest). A line that cannot be written at all gives one problem, of
// code ERROR_INVALID_JSON_LINE.
func (l *Line) Check() []Problem {
	b, err := l.AppendJSON(nil)
	if err != nil {
		return []Problem{{Code: CodeInvalidJSONLine, Tier: TierContent, Message: err.Error()}}
	}
	var d decoder
	if err := d.decode(b); err != nil {
		return []Problem{{Code: CodeInvalidJSONLine, Tier: TierContent, Message: err.Error()}}
	}
	status := d.checkLine()
	var out []Problem
	for _, p := range d.probs {
		if status == lineDropped && p.Tier != TierContent {
			continue
		}
		out = append(out, p)
	}
	return out
}
