package customlabels

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// The waiters of datasets: created (CREATE_IN_PROGRESS → CREATE_COMPLETE),
// updated (UPDATE_IN_PROGRESS → UPDATE_COMPLETE, after UpdateDatasetEntries
// or DistributeDatasetEntries) and deleted (DELETE_IN_PROGRESS → gone).
// The official SDKs have none; the developer guide's samples poll
// DescribeDataset every 5 seconds by hand. Each takes several dataset
// ARNs, because a distribution is done only when both of its datasets
// are. As for the waiters of versions, a dataset shows the status of an
// operation as soon as the operation answers (assumed: the API reference
// does not say otherwise), so a state the awaited one cannot come from
// fails the wait at once.

var datasetCreatedSpec = waiterSpec[DatasetStatus]{
	name:     "DatasetCreated",
	minDelay: 5 * time.Second,
	maxWait:  2 * time.Hour,
	gone:     waitFailure,
	accept: func(s DatasetStatus) (waitState, string) {
		switch s {
		case DatasetStatusCreateComplete,
			// Only a created dataset can be updated: its creation completed.
			DatasetStatusUpdateInProgress, DatasetStatusUpdateComplete, DatasetStatusUpdateFailed:
			return waitSuccess, ""
		case DatasetStatusCreateInProgress:
			return waitRetry, ""
		case DatasetStatusCreateFailed:
			return waitFailure, "creating the dataset failed"
		case DatasetStatusDeleteInProgress:
			return waitFailure, "it is being deleted"
		}
		return waitRetry, "" // a status the service added: keep waiting, within maxWait
	},
}

var datasetUpdatedSpec = waiterSpec[DatasetStatus]{
	name:     "DatasetUpdated",
	minDelay: 5 * time.Second,
	maxWait:  2 * time.Hour,
	gone:     waitFailure,
	accept: func(s DatasetStatus) (waitState, string) {
		switch s {
		case DatasetStatusUpdateComplete:
			return waitSuccess, ""
		case DatasetStatusUpdateInProgress:
			return waitRetry, ""
		case DatasetStatusUpdateFailed:
			return waitFailure, "updating the dataset failed"
		case DatasetStatusCreateComplete:
			return waitFailure, "it is not being updated: call UpdateDatasetEntries or DistributeDatasetEntries first"
		case DatasetStatusCreateInProgress:
			return waitFailure, "it is being created, not updated: wait for that with a DatasetCreatedWaiter"
		case DatasetStatusCreateFailed:
			return waitFailure, "it was never created"
		case DatasetStatusDeleteInProgress:
			return waitFailure, "it is being deleted"
		}
		return waitRetry, ""
	},
}

var datasetDeletedSpec = waiterSpec[DatasetStatus]{
	name:     "DatasetDeleted",
	minDelay: 5 * time.Second,
	maxWait:  30 * time.Minute,
	gone:     waitSuccess,
	accept: func(s DatasetStatus) (waitState, string) {
		if s == DatasetStatusDeleteInProgress {
			return waitRetry, ""
		}
		return waitFailure, "it is not being deleted: call DeleteDataset first"
	},
}

// DatasetCreatedWaiter waits until datasets are created.
type DatasetCreatedWaiter struct{ w datasetWaiter }

// NewDatasetCreatedWaiter returns a waiter that polls client
// (DescribeDataset, IAM action rekognition:DescribeDataset) until
// datasets are CREATE_COMPLETE, after CreateDataset, failing at once on
// CREATE_FAILED (with the dataset's status message, which names the
// terminal file error) and on a dataset that is missing or being deleted.
// By default it polls every 5 seconds at first, as the developer guide's
// samples do.
func NewDatasetCreatedWaiter(client DescribeDatasetAPIClient, optFns ...func(*WaiterOptions)) *DatasetCreatedWaiter {
	return &DatasetCreatedWaiter{newDatasetWaiter(client, &datasetCreatedSpec, optFns)}
}

// Wait polls until every dataset of datasetArns (one or more dataset
// ARNs) is CREATE_COMPLETE, and returns nil then. A dataset already
// updated since counts as created. It returns a *WaiterStateError when a
// dataset cannot become CREATE_COMPLETE or is missing, an error matching
// ErrWaitTimeout after maxWait (zero means 2 hours), the poll's error when
// it is not retryable, or ctx's error.
func (w *DatasetCreatedWaiter) Wait(ctx context.Context, datasetArns []string, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, datasetArns, maxWait, optFns)
	return err
}

// WaitForOutput is Wait, returning also the datasets as the last poll saw
// them, one per ARN, in the order of datasetArns: their statistics.
func (w *DatasetCreatedWaiter) WaitForOutput(ctx context.Context, datasetArns []string, maxWait time.Duration, optFns ...func(*WaiterOptions)) ([]DatasetDescription, error) {
	return w.w.wait(ctx, datasetArns, maxWait, optFns)
}

// DatasetUpdatedWaiter waits until datasets are updated.
type DatasetUpdatedWaiter struct{ w datasetWaiter }

// NewDatasetUpdatedWaiter returns a waiter that polls client
// (DescribeDataset) until datasets are UPDATE_COMPLETE, after
// UpdateDatasetEntries, or after DistributeDatasetEntries with both the
// training and the test dataset: the distribution is done when both are.
// It fails at once on UPDATE_FAILED (with the status message, such as
// ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE), and on a dataset
// that is missing or not being updated.
func NewDatasetUpdatedWaiter(client DescribeDatasetAPIClient, optFns ...func(*WaiterOptions)) *DatasetUpdatedWaiter {
	return &DatasetUpdatedWaiter{newDatasetWaiter(client, &datasetUpdatedSpec, optFns)}
}

// Wait polls until every dataset of datasetArns is UPDATE_COMPLETE, and
// returns nil then. Errors are as for DatasetCreatedWaiter.Wait; zero
// maxWait means 2 hours.
func (w *DatasetUpdatedWaiter) Wait(ctx context.Context, datasetArns []string, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, datasetArns, maxWait, optFns)
	return err
}

// WaitForOutput is Wait, returning also the datasets as the last poll saw
// them, one per ARN, in the order of datasetArns.
func (w *DatasetUpdatedWaiter) WaitForOutput(ctx context.Context, datasetArns []string, maxWait time.Duration, optFns ...func(*WaiterOptions)) ([]DatasetDescription, error) {
	return w.w.wait(ctx, datasetArns, maxWait, optFns)
}

// DatasetDeletedWaiter waits until datasets are gone.
type DatasetDeletedWaiter struct{ w datasetWaiter }

// NewDatasetDeletedWaiter returns a waiter that polls client
// (DescribeDataset) until datasets are gone, after DeleteDataset: until
// DescribeDataset answers *ResourceNotFoundException, as the developer
// guide's samples wait. It fails at once on a dataset that is not
// DELETE_IN_PROGRESS.
func NewDatasetDeletedWaiter(client DescribeDatasetAPIClient, optFns ...func(*WaiterOptions)) *DatasetDeletedWaiter {
	return &DatasetDeletedWaiter{newDatasetWaiter(client, &datasetDeletedSpec, optFns)}
}

// Wait polls until no dataset of datasetArns is found, and returns nil
// then. Errors are as for DatasetCreatedWaiter.Wait; zero maxWait means
// 30 minutes.
func (w *DatasetDeletedWaiter) Wait(ctx context.Context, datasetArns []string, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, datasetArns, maxWait, optFns)
	return err
}

// datasetWaiter polls DescribeDataset until spec accepts every dataset.
type datasetWaiter struct {
	client DescribeDatasetAPIClient
	spec   *waiterSpec[DatasetStatus]
	opts   WaiterOptions
}

func newDatasetWaiter(client DescribeDatasetAPIClient, spec *waiterSpec[DatasetStatus], optFns []func(*WaiterOptions)) datasetWaiter {
	return datasetWaiter{client: client, spec: spec, opts: waiterOptions(optFns)}
}

func (w *datasetWaiter) wait(ctx context.Context, datasetArns []string, maxWait time.Duration, optFns []func(*WaiterOptions)) ([]DatasetDescription, error) {
	input := w.spec.name + "Waiter.Wait"
	if len(datasetArns) == 0 {
		return nil, &InvalidParamError{Input: input, Field: "datasetArns", Rule: "must name the datasets to wait for"}
	}
	for i, arn := range datasetArns {
		if err := (&DescribeDatasetInput{DatasetArn: arn}).validate(); err != nil {
			var pe *InvalidParamError
			if errors.As(err, &pe) {
				return nil, &InvalidParamError{Input: input, Field: "datasetArns[" + strconv.Itoa(i) + "]", Rule: pe.Rule}
			}
			return nil, err
		}
	}
	arns := append([]string(nil), datasetArns...)
	var found []bool
	l := loop[[]DatasetDescription]{
		name: w.spec.name, minDelay: w.spec.minDelay, maxWait: w.spec.maxWait, opts: w.opts,
		poll: func(ctx context.Context, poll *WaiterPoll) (*[]DatasetDescription, bool, error) {
			seen := make([]DatasetDescription, len(arns))
			found = make([]bool, len(arns))
			for i, arn := range arns {
				out, err := w.client.DescribeDataset(ctx, &DescribeDatasetInput{DatasetArn: arn}, w.opts.ClientOptions...)
				switch {
				case err == nil:
					seen[i], found[i] = out.DatasetDescription, true
				case !isCode(err, "ResourceNotFoundException"):
					return nil, false, err
				}
			}
			poll.Datasets = seen
			done, err := w.judge(arns, seen, found)
			return &seen, done, err
		},
		state: func(poll *WaiterPoll) string {
			state := ""
			for i, d := range poll.Datasets {
				status := string(d.Status)
				if !found[i] {
					status = "not found"
				}
				state += fmt.Sprintf(", %s is %s", arns[i], status)
			}
			return state
		},
	}
	out, err := l.run(ctx, maxWait, optFns)
	if err != nil {
		return nil, err
	}
	return *out, nil
}

// judge applies the acceptors to the datasets.
func (w *datasetWaiter) judge(arns []string, seen []DatasetDescription, found []bool) (bool, error) {
	allDone := true
	for i, arn := range arns {
		switch state, why := w.spec.verdict(seen[i].Status, found[i]); state {
		case waitFailure:
			return true, &WaiterStateError{Waiter: w.spec.name, Resource: "dataset " + arn,
				ResourceStatus: string(seen[i].Status), StatusMessage: seen[i].StatusMessage, Reason: why}
		case waitRetry:
			allDone = false
		}
	}
	return allDone, nil
}
