package manifest

import (
	"bytes"
	"encoding/json"

	"github.com/rekognition-go/customlabels/internal/jsonread"
)

// ParseLine parses one JSON line, such as an entry of ListDatasetEntries.
// It fails only when data is not a JSON object; a line that breaks the
// service's rules parses, with what it cannot type kept in Unknown (see
// [Line]). Use [Line.Check] for the rules.
func ParseLine(data []byte) (Line, error) {
	var d decoder
	if err := d.decode(data); err != nil {
		return Line{}, &LineError{Line: 1, Code: CodeInvalidJSONLine, Err: err}
	}
	return d.toLine(), nil
}

// UnmarshalJSON parses a line, as ParseLine does.
func (l *Line) UnmarshalJSON(data []byte) error {
	var d decoder
	if err := d.decode(data); err != nil {
		return err
	}
	*l = d.toLine()
	return nil
}

// toLine copies the line last decoded into a Line.
func (d *decoder) toLine() Line {
	var l Line
	v := &d.v
	for i := range d.members {
		m := &d.members[i]
		switch d.role[i] {
		case roleSource:
			l.SourceRef = string(v.sourceRef)
		case roleErrors:
			l.Errors = toIssues(v.errs.items)
		case roleWarnings:
			l.Warnings = toIssues(v.warns.items)
		case roleRaw, roleDup:
			l.Unknown = append(l.Unknown, toMember(*m))
		}
	}
	for i := range v.class {
		c := &v.class[i]
		if !c.exact {
			continue
		}
		l.Classifications = append(l.Classifications, Classification{
			Attribute:      string(c.attr),
			ClassID:        c.id,
			ClassName:      string(c.meta.className),
			Confidence:     c.meta.confidence,
			HumanAnnotated: string(c.meta.human),
			CreationDate:   string(c.meta.date),
			JobName:        string(c.meta.job),
			Errors:         toIssues(c.meta.errs.items),
			Unknown:        toMembers(c.meta.unknown),
		})
	}
	for i := range v.det {
		dv := &v.det[i]
		if !dv.exact {
			continue
		}
		det := Detection{
			Attribute:       string(dv.attr),
			ImageSize:       dv.size,
			HumanAnnotated:  string(dv.meta.human),
			CreationDate:    string(dv.meta.date),
			JobName:         string(dv.meta.job),
			Errors:          toIssues(dv.errs.items),
			Warnings:        toIssues(dv.warns.items),
			Unknown:         toMembers(dv.unknown),
			MetadataErrors:  toIssues(dv.meta.errs.items),
			MetadataUnknown: toMembers(dv.meta.unknown),
		}
		if len(dv.anns) > 0 {
			det.Annotations = make([]Annotation, len(dv.anns))
		}
		for j := range dv.anns {
			a := &dv.anns[j]
			det.Annotations[j] = Annotation{
				ClassID: a.classID, Top: a.top, Left: a.left, Width: a.width, Height: a.height,
				Confidence: dv.meta.objects[j].confidence,
				Errors:     toIssues(a.errs.items),
				Unknown:    toMembers(a.unknown),
			}
		}
		det.ClassMap = make(map[int]string, len(dv.meta.classMap))
		for _, e := range dv.meta.classMap {
			det.ClassMap[e.id] = string(e.name)
		}
		l.Detections = append(l.Detections, det)
	}
	return l
}

func toIssues(items []issueView) []Issue {
	if len(items) == 0 {
		return nil
	}
	out := make([]Issue, len(items))
	for i, it := range items {
		out[i] = Issue{Code: Code(it.code), Message: string(it.message)}
	}
	return out
}

func toMember(m memberView) Member {
	return Member{Name: string(m.name), Value: json.RawMessage(bytes.Clone(m.raw))}
}

func toMembers(ms []memberView) []Member {
	if len(ms) == 0 {
		return nil
	}
	out := make([]Member, len(ms))
	for i, m := range ms {
		out[i] = toMember(m)
	}
	return out
}

// unknownHasErrors reports whether any of the members is, or holds at any
// depth, a member named errors or cl-errors whose value is a non-empty
// array.
func unknownHasErrors(ms []Member) bool {
	var r jsonread.Decoder
	for _, m := range ms {
		if (m.Name == "errors" || m.Name == "cl-errors") && nonEmptyArray(m.Value) {
			return true
		}
		r.Reset(m.Value)
		if rawHasErrors(&r, m.Value) {
			return true
		}
	}
	return false
}

func nonEmptyArray(raw []byte) bool {
	raw = trimSpace(raw)
	if kindOf(raw) != jsonread.Array {
		return false
	}
	return len(trimSpace(raw[1:])) > 0 && trimSpace(raw[1:])[0] != ']'
}

// rawHasErrors walks the value raw, which r reads, without recursion,
// looking for an errors or cl-errors member that is a non-empty array.
func rawHasErrors(r *jsonread.Decoder, raw []byte) bool {
	// open records, for each container entered, whether it is an object.
	var open []bool
	for {
		if len(open) > 0 {
			var more bool
			var err error
			if open[len(open)-1] {
				var key []byte
				key, more, err = r.NextKey()
				if err == nil && more && (string(key) == "errors" || string(key) == "cl-errors") {
					start := r.Offset()
					if r.Skip() != nil {
						return false
					}
					if nonEmptyArray(raw[start:r.Offset()]) {
						return true
					}
					continue
				}
			} else {
				more, err = r.NextElem()
			}
			if err != nil {
				return false
			}
			if !more {
				open = open[:len(open)-1]
				if len(open) == 0 {
					return false
				}
				continue
			}
		}
		switch r.Peek() {
		case jsonread.Object:
			if r.BeginObject() != nil {
				return false
			}
			open = append(open, true)
		case jsonread.Array:
			if r.BeginArray() != nil {
				return false
			}
			open = append(open, false)
		default:
			if r.Skip() != nil {
				return false
			}
		}
		if len(open) == 0 {
			return false
		}
	}
}
