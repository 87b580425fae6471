package main

import (
	"fmt"
	"go/ast"
	"maps"
	"slices"
	"sort"
	"strings"
)

// kind is how a member is represented in Go, and so how it is encoded,
// decoded and checked.
type kind int

const (
	kString kind = iota
	kEnum
	kInt32
	kInt64
	kFloat32
	kBool
	kTime
	kBlob
	kList
	kMap
	kStruct
)

// goType is a member's Go type bound to its model shape.
type goType struct {
	kind kind
	// ptr is set for a pointer to a scalar: a member whose absence
	// differs from its zero value.
	ptr bool
	// name is the Go type of an enum or a structure.
	name string
	// elem is a list's element or a map's value.
	elem *goType
	// key is a map's key.
	key *goType
	// st is the structure of a kStruct.
	st *structure
	// shapeName and shape are the model shape, with its constraints.
	shapeName string
	shape     *shape
}

// member is one member of a structure.
type member struct {
	name     string // the Go field and the model member, which are named alike
	t        *goType
	required bool
}

// structure is a Go struct type bound to a model structure shape.
type structure struct {
	goName    string
	shapeName string
	shape     *shape
	// goOrder is the members in Go declaration order, the order of the
	// API reference (decoders and the fake's encoders); wireOrder is
	// alphabetical, the order the AWS SDKs write requests in.
	goOrder, wireOrder []*member
	// hook is set when the hand-written code declares checkRules on the
	// type: rules of the API reference that the model cannot state.
	hook bool
	// input and output say which way the structure travels.
	input, output bool
	// blob is set when the structure holds a blob, at any depth: its
	// encoder streams.
	blob bool
	// sized is set when the structure is part of an input that holds a
	// blob: a size function gives its encoded length, so that the body is
	// encoded into a buffer of the exact size.
	sized bool
}

// operation is one implemented operation of the model.
type operation struct {
	name   string
	in     *structure
	out    *structure
	errors []string
	// page is the operation's paginator, nil when it has none.
	page *paginator
	// items is the result list of a paginated operation.
	items *member
}

// api is everything the emitters write from.
type api struct {
	m       *model
	ops     []*operation
	structs map[string]*structure // by Go name
	enums   map[string]*shape     // by Go name
	// scratch are the list shapes that decode into pooled buffers: the
	// result lists of paginated operations and scratchLists.
	scratch map[string]bool
}

// bind pairs the model's operations that the package declares an Input
// type for with the Go types, and checks that they agree: a member the Go
// type lacks, a field the model lacks or a type that does not fit fails
// the generation.
func bind(m *model, p *goPackage) (*api, error) {
	a := &api{m: m, structs: map[string]*structure{}, enums: map[string]*shape{}, scratch: map[string]bool{}}
	for name := range scratchLists {
		a.scratch[name] = true
	}
	names := slices.Sorted(maps.Keys(m.Operations))
	for _, name := range names {
		mop := m.Operations[name]
		if _, ok := p.structs[name+"Input"]; !ok {
			continue
		}
		op := &operation{name: name, page: m.Paginators[name]}
		for _, e := range mop.Errors {
			op.errors = append(op.errors, e.Shape)
		}
		var err error
		if op.in, err = a.bindStruct(p, name+"Input", mop.Input.Shape, true); err != nil {
			return nil, err
		}
		if op.out, err = a.bindStruct(p, name+"Output", mop.Output.Shape, false); err != nil {
			return nil, err
		}
		if op.page != nil {
			for _, mem := range op.out.goOrder {
				if mem.name == op.page.ResultKey {
					op.items = mem
				}
			}
			if op.items == nil || op.items.t.kind != kList {
				return nil, fmt.Errorf("%s: paginator result key %s is not a list member", name, op.page.ResultKey)
			}
			a.scratch[op.items.t.shapeName] = true
		}
		a.ops = append(a.ops, op)
	}
	for _, s := range a.structs {
		s.hook = p.methods[s.goName]["checkRules"]
	}
	for _, op := range a.ops {
		if op.in.blob {
			op.in.markSized()
		}
	}
	return a, nil
}

func (s *structure) markSized() {
	s.sized = true
	for _, m := range s.wireOrder {
		if m.t.kind == kStruct {
			m.t.st.markSized()
		}
	}
}

func (a *api) bindStruct(p *goPackage, goName, shapeName string, input bool) (*structure, error) {
	sh := a.m.Shapes[shapeName]
	if sh == nil || sh.Type != "structure" {
		return nil, fmt.Errorf("%s: model shape %s is not a structure", goName, shapeName)
	}
	if s, ok := a.structs[goName]; ok {
		if s.shapeName != shapeName {
			return nil, fmt.Errorf("the Go type %s stands for both %s and %s", goName, s.shapeName, shapeName)
		}
		s.mark(input)
		return s, nil
	}
	s := &structure{goName: goName, shapeName: shapeName, shape: sh}
	a.structs[goName] = s
	fields, err := p.fields(goName)
	if err != nil {
		return nil, err
	}
	byName := map[string]goField{}
	for _, f := range fields {
		if _, ok := sh.Members[f.name]; !ok {
			if (f.name == "RequestID" || f.name == "Recovered") && strings.HasSuffix(goName, "Output") {
				continue // the response's request ID, or a create's recovery: not members
			}
			return nil, fmt.Errorf("%s.%s is not a member of the model's %s", goName, f.name, shapeName)
		}
		byName[f.name] = f
	}
	members := map[string]*member{}
	for _, name := range sh.memberNames() {
		f, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("%s has no field %s (model %s)", goName, name, shapeName)
		}
		t, err := a.bindType(p, f.expr, sh.Members[name].Shape, goName+"."+name, input)
		if err != nil {
			return nil, err
		}
		mem := &member{name: name, t: t, required: sh.required(name)}
		members[name] = mem
		s.wireOrder = append(s.wireOrder, mem)
		if t.kind == kBlob || t.reachesBlob() {
			s.blob = true
		}
	}
	for _, f := range fields {
		if mem, ok := members[f.name]; ok {
			s.goOrder = append(s.goOrder, mem)
		}
	}
	s.mark(input)
	return s, nil
}

// mark records that s travels as an input or an output, and so do the
// structures it holds: a structure met again in the other direction (a
// FeatureConfig sent by one operation and received from another) needs
// both its encoder and its decoder, down to its leaves.
func (s *structure) mark(input bool) {
	if input && s.input || !input && s.output {
		return
	}
	if input {
		s.input = true
	} else {
		s.output = true
	}
	for _, m := range s.wireOrder {
		t := m.t
		for t.kind == kList || t.kind == kMap {
			t = t.elem
		}
		if t.kind == kStruct {
			t.st.mark(input)
		}
	}
}

func (t *goType) reachesBlob() bool {
	switch t.kind {
	case kBlob:
		return true
	case kStruct:
		return t.st.blob
	case kList, kMap:
		return t.elem.reachesBlob()
	}
	return false
}

// scalars maps a model type to the Go types that may hold it.
var scalars = map[string]struct {
	kind kind
	goTy string
	ptr  bool // a pointer is allowed
}{
	"integer":   {kInt32, "int32", false},
	"long":      {kInt64, "int64", false},
	"float":     {kFloat32, "float32", true},
	"boolean":   {kBool, "bool", true},
	"timestamp": {kTime, "time.Time", false},
	"blob":      {kBlob, "[]byte", false},
}

func (a *api) bindType(p *goPackage, expr ast.Expr, shapeName, path string, input bool) (*goType, error) {
	sh := a.m.Shapes[shapeName]
	if sh == nil {
		return nil, fmt.Errorf("%s: no shape %s in the model", path, shapeName)
	}
	t := &goType{shapeName: shapeName, shape: sh}
	got := exprString(expr)
	mismatch := func() error {
		return fmt.Errorf("%s is a Go %s, which cannot hold the model's %s (a %s)", path, got, shapeName, sh.Type)
	}
	switch sh.Type {
	case "string":
		return a.bindString(p, expr, t, path, mismatch)
	case "list":
		at, ok := expr.(*ast.ArrayType)
		if !ok || at.Len != nil {
			return nil, mismatch()
		}
		elem, err := a.bindType(p, at.Elt, sh.Member.Shape, path+"[]", input)
		if err != nil {
			return nil, err
		}
		t.kind, t.elem = kList, elem
		return t, nil
	case "map":
		mt, ok := expr.(*ast.MapType)
		if !ok {
			return nil, mismatch()
		}
		key, err := a.bindType(p, mt.Key, sh.Key.Shape, path+" key", input)
		if err != nil {
			return nil, err
		}
		val, err := a.bindType(p, mt.Value, sh.Value.Shape, path+"[]", input)
		if err != nil {
			return nil, err
		}
		if key.kind != kString || val.kind != kString {
			return nil, fmt.Errorf("%s: only maps of strings to strings are supported", path)
		}
		t.kind, t.key, t.elem = kMap, key, val
		return t, nil
	case "structure":
		id, ok := expr.(*ast.Ident)
		if !ok {
			return nil, mismatch()
		}
		st, err := a.bindStruct(p, id.Name, shapeName, input)
		if err != nil {
			return nil, err
		}
		t.kind, t.name, t.st = kStruct, id.Name, st
		return t, nil
	}
	sc, ok := scalars[sh.Type]
	if !ok {
		return nil, fmt.Errorf("%s: model type %s is not supported", path, sh.Type)
	}
	switch {
	case got == sc.goTy:
	case sc.ptr && got == "*"+sc.goTy:
		t.ptr = true
	default:
		return nil, mismatch()
	}
	t.kind = sc.kind
	return t, nil
}

// bindString binds a string shape: a plain string, or an enum, which
// needs the named Go type of the shape's name.
func (a *api) bindString(p *goPackage, expr ast.Expr, t *goType, path string, mismatch func() error) (*goType, error) {
	sh, shapeName, got := t.shape, t.shapeName, exprString(expr)
	if len(sh.Enum) == 0 {
		if got != "string" {
			return nil, mismatch()
		}
		t.kind = kString
		return t, nil
	}
	id, ok := expr.(*ast.Ident)
	if !ok || id.Name != shapeName {
		return nil, fmt.Errorf("%s is a Go %s; the model's enum %s needs the named type %s", path, got, shapeName, shapeName)
	}
	if u, ok := p.named[id.Name].(*ast.Ident); !ok || u.Name != "string" {
		return nil, fmt.Errorf("%s: enum type %s must be declared as a string type", path, id.Name)
	}
	t.kind, t.name = kEnum, id.Name
	a.enums[id.Name] = sh
	return t, nil
}

// sortedStructs returns the structures of the api by Go name.
func (a *api) sortedStructs() []*structure {
	out := make([]*structure, 0, len(a.structs))
	for _, s := range a.structs {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].goName < out[j].goName })
	return out
}

// sortedEnums returns the enum type names of the api.
func (a *api) sortedEnums() []string {
	return slices.Sorted(maps.Keys(a.enums))
}

// topLevel reports whether s is an operation's Input or Output.
func (s *structure) topLevel() bool {
	return strings.HasSuffix(s.goName, "Input") || strings.HasSuffix(s.goName, "Output")
}
