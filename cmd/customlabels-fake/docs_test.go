package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The help, the package comment of main.go and the README are tested
// against what the command and the server do: every flag, control
// resource, fault kind and operation is named where a person looks.

// help returns the output of customlabels-fake --help.
func help(t *testing.T) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(context.Background(), []string{"--help"}, &stdout, &stderr))
	return stderr.String()
}

// readmeFakeSection returns the part of the README about the fake as a
// process: from "run the fake as a process" to the next section.
func readmeFakeSection(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	start := strings.Index(readme, "run the fake as a process")
	require.GreaterOrEqual(t, start, 0, "the README's section on the fake as a process")
	end := strings.Index(readme[start:], "\n## ")
	require.Greater(t, end, 0)
	return readme[start : start+end]
}

// packageComment returns the package comment of main.go.
func packageComment(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("main.go")
	require.NoError(t, err)
	comment, _, ok := strings.Cut(string(b), "\npackage main")
	require.True(t, ok)
	return comment
}

// controlGet answers GET or POST on the control API of a fresh server.
func controlDo(t *testing.T, method, resource, body string) []byte {
	t.Helper()
	srv := customlabelstest.NewServer()
	defer srv.Close()
	req, err := http.NewRequest(method, srv.ControlURL()+resource, strings.NewReader(body))
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := srv.Client().Options().HTTPClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return b
}

// controlResources returns the resources GET /_customlabels/ lists, with
// their methods.
func controlResources(t *testing.T) map[string][]string {
	t.Helper()
	var index struct {
		Resources []struct {
			Path    string
			Methods []string
		}
	}
	require.NoError(t, json.Unmarshal(controlDo(t, http.MethodGet, "", ""), &index))
	out := map[string][]string{}
	for _, r := range index.Resources {
		out[strings.TrimPrefix(r.Path, customlabelstest.ControlPath)] = r.Methods
	}
	require.NotEmpty(t, out)
	return out
}

func TestHelpListsEveryControlResource(t *testing.T) {
	want := controlResources(t)
	got := map[string][]string{}
	for _, m := range regexp.MustCompile(`(?m)^  ([A-Z|]+) +([a-z0-9]+) `).FindAllStringSubmatch(help(t), -1) {
		methods := strings.Split(m[1], "|")
		slices.Sort(methods)
		got[m[2]] = methods
	}
	assert.Equal(t, want, got, "the control API lines of --help (-want +got): resources and methods")

	readme := readmeFakeSection(t)
	comment := packageComment(t)
	for name := range want {
		assert.True(t, strings.Contains(readme, "`"+name+"`"), "the README names the control resource %s", name)
		assert.True(t, strings.Contains(comment, name), "the package comment of main.go names the control resource %s", name)
	}
}

func TestHelpListsEveryFaultKind(t *testing.T) {
	var refusal struct{ Error string }
	require.NoError(t, json.Unmarshal(controlDo(t, http.MethodPost, "faults", `{"Kind":"no-such-kind"}`), &refusal))
	_, list, ok := strings.Cut(refusal.Error, "one of ")
	require.True(t, ok, "the refusal lists the kinds: %s", refusal.Error)
	kinds := strings.Split(list, ", ")
	require.Contains(t, kinds, "truncated-body")
	h := help(t)
	for _, k := range kinds {
		assert.True(t, strings.Contains(h, k), "--help names the fault kind %s", k)
	}
	// The clients that read a cut body as a success are named.
	assert.True(t, strings.Contains(h, "botocore 1.29"), "--help warns of botocore 1.29 and truncated-body")
	assert.True(t, strings.Contains(readmeFakeSection(t), "botocore 1.29"), "the README warns of botocore 1.29 and truncated-body")
}

func TestHelpNamesEveryOperation(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithoutSignatureVerification())
	defer srv.Close()
	req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader("{}"))
	require.NoError(t, err)
	req.Header.Set("X-Amz-Target", "RekognitionService.NoSuchOperation")
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := srv.Client().Options().HTTPClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var refusal struct{ Message string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&refusal))
	_, list, ok := strings.Cut(refusal.Message, "serves only ")
	require.True(t, ok, "the refusal lists the operations: %s", refusal.Message)
	ops := strings.Split(list, ", ")
	require.Contains(t, ops, "RekognitionService.DetectCustomLabels")
	h := help(t)
	for _, op := range ops {
		assert.True(t, strings.Contains(h, strings.TrimPrefix(op, "RekognitionService.")), "--help names the operation %s", op)
	}
}

// Every flag is in --help, in the package comment of main.go and in the
// README's table, and the table has no flag the command lacks.
func TestFlagsDocumented(t *testing.T) {
	fs, _, _ := newFlagSet(&options{})
	h := help(t)
	comment := packageComment(t)
	readme := readmeFakeSection(t)
	var table []string
	for _, m := range regexp.MustCompile(`(?m)^\| (.*?) \|`).FindAllStringSubmatch(readme, -1) {
		for _, f := range regexp.MustCompile("`--([a-z0-9-]+)").FindAllStringSubmatch(m[1], -1) {
			table = append(table, f[1])
		}
	}
	require.NotEmpty(t, table, "the README's flag table")
	var flags []string
	fs.VisitAll(func(f *flag.Flag) {
		flags = append(flags, f.Name)
		assert.Regexp(t, `(?m)^  -`+regexp.QuoteMeta(f.Name)+`\b`, h, "--help shows --%s", f.Name)
		assert.Regexp(t, `(?m)^//\t--`+regexp.QuoteMeta(f.Name)+`\b`, comment, "the package comment of main.go lists --%s", f.Name)
		assert.Contains(t, table, f.Name, "the README's flag table lists --%s", f.Name)
	})
	for _, name := range table {
		assert.Contains(t, flags, name, "the README's flag table lists --%s, which the command does not have", name)
	}
}
