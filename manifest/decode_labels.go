package manifest

import (
	"slices"
	"strconv"

	"github.com/rekognition-go/customlabels/internal/jsonread"
)

// This file decodes the label attributes of a line: a classification or a
// detection, by its metadata's type. Missing and mistyped members are
// format errors, ERROR_INVALID_LABEL_ATTRIBUTE_FORMAT for the attribute and
// ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT for its metadata; the rules
// about values (box inside the image, label length) are in check.go.

// pair decodes the label attribute members[ai] and its metadata
// members[mi] by the metadata's type. The attribute's value tells which
// type to expect (an object for a detection, anything else for a
// classification), so the metadata is read once; on the rare line where
// the type says otherwise, what was decoded is undone and the other kind
// is decoded.
func (d *decoder) pair(ai, mi int) {
	w := at(d.members[mi].name)
	if k := kindOf(d.members[mi].raw); k != jsonread.Object {
		d.badPair(ai, mi, CodeInvalidLabelAttributeMetadata, w, "the metadata is "+article(k)+", not an object")
		return
	}
	np, nc, nd := len(d.probs), len(d.v.class), len(d.v.det)
	detection := kindOf(d.members[ai].raw) == jsonread.Object
	for try := 0; ; try++ {
		var m *metaView
		want := TypeClassification
		if detection {
			m, want = &d.detection(ai, mi).meta, TypeDetection
		} else {
			m = &d.classification(ai, mi).meta
		}
		typ, k := m.typ, m.typKind
		if k == jsonread.String && string(typ) == want {
			return
		}
		d.probs, d.v.class, d.v.det = d.probs[:np], d.v.class[:nc], d.v.det[:nd]
		d.role[ai], d.role[mi] = roleAttr, roleMeta
		other := k == jsonread.String && (string(typ) == TypeClassification || string(typ) == TypeDetection)
		switch {
		case other && try == 0:
			detection = !detection
			continue
		case k == jsonread.None:
			d.badPair(ai, mi, CodeInvalidLabelAttributeMetadata, w, "the metadata has no type")
		case k != jsonread.String:
			d.badPair(ai, mi, CodeInvalidLabelAttributeMetadata, w.in(".type"), "type is "+article(k)+", not a string")
		default:
			// The developer guide's own script that turns a multi-label
			// Ground Truth manifest into a Custom Labels one
			// (md-gt-cl-transform) copies Ground Truth's type,
			// groundtruth/image-classification-multilabel, while its list
			// of errors (tm-debugging-json-line-errors) says any type but
			// these two is ERROR_UNSUPPORTED_USE_CASE_TYPE. We follow the
			// list.
			d.badPair(ai, mi, CodeUnsupportedUseCaseType, w.in(".type"),
				"type "+strconv.Quote(string(typ))+" is neither "+TypeClassification+" nor "+TypeDetection)
		}
		return
	}
}

// badPair records a label attribute that is neither a classification nor
// a detection, and keeps both of its members raw.
func (d *decoder) badPair(ai, mi int, code Code, w where, msg string) {
	d.role[ai], d.role[mi] = roleRaw, roleRaw
	d.v.badPairs = append(d.v.badPairs, d.members[ai].name)
	d.prob(code, w, msg)
}

// Members of the metadata, as bits.
const (
	mType = 1 << iota
	mConfidence
	mClassName
	mHuman
	mDate
	mJob
	mObjects
	mClassMap
	mErrors
)

var (
	classRequired = []int{mConfidence, mClassName, mHuman, mDate}
	classNames    = []string{"confidence", "class-name", "human-annotated", "creation-date"}
	detRequired   = []int{mObjects, mClassMap, mHuman, mDate}
	detNames      = []string{"objects", "class-map", "human-annotated", "creation-date"}
)

// metaBit returns the bit of a metadata member that a label of the kind
// has, 0 for the others.
func metaBit(key []byte, detection bool) int {
	switch string(key) {
	case "type":
		return mType
	case "human-annotated":
		return mHuman
	case "creation-date":
		return mDate
	case "job-name":
		return mJob
	case "errors":
		return mErrors
	case "confidence":
		if !detection {
			return mConfidence
		}
	case "class-name":
		if !detection {
			return mClassName
		}
	case "objects":
		if detection {
			return mObjects
		}
	case "class-map":
		if detection {
			return mClassMap
		}
	}
	return 0
}

// metadata decodes a metadata object into m and returns the members seen
// (of the right kind or not). Members a label of its kind does not have
// are kept in m.unknown.
func (d *decoder) metadata(m *metaView, raw []byte, w where, detection bool, st *state) int {
	r := &d.r
	r.Reset(raw)
	seen := 0
	if r.BeginObject() != nil {
		st.fail()
		return seen
	}
	for {
		key, ok, err := r.NextKey()
		if err != nil {
			st.fail()
			return seen
		}
		if !ok {
			break
		}
		bit := metaBit(key, detection)
		if bit == 0 || seen&bit != 0 {
			if bit != 0 {
				st.exact = false // a second member of a known name
			}
			if !d.unknownMember(&m.unknown, key, raw) {
				st.fail()
				return seen
			}
			continue
		}
		seen |= bit
		k := r.Peek()
		good := true
		switch bit {
		case mType, mClassName, mHuman, mDate, mJob:
			if bit == mType {
				m.typKind = k
			}
			if k != jsonread.String {
				good = d.mistyped(st, CodeInvalidLabelAttributeMetadata, w, string(key), "a string", k)
				break
			}
			b, err := r.ReadString()
			if err != nil {
				good = false
				break
			}
			s := d.keep(b)
			switch bit {
			case mType:
				m.typ, m.hasType = s, true
			case mClassName:
				m.className, m.hasClass = s, true
			case mHuman:
				m.human, m.hasHuman = s, true
			case mDate:
				m.date, m.hasDate = s, true
			case mJob:
				m.job, m.hasJob = s, true
			}
		case mConfidence:
			good = d.numberMember(st, &m.confidence, CodeInvalidLabelAttributeMetadata, w, "confidence")
			m.hasConf = k == jsonread.Number
		case mObjects:
			good = d.objects(m, w, st)
		case mClassMap:
			good = d.classMap(m, w, st)
		case mErrors:
			good = d.issuesMember(&m.errs, &m.unknown, key, raw)
		}
		if !good {
			st.fail()
			return seen
		}
	}
	return seen
}

// classification decodes a label attribute whose type is
// TypeClassification.
func (d *decoder) classification(ai, mi int) *classView {
	var c *classView
	d.v.class, c = grow(d.v.class)
	attr, meta := &d.members[ai], &d.members[mi]
	c.attr, c.attrIdx, c.metaIdx = attr.name, ai, mi
	st := state{formatOK: true, exact: true}
	if id, ok := parseInt(attr.raw); ok {
		c.id = id
	} else {
		st.fail()
		what := article(kindOf(attr.raw))
		if kindOf(attr.raw) == jsonread.Number {
			what = string(attr.raw)
		}
		d.prob(CodeInvalidLabelAttributeFormat, at(attr.name),
			"the value of a classification label attribute must be an integer, not "+what)
	}
	d.pairMetadata(&c.meta, attr, meta, false, &st)
	c.formatOK, c.exact = d.settlePair(st, ai, mi)
	return c
}

// pairMetadata decodes meta, the metadata of the label attribute attr,
// into m, for a classification or a detection. A required member missing
// is a format error; an empty job-name, or an attribute without a name,
// makes the typed form inexact: the first is not written back, and the
// writer refuses the second.
func (d *decoder) pairMetadata(m *metaView, attr, meta *memberView, detection bool, st *state) {
	names, required := classNames, classRequired
	if detection {
		names, required = detNames, detRequired
	}
	seen := d.metadata(m, meta.raw, at(meta.name), detection, st)
	if miss := missing(seen, names, required); miss != "" {
		st.fail()
		d.prob(CodeInvalidLabelAttributeMetadata, at(meta.name), "the metadata has no "+miss)
	}
	if m.hasJob && len(m.job) == 0 || len(attr.name) == 0 {
		st.exact = false
	}
}

// settlePair returns what st found of the pair of members ai and mi:
// whether its format is right, and whether its typed form is exact; when
// it is not, both members are kept raw.
func (d *decoder) settlePair(st state, ai, mi int) (formatOK, exact bool) {
	exact = st.exact && st.formatOK
	if !exact {
		d.role[ai], d.role[mi] = roleRaw, roleRaw
	}
	return st.formatOK, exact
}

// Members of a detection's label attribute and of an annotation, as bits.
const (
	aSize = 1 << iota
	aAnns
	aErrors
	aWarnings
)

const (
	bClassID = 1 << iota
	bTop
	bLeft
	bWidth
	bHeight
	bErrors
)

var (
	attrRequired = []int{aSize, aAnns}
	attrNames    = []string{"image_size", "annotations"}
	sizeRequired = []int{1, 2, 4}
	sizeNames    = []string{"width", "height", "depth"}
	boxRequired  = []int{bClassID, bTop, bLeft, bWidth, bHeight}
	boxNames     = []string{"class_id", "top", "left", "width", "height"}
)

// bitIndex returns the index of a single bit.
func bitIndex(bit int) int {
	i := 0
	for bit > 1 {
		bit >>= 1
		i++
	}
	return i
}

// detection decodes a label attribute whose type is TypeDetection.
func (d *decoder) detection(ai, mi int) *detView {
	var dv *detView
	d.v.det, dv = grow(d.v.det)
	attr, meta := &d.members[ai], &d.members[mi]
	dv.attr, dv.attrIdx, dv.metaIdx = attr.name, ai, mi
	st := state{formatOK: true, exact: true}
	if k := kindOf(attr.raw); k != jsonread.Object {
		st.fail()
		d.prob(CodeInvalidLabelAttributeFormat, at(attr.name),
			"the value of a detection label attribute must be an object, not "+article(k))
	} else {
		d.detectionAttr(dv, attr.raw, at(attr.name), &st)
	}
	d.pairMetadata(&dv.meta, attr, meta, true, &st)
	// Annotation carries its object's confidence, so the typed form needs
	// one object with a confidence per annotation.
	if len(dv.meta.objects) != len(dv.anns) {
		st.exact = false
	}
	for _, o := range dv.meta.objects {
		if !o.has {
			st.exact = false
		}
	}
	dv.formatOK, dv.exact = d.settlePair(st, ai, mi)
	return dv
}

// detectionAttr decodes the object of a detection's label attribute.
func (d *decoder) detectionAttr(dv *detView, raw []byte, w where, st *state) {
	r := &d.r
	r.Reset(raw)
	if r.BeginObject() != nil {
		st.fail()
		return
	}
	seen := 0
	for {
		key, ok, err := r.NextKey()
		if err != nil {
			st.fail()
			return
		}
		if !ok {
			break
		}
		var bit int
		switch string(key) {
		case "image_size":
			bit = aSize
		case "annotations":
			bit = aAnns
		case "errors":
			bit = aErrors
		case "warnings":
			bit = aWarnings
		}
		if bit == 0 || seen&bit != 0 {
			if bit != 0 {
				st.exact = false
			}
			if !d.unknownMember(&dv.unknown, key, raw) {
				st.fail()
				return
			}
			continue
		}
		seen |= bit
		good := true
		switch bit {
		case aSize:
			good = d.imageSize(dv, w, st)
		case aAnns:
			good = d.annotations(dv, raw, w, st)
		case aErrors:
			good = d.issuesMember(&dv.errs, &dv.unknown, key, raw)
		case aWarnings:
			good = d.issuesMember(&dv.warns, &dv.unknown, key, raw)
		}
		if !good {
			st.fail()
			return
		}
	}
	dv.hasSize, dv.hasAnns = seen&aSize != 0, seen&aAnns != 0
	if miss := missing(seen, attrNames, attrRequired); miss != "" {
		st.fail()
		d.prob(CodeInvalidLabelAttributeFormat, w, "the label attribute has no "+miss)
	}
}

// imageSize decodes image_size, which the guide documents as an array of
// exactly one {width, height, depth} of integers.
func (d *decoder) imageSize(dv *detView, w where, st *state) bool {
	r := &d.r
	w = w.in(".image_size")
	if begun, good := d.begin(st, CodeInvalidLabelAttributeFormat, w, "image_size", jsonread.Array); !begun {
		return good
	}
	for {
		more, err := r.NextElem()
		if err != nil {
			return false
		}
		if !more {
			break
		}
		dv.sizeCount++
		if dv.sizeCount > 1 {
			if r.Skip() != nil {
				return false
			}
			continue
		}
		ew := w.elem(0)
		if begun, good := d.begin(st, CodeInvalidLabelAttributeFormat, ew, "the image size", jsonread.Object); !begun {
			if !good {
				return false
			}
			continue
		}
		seen := 0
		for {
			key, ok, err := r.NextKey()
			if err != nil {
				return false
			}
			if !ok {
				break
			}
			var bit int
			var dst *int
			switch string(key) {
			case "width":
				bit, dst = 1, &dv.size.Width
			case "height":
				bit, dst = 2, &dv.size.Height
			case "depth":
				bit, dst = 4, &dv.size.Depth
			}
			if bit == 0 || seen&bit != 0 {
				st.exact = false // ImageSize keeps nothing else
				if r.Skip() != nil {
					return false
				}
				continue
			}
			seen |= bit
			if !d.intMember(st, dst, ew, sizeNames[bit/2]) {
				return false
			}
		}
		if miss := missing(seen, sizeNames, sizeRequired); miss != "" {
			st.fail()
			d.prob(CodeInvalidLabelAttributeFormat, ew, "the image size has no "+miss)
		}
	}
	if dv.sizeCount != 1 {
		st.fail()
		d.prob(CodeInvalidLabelAttributeFormat, w,
			"image_size must hold exactly one image size, not "+strconv.Itoa(dv.sizeCount))
	}
	return true
}

// intMember reads the integer member r is at into dst; anything else is a
// format error of the label attribute.
func (d *decoder) intMember(st *state, dst *int, w where, name string) bool {
	r := &d.r
	k := r.Peek()
	if k != jsonread.Number {
		return d.mistyped(st, CodeInvalidLabelAttributeFormat, w, name, "an integer", k)
	}
	b, err := r.ReadNumber()
	if err != nil {
		return false
	}
	n, ok := parseInt(b)
	if !ok {
		st.fail()
		d.prob(CodeInvalidLabelAttributeFormat, w.member("."+name), name+" is "+string(b)+", not an integer")
		return true
	}
	*dst = n
	return true
}

// annotations decodes a detection's annotations array.
func (d *decoder) annotations(dv *detView, raw []byte, w where, st *state) bool {
	r := &d.r
	w = w.in(".annotations")
	if begun, good := d.begin(st, CodeInvalidLabelAttributeFormat, w, "annotations", jsonread.Array); !begun {
		return good
	}
	for i := 0; ; i++ {
		more, err := r.NextElem()
		if err != nil {
			return false
		}
		if !more {
			return true
		}
		var a *annView
		dv.anns, a = grow(dv.anns)
		if begun, good := d.begin(st, CodeInvalidLabelAttributeFormat, w.elem(i), "the annotation", jsonread.Object); !begun {
			if !good {
				return false
			}
			continue
		}
		if !d.annotation(a, raw, w.elem(i), st) {
			return false
		}
	}
}

// annotation decodes the members of the annotation object r is in, which
// w names, into a.
func (d *decoder) annotation(a *annView, raw []byte, w where, st *state) bool {
	r := &d.r
	seen := 0
	for {
		key, ok, err := r.NextKey()
		if err != nil {
			return false
		}
		if !ok {
			break
		}
		var bit int
		var dst *float64
		switch string(key) {
		case "class_id":
			bit = bClassID
		case "top":
			bit, dst = bTop, &a.top
		case "left":
			bit, dst = bLeft, &a.left
		case "width":
			bit, dst = bWidth, &a.width
		case "height":
			bit, dst = bHeight, &a.height
		case "errors":
			bit = bErrors
		}
		if bit == 0 || seen&bit != 0 {
			if bit != 0 {
				st.exact = false
			}
			if !d.unknownMember(&a.unknown, key, raw) {
				return false
			}
			continue
		}
		seen |= bit
		switch bit {
		case bClassID:
			if !d.intMember(st, &a.classID, w, "class_id") {
				return false
			}
		case bErrors:
			if !d.issuesMember(&a.errs, &a.unknown, key, raw) {
				return false
			}
		default:
			// Ground Truth writes integers, but the guide's own COCO
			// transform copies COCO's fractional pixels, so any number
			// is taken.
			if !d.numberMember(st, dst, CodeInvalidLabelAttributeFormat, w, boxNames[bitIndex(bit)]) {
				return false
			}
		}
	}
	if miss := missing(seen, boxNames, boxRequired); miss != "" {
		st.fail()
		d.prob(CodeInvalidLabelAttributeFormat, w, "the annotation has no "+miss)
	}
	return true
}

// objects decodes a detection's objects array. An object without a
// numeric confidence is not a format error: it is the
// ERROR_MISSING_BOUNDING_BOX_CONFIDENCE of its annotation.
func (d *decoder) objects(m *metaView, w where, st *state) bool {
	r := &d.r
	w = w.in(".objects")
	if begun, good := d.begin(st, CodeInvalidLabelAttributeMetadata, w, "objects", jsonread.Array); !begun {
		return good
	}
	m.hasObjects = true
	for i := 0; ; i++ {
		more, err := r.NextElem()
		if err != nil {
			return false
		}
		if !more {
			return true
		}
		var o objectView
		if begun, good := d.begin(st, CodeInvalidLabelAttributeMetadata, w.elem(i), "the object", jsonread.Object); !begun {
			if !good {
				return false
			}
			m.objects = append(m.objects, o)
			continue
		}
		for {
			key, ok, err := r.NextKey()
			if err != nil {
				return false
			}
			if !ok {
				break
			}
			if string(key) == "confidence" && !o.has && r.Peek() == jsonread.Number {
				f, ok, err := readNumber(r)
				if err != nil {
					return false
				}
				o.confidence, o.has = f, ok
				continue
			}
			st.exact = false // Annotation keeps only the confidence
			if r.Skip() != nil {
				return false
			}
		}
		m.objects = append(m.objects, o)
	}
}

// classMap decodes a detection's class-map: labels by class ID. A key that
// is not an integer written plainly can never match a class_id; it makes
// the typed form inexact but is not a format error.
func (d *decoder) classMap(m *metaView, w where, st *state) bool {
	r := &d.r
	w = w.in(".class-map")
	if begun, good := d.begin(st, CodeInvalidLabelAttributeMetadata, w, "class-map", jsonread.Object); !begun {
		return good
	}
	m.hasClassMap = true
	for {
		key, ok, err := r.NextKey()
		if err != nil {
			return false
		}
		if !ok {
			break
		}
		id, isInt := parseInt(key)
		if k := r.Peek(); k != jsonread.String {
			if !d.mistyped(st, CodeInvalidLabelAttributeMetadata, w, strconv.Quote(string(key)), "a string", k) {
				return false
			}
			continue
		}
		name, err := r.ReadString()
		if err != nil {
			return false
		}
		if !isInt {
			st.exact = false
			continue
		}
		m.classMap = append(m.classMap, classEntry{id: id, name: d.keep(name)})
	}
	slices.SortStableFunc(m.classMap, func(a, b classEntry) int { return a.id - b.id })
	for i := 1; i < len(m.classMap); i++ {
		if m.classMap[i].id == m.classMap[i-1].id {
			st.exact = false // a map keeps one of them
		}
	}
	return true
}

// label returns the class-map label of id; with two entries for one id,
// the first.
func (m *metaView) label(id int) ([]byte, bool) {
	k, ok := slices.BinarySearchFunc(m.classMap, id, func(e classEntry, id int) int { return e.id - id })
	if !ok {
		return nil, false
	}
	return m.classMap[k].name, true
}
