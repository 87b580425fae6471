package customlabelstest

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faithfulnessDoc is the table of the fake's behaviours and their
// sources.
const faithfulnessDoc = "../docs/FAKE-FAITHFULNESS.md"

// sourced is what the third cell of a row of docs/FAKE-FAITHFULNESS.md
// holds: a page of the API reference or the developer guide, the model,
// another AWS document, or the word that the fake chose.
var sourced = regexp.MustCompile(`API_|DG: |\bmodel\b|S3 |SigV4|wire-spec|\bassumed\b|\binferred\b|\bcontradiction\b`)

// Every row of docs/FAKE-FAITHFULNESS.md is a behaviour, what the fake
// does and its source, and every served operation has a row.
func TestFaithfulnessDocRows(t *testing.T) {
	b, err := os.ReadFile(faithfulnessDoc)
	require.NoError(t, err)
	doc := string(b)

	rows := 0
	for n, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| behaviour |") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if !assert.Len(t, cells, 3, "line %d has three cells, behaviour, the fake and the source:\n%s", n+1, line) {
			continue
		}
		for i, c := range cells {
			assert.NotEmpty(t, strings.TrimSpace(c), "line %d: cell %d is empty", n+1, i+1)
		}
		assert.Regexp(t, sourced, cells[2], "line %d names a source, or says the fake assumed it:\n%s", n+1, line)
		rows++
	}
	assert.Greater(t, rows, 100, "the table has a row per behaviour")

	for _, target := range servedTargets() {
		op := strings.TrimPrefix(target, targetPrefix)
		assert.True(t, strings.Contains(doc, op), "docs/FAKE-FAITHFULNESS.md covers %s", op)
	}
}

// The links inside docs/FAKE-FAITHFULNESS.md lead to its headings.
func TestFaithfulnessDocLinks(t *testing.T) {
	b, err := os.ReadFile(faithfulnessDoc)
	require.NoError(t, err)
	doc := string(b)
	anchors := map[string]bool{}
	for _, line := range strings.Split(doc, "\n") {
		if title, ok := strings.CutPrefix(line, "## "); ok {
			anchors[githubAnchor(title)] = true
		}
	}
	links := regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(doc, -1)
	require.NotEmpty(t, links)
	for _, l := range links {
		assert.True(t, anchors[l[1]], "the link #%s leads to a heading of docs/FAKE-FAITHFULNESS.md", l[1])
	}
}

// githubAnchor returns the anchor GitHub gives a heading: lower case,
// spaces as hyphens, other punctuation dropped.
func githubAnchor(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// The package documentation and the README's section on the fake server
// point to docs/FAKE-FAITHFULNESS.md.
func TestFaithfulnessDocLinked(t *testing.T) {
	pkgDoc, _ := packageDoc(t)
	_, section, ok := strings.Cut(pkgDoc, "# Faithfulness\n")
	require.True(t, ok, "the package doc has a Faithfulness section")
	section, _, _ = strings.Cut(section, "\n# ")
	assert.True(t, strings.Contains(section, "docs/FAKE-FAITHFULNESS.md"), "the Faithfulness section names docs/FAKE-FAITHFULNESS.md:\n%s", section)

	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	_, fake, ok := strings.Cut(string(b), "### 3. Run the fake server")
	require.True(t, ok, "the README's section on the fake server")
	fake, _, _ = strings.Cut(fake, "\n## ")
	assert.True(t, strings.Contains(fake, "(docs/FAKE-FAITHFULNESS.md)"), "the README's section on the fake server links docs/FAKE-FAITHFULNESS.md")
}
