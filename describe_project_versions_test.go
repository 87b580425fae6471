package customlabels

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testProjectArn = "arn:aws:rekognition:us-east-1:123456789012:project/my-project/1700000000123"
	testVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/my-project/version/v1.2023-01-02/1700000100456"
)

// emptyVersionsPage answers every request with an empty page of versions.
func emptyVersionsPage(w http.ResponseWriter, r *http.Request, n int) {
	writeJSON(w, 200, `{"ProjectVersionDescriptions":[]}`)
}

func TestDescribeProjectVersionsValidation(t *testing.T) {
	names := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf("v%d", i)
		}
		return s
	}
	in := func(f func(*DescribeProjectVersionsInput)) *DescribeProjectVersionsInput {
		v := &DescribeProjectVersionsInput{ProjectArn: testProjectArn}
		f(v)
		return v
	}
	tests := []struct {
		name  string
		input *DescribeProjectVersionsInput
		field string
		rule  string
	}{
		{"nil input", nil, "ProjectArn", "is required"},
		{"ProjectArn missing", &DescribeProjectVersionsInput{MaxResults: 5}, "ProjectArn", "is required"},
		{"ProjectArn 19 characters", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = strings.Repeat("a", 19) }), "ProjectArn", "must be 20 to 2048 characters, got 19"},
		{"ProjectArn 2049 characters", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = strings.Repeat("a", 2049) }), "ProjectArn", "must be 20 to 2048 characters, got 2049"},
		{"ProjectArn 2049 multibyte characters", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = strings.Repeat("é", 2049) }), "ProjectArn", "must be 20 to 2048 characters, got 2049"},
		// The model's lengths count characters, not bytes.
		{"ProjectArn 10 two-byte characters", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = strings.Repeat("é", 10) }), "ProjectArn", "must be 20 to 2048 characters, got 10"},
		{"ProjectArn 1500 two-byte characters", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = strings.Repeat("é", 1500) }), "ProjectArn", "must be a project ARN"},
		{"ProjectArn not an ARN", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = "my-project-is-not-an-arn" }), "ProjectArn", `must be a project ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP), got "my-project-is-not-an-arn"`},
		{"ProjectArn is a version ARN", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = testVersionArn }), "ProjectArn", "must be a project ARN"},
		{"ProjectArn of another service", in(func(i *DescribeProjectVersionsInput) {
			i.ProjectArn = "arn:aws:sagemaker:us-east-1:123456789012:project/my-project/1700000000123"
		}), "ProjectArn", "must be a project ARN"},
		{"ProjectArn 11-digit account", in(func(i *DescribeProjectVersionsInput) {
			i.ProjectArn = "arn:aws:rekognition:us-east-1:12345678901:project/my-project/1700000000123"
		}), "ProjectArn", "must be a project ARN"},
		{"ProjectArn timestamp not digits", in(func(i *DescribeProjectVersionsInput) {
			i.ProjectArn = "arn:aws:rekognition:us-east-1:123456789012:project/my-project/17000x"
		}), "ProjectArn", "must be a project ARN"},
		{"ProjectArn upper-case region", in(func(i *DescribeProjectVersionsInput) {
			i.ProjectArn = "arn:aws:rekognition:US-EAST-1:123456789012:project/my-project/1700000000123"
		}), "ProjectArn", "must be a project ARN"},
		{"ProjectArn name with space", in(func(i *DescribeProjectVersionsInput) {
			i.ProjectArn = "arn:aws:rekognition:us-east-1:123456789012:project/my project/1700000000123"
		}), "ProjectArn", "must be a project ARN"},
		{"ProjectArn trailing newline", in(func(i *DescribeProjectVersionsInput) { i.ProjectArn = testProjectArn + "\n" }), "ProjectArn", "must be a project ARN"},
		{"11 VersionNames", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = names(11) }), "VersionNames", "must have 1 to 10 names, got 11"},
		{"empty version name", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = []string{"v1", ""} }), "VersionNames[1]", "must be 1 to 255 characters, got 0"},
		{"256-character version name", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = []string{strings.Repeat("v", 256)} }), "VersionNames[0]", "must be 1 to 255 characters, got 256"},
		{"version name with slash", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = []string{"v1/x"} }), "VersionNames[0]", `must contain only [a-zA-Z0-9_.-], got "v1/x"`},
		{"version name with space", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = []string{"ok", "my model"} }), "VersionNames[1]", "must contain only [a-zA-Z0-9_.-]"},
		{"version name of 200 two-byte characters", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = []string{strings.Repeat("é", 200)} }), "VersionNames[0]", "must contain only [a-zA-Z0-9_.-]"},
		{"version name unicode", in(func(i *DescribeProjectVersionsInput) { i.VersionNames = []string{"modèle"} }), "VersionNames[0]", "must contain only [a-zA-Z0-9_.-]"},
		{"NextToken 1025 characters", in(func(i *DescribeProjectVersionsInput) { i.NextToken = strings.Repeat("é", 1025) }), "NextToken", "must be at most 1024 characters, got 1025"},
		{"NextToken invalid UTF-8", in(func(i *DescribeProjectVersionsInput) { i.NextToken = "tok\xff" }), "NextToken", "must be valid UTF-8"},
		{"MaxResults 101", in(func(i *DescribeProjectVersionsInput) { i.MaxResults = 101 }), "MaxResults", "must be 1 to 100, got 101"},
		{"MaxResults -1", in(func(i *DescribeProjectVersionsInput) { i.MaxResults = -1 }), "MaxResults", "must be 1 to 100, got -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, emptyVersionsPage)
			out, err := testClient(ts).DescribeProjectVersions(context.Background(), tt.input)
			assert.Nil(t, out, "DescribeProjectVersions(%s) output", tt.name)
			requireInvalidParam(t, err, "DescribeProjectVersions", "DescribeProjectVersionsInput", tt.field, tt.rule)
			assert.Zero(t, ts.count.Load(), "DescribeProjectVersions(%s) sent a request", tt.name)
		})
	}
}

func TestDescribeProjectVersionsValidInputsPass(t *testing.T) {
	ts := newTestServer(t, emptyVersionsPage)
	c := testClient(ts)
	inputs := []DescribeProjectVersionsInput{
		{ProjectArn: testProjectArn},
		{ProjectArn: "arn:aws-us-gov:rekognition:us-gov-west-1:000000000000:project/" + strings.Repeat("N", 255) + "/0"},
		{ProjectArn: testProjectArn, MaxResults: 1},
		{ProjectArn: testProjectArn, MaxResults: 100},
		{ProjectArn: testProjectArn, NextToken: strings.Repeat("é", MaxNextTokenLength)},
		{ProjectArn: testProjectArn, VersionNames: strings.Split("a,b,c,d,e,f,g,h,i,j", ",")},
		{ProjectArn: testProjectArn, VersionNames: []string{strings.Repeat("v", 255), "A-z_0.9"}},
		{ProjectArn: testProjectArn, VersionNames: []string{}},
	}
	for _, in := range inputs {
		_, err := c.DescribeProjectVersions(context.Background(), &in)
		assert.NoError(t, err, "DescribeProjectVersions(%+v)", in)
	}
	reqs := ts.Requests()
	require.Len(t, reqs, len(inputs))
	// An empty VersionNames is unset: left out of the body.
	assert.Equal(t, `{"ProjectArn":"`+testProjectArn+`"}`, string(reqs[len(reqs)-1].Body))
}

func TestDescribeProjectVersionsRequestGolden(t *testing.T) {
	tests := []struct {
		name  string
		input *DescribeProjectVersionsInput
	}{
		{"minimal", &DescribeProjectVersionsInput{ProjectArn: testProjectArn}},
		{"full", &DescribeProjectVersionsInput{
			ProjectArn:   testProjectArn,
			VersionNames: []string{"v1.2023-01-02", "v2_final"},
			NextToken:    "tok/+=\"\u2028",
			MaxResults:   7,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, emptyVersionsPage)
			out, err := testClient(ts).DescribeProjectVersions(context.Background(), tt.input)
			require.NoError(t, err)
			assert.Equal(t, &DescribeProjectVersionsOutput{ProjectVersionDescriptions: []ProjectVersionDescription{}, RequestID: "req-1"}, out)
			reqs := ts.Requests()
			require.Len(t, reqs, 1)
			assert.True(t, reqs[0].SignatureOK, "signature of DescribeProjectVersions(%+v) does not verify", tt.input)
			checkGolden(t, "request_DescribeProjectVersions_"+tt.name+".golden", goldenRequest(reqs[0]))
		})
	}
}

func TestDescribeProjectVersionsInputUnchanged(t *testing.T) {
	ts := newTestServer(t, emptyVersionsPage)
	in := &DescribeProjectVersionsInput{ProjectArn: testProjectArn, VersionNames: []string{"a", "b"}, MaxResults: 3}
	before := fmt.Sprintf("%#v", *in)
	_, err := testClient(ts).DescribeProjectVersions(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, before, fmt.Sprintf("%#v", *in))
}
