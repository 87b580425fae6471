package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// goPackage is what the generator reads of the hand-written root package:
// its type declarations and which methods each type has.
type goPackage struct {
	structs map[string]*ast.StructType
	// named are the other named types, by name: the enums.
	named   map[string]ast.Expr
	methods map[string]map[string]bool // type name → method names
}

// loadGoPackage parses the package in dir, skipping tests and generated
// files: the generated code is derived from what this finds.
func loadGoPackage(dir string) (*goPackage, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	p := &goPackage{structs: map[string]*ast.StructType{}, named: map[string]ast.Expr{}, methods: map[string]map[string]bool{}}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_gen.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || ts.Assign.IsValid() {
						continue
					}
					if st, ok := ts.Type.(*ast.StructType); ok {
						p.structs[ts.Name.Name] = st
					} else {
						p.named[ts.Name.Name] = ts.Type
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) != 1 {
					continue
				}
				t := d.Recv.List[0].Type
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
				}
				if id, ok := t.(*ast.Ident); ok {
					if p.methods[id.Name] == nil {
						p.methods[id.Name] = map[string]bool{}
					}
					p.methods[id.Name][d.Name.Name] = true
				}
			}
		}
	}
	return p, nil
}

// fields returns the fields of struct name in declaration order.
func (p *goPackage) fields(name string) ([]goField, error) {
	st, ok := p.structs[name]
	if !ok {
		return nil, fmt.Errorf("no struct type %s in the package", name)
	}
	var out []goField
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			return nil, fmt.Errorf("%s: embedded fields are not supported", name)
		}
		for _, n := range f.Names {
			out = append(out, goField{name: n.Name, expr: f.Type})
		}
	}
	return out, nil
}

type goField struct {
	name string
	expr ast.Expr
}

// exprString renders a type expression as Go source.
func exprString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return "*" + exprString(t.X)
	case *ast.ArrayType:
		return "[]" + exprString(t.Elt)
	case *ast.MapType:
		return "map[" + exprString(t.Key) + "]" + exprString(t.Value)
	case *ast.SelectorExpr:
		return exprString(t.X) + "." + t.Sel.Name
	}
	return fmt.Sprintf("%T", e)
}
