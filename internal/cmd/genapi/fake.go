package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// fakeFile writes customlabelstest/wire_gen.go: the fake's side of the
// shapes the client's side encodes and decodes. For each operation that
// the Server has a handler method for (named as the operation, with a
// lower-case first letter), a request reader that decodes the body into
// the client's Input type as the service's deserializer does
// (SerializationException) and checks every constraint of the model as
// its validation layer does, listing every violation in the service's
// words (ValidationException); the Output's encoder; and the routing
// table. Then the status and default message of every exception.
func fakeFile(a *api, served map[string]bool) (*gen, error) {
	g := newGen("customlabelstest")
	g.use("github.com/rekognition-go/customlabels")
	var ops []*operation
	for _, op := range a.ops {
		if served[lowerFirst(op.name)] {
			ops = append(ops, op)
		}
	}
	if err := fakeTables(g, a, ops); err != nil {
		return nil, err
	}

	// Which structures the served operations reach, each way.
	reads, writes := map[string]*structure{}, map[string]*structure{}
	for _, op := range a.ops {
		op.in.walk(reads)
		op.out.walk(writes)
	}
	if err := patternConsts(g, reads); err != nil {
		return nil, err
	}
	for _, s := range sortedStructMap(reads) {
		if err := readStruct(g, s); err != nil {
			return nil, err
		}
	}
	listed := map[string]bool{}
	for _, s := range writes {
		for _, m := range s.goOrder {
			if m.t.kind == kList && m.t.elem.kind == kStruct {
				listed[m.t.elem.name] = true
			}
		}
	}
	for _, s := range sortedStructMap(writes) {
		if err := writeStruct(g, s, listed[s.goName]); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// fakeTables writes the routing table of the served operations, the
// codecs of every operation, and the exceptions' statuses and messages.
func fakeTables(g *gen, a *api, ops []*operation) error {
	g.p("// operations are the operations the fake serves, by X-Amz-Target: those")
	g.p("// of the model that Server has a handler method for.")
	g.p("var operations = map[string]*operation{")
	for _, op := range ops {
		g.p("\ttargetPrefix + %q: serve(%q, read%sInput, (*Server).%s, append%sOutput),", op.name, op.name, op.name, lowerFirst(op.name), op.name)
	}
	g.p("}\n")
	g.p("// codecs are the request readers and response writers of every")
	g.p("// operation the client implements, by name, served or not.")
	g.p("var codecs = map[string]codec{")
	for _, op := range a.ops {
		g.p("\t%q: newCodec(read%sInput, append%sOutput),", op.name, op.name, op.name)
	}
	g.p("}\n")

	g.use("net/http")
	g.p("// modeledExceptions are the exceptions of the service model, with the")
	g.p("// HTTP status of their fault (500 for a server fault, else 400) and the")
	g.p("// message a test's injected exception gets when it sets none.")
	g.p("var modeledExceptions = map[string]modeledException{")
	for _, n := range a.m.exceptionNames() {
		e, ok := exceptions[n]
		if !ok {
			return fmt.Errorf("no default message for %s: add it to the exceptions table", n)
		}
		status := "http.StatusBadRequest"
		if a.m.Shapes[n].Fault {
			status = "http.StatusInternalServerError"
		}
		msg := strconv.Quote(e.message)
		msg = strings.ReplaceAll(msg, "123456789012", `" + DefaultAccountID + "`)
		g.p("\t%q: {%s, %s},", n, status, msg)
	}
	g.p("}\n")

	return nil
}

// patternConsts writes the patterns of the structures reads reaches, as
// the service's messages quote them.
func patternConsts(g *gen, reads map[string]*structure) error {
	var pats []string
	for _, s := range sortedStructMap(reads) {
		for _, m := range s.wireOrder {
			for t := m.t; t != nil; t = t.elem {
				if t.shape.Pattern != "" {
					pats = append(pats, t.shape.Pattern)
				}
				if t.key != nil && t.key.shape.Pattern != "" {
					pats = append(pats, t.key.shape.Pattern)
				}
			}
		}
	}
	pats = uniqueSorted(pats)
	if len(pats) > 0 {
		g.p("// The model's patterns, as the service's messages quote them.")
		g.p("const (")
		for _, p := range pats {
			r, ok := patterns[p]
			if !ok {
				return fmt.Errorf("pattern %q is not in the generator's patterns table", p)
			}
			g.p("\tpattern%s = %s", r.match, "`"+p+"`")
		}
		g.p(")\n")
	}
	return nil
}

// walk adds s and the structures it reaches to seen.
func (s *structure) walk(seen map[string]*structure) {
	if seen[s.goName] != nil {
		return
	}
	seen[s.goName] = s
	for _, m := range s.wireOrder {
		for t := m.t; t != nil; t = t.elem {
			if t.kind == kStruct {
				t.st.walk(seen)
			}
		}
	}
}

func sortedStructMap(m map[string]*structure) []*structure {
	out := make([]*structure, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].goName < out[j].goName })
	return out
}

func uniqueSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// readStruct writes the reader of one input structure.
func readStruct(g *gen, s *structure) error {
	g.use("encoding/json")
	g.p("func read%s(r *reader, raw json.RawMessage, p path, v *customlabels.%s) {", s.goName, s.goName)
	g.p("\tm := r.object(raw, p)\n\tif m == nil {\n\t\treturn\n\t}")
	for _, m := range s.wireOrder {
		g.p("\tif raw, ok := present(m, %q); ok {", m.name)
		g.p("\t\tp := p.member(%q)", m.name)
		if err := readValue(g, m.t, "v."+m.name, "\t\t"); err != nil {
			return fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
		if m.required {
			g.p("\t} else {\n\t\tr.required(p.member(%q))\n\t}", m.name)
		} else {
			g.p("\t}")
		}
	}
	g.p("}\n")
	return nil
}

// readValue writes the statements that read raw (at path p) into dst,
// then check it against the model; in is the indentation.
func readValue(g *gen, t *goType, dst, in string) error {
	r := valueRead{g: g, t: t, dst: dst, in: in}
	switch t.kind {
	case kString, kEnum:
		return r.text()
	case kInt32:
		r.scalar("n", "r.integer", "int32(n)", "r.intRange(n, p, %s)")
	case kFloat32:
		r.scalar("f", "r.number", "float32(f)", "r.floatRange(f, p, %s)")
	case kBool:
		r.scalar("b", "r.boolean", "b", "")
	case kBlob:
		r.scalar("b", "r.blob", "b", "r.blobLength(b, p, %s)")
	case kStruct:
		g.p("%sread%s(r, raw, p, &%s)", in, t.name, dst)
	case kList:
		return r.list()
	case kMap:
		return r.stringMap()
	default:
		return fmt.Errorf("no reader for kind %d", t.kind)
	}
	return nil
}

// valueRead writes the reading of one value, by kind.
type valueRead struct {
	g       *gen
	t       *goType
	dst, in string
}

// bounds returns the shape's min and max as Go arguments, -1 for none.
func (r *valueRead) bounds() string {
	lo, hi := "-1", "-1"
	if min, ok := bound(r.t.shape.Min); ok {
		lo = strconv.FormatInt(min, 10)
	}
	if max, ok := bound(r.t.shape.Max); ok {
		hi = strconv.FormatInt(max, 10)
	}
	return lo + ", " + hi
}

func (r *valueRead) hasBounds() bool { return r.t.shape.Min != nil || r.t.shape.Max != nil }

// scalar writes: read the value into name with reader, store conv of it
// (through a new variable for a pointer member), then check, a format of
// the bounds, when the shape has bounds.
func (r *valueRead) scalar(name, reader, conv, check string) {
	g, in := r.g, r.in
	g.p("%sif %s, ok := %s(raw, p); ok {", in, name, reader)
	if r.t.ptr {
		g.p("%s\tx := %s\n%s\t%s = &x", in, conv, in, r.dst)
	} else {
		g.p("%s\t%s = %s", in, r.dst, conv)
	}
	if check != "" && r.hasBounds() {
		g.p("%s\t"+check, in, r.bounds())
	}
	g.p("%s}", in)
}

func (r *valueRead) text() error {
	g, in := r.g, r.in
	g.p("%sif s, ok := r.str(raw, p); ok {", in)
	if r.t.kind == kEnum {
		g.p("%s\t%s = customlabels.%s(s)", in, r.dst, r.t.name)
	} else {
		g.p("%s\t%s = s", in, r.dst)
	}
	if err := checkString(g, r.t, "s", in+"\t"); err != nil {
		return err
	}
	g.p("%s}", in)
	return nil
}

// list writes the reading of a list: its elements, then its length, then
// each element's constraints, in the order the service reports them.
func (r *valueRead) list() error {
	g, in, e := r.g, r.in, r.t.elem
	of := "strings"
	if e.kind == kStruct {
		of = "objects"
	}
	g.p("%sif items, ok := r.list(raw, p, %q); ok {", in, of)
	switch e.kind {
	case kString, kEnum:
		g.p("%s\tlist := make([]%s, 0, len(items))", in, qualified(e))
		g.p("%s\tfor i, raw := range items {", in)
		g.p("%s\t\tif s, ok := r.str(raw, p.elem(i)); ok {", in)
		if e.kind == kEnum {
			g.p("%s\t\t\tlist = append(list, customlabels.%s(s))", in, e.name)
		} else {
			g.p("%s\t\t\tlist = append(list, s)", in)
		}
		g.p("%s\t\t}\n%s\t}", in, in)
		g.p("%s\t%s = list", in, r.dst)
		if r.hasBounds() {
			g.p("%s\tr.listLength(javaList(list), len(list), p, %s)", in, r.bounds())
		}
		if e.kind == kEnum {
			g.p("%s\tenumList(r, list, p, %s)", in, enumValues(e))
		} else {
			g.p("%s\tfor i, s := range list {", in)
			g.p("%s\t\tp := p.elem(i)", in)
			if err := checkString(g, e, "s", in+"\t\t"); err != nil {
				return err
			}
			g.p("%s\t}", in)
		}
	case kStruct:
		g.p("%s\t%s = make([]customlabels.%s, len(items))", in, r.dst, e.name)
		if r.hasBounds() {
			g.p("%s\tr.listLength(structList(%q, len(items)), len(items), p, %s)", in, e.name, r.bounds())
		}
		g.p("%s\tfor i, raw := range items {", in)
		g.p("%s\t\tread%s(r, raw, p.elem(i), &%s[i])", in, e.name, r.dst)
		g.p("%s\t}", in)
	default:
		return fmt.Errorf("no reader for lists of kind %d", e.kind)
	}
	g.p("%s}", in)
	return nil
}

// stringMap writes the reading of a map of strings and the checks of its
// size, keys and values.
func (r *valueRead) stringMap() error {
	g, in, t := r.g, r.in, r.t
	g.p("%sif entries, ok := r.stringMap(raw, p); ok {", in)
	g.p("%s\t%s = entries", in, r.dst)
	if r.hasBounds() {
		g.p("%s\tr.listLength(javaMap(entries), len(entries), p, %s)", in, r.bounds())
	}
	kmin, _ := bound(t.key.shape.Min)
	kmax, _ := bound(t.key.shape.Max)
	vmin, _ := bound(t.elem.shape.Min)
	vmax, _ := bound(t.elem.shape.Max)
	kp, err := patternArgs(t.key)
	if err != nil {
		return err
	}
	vp, err := patternArgs(t.elem)
	if err != nil {
		return err
	}
	g.use("github.com/rekognition-go/customlabels/internal/pattern")
	g.p("%s\tr.mapEntries(entries, p, textConstraint{%d, %d, %s}, textConstraint{%d, %d, %s})", in, kmin, kmax, kp, vmin, vmax, vp)
	g.p("%s}", in)
	return nil
}

// patternArgs returns the matcher and quoted pattern of t for a
// textConstraint, "nil, \"\"" when it has none.
func patternArgs(t *goType) (string, error) {
	p := t.shape.Pattern
	if p == "" {
		return `nil, ""`, nil
	}
	r, ok := patterns[p]
	if !ok {
		return "", fmt.Errorf("pattern %q is not in the generator's patterns table", p)
	}
	return "pattern." + r.match + ", pattern" + r.match, nil
}

func qualified(t *goType) string {
	if t.kind == kEnum || t.kind == kStruct {
		return "customlabels." + t.name
	}
	return elemGoType(t)
}

func enumValues(t *goType) string {
	q := make([]string, len(t.shape.Enum))
	for i, v := range t.shape.Enum {
		q[i] = strconv.Quote(v)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

// checkString writes the checks of a string or enum value s at path p.
func checkString(g *gen, t *goType, s, in string) error {
	if t.kind == kEnum {
		g.p("%sr.enum(%s, p, %s)", in, s, enumValues(t))
		return nil
	}
	min, hasMin := bound(t.shape.Min)
	max, hasMax := bound(t.shape.Max)
	if hasMin || hasMax {
		lo, hi := "-1", "-1"
		if hasMin {
			lo = strconv.FormatInt(min, 10)
		}
		if hasMax {
			hi = strconv.FormatInt(max, 10)
		}
		g.p("%sr.length(%s, p, %s, %s)", in, s, lo, hi)
	}
	if p := t.shape.Pattern; p != "" {
		r, ok := patterns[p]
		if !ok {
			return fmt.Errorf("pattern %q is not in the generator's patterns table", p)
		}
		g.use("github.com/rekognition-go/customlabels/internal/pattern")
		g.p("%sr.pattern(%s, p, pattern.%s(%s), pattern%s)", in, s, r.match, s, r.match)
	}
	return nil
}

// writeStruct writes the encoder of one output structure: write, and
// append when it is a whole response or a list element.
func writeStruct(g *gen, s *structure, listed bool) error {
	if s.topLevel() || listed {
		g.p("func append%s(b []byte, v *customlabels.%s) []byte {", s.goName, s.goName)
		g.p("\to := jsonObject{b: append(b, '{')}\n\twrite%s(&o, v)\n\treturn append(o.b, '}')\n}\n", s.goName)
	}
	g.p("func write%s(o *jsonObject, v *customlabels.%s) {", s.goName, s.goName)
	all := outputAllMembers[s.shapeName]
	for _, m := range s.goOrder {
		f := "v." + m.name
		switch t := m.t; t.kind {
		case kString:
			g.p("\to.str(%q, %s)", m.name, f)
		case kEnum:
			g.p("\to.str(%q, string(%s))", m.name, f)
		case kInt32, kInt64:
			g.p("\to.int(%q, int64(%s), %v)", m.name, f, all)
		case kFloat32:
			g.p("\to.float(%q, %s, %v)", m.name, f, all)
		case kBool:
			g.p("\to.bool(%q, %s, %v)", m.name, f, all)
		case kTime:
			g.p("\to.time(%q, %s)", m.name, f)
		case kMap:
			g.p("\to.stringMap(%q, %s)", m.name, f)
		case kStruct:
			if outputKeepZero[s.shapeName+"."+m.name] {
				g.p("\to.objectAlways(%q, func(o *jsonObject) { write%s(o, &%s) })", m.name, t.name, f)
			} else {
				g.p("\tif !isZero(&%s) {\n\t\to.object(%q, func(o *jsonObject) { write%s(o, &%s) })\n\t}", f, m.name, t.name, f)
			}
		case kList:
			switch t.elem.kind {
			case kString:
				g.p("\to.strs(%q, %s)", m.name, f)
			case kStruct:
				g.p("\tif %s != nil {", f)
				g.p("\t\to.key(%q)\n\t\to.b = append(o.b, '[')", m.name)
				g.p("\t\tfor i := range %s {\n\t\t\tif i > 0 {\n\t\t\t\to.b = append(o.b, ',')\n\t\t\t}", f)
				g.p("\t\t\to.b = append%s(o.b, &%s[i])\n\t\t}", t.elem.name, f)
				g.p("\t\to.b = append(o.b, ']')\n\t}")
			default:
				return fmt.Errorf("%s.%s: no writer for lists of kind %d", s.goName, m.name, t.elem.kind)
			}
		default:
			return fmt.Errorf("%s.%s: no writer for kind %d", s.goName, m.name, t.kind)
		}
	}
	g.p("}\n")
	return nil
}
