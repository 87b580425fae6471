package customlabelstest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/manifest"
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

// FuzzReadManifest: whatever a client sends as a manifest, the dataset
// keeps JSON lines of distinct images, each within the model's length,
// whose recorded errors are those the line carries; or it fails with a
// documented terminal file error.
func FuzzReadManifest(f *testing.F) {
	f.Add([]byte(`{"source-ref":"s3://bucket/a.jpg","x":1,"x-metadata":{"confidence":2,"class-name":"cat","human-annotated":"yes","creation-date":"2024-01-02T03:04:05","type":"groundtruth/image-classification"}}` + "\n" +
		`{"source-ref":"s3://bucket/b.jpg"}` + "\n" + `{"source-ref":"s3://bucket/a.jpg"}`))
	f.Add([]byte("\n\n"))
	f.Add([]byte("{\"source-ref\":\"s3://bucket/r.jpg\",\r\"x\":1}"))
	f.Add([]byte(`{"source-ref":"s3://bucket/a.jpg","errors":[{"code":"X","message":"y"}]}` + "\r\n" + `not json`))
	f.Add([]byte(`{"source-ref":"s3://bucket/c.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"top":10,"left":630,"width":50,"height":20}]},"bounding-box-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"cat"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-02T03:04:05"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, failure := readManifest(data)
		if failure != "" {
			if !slices.Contains(datasetFileErrors, failure) || lines != nil {
				t.Fatalf("readManifest(%q) = %d lines, %q", data, len(lines), failure)
			}
			return
		}
		seen := map[string]bool{}
		for _, l := range lines {
			parsed, err := manifest.ParseLine([]byte(l.text))
			switch {
			case err != nil:
				t.Fatalf("kept %q, not a JSON object: %v", l.text, err)
			case utf8.RuneCountInString(l.text) > manifest.MaxLineLength || strings.ContainsAny(l.text, "\n\r"):
				t.Fatalf("kept a line the model's DatasetEntry refuses: %q", l.text)
			case l.sourceRef == "" || parsed.SourceRef != l.sourceRef || seen[l.sourceRef]:
				t.Fatalf("kept %q for source-ref %q (seen %v)", l.text, l.sourceRef, seen[l.sourceRef])
			case parsed.HasErrors() != l.hasErrors:
				t.Fatalf("line %q: hasErrors %v, the line says %v", l.text, l.hasErrors, parsed.HasErrors())
			}
			seen[l.sourceRef] = true
		}
	})
}
