package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsonread"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// FieldError is a value this package will not write or build: when
// writing, a number JSON cannot hold, an Unknown member that is not JSON,
// an attribute name that is empty, reserved or used twice, or a line too
// long for the service; when building a line, a value the service would
// reject.
type FieldError struct {
	// Field names the value, such as Detections[0].Annotations[2].Top or
	// boxes[1].Label.
	Field string
	// Rule says what is wrong with it.
	Rule string
}

// Error returns "manifest: Field: rule".
func (e *FieldError) Error() string {
	return "manifest: " + e.Field + ": " + e.Rule
}

// MarshalJSON returns the line as one line of JSON, as [Writer.Write]
// writes it but without the line break.
func (l Line) MarshalJSON() ([]byte, error) {
	var e encoder
	return e.appendLine(nil, &l)
}

// AppendJSON appends the line's JSON to b, without a line break. Members
// come in this order: source-ref; each classification's attribute and
// metadata; each detection's; errors; warnings; the Unknown members. The
// typed members come before the Unknown ones so that, in a line read with
// two members of one name (the first typed, the second kept in Unknown),
// the last one is still the last, as a reader that keeps the last of a
// name (encoding/json, Python) sees it.
func (l *Line) AppendJSON(b []byte) ([]byte, error) {
	var e encoder
	return e.appendLine(b, l)
}

// encoder writes lines; it keeps a scratch slice for sorting class maps.
type encoder struct {
	ids []int
	r   jsonread.Decoder
}

func (e *encoder) appendLine(b []byte, l *Line) ([]byte, error) {
	if err := checkNames(l); err != nil {
		return b, err
	}
	start := len(b)
	o := object{b: append(b, '{'), first: true}
	var err error
	if l.SourceRef != "" {
		o.str("source-ref", l.SourceRef)
	}
	for i := range l.Classifications {
		c := &l.Classifications[i]
		o.key(c.Attribute)
		o.b = strconv.AppendInt(o.b, int64(c.ClassID), 10)
		o.key(c.Attribute + metadataSuffix)
		if o.b, err = e.appendClassMeta(o.b, c, "Classifications["+strconv.Itoa(i)+"]"); err != nil {
			return b[:start], err
		}
	}
	for i := range l.Detections {
		dt := &l.Detections[i]
		field := "Detections[" + strconv.Itoa(i) + "]"
		o.key(dt.Attribute)
		if o.b, err = e.appendDetection(o.b, dt, field); err != nil {
			return b[:start], err
		}
		o.key(dt.Attribute + metadataSuffix)
		if o.b, err = e.appendDetectionMeta(o.b, dt, field); err != nil {
			return b[:start], err
		}
	}
	o.issues("errors", l.Errors)
	o.issues("warnings", l.Warnings)
	if err := e.end(&o, l.Unknown, "Unknown"); err != nil {
		return b[:start], err
	}
	b = o.b
	if n := len(b) - start; n > MaxLineLength && utf8.RuneCount(b[start:]) > MaxLineLength {
		return b[:start], &FieldError{Field: "Line", Rule: "its JSON is longer than " + strconv.Itoa(MaxLineLength) + " characters, which the service drops"}
	}
	return b, nil
}

// checkNames checks the attribute names: each must be non-empty, must not
// be a member the line has otherwise, and must be used once.
func checkNames(l *Line) error {
	n := len(l.Classifications) + len(l.Detections)
	if n == 0 {
		return nil
	}
	names := make([]string, 0, n)
	check := func(name, field string) error {
		switch {
		case name == "":
			return &FieldError{Field: field, Rule: "a label attribute needs a name"}
		case name == "source-ref" || name == "errors" || name == "warnings":
			return &FieldError{Field: field, Rule: strconv.Quote(name) + " is not a label attribute's name"}
		case slices.Contains(names, name):
			return &FieldError{Field: field, Rule: "the label attribute " + strconv.Quote(name) + " is there twice"}
		}
		names = append(names, name)
		return nil
	}
	for i := range l.Classifications {
		if err := check(l.Classifications[i].Attribute, "Classifications["+strconv.Itoa(i)+"].Attribute"); err != nil {
			return err
		}
	}
	for i := range l.Detections {
		if err := check(l.Detections[i].Attribute, "Detections["+strconv.Itoa(i)+"].Attribute"); err != nil {
			return err
		}
	}
	return nil
}

// object writes the members of one JSON object.
type object struct {
	b     []byte
	first bool
}

func (o *object) key(name string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = wire.AppendString(o.b, name)
	o.b = append(o.b, ':')
}

func (o *object) str(name, v string) {
	o.key(name)
	o.b = wire.AppendString(o.b, v)
}

func (o *object) num(name string, f float64, field string) error {
	o.key(name)
	var err error
	o.b, err = appendFloat(o.b, f, field)
	return err
}

// end appends the members ms, which the typed form keeps raw, and closes
// the object; field names ms in errors.
func (e *encoder) end(o *object, ms []Member, field string) error {
	for i, m := range ms {
		o.key(m.Name)
		var err error
		if o.b, err = e.appendRaw(o.b, m.Value, field+"["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	o.b = append(o.b, '}')
	return nil
}

func (e *encoder) appendClassMeta(b []byte, c *Classification, field string) ([]byte, error) {
	o := object{b: append(b, '{'), first: true}
	if err := o.num("confidence", c.Confidence, field+".Confidence"); err != nil {
		return o.b, err
	}
	if c.JobName != "" {
		o.str("job-name", c.JobName)
	}
	o.str("class-name", c.ClassName)
	o.str("human-annotated", c.HumanAnnotated)
	o.str("creation-date", c.CreationDate)
	o.str("type", TypeClassification)
	o.issues("errors", c.Errors)
	err := e.end(&o, c.Unknown, field+".Unknown")
	return o.b, err
}

func (e *encoder) appendDetection(b []byte, dt *Detection, field string) ([]byte, error) {
	o := object{b: append(b, '{'), first: true}
	o.key("image_size")
	o.b = append(o.b, `[{"width":`...)
	o.b = strconv.AppendInt(o.b, int64(dt.ImageSize.Width), 10)
	o.b = append(o.b, `,"height":`...)
	o.b = strconv.AppendInt(o.b, int64(dt.ImageSize.Height), 10)
	o.b = append(o.b, `,"depth":`...)
	o.b = strconv.AppendInt(o.b, int64(dt.ImageSize.Depth), 10)
	o.b = append(o.b, "}]"...)
	o.key("annotations")
	o.b = append(o.b, '[')
	for i := range dt.Annotations {
		a := &dt.Annotations[i]
		af := field + ".Annotations[" + strconv.Itoa(i) + "]"
		if i > 0 {
			o.b = append(o.b, ',')
		}
		ao := object{b: append(o.b, '{'), first: true}
		ao.key("class_id")
		ao.b = strconv.AppendInt(ao.b, int64(a.ClassID), 10)
		for _, m := range [...]struct {
			name string
			v    float64
			f    string
		}{{"top", a.Top, ".Top"}, {"left", a.Left, ".Left"}, {"width", a.Width, ".Width"}, {"height", a.Height, ".Height"}} {
			if err := ao.num(m.name, m.v, af+m.f); err != nil {
				return ao.b, err
			}
		}
		ao.issues("errors", a.Errors)
		if err := e.end(&ao, a.Unknown, af+".Unknown"); err != nil {
			return ao.b, err
		}
		o.b = ao.b
	}
	o.b = append(o.b, ']')
	o.issues("errors", dt.Errors)
	o.issues("warnings", dt.Warnings)
	err := e.end(&o, dt.Unknown, field+".Unknown")
	return o.b, err
}

func (e *encoder) appendDetectionMeta(b []byte, dt *Detection, field string) ([]byte, error) {
	o := object{b: append(b, '{'), first: true}
	o.key("objects")
	o.b = append(o.b, '[')
	for i := range dt.Annotations {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = append(o.b, `{"confidence":`...)
		var err error
		if o.b, err = appendFloat(o.b, dt.Annotations[i].Confidence, field+".Annotations["+strconv.Itoa(i)+"].Confidence"); err != nil {
			return o.b, err
		}
		o.b = append(o.b, '}')
	}
	o.b = append(o.b, ']')
	o.key("class-map")
	o.b = append(o.b, '{')
	e.ids = e.ids[:0]
	for id := range dt.ClassMap {
		e.ids = append(e.ids, id)
	}
	slices.Sort(e.ids)
	for i, id := range e.ids {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = append(o.b, '"')
		o.b = strconv.AppendInt(o.b, int64(id), 10)
		o.b = append(o.b, `":`...)
		o.b = wire.AppendString(o.b, dt.ClassMap[id])
	}
	o.b = append(o.b, '}')
	o.str("type", TypeDetection)
	o.str("human-annotated", dt.HumanAnnotated)
	o.str("creation-date", dt.CreationDate)
	if dt.JobName != "" {
		o.str("job-name", dt.JobName)
	}
	o.issues("errors", dt.MetadataErrors)
	err := e.end(&o, dt.MetadataUnknown, field+".MetadataUnknown")
	return o.b, err
}

// issues appends the member name, an errors or warnings array, unless
// there are no issues.
func (o *object) issues(name string, issues []Issue) {
	if len(issues) > 0 {
		o.key(name)
		o.b = appendIssues(o.b, issues)
	}
}

func appendIssues(b []byte, issues []Issue) []byte {
	b = append(b, '[')
	for i, it := range issues {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"code":`...)
		b = wire.AppendString(b, string(it.Code))
		b = append(b, `,"message":`...)
		b = wire.AppendString(b, it.Message)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendRaw appends a member's JSON, which must be one JSON value; JSON
// that spans lines is compacted, since a manifest line cannot.
func (e *encoder) appendRaw(b, raw []byte, field string) ([]byte, error) {
	if err := e.r.Valid(raw); err != nil {
		return b, &FieldError{Field: field, Rule: "the value is not JSON: " + err.Error()}
	}
	if bytes.ContainsAny(raw, "\n\r") {
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return b, &FieldError{Field: field, Rule: "the value is not JSON: " + err.Error()}
		}
		return append(b, buf.Bytes()...), nil
	}
	return append(b, trimSpace(bytes.TrimRight(raw, " \t"))...), nil
}

// appendFloat writes f as encoding/json does.
func appendFloat(b []byte, f float64, field string) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, &FieldError{Field: field, Rule: fmt.Sprintf("%v is not a number JSON can hold", f)}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	n := len(b)
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Write 1e-07 as 1e-7.
		if m := len(b); m-n >= 4 && b[m-4] == 'e' && b[m-3] == '-' && b[m-2] == '0' {
			b[m-2] = b[m-1]
			b = b[:m-1]
		}
	}
	return b, nil
}
