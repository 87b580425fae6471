package manifest

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/rekognition-go/customlabels/internal/jsonread"
)

// decoder parses one JSON line at a time into d.v, recording the format
// problems it meets in d.probs. The line is read twice: once to find its
// members (which checks the syntax of the whole line), then each member
// the decoder models is read again from its own bytes: label attributes
// and metadata with d.r, errors arrays with d.ri. What it keeps points
// into the line or into d.arena, and every slice is reused from line to
// line.
type decoder struct {
	top, r, ri jsonread.Decoder
	arena      []byte
	members    []memberView
	sorted     []keyIndex
	role       []role
	probe      []byte
	v          lineView
	probs      []Problem
	uses       []labelUse
}

type keyIndex struct {
	key []byte
	i   int
}

// role is what a member of the line is to the decoder.
type role uint8

const (
	roleNone     role = iota
	roleDup           // a second member of the same name
	roleSource        // the source-ref, typed
	roleErrors        // the line's errors array, typed
	roleWarnings      // the line's warnings array, typed
	roleAttr          // a label attribute, typed
	roleMeta          // a label attribute's metadata, typed
	roleRaw           // kept raw: unknown, or a label attribute that does not type exactly
)

const metadataSuffix = "-metadata"

// keep copies b into the arena and returns the copy. Growing the arena
// leaves earlier copies where they are, unchanged.
func (d *decoder) keep(b []byte) []byte {
	n := len(d.arena)
	d.arena = append(d.arena, b...)
	return d.arena[n:len(d.arena):len(d.arena)]
}

// prob records a problem of the current line.
func (d *decoder) prob(code Code, w where, msg string) {
	d.probs = append(d.probs, Problem{Path: w.String(), Code: code, Tier: codeTier(code), Message: msg})
}

// where is the place of a value in a line, a Problem's Path. It is made
// into a string only when a problem is reported, so that a good line
// costs no allocation.
type where struct {
	name  []byte // a member of the line; nil for the line itself
	sub   string // a path inside it, such as ".image_size" or "-metadata.objects"
	index int    // 1 + the index of an element of sub; 0 for none
	leaf  string // a path inside that element, such as ".top"
}

func at(name []byte) where { return where{name: name} }

// in returns the place of sub inside w, which must have no sub yet.
func (w where) in(sub string) where { w.sub = sub; return w }

// elem returns the place of element i of w.
func (w where) elem(i int) where { w.index = i + 1; return w }

// member returns the place of leaf inside w.
func (w where) member(leaf string) where { w.leaf += leaf; return w }

func (w where) String() string {
	if w.name == nil && w.sub == "" && w.leaf == "" {
		return ""
	}
	s := string(w.name) + w.sub
	if w.index > 0 {
		s += "[" + strconv.Itoa(w.index-1) + "]"
	}
	return s + w.leaf
}

// notObjectError is a line that is JSON but not an object.
type notObjectError struct{ k jsonread.Kind }

func (e notObjectError) Error() string {
	return "the line is " + article(e.k) + ", not a JSON object"
}

// decode parses data, one line without its line break. A syntax error, or
// JSON that is not an object, is returned; format problems of the label
// attributes are recorded in d.probs.
func (d *decoder) decode(data []byte) error {
	d.arena, d.members, d.probs = d.arena[:0], d.members[:0], d.probs[:0]
	d.v.reset()
	t := &d.top
	t.Reset(data)
	if k := t.Peek(); k != jsonread.Object {
		if err := t.Valid(data); err != nil {
			return err
		}
		return notObjectError{k}
	}
	if err := t.BeginObject(); err != nil {
		return err
	}
	for {
		key, ok, err := t.NextKey()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		name := d.keep(key)
		start := t.Offset()
		if err := t.Skip(); err != nil {
			return err
		}
		d.members = append(d.members, memberView{name: name, raw: trimSpace(data[start:t.Offset()])})
	}
	if err := t.End(); err != nil {
		return err
	}
	d.classify()
	return nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}

// classify gives every member of the line its role, pairs each label
// attribute with its metadata and decodes them.
func (d *decoder) classify() {
	n := len(d.members)
	d.role = slices.Grow(d.role[:0], n)[:n]
	clear(d.role)
	d.sorted = d.sorted[:0]
	for i := range d.members {
		d.sorted = append(d.sorted, keyIndex{d.members[i].name, i})
	}
	slices.SortStableFunc(d.sorted, func(a, b keyIndex) int { return bytes.Compare(a.key, b.key) })
	for k := 1; k < n; k++ {
		if bytes.Equal(d.sorted[k].key, d.sorted[k-1].key) {
			// The first of a name is used; later ones are kept raw.
			d.role[d.sorted[k].i] = roleDup
			if k == 1 || !bytes.Equal(d.sorted[k-1].key, d.sorted[k-2].key) {
				d.v.dups = append(d.v.dups, d.sorted[k].key)
			}
		}
	}
	v := &d.v
	for i := range d.members {
		if d.role[i] != roleNone {
			continue
		}
		m := &d.members[i]
		switch string(m.name) {
		case "source-ref":
			v.sourceRefKind = kindOf(m.raw)
			d.role[i] = roleRaw
			if v.sourceRefKind == jsonread.String {
				v.sourceRef = d.readString(m.raw)
				if len(v.sourceRef) > 0 {
					d.role[i] = roleSource
				}
			}
		case "errors":
			d.role[i] = roleRaw
			if d.issues(&v.errs, m.raw) {
				d.role[i] = roleErrors
			}
		case "warnings":
			d.role[i] = roleRaw
			if d.issues(&v.warns, m.raw) {
				d.role[i] = roleWarnings
			}
		}
	}
	for i := range d.members {
		if d.role[i] != roleNone {
			continue
		}
		d.probe = append(append(d.probe[:0], d.members[i].name...), metadataSuffix...)
		j := d.find(d.probe)
		if j < 0 || j == i || d.role[j] != roleNone {
			continue
		}
		d.role[i], d.role[j] = roleAttr, roleMeta
		d.pair(i, j)
	}
	for i := range d.members {
		if d.role[i] == roleNone {
			d.role[i] = roleRaw
			m := &d.members[i]
			if !serviceMember(m.name) {
				v.other++
			}
			if d.isOrphan(m) {
				v.orphans = append(v.orphans, m.name)
			}
		}
	}
}

// find returns the index of the first member named name, or -1.
func (d *decoder) find(name []byte) int {
	k, ok := slices.BinarySearchFunc(d.sorted, name, func(e keyIndex, name []byte) int {
		return bytes.Compare(e.key, name)
	})
	if !ok {
		return -1
	}
	return d.sorted[k].i
}

// serviceMember reports whether a member is one the service adds to a
// line it returns: errors, warnings, and its cl- members such as
// cl-metadata and cl-errors.
func serviceMember(name []byte) bool {
	s := string(name)
	return s == "errors" || s == "warnings" || len(s) >= 3 && s[:3] == "cl-"
}

// isOrphan reports whether an unpaired member looks like half of a label
// attribute: a -metadata object, or an object with annotations or
// image_size.
func (d *decoder) isOrphan(m *memberView) bool {
	if kindOf(m.raw) != jsonread.Object || serviceMember(m.name) {
		return false
	}
	if bytes.HasSuffix(m.name, []byte(metadataSuffix)) {
		return true
	}
	r := &d.r
	r.Reset(m.raw)
	if r.BeginObject() != nil {
		return false
	}
	for {
		key, ok, err := r.NextKey()
		if err != nil || !ok {
			return false
		}
		if s := string(key); s == "annotations" || s == "image_size" {
			return true
		}
		if r.Skip() != nil {
			return false
		}
	}
}

// kindOf returns the kind of the JSON value raw, which is valid JSON.
func kindOf(raw []byte) jsonread.Kind {
	if len(raw) == 0 {
		return jsonread.None
	}
	switch c := raw[0]; c {
	case 'n', 'f', 't', '"', '{', '[':
		return jsonread.Kind(c)
	}
	return jsonread.Number
}

// article names a kind with its indefinite article, for messages.
func article(k jsonread.Kind) string {
	switch k {
	case jsonread.Object, jsonread.Array:
		return "an " + k.String()
	case jsonread.Null:
		return "null"
	case jsonread.None:
		return "nothing"
	}
	return "a " + k.String()
}

// readString decodes the JSON string raw into the arena.
func (d *decoder) readString(raw []byte) []byte {
	d.r.Reset(raw)
	s, err := d.r.ReadString()
	if err != nil {
		return nil
	}
	return d.keep(s)
}

// issues decodes an errors or warnings array into dst, with its own
// tokenizer, and reports whether it is exact: a non-empty array of
// objects of a string code and a string message only, which is what a
// []Issue writes back.
func (d *decoder) issues(dst *issuesView, raw []byte) bool {
	dst.reset()
	dst.present = true
	r := &d.ri
	r.Reset(raw)
	if r.Peek() != jsonread.Array || r.BeginArray() != nil {
		return false
	}
	exact := true
	for {
		more, err := r.NextElem()
		if err != nil {
			return false
		}
		if !more {
			break
		}
		if r.Peek() != jsonread.Object {
			exact = false
			if r.Skip() != nil {
				return false
			}
			continue
		}
		if r.BeginObject() != nil {
			return false
		}
		var it issueView
		var hasCode, hasMessage bool
		for {
			key, ok, err := r.NextKey()
			if err != nil {
				return false
			}
			if !ok {
				break
			}
			switch k := string(key); {
			case k == "code" && !hasCode && r.Peek() == jsonread.String:
				s, _ := r.ReadString()
				it.code, hasCode = d.keep(s), true
			case k == "message" && !hasMessage && r.Peek() == jsonread.String:
				s, _ := r.ReadString()
				it.message, hasMessage = d.keep(s), true
			default:
				exact = false
				if r.Skip() != nil {
					return false
				}
			}
		}
		if !hasCode || !hasMessage {
			exact = false
		}
		dst.items = append(dst.items, it)
	}
	dst.exact = exact && len(dst.items) > 0
	return dst.exact
}

// parseInt parses a JSON number that is an integer written without
// fraction, exponent or leading zeros, and fits in 18 digits.
func parseInt(b []byte) (int, bool) {
	neg := len(b) > 0 && b[0] == '-'
	digits := b
	if neg {
		digits = b[1:]
	}
	if len(digits) == 0 || len(digits) > 18 || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		if n == 0 {
			return 0, false // -0 does not write back as it was
		}
		n = -n
	}
	return n, true
}

// readNumber reads the number r is at. A number too large for a float64
// reads as an infinity, with ok false.
func readNumber(r *jsonread.Decoder) (f float64, ok bool, err error) {
	b, err := r.ReadNumber()
	if err != nil {
		return 0, false, err
	}
	// Most numbers of a manifest are small integers, which convert
	// exactly; ParseFloat takes the others.
	if len(b) <= 15 {
		if n, isInt := parseInt(b); isInt {
			return float64(n), true, nil
		}
	}
	f, perr := strconv.ParseFloat(string(b), 64)
	return f, perr == nil, nil
}

// state is what decoding a label attribute found: formatOK is false after
// a missing or mistyped member (a format error: the service does not use
// the attribute), and exact is false when the typed form would not write
// back what was read (then the members are kept raw in the Line).
type state struct{ formatOK, exact bool }

func (s *state) fail() { s.formatOK, s.exact = false, false }

// mistyped records a member of the wrong JSON kind, and skips it.
func (d *decoder) mistyped(st *state, code Code, w where, name, want string, k jsonread.Kind) bool {
	st.fail()
	d.prob(code, w.member("."+name), name+" is "+article(k)+", not "+want)
	return d.r.Skip() == nil
}

// begin starts the array or object (want) that r is at, which w names as
// what. Another kind is a format error of code, and is skipped: then begun
// is false, and good reports whether reading can go on.
func (d *decoder) begin(st *state, code Code, w where, what string, want jsonread.Kind) (begun, good bool) {
	r := &d.r
	if k := r.Peek(); k != want {
		st.fail()
		d.prob(code, w, what+" is "+article(k)+", not "+article(want))
		return false, r.Skip() == nil
	}
	var err error
	if want == jsonread.Array {
		err = r.BeginArray()
	} else {
		err = r.BeginObject()
	}
	return err == nil, err == nil
}

// unknownMember keeps the member whose name r just read, skipping its
// value. raw is the object r reads.
func (d *decoder) unknownMember(dst *[]memberView, key, raw []byte) bool {
	name := d.keep(key)
	vs := d.r.Offset()
	if d.r.Skip() != nil {
		return false
	}
	*dst = append(*dst, memberView{name: name, raw: trimSpace(raw[vs:d.r.Offset()])})
	return true
}

// issuesMember decodes the errors or warnings array that r is at into dst,
// or keeps it raw in unknown when it is not exact.
func (d *decoder) issuesMember(dst *issuesView, unknown *[]memberView, key, raw []byte) bool {
	name := d.keep(key)
	vs := d.r.Offset()
	if d.r.Skip() != nil {
		return false
	}
	val := trimSpace(raw[vs:d.r.Offset()])
	if !d.issues(dst, val) {
		dst.reset()
		*unknown = append(*unknown, memberView{name: name, raw: val})
	}
	return true
}

// numberMember reads the number member r is at into dst; anything else,
// or a number out of the range of a float64, is a format error.
func (d *decoder) numberMember(st *state, dst *float64, code Code, w where, name string) bool {
	r := &d.r
	k := r.Peek()
	if k != jsonread.Number {
		return d.mistyped(st, code, w, name, "a number", k)
	}
	f, ok, err := readNumber(r)
	if err != nil {
		return false
	}
	if !ok {
		st.fail()
		d.prob(code, w.member("."+name), name+" is out of the range of a number")
	}
	*dst = f
	return true
}

// missing lists required members that did not appear, for a message.
func missing(have int, names []string, bits []int) string {
	var s string
	for i, b := range bits {
		if have&b == 0 {
			if s != "" {
				s += ", "
			}
			s += names[i]
		}
	}
	return s
}
