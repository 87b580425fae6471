package main

import (
	"context"
	"errors"
	"slices"

	"github.com/rekognition-go/customlabels"
)

// The dataset steps of a plan: delete a dataset and wait until it is gone
// (the library's DatasetDeletedWaiter); a dataset being created or
// updated cannot be deleted, so it is waited for first, and one being
// deleted is only waited for.

// datasetBusy are the states a dataset cannot be deleted in.
var datasetBusy = []customlabels.DatasetStatus{customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusUpdateInProgress}

// deleteDataset deletes a dataset.
func (r *planRun) deleteDataset(ctx context.Context, s step) error {
	_, err := r.client.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: s.arn})
	return err
}

// waitDataset waits until a dataset is neither created nor updated, then
// deletes it, unless it is gone or being deleted.
func (r *planRun) waitDataset(ctx context.Context, s step) error {
	delay := r.poll.first
	for attempt := 1; ; attempt++ {
		out, err := r.client.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: s.arn})
		var notFound *customlabels.ResourceNotFoundException
		if errors.As(err, &notFound) {
			return nil // gone: the wait that follows sees it at once
		}
		if err != nil {
			return err
		}
		st := out.DatasetDescription.Status
		r.prog.show("waiting for dataset %s: %s (poll %d), %s elapsed", s.name, st, attempt, elapsed(r.start))
		switch {
		case st == customlabels.DatasetStatusDeleteInProgress:
			return nil
		case !slices.Contains(datasetBusy, st):
			return r.deleteDataset(ctx, s)
		}
		left, err := r.remaining(s)
		if err != nil {
			return err
		}
		if err := sleep(ctx, min(delay, left)); err != nil {
			return err
		}
		delay = min(2*delay, r.poll.max)
	}
}

// waitDatasetDeleted waits with the library's DatasetDeletedWaiter.
func (r *planRun) waitDatasetDeleted(ctx context.Context, s step) error {
	left, err := r.remaining(s)
	if err != nil {
		return err
	}
	return customlabels.NewDatasetDeletedWaiter(r.client, waiterOptions(r.poll, func(p customlabels.WaiterPoll) {
		r.prog.show("waiting for dataset %s to be deleted: %s (poll %d), %s elapsed", s.name, pollStatus(p), p.Attempt, elapsed(r.start))
	})).Wait(ctx, []string{s.arn}, left)
}
