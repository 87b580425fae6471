package customlabelstest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// runningTrained trains version v1 of a new project from train and test,
// starts it and returns the project's ARN and its, with the client.
func runningTrained(t *testing.T, srv *customlabelstest.Server, train, test func(*testing.T) []byte) (c *customlabels.Client, project, version string) {
	t.Helper()
	c = srv.Client()
	ctx := context.Background()
	p := newProject(t, c, "model")
	in := trainingInput(p, "v1", putManifest(srv, "train.manifest", train(t)), putManifest(srv, "test.manifest", test(t)))
	out, err := c.CreateProjectVersion(ctx, in)
	require.NoError(t, err)
	srv.Advance(trainingTime)
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, versionNamed(t, c, p, "v1").Status)
	_, err = c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: out.ProjectVersionArn, MinInferenceUnits: 1})
	require.NoError(t, err)
	return c, p, out.ProjectVersionArn
}

func TestTrainedModelKnowsItsImages(t *testing.T) {
	srv := trainingServer(t)
	putImages(srv, 0, 30)
	srv.PutS3Object(imagesBucket, "new.jpg", "", image(1000))
	srv.PutS3Object(imagesBucket, "copy-of-3.jpg", "", image(3))
	c, p, arn := runningTrained(t, srv,
		func(t *testing.T) []byte { return manifestBytes(t, classified(t, 0, 20, "cat", "dog", "bird")) },
		func(t *testing.T) []byte { return manifestBytes(t, classified(t, 20, 30, "cat", "dog", "bird")) })
	ctx := context.Background()
	detect := func(img customlabels.Image, minConfidence *float32) []customlabels.CustomLabel {
		t.Helper()
		out, err := c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn, Image: img, MinConfidence: minConfidence})
		require.NoError(t, err)
		return out.CustomLabels
	}
	s3 := func(key string) customlabels.Image {
		return customlabels.Image{S3Object: customlabels.S3Object{Bucket: imagesBucket, Name: key}}
	}

	// An image of the training or test manifest, by its S3 object: its
	// label, with high confidence.
	for n, want := range map[int]string{3: "cat", 4: "dog", 25: "dog", 29: "bird"} {
		got := detect(s3(imageRef(n)[len("s3://"+imagesBucket+"/"):]), nil)
		require.Len(t, got, 1, "image %d", n)
		assert.Equal(t, want, got[0].Name, "image %d", n)
		assert.GreaterOrEqual(t, got[0].Confidence, float32(95))
		assert.Zero(t, got[0].Geometry, "a classification model gives no box")
	}
	// The same image as bytes, or under another key: known by its bytes.
	assert.Equal(t, "cat", detect(customlabels.Image{Bytes: image(3)}, nil)[0].Name)
	assert.Equal(t, "cat", detect(s3("copy-of-3.jpg"), nil)[0].Name)
	assert.Equal(t, detect(s3("img/003.jpg"), nil), detect(customlabels.Image{Bytes: image(3)}, nil), "the same answer, by object or bytes")

	// Any other image: a deterministic choice among the model's labels,
	// each kept when it reaches its assumed threshold; with MinConfidence
	// 0, every label.
	zero := float32(0)
	all := detect(s3("new.jpg"), &zero)
	assert.ElementsMatch(t, []string{"bird", "cat", "dog"}, names(all))
	assert.Equal(t, all, detect(customlabels.Image{Bytes: image(1000)}, &zero), "the same image gets the same labels")
	v := versionNamed(t, c, p, "v1")
	thresholds := summaryOf(t, srv, v).Thresholds()
	var kept []string
	for _, l := range all {
		if l.Confidence >= thresholds[l.Name] {
			kept = append(kept, l.Name)
		}
	}
	assert.Equal(t, kept, names(detect(s3("new.jpg"), nil)), "without MinConfidence, each label's assumed threshold")
	var others []customlabels.CustomLabel
	filtered := 0
	for n := 2000; n < 2020; n++ {
		every := detect(customlabels.Image{Bytes: image(n)}, &zero)
		require.Len(t, every, 3)
		others = append(others, every...)
		filtered += len(every) - len(detect(customlabels.Image{Bytes: image(n)}, nil))
	}
	assert.NotEqual(t, all, others[:3], "other images, other confidences")
	assert.True(t, filtered > 0 && filtered < 60, "the thresholds keep some labels and leave others out: %d of 60 left out", filtered)

	// A Model set for the version answers instead, as for seeded ones.
	srv.SetModel(arn, customlabelstest.Model{Labels: []customlabels.CustomLabel{{Name: "set", Confidence: 99}}})
	assert.Equal(t, []string{"set"}, names(detect(s3("img/003.jpg"), nil)))
}

func TestTrainedDetectionModelGivesBoxes(t *testing.T) {
	srv := trainingServer(t)
	putImages(srv, 0, 25)
	c, _, arn := runningTrained(t, srv,
		func(t *testing.T) []byte { return manifestBytes(t, detected(t, 0, 20, "cap", "ball")) },
		func(t *testing.T) []byte { return manifestBytes(t, detected(t, 20, 25, "cap", "ball")) })
	ctx := context.Background()
	out, err := c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn, Image: customlabels.Image{Bytes: image(4)}})
	require.NoError(t, err)
	require.Len(t, out.CustomLabels, 1)
	assert.Equal(t, "cap", out.CustomLabels[0].Name)
	// The box of the manifest, in ratios of the image: (64, 48), 320 by
	// 240 in 640 by 480.
	assert.Equal(t, customlabels.BoundingBox{Left: 0.1, Top: 0.1, Width: 0.5, Height: 0.5}, out.CustomLabels[0].Geometry.BoundingBox)

	zero := float32(0)
	out, err = c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn, Image: customlabels.Image{Bytes: image(999)}, MinConfidence: &zero})
	require.NoError(t, err)
	require.Len(t, out.CustomLabels, 2)
	for _, l := range out.CustomLabels {
		bb := l.Geometry.BoundingBox
		assert.True(t, bb.Width > 0 && bb.Height > 0 && bb.Left+bb.Width <= 1 && bb.Top+bb.Height <= 1, "%+v", bb)
	}
	out, err = c.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn, Image: customlabels.Image{Bytes: image(999)}, MinConfidence: &zero, MaxResults: 1})
	require.NoError(t, err)
	assert.Len(t, out.CustomLabels, 1, "MaxResults")
}
