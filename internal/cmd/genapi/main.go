// Command genapi writes the wire layer of package customlabels and of its
// fake, customlabelstest, from the service model: one source for every
// mechanical fact of the 23 operations.
//
// It reads testdata/service-model/{rekognition-custom-labels,paginators}.json
// and the hand-written Go declarations of the root package (go/parser,
// skipping tests and *_gen.go). The operations it serves are those of the
// model that the package declares an XInput type for; their Input and
// Output types, and every shape they reach, are checked against the model
// (a member missing, a field the model lacks or a type that cannot hold
// the shape fails the generation).
//
// It writes, in the root package:
//   - exceptions_gen.go: one error type per exception of the model;
//   - operations_gen.go: each operation's descriptor and errors, its
//     one-method client interface, and the paginator glue;
//   - codec_gen.go: request encoders (streaming and exactly sized for
//     inputs that carry a blob) and response decoders;
//   - validate_gen.go: each input's validate, from the model's constraints;
//
// and in customlabelstest, wire_gen.go: the fake's side of the same shapes
// (request decoders that validate as the service does, response
// encoders, the routing table and the exception table).
//
// What the model cannot state stays hand-written and is read, not
// written: types and their docs, one file per operation, extra rules
// (a checkRules method on a type), waiters, the pagination core, and the
// fake's behaviour. Tables in tables.go hold the little the generator
// must know besides the model (pattern matchers and wording, exception
// docs, list nouns, decoding hints).
//
// Run it with go generate in the module root; -check reports files that
// differ from what it would write, and changes nothing.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	root := flag.String("root", ".", "module root")
	check := flag.Bool("check", false, "report stale files instead of writing them")
	flag.Parse()
	files, err := generate(*root)
	if err != nil {
		log.Fatal(err)
	}
	stale := 0
	for _, f := range files {
		path := filepath.Join(*root, f.path)
		if *check {
			old, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(old, f.src) {
				fmt.Fprintf(os.Stderr, "%s is stale: run go generate in the module root\n", f.path)
				stale++
			}
			continue
		}
		if err := os.WriteFile(path, f.src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if stale > 0 {
		os.Exit(1)
	}
}

// file is one generated file: its path from the module root and content.
type file struct {
	path string
	src  []byte
}

// generate returns every generated file of the module at root.
func generate(root string) ([]file, error) {
	m, err := loadModel(filepath.Join(root, "testdata", "service-model"))
	if err != nil {
		return nil, err
	}
	p, err := loadGoPackage(root)
	if err != nil {
		return nil, err
	}
	a, err := bind(m, p)
	if err != nil {
		return nil, err
	}
	fake, err := loadGoPackage(filepath.Join(root, "customlabelstest"))
	if err != nil {
		return nil, err
	}
	makers := []struct {
		path string
		make func(*api) (*gen, error)
	}{
		{"exceptions_gen.go", exceptionsFile},
		{"operations_gen.go", operationsFile},
		{"codec_gen.go", codecFile},
		{"validate_gen.go", validateFile},
		{"op_table_gen_test.go", testTableFile},
		{filepath.Join("customlabelstest", "wire_gen.go"), func(a *api) (*gen, error) {
			return fakeFile(a, fake.methods["Server"])
		}},
		{filepath.Join("customlabelstest", "op_table_gen_test.go"), func(a *api) (*gen, error) {
			return clientTestTableFile(a, "customlabelstest", true)
		}},
		{filepath.Join("compat", "sdkv2", "op_table_gen_test.go"), func(a *api) (*gen, error) {
			return clientTestTableFile(a, "sdkv2_test", false)
		}},
	}
	var out []file
	for _, mk := range makers {
		g, err := mk.make(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", mk.path, err)
		}
		src, err := g.source(mk.path)
		if err != nil {
			return nil, err
		}
		out = append(out, file{mk.path, src})
	}
	return out, nil
}
