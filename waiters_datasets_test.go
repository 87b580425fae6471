package customlabels_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// datasetWaitServer serves the example project with a TRAIN dataset of
// lines and an empty TEST dataset, both CREATE_COMPLETE; datasets take
// a minute to create or update, ten seconds to delete.
func datasetWaitServer(t *testing.T, lines int) (srv *customlabelstest.Server, train, test string) {
	t.Helper()
	srv = customlabelstest.NewServer(customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithDatasetTime(time.Minute), customlabelstest.WithDeletingTime(10*time.Second),
		customlabelstest.WithDatasets(
			customlabelstest.Dataset{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTrain, Manifest: exampleManifest(lines, "cereal", "pasta")},
			customlabelstest.Dataset{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest}))
	t.Cleanup(srv.Close)
	for _, d := range srv.Projects()[0].Datasets {
		if d.DatasetType == customlabels.DatasetTypeTrain {
			train = d.DatasetArn
		} else {
			test = d.DatasetArn
		}
	}
	return srv, train, test
}

// advancing makes a waiter poll every millisecond and moves the fake's
// clock by d at each poll, recording the statuses seen.
func advancing(srv *customlabelstest.Server, d time.Duration, seen *[][]customlabels.DatasetStatus) func(*customlabels.WaiterOptions) {
	return func(o *customlabels.WaiterOptions) {
		fast(o)
		o.OnPoll = func(p customlabels.WaiterPoll) {
			var states []customlabels.DatasetStatus
			for _, d := range p.Datasets {
				states = append(states, d.Status)
			}
			*seen = append(*seen, states)
			srv.Advance(d)
		}
	}
}

func TestDatasetCreatedWaiter(t *testing.T) {
	srv, train, _ := datasetWaitServer(t, 4)
	client := srv.Client()
	ctx := context.Background()
	_, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
		DatasetSource: customlabels.DatasetSource{DatasetArn: train}})
	var exists *customlabels.ResourceAlreadyExistsException
	require.ErrorAs(t, err, &exists, "the project has its TEST dataset")

	require.Equal(t, 1, srv.RemoveDatasets(srv.Projects()[0].Datasets[1].DatasetArn))
	out, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
		DatasetSource: customlabels.DatasetSource{DatasetArn: train}})
	require.NoError(t, err)

	var seen [][]customlabels.DatasetStatus
	ds, err := customlabels.NewDatasetCreatedWaiter(client, advancing(srv, 25*time.Second, &seen)).WaitForOutput(ctx, []string{train, out.DatasetArn}, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, [][]customlabels.DatasetStatus{
		{customlabels.DatasetStatusCreateComplete, customlabels.DatasetStatusCreateInProgress},
		{customlabels.DatasetStatusCreateComplete, customlabels.DatasetStatusCreateInProgress},
		{customlabels.DatasetStatusCreateComplete, customlabels.DatasetStatusCreateInProgress},
		{customlabels.DatasetStatusCreateComplete, customlabels.DatasetStatusCreateComplete},
	}, seen)
	require.Len(t, ds, 2)
	assert.Equal(t, int32(4), ds[1].DatasetStats.TotalEntries, "the copy's statistics")

	// A dataset updated since was created: success.
	_, err = client.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: train,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(exampleLine("new.jpg", "rice"))}})
	require.NoError(t, err)
	require.NoError(t, customlabels.NewDatasetCreatedWaiter(client, fast).Wait(ctx, []string{train}, time.Minute))
}

// The waiters fail at once on a state the awaited one cannot come from,
// naming the dataset, its status and message, and why.
func TestDatasetWaitersFailAtOnce(t *testing.T) {
	srv, train, test := datasetWaitServer(t, 4)
	client := srv.Client()
	ctx := context.Background()
	missing := train + "0"

	stateError := func(t *testing.T, err error) *customlabels.WaiterStateError {
		t.Helper()
		var se *customlabels.WaiterStateError
		require.ErrorAs(t, err, &se)
		return se
	}
	t.Run("created: missing", func(t *testing.T) {
		se := stateError(t, customlabels.NewDatasetCreatedWaiter(client, fast).Wait(ctx, []string{train, missing}, time.Minute))
		assert.Equal(t, "DatasetCreated", se.Waiter)
		assert.Equal(t, "dataset "+missing, se.Resource)
		assert.Empty(t, se.ResourceStatus)
		assert.Contains(t, se.Error(), "was not found")
	})
	t.Run("updated: not being updated", func(t *testing.T) {
		se := stateError(t, customlabels.NewDatasetUpdatedWaiter(client, fast).Wait(ctx, []string{train}, time.Minute))
		assert.Equal(t, string(customlabels.DatasetStatusCreateComplete), se.ResourceStatus)
		assert.Contains(t, se.Reason, "UpdateDatasetEntries")
	})
	t.Run("deleted: not being deleted", func(t *testing.T) {
		se := stateError(t, customlabels.NewDatasetDeletedWaiter(client, fast).Wait(ctx, []string{test}, time.Minute))
		assert.Equal(t, "DatasetDeleted", se.Waiter)
		assert.Contains(t, se.Error(), "DeleteDataset")
	})
	t.Run("updated: UPDATE_FAILED with its message", func(t *testing.T) {
		require.True(t, srv.FailDataset(train, "ERROR_MANIFEST_TOO_MANY_LABELS"))
		_, err := client.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: train,
			Changes: customlabels.DatasetChanges{GroundTruth: []byte(exampleLine("new.jpg", "rice"))}})
		require.NoError(t, err)
		var seen [][]customlabels.DatasetStatus
		se := stateError(t, customlabels.NewDatasetUpdatedWaiter(client, advancing(srv, time.Minute, &seen)).Wait(ctx, []string{train}, time.Minute))
		assert.Equal(t, string(customlabels.DatasetStatusUpdateFailed), se.ResourceStatus)
		assert.Equal(t, "ERROR_MANIFEST_TOO_MANY_LABELS", se.StatusMessage)
		assert.Contains(t, se.Error(), "UPDATE_FAILED")
		assert.Contains(t, se.Error(), "ERROR_MANIFEST_TOO_MANY_LABELS")
		assert.Len(t, seen, 2)
	})
	t.Run("created: being deleted", func(t *testing.T) {
		_, err := client.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: test})
		require.NoError(t, err)
		se := stateError(t, customlabels.NewDatasetCreatedWaiter(client, fast).Wait(ctx, []string{test}, time.Minute))
		assert.Equal(t, string(customlabels.DatasetStatusDeleteInProgress), se.ResourceStatus)
	})
	t.Run("deleted: gone", func(t *testing.T) {
		var seen [][]customlabels.DatasetStatus
		require.NoError(t, customlabels.NewDatasetDeletedWaiter(client, advancing(srv, 5*time.Second, &seen)).Wait(ctx, []string{test, missing}, time.Minute))
		assert.Equal(t, [][]customlabels.DatasetStatus{
			{customlabels.DatasetStatusDeleteInProgress, ""}, {customlabels.DatasetStatusDeleteInProgress, ""}, {"", ""},
		}, seen, "a dataset not found is the zero description")
	})
}

func TestDatasetWaiterBoundsAndErrors(t *testing.T) {
	srv, train, _ := datasetWaitServer(t, 4)
	client := srv.Client()
	ctx := context.Background()
	_, err := client.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: train,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(exampleLine("new.jpg", "rice"))}})
	require.NoError(t, err)

	t.Run("maxWait", func(t *testing.T) {
		err := customlabels.NewDatasetUpdatedWaiter(client, fast).Wait(ctx, []string{train}, 20*time.Millisecond)
		require.ErrorIs(t, err, customlabels.ErrWaitTimeout)
		assert.Contains(t, err.Error(), train+" is UPDATE_IN_PROGRESS")
	})
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		err := customlabels.NewDatasetUpdatedWaiter(client, fast, func(o *customlabels.WaiterOptions) {
			o.OnPoll = func(p customlabels.WaiterPoll) {
				if p.Attempt == 2 {
					cancel()
				}
			}
		}).Wait(ctx, []string{train}, time.Minute)
		require.ErrorIs(t, err, context.Canceled)
	})
	t.Run("input", func(t *testing.T) {
		srv.ResetRequests()
		for name, arns := range map[string][]string{"none": nil, "not a dataset ARN": {train, exampleProject.ProjectArn}} {
			err := customlabels.NewDatasetUpdatedWaiter(client, fast).Wait(ctx, arns, time.Minute)
			var ipe *customlabels.InvalidParamError
			require.ErrorAs(t, err, &ipe, name)
			assert.Equal(t, "DatasetUpdatedWaiter.Wait", ipe.Input, name)
		}
		err := customlabels.NewDatasetUpdatedWaiter(client, fast).Wait(ctx, []string{train, "nope"}, time.Minute)
		assert.ErrorContains(t, err, "datasetArns[1]")
		err = customlabels.NewDatasetCreatedWaiter(client, fast).Wait(ctx, []string{train}, -time.Second)
		assert.ErrorContains(t, err, "maxWait")
		assert.Empty(t, srv.Requests(), "nothing sent")
	})
	t.Run("retryable poll errors: the next poll", func(t *testing.T) {
		srv.InjectFaults(2, customlabelstest.Exception("ThrottlingException", 400, "Rate exceeded"))
		var errs []error
		err := customlabels.NewDatasetUpdatedWaiter(client, fast, func(o *customlabels.WaiterOptions) {
			o.ClientOptions = []func(*customlabels.Options){func(o *customlabels.Options) { o.RetryMaxAttempts = 1 }}
			o.OnPoll = func(p customlabels.WaiterPoll) {
				errs = append(errs, p.Err)
				if p.Err == nil {
					srv.Advance(time.Minute)
				}
			}
		}).Wait(ctx, []string{train}, time.Minute)
		require.NoError(t, err)
		require.Len(t, errs, 4)
		var th *customlabels.ThrottlingException
		assert.True(t, errors.As(errs[0], &th) && errors.As(errs[1], &th))
	})
	t.Run("other poll errors: the end", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 400, "not allowed"))
		err := customlabels.NewDatasetDeletedWaiter(client, fast).Wait(ctx, []string{train}, time.Minute)
		var ad *customlabels.AccessDeniedException
		require.ErrorAs(t, err, &ad)
	})
}
