package customlabelstest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/rekognition-go/customlabels"
)

func TestStubDiff(t *testing.T) {
	f := func(v float32) *float32 { return &v }
	at := time.Unix(1700000000, 0)
	for _, tc := range []struct {
		name      string
		want, got any
		lines     []string
	}{
		{"equal", &customlabels.DescribeProjectsInput{MaxResults: 1}, &customlabels.DescribeProjectsInput{MaxResults: 1}, nil},
		{"nil and empty lists are equal",
			&customlabels.DescribeProjectsInput{ProjectNames: nil}, &customlabels.DescribeProjectsInput{ProjectNames: []string{}}, nil},
		{"nil and empty maps are equal",
			&customlabels.CreateProjectInput{Tags: map[string]string{}}, &customlabels.CreateProjectInput{}, nil},
		{"scalars", &customlabels.DescribeProjectsInput{MaxResults: 1, NextToken: "a"}, &customlabels.DescribeProjectsInput{MaxResults: 2},
			[]string{"NextToken: -\"a\" +\"\"", "MaxResults: -1 +2"}},
		{"pointers are followed",
			&customlabels.DetectCustomLabelsInput{MinConfidence: f(50)}, &customlabels.DetectCustomLabelsInput{MinConfidence: f(60)},
			[]string{"MinConfidence: -50 +60"}},
		{"a nil pointer",
			&customlabels.DetectCustomLabelsInput{MinConfidence: f(0)}, &customlabels.DetectCustomLabelsInput{},
			[]string{"MinConfidence: -0 +nil"}},
		{"nested and bytes",
			&customlabels.DetectCustomLabelsInput{Image: customlabels.Image{Bytes: []byte("abcd"), S3Object: customlabels.S3Object{Bucket: "b"}}},
			&customlabels.DetectCustomLabelsInput{Image: customlabels.Image{Bytes: []byte("abXd")}},
			[]string{`Image.Bytes (from byte 2): -"abcd" +"abXd"`, `Image.S3Object.Bucket: -"b" +""`}},
		{"lists",
			&customlabels.DescribeProjectsInput{ProjectNames: []string{"a", "b"}}, &customlabels.DescribeProjectsInput{ProjectNames: []string{"a"}},
			[]string{`ProjectNames[1]: -"b"`}},
		{"maps",
			&customlabels.CreateProjectInput{Tags: map[string]string{"a": "1", "b": "2"}},
			&customlabels.CreateProjectInput{Tags: map[string]string{"a": "9", "c": "3"}},
			[]string{`Tags["a"]: -"1" +"9"`, `Tags["b"]: -"2"`, `Tags["c"]: +"3"`}},
		{"times are instants",
			&customlabels.ProjectDescription{CreationTimestamp: at}, &customlabels.ProjectDescription{CreationTimestamp: at.In(time.FixedZone("x", 3600))}, nil},
		{"types", &customlabels.DescribeProjectsInput{}, &customlabels.StopProjectVersionInput{}, []string{"(value): -*customlabels.DescribeProjectsInput{} +*customlabels.StopProjectVersionInput{}"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.lines, diff(tc.want, tc.got))
		})
	}

	var many, other customlabels.DescribeProjectsInput
	for i := range 30 {
		many.ProjectNames = append(many.ProjectNames, strings.Repeat("a", i+1))
	}
	lines := diff(&many, &other)
	assert.Len(t, lines, maxDiffLines+1)
	assert.Equal(t, "... and 10 more differences", lines[maxDiffLines])
}

func TestStubFormatValue(t *testing.T) {
	f := float32(50)
	assert.Equal(t, `{ProjectVersionArn:"arn" Image:{Bytes:"ab"} MinConfidence:50}`,
		formatValue(&customlabels.DetectCustomLabelsInput{ProjectVersionArn: "arn", Image: customlabels.Image{Bytes: []byte("ab")}, MinConfidence: &f}))
	assert.Equal(t, `{Bytes:[40 bytes: "`+strings.Repeat("x", 32)+`"...]}`, formatValue(customlabels.Image{Bytes: []byte(strings.Repeat("x", 40))}))
	assert.Equal(t, `{ProjectNames:["a" "b"]}`, formatValue(&customlabels.DescribeProjectsInput{ProjectNames: []string{"a", "b"}}))
	assert.Equal(t, `{Tags:map["a":"1" "b":"2"]}`, formatValue(&customlabels.CreateProjectInput{Tags: map[string]string{"b": "2", "a": "1"}}))
	assert.Equal(t, "nil", formatValue(nil))
	long := formatValue(&customlabels.DescribeProjectsInput{NextToken: strings.Repeat("t", 300)})
	assert.Equal(t, `{NextToken:"`+strings.Repeat("t", maxShownString)+`"...}`, long)
	var names []string
	for i := range 12 {
		names = append(names, string(rune('a'+i)))
	}
	assert.Equal(t, `{ProjectNames:["a" "b" "c" "d" "e" "f" "g" "h" "i" "j" ... (12 in all)]}`,
		formatValue(&customlabels.DescribeProjectsInput{ProjectNames: names}))
}
