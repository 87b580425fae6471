package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// helpFlags returns the flags subcommand --help lists: the flags its flag
// set registers, as flag.PrintDefaults prints them.
func helpFlags(t *testing.T, subcommand string) []string {
	t.Helper()
	r := runArgs(t, append(strings.Fields(subcommand), "--help")...)
	require.Equal(t, exitOK, r.code)
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z0-9-]+)`).FindAllStringSubmatch(r.stderr, -1) {
		names = append(names, m[1])
	}
	require.NotEmpty(t, names, "%s --help", subcommand)
	return names
}

// Every flag of every subcommand is documented in doc.go and in the
// README's section on the command.
func TestFlagsDocumented(t *testing.T) {
	docGo, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	start := strings.Index(readme, "## The customlabels command")
	require.GreaterOrEqual(t, start, 0)
	end := strings.Index(readme[start+1:], "\n## ")
	require.Greater(t, end, 0)
	readme = readme[start : start+1+end]

	for _, sc := range subcommands {
		for _, name := range helpFlags(t, sc.name) {
			flag := regexp.MustCompile(`--` + regexp.QuoteMeta(name) + `\b`)
			if len(name) == 1 { // -o, as such flags are written
				flag = regexp.MustCompile(`(^|[^-\w])-` + regexp.QuoteMeta(name) + `\b`)
			}
			assert.True(t, flag.Match(docGo), "doc.go documents --%s of %s", name, sc.name)
			assert.True(t, flag.MatchString(readme), "the README documents --%s of %s", name, sc.name)
		}
	}
}
