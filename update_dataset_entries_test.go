package customlabels_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/manifest"
)

// NewDatasetChanges writes one line per manifest line, and fails naming a
// line that cannot be written.
func TestNewDatasetChanges(t *testing.T) {
	textA, textB := exampleLine("a.jpg", "cat"), exampleLine("b.jpg", "dog")
	a, err := manifest.ParseLine([]byte(textA))
	require.NoError(t, err)
	b, err := manifest.ParseLine([]byte(textB))
	require.NoError(t, err)
	changes, err := customlabels.NewDatasetChanges(a, b)
	require.NoError(t, err)
	assert.Equal(t, textA+"\n"+textB+"\n", string(changes.GroundTruth))

	bad, err := manifest.NewDetection("s3://my-images/c.jpg", manifest.ImageSize{Width: 640, Height: 480, Depth: 3},
		[]manifest.Box{{Label: "cat", Left: 1, Top: 1, Width: 10, Height: 10}}, manifest.Labeling{})
	require.NoError(t, err)
	bad.Detections[0].Annotations[0].Top = math.NaN()
	_, err = customlabels.NewDatasetChanges(a, bad)
	require.ErrorContains(t, err, "lines[1]")
	var fe *manifest.FieldError
	assert.True(t, errors.As(err, &fe), "%v", err)

	empty, err := customlabels.NewDatasetChanges()
	require.NoError(t, err)
	assert.Empty(t, empty.GroundTruth)
}

// Changes over 5 MiB, or none, are refused before anything is sent.
func TestUpdateDatasetEntriesChangesBounds(t *testing.T) {
	srv, train, _ := datasetWaitServer(t, 2)
	c := srv.Client()
	srv.ResetRequests()
	for name, blob := range map[string][]byte{
		"none":       nil,
		"over 5 MiB": []byte(strings.Repeat("x", customlabels.MaxDatasetChangesBytes+1)),
	} {
		_, err := c.UpdateDatasetEntries(context.Background(), &customlabels.UpdateDatasetEntriesInput{DatasetArn: train,
			Changes: customlabels.DatasetChanges{GroundTruth: blob}})
		var ipe *customlabels.InvalidParamError
		require.ErrorAs(t, err, &ipe, name)
		assert.True(t, strings.HasPrefix(ipe.Field, "Changes"), "%s: %v", name, err)
	}
	assert.Empty(t, srv.Requests())

	// 5 MiB exactly is sent, and read by the fake.
	line := exampleLine("big.jpg", "cat") + "\n"
	blob := []byte(strings.Repeat(" ", customlabels.MaxDatasetChangesBytes-len(line)) + line)
	_, err := c.UpdateDatasetEntries(context.Background(), &customlabels.UpdateDatasetEntriesInput{DatasetArn: train,
		Changes: customlabels.DatasetChanges{GroundTruth: blob}})
	require.NoError(t, err)
}
