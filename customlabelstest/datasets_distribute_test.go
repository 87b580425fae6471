package customlabelstest_test

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func distributeInput(a, b string) *customlabels.DistributeDatasetEntriesInput {
	return &customlabels.DistributeDatasetEntriesInput{Datasets: []customlabels.DistributeDataset{{Arn: a}, {Arn: b}}}
}

// DistributeDatasetEntries moves a fifth of TRAIN into the empty TEST:
// both UPDATE_IN_PROGRESS, then both UPDATE_COMPLETE, each in its order,
// every entry in exactly one of them.
func TestDistributeDatasetEntries(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	all := classLines(t, 50, "cat", "dog", "bird")
	train := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(all...))
	test := f.createDone(t, customlabels.DatasetTypeTest, "")

	_, err := f.c.DistributeDatasetEntries(ctx, distributeInput(test, train)) // either order
	require.NoError(t, err)
	for _, arn := range []string{train, test} {
		assert.Equal(t, customlabels.DatasetStatusUpdateInProgress, f.describe(t, arn).Status)
	}
	for _, d := range f.projectDatasets(t) {
		assert.Equal(t, customlabels.DatasetStatusUpdateInProgress, d.Status)
	}
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, test))
	assertCode(t, err, "ResourceNotReadyException")
	_, err = f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: test})
	assertCode(t, err, "ResourceNotReadyException")

	f.srv.Advance(datasetTime)
	dTrain, dTest := f.describe(t, train), f.describe(t, test)
	assert.Equal(t, customlabels.DatasetStatusUpdateComplete, dTrain.Status)
	assert.Equal(t, customlabels.DatasetStatusUpdateComplete, dTest.Status)
	assert.Equal(t, int32(40), dTrain.DatasetStats.TotalEntries)
	assert.Equal(t, int32(10), dTest.DatasetStats.TotalEntries)
	assert.Equal(t, int32(3), dTest.DatasetStats.TotalLabels)

	kept := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train})
	moved := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: test})
	assert.ElementsMatch(t, all, append(slices.Clone(kept), moved...), "every entry in one dataset")
	inOrder := func(subset []string) bool {
		last := -1
		for _, e := range subset {
			i := slices.Index(all, e)
			if i <= last {
				return false
			}
			last = i
		}
		return true
	}
	assert.True(t, inOrder(kept) && inOrder(moved), "each keeps the manifest's order")

	// The same dataset always splits the same way.
	g := newDatasetFixture(t)
	gTrain := g.createDone(t, customlabels.DatasetTypeTrain, joinLines(all...))
	gTest := g.createDone(t, customlabels.DatasetTypeTest, "")
	_, err = g.c.DistributeDatasetEntries(ctx, distributeInput(gTrain, gTest))
	require.NoError(t, err)
	g.srv.Advance(datasetTime)
	assert.Equal(t, moved, g.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: gTest}))

	// The test dataset is no longer empty.
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, test))
	assertCode(t, err, "InvalidParameterException")
}

// A label of fewer than two images fails the distribution: both datasets
// UPDATE_FAILED with ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE,
// their entries as they were. A label of two images stays in TRAIN.
func TestDistributeDatasetEntriesInsufficientImages(t *testing.T) {
	tests := []struct {
		name  string
		lines func(t *testing.T) []string
		ok    bool
	}{
		{"a label of one image", func(t *testing.T) []string { return append(classLines(t, 10, "cat"), classLine(t, "z.jpg", "zebra")) }, false},
		{"one entry", func(t *testing.T) []string { return classLines(t, 1, "cat") }, false},
		{"an empty training dataset", func(*testing.T) []string { return nil }, false},
		{"labels of two images", func(t *testing.T) []string { return classLines(t, 2, "cat") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newDatasetFixture(t)
			ctx := context.Background()
			lines := tt.lines(t)
			text := ""
			if len(lines) > 0 {
				text = joinLines(lines...)
			}
			train := f.createDone(t, customlabels.DatasetTypeTrain, text)
			test := f.createDone(t, customlabels.DatasetTypeTest, "")
			before := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train})
			_, err := f.c.DistributeDatasetEntries(ctx, distributeInput(train, test))
			require.NoError(t, err)
			f.srv.Advance(datasetTime)
			for _, arn := range []string{train, test} {
				d := f.describe(t, arn)
				if tt.ok {
					assert.Equal(t, customlabels.DatasetStatusUpdateComplete, d.Status)
					continue
				}
				assert.Equal(t, customlabels.DatasetStatusUpdateFailed, d.Status)
				assert.Equal(t, "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE", d.StatusMessage)
				assert.Equal(t, customlabels.DatasetStatusMessageCodeClientError, d.StatusMessageCode)
			}
			if !tt.ok {
				assert.Equal(t, before, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train}))
				assert.Empty(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: test}))
				return
			}
			// One of the two moved: "cat" has one image on each side.
			assert.Len(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: test}), 1)
		})
	}
}

// A label is never taken from TRAIN entirely: an entry whose move would
// take the last image of one of its labels stays.
func TestDistributeKeepsEveryLabelInTrain(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	var lines []string
	for i := range 10 {
		lines = append(lines, classLine(t, "pair"+itoa(i)+"a.jpg", "label-"+itoa(i)), classLine(t, "pair"+itoa(i)+"b.jpg", "label-"+itoa(i)))
	}
	train := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(lines...))
	test := f.createDone(t, customlabels.DatasetTypeTest, "")
	_, err := f.c.DistributeDatasetEntries(ctx, distributeInput(train, test))
	require.NoError(t, err)
	f.srv.Advance(datasetTime)
	assert.Equal(t, int32(10), f.describe(t, train).DatasetStats.TotalLabels, "every label stays in TRAIN")
	assert.Equal(t, int32(4), f.describe(t, test).DatasetStats.TotalEntries, "a fifth of 20")
}

// Every refusal of DistributeDatasetEntries.
func TestDistributeDatasetEntriesRefusals(t *testing.T) {
	f := newDatasetFixture(t, customlabelstest.WithProjects(testProject("other")))
	ctx := context.Background()
	train := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(classLines(t, 10, "cat")...))
	test := f.createDone(t, customlabels.DatasetTypeTest, "")
	other := customlabelstest.Dataset{ProjectArn: testProject("other").ProjectArn, DatasetType: customlabels.DatasetTypeTest}
	otherTest, err := f.srv.AddDataset(other)
	require.NoError(t, err)
	other.DatasetType = customlabels.DatasetTypeTrain
	otherTrain, err := f.srv.AddDataset(other)
	require.NoError(t, err)

	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, otherTest))
	assertCode(t, err, "InvalidParameterException")
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, otherTrain))
	assertCode(t, err, "InvalidParameterException")
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, test+"7"))
	assertCode(t, err, "ResourceNotFoundException")

	// Two datasets of one type in one project cannot exist; the fake
	// refuses the pair the client would refuse (the same ARN twice).
	res := rawCall(t, f.srv, `{"Datasets":[{"Arn":"`+train+`"},{"Arn":"`+train+`"}]}`, func(r *http.Request) {
		r.Header.Set("X-Amz-Target", "RekognitionService.DistributeDatasetEntries")
	})
	typ, _ := errorBody(t, res.body)
	assert.Contains(t, typ, "InvalidParameterException")

	// A dataset being updated, or whose creation failed, is not ready.
	_, err = f.c.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: train,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(classLine(t, "n.jpg", "cat"))}})
	require.NoError(t, err)
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, test))
	assertCode(t, err, "ResourceNotReadyException")
	f.srv.Advance(datasetTime)
	require.Equal(t, 1, f.srv.RemoveDatasets(test))
	require.True(t, f.srv.FailDataset("", ""))
	failed := f.createDone(t, customlabels.DatasetTypeTest, "")
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, failed))
	assertCode(t, err, "ResourceNotReadyException")

	// FailDataset on one dataset fails the distribution as a whole.
	require.Equal(t, 1, f.srv.RemoveDatasets(failed))
	test = f.createDone(t, customlabels.DatasetTypeTest, "")
	require.True(t, f.srv.FailDataset(test, ""))
	_, err = f.c.DistributeDatasetEntries(ctx, distributeInput(train, test))
	require.NoError(t, err)
	f.srv.Advance(datasetTime)
	assert.Equal(t, customlabels.DatasetStatusUpdateFailed, f.describe(t, train).Status)
	assert.Equal(t, customlabels.DatasetStatusUpdateFailed, f.describe(t, test).Status)
	assert.Equal(t, int32(11), f.describe(t, train).DatasetStats.TotalEntries)
}
