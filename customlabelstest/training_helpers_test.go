package customlabelstest_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// The data of the training tests: images in bucket "images", manifests
// in bucket "manifests", results in bucket "results".
const (
	imagesBucket    = "images"
	manifestsBucket = "manifests"
	resultsBucket   = "results"
	trainingTime    = time.Hour
)

// trainingServer is a server whose projects are CREATED at once and whose
// trainings take trainingTime on a frozen clock, with the buckets of the
// tests.
func trainingServer(t *testing.T, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	srv := newServer(t, append([]customlabelstest.Option{frozen(), customlabelstest.WithProjectTime(0),
		customlabelstest.WithTrainingTime(trainingTime), customlabelstest.WithStartingTime(0), customlabelstest.WithStoppingTime(0),
		customlabelstest.WithCopyTime(time.Minute), customlabelstest.WithDeletingTime(time.Minute)}, opts...)...)
	// A bucket is made by its first object: keep one in the results
	// bucket so that it exists.
	srv.PutS3Object(resultsBucket, "README", "", []byte("results"))
	return srv
}

// image returns the bytes of image n: a JPEG header and n, different for
// each n.
func image(n int) []byte {
	return append([]byte{0xff, 0xd8, 0xff, 0xe0}, fmt.Sprintf("image %d", n)...)
}

// imageRef is the source-ref of image n.
func imageRef(n int) string { return fmt.Sprintf("s3://%s/img/%03d.jpg", imagesBucket, n) }

// putImages puts images from..to-1 in the server's S3.
func putImages(srv *customlabelstest.Server, from, to int) {
	for n := from; n < to; n++ {
		srv.PutS3Object(imagesBucket, fmt.Sprintf("img/%03d.jpg", n), "", image(n))
	}
}

// classified returns a classification manifest: image n has label
// labels[n%len(labels)], for n in from..to-1.
func classified(t *testing.T, from, to int, labels ...string) []manifest.Line {
	t.Helper()
	var out []manifest.Line
	for n := from; n < to; n++ {
		l, err := manifest.NewClassification(imageRef(n), []string{labels[n%len(labels)]},
			manifest.Labeling{CreationDate: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		require.NoError(t, err)
		out = append(out, l)
	}
	return out
}

// detected returns a detection manifest: image n, 640 by 480, has one box
// of label labels[n%len(labels)] at (64, 48), 320 by 240.
func detected(t *testing.T, from, to int, labels ...string) []manifest.Line {
	t.Helper()
	var out []manifest.Line
	for n := from; n < to; n++ {
		l, err := manifest.NewDetection(imageRef(n), manifest.ImageSize{Width: 640, Height: 480, Depth: 3},
			[]manifest.Box{{Label: labels[n%len(labels)], Left: 64, Top: 48, Width: 320, Height: 240}},
			manifest.Labeling{CreationDate: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		require.NoError(t, err)
		out = append(out, l)
	}
	return out
}

// manifestBytes writes lines as a manifest.
func manifestBytes(t *testing.T, lines []manifest.Line) []byte {
	t.Helper()
	var b bytes.Buffer
	w := manifest.NewWriter(&b)
	for _, l := range lines {
		require.NoError(t, w.Write(l))
	}
	require.NoError(t, w.Flush())
	return b.Bytes()
}

// putManifest puts data in the manifests bucket under key and returns its
// asset.
func putManifest(srv *customlabelstest.Server, key string, data []byte) customlabels.Asset {
	srv.PutS3Object(manifestsBucket, key, "", data)
	return asset(manifestsBucket, key)
}

func asset(bucket, key string) customlabels.Asset {
	return customlabels.Asset{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: bucket, Name: key}}}
}

// newProject creates a Custom Labels project named name.
func newProject(t *testing.T, c *customlabels.Client, name string) string {
	t.Helper()
	out, err := c.CreateProject(context.Background(), &customlabels.CreateProjectInput{ProjectName: name})
	require.NoError(t, err)
	return out.ProjectArn
}

// trainingInput trains version of project from the train and test
// assets, writing to the results bucket under prefix "out".
func trainingInput(project, version string, train, test customlabels.Asset) *customlabels.CreateProjectVersionInput {
	return &customlabels.CreateProjectVersionInput{
		ProjectArn: project, VersionName: version,
		OutputConfig: customlabels.OutputConfig{S3Bucket: resultsBucket, S3KeyPrefix: "out"},
		TrainingData: customlabels.TrainingData{Assets: []customlabels.Asset{train}},
		TestingData:  customlabels.TestingData{Assets: []customlabels.Asset{test}},
	}
}

// versionNamed returns the version of project named name, as
// DescribeProjectVersions shows it.
func versionNamed(t *testing.T, c *customlabels.Client, project, name string) customlabels.ProjectVersionDescription {
	t.Helper()
	out, err := c.DescribeProjectVersions(context.Background(), &customlabels.DescribeProjectVersionsInput{ProjectArn: project, VersionNames: []string{name}})
	require.NoError(t, err)
	require.Len(t, out.ProjectVersionDescriptions, 1, "version %s of %s", name, project)
	return out.ProjectVersionDescriptions[0]
}

// trained trains version of project from manifests train and test, put
// under version's name, and advances the clock until the training ends.
func trained(t *testing.T, srv *customlabelstest.Server, project, version string, train, test []manifest.Line) customlabels.ProjectVersionDescription {
	t.Helper()
	c := srv.Client()
	in := trainingInput(project, version, putManifest(srv, version+"/train.manifest", manifestBytes(t, train)),
		putManifest(srv, version+"/test.manifest", manifestBytes(t, test)))
	out, err := c.CreateProjectVersion(context.Background(), in)
	require.NoError(t, err)
	srv.Advance(trainingTime)
	v := versionNamed(t, c, project, version)
	require.Equal(t, out.ProjectVersionArn, v.ProjectVersionArn)
	return v
}

// summaryOf reads the evaluation summary a version names from the
// server's S3.
func summaryOf(t *testing.T, srv *customlabelstest.Server, v customlabels.ProjectVersionDescription) *evaluation.Summary {
	t.Helper()
	o := v.EvaluationResult.Summary.S3Object
	data, err := srv.S3Object(o.Bucket, o.Name)
	require.NoError(t, err, "the summary s3://%s/%s", o.Bucket, o.Name)
	s, err := evaluation.ParseSummary(bytes.NewReader(data))
	require.NoError(t, err)
	return s
}

// manifestSummaryOf reads the manifest summary a version names.
func manifestSummaryOf(t *testing.T, srv *customlabelstest.Server, v customlabels.ProjectVersionDescription) *evaluation.ManifestSummary {
	t.Helper()
	o := v.ManifestSummary.S3Object
	data, err := srv.S3Object(o.Bucket, o.Name)
	require.NoError(t, err, "the manifest summary s3://%s/%s", o.Bucket, o.Name)
	s, err := evaluation.ParseManifestSummary(bytes.NewReader(data))
	require.NoError(t, err)
	return s
}
