package customlabels_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"weak"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// startList starts a list server holding n projects, closed with the test.
func startList(t testing.TB, n int) (*listServer, []customlabels.ProjectDescription) {
	t.Helper()
	projects := makeProjects(n)
	s := newListServer(projects)
	t.Cleanup(s.Close)
	return s, projects
}

func withLimit(n int32) func(*customlabels.DescribeProjectsPaginatorOptions) {
	return func(o *customlabels.DescribeProjectsPaginatorOptions) { o.Limit = n }
}

func withMaxItems(n int) func(*customlabels.DescribeProjectsPaginatorOptions) {
	return func(o *customlabels.DescribeProjectsPaginatorOptions) { o.MaxItems = n }
}

func withStartingToken(tok string) func(*customlabels.DescribeProjectsPaginatorOptions) {
	return func(o *customlabels.DescribeProjectsPaginatorOptions) { o.StartingToken = tok }
}

// collect ranges over seq, stopping after max items when max > 0, and
// returns the projects and every error yielded.
func collect(seq func(func(customlabels.ProjectDescription, error) bool), max int) (got []customlabels.ProjectDescription, errs []error) {
	for p, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue // a correct iterator never yields after an error
		}
		got = append(got, p)
		if max > 0 && len(got) == max {
			break
		}
	}
	return got, errs
}

func arns(ps []customlabels.ProjectDescription) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ProjectArn
	}
	return out
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// TestPaginatorListsEveryProjectOnceInOrder lists 10,000 projects over
// real HTTP. The page sizes run in parallel, each with its own server, so
// that page size 1 (10,000 requests) overlaps the others.
func TestPaginatorListsEveryProjectOnceInOrder(t *testing.T) {
	const n = 10000
	want := leanProjects(n)
	for _, size := range []int32{1, 7, 100} {
		t.Run(fmt.Sprintf("page size %d", size), func(t *testing.T) {
			t.Parallel()
			s := newListServer(want)
			t.Cleanup(s.Close)
			p := customlabels.NewDescribeProjectsPaginator(s.client(), nil, withLimit(size))
			got, errs := collect(p.All(context.Background()), 0)
			require.Empty(t, errs)
			require.Equal(t, arns(want), arns(got), "All() projects, in order, each once")
			assert.Equal(t, ceilDiv(n, int(size)), s.Requests(), "requests")
			assert.False(t, p.HasMorePages())
			assert.Empty(t, p.ResumeToken(), "ResumeToken() after the end")
		})
	}
}

func TestPaginatorPagesAndFields(t *testing.T) {
	const n = 1000
	s, want := startList(t, n)
	client := s.client()
	t.Run("every field survives", func(t *testing.T) {
		got, errs := collect(customlabels.AllProjects(context.Background(), client, &customlabels.DescribeProjectsInput{MaxResults: 100}), 0)
		require.Empty(t, errs)
		require.Equal(t, want, got)
	})
	t.Run("NextPage loop", func(t *testing.T) {
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, &customlabels.DescribeProjectsInput{MaxResults: 7})
		var got []customlabels.ProjectDescription
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			require.NoError(t, err)
			pages++
			if pages < ceilDiv(n, 7) {
				require.Len(t, out.ProjectDescriptions, 7)
				require.NotEmpty(t, out.NextToken)
			} else {
				require.Len(t, out.ProjectDescriptions, n%7)
				require.Empty(t, out.NextToken, "last page's NextToken")
			}
			require.Equal(t, fmt.Sprintf("req-%d", before+pages), out.RequestID)
			got = append(got, out.ProjectDescriptions...)
		}
		require.Equal(t, arns(want), arns(got))
		assert.Equal(t, ceilDiv(n, 7), s.Requests()-before)
		_, err := p.NextPage(context.Background())
		require.Error(t, err, "NextPage() after the end")
		assert.Equal(t, ceilDiv(n, 7), s.Requests()-before, "NextPage() after the end made a request")
	})
	t.Run("Pages", func(t *testing.T) {
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(100))
		var got []customlabels.ProjectDescription
		for out, err := range p.Pages(context.Background()) {
			require.NoError(t, err)
			require.Len(t, out.ProjectDescriptions, 100)
			got = append(got, out.ProjectDescriptions...)
		}
		require.Equal(t, arns(want), arns(got))
		assert.Equal(t, n/100, s.Requests()-before)
		// A finished paginator's iterators yield nothing and ask nothing.
		for range p.Pages(context.Background()) {
			t.Fatal("Pages() yielded after the end")
		}
		for range p.All(context.Background()) {
			t.Fatal("All() yielded after the end")
		}
		assert.Equal(t, n/100, s.Requests()-before)
	})
}

func TestPaginatorSendsLimitAndFilters(t *testing.T) {
	s, _ := startList(t, 20)
	client := s.client()
	names := []string{"project-00003", "project-00011", "project-00019"}
	features := []customlabels.CustomizationFeature{customlabels.CustomizationFeatureCustomLabels}
	tests := []struct {
		name        string
		params      *customlabels.DescribeProjectsInput
		opts        []func(*customlabels.DescribeProjectsPaginatorOptions)
		wantMax     []int32 // MaxResults per request; 0 = absent
		wantCount   int
		wantFilters bool
	}{
		{"defaults", nil, nil, []int32{0}, 20, false},
		{"params MaxResults is the default Limit", &customlabels.DescribeProjectsInput{MaxResults: 8}, nil, []int32{8, 8, 8}, 20, false},
		{"Limit overrides MaxResults", &customlabels.DescribeProjectsInput{MaxResults: 8}, []func(*customlabels.DescribeProjectsPaginatorOptions){withLimit(15)}, []int32{15, 15}, 20, false},
		{"filters on every page", &customlabels.DescribeProjectsInput{ProjectNames: names, Features: features, MaxResults: 2}, nil, []int32{2, 2}, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := len(s.Inputs())
			got, errs := collect(customlabels.AllProjects(context.Background(), client, tt.params, tt.opts...), 0)
			require.Empty(t, errs)
			assert.Len(t, got, tt.wantCount)
			inputs := s.Inputs()[from:]
			require.Len(t, inputs, len(tt.wantMax), "requests")
			for i, in := range inputs {
				if tt.wantMax[i] == 0 {
					assert.Nil(t, in.MaxResults, "request %d MaxResults", i+1)
				} else if assert.NotNil(t, in.MaxResults, "request %d MaxResults", i+1) {
					assert.Equal(t, tt.wantMax[i], *in.MaxResults, "request %d MaxResults", i+1)
				}
				assert.Equal(t, i == 0, in.NextToken == nil, "request %d sends a NextToken", i+1)
				if tt.wantFilters {
					assert.Equal(t, names, in.ProjectNames)
					assert.Equal(t, []string{"CUSTOM_LABELS"}, in.Features)
				}
			}
		})
	}
}

func TestPaginatorNeverChangesInput(t *testing.T) {
	s, _ := startList(t, 30)
	params := &customlabels.DescribeProjectsInput{
		MaxResults:   4,
		ProjectNames: []string{"project-00001", "project-00002", "project-00029"},
		Features:     []customlabels.CustomizationFeature{customlabels.CustomizationFeatureCustomLabels, customlabels.CustomizationFeatureContentModeration},
	}
	snapshot := *params
	snapshot.ProjectNames = slices.Clone(params.ProjectNames)
	snapshot.Features = slices.Clone(params.Features)

	p := customlabels.NewDescribeProjectsPaginator(s.client(), params, withLimit(1))
	got, errs := collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	assert.Len(t, got, 3)
	assert.Equal(t, &snapshot, params, "params after paginating")

	// Changing params after NewDescribeProjectsPaginator changes nothing.
	p = customlabels.NewDescribeProjectsPaginator(s.client(), params)
	params.ProjectNames[0] = "project-00005"
	params.MaxResults = 99
	got, errs = collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	assert.Equal(t, []string{"project-00001", "project-00002", "project-00029"}, []string{projectName(got[0].ProjectArn), projectName(got[1].ProjectArn), projectName(got[2].ProjectArn)})
}

func TestPaginatorStartsFromParamsNextToken(t *testing.T) {
	s, want := startList(t, 25)
	client := s.client()
	first, err := client.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 10})
	require.NoError(t, err)
	p := customlabels.NewDescribeProjectsPaginator(client, &customlabels.DescribeProjectsInput{NextToken: first.NextToken, MaxResults: 10})
	got, errs := collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	assert.Equal(t, arns(want[10:]), arns(got))
	assert.Equal(t, 3, s.Requests())
}

func TestIteratorsAreLazyAndBreakStops(t *testing.T) {
	s, want := startList(t, 50)
	client := s.client()

	p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
	pages, all := p.Pages(context.Background()), p.All(context.Background())
	short := customlabels.AllProjects(context.Background(), client, nil, withLimit(7))
	assert.True(t, p.HasMorePages())
	assert.Equal(t, 0, s.Requests(), "requests before the first range step")
	_, _, _ = pages, all, short

	for _, k := range []int{1, 6, 7, 8, 20, 49} {
		t.Run(fmt.Sprintf("All/break after %d", k), func(t *testing.T) {
			before := s.Requests()
			p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
			got, errs := collect(p.All(context.Background()), k)
			require.Empty(t, errs)
			assert.Equal(t, arns(want[:k]), arns(got))
			assert.Equal(t, ceilDiv(k, 7), s.Requests()-before, "requests")
		})
		t.Run(fmt.Sprintf("AllProjects/break after %d", k), func(t *testing.T) {
			before := s.Requests()
			got, errs := collect(customlabels.AllProjects(context.Background(), client, nil, withLimit(7)), k)
			require.Empty(t, errs)
			assert.Equal(t, arns(want[:k]), arns(got))
			assert.Equal(t, ceilDiv(k, 7), s.Requests()-before, "requests")
		})
	}
	t.Run("Pages/break after 2 pages", func(t *testing.T) {
		before := s.Requests()
		n := 0
		for out, err := range customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7)).Pages(context.Background()) {
			require.NoError(t, err)
			require.Len(t, out.ProjectDescriptions, 7)
			if n++; n == 2 {
				break
			}
		}
		assert.Equal(t, 2, s.Requests()-before, "requests")
	})
}

func TestAllProjectsRangesAfresh(t *testing.T) {
	s, want := startList(t, 12)
	seq := customlabels.AllProjects(context.Background(), s.client(), nil, withLimit(5))
	for range 2 {
		got, errs := collect(seq, 0)
		require.Empty(t, errs)
		assert.Equal(t, arns(want), arns(got))
	}
	got, errs := collect(seq, 4) // a break does not affect the next range
	require.Empty(t, errs)
	assert.Equal(t, arns(want[:4]), arns(got))
	got, errs = collect(seq, 0)
	require.Empty(t, errs)
	assert.Equal(t, arns(want), arns(got))
	assert.Equal(t, 3+3+1+3, s.Requests())
}

func TestRangingAgainContinuesAfterBreak(t *testing.T) {
	s, want := startList(t, 30)
	p := customlabels.NewDescribeProjectsPaginator(s.client(), nil, withLimit(7))
	first, errs := collect(p.All(context.Background()), 10) // 3 into page 2
	require.Empty(t, errs)
	require.Equal(t, 2, s.Requests())
	assert.True(t, p.HasMorePages())
	rest, errs := collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	assert.Equal(t, arns(want), arns(append(first, rest...)), "no gap, no duplicate")
	// Page 2 is fetched again for its last 4 projects, then pages 3 to 5.
	assert.Equal(t, 2+4, s.Requests())
	inputs := s.Inputs()
	assert.Equal(t, *inputs[1].NextToken, *inputs[2].NextToken, "page 2 fetched again with its own token")
}

func TestMaxItemsAndResumeToken(t *testing.T) {
	const n = 100
	s, want := startList(t, n)
	client := s.client()

	t.Run("cut mid-page then resume", func(t *testing.T) {
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7), withMaxItems(25))
		got, errs := collect(p.All(context.Background()), 0)
		require.Empty(t, errs)
		require.Equal(t, arns(want[:25]), arns(got))
		assert.Equal(t, 4, s.Requests()-before, "requests for 25 projects in pages of 7")
		assert.False(t, p.HasMorePages())
		_, err := p.NextPage(context.Background())
		require.Error(t, err, "NextPage() after MaxItems")
		assert.Equal(t, 4, s.Requests()-before, "NextPage() after MaxItems made a request")
		tok := p.ResumeToken()
		require.NotEmpty(t, tok)
		assert.Equal(t, tok, p.ResumeToken(), "ResumeToken() is stable")
		page4Token := *s.Inputs()[before+3].NextToken

		before = s.Requests()
		r := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7), withStartingToken(tok))
		rest, errs := collect(r.All(context.Background()), 0)
		require.Empty(t, errs)
		assert.Equal(t, arns(want[25:]), arns(rest), "resumed listing: no gap, no duplicate")
		// Page 4 again (its last 3 projects), then the 11 pages after it.
		assert.Equal(t, 1+ceilDiv(n-28, 7), s.Requests()-before)
		assert.Equal(t, page4Token, *s.Inputs()[before].NextToken, "the resumed listing starts at page 4's token")
		assert.Empty(t, r.ResumeToken())
	})

	t.Run("cut on a page boundary then resume", func(t *testing.T) {
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7), withMaxItems(21))
		var got []customlabels.ProjectDescription
		for out, err := range p.Pages(context.Background()) {
			require.NoError(t, err)
			got = append(got, out.ProjectDescriptions...)
		}
		require.Equal(t, arns(want[:21]), arns(got))
		assert.Equal(t, 3, s.Requests()-before)
		tok := p.ResumeToken()
		require.NotEmpty(t, tok)

		before = s.Requests()
		rest, errs := collect(customlabels.AllProjects(context.Background(), client, nil, withLimit(7), withStartingToken(tok)), 0)
		require.Empty(t, errs)
		assert.Equal(t, arns(want[21:]), arns(rest))
		assert.Equal(t, ceilDiv(n-21, 7), s.Requests()-before, "no page fetched twice")
	})

	t.Run("page cut by MaxItems", func(t *testing.T) {
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7), withMaxItems(10))
		var sizes []int
		for out, err := range p.Pages(context.Background()) {
			require.NoError(t, err)
			sizes = append(sizes, len(out.ProjectDescriptions))
			assert.NotEmpty(t, out.NextToken, "a cut page keeps the service's NextToken")
		}
		assert.Equal(t, []int{7, 3}, sizes)
	})

	t.Run("chained resumes with changing page sizes", func(t *testing.T) {
		before := s.Requests()
		limits := []int32{7, 3, 10, 1, 100, 4}
		var got []customlabels.ProjectDescription
		tok := ""
		for i := 0; ; i++ {
			require.Less(t, i, 50, "resumes never end")
			p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(limits[i%len(limits)]), withMaxItems(9), withStartingToken(tok))
			part, errs := collect(p.All(context.Background()), 0)
			require.Empty(t, errs)
			got = append(got, part...)
			if tok = p.ResumeToken(); tok == "" {
				break
			}
		}
		assert.Equal(t, arns(want), arns(got), "every project once across resumes")
		t.Logf("%d requests", s.Requests()-before)
	})

	t.Run("resume after break", func(t *testing.T) {
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
		got, errs := collect(p.All(context.Background()), 30)
		require.Empty(t, errs)
		tok := p.ResumeToken()
		require.NotEmpty(t, tok)
		rest, errs := collect(customlabels.AllProjects(context.Background(), client, nil, withStartingToken(tok)), 0)
		require.Empty(t, errs)
		assert.Equal(t, arns(want), arns(append(got, rest...)))
	})

	t.Run("resume a filtered query", func(t *testing.T) {
		params := &customlabels.DescribeProjectsInput{ProjectNames: []string{"project-00003", "project-00040", "project-00041", "project-00077", "project-00099"}}
		p := customlabels.NewDescribeProjectsPaginator(client, params, withLimit(2), withMaxItems(3))
		got, errs := collect(p.All(context.Background()), 0)
		require.Empty(t, errs)
		rest, errs := collect(customlabels.AllProjects(context.Background(), client, params, withStartingToken(p.ResumeToken())), 0)
		require.Empty(t, errs)
		all := append(got, rest...)
		assert.Equal(t, []string{"project-00003", "project-00040", "project-00041", "project-00077", "project-00099"},
			[]string{projectName(all[0].ProjectArn), projectName(all[1].ProjectArn), projectName(all[2].ProjectArn), projectName(all[3].ProjectArn), projectName(all[4].ProjectArn)})
		assert.Len(t, all, 5)
	})

	t.Run("before the first page", func(t *testing.T) {
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7), withMaxItems(10))
		assert.Empty(t, p.ResumeToken(), "ResumeToken() of a fresh paginator")
		_, _ = collect(p.All(context.Background()), 0)
		tok := p.ResumeToken()
		q := customlabels.NewDescribeProjectsPaginator(client, nil, withStartingToken(tok))
		assert.Equal(t, tok, q.ResumeToken(), "ResumeToken() of a paginator not yet started is its StartingToken")
	})
}

// TestPaginatorWithFakeServer runs a listing, a MaxItems cut, a resume and
// a break against customlabelstest's fake, whose NextTokens hold the last
// project returned rather than an offset.
func TestPaginatorWithFakeServer(t *testing.T) {
	want := customlabelstest.DemoProjects(300, 7)
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(want...))
	t.Cleanup(srv.Close)
	client := srv.Client()
	params := &customlabels.DescribeProjectsInput{Features: []customlabels.CustomizationFeature{
		customlabels.CustomizationFeatureCustomLabels, customlabels.CustomizationFeatureContentModeration,
	}}

	got, errs := collect(customlabels.AllProjects(context.Background(), client, params, withLimit(7)), 0)
	require.Empty(t, errs)
	require.Equal(t, want, got, "every project, every field, in order")
	assert.Len(t, srv.Requests(), ceilDiv(len(want), 7))

	srv.ResetRequests()
	p := customlabels.NewDescribeProjectsPaginator(client, params, withLimit(7), withMaxItems(100))
	first, errs := collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	second, errs := collect(customlabels.AllProjects(context.Background(), client, params, withLimit(13), withStartingToken(p.ResumeToken())), 50)
	require.Empty(t, errs)
	assert.Len(t, srv.Requests(), ceilDiv(100, 7)+ceilDiv(2+50, 13), "requests")
	assert.Equal(t, arns(want[:150]), arns(append(first, second...)), "no gap, no duplicate")
}

func TestInvalidStartingTokens(t *testing.T) {
	s, _ := startList(t, 30)
	client := s.client()
	p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7), withMaxItems(10))
	_, _ = collect(p.All(context.Background()), 0)
	good := p.ResumeToken()
	require.NotEmpty(t, good)
	raw, err := base64.RawURLEncoding.DecodeString(good)
	require.NoError(t, err)

	flip := func(i int) string {
		b := []byte(good)
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		return string(b)
	}
	version2 := slices.Clone(raw)
	version2[0] = 2
	byteFlipped := func(i int) string {
		b := slices.Clone(raw)
		b[i] ^= 1
		return base64.RawURLEncoding.EncodeToString(b)
	}

	tests := []struct {
		name   string
		token  string
		params *customlabels.DescribeProjectsInput
		reason string
	}{
		{"first character changed", flip(0), nil, ""},
		{"middle character changed", flip(len(good) / 2), nil, "checksum"},
		{"last character changed", flip(len(good) - 1), nil, ""},
		{"skip count changed", byteFlipped(9), nil, "checksum"},
		{"NextToken changed", byteFlipped(12), nil, "checksum"},
		{"checksum changed", byteFlipped(len(raw) - 1), nil, "checksum"},
		{"cut short", good[:len(good)-3], nil, ""},
		{"one byte short", base64.RawURLEncoding.EncodeToString(raw[:len(raw)-1]), nil, "checksum"},
		{"extended", good + "AAAA", nil, "checksum"},
		{"not base64", "not a token!", nil, "not a resume token"},
		{"padded", good + "=", nil, "not a resume token"},
		{"line break", good[:5] + "\n" + good[5:], nil, "line break"},
		{"too short", "AQID", nil, "too short"},
		{"too long", strings.Repeat("A", 6000), nil, "more than any resume token"},
		{"unknown version", base64.RawURLEncoding.EncodeToString(version2), nil, "version 2"},
		{"a service NextToken", *s.Inputs()[1].NextToken, nil, ""},
		{"other ProjectNames", good, &customlabels.DescribeProjectsInput{ProjectNames: []string{"project-00001"}}, "different query"},
		{"other Features", good, &customlabels.DescribeProjectsInput{Features: []customlabels.CustomizationFeature{customlabels.CustomizationFeatureCustomLabels}}, "different query"},
		{"NextToken set too", good, &customlabels.DescribeProjectsInput{NextToken: *s.Inputs()[1].NextToken}, "NextToken is set too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.Requests()
			p := customlabels.NewDescribeProjectsPaginator(client, tt.params, withStartingToken(tt.token))
			assert.True(t, p.HasMorePages(), "HasMorePages() must let the loop reach the error")
			_, err := p.NextPage(context.Background())
			require.ErrorIs(t, err, customlabels.ErrInvalidStartingToken)
			assert.Contains(t, err.Error(), tt.reason)
			_, err2 := p.NextPage(context.Background())
			assert.Equal(t, err, err2, "NextPage() again")

			got, errs := collect(p.All(context.Background()), 0)
			assert.Empty(t, got)
			require.Len(t, errs, 1, "All() yields the error once")
			assert.ErrorIs(t, errs[0], customlabels.ErrInvalidStartingToken)
			_, errs = collect(customlabels.AllProjects(context.Background(), client, tt.params, withStartingToken(tt.token)), 0)
			require.Len(t, errs, 1, "AllProjects() yields the error once")

			assert.Equal(t, tt.token, p.ResumeToken(), "ResumeToken() keeps the invalid token: never a silent restart")
			assert.Equal(t, 0, s.Requests()-before, "requests")
		})
	}
	t.Run("reordered ProjectNames", func(t *testing.T) {
		params := &customlabels.DescribeProjectsInput{ProjectNames: []string{"project-00001", "project-00002"}}
		p := customlabels.NewDescribeProjectsPaginator(client, params, withLimit(1), withMaxItems(1))
		_, _ = collect(p.All(context.Background()), 0)
		tok := p.ResumeToken()
		require.NotEmpty(t, tok)
		_, err := customlabels.NewDescribeProjectsPaginator(client, &customlabels.DescribeProjectsInput{ProjectNames: []string{"project-00002", "project-00001"}}, withStartingToken(tok)).NextPage(context.Background())
		assert.ErrorIs(t, err, customlabels.ErrInvalidStartingToken)
		// The same query, page size changed, is fine.
		got, errs := collect(customlabels.AllProjects(context.Background(), client, params, withLimit(5), withStartingToken(tok)), 0)
		require.Empty(t, errs)
		assert.Len(t, got, 1)
	})
}

func TestInvalidPaginatorOptions(t *testing.T) {
	s, _ := startList(t, 3)
	for _, tt := range []struct {
		name string
		opt  func(*customlabels.DescribeProjectsPaginatorOptions)
		want string
	}{
		{"negative Limit", withLimit(-1), "Limit: must be 0 to 100, got -1"},
		{"Limit over 100", withLimit(101), "Limit: must be 0 to 100, got 101"},
		{"negative MaxItems", withMaxItems(-5), "MaxItems: must be 0 (no cap) or more, got -5"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := customlabels.NewDescribeProjectsPaginator(s.client(), &customlabels.DescribeProjectsInput{MaxResults: 5}, tt.opt)
			_, err := p.NextPage(context.Background())
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			var ipe *customlabels.InvalidParamError
			require.ErrorAs(t, err, &ipe, "a bad option is an *InvalidParamError like any bad input")
			assert.Equal(t, "DescribeProjectsPaginatorOptions", ipe.Input)
			_, errs := collect(p.All(context.Background()), 0)
			assert.Len(t, errs, 1)
		})
	}
	t.Run("invalid MaxResults is the client's to report", func(t *testing.T) {
		_, err := customlabels.NewDescribeProjectsPaginator(s.client(), &customlabels.DescribeProjectsInput{MaxResults: 500}).NextPage(context.Background())
		var ipe *customlabels.InvalidParamError
		require.ErrorAs(t, err, &ipe)
		assert.Equal(t, "MaxResults", ipe.Field)
	})
	assert.Equal(t, 0, s.Requests())
}

func TestRepeatedNextTokenStops(t *testing.T) {
	want := makeProjects(50)
	// repeating starts a server that answers every token with itself.
	// Past 5 requests it fails, so that a paginator that loops fails this
	// test instead of hanging it.
	repeating := func(t *testing.T) (*listServer, *customlabels.Client) {
		s := newListServer(want)
		t.Cleanup(s.Close)
		s.setFaults(listFaults{repeatTokens: true, fail: func(request int) bool { return request > 5 }})
		return s, s.client()
	}

	t.Run("All", func(t *testing.T) {
		s, client := repeating(t)
		before := s.Requests()
		got, errs := collect(customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(10)).All(context.Background()), 0)
		require.Len(t, errs, 1, "the error is yielded once")
		assert.ErrorIs(t, errs[0], customlabels.ErrRepeatedNextToken)
		assert.Contains(t, errs[0].Error(), `request ID "req-`)
		assert.Equal(t, arns(want[:20]), arns(got), "both pages received are yielded")
		assert.Equal(t, 2, s.Requests()-before, "requests")
	})
	t.Run("NextPage", func(t *testing.T) {
		s, client := repeating(t)
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(10))
		for range 2 {
			out, err := p.NextPage(context.Background())
			require.NoError(t, err)
			assert.Len(t, out.ProjectDescriptions, 10)
		}
		require.True(t, p.HasMorePages(), "HasMorePages() must not stop silently")
		_, err := p.NextPage(context.Background())
		require.ErrorIs(t, err, customlabels.ErrRepeatedNextToken)
		_, err = p.NextPage(context.Background())
		require.ErrorIs(t, err, customlabels.ErrRepeatedNextToken, "NextPage() again")
		assert.Equal(t, 2, s.Requests()-before, "requests")

		// Resuming meets the same repeat again, after the same request count.
		before = s.Requests()
		_, errs := collect(customlabels.AllProjects(context.Background(), client, nil, withStartingToken(p.ResumeToken())), 0)
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], customlabels.ErrRepeatedNextToken)
		assert.Equal(t, 1, s.Requests()-before)
	})
	t.Run("Pages", func(t *testing.T) {
		s, client := repeating(t)
		before := s.Requests()
		var pages int
		var errs []error
		for _, err := range customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(10)).Pages(context.Background()) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			pages++
		}
		assert.Equal(t, 2, pages)
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], customlabels.ErrRepeatedNextToken)
		assert.Equal(t, 2, s.Requests()-before)
	})
}

func TestPageErrorYieldedOnceThenRetried(t *testing.T) {
	s, want := startList(t, 35) // 5 pages of 7
	s.setFaults(listFaults{fail: func(request int) bool { return request == 3 }})
	client := s.client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })

	p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
	got, errs := collect(p.All(context.Background()), 0)
	require.Len(t, errs, 1, "the error is yielded once")
	var ise *customlabels.InternalServerError
	require.ErrorAs(t, errs[0], &ise)
	assert.Equal(t, arns(want[:14]), arns(got))
	assert.Equal(t, 3, s.Requests())
	assert.True(t, p.HasMorePages())

	out, err := p.NextPage(context.Background())
	require.NoError(t, err, "NextPage() retries page 3")
	assert.Equal(t, arns(want[14:21]), arns(out.ProjectDescriptions))
	inputs := s.Inputs()
	assert.Equal(t, *inputs[2].NextToken, *inputs[3].NextToken, "the retry asks for page 3 again")

	rest, errs := collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	all := append(append(got, out.ProjectDescriptions...), rest...)
	assert.Equal(t, arns(want), arns(all), "every project once")
	assert.Equal(t, 6, s.Requests())

	t.Run("Pages", func(t *testing.T) {
		s.requests.Store(0)
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
		var pages int
		var errs []error
		for out, err := range p.Pages(context.Background()) {
			if err != nil {
				assert.Nil(t, out)
				errs = append(errs, err)
				continue
			}
			pages++
		}
		assert.Equal(t, 2, pages)
		require.Len(t, errs, 1)
		assert.ErrorAs(t, errs[0], &ise)
	})
}

func TestCancelledContext(t *testing.T) {
	s, want := startList(t, 30)
	client := s.client()

	t.Run("before ranging", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
		_, err := p.NextPage(ctx)
		assert.ErrorIs(t, err, context.Canceled)
		got, errs := collect(p.All(ctx), 0)
		assert.Empty(t, got)
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], context.Canceled)
		var pageErrs []error
		for _, err := range p.Pages(ctx) {
			pageErrs = append(pageErrs, err)
		}
		require.Len(t, pageErrs, 1)
		assert.ErrorIs(t, pageErrs[0], context.Canceled)
		assert.Equal(t, 0, s.Requests()-before)
	})

	t.Run("in the loop body", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		before := s.Requests()
		p := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(7))
		var got []customlabels.ProjectDescription
		var errs []error
		for proj, err := range p.All(ctx) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			got = append(got, proj)
			if len(got) == 10 {
				cancel()
			}
		}
		require.Len(t, errs, 1, "the context's error is yielded once")
		assert.ErrorIs(t, errs[0], context.Canceled)
		assert.Equal(t, arns(want[:10]), arns(got), "nothing after the cancel")
		assert.Equal(t, 2, s.Requests()-before)
		rest, errs := collect(customlabels.AllProjects(context.Background(), client, nil, withStartingToken(p.ResumeToken())), 0)
		require.Empty(t, errs)
		assert.Equal(t, arns(want[10:]), arns(rest), "ResumeToken() continues after the last project yielded")
	})

	t.Run("during a request", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s.requests.Store(0)
		s.setFaults(listFaults{fail: func(request int) bool {
			if request == 2 {
				cancel()
			}
			return false
		}})
		defer s.setFaults(listFaults{})
		got, errs := collect(customlabels.AllProjects(ctx, client, nil, withLimit(7)), 0)
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], context.Canceled)
		assert.Equal(t, arns(want[:7]), arns(got))
		assert.Equal(t, 2, s.Requests())
	})
}

func TestCancelledContextNoCall(t *testing.T) {
	// The client checks ctx too; a fake client need not: the paginator
	// itself makes no call with a cancelled ctx.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := newPageClient(10)
	_, err := customlabels.NewDescribeProjectsPaginator(c, nil).NextPage(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	_, errs := collect(customlabels.AllProjects(ctx, c, nil), 0)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Equal(t, 0, c.calls)
}

func TestMaxItemsCountsOnlyProjectsYielded(t *testing.T) {
	s, want := startList(t, 40)
	p := customlabels.NewDescribeProjectsPaginator(s.client(), nil, withLimit(7), withMaxItems(25))
	first, errs := collect(p.All(context.Background()), 10)
	require.Empty(t, errs)
	rest, errs := collect(p.All(context.Background()), 0)
	require.Empty(t, errs)
	assert.Equal(t, arns(want[:25]), arns(append(first, rest...)), "MaxItems across a break")
	assert.False(t, p.HasMorePages())
}

func TestEmptyListing(t *testing.T) {
	s, _ := startList(t, 0)
	p := customlabels.NewDescribeProjectsPaginator(s.client(), nil)
	got, errs := collect(p.All(context.Background()), 0)
	assert.Empty(t, got)
	assert.Empty(t, errs)
	assert.Equal(t, 1, s.Requests())
	assert.False(t, p.HasMorePages())
	assert.Empty(t, p.ResumeToken())
}

// pageClient is an in-process DescribeProjectsAPIClient that serves total
// projects in pages, reusing one pre-built page of projects so that what it
// allocates does not depend on the total. Tokens are page numbers.
type pageClient struct {
	total int
	page  []customlabels.ProjectDescription
	// fresh, when set, returns a newly allocated copy of the page on every
	// call, so that the caller alone decides when a page can be collected.
	fresh bool
	calls int
}

func newPageClient(total int) *pageClient {
	return &pageClient{total: total, page: makeProjects(customlabels.DescribeProjectsMaxResults)}
}

func (c *pageClient) DescribeProjects(_ context.Context, in *customlabels.DescribeProjectsInput, _ ...func(*customlabels.Options)) (*customlabels.DescribeProjectsOutput, error) {
	c.calls++
	size := int(in.MaxResults)
	if size == 0 {
		size = customlabels.DescribeProjectsMaxResults
	}
	offset := 0
	if in.NextToken != "" {
		if _, err := fmt.Sscanf(in.NextToken, "offset-%d", &offset); err != nil {
			return nil, &customlabels.InvalidPaginationTokenException{Message: "bad token"}
		}
	}
	end := min(offset+size, c.total)
	out := &customlabels.DescribeProjectsOutput{ProjectDescriptions: c.page[:end-offset]}
	if c.fresh {
		out.ProjectDescriptions = slices.Clone(out.ProjectDescriptions)
	}
	if end < c.total {
		out.NextToken = fmt.Sprintf("offset-%d", end)
	}
	return out, nil
}

// TestAllHoldsOnePageAtATime checks that a page becomes garbage once the
// range has moved past it: iterating any number of projects holds one page.
func TestAllHoldsOnePageAtATime(t *testing.T) {
	c := newPageClient(20 * customlabels.DescribeProjectsMaxResults)
	c.fresh = true
	var pages []weak.Pointer[customlabels.ProjectDescription]
	var seen string
	for p, err := range customlabels.AllProjects(context.Background(), &wrapClient{c, func(out *customlabels.DescribeProjectsOutput) {
		pages = append(pages, weak.Make(&out.ProjectDescriptions[0]))
	}}, nil) {
		require.NoError(t, err)
		if p.ProjectArn != seen && p.ProjectArn == c.page[0].ProjectArn && len(pages) >= 3 {
			// The first project of a new page: every earlier page is garbage.
			runtime.GC()
			for i, wp := range pages[:len(pages)-1] {
				require.Nil(t, wp.Value(), "page %d still reachable while page %d is ranged", i+1, len(pages))
			}
		}
		seen = p.ProjectArn
	}
	assert.Equal(t, 20, c.calls)
}

// wrapClient calls observe with every output of its client.
type wrapClient struct {
	c       customlabels.DescribeProjectsAPIClient
	observe func(*customlabels.DescribeProjectsOutput)
}

func (w *wrapClient) DescribeProjects(ctx context.Context, in *customlabels.DescribeProjectsInput, optFns ...func(*customlabels.Options)) (*customlabels.DescribeProjectsOutput, error) {
	out, err := w.c.DescribeProjects(ctx, in, optFns...)
	if err == nil {
		w.observe(out)
	}
	return out, err
}

func TestFakeClientErrors(t *testing.T) {
	t.Run("nil output", func(t *testing.T) {
		p := customlabels.NewDescribeProjectsPaginator(nilClient{}, nil)
		_, err := p.NextPage(context.Background())
		require.Error(t, err)
		assert.Contains(t, err.Error(), "neither an output nor an error")
	})
	t.Run("client error passed through", func(t *testing.T) {
		_, errs := collect(customlabels.AllProjects(context.Background(), newPageClient(10), &customlabels.DescribeProjectsInput{NextToken: "bogus"}), 0)
		require.Len(t, errs, 1)
		var ipe *customlabels.InvalidPaginationTokenException
		assert.True(t, errors.As(errs[0], &ipe), "errors.As(%v, *InvalidPaginationTokenException)", errs[0])
	})
}

type nilClient struct{}

func (nilClient) DescribeProjects(context.Context, *customlabels.DescribeProjectsInput, ...func(*customlabels.Options)) (*customlabels.DescribeProjectsOutput, error) {
	return nil, nil
}

// BenchmarkAllProjects ranges over every project of an in-process client
// that returns pre-built pages, so it measures the paginator alone. The
// B/project metric stays flat from 10,000 to 100,000 projects: memory
// depends on the page, not on the total.
func BenchmarkAllProjects(b *testing.B) {
	for _, total := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("projects=%d", total), func(b *testing.B) {
			c := newPageClient(total)
			benchmarkAll(b, c, total)
		})
	}
}

// BenchmarkAllProjectsHTTP is the same over real HTTP through the client,
// for scale: requests, signing and decoding included, and also what the
// in-process test server allocates to answer.
func BenchmarkAllProjectsHTTP(b *testing.B) {
	for _, total := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("projects=%d", total), func(b *testing.B) {
			s, _ := startList(b, total)
			benchmarkAll(b, s.client(), total)
		})
	}
}

func benchmarkAll(b *testing.B, c customlabels.DescribeProjectsAPIClient, total int) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		n := 0
		for _, err := range customlabels.AllProjects(context.Background(), c, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != total {
			b.Fatalf("ranged %d projects, want %d", n, total)
		}
	}
	runtime.ReadMemStats(&after)
	projects := float64(b.N) * float64(total)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/projects, "B/project")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/projects, "ns/project")
}
