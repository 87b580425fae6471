package customlabelstest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// versionsFixture is a server with two projects: "flowers" with five
// versions created an hour apart (v1 oldest) plus two at the same instant
// as v3, and "empty" with none.
type versionsFixture struct {
	srv            *customlabelstest.Server
	flowers, empty customlabels.ProjectDescription
	versions       []customlabels.ProjectVersionDescription // in insertion order
}

func newVersionsFixture(t *testing.T, opts ...customlabelstest.Option) *versionsFixture {
	t.Helper()
	f := &versionsFixture{flowers: testProject("flowers"), empty: testProject("empty")}
	t0 := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	for i, name := range []string{"v1", "v2", "v3", "v4", "v5"} {
		f.versions = append(f.versions, testVersion(f.flowers, name, t0.Add(time.Duration(i)*time.Hour), customlabels.ProjectVersionStatusTrainingCompleted))
	}
	tie := t0.Add(2 * time.Hour)
	f.versions = append(f.versions,
		testVersion(f.flowers, "tie-a", tie, customlabels.ProjectVersionStatusStopped),
		testVersion(f.flowers, "tie-b", tie, customlabels.ProjectVersionStatusStopped))
	f.srv = newServer(t, append([]customlabelstest.Option{
		customlabelstest.WithProjects(f.flowers, f.empty),
		customlabelstest.WithProjectVersions(f.versions...),
	}, opts...)...)
	return f
}

// wantOrder is the listing order: latest first; at the same instant, in
// the order of insertion.
func (f *versionsFixture) wantOrder() []string {
	v := f.versions
	return []string{v[4].ProjectVersionArn, v[3].ProjectVersionArn, v[2].ProjectVersionArn,
		v[5].ProjectVersionArn, v[6].ProjectVersionArn, v[1].ProjectVersionArn, v[0].ProjectVersionArn}
}

func TestDescribeProjectVersionsListsLatestFirst(t *testing.T) {
	f := newVersionsFixture(t)
	page := describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn})
	assert.Equal(t, f.wantOrder(), versionArns(page))
	assert.Empty(t, page.NextToken, "one page holds everything")

	var all []string
	for _, v := range f.srv.ProjectVersions() {
		all = append(all, v.ProjectVersionArn)
	}
	assert.Equal(t, f.wantOrder(), all, "ProjectVersions lists in the same order")
}

func TestDescribeProjectVersionsOfProjectWithoutVersions(t *testing.T) {
	f := newVersionsFixture(t)
	res := call(t, f.srv, "DescribeProjectVersions", `{"ProjectArn":"`+f.empty.ProjectArn+`"}`)
	assert.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, `{"ProjectVersionDescriptions":[]}`, res.body)
}

func TestDescribeProjectVersionsVersionNames(t *testing.T) {
	f := newVersionsFixture(t)
	page := describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn, "VersionNames": []string{"v1", "v4", "v4", "absent"}})
	assert.Equal(t, []string{f.versions[3].ProjectVersionArn, f.versions[0].ProjectVersionArn}, versionArns(page))

	page = describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn, "VersionNames": []string{"absent"}})
	assert.Empty(t, page.ProjectVersionDescriptions)
	// Names of another project's versions do not leak across projects.
	page = describeVersions(t, f.srv, map[string]any{"ProjectArn": f.empty.ProjectArn, "VersionNames": []string{"v1"}})
	assert.Empty(t, page.ProjectVersionDescriptions)
}

func TestDescribeProjectVersionsUnknownProject(t *testing.T) {
	f := newVersionsFixture(t)
	for name, arn := range map[string]string{
		"unknown name":           "arn:aws:rekognition:us-east-1:123456789012:project/nope/1704164645000",
		"same name, other stamp": strings.TrimSuffix(f.flowers.ProjectArn, "5000") + "5001",
	} {
		t.Run(name, func(t *testing.T) {
			res := call(t, f.srv, "DescribeProjectVersions", `{"ProjectArn":"`+arn+`"}`)
			assert.Equal(t, http.StatusBadRequest, res.status)
			code, msg := modeledError(t, res)
			assert.Equal(t, "ResourceNotFoundException", code)
			assert.Contains(t, msg, arn)
			reqs := f.srv.Requests()
			assert.Equal(t, "ResourceNotFoundException", reqs[len(reqs)-1].ErrorCode)
		})
	}
}

func TestDescribeProjectVersionsPagination(t *testing.T) {
	f := newVersionsFixture(t)
	in := map[string]any{"ProjectArn": f.flowers.ProjectArn, "MaxResults": 3}
	var got []string
	pages := 0
	for {
		page := describeVersions(t, f.srv, in)
		pages++
		require.LessOrEqual(t, len(page.ProjectVersionDescriptions), 3)
		got = append(got, versionArns(page)...)
		if page.NextToken == "" {
			break
		}
		require.Less(t, pages, 10)
		in["NextToken"] = page.NextToken
		in["MaxResults"] = 2 // the page size may change between pages
	}
	assert.Equal(t, f.wantOrder(), got, "every version once, in order")
	assert.Equal(t, 3, pages, "3 + 2 + 2: the last page, full, has no NextToken")

	// A full last page has no NextToken.
	page := describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn, "MaxResults": 7})
	assert.Len(t, page.ProjectVersionDescriptions, 7)
	assert.Empty(t, page.NextToken)
}

func TestDescribeProjectVersionsNextTokenReplayAndBinding(t *testing.T) {
	f := newVersionsFixture(t)
	first := describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn, "MaxResults": 2, "VersionNames": []string{"v1", "v2", "v3", "v4"}})
	require.NotEmpty(t, first.NextToken)
	assert.LessOrEqual(t, len(first.NextToken), customlabels.MaxNextTokenLength)

	// Replayed, with the names in another order: the same page.
	next := map[string]any{"ProjectArn": f.flowers.ProjectArn, "MaxResults": 2, "VersionNames": []string{"v4", "v3", "v2", "v1"}, "NextToken": first.NextToken}
	a, b := describeVersions(t, f.srv, next), describeVersions(t, f.srv, next)
	assert.Equal(t, versionArns(a), versionArns(b))
	assert.Equal(t, []string{f.versions[1].ProjectVersionArn, f.versions[0].ProjectVersionArn}, versionArns(a))

	projectsPage := page(t, f.srv.Client(), customlabels.DescribeProjectsInput{MaxResults: 1})
	require.NotEmpty(t, projectsPage.NextToken)

	for name, in := range map[string]map[string]any{
		"other names":              {"ProjectArn": f.flowers.ProjectArn, "VersionNames": []string{"v1"}, "NextToken": first.NextToken},
		"no names":                 {"ProjectArn": f.flowers.ProjectArn, "NextToken": first.NextToken},
		"other project":            {"ProjectArn": f.empty.ProjectArn, "VersionNames": []string{"v1", "v2", "v3", "v4"}, "NextToken": first.NextToken},
		"garbage":                  {"ProjectArn": f.flowers.ProjectArn, "NextToken": "not a token"},
		"flipped bit":              {"ProjectArn": f.flowers.ProjectArn, "VersionNames": []string{"v1", "v2", "v3", "v4"}, "NextToken": flip(first.NextToken)},
		"a DescribeProjects token": {"ProjectArn": f.flowers.ProjectArn, "NextToken": projectsPage.NextToken},
	} {
		t.Run(name, func(t *testing.T) {
			res := call(t, f.srv, "DescribeProjectVersions", jsonBody(t, in))
			assert.Equal(t, http.StatusBadRequest, res.status)
			code, _ := modeledError(t, res)
			assert.Equal(t, "InvalidPaginationTokenException", code)
		})
	}

	// A token of another server (another key) is refused too.
	other := newVersionsFixture(t)
	res := call(t, other.srv, "DescribeProjectVersions", jsonBody(t, next))
	code, _ := modeledError(t, res)
	assert.Equal(t, "InvalidPaginationTokenException", code)

	// An empty NextToken is the first page.
	delete(next, "NextToken")
	first2 := describeVersions(t, f.srv, next)
	next["NextToken"] = ""
	assert.Equal(t, versionArns(first2), versionArns(describeVersions(t, f.srv, next)))
}

// flip changes one character of a base64 token, keeping it base64.
func flip(token string) string {
	b := []byte(token)
	if b[5] == 'A' {
		b[5] = 'B'
	} else {
		b[5] = 'A'
	}
	return string(b)
}

func TestDescribeProjectVersionsStableWhileVersionsChange(t *testing.T) {
	f := newVersionsFixture(t)
	first := describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn, "MaxResults": 3})
	require.Equal(t, f.wantOrder()[:3], versionArns(first))

	// Meanwhile: a newer version (listed before the position: not seen by
	// this listing), an older one (after: seen), and the next one removed.
	newer := testVersion(f.flowers, "newest", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusTrainingCompleted)
	older := testVersion(f.flowers, "oldest", time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusTrainingCompleted)
	f.srv.AddProjectVersions(newer, older)
	require.Equal(t, 1, f.srv.RemoveProjectVersions(f.versions[5].ProjectVersionArn, "arn:not-there"))

	rest := describeVersions(t, f.srv, map[string]any{"ProjectArn": f.flowers.ProjectArn, "NextToken": first.NextToken})
	want := append([]string{}, f.wantOrder()[4:]...)
	want = append(want, older.ProjectVersionArn)
	assert.Equal(t, want, versionArns(rest), "neither skipped nor repeated")
}

func TestDescribeProjectVersionsDefaultPageSizeIs100(t *testing.T) {
	p := testProject("many")
	var vs []customlabels.ProjectVersionDescription
	t0 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 130 {
		vs = append(vs, testVersion(p, "m"+strings.Repeat("x", i%3)+string(rune('a'+i%26))+string(rune('a'+i/26)), t0.Add(time.Duration(i)*time.Minute), customlabels.ProjectVersionStatusTrainingCompleted))
	}
	srv := newServer(t, customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(vs...))
	page1 := describeVersions(t, srv, map[string]any{"ProjectArn": p.ProjectArn})
	assert.Len(t, page1.ProjectVersionDescriptions, 100)
	require.NotEmpty(t, page1.NextToken)
	page2 := describeVersions(t, srv, map[string]any{"ProjectArn": p.ProjectArn, "NextToken": page1.NextToken})
	assert.Len(t, page2.ProjectVersionDescriptions, 30)
	assert.Empty(t, page2.NextToken)
}

func TestDescribeProjectVersionsValidation(t *testing.T) {
	f := newVersionsFixture(t)
	arn := f.flowers.ProjectArn
	long := strings.Repeat("n", 256)
	token := strings.Repeat("t", 1025)
	const arnPattern = `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`
	cases := []struct {
		body, message string
	}{
		{`{}`, "1 validation error detected: Value null at 'projectArn' failed to satisfy constraint: Member must not be null"},
		{`{"ProjectArn":null}`, "1 validation error detected: Value null at 'projectArn' failed to satisfy constraint: Member must not be null"},
		{`{"ProjectArn":"arn:aws:rekognition"}`, "2 validation errors detected: Value 'arn:aws:rekognition' at 'projectArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value 'arn:aws:rekognition' at 'projectArn' failed to satisfy constraint: Member must satisfy regular expression pattern: " + arnPattern},
		{`{"ProjectArn":"` + f.versions[0].ProjectVersionArn + `"}`, "1 validation error detected: Value '" + f.versions[0].ProjectVersionArn + "' at 'projectArn' failed to satisfy constraint: Member must satisfy regular expression pattern: " + arnPattern},
		{`{"ProjectArn":"` + arn + `","MaxResults":0}`, "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{`{"ProjectArn":"` + arn + `","MaxResults":101}`, "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"},
		{`{"ProjectArn":"` + arn + `","NextToken":"` + token + `"}`, "1 validation error detected: Value '" + token + "' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024"},
		{`{"ProjectArn":"` + arn + `","VersionNames":[]}`, "1 validation error detected: Value '[]' at 'versionNames' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{`{"ProjectArn":"` + arn + `","VersionNames":["a","b","c","d","e","f","g","h","i","j","k"]}`, "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'versionNames' failed to satisfy constraint: Member must have length less than or equal to 10"},
		{`{"ProjectArn":"` + arn + `","VersionNames":["ok","has space"]}`, "1 validation error detected: Value 'has space' at 'versionNames.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+"},
		{`{"ProjectArn":"` + arn + `","VersionNames":["` + long + `"]}`, "1 validation error detected: Value '" + long + "' at 'versionNames.1.member' failed to satisfy constraint: Member must have length less than or equal to 255"},
		{`{"MaxResults":500}`, "2 validation errors detected: Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100; Value null at 'projectArn' failed to satisfy constraint: Member must not be null"},
	}
	for _, tc := range cases {
		t.Run(tc.body[:min(len(tc.body), 50)], func(t *testing.T) {
			res := call(t, f.srv, "DescribeProjectVersions", tc.body)
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, msg := errorBody(t, res.body)
			assert.Equal(t, "com.amazon.coral.validate#ValidationException", typ)
			assert.Equal(t, tc.message, msg)
		})
	}
}

func TestDescribeProjectVersionsSerializationErrors(t *testing.T) {
	f := newVersionsFixture(t)
	for body, want := range map[string]string{
		`[]`:                                  "The request body must be a JSON object",
		`{"ProjectArn":5}`:                    "Expected a string for ProjectArn, got a number",
		`{"ProjectArn":"x","MaxResults":"5"}`: "Expected an integer for MaxResults, got a string",
		`{"VersionNames":"v1"}`:               "Expected a list of strings for VersionNames, got a string",
	} {
		res := call(t, f.srv, "DescribeProjectVersions", body)
		assert.Equal(t, http.StatusBadRequest, res.status, body)
		typ, msg := errorBody(t, res.body)
		assert.Equal(t, "com.amazon.coral.service#SerializationException", typ, body)
		assert.Contains(t, msg, want, body)
	}
}
