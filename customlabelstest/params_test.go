package customlabelstest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Request.Params holds every operation's input as the client sent it.
func TestRequestParams(t *testing.T) {
	const (
		projectArn = "arn:aws:rekognition:us-east-1:123456789012:project/p/1600000000000"
		versionArn = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v1/1600000001000"
	)
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: projectArn, Feature: customlabels.CustomizationFeatureCustomLabels}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: versionArn, Status: customlabels.ProjectVersionStatusTrainingCompleted}))
	defer srv.Close()
	client := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	ctx := context.Background()
	minConfidence := float32(0)

	describe := &customlabels.DescribeProjectsInput{MaxResults: 7, Features: []customlabels.CustomizationFeature{customlabels.CustomizationFeatureCustomLabels}}
	versions := &customlabels.DescribeProjectVersionsInput{ProjectArn: projectArn, VersionNames: []string{"v1"}, MaxResults: 3}
	start := &customlabels.StartProjectVersionInput{ProjectVersionArn: versionArn, MinInferenceUnits: 2, MaxInferenceUnits: 4}
	stop := &customlabels.StopProjectVersionInput{ProjectVersionArn: versionArn}
	detect := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: versionArn,
		Image: customlabels.Image{Bytes: []byte("\xff\xd8\xff not quite a JPEG")}, MinConfidence: &minConfidence, MaxResults: 5}

	_, err := client.DescribeProjects(ctx, describe)
	require.NoError(t, err)
	_, err = client.DescribeProjectVersions(ctx, versions)
	require.NoError(t, err)
	_, err = client.StartProjectVersion(ctx, start)
	require.NoError(t, err)
	_, err = client.StopProjectVersion(ctx, stop)
	require.NoError(t, err)
	_, _ = client.DetectCustomLabels(ctx, detect)

	reqs := srv.Requests()
	require.Len(t, reqs, 5)
	assert.Equal(t, describe, reqs[0].Params)
	assert.Equal(t, *describe, reqs[0].Input, "Input keeps decoding DescribeProjects")
	assert.Equal(t, versions, reqs[1].Params)
	assert.Equal(t, start, reqs[2].Params)
	assert.Equal(t, stop, reqs[3].Params)
	assert.Equal(t, detect, reqs[4].Params, "the image bytes come back as sent")

	t.Run("not decodable", func(t *testing.T) {
		srv := customlabelstest.NewServer(customlabelstest.WithoutSignatureVerification())
		defer srv.Close()
		for _, tt := range []struct{ target, body string }{
			{"RekognitionService.DescribeProjects", `{"MaxResults":"seven"}`},
			{"RekognitionService.DescribeProjects", `not JSON`},
			{"RekognitionService.ListCollections", `{}`},
		} {
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(tt.body))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			req.Header.Set("X-Amz-Target", tt.target)
			resp, err := srv.HTTPClient().Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		}
		for i, r := range srv.Requests() {
			assert.Nil(t, r.Params, "request %d (%s %s)", i, r.Target, r.Body)
		}
	})
}
