package manifest

import (
	"encoding/json"
)

// Values of the type member of a label attribute's metadata: the two
// kinds of labels Custom Labels accepts.
const (
	TypeClassification = "groundtruth/image-classification"
	TypeDetection      = "groundtruth/object-detection"
)

// Line is one JSON line of a manifest: one image and its labels.
//
// The label attributes this package understands are typed: a
// [Classification] for each image-level label and a [Detection] for each
// set of bounding boxes. Everything else is kept in Unknown as it was read,
// so that writing a line back loses nothing: members this package does not
// model, and label attributes that do not have the documented shape (a
// missing or mistyped member, an unsupported type, objects and annotations
// of different lengths). A Line read from a manifest the service returned
// (ListDatasetEntries, a validation manifest) therefore writes back with
// the same members and values; only the member order and the spelling of
// numbers and strings may differ.
type Line struct {
	// SourceRef is the S3 URI of the image (source-ref), such as
	// s3://bucket/images/a.jpg. Empty means the line has none.
	SourceRef string
	// Classifications are the image-level labels, one per label attribute
	// whose metadata type is TypeClassification.
	Classifications []Classification
	// Detections are the bounding-box label attributes, whose metadata
	// type is TypeDetection.
	Detections []Detection
	// Errors is the line's errors array: the non-terminal errors the
	// service found in the image as a whole.
	Errors []Issue
	// Warnings is the line's warnings array (WARNING_NO_ANNOTATIONS,
	// WARNING_UNANNOTATED_RECORD).
	Warnings []Issue
	// Unknown holds the members of the line not modelled above, in the
	// order read, with their JSON as it was.
	Unknown []Member
}

// Classification is an image-level label: a label attribute whose value is
// an integer and whose metadata (the member named Attribute + "-metadata")
// names the class.
type Classification struct {
	// Attribute is the name of the label attribute. Its metadata is the
	// member named Attribute + "-metadata".
	Attribute string
	// ClassID is the attribute's value. The service requires an integer
	// and does not use it.
	ClassID int
	// ClassName is the label (class-name).
	ClassName string
	// Confidence is the metadata's confidence: required, between 0 and 1,
	// and not used by the service.
	Confidence float64
	// HumanAnnotated is "yes" or "no" (human-annotated).
	HumanAnnotated string
	// CreationDate is when the label was made (creation-date), in UTC, as
	// written, such as 2020-04-15T20:17:23.433061.
	CreationDate string
	// JobName is the labelling job's name (job-name); empty means none.
	JobName string
	// Errors is the metadata's errors array.
	Errors []Issue
	// Unknown holds the metadata's members not modelled above.
	Unknown []Member
}

// Detection is a set of bounding boxes: a label attribute whose value holds
// the image size and the boxes, and whose metadata (the member named
// Attribute + "-metadata") maps class IDs to labels.
type Detection struct {
	// Attribute is the name of the label attribute, such as bounding-box.
	Attribute string
	// ImageSize is the image's size (the one element of image_size).
	ImageSize ImageSize
	// Annotations are the bounding boxes, each with its confidence from
	// the metadata's objects array, which is index-aligned with
	// annotations in the file.
	Annotations []Annotation
	// ClassMap maps each class ID to its label (class-map).
	ClassMap map[int]string
	// HumanAnnotated is "yes" or "no" (human-annotated).
	HumanAnnotated string
	// CreationDate is when the boxes were drawn (creation-date), as
	// written.
	CreationDate string
	// JobName is the labelling job's name (job-name); empty means none.
	JobName string
	// Errors is the errors array of the label attribute.
	Errors []Issue
	// Warnings is the warnings array of the label attribute
	// (WARNING_NO_ATTRIBUTE_ANNOTATIONS).
	Warnings []Issue
	// Unknown holds the label attribute's members not modelled above.
	Unknown []Member
	// MetadataErrors is the errors array of the metadata.
	MetadataErrors []Issue
	// MetadataUnknown holds the metadata's members not modelled above.
	MetadataUnknown []Member
}

// ImageSize is the size of an image in pixels. Depth is the number of
// channels (3 for RGB), required but not used by the service.
type ImageSize struct {
	// Width and Height are the image's size in pixels.
	Width, Height int
	// Depth is the number of channels.
	Depth int
}

// Annotation is one bounding box, in pixels from the image's top left
// corner.
type Annotation struct {
	// ClassID is a key of the detection's ClassMap.
	ClassID int
	// Top, Left, Width and Height place the box.
	Top, Left, Width, Height float64
	// Confidence is the box's confidence in the metadata's objects array:
	// required, and not used by the service.
	Confidence float64
	// Errors is the annotation's errors array (ERROR_INVALID_BOUNDING_BOX,
	// ERROR_BOUNDING_BOX_TOO_SMALL, ...).
	Errors []Issue
	// Unknown holds the annotation's members not modelled above.
	Unknown []Member
}

// Issue is one element of an errors or warnings array that the service
// adds to a line, or to manifest_summary.json: a code such as
// ERROR_INVALID_BOUNDING_BOX and a message. With encoding/json it is
// {"code", "message"}, as the service writes it.
type Issue struct {
	// Code is the error or warning code.
	Code Code `json:"code"`
	// Message describes it.
	Message string `json:"message"`
}

// Member is a JSON object member kept as it was read: its name and its
// value's JSON text.
type Member struct {
	// Name is the member's name.
	Name string
	// Value is the member's value, one JSON value.
	Value json.RawMessage
}

// HasErrors reports whether the line carries a non-empty errors array
// anywhere: on the line, a label attribute, its metadata or an
// annotation, including inside members kept in Unknown. It is the test
// ListDatasetEntries applies for HasErrors.
func (l *Line) HasErrors() bool {
	if len(l.Errors) > 0 || unknownHasErrors(l.Unknown) {
		return true
	}
	for i := range l.Classifications {
		c := &l.Classifications[i]
		if len(c.Errors) > 0 || unknownHasErrors(c.Unknown) {
			return true
		}
	}
	for i := range l.Detections {
		d := &l.Detections[i]
		if len(d.Errors) > 0 || len(d.MetadataErrors) > 0 ||
			unknownHasErrors(d.Unknown) || unknownHasErrors(d.MetadataUnknown) {
			return true
		}
		for j := range d.Annotations {
			if len(d.Annotations[j].Errors) > 0 || unknownHasErrors(d.Annotations[j].Unknown) {
				return true
			}
		}
	}
	return false
}

// Labels returns the line's labels, each once, in the order they appear:
// the class names of its classifications and the class-map labels its
// bounding boxes use.
func (l *Line) Labels() []string {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for _, c := range l.Classifications {
		add(c.ClassName)
	}
	for _, d := range l.Detections {
		for _, a := range d.Annotations {
			if name, ok := d.ClassMap[a.ClassID]; ok {
				add(name)
			}
		}
	}
	return out
}
