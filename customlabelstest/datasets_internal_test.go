package customlabelstest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// datasetLines gives training the entries of a complete dataset, as
// manifest lines in listing order, and nothing while the dataset is not.
func TestDatasetLines(t *testing.T) {
	p := customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/1704164645000",
		Status: customlabels.ProjectStatusCreated, CreationTimestamp: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	srv := NewServer(WithProjects(p), WithDatasetTime(time.Minute), WithDatasets(Dataset{ProjectArn: p.ProjectArn, DatasetType: customlabels.DatasetTypeTrain,
		Manifest: `{"source-ref":"s3://bucket/a.jpg","x":1,"x-metadata":{"confidence":1,"class-name":"cat","human-annotated":"yes","creation-date":"2024-01-02T03:04:05","type":"groundtruth/image-classification"}}` + "\n" +
			`{"source-ref":"s3://bucket/b.jpg"}`}))
	defer srv.Close()

	srv.mu.Lock()
	lines, ok := srv.datasetLines(p.ProjectArn, customlabels.DatasetTypeTrain)
	_, okTest := srv.datasetLines(p.ProjectArn, customlabels.DatasetTypeTest)
	srv.mu.Unlock()
	require.True(t, ok)
	assert.False(t, okTest, "no TEST dataset")
	require.Len(t, lines, 2)
	assert.Equal(t, "s3://bucket/a.jpg", lines[0].SourceRef)
	assert.Equal(t, []string{"cat"}, lines[0].Labels())
	assert.Equal(t, "s3://bucket/b.jpg", lines[1].SourceRef)

	// Not while an update is in progress; the entries it kept after it
	// failed.
	c := srv.Client()
	arn := srv.Projects()[0].Datasets[0].DatasetArn
	_, err := c.UpdateDatasetEntries(context.Background(), &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(`{"source-ref":"s3://bucket/c.jpg"}`)}})
	require.NoError(t, err)
	require.True(t, srv.FailDataset(arn, ""))
	srv.mu.Lock()
	_, ok = srv.datasetLines(p.ProjectArn, customlabels.DatasetTypeTrain)
	srv.mu.Unlock()
	assert.False(t, ok, "UPDATE_IN_PROGRESS")
	srv.Advance(time.Minute)
	srv.mu.Lock()
	srv.settleProjects(srv.clock().Add(srv.advanced))
	lines, ok = srv.datasetLines(p.ProjectArn, customlabels.DatasetTypeTrain)
	srv.mu.Unlock()
	assert.True(t, ok, "UPDATE_FAILED keeps its entries")
	assert.Len(t, lines, 2)
}
