package manifest

import "github.com/rekognition-go/customlabels/internal/jsonread"

// The views below are a decoded line as the decoder sees it: byte slices
// into the line or into the decoder's arena, presence flags for every
// member the service requires, and the exactness of each label attribute
// (whether its typed form writes back as it was read). They are reused
// from line to line, so that the validator allocates nothing per line;
// [decoder.toLine] copies a view into a [Line].

// memberView is an object member: its decoded name and its value's JSON.
type memberView struct{ name, raw []byte }

// issueView is one element of an errors or warnings array.
type issueView struct{ code, message []byte }

// issuesView is an errors or warnings array: present, and exact when it is
// a non-empty array of objects with a string code and a string message
// and nothing else, which is what Issue can hold.
type issuesView struct {
	present, exact bool
	items          []issueView
}

func (s *issuesView) reset() {
	s.present, s.exact, s.items = false, false, s.items[:0]
}

type lineView struct {
	// sourceRef is the first source-ref member when it is a string.
	sourceRef []byte
	// sourceRefKind is the kind of the first source-ref member's value,
	// None when the line has none.
	sourceRefKind jsonread.Kind
	class         []classView
	det           []detView
	errs, warns   issuesView
	// dups names the members that appear twice or more.
	dups [][]byte
	// other counts the members that are neither source-ref nor the
	// service's own (errors, warnings, cl-*) nor a paired label
	// attribute: with no label attribute, they make the line
	// ERROR_NO_LABEL_ATTRIBUTES rather than WARNING_UNANNOTATED_RECORD.
	other int
	// badPairs names the label attributes whose metadata is not an
	// object, has no type or has an unsupported one.
	badPairs [][]byte
	// orphans are the names of members that look like half a label
	// attribute: a -metadata member without its attribute, or an
	// object with annotations or image_size without its -metadata.
	orphans [][]byte
}

func (v *lineView) reset() {
	v.sourceRef, v.sourceRefKind = nil, jsonread.None
	v.class, v.det = v.class[:0], v.det[:0]
	v.errs.reset()
	v.warns.reset()
	v.dups, v.orphans, v.badPairs = v.dups[:0], v.orphans[:0], v.badPairs[:0]
	v.other = 0
}

// metaView is the metadata of a label attribute.
type metaView struct {
	typ         []byte
	typKind     jsonread.Kind // of the first type member; None when there is none
	hasType     bool
	confidence  float64
	hasConf     bool
	className   []byte
	hasClass    bool
	human       []byte
	hasHuman    bool
	date        []byte
	hasDate     bool
	job         []byte
	hasJob      bool
	objects     []objectView
	hasObjects  bool
	classMap    []classEntry
	hasClassMap bool
	errs        issuesView
	unknown     []memberView
}

func (m *metaView) reset() {
	objects, classMap, unknown := m.objects[:0], m.classMap[:0], m.unknown[:0]
	errs := m.errs
	errs.reset()
	*m = metaView{objects: objects, classMap: classMap, unknown: unknown, errs: errs}
}

// objectView is an element of a detection's objects array.
type objectView struct {
	confidence float64
	has        bool
}

// classEntry is a class-map member whose name is an integer.
type classEntry struct {
	id   int
	name []byte
}

// classView is a label attribute whose metadata type is
// TypeClassification.
type classView struct {
	attr []byte
	id   int
	// formatOK is false when the attribute or its metadata has a format
	// error (a missing or mistyped member): the service does not use it.
	formatOK bool
	// exact is true when the typed Classification writes back as read.
	exact            bool
	attrIdx, metaIdx int
	meta             metaView
}

func (c *classView) reset() {
	meta := c.meta
	meta.reset()
	*c = classView{meta: meta}
}

// detView is a label attribute whose metadata type is TypeDetection.
type detView struct {
	attr             []byte
	size             ImageSize
	sizeCount        int
	hasSize, hasAnns bool
	anns             []annView
	errs, warns      issuesView
	unknown          []memberView
	formatOK, exact  bool
	attrIdx, metaIdx int
	meta             metaView
}

func (d *detView) reset() {
	anns, unknown, errs, warns, meta := d.anns[:0], d.unknown[:0], d.errs, d.warns, d.meta
	errs.reset()
	warns.reset()
	meta.reset()
	*d = detView{anns: anns, unknown: unknown, errs: errs, warns: warns, meta: meta}
}

// annView is one element of a detection's annotations array.
type annView struct {
	classID                  int
	top, left, width, height float64
	errs                     issuesView
	unknown                  []memberView
}

func (a *annView) reset() {
	errs, unknown := a.errs, a.unknown[:0]
	errs.reset()
	*a = annView{errs: errs, unknown: unknown}
}

// grow extends s by one element, reusing the memory (and the inner
// slices) of an element a previous line left beyond len(s), and resets
// it.
func grow[T any, P interface {
	*T
	reset()
}](s []T) ([]T, P) {
	if len(s) < cap(s) {
		s = s[:len(s)+1]
	} else {
		var zero T
		s = append(s, zero)
	}
	p := P(&s[len(s)-1])
	p.reset()
	return s, p
}
