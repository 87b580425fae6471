package customlabelstest_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/manifest"
)

// datasetTime is how long a dataset operation takes in the fixtures.
const datasetTime = time.Minute

// datasetFixture is a server with one Custom Labels project, on a frozen
// clock, and a client that tries once.
type datasetFixture struct {
	srv     *customlabelstest.Server
	c       *customlabels.Client
	project customlabels.ProjectDescription
}

func newDatasetFixture(t *testing.T, opts ...customlabelstest.Option) *datasetFixture {
	t.Helper()
	p := testProject("shelf")
	opts = append([]customlabelstest.Option{frozen(), customlabelstest.WithProjects(p),
		customlabelstest.WithDatasetTime(datasetTime), customlabelstest.WithDeletingTime(10 * time.Second)}, opts...)
	srv := newServer(t, opts...)
	return &datasetFixture{srv: srv, c: srv.Client(noRetry), project: p}
}

// classLine is the manifest line of an image ref with image-level labels.
func classLine(t *testing.T, ref string, labels ...string) string {
	t.Helper()
	l, err := manifest.NewClassification("s3://bucket/images/"+ref, labels, manifest.Labeling{CreationDate: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	require.NoError(t, err)
	b, err := l.MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// boxLine is the manifest line of an image ref of 640 by 480 pixels with
// one bounding box per label.
func boxLine(t *testing.T, ref string, labels ...string) string {
	t.Helper()
	var boxes []manifest.Box
	for i, name := range labels {
		boxes = append(boxes, manifest.Box{Label: name, Left: float64(10 + 20*i), Top: 10, Width: 15, Height: 15})
	}
	l, err := manifest.NewDetection("s3://bucket/images/"+ref, manifest.ImageSize{Width: 640, Height: 480, Depth: 3}, boxes,
		manifest.Labeling{CreationDate: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	require.NoError(t, err)
	b, err := l.MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// unlabeledLine is the line of an image that has no label.
func unlabeledLine(ref string) string {
	return `{"source-ref":"s3://bucket/images/` + ref + `"}`
}

// classLines returns n classification lines img0.jpg, img1.jpg, ...,
// labelled in turn with each of labels.
func classLines(t *testing.T, n int, labels ...string) []string {
	t.Helper()
	out := make([]string, n)
	for i := range out {
		out[i] = classLine(t, fmt.Sprintf("img%d.jpg", i), labels[i%len(labels)])
	}
	return out
}

func joinLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// putManifest stores a manifest in the server's S3 and returns the
// source that names it.
func (f *datasetFixture) putManifest(name, text string) customlabels.DatasetSource {
	f.srv.PutS3Object("bucket", name, "", []byte(text))
	return customlabels.DatasetSource{GroundTruthManifest: customlabels.GroundTruthManifest{
		S3Object: customlabels.S3Object{Bucket: "bucket", Name: name}}}
}

// create creates a dataset of the project and returns its ARN.
func (f *datasetFixture) create(t *testing.T, typ customlabels.DatasetType, src customlabels.DatasetSource) string {
	t.Helper()
	out, err := f.c.CreateDataset(context.Background(), &customlabels.CreateDatasetInput{ProjectArn: f.project.ProjectArn, DatasetType: typ, DatasetSource: src})
	require.NoError(t, err)
	return out.DatasetArn
}

// createDone creates a dataset and lets its creation end.
func (f *datasetFixture) createDone(t *testing.T, typ customlabels.DatasetType, manifestText string) string {
	t.Helper()
	var src customlabels.DatasetSource
	if manifestText != "" {
		src = f.putManifest(strings.ToLower(string(typ))+".manifest", manifestText)
	}
	arn := f.create(t, typ, src)
	f.srv.Advance(datasetTime)
	return arn
}

func (f *datasetFixture) describe(t *testing.T, arn string) customlabels.DatasetDescription {
	t.Helper()
	out, err := f.c.DescribeDataset(context.Background(), &customlabels.DescribeDatasetInput{DatasetArn: arn})
	require.NoError(t, err, "DescribeDataset(%s)", arn)
	return out.DatasetDescription
}

// entries lists every entry in, through the iterator.
func (f *datasetFixture) entries(t *testing.T, in *customlabels.ListDatasetEntriesInput) []string {
	t.Helper()
	var out []string
	for e, err := range customlabels.AllDatasetEntries(context.Background(), f.c, in) {
		require.NoError(t, err)
		out = append(out, e)
	}
	return out
}

// lines parses entries.
func lines(t *testing.T, entries []string) []manifest.Line {
	t.Helper()
	out := (&customlabels.ListDatasetEntriesOutput{DatasetEntries: entries})
	ls, err := out.Lines()
	require.NoError(t, err)
	return ls
}

// refs returns the source-refs of entries, without their common prefix.
func refs(t *testing.T, entries []string) []string {
	t.Helper()
	out := []string{}
	for _, l := range lines(t, entries) {
		out = append(out, strings.TrimPrefix(l.SourceRef, "s3://bucket/images/"))
	}
	return out
}

// projectDatasets returns the datasets DescribeProjects lists for the
// fixture's project.
func (f *datasetFixture) projectDatasets(t *testing.T) []customlabels.DatasetMetadata {
	t.Helper()
	out, err := f.c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{ProjectNames: []string{"shelf"}})
	require.NoError(t, err)
	require.Len(t, out.ProjectDescriptions, 1)
	return out.ProjectDescriptions[0].Datasets
}

func itoa(i int) string { return strconv.Itoa(i) }
