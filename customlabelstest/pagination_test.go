package customlabelstest_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func page(t *testing.T, c *customlabels.Client, in customlabels.DescribeProjectsInput) *customlabels.DescribeProjectsOutput {
	t.Helper()
	out, err := c.DescribeProjects(context.Background(), &in)
	require.NoError(t, err, "DescribeProjects(%+v)", in)
	return out
}

func TestNextTokenIsOpaqueAndBounded(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))
	out := page(t, srv.Client(), customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 3})
	require.NotEmpty(t, out.NextToken)
	assert.LessOrEqual(t, len(out.NextToken), customlabels.MaxNextTokenLength)
	_, err := base64.StdEncoding.DecodeString(out.NextToken)
	assert.NoError(t, err, "token %q is base64", out.NextToken)
	assert.NotContains(t, out.NextToken, "flower", "the token does not show project names")
}

func TestNextTokenReplayAndChangingPageSize(t *testing.T) {
	demo := customlabelstest.DemoProjects(30, 4)
	srv := newServer(t, customlabelstest.WithProjects(demo...))
	c := srv.Client()

	first := page(t, c, customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 5})
	require.Equal(t, arns(demo[:5]), arns(first.ProjectDescriptions))

	// Replaying a token gives the same page, as often as asked.
	for range 3 {
		again := page(t, c, customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 5, NextToken: first.NextToken})
		assert.Equal(t, arns(demo[5:10]), arns(again.ProjectDescriptions))
	}

	// The page size may change at every page; every project comes once.
	var got []customlabels.ProjectDescription
	got = append(got, first.ProjectDescriptions...)
	token := first.NextToken
	for i, size := range []int32{1, 12, 3, 100} {
		out := page(t, c, customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: size, NextToken: token})
		got = append(got, out.ProjectDescriptions...)
		token = out.NextToken
		if token == "" {
			require.Equal(t, 3, i, "the listing ends with the 100-project page")
		}
	}
	assert.Empty(t, token)
	assert.Equal(t, arns(demo), arns(got))

	// Omitting MaxResults with a token means 100, as on the first page.
	out := page(t, c, customlabels.DescribeProjectsInput{Features: bothFeatures, NextToken: first.NextToken})
	assert.Equal(t, arns(demo[5:]), arns(out.ProjectDescriptions))
}

func TestNextTokenBoundToFilters(t *testing.T) {
	demo := customlabelstest.DemoProjects(20, 9)
	srv := newServer(t, customlabelstest.WithProjects(demo...))
	c := srv.Client(noRetry)
	names := []string{projectName(demo[0]), projectName(demo[2]), projectName(demo[4]), projectName(demo[6])}

	withNames := page(t, c, customlabels.DescribeProjectsInput{ProjectNames: names, MaxResults: 2})
	require.NotEmpty(t, withNames.NextToken)
	defaults := page(t, c, customlabels.DescribeProjectsInput{MaxResults: 2})
	both := page(t, c, customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 2})

	rejected := []struct {
		name string
		in   customlabels.DescribeProjectsInput
	}{
		{"names token without names", customlabels.DescribeProjectsInput{NextToken: withNames.NextToken}},
		{"names token with other names", customlabels.DescribeProjectsInput{NextToken: withNames.NextToken, ProjectNames: names[:3]}},
		{"names token with other features", customlabels.DescribeProjectsInput{NextToken: withNames.NextToken, ProjectNames: names, Features: bothFeatures}},
		{"default token with both features", customlabels.DescribeProjectsInput{NextToken: defaults.NextToken, Features: bothFeatures}},
		{"both-features token without features", customlabels.DescribeProjectsInput{NextToken: both.NextToken}},
		{"both-features token with names", customlabels.DescribeProjectsInput{NextToken: both.NextToken, Features: bothFeatures, ProjectNames: names}},
	}
	for _, tc := range rejected {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.DescribeProjects(context.Background(), &tc.in)
			apiErr, status := apiError(t, err)
			var pe *customlabels.InvalidPaginationTokenException
			require.ErrorAs(t, err, &pe, "DescribeProjects(%+v) = %v", tc.in, err)
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, apiErr.ErrorMessage(), "other ProjectNames or Features")
			assert.Equal(t, "InvalidPaginationTokenException", pe.Code)
			assert.Regexp(t, uuidPattern, pe.Logref)
		})
	}

	accepted := []struct {
		name string
		in   customlabels.DescribeProjectsInput
		want []customlabels.ProjectDescription
	}{
		{"names in another order, with a duplicate", customlabels.DescribeProjectsInput{
			NextToken: withNames.NextToken, ProjectNames: []string{names[3], names[1], names[2], names[0], names[3]}},
			[]customlabels.ProjectDescription{demo[4], demo[6]}},
		{"features in another order", customlabels.DescribeProjectsInput{
			NextToken: both.NextToken, Features: []customlabels.CustomizationFeature{bothFeatures[1], bothFeatures[0]}, MaxResults: 2},
			demo[2:4]},
		{"explicit CUSTOM_LABELS is the default", customlabels.DescribeProjectsInput{
			NextToken: defaults.NextToken, Features: bothFeatures[:1], MaxResults: 1},
			demo[4:5]},
	}
	for _, tc := range accepted {
		t.Run(tc.name, func(t *testing.T) {
			out := page(t, c, tc.in)
			assert.Equal(t, arns(tc.want), arns(out.ProjectDescriptions))
		})
	}
}

func projectName(p customlabels.ProjectDescription) string {
	return strings.Split(p.ProjectArn, "/")[1]
}

func TestInvalidNextTokens(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))
	c := srv.Client(noRetry)
	good := page(t, c, customlabels.DescribeProjectsInput{MaxResults: 1}).NextToken
	require.NotEmpty(t, good)

	other := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))
	fromOther := page(t, other.Client(), customlabels.DescribeProjectsInput{MaxResults: 1}).NextToken
	raw, err := base64.StdEncoding.DecodeString(good)
	require.NoError(t, err)
	flipped := append([]byte(nil), raw...)
	flipped[12] ^= 1 // a different position, same length

	for name, token := range map[string]string{
		"garbage":             "not-a-token",
		"another server's":    fromOther,
		"truncated":           good[:len(good)-4],
		"altered position":    base64.StdEncoding.EncodeToString(flipped),
		"base64 of nothing":   base64.StdEncoding.EncodeToString([]byte("x")),
		"good token doubled":  good + good,
		"whitespace appended": good + " ",
	} {
		t.Run(name, func(t *testing.T) {
			if token == good {
				t.Fatalf("test token equals the good one")
			}
			_, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 1, NextToken: token})
			var pe *customlabels.InvalidPaginationTokenException
			require.ErrorAs(t, err, &pe, "DescribeProjects(NextToken %q) = %v", token, err)
			assert.Equal(t, "Invalid pagination token", pe.Message)
		})
	}
	// An empty NextToken is no token, as the official Go paginator's first
	// request sends it.
	res := rawCall(t, srv, `{"NextToken":"","MaxResults":1}`, nil)
	assert.Equal(t, http.StatusOK, res.status, res.body)
}

// A listing in progress neither skips nor repeats a project when others
// are added (before and after its position) or removed meanwhile.
func TestListingStableWhileProjectsChange(t *testing.T) {
	demo := customlabelstest.DemoProjects(20, 11)
	srv := newServer(t, customlabelstest.WithProjects(demo...))
	c := srv.Client()
	mk := func(name string, at time.Time) customlabels.ProjectDescription {
		return customlabels.ProjectDescription{
			ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/" + name + "/" + fmt.Sprint(at.UnixMilli()),
			CreationTimestamp: at,
			Status:            customlabels.ProjectStatusCreating,
			Feature:           customlabels.CustomizationFeatureCustomLabels,
		}
	}

	in := customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 4}
	var got []customlabels.ProjectDescription
	var added []customlabels.ProjectDescription
	for i := 0; ; i++ {
		out := page(t, c, in)
		got = append(got, out.ProjectDescriptions...)
		if out.NextToken == "" {
			break
		}
		in.NextToken = out.NextToken
		last := out.ProjectDescriptions[len(out.ProjectDescriptions)-1]
		switch i {
		case 0:
			// Older than the position: not listed by this listing.
			srv.AddProjects(mk("older", demo[0].CreationTimestamp.Add(-time.Hour)))
			// At the very same time as the last project returned: it sorts
			// after it, so it is listed.
			same := mk("same-time", last.CreationTimestamp)
			srv.AddProjects(same)
			added = append(added, same)
		case 1:
			newest := mk("newest", time.Now())
			srv.AddProjects(newest)
			added = append(added, newest)
			// Removing the last project returned does not lose the place.
			srv.RemoveProjects(last.ProjectArn)
		case 2:
			// Removing a project not yet listed: it is simply not listed.
			srv.RemoveProjects(demo[15].ProjectArn)
		}
	}
	var want []string
	for i, p := range demo {
		if i == 15 {
			continue
		}
		want = append(want, p.ProjectArn)
		if i == 3 {
			want = append(want, added[0].ProjectArn)
		}
	}
	want = append(want, added[1].ProjectArn)
	assert.Equal(t, want, arns(got))

	seen := map[string]bool{}
	for _, p := range got {
		assert.False(t, seen[p.ProjectArn], "%s listed twice", p.ProjectArn)
		seen[p.ProjectArn] = true
	}
}

func TestManyProjectsWithNamesFilterPagesThrough(t *testing.T) {
	demo := customlabelstest.DemoProjects(500, 3)
	srv := newServer(t, customlabelstest.WithProjects(demo...))
	var names []string
	var want []customlabels.ProjectDescription
	for i := 0; i < 500 && len(names) < 10; i += 47 {
		names = append(names, projectName(demo[i]))
		want = append(want, demo[i])
	}
	got := listAll(t, srv.Client(), customlabels.DescribeProjectsInput{ProjectNames: names, Features: bothFeatures, MaxResults: 3})
	assert.Equal(t, arns(want), arns(got))
}
