package customlabels

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// arnCases are strings near the edges of the model's ARN patterns.
var arnCases = []string{
	testProjectArn,
	testVersionArn,
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1",
	"arn:aws-cn:rekognition:cn-north-1:123456789012:project/p/1",
	"arn:aws-us-gov:rekognition:us-gov-west-1:123456789012:project/A-z_0.9/version/A-z_0.9/0",
	"arn:aws-iso-b:rekognition:us-isob-east-1:000000000000:project/p/00000000000000000000000000",
	"arn:a:rekognition:b:123456789012:project/p/1",
	"arn:1-2:rekognition:3-4:123456789012:project/p/1",
	"arn:-:rekognition:-:123456789012:project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/version/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/version/version/version/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/" + strings.Repeat("n", 255) + "/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/" + strings.Repeat("n", 256) + "/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version/" + strings.Repeat("v", 255) + "/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version/" + strings.Repeat("v", 256) + "/1",
	"arn:aws:rekognition:us-east-1:123456789012:project//1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version//1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/",
	"arn:aws:rekognition:us-east-1:123456789012:project/p",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1/",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1/",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1/extra",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/versions/v/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/-1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/+1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1.5",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1e3",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/１２",
	"arn:aws:rekognition:us-east-1:１２３４５６７８９０１２:project/p/1",
	"arn:aws:rekognition:us-east-1:12345678901:project/p/1",
	"arn:aws:rekognition:us-east-1:1234567890123:project/p/1",
	"arn:aws:rekognition:us-east-1:12345678901a:project/p/1",
	"arn:aws:rekognition::123456789012:project/p/1",
	"arn::rekognition:us-east-1:123456789012:project/p/1",
	"arn:AWS:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:rekognition:US-EAST-1:123456789012:project/p/1",
	"arn:aws_x:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:Rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:sagemaker:us-east-1:123456789012:project/p/1",
	"ARN:aws:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:Project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:projects/p/1",
	"arn:aws:rekognition:us-east-1:123456789012/project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/a:b/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/a b/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/a%2Fb/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/é/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/\u212a/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1\n",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1\x00",
	"arn:aws:rekognition:us-east-1:123456789012:project/p\x00/1",
	" arn:aws:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1 ",
	"\narn:aws:rekognition:us-east-1:123456789012:project/p/1",
	"xarn:aws:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1arn:aws:rekognition:us-east-1:123456789012:project/p/1",
	"arn:aws:rekognition:us-east-1:123456789012:project/p/1\xff",
	"arn:aws:rekognition:us-east-1:123456789012:",
	"arn:aws:rekognition:us-east-1:123456789012",
	"arn:aws:rekognition",
	"arn:",
	"",
}

// TestParseARNMatchesModelPatterns checks that ParseARN accepts exactly
// the strings that the model's ProjectArn or ProjectVersionArn pattern
// matches (lengths aside, which ParseARN leaves to validation), that it
// tells the two apart, and that String gives the ARN back.
func TestParseARNMatchesModelPatterns(t *testing.T) {
	m := readModel(t)
	projectRE, versionRE := m.pattern(t, "ProjectArn"), m.pattern(t, "ProjectVersionArn")
	accepted := 0
	for _, s := range arnCases {
		a, err := ParseARN(s)
		isProject, isVersion := projectRE.MatchString(s), versionRE.MatchString(s)
		require.False(t, isProject && isVersion, "both patterns match %q", s)
		if !isProject && !isVersion {
			assert.ErrorIs(t, err, errNotARN, "ParseARN(%q) = %+v, but neither model pattern matches", s, a)
			assert.Zero(t, a, "ParseARN(%q) returned parts with its error", s)
			continue
		}
		accepted++
		if !assert.NoError(t, err, "ParseARN(%q): the model's %s pattern matches", s, map[bool]string{true: "ProjectArn", false: "ProjectVersionArn"}[isProject]) {
			continue
		}
		assert.Equal(t, isVersion, a.VersionName != "", "ParseARN(%q).VersionName = %q", s, a.VersionName)
		assert.Equal(t, s, a.String(), "ParseARN(%q).String()", s)
	}
	assert.Equal(t, 14, accepted, "accepted cases: the table lost its valid ARNs")
}

// FuzzParseARN holds ParseARN to the model's patterns on any string.
func FuzzParseARN(f *testing.F) {
	for _, s := range arnCases {
		f.Add(s)
	}
	m := readModel(f)
	projectRE, versionRE := m.pattern(f, "ProjectArn"), m.pattern(f, "ProjectVersionArn")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseARN(s)
		isProject, isVersion := projectRE.MatchString(s), versionRE.MatchString(s)
		if (err == nil) != (isProject || isVersion) {
			t.Fatalf("ParseARN(%q) = %+v, %v; the model's patterns: project %v, version %v", s, a, err, isProject, isVersion)
		}
		if err == nil && (isVersion != (a.VersionName != "") || a.String() != s) {
			t.Fatalf("ParseARN(%q) = %+v, String() %q", s, a, a.String())
		}
	})
}

func TestParseARNParts(t *testing.T) {
	tests := []struct {
		in   string
		want ARN
	}{
		{testProjectArn, ARN{Partition: "aws", Region: "us-east-1", AccountID: "123456789012", ProjectName: "my-project", Timestamp: "1700000000123"}},
		{testVersionArn, ARN{Partition: "aws", Region: "us-east-1", AccountID: "123456789012", ProjectName: "my-project", VersionName: "v1.2023-01-02", Timestamp: "1700000100456"}},
		{"arn:aws-cn:rekognition:cn-northwest-1:000000000001:project/version/version/version/0",
			ARN{Partition: "aws-cn", Region: "cn-northwest-1", AccountID: "000000000001", ProjectName: "version", VersionName: "version", Timestamp: "0"}},
	}
	for _, tt := range tests {
		got, err := ParseARN(tt.in)
		require.NoError(t, err, "ParseARN(%q)", tt.in)
		assert.Equal(t, tt.want, got, "ParseARN(%q)", tt.in)
	}
}

func TestARNNameMethods(t *testing.T) {
	tests := []struct {
		arn                     string
		project, versionProject string
		version                 string
	}{
		{testProjectArn, "my-project", "", ""},
		{testVersionArn, "", "my-project", "v1.2023-01-02"},
		{"my-project", "", "", ""},
		{"", "", "", ""},
		{"arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1", "", "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.project, ProjectDescription{ProjectArn: tt.arn}.Name(), "ProjectDescription{ProjectArn: %q}.Name()", tt.arn)
		v := ProjectVersionDescription{ProjectVersionArn: tt.arn}
		assert.Equal(t, tt.versionProject, v.ProjectName(), "ProjectVersionDescription{ProjectVersionArn: %q}.ProjectName()", tt.arn)
		assert.Equal(t, tt.version, v.VersionName(), "ProjectVersionDescription{ProjectVersionArn: %q}.VersionName()", tt.arn)
	}
}
