package customlabelstest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// listFixture is a TRAIN dataset of ten entries: classifications,
// detections, unlabeled images and two lines with errors.
func listFixture(t *testing.T) (*datasetFixture, string) {
	t.Helper()
	f := newDatasetFixture(t)
	badBox := `{"source-ref":"s3://bucket/images/dir/err.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],` +
		`"annotations":[{"class_id":0,"top":10,"left":630,"width":50,"height":20}]},` +
		`"bounding-box-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"cat"},"type":"groundtruth/object-detection",` +
		`"human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000"}}`
	text := joinLines(
		classLine(t, "a.jpg", "cat"),
		classLine(t, "dir/b.jpg", "dog"),
		boxLine(t, "c.jpg", "cat", "bird"),
		unlabeledLine("d.jpg"),
		classLine(t, "dir/e.jpg", "cat", "dog"),
		boxLine(t, "f.jpg", "bird"),
		unlabeledLine("dir/g.jpg"),
		badBox,
		classLine(t, "h.jpg", "fish"),
		classLine(t, "i.jpg", "dog"),
	)
	return f, f.createDone(t, customlabels.DatasetTypeTrain, text)
}

// Every filter of ListDatasetEntries, alone and together.
func TestListDatasetEntriesFilters(t *testing.T) {
	f, arn := listFixture(t)
	tests := []struct {
		name string
		in   customlabels.ListDatasetEntriesInput
		want []string
	}{
		{"all", customlabels.ListDatasetEntriesInput{}, []string{"a.jpg", "dir/b.jpg", "c.jpg", "d.jpg", "dir/e.jpg", "f.jpg", "dir/g.jpg", "dir/err.jpg", "h.jpg", "i.jpg"}},
		{"contains a label", customlabels.ListDatasetEntriesInput{ContainsLabels: []string{"bird"}}, []string{"c.jpg", "f.jpg"}},
		{"contains any label", customlabels.ListDatasetEntriesInput{ContainsLabels: []string{"fish", "dog"}}, []string{"dir/b.jpg", "dir/e.jpg", "h.jpg", "i.jpg"}},
		{"contains no such label", customlabels.ListDatasetEntriesInput{ContainsLabels: []string{"Cat"}}, []string{}},
		{"labeled", customlabels.ListDatasetEntriesInput{Labeled: ptr(true)}, []string{"a.jpg", "dir/b.jpg", "c.jpg", "dir/e.jpg", "f.jpg", "dir/err.jpg", "h.jpg", "i.jpg"}},
		{"not labeled", customlabels.ListDatasetEntriesInput{Labeled: ptr(false)}, []string{"d.jpg", "dir/g.jpg"}},
		{"source-ref contains", customlabels.ListDatasetEntriesInput{SourceRefContains: "/dir/"}, []string{"dir/b.jpg", "dir/e.jpg", "dir/g.jpg", "dir/err.jpg"}},
		{"source-ref contains, case-sensitive", customlabels.ListDatasetEntriesInput{SourceRefContains: "/DIR/"}, []string{}},
		{"has errors", customlabels.ListDatasetEntriesInput{HasErrors: ptr(true)}, []string{"dir/err.jpg"}},
		{"all filters", customlabels.ListDatasetEntriesInput{ContainsLabels: []string{"dog", "cat"}, Labeled: ptr(true), SourceRefContains: "dir/", HasErrors: ptr(false)},
			[]string{"dir/b.jpg", "dir/e.jpg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.DatasetArn = arn
			got := refs(t, f.entries(t, &in))
			assert.Equal(t, tt.want, got)
			// Page by page, two at a time, the same entries.
			in.MaxResults = 2
			assert.Equal(t, tt.want, refs(t, f.entries(t, &in)), "pages of 2")
		})
	}
}

// NextToken: pages of MaxResults, the default 100, the token bound to the
// dataset and the filters (not to the page size), entries added during a
// listing neither skipped nor repeated.
func TestListDatasetEntriesPagination(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	arn := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(classLines(t, 250, "cat", "dog", "bird")...))
	out, err := f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	require.NoError(t, err)
	assert.Len(t, out.DatasetEntries, 100, "the default page size")
	require.NotEmpty(t, out.NextToken)
	assert.LessOrEqual(t, len(out.NextToken), customlabels.MaxNextTokenLength)

	page2, err := f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, NextToken: out.NextToken, MaxResults: 7})
	require.NoError(t, err)
	assert.Equal(t, []string{"img100.jpg", "img101.jpg", "img102.jpg", "img103.jpg", "img104.jpg", "img105.jpg", "img106.jpg"}, refs(t, page2.DatasetEntries))
	again, err := f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, NextToken: out.NextToken, MaxResults: 7})
	require.NoError(t, err)
	assert.Equal(t, page2.DatasetEntries, again.DatasetEntries, "a token may be replayed")
	assert.Equal(t, page2.NextToken, again.NextToken)

	for name, in := range map[string]customlabels.ListDatasetEntriesInput{
		"another filter":    {DatasetArn: arn, NextToken: out.NextToken, Labeled: ptr(true)},
		"another labels":    {DatasetArn: arn, NextToken: out.NextToken, ContainsLabels: []string{"cat"}},
		"HasErrors false":   {DatasetArn: arn, NextToken: out.NextToken, HasErrors: ptr(false)},
		"another dataset":   {DatasetArn: strings.Replace(arn, "/train/", "/test/", 1), NextToken: out.NextToken},
		"garbage":           {DatasetArn: arn, NextToken: "AAAA" + out.NextToken[4:]},
		"not base64":        {DatasetArn: arn, NextToken: "!!"},
		"a projects' token": {DatasetArn: arn, NextToken: projectsToken(t, f)},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.c.ListDatasetEntries(ctx, &in)
			assertCode(t, err, "InvalidPaginationTokenException")
		})
	}

	// Entries added while a listing is under way come at its end, once.
	first, err := f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, MaxResults: 40, ContainsLabels: []string{"cat"}})
	require.NoError(t, err)
	_, err = f.c.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(joinLines(classLine(t, "img0.jpg", "cat", "dog"), classLine(t, "new.jpg", "cat")))}})
	require.NoError(t, err)
	f.srv.Advance(datasetTime)
	rest := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, NextToken: first.NextToken, ContainsLabels: []string{"cat"}})
	all := append(refs(t, first.DatasetEntries), refs(t, rest)...)
	assert.Len(t, all, 84+1)
	assert.Equal(t, "img0.jpg", all[0])
	assert.Equal(t, "new.jpg", all[len(all)-1])
}

// projectsToken is a NextToken of DescribeProjects, which no dataset
// listing takes.
func projectsToken(t *testing.T, f *datasetFixture) string {
	t.Helper()
	f.srv.AddProjects(testProject("a"), testProject("b"))
	out, err := f.c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 1})
	require.NoError(t, err)
	require.NotEmpty(t, out.NextToken)
	return out.NextToken
}

// ListDatasetLabels: each label with the images that use it and those
// that have it on a bounding box, by name, paginated.
func TestListDatasetLabels(t *testing.T) {
	f, arn := listFixture(t)
	ctx := context.Background()
	var got []customlabels.DatasetLabelDescription
	for l, err := range customlabels.AllDatasetLabels(ctx, f.c, &customlabels.ListDatasetLabelsInput{DatasetArn: arn, MaxResults: 2}) {
		require.NoError(t, err)
		got = append(got, l)
	}
	stat := func(name string, entries, boxes int32) customlabels.DatasetLabelDescription {
		return customlabels.DatasetLabelDescription{LabelName: name, LabelStats: customlabels.DatasetLabelStats{EntryCount: entries, BoundingBoxCount: boxes}}
	}
	assert.Equal(t, []customlabels.DatasetLabelDescription{
		stat("bird", 2, 2), stat("cat", 4, 2), stat("dog", 3, 0), stat("fish", 1, 0),
	}, got)
	assert.Equal(t, int32(4), f.describe(t, arn).DatasetStats.TotalLabels)

	out, err := f.c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: arn, MaxResults: 3})
	require.NoError(t, err)
	require.NotEmpty(t, out.NextToken)
	_, err = f.c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: strings.Replace(arn, "/train/", "/test/", 1), NextToken: out.NextToken})
	assertCode(t, err, "InvalidPaginationTokenException")
	_, err = f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, NextToken: out.NextToken})
	assertCode(t, err, "InvalidPaginationTokenException")
	last, err := f.c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: arn, NextToken: out.NextToken})
	require.NoError(t, err)
	assert.Equal(t, []customlabels.DatasetLabelDescription{stat("fish", 1, 0)}, last.DatasetLabelDescriptions)
	assert.Empty(t, last.NextToken)

	// An empty dataset has no labels; an unknown one is not found.
	empty := f.createDone(t, customlabels.DatasetTypeTest, "")
	out, err = f.c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: empty})
	require.NoError(t, err)
	assert.Empty(t, out.DatasetLabelDescriptions)
	_, err = f.c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: empty + "9"})
	assertCode(t, err, "ResourceNotFoundException")
	_, err = f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: empty + "9"})
	assertCode(t, err, "ResourceNotFoundException")
}
