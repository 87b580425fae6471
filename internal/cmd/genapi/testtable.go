package main

import (
	"fmt"
	"strconv"
	"strings"
)

// testTableFile writes op_table_gen_test.go: one row per operation, for
// the tests that run every operation the same way (conformance, errors,
// golden requests, round trips through the fake): its descriptor, zero
// Input and Output values, a minimal valid input (the required members),
// a full one (every member set), and a call through Client. The values
// come from the model's bounds and the patterns table's samples; an input
// whose checkRules needs more is patched by the hand-written tests.
func testTableFile(a *api) (*gen, error) {
	g := newGen("customlabels")
	g.use("context")
	g.p("// generatedOperations has a row for each operation the package implements.")
	g.p("var generatedOperations = []generatedOperation{")
	for _, op := range a.ops {
		minimal, err := inputValue(op.in, false, "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.name, err)
		}
		full, err := inputValue(op.in, true, "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.name, err)
		}
		g.p("\t{")
		g.p("\t\top:      op%s,", op.name)
		g.p("\t\tinput:   %sInput{},", op.name)
		g.p("\t\toutput:  %sOutput{},", op.name)
		g.p("\t\tminimal: func() request { return &%s },", minimal)
		g.p("\t\tfull:    func() request { return &%s },", full)
		g.p("\t\tcall: func(ctx context.Context, c *Client, in request) (any, error) {")
		g.p("\t\t\treturn c.%s(ctx, in.(*%sInput))", op.name, op.name)
		g.p("\t\t},")
		g.p("\t},")
	}
	g.p("}")
	return g, nil
}

// inputValue returns a Go composite literal of s: its required members,
// or every member when full.
func inputValue(s *structure, full bool, q string) (string, error) {
	return structValue(s, full, false, q, 0)
}

// structValue is inputValue; with nonEmpty, a structure without required
// members still gets its first one, for a required member that must not
// be left out (CreateProjectVersionInput.OutputConfig).
func structValue(s *structure, full, nonEmpty bool, q string, elem int) (string, error) {
	var fields []string
	for i, m := range s.goOrder {
		if !full && !m.required && !(nonEmpty && i == 0 && !s.hasRequired()) {
			continue
		}
		if full && fullOmit[s.shapeName+"."+m.name] {
			continue
		}
		v, err := typeValue(m.t, full, q, elem)
		if err != nil {
			return "", fmt.Errorf("%s.%s: %w", s.goName, m.name, err)
		}
		if v == "" {
			continue
		}
		fields = append(fields, m.name+": "+v)
	}
	return q + s.goName + "{" + strings.Join(fields, ", ") + "}", nil
}

// typeValue returns a valid Go expression of type t, "" for its zero
// value.
func typeValue(t *goType, full bool, q string, elem int) (string, error) {
	min, hasMin := bound(t.shape.Min)
	max, hasMax := bound(t.shape.Max)
	var v string
	switch t.kind {
	case kString:
		v = strconv.Quote(sampleStringAt(t, elem))
	case kEnum:
		v = q + t.name + "(" + strconv.Quote(t.shape.Enum[0]) + ")"
	case kInt32, kInt64:
		n := int64(1)
		if hasMin && min > n {
			n = min
		}
		if hasMax && max < n {
			n = max
		}
		v = strconv.FormatInt(n, 10)
	case kFloat32:
		f := 0.5
		if hasMin && hasMax {
			f = float64(min+max) / 2
		}
		v = strconv.FormatFloat(f, 'g', -1, 32)
	case kBool:
		v = "true"
	case kBlob:
		v = `[]byte("\xff\xd8\xff\xe0 a blob")`
	case kMap:
		v = "map[string]string{" + strconv.Quote(sampleString(t.key)) + ": " + strconv.Quote(sampleString(t.elem)) + "}"
	case kStruct:
		// A structure reached in a minimal input is a required member:
		// an empty one would be left out.
		return structValue(t.st, full, true, q, elem)
	case kList:
		n := int64(1)
		if hasMin && min > n {
			n = min
		}
		var elems []string
		for i := range n {
			e, err := typeValue(t.elem, full, q, int(i))
			if err != nil {
				return "", err
			}
			elems = append(elems, e)
		}
		v = "[]" + qualifiedRoot(t.elem, q) + "{" + strings.Join(elems, ", ") + "}"
	default:
		return "", fmt.Errorf("no sample of kind %d", t.kind)
	}
	if t.ptr {
		v = "ptr(" + goTypeName(t) + "(" + v + "))"
	}
	return v, nil
}

func qualifiedRoot(t *goType, q string) string {
	if t.kind == kEnum || t.kind == kStruct {
		return q + t.name
	}
	return elemGoType(t)
}

func goTypeName(t *goType) string {
	switch t.kind {
	case kFloat32:
		return "float32"
	case kBool:
		return "bool"
	}
	return elemGoType(t)
}

// sampleStringAt returns a valid value of a string shape for the elem-th
// element of a list, distinct from the others: the pattern's second
// sample, or the first with x's after it.
func sampleStringAt(t *goType, elem int) string {
	if elem == 0 {
		return sampleString(t)
	}
	if r, ok := patterns[t.shape.Pattern]; ok && altSamples[r.match] != "" {
		return altSamples[r.match]
	}
	return sampleString(t) + strings.Repeat("x", elem)
}

// sampleString returns a valid value of a string shape: the pattern's
// sample, or letters of the shape's minimum length.
func sampleString(t *goType) string {
	if r, ok := patterns[t.shape.Pattern]; ok {
		return r.sample
	}
	n, _ := bound(t.shape.Min)
	return strings.Repeat("s", int(max(n, 1)))
}

// clientTestTableFile writes the table of operations of a test package
// outside the client's (customlabelstest, and compat/sdkv2 as sdkv2_test):
// for each operation the client implements, a full input and a call
// through the client, for the tests that check that what the client sends
// is what the fake reads, or what the official SDK sends for the same
// input. withOutput adds a new output of each, for the fake's tests of
// what the client decodes.
func clientTestTableFile(a *api, pkg string, withOutput bool) (*gen, error) {
	g := newGen(pkg)
	g.use("context", "github.com/rekognition-go/customlabels")
	g.p("// generatedOperations has a row for each operation the client implements.")
	g.p("var generatedOperations = []generatedOperation{")
	for _, op := range a.ops {
		full, err := inputValue(op.in, true, "customlabels.")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.name, err)
		}
		g.p("\t{")
		g.p("\t\tname: %q,", op.name)
		g.p("\t\tfull: func() any { return &%s },", full)
		if withOutput {
			g.p("\t\toutput: func() any { return new(customlabels.%sOutput) },", op.name)
		}
		g.p("\t\tcall: func(ctx context.Context, c *customlabels.Client, in any) (any, error) {")
		g.p("\t\t\treturn c.%s(ctx, in.(*customlabels.%sInput))", op.name, op.name)
		g.p("\t\t},")
		g.p("\t},")
	}
	g.p("}")
	return g, nil
}

// hasRequired reports whether s has a required member.
func (s *structure) hasRequired() bool {
	for _, m := range s.goOrder {
		if m.required {
			return true
		}
	}
	return false
}
