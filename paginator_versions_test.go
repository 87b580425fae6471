package customlabels_test

import (
	"context"
	"errors"
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

const (
	manyProject = "arn:aws:rekognition:us-east-1:123456789012:project/many/1600000000000"
	otherProj   = "arn:aws:rekognition:us-east-1:123456789012:project/other/1600000000001"
)

// newVersionsServer starts a fake whose project manyProject has n
// stopped versions, and otherProj one; it returns the versions of
// manyProject in listing order (latest first).
func newVersionsServer(t *testing.T, n int) (*customlabelstest.Server, []string) {
	t.Helper()
	created := time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)
	vs := make([]customlabels.ProjectVersionDescription, n, n+1)
	for i := range vs {
		at := created.Add(time.Duration(i) * time.Minute)
		vs[i] = customlabels.ProjectVersionDescription{
			ProjectVersionArn: fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/many/version/v%04d/%d", i, at.UnixMilli()),
			CreationTimestamp: at,
			Status:            customlabels.ProjectVersionStatusStopped,
		}
	}
	vs = append(vs, customlabels.ProjectVersionDescription{
		ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/other/version/v0000/1600000000002",
		Status:            customlabels.ProjectVersionStatusStopped,
	})
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(
			customlabels.ProjectDescription{ProjectArn: manyProject, Status: customlabels.ProjectStatusCreated, Feature: customlabels.CustomizationFeatureCustomLabels},
			customlabels.ProjectDescription{ProjectArn: otherProj, Status: customlabels.ProjectStatusCreated, Feature: customlabels.CustomizationFeatureCustomLabels},
		),
		customlabelstest.WithProjectVersions(vs...),
	)
	t.Cleanup(srv.Close)
	want := make([]string, n)
	for i := range want {
		want[i] = vs[n-1-i].ProjectVersionArn // latest first
	}
	return srv, want
}

// collectVersions ranges over seq, stopping after max items when max > 0,
// and returns the version ARNs and every error yielded.
func collectVersions(seq func(func(customlabels.ProjectVersionDescription, error) bool), max int) (got []string, errs []error) {
	for v, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue // a correct iterator never yields after an error
		}
		got = append(got, v.ProjectVersionArn)
		if max > 0 && len(got) == max {
			break
		}
	}
	return got, errs
}

// versionRequests counts the DescribeProjectVersions requests srv received.
func versionRequests(srv *customlabelstest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Target == "RekognitionService.DescribeProjectVersions" {
			n++
		}
	}
	return n
}

func TestVersionsPaginatorListsEveryVersionOnceInOrder(t *testing.T) {
	const n = 300
	srv, want := newVersionsServer(t, n)
	client := fastClient(srv)
	for _, size := range []int32{1, 7, 100} {
		t.Run(fmt.Sprintf("page size %d", size), func(t *testing.T) {
			srv.ResetRequests()
			p := customlabels.NewDescribeProjectVersionsPaginator(client, &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject}, withLimit(size))
			got, errs := collectVersions(p.All(context.Background()), 0)
			require.Empty(t, errs)
			require.Equal(t, want, got, "All() versions, in order, each once")
			assert.Equal(t, ceilDiv(n, int(size)), versionRequests(srv), "requests")
			assert.False(t, p.HasMorePages())
			assert.Empty(t, p.ResumeToken(), "ResumeToken() after the end")
		})
	}
	t.Run("AllProjectVersions ranged twice", func(t *testing.T) {
		seq := customlabels.AllProjectVersions(context.Background(), client, &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, MaxResults: 100})
		for range 2 {
			got, errs := collectVersions(seq, 0)
			require.Empty(t, errs)
			require.Equal(t, want, got)
		}
	})
	t.Run("VersionNames filter across pages", func(t *testing.T) {
		names := []string{"v0299", "v0150", "v0001"}
		p := customlabels.NewDescribeProjectVersionsPaginator(client, &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, VersionNames: names}, withLimit(1))
		got, errs := collectVersions(p.All(context.Background()), 0)
		require.Empty(t, errs)
		require.Equal(t, []string{want[0], want[149], want[298]}, got)
	})
}

func TestVersionsPaginatorBreakAndResume(t *testing.T) {
	srv, want := newVersionsServer(t, 50)
	client := fastClient(srv)
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, VersionNames: nil}
	p := customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(7))
	srv.ResetRequests()
	first, errs := collectVersions(p.All(context.Background()), 10)
	require.Empty(t, errs)
	require.Equal(t, want[:10], first)
	assert.Equal(t, 2, versionRequests(srv), "a break makes no further request")
	tok := p.ResumeToken()
	require.NotEmpty(t, tok)

	rest, errs := collectVersions(customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(7), withStartingToken(tok)).All(context.Background()), 0)
	require.Empty(t, errs)
	require.Equal(t, want[10:], rest, "resumed right after the last version returned")

	// The page size may change between the break and the resume.
	rest, errs = collectVersions(customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(3), withStartingToken(tok)).All(context.Background()), 0)
	require.Empty(t, errs)
	require.Equal(t, want[10:], rest)
}

func TestVersionsPaginatorMaxItemsMidPage(t *testing.T) {
	srv, want := newVersionsServer(t, 40)
	client := fastClient(srv)
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject}
	p := customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(7), withMaxItems(10))
	var got []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		for _, v := range out.ProjectVersionDescriptions {
			got = append(got, v.ProjectVersionArn)
		}
	}
	require.Equal(t, want[:10], got, "MaxItems cuts the second page after 3 of its 7")
	tok := p.ResumeToken()
	require.NotEmpty(t, tok)
	next, errs := collectVersions(customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(7), withMaxItems(10), withStartingToken(tok)).All(context.Background()), 0)
	require.Empty(t, errs)
	require.Equal(t, want[10:20], next)
}

func TestVersionsPaginatorRepeatedToken(t *testing.T) {
	srv, _ := newVersionsServer(t, 1)
	client := fastClient(srv)
	page := func(token string) customlabelstest.Fault {
		return customlabelstest.RawResponse(200, http.Header{"Content-Type": {"application/x-amz-json-1.1"}, "X-Amzn-Requestid": {"req-repeat"}},
			[]byte(`{"ProjectVersionDescriptions":[{"ProjectVersionArn":"`+token+`"}],"NextToken":"same-token"}`))
	}
	srv.InjectFault(page("first"))
	srv.InjectFault(page("second"))
	srv.InjectFault(page("never"))
	got, errs := collectVersions(customlabels.AllProjectVersions(context.Background(), client, &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject}), 0)
	assert.Equal(t, []string{"first", "second"}, got, "the page that repeats the token is still returned")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], customlabels.ErrRepeatedNextToken)
	assert.Contains(t, errs[0].Error(), "DescribeProjectVersions")
	assert.Contains(t, errs[0].Error(), "req-repeat")
	assert.Equal(t, 1, srv.PendingFaults(), "stopped instead of requesting the same page again")
}

func TestVersionsPaginatorInvalidStartingToken(t *testing.T) {
	srv, _ := newVersionsServer(t, 20)
	client := fastClient(srv)
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, VersionNames: []string{"v0001", "v0002", "v0003"}}
	p := customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(1))
	_, err := p.NextPage(context.Background())
	require.NoError(t, err)
	tok := p.ResumeToken()
	require.NotEmpty(t, tok)

	projectsPaginator := customlabels.NewDescribeProjectsPaginator(client, nil, withLimit(1))
	_, err = projectsPaginator.NextPage(context.Background())
	require.NoError(t, err)
	projectsToken := projectsPaginator.ResumeToken()

	tampered := []byte(tok)
	tampered[len(tampered)/2] ^= 1
	tests := []struct {
		name  string
		input *customlabels.DescribeProjectVersionsInput
		token string
	}{
		{"tampered", in, string(tampered)},
		{"cut short", in, tok[:len(tok)-2]},
		{"garbage", in, "not a token!"},
		{"other ProjectArn", &customlabels.DescribeProjectVersionsInput{ProjectArn: otherProj, VersionNames: in.VersionNames}, tok},
		{"other VersionNames", &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, VersionNames: []string{"v0001", "v0002"}}, tok},
		{"VersionNames reordered", &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, VersionNames: []string{"v0002", "v0001", "v0003"}}, tok},
		{"no VersionNames", &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject}, tok},
		{"a DescribeProjects token", &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject}, projectsToken},
		{"with NextToken too", &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject, VersionNames: in.VersionNames, NextToken: "t"}, tok},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.ResetRequests()
			p := customlabels.NewDescribeProjectVersionsPaginator(client, tt.input, withStartingToken(tt.token))
			require.True(t, p.HasMorePages())
			out, err := p.NextPage(context.Background())
			assert.Nil(t, out)
			assert.ErrorIs(t, err, customlabels.ErrInvalidStartingToken)
			if tt.token != "" {
				assert.NotContains(t, err.Error(), tt.token, "the error echoes the token")
			}
			got, errs := collectVersions(customlabels.AllProjectVersions(context.Background(), client, tt.input, withStartingToken(tt.token)), 0)
			assert.Empty(t, got)
			require.Len(t, errs, 1)
			assert.ErrorIs(t, errs[0], customlabels.ErrInvalidStartingToken)
			assert.Empty(t, srv.Requests(), "an invalid StartingToken sends nothing")
		})
	}
}

func TestVersionsPaginatorCancellation(t *testing.T) {
	srv, want := newVersionsServer(t, 30)
	client := fastClient(srv)
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: manyProject}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := customlabels.NewDescribeProjectVersionsPaginator(client, in, withLimit(7))
	var got []string
	var errs []error
	for v, err := range p.All(ctx) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, v.ProjectVersionArn)
		if len(got) == 9 {
			cancel()
		}
	}
	require.Equal(t, want[:9], got, "nothing is yielded after the cancellation")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)

	srv.ResetRequests()
	_, err := p.NextPage(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, versionRequests(srv), "a cancelled context sends nothing")

	// The paginator goes on after the last version yielded.
	rest, errs := collectVersions(p.All(context.Background()), 0)
	require.Empty(t, errs)
	require.Equal(t, want[9:], rest)

	_, err = customlabels.NewDescribeProjectVersionsPaginator(client, in).NextPage(ctx)
	assert.True(t, errors.Is(err, context.Canceled) && !strings.Contains(err.Error(), "StatusCode"), "NextPage(cancelled) = %v", err)
}
