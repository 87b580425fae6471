package customlabelstest

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// packageDoc returns the package comment and the doc comments of the
// package's functions, by name.
func packageDoc(t *testing.T) (string, map[string]string) {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	d, err := doc.NewFromFiles(fset, files, "github.com/rekognition-go/customlabels/customlabelstest")
	require.NoError(t, err)
	funcs := map[string]string{}
	for _, f := range d.Funcs {
		funcs[f.Name] = f.Doc
	}
	for _, typ := range d.Types {
		for _, f := range typ.Funcs {
			funcs[f.Name] = f.Doc
		}
	}
	return d.Doc, funcs
}

// The package documentation names what the server serves: every
// operation in its Operations section, every control resource and fault
// kind in the control API's list, and how clients differ on a truncated
// body.
func TestPackageDocNamesWhatIsServed(t *testing.T) {
	pkgDoc, funcs := packageDoc(t)
	_, ops, _ := strings.Cut(pkgDoc, "# Operations\n")
	ops, _, _ = strings.Cut(ops, "\n# ")
	for _, target := range servedTargets() {
		op := strings.TrimPrefix(target, targetPrefix)
		assert.True(t, strings.Contains(ops, op), "the package doc's Operations section names %s:\n%s", op, ops)
	}
	numbers := regexp.MustCompile(`\b(two|three|four|five|six|seven|eight|nine|ten) operations\b`)
	assert.Empty(t, numbers.FindAllString(pkgDoc, -1), "a count of operations goes stale; the package doc names them")

	for name := range controlResources {
		assert.Regexp(t, `(?m)^  - `+regexp.QuoteMeta(name)+`:`, pkgDoc, "the control API's list documents the resource %s", name)
	}
	for kind := range faultKinds {
		assert.True(t, strings.Contains(pkgDoc, `"`+kind+`"`), "the control API's list documents the fault kind %q", kind)
	}

	assert.True(t, strings.Contains(funcs["TruncatedBody"], "botocore 1.29"), "TruncatedBody says which clients take it for a success:\n%s", funcs["TruncatedBody"])
	assert.True(t, strings.Contains(pkgDoc, "botocore 1.29"), "the package doc says which clients take a truncated body for a success")
}
