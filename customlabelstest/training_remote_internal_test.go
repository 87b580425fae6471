package customlabelstest

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/evaluation"
)

// With WithS3Endpoint, training reads its manifests from the other S3
// server and writes its files there: moto here.
func TestTrainingWithARemoteS3(t *testing.T) {
	endpoint := startMoto(t)
	createRemoteBucket(t, endpoint, "data")
	createRemoteBucket(t, endpoint, "results")
	s := NewServer(WithS3Endpoint(endpoint), WithProjectTime(0), WithTrainingTime(0))
	defer s.Close()
	ctx := context.Background()
	manifestOf := func(from, to int) []byte {
		var b []byte
		for n := from; n < to; n++ {
			b = append(b, `{"source-ref":"s3://data/`+strconv.Itoa(n)+`.jpg","l":0,"l-metadata":{"class-name":"`+[]string{"a", "b"}[n%2]+
				`","confidence":1,"type":"groundtruth/image-classification","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}`+"\n"...)
		}
		return b
	}
	require.NoError(t, s.objects.putObject(ctx, "data", "train.manifest", manifestOf(0, 10), ""))
	require.NoError(t, s.objects.putObject(ctx, "data", "test.manifest", manifestOf(10, 14), ""))
	c := s.Client()
	p, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "remote"})
	require.NoError(t, err)
	at := func(key, version string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "data", Name: key, Version: version}}}}
	}
	train := func(name, bucket, version string) customlabels.ProjectVersionDescription {
		t.Helper()
		_, err := c.CreateProjectVersion(ctx, &customlabels.CreateProjectVersionInput{
			ProjectArn: p.ProjectArn, VersionName: name, OutputConfig: customlabels.OutputConfig{S3Bucket: bucket},
			TrainingData: customlabels.TrainingData{Assets: at("train.manifest", version)},
			TestingData:  customlabels.TestingData{Assets: at("test.manifest", "")},
		})
		require.NoError(t, err)
		out, err := c.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn, VersionNames: []string{name}})
		require.NoError(t, err)
		return out.ProjectVersionDescriptions[0]
	}

	v := train("v1", "results", "")
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status, v.StatusMessage)
	data, err := s.S3Object("results", v.EvaluationResult.Summary.S3Object.Name)
	require.NoError(t, err, "the summary is in moto")
	summary, err := evaluation.ParseSummary(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, summary.EvaluationDetails.Labels)
	_, _, err = s.objects.(*remoteObjects).getObject(ctx, "results", "remote/v1/manifest_summary.json")
	assert.NoError(t, err)
	s.mu.Lock()
	assert.Nil(t, s.s3.buckets["results"], "nothing written to the server's own S3")
	s.mu.Unlock()

	// The output bucket is missing there: the first write fails.
	v = train("v2", "no-such-bucket", "")
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, v.Status)
	assert.Equal(t, msgOutputBucket, v.StatusMessage)

	// A manifest version is read from the server's own S3 only.
	v = train("v3", "results", "v1")
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, v.Status)
	assert.Equal(t, msgManifestInvalid, v.StatusMessage)
}
