package customlabels_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite the code README.md quotes from the Go files it names")

// quoteMarker precedes a code block of README.md that quotes declarations
// of a Go file of this package: "<!-- quoted from FILE: NAME... -->".
var quoteMarker = regexp.MustCompile("<!-- quoted from ([\\w./-]+\\.go): ([\\w ]+) -->\n```go\n")

// outputMarker precedes a block of README.md that shows lines of the
// output of an Example: "<!-- output of FILE: ExampleName -->".
var outputMarker = regexp.MustCompile("<!-- output of ([\\w./-]+\\.go): (\\w+) -->\n```\n")

// The README's snippets of testing code are quoted, word for word, from
// tests and functions that run with this package's tests, so that they
// cannot rot: each block after a quoteMarker must equal the declarations
// it names (a type with its methods), doc comments included. With
// -update-readme the blocks are rewritten from the files. A block of
// output must be lines of the Output of the Example it names.
func TestREADMEQuotes(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	var out bytes.Buffer
	rest := readme
	quotes := 0
	for {
		m := quoteMarker.FindSubmatchIndex(rest)
		if m == nil {
			break
		}
		file, names := string(rest[m[2]:m[3]]), strings.Fields(string(rest[m[4]:m[5]]))
		end := bytes.Index(rest[m[1]:], []byte("```\n"))
		require.GreaterOrEqual(t, end, 0, "README.md: the block quoted from %s is not closed", file)
		got := string(rest[m[1] : m[1]+end])
		want := quoteDecls(t, file, names) + "\n"
		if got != want && !*updateREADME {
			t.Errorf("README.md quotes %s from %s, and differs from it at %s;\n"+
				"run go test -run TestREADMEQuotes -update-readme . to copy the code into README.md", names, file, firstDifference(want, got))
		}
		out.Write(rest[:m[1]])
		out.WriteString(want)
		rest = rest[m[1]+end:]
		quotes++
	}
	out.Write(rest)
	require.GreaterOrEqual(t, quotes, 4, "README.md quotes the function under test and its three tests")

	outputs := outputMarker.FindAllSubmatchIndex(readme, -1)
	require.NotEmpty(t, outputs, "README.md shows the output of an Example")
	for _, m := range outputs {
		file, name := string(readme[m[2]:m[3]]), string(readme[m[4]:m[5]])
		end := bytes.Index(readme[m[1]:], []byte("```\n"))
		require.GreaterOrEqual(t, end, 0, "README.md: the output of %s is not closed", name)
		example := quoteDecls(t, file, []string{name})
		for _, line := range strings.Split(strings.TrimSuffix(string(readme[m[1]:m[1]+end]), "\n"), "\n") {
			if !strings.Contains(example, "// FAIL: "+line+"\n") && !strings.Contains(example, "// "+line+"\n") {
				t.Errorf("README.md shows %q as output of %s, whose Output has no such line", line, name)
			}
		}
	}
	if *updateREADME && !bytes.Equal(out.Bytes(), readme) {
		require.NoError(t, os.WriteFile("README.md", out.Bytes(), 0o644))
	}
}

// quoteDecls returns the source of the top-level declarations of file
// named names, each with its doc comment, a type followed by its methods,
// separated by blank lines.
func quoteDecls(t *testing.T, file string, names []string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	require.NoError(t, err)
	text := func(doc *ast.CommentGroup, n ast.Node) string {
		start := n.Pos()
		if doc != nil {
			start = doc.Pos()
		}
		return string(src[fset.Position(start).Offset:fset.Position(n.End()).Offset])
	}
	var parts []string
	for _, name := range names {
		found := false
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == name || d.Recv != nil && receiverName(d.Recv) == name {
					parts = append(parts, text(d.Doc, d))
					found = found || d.Recv == nil
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == name {
						parts = append(parts, text(d.Doc, d))
						found = true
					}
				}
			}
		}
		require.True(t, found, "README.md quotes %s from %s, which has no such function or type", name, file)
	}
	return strings.Join(parts, "\n\n")
}

// receiverName returns the type name of a method's receiver.
func receiverName(recv *ast.FieldList) string {
	typ := recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// firstDifference names the first line where got differs from want.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		switch {
		case i >= len(w):
			return fmt.Sprintf("line %d: README.md has %q in excess", i+1, g[i])
		case i >= len(g):
			return fmt.Sprintf("line %d: README.md lacks %q", i+1, w[i])
		case w[i] != g[i]:
			return fmt.Sprintf("line %d: README.md has %q, the code %q", i+1, g[i], w[i])
		}
	}
	return "the end"
}
