package main

import (
	"fmt"
	"strconv"
	"strings"
)

// validateFile writes validate_gen.go: each input's validate, and for each
// nested input structure its check and isZero. Every constraint the model
// states is checked (required members, lengths and value ranges,
// patterns, list and map sizes, enum spelling), with the member's path and
// the rule in the error; then the hand-written checkRules of the type, if
// it declares one, checks what the model cannot state.
func validateFile(a *api) (*gen, error) {
	g := newGen("customlabels")
	for _, op := range a.ops {
		s := op.in
		g.p("// validate checks the input against the service model before anything")
		g.p("// is sent; it returns an *InvalidParamError.")
		g.p("func (in *%s) validate() error {", s.goName)
		if err := checkMembers(g, s, "in", ""); err != nil {
			return nil, err
		}
		g.p("}\n")
	}
	for _, s := range a.sortedStructs() {
		if !s.input || s.topLevel() {
			continue
		}
		g.p("%s", comment(fmt.Sprintf("check checks %s of a request against the service model; path prefixes its members' names in errors.", article(s.goName))))
		g.p("func (v *%s) check(path string) error {", s.goName)
		if err := checkMembers(g, s, "v", "path+"); err != nil {
			return nil, err
		}
		g.p("}\n")
		g.p("// isZero reports whether every member of v is unset: such a structure is")
		g.p("// left out of a request.")
		g.p("func (v *%s) isZero() bool {", s.goName)
		var terms []string
		for _, m := range s.wireOrder {
			f := "v." + m.name
			switch t := m.t; {
			case t.ptr:
				terms = append(terms, f+" == nil")
			case t.kind == kString || t.kind == kEnum:
				terms = append(terms, f+` == ""`)
			case t.kind == kInt32 || t.kind == kInt64 || t.kind == kFloat32:
				terms = append(terms, f+" == 0")
			case t.kind == kBool:
				terms = append(terms, "!"+f)
			case t.kind == kBlob || t.kind == kList || t.kind == kMap:
				terms = append(terms, "len("+f+") == 0")
			case t.kind == kStruct:
				terms = append(terms, f+".isZero()")
			default:
				return nil, fmt.Errorf("%s.%s: no zero test", s.goName, m.name)
			}
		}
		if len(terms) == 0 {
			terms = []string{"true"}
		}
		g.p("\treturn %s", strings.Join(terms, " &&\n\t\t"))
		g.p("}\n")
	}
	return g, nil
}

// checkMembers writes the checks of structure s held by v; prefix is ""
// for an input, "path+" for a nested structure.
func checkMembers(g *gen, s *structure, v, prefix string) error {
	// Go declaration order, the API reference's: the identifying member
	// (an ARN, usually) is reported first when several are wrong.
	for _, m := range s.goOrder {
		if err := checkMember(g, m, v+"."+m.name, prefix+strconv.Quote(m.name)); err != nil {
			return fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
	}
	if s.hook {
		if prefix == "" {
			g.p("\treturn %s.checkRules(\"\")", v)
		} else {
			g.p("\treturn %s.checkRules(path)", v)
		}
		return nil
	}
	g.p("\treturn nil")
	return nil
}

// checkMember writes the checks of one member: value v, field the Go
// expression of its path.
func checkMember(g *gen, m *member, v, field string) error {
	c := memberCheck{g: g, m: m, v: v, field: field}
	switch m.t.kind {
	case kString, kEnum:
		return c.text()
	case kInt32, kInt64:
		c.integer()
	case kFloat32:
		return c.float()
	case kBool, kTime:
	case kBlob:
		c.blob()
	case kStruct:
		c.structure()
	case kList:
		return checkList(g, m, v, field)
	case kMap:
		return checkMap(g, m, v, field)
	default:
		return fmt.Errorf("no check for kind %d", m.t.kind)
	}
	return nil
}

// memberCheck writes the checks of one member, by kind.
type memberCheck struct {
	g     *gen
	m     *member
	v     string // the member's value, e.g. "in.MaxResults"
	field string // the Go expression of its path in errors
}

// fail writes the statement that returns the rule broken, a Go string
// expression.
func (c *memberCheck) fail(rule string) {
	c.g.p("\t\treturn &InvalidParamError{Field: %s, Rule: %s}", c.field, rule)
}

func (c *memberCheck) text() error {
	if c.m.required {
		c.g.p("\tif %s == \"\" {", c.v)
		c.fail(`"is required"`)
		c.g.p("\t}")
	} else {
		c.g.p("\tif %s != \"\" {", c.v)
	}
	if err := checkText(c.g, c.m.t, c.v, c.field, "\t"); err != nil {
		return err
	}
	if !c.m.required {
		c.g.p("\t}")
	}
	return nil
}

// integer writes the range check of an integer. Zero is unset unless the
// member is required: an optional member is checked only when set.
func (c *memberCheck) integer() {
	min, hasMin := bound(c.m.t.shape.Min)
	max, hasMax := bound(c.m.t.shape.Max)
	v := c.v
	var cond, rule string
	switch {
	case hasMin && hasMax:
		cond, rule = fmt.Sprintf("%s < %d || %s > %d", v, min, v, max), fmt.Sprintf("must be %d to %d, got %%d", min, max)
		if !c.m.required {
			cond = v + " != 0 && (" + cond + ")"
		}
	case hasMin:
		cond, rule = fmt.Sprintf("%s < %d", v, min), fmt.Sprintf("must be at least %d, got %%d", min)
		switch {
		case c.m.required && min > 0:
			rule = "is required and " + rule
		case min > 0:
			rule = fmt.Sprintf("must be at least %d (or 0 for unset), got %%d", min)
			cond = v + " != 0 && " + cond
		}
	case hasMax:
		cond, rule = fmt.Sprintf("%s > %d", v, max), fmt.Sprintf("must be at most %d, got %%d", max)
	default:
		return
	}
	c.g.use("fmt")
	c.g.p("\tif %s {", cond)
	c.fail(fmt.Sprintf("fmt.Sprintf(%q, %s)", rule, v))
	c.g.p("\t}")
}

// float writes the range check of a float: NaN fails it.
func (c *memberCheck) float() error {
	min, hasMin := bound(c.m.t.shape.Min)
	max, hasMax := bound(c.m.t.shape.Max)
	if !hasMin && !hasMax {
		return nil
	}
	if !hasMin || !hasMax {
		return fmt.Errorf("a float with one bound is not supported")
	}
	c.g.use("fmt")
	x, set := c.v, ""
	switch {
	case c.m.t.ptr:
		x, set = "*"+c.v, c.v+" != nil && "
	case !c.m.required:
		set = c.v + " != 0 && "
	}
	c.g.p("\tif %s!(%s >= %d && %s <= %d) { // NaN fails both", set, x, min, x, max)
	c.fail(fmt.Sprintf("fmt.Sprintf(\"must be %d to %d, got %%v\", %s)", min, max, x))
	c.g.p("\t}")
	return nil
}

// blob writes the checks of a blob: its length in bytes.
func (c *memberCheck) blob() {
	min, _ := bound(c.m.t.shape.Min)
	max, hasMax := bound(c.m.t.shape.Max)
	if c.m.required {
		c.g.p("\tif len(%s) == 0 {", c.v)
		c.fail(`"is required"`)
		c.g.p("\t}")
	}
	if hasMax {
		c.g.use("fmt")
		c.g.p("\tif n := len(%s); n > %d {", c.v, max)
		c.fail(fmt.Sprintf("fmt.Sprintf(\"must be %d to %d bytes, got %%d\", n)", max64(min, 1), max))
		c.g.p("\t}")
	}
}

// structure writes the call of a nested structure's check, when it is set
// (a required one must be).
func (c *memberCheck) structure() {
	check := fmt.Sprintf("if err := %s.check(%s); err != nil {\n\t\treturn err\n\t}", c.v, concat(c.field, `"."`))
	if !c.m.required {
		c.g.p("\tif !%s.isZero() {\n\t%s\n\t}", c.v, check)
		return
	}
	var names []string
	for _, sm := range c.m.t.st.wireOrder {
		names = append(names, sm.name)
	}
	c.g.p("\tif %s.isZero() {", c.v)
	c.fail(strconv.Quote("is required: set " + strings.Join(names, " or ")))
	c.g.p("\t}")
	c.g.p("\t%s", check)
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// checkText writes the check of a set string or enum value v.
func checkText(g *gen, t *goType, v, field, indent string) error {
	fail := func(rule string) {
		g.p("%s\treturn &InvalidParamError{Field: %s, Rule: %s}", indent, field, rule)
	}
	if t.kind == kEnum {
		g.p("%sif !enumLike(string(%s)) {", indent, v)
		g.use("fmt")
		fail(fmt.Sprintf("fmt.Sprintf(%q, quoteShort(string(%s)))", "must be "+orList(t.shape.Enum)+", got %s", v))
		g.p("%s}", indent)
		return nil
	}
	min, _ := bound(t.shape.Min)
	max, _ := bound(t.shape.Max)
	match, what := "nil", `""`
	if p := t.shape.Pattern; p != "" {
		r, ok := patterns[p]
		if !ok {
			return fmt.Errorf("pattern %q is not in the generator's patterns table", p)
		}
		g.use("github.com/rekognition-go/customlabels/internal/pattern")
		match, what = "pattern."+r.match, strconv.Quote(r.what)
	}
	g.p("%sif rule := textRule(%s, %d, %d, %s, %s); rule != \"\" {", indent, v, min, max, match, what)
	fail("rule")
	g.p("%s}", indent)
	return nil
}

// noun names the items of a list or map shape in length rules.
func noun(t *goType) string {
	if n, ok := listNouns[t.shapeName]; ok {
		return n
	}
	return "items"
}

// checkRequiredEntries writes the check of a required list or map: an
// empty one is unset, as an empty string is, even where the model allows
// zero entries (TagResource's Tags): a call that sends none is a mistake
// more often than a wish to change nothing.
func checkRequiredEntries(g *gen, m *member, v, field string) {
	if m.required {
		g.p("\tif len(%s) == 0 {", v)
		g.p("\t\treturn &InvalidParamError{Field: %s, Rule: \"is required\"}", field)
		g.p("\t}")
	}
}

func checkList(g *gen, m *member, v, field string) error {
	t := m.t
	min, hasMin := bound(t.shape.Min)
	max, hasMax := bound(t.shape.Max)
	g.use("fmt", "strconv")
	checkRequiredEntries(g, m, v, field)
	if hasMin || hasMax {
		var cond, rule string
		switch {
		case hasMax && min == max:
			cond, rule = fmt.Sprintf("n != %d", min), fmt.Sprintf("must have exactly %d %s, got %%d", min, noun(t))
		case hasMax && min > 0:
			cond, rule = fmt.Sprintf("n < %d || n > %d", min, max), fmt.Sprintf("must have %d to %d %s, got %%d", min, max, noun(t))
		case hasMax:
			cond, rule = fmt.Sprintf("n > %d", max), fmt.Sprintf("must have at most %d %s, got %%d", max, noun(t))
		default:
			cond, rule = fmt.Sprintf("n < %d", min), fmt.Sprintf("must have at least %d %s, got %%d", min, noun(t))
		}
		switch {
		case !m.required && min == 1 && hasMax && max > 1:
			cond = fmt.Sprintf("n > %d", max) // an empty list is unset
		case !m.required && min > 0:
			cond = "n > 0 && (" + cond + ")"
		}
		if cond != "n < 0" {
			g.p("\tif n := len(%s); %s {", v, cond)
			g.p("\t\treturn &InvalidParamError{Field: %s, Rule: fmt.Sprintf(%q, n)}", field, rule)
			g.p("\t}")
		}
	}
	elemField := concat(field, `"[" + strconv.Itoa(i) + "]"`)
	switch e := t.elem; e.kind {
	case kString, kEnum:
		g.p("\tfor i := range %s {", v)
		if err := checkText(g, e, v+"[i]", elemField, "\t\t"); err != nil {
			return err
		}
		g.p("\t}")
	case kStruct:
		g.p("\tfor i := range %s {", v)
		g.p("\t\tif err := %s[i].check(%s); err != nil {\n\t\t\treturn err\n\t\t}", v, concat(elemField, `"."`))
		g.p("\t}")
	default:
		return fmt.Errorf("no check for lists of kind %d", e.kind)
	}
	return nil
}

func checkMap(g *gen, m *member, v, field string) error {
	t := m.t
	checkRequiredEntries(g, m, v, field)
	if max, ok := bound(t.shape.Max); ok {
		g.use("fmt")
		g.p("\tif n := len(%s); n > %d {", v, max)
		g.p("\t\treturn &InvalidParamError{Field: %s, Rule: fmt.Sprintf(%q, n)}", field, fmt.Sprintf("must have at most %d %s, got %%d", max, noun(t)))
		g.p("\t}")
	}
	g.p("\tfor _, k := range sortedKeys(%s) {", v)
	if err := checkText(g, t.key, "k", concat(field, `"[" + quoteShort(k) + "] key"`), "\t\t"); err != nil {
		return err
	}
	if err := checkText(g, t.elem, v+"[k]", concat(field, `"[" + quoteShort(k) + "]"`), "\t\t"); err != nil {
		return err
	}
	g.p("\t}")
	return nil
}

// concat joins two Go string expressions, folding adjacent literals:
// concat(`"Tags"`, `"[" + k`) is `"Tags[" + k`.
func concat(a, b string) string {
	if strings.HasSuffix(a, `"`) && strings.HasPrefix(b, `"`) {
		return a[:len(a)-1] + b[1:]
	}
	return a + " + " + b
}

// article returns name with "a" or "an" before it.
func article(name string) string {
	if strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}
