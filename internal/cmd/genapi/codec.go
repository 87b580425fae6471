package main

import (
	"fmt"
	"sort"
	"strings"
)

// codecFile writes codec_gen.go: each input's encoder (and, for an input
// that carries a blob, its exact size and its streaming encoder), each
// output's decoder, the enum value caches and the scratch buffers.
func codecFile(a *api) (*gen, error) {
	g := newGen("customlabels")
	g.use("github.com/rekognition-go/customlabels/internal/jsondec")
	structs := a.sortedStructs()

	// Caches and buffers the decoders share.
	var enums []string
	for _, name := range a.sortedEnums() {
		for _, s := range structs {
			if s.output && s.usesEnum(name) {
				enums = append(enums, name)
				break
			}
		}
	}
	if len(enums) > 0 {
		g.p("// Known enum values, computed once: a known value decodes without")
		g.p("// allocating.")
		g.p("var (")
		for _, e := range enums {
			g.p("\t%sValues = %s(\"\").Values()", lowerFirst(e), e)
		}
		g.p(")\n")
	}
	scratch := scratchBuffers(structs, a.scratch)
	if len(scratch) > 0 {
		g.p("// Scratch buffers of the lists a page is made of.")
		g.p("var (")
		for _, s := range scratch {
			g.p("\t%s jsondec.Scratch[%s]", s.name, s.elem)
		}
		g.p(")\n")
	}

	for _, op := range a.ops {
		if err := encodeInput(g, op.in); err != nil {
			return nil, err
		}
		if err := decodeOutput(g, op, a.scratch); err != nil {
			return nil, err
		}
	}
	for _, s := range structs {
		if s.topLevel() {
			continue
		}
		if s.input {
			if err := encodeStruct(g, s); err != nil {
				return nil, err
			}
		}
		if s.output {
			if err := decodeStruct(g, s, a.scratch); err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

func (s *structure) usesEnum(name string) bool {
	for _, m := range s.goOrder {
		t := m.t
		if t.kind == kList {
			t = t.elem
		}
		if t.kind == kEnum && t.name == name {
			return true
		}
	}
	return false
}

type scratchBuffer struct{ name, elem string }

// scratchBuffers returns the scratch buffers of the output lists named in
// lists.
func scratchBuffers(structs []*structure, lists map[string]bool) []scratchBuffer {
	seen := map[string]bool{}
	var out []scratchBuffer
	for _, s := range structs {
		if !s.output {
			continue
		}
		for _, m := range s.goOrder {
			if m.t.kind == kList && lists[m.t.shapeName] && !seen[m.t.shapeName] {
				seen[m.t.shapeName] = true
				out = append(out, scratchBuffer{scratchName(m.t), elemGoType(m.t.elem)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func scratchName(list *goType) string { return lowerFirst(list.shapeName) + "Scratch" }

// elemGoType is the Go type of a list element or a map value.
func elemGoType(t *goType) string {
	switch t.kind {
	case kString:
		return "string"
	case kEnum, kStruct:
		return t.name
	case kInt32:
		return "int32"
	case kInt64:
		return "int64"
	case kFloat32:
		return "float32"
	case kBool:
		return "bool"
	}
	panic(fmt.Sprintf("no element type for kind %d", t.kind))
}

// encodeInput writes an input's appendJSON, and for an input that holds a
// blob its jsonSizeHint and appendJSONStream.
func encodeInput(g *gen, s *structure) error {
	in := s.goName
	if s.blob {
		g.p("// jsonSizeHint returns the exact length of the body appendJSON writes, so")
		g.p("// that the body is encoded into a buffer that never grows.")
		g.p("func (in *%s) jsonSizeHint() int {", in)
		if err := sizeBody(g, s, "in"); err != nil {
			return err
		}
		g.p("}\n")
		g.p("// appendJSON appends the request body: members in alphabetical order, as")
		g.p("// the AWS SDKs write them, unset members left out.")
		g.p("func (in *%s) appendJSON(b []byte) []byte { return in.appendJSONStream(b, nil) }\n", in)
		g.p("// appendJSONStream is appendJSON handing the body to flush as the blob is")
		g.p("// encoded, so that it is hashed meanwhile.")
		g.p("func (in *%s) appendJSONStream(b []byte, flush func([]byte)) []byte {", in)
	} else {
		g.p("// appendJSON appends the request body: members in alphabetical order, as")
		g.p("// the AWS SDKs write them, unset members left out.")
		g.p("func (in *%s) appendJSON(b []byte) []byte {", in)
	}
	if err := encodeBody(g, s, "in"); err != nil {
		return err
	}
	g.p("}\n")
	return nil
}

// encodeStruct writes the encoder of a nested input structure (and its
// size function when it holds a blob).
func encodeStruct(g *gen, s *structure) error {
	if s.sized {
		g.p("func size%s(v *%s) int {", s.goName, s.goName)
		if err := sizeBody(g, s, "v"); err != nil {
			return err
		}
		g.p("}\n")
	}
	if s.blob {
		g.p("func append%s(b []byte, v *%s, flush func([]byte)) []byte {", s.goName, s.goName)
	} else {
		g.p("func append%s(b []byte, v *%s) []byte {", s.goName, s.goName)
	}
	if err := encodeBody(g, s, "v"); err != nil {
		return err
	}
	g.p("}\n")
	return nil
}

// unsetTest returns the condition under which an optional member is
// written, "" for one always written.
func unsetTest(m *member, v string) string {
	if m.required {
		return ""
	}
	t := m.t
	switch {
	case t.ptr:
		return v + " != nil"
	case t.kind == kString || t.kind == kEnum:
		return v + ` != ""`
	case t.kind == kInt32 || t.kind == kInt64 || t.kind == kFloat32:
		return v + " != 0"
	case t.kind == kBool:
		return v
	case t.kind == kBlob || t.kind == kList || t.kind == kMap:
		return "len(" + v + ") > 0"
	case t.kind == kStruct:
		return "!" + v + ".isZero()"
	case t.kind == kTime:
		return "!" + v + ".IsZero()"
	}
	return ""
}

// encodeBody writes the statements that append structure s, held by
// variable v, as a JSON object.
func encodeBody(g *gen, s *structure, v string) error {
	g.use("github.com/rekognition-go/customlabels/internal/wire")
	g.p("\tb = append(b, '{')")
	for _, m := range s.wireOrder {
		f := v + "." + m.name
		val, err := encodeValue(g, m.t, f, s.blob)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
		if cond := unsetTest(m, f); cond != "" {
			g.p("\tif %s {", cond)
			g.p("\t\tb = wire.AppendKey(b, %q)", m.name)
			g.p("\t\t%s", val)
			g.p("\t}")
		} else {
			g.p("\tb = wire.AppendKey(b, %q)", m.name)
			g.p("\t%s", val)
		}
	}
	g.p("\treturn append(b, '}')")
	return nil
}

// encodeValue returns the statement that appends value v of type t.
func encodeValue(g *gen, t *goType, v string, stream bool) (string, error) {
	if t.ptr {
		v = "*" + v
	}
	switch t.kind {
	case kString:
		return "b = wire.AppendString(b, " + v + ")", nil
	case kEnum:
		return "b = wire.AppendString(b, string(" + v + "))", nil
	case kInt32, kInt64:
		g.use("strconv")
		return "b = strconv.AppendInt(b, int64(" + v + "), 10)", nil
	case kFloat32:
		return "b = wire.AppendFloat32(b, " + v + ")", nil
	case kBool:
		g.use("strconv")
		return "b = strconv.AppendBool(b, " + v + ")", nil
	case kBlob:
		if stream {
			return "b = wire.AppendBase64Stream(b, " + v + ", 3*hashStretch/4, flush)", nil
		}
		return "b = wire.AppendBase64(b, " + v + ")", nil
	case kMap:
		return "b = wire.AppendStringMap(b, " + v + ")", nil
	case kStruct:
		if t.st.blob {
			return "b = append" + t.name + "(b, &" + v + ", flush)", nil
		}
		return "b = append" + t.name + "(b, &" + v + ")", nil
	case kList:
		switch t.elem.kind {
		case kString, kEnum:
			return "b = wire.AppendStrings(b, " + v + ")", nil
		case kStruct:
			if t.elem.st.blob {
				return "", fmt.Errorf("a list of structures holding blobs is not supported")
			}
			return fmt.Sprintf("b = append(b, '[')\n\t\tfor i := range %s {\n\t\t\tif i > 0 {\n\t\t\t\tb = append(b, ',')\n\t\t\t}\n\t\t\tb = append%s(b, &%s[i])\n\t\t}\n\t\tb = append(b, ']')", v, t.elem.name, v), nil
		}
	}
	return "", fmt.Errorf("no encoder for kind %d", t.kind)
}

// sizeBody writes the statements that return the length of the object
// encodeBody appends for v.
func sizeBody(g *gen, s *structure, v string) error {
	g.use("github.com/rekognition-go/customlabels/internal/wire")
	g.p("\tn, members := 2, 0 // {}, and a comma between members")
	for _, m := range s.wireOrder {
		f := v + "." + m.name
		size, err := sizeValue(m.t, f)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
		stmt := fmt.Sprintf("n += len(`%q:`) + %s\n\t\tmembers++", m.name, size)
		if cond := unsetTest(m, f); cond != "" {
			g.p("\tif %s {\n\t\t%s\n\t}", cond, stmt)
		} else {
			g.p("\t%s", strings.ReplaceAll(stmt, "\n\t\t", "\n\t"))
		}
	}
	g.p("\treturn n + max(members-1, 0)")
	return nil
}

// sizeValue returns the expression of the encoded length of v.
func sizeValue(t *goType, v string) (string, error) {
	if t.ptr {
		v = "*" + v
	}
	switch t.kind {
	case kString:
		return "wire.StringLen(" + v + ")", nil
	case kEnum:
		return "wire.StringLen(string(" + v + "))", nil
	case kInt32, kInt64:
		return "wire.IntLen(int64(" + v + "))", nil
	case kFloat32:
		return "wire.Float32Len(" + v + ")", nil
	case kBool:
		return "wire.BoolLen(" + v + ")", nil
	case kBlob:
		return "wire.Base64Len(len(" + v + "))", nil
	case kMap:
		return "wire.StringMapLen(" + v + ")", nil
	case kStruct:
		return "size" + t.name + "(&" + v + ")", nil
	case kList:
		if t.elem.kind == kString || t.elem.kind == kEnum {
			return "wire.StringsLen(" + v + ")", nil
		}
	}
	return "", fmt.Errorf("no size for kind %d", t.kind)
}

// decodeOutput writes an output's decodeJSON and setRequestID.
func decodeOutput(g *gen, op *operation, scratch map[string]bool) error {
	s := op.out
	g.p("func (o *%s) setRequestID(id string) { o.RequestID = id }\n", s.goName)
	g.p("func (o *%s) decodeJSON(d *jsondec.Decoder) {", s.goName)
	g.p("\t*o = %s{}", s.goName)
	if err := decodeMembers(g, s, "o", scratch); err != nil {
		return err
	}
	if op.page != nil {
		g.p("\tcheckResponseNextToken(d, o.NextToken)")
	}
	g.p("}\n")
	return nil
}

// decodeStruct writes the decoder of a nested output structure.
func decodeStruct(g *gen, s *structure, scratch map[string]bool) error {
	g.p("func decode%s(d *jsondec.Decoder, v *%s) {", s.goName, s.goName)
	if err := decodeMembers(g, s, "v", scratch); err != nil {
		return err
	}
	g.p("}\n")
	return nil
}

// decodeMembers writes the loop over an object's members, each read into
// its field of v.
func decodeMembers(g *gen, s *structure, v string, scratch map[string]bool) error {
	switch len(s.goOrder) {
	case 0:
		g.p("\tfor d.Object(); d.More(); {\n\t}")
		return nil
	case 1:
		m := s.goOrder[0]
		read, err := decodeValue(m.t, v+"."+m.name, m.name, scratch)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
		g.p("\tfor d.Object(); d.More(); {\n\t\tif string(d.Key()) == %q {\n\t\t\t%s\n\t\t}\n\t}", m.name, read)
		return nil
	}
	g.p("\tfor d.Object(); d.More(); {\n\t\tswitch string(d.Key()) {")
	for _, m := range s.goOrder {
		read, err := decodeValue(m.t, v+"."+m.name, m.name, scratch)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
		g.p("\t\tcase %q:\n\t\t\t%s", m.name, read)
	}
	g.p("\t\t}\n\t}")
	return nil
}

// decodeValue returns the statement that reads a value of type t into v.
func decodeValue(t *goType, v, member string, lists map[string]bool) (string, error) {
	if t.ptr {
		return "", fmt.Errorf("a pointer member in a response is not supported")
	}
	switch t.kind {
	case kString:
		if sharedStrings[member] {
			return "d.SharedString(&" + v + ")", nil
		}
		return "d.String(&" + v + ")", nil
	case kEnum:
		return "jsondec.Enum(d, &" + v + ", " + lowerFirst(t.name) + "Values)", nil
	case kInt32:
		return "d.Int32(&" + v + ")", nil
	case kInt64:
		return "d.Int64(&" + v + ")", nil
	case kFloat32:
		return "d.Float32(&" + v + ")", nil
	case kBool:
		return "d.Bool(&" + v + ")", nil
	case kTime:
		return "d.Time(&" + v + ")", nil
	case kStruct:
		return "decode" + t.name + "(d, &" + v + ")", nil
	case kMap:
		return "jsondec.StringMap(d, &" + v + ")", nil
	case kList:
		scratch := "nil"
		if lists[t.shapeName] {
			scratch = "&" + scratchName(t)
		}
		var elem string
		switch t.elem.kind {
		case kString:
			elem = "(*jsondec.Decoder).String"
		case kStruct:
			elem = "decode" + t.elem.name
		default:
			return "", fmt.Errorf("a list of kind %d in a response is not supported", t.elem.kind)
		}
		return "jsondec.List(d, &" + v + ", " + scratch + ", " + elem + ")", nil
	}
	return "", fmt.Errorf("no decoder for kind %d", t.kind)
}
