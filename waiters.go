package customlabels

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// The waiters start from the official acceptors (botocore waiters-2.json:
// ProjectVersionRunning polls every 30 s up to 40 times until every
// version is RUNNING, failing on FAILED; ProjectVersionTrainingCompleted
// polls every 120 s up to 360 times until every version is
// TRAINING_COMPLETED, failing on TRAINING_FAILED) without their traps:
//
//   - They wait only for the versions named in VersionNames, which is
//     required: the official ones, without names, wait for every version
//     of the project, so one stopped old version means never.
//   - They fail at once, saying which version and why, on any state from
//     which the awaited one cannot come, not only FAILED and
//     TRAINING_FAILED: a STOPPED version never becomes RUNNING by
//     waiting, where the official waiter spins its full 20 minutes.
//   - The training waiter succeeds on any state that only a trained
//     version reaches (STARTING, RUNNING, STOPPED, ...), where the
//     official one waits 12 hours for TRAINING_COMPLETED; and it waits
//     25 hours by default, since training takes up to 24 (the developer
//     guide), where the official one gives up at 12.
//   - A named version missing from the listing fails at once. (Assumed:
//     DescribeProjectVersions shows a version as soon as
//     CreateProjectVersion returns, and StartProjectVersion's STARTING at
//     once; the API reference does not say otherwise.)
//   - A poll whose error is retryable (throttling, 5xx, connection
//     errors), after the client's own retries, is followed by the next
//     poll; any other error ends the wait with that error.
//   - Delays grow from MinDelay to MaxDelay with jitter, never past the
//     maximum wait, and the context bounds everything.

// ErrWaitTimeout is matched by errors.Is when a waiter's maximum wait
// passed before the versions reached the awaited state.
var ErrWaitTimeout = errors.New("customlabels: maximum wait time exceeded")

// WaiterStateError reports that a resource reached a state from which the
// awaited one cannot come, or is missing: waiting longer cannot help.
type WaiterStateError struct {
	// Waiter is the waiter's name, e.g. "ProjectVersionRunning".
	Waiter string
	// VersionName is the version at fault, for the waiters of versions.
	VersionName string
	// Status is its state; empty when the version was not found.
	Status ProjectVersionStatus
	// Resource is the project (by name) or dataset (by ARN) at fault, for
	// the waiters of projects and datasets.
	Resource string
	// ResourceStatus is its state (a ProjectStatus or DatasetStatus);
	// empty when it was not found.
	ResourceStatus string
	// StatusMessage is the service's explanation of the state.
	StatusMessage string
	// Reason says why the awaited state cannot come.
	Reason string
}

// Error returns "<waiter>: version <name> is <status>: <reason> (<message>)",
// or the same of the project or dataset.
func (e *WaiterStateError) Error() string {
	s := "customlabels: " + e.Waiter + ": "
	status := string(e.Status)
	if e.Resource != "" {
		s += e.Resource
		status = e.ResourceStatus
	} else {
		s += "version " + quoteShort(e.VersionName)
	}
	if status == "" {
		s += " " + e.Reason
	} else {
		s += " is " + status + ": " + e.Reason
	}
	if e.StatusMessage != "" {
		s += " (" + capText(e.StatusMessage, 256) + ")"
	}
	return s
}

// WaiterPoll is what a waiter saw on one poll, given to OnPoll.
type WaiterPoll struct {
	// Attempt is the number of the poll, from 1.
	Attempt int
	// Versions are the named versions as the poll saw them, when it
	// succeeded, for the waiters of versions.
	Versions []ProjectVersionDescription
	// Projects are the named projects as the poll saw them, for the
	// waiters of projects.
	Projects []ProjectDescription
	// Datasets are the datasets as the poll saw them, for the waiters of
	// datasets: one per ARN given to Wait, in that order; a dataset that
	// was not found is the zero DatasetDescription (empty Status).
	Datasets []DatasetDescription
	// Err is the poll's error, when it failed.
	Err error
	// NextDelay is how long the waiter sleeps before the next poll; zero
	// when it stops after this one.
	NextDelay time.Duration
}

// WaiterOptions configure a waiter.
type WaiterOptions struct {
	// MinDelay is the delay before the second poll; later delays double
	// up to MaxDelay, each jittered. Zero means the waiter's default: 30 s
	// for ProjectVersionRunning, 120 s for ProjectVersionTrainingCompleted,
	// as in the official waiters.
	MinDelay time.Duration
	// MaxDelay caps the delay between polls. Zero means 120 s (or MinDelay
	// when that is larger).
	MaxDelay time.Duration
	// OnPoll, when set, is called after every poll: for progress output.
	OnPoll func(WaiterPoll)
	// ClientOptions change the client options of each poll.
	ClientOptions []func(*Options)
}

// ProjectVersionRunningWaiterOptions configure a
// ProjectVersionRunningWaiter.
type ProjectVersionRunningWaiterOptions = WaiterOptions

// ProjectVersionTrainingCompletedWaiterOptions configure a
// ProjectVersionTrainingCompletedWaiter.
type ProjectVersionTrainingCompletedWaiterOptions = WaiterOptions

// waitState is what a version's status means to a waiter.
type waitState int

const (
	waitRetry waitState = iota
	waitSuccess
	waitFailure
)

// waiterSpec is one waiter's acceptors, for resources whose state is an
// S: a ProjectVersionStatus, ProjectStatus or DatasetStatus.
type waiterSpec[S ~string] struct {
	name     string
	minDelay time.Duration
	// maxWait is the default maximum wait; for the official waiters'
	// counterparts, their bound: delay × max attempts.
	maxWait time.Duration
	// accept returns what status means, and for a failure why.
	accept func(S) (waitState, string)
	// gone is what a resource the poll did not find means: failure
	// (whatever else it is set to) for every waiter but those of deletes.
	gone waitState
}

// verdict returns what the state of one resource means, and for a failure
// why: status as the poll found it, or found false when the poll did not
// find it.
func (s *waiterSpec[S]) verdict(status S, found bool) (waitState, string) {
	switch {
	case found:
		return s.accept(status)
	case s.gone == waitSuccess:
		return waitSuccess, ""
	}
	return waitFailure, "was not found"
}

// waiterOptions returns the options optFns set.
func waiterOptions(optFns []func(*WaiterOptions)) WaiterOptions {
	var o WaiterOptions
	for _, fn := range optFns {
		fn(&o)
	}
	return o
}

var runningSpec = waiterSpec[ProjectVersionStatus]{
	name:     "ProjectVersionRunning",
	minDelay: 30 * time.Second,
	maxWait:  40 * 30 * time.Second,
	accept: func(s ProjectVersionStatus) (waitState, string) {
		switch s {
		case ProjectVersionStatusRunning:
			return waitSuccess, ""
		case ProjectVersionStatusStarting:
			return waitRetry, ""
		case ProjectVersionStatusFailed:
			return waitFailure, "the model failed to start"
		case ProjectVersionStatusTrainingCompleted, ProjectVersionStatusStopped, ProjectVersionStatusCopyingCompleted:
			return waitFailure, "it is not starting: call StartProjectVersion first"
		case ProjectVersionStatusStopping:
			return waitFailure, "it is being stopped"
		case ProjectVersionStatusTrainingInProgress, ProjectVersionStatusCopyingInProgress:
			return waitFailure, "it is not trained yet; a trained model does not start by itself"
		case ProjectVersionStatusTrainingFailed, ProjectVersionStatusCopyingFailed:
			return waitFailure, "it has no trained model to run"
		case ProjectVersionStatusDeleting, ProjectVersionStatusDeprecated, ProjectVersionStatusExpired:
			return waitFailure, "it can no longer run"
		}
		return waitRetry, "" // a status the service added: keep waiting, within maxWait
	},
}

var trainingSpec = waiterSpec[ProjectVersionStatus]{
	name:     "ProjectVersionTrainingCompleted",
	minDelay: 120 * time.Second,
	maxWait:  25 * time.Hour,
	accept: func(s ProjectVersionStatus) (waitState, string) {
		switch s {
		case ProjectVersionStatusTrainingCompleted, ProjectVersionStatusCopyingCompleted,
			// Only a trained version reaches these: its training completed.
			ProjectVersionStatusStarting, ProjectVersionStatusRunning, ProjectVersionStatusFailed,
			ProjectVersionStatusStopping, ProjectVersionStatusStopped:
			return waitSuccess, ""
		case ProjectVersionStatusTrainingInProgress, ProjectVersionStatusCopyingInProgress:
			return waitRetry, ""
		case ProjectVersionStatusTrainingFailed:
			return waitFailure, "training failed"
		case ProjectVersionStatusCopyingFailed:
			return waitFailure, "copying failed"
		case ProjectVersionStatusDeleting, ProjectVersionStatusDeprecated, ProjectVersionStatusExpired:
			return waitFailure, "it is being deleted or can no longer be used"
		}
		return waitRetry, ""
	},
}

var copySpec = waiterSpec[ProjectVersionStatus]{
	name:     "ProjectVersionCopyCompleted",
	minDelay: 30 * time.Second,
	maxWait:  6 * time.Hour,
	accept: func(s ProjectVersionStatus) (waitState, string) {
		switch s {
		case ProjectVersionStatusCopyingCompleted,
			// Only a copied version reaches these: its copy completed.
			ProjectVersionStatusStarting, ProjectVersionStatusRunning, ProjectVersionStatusFailed,
			ProjectVersionStatusStopping, ProjectVersionStatusStopped:
			return waitSuccess, ""
		case ProjectVersionStatusCopyingInProgress:
			return waitRetry, ""
		case ProjectVersionStatusCopyingFailed:
			return waitFailure, "copying failed"
		case ProjectVersionStatusTrainingInProgress, ProjectVersionStatusTrainingCompleted, ProjectVersionStatusTrainingFailed:
			return waitFailure, "it was trained, not copied: use NewProjectVersionTrainingCompletedWaiter"
		case ProjectVersionStatusDeleting, ProjectVersionStatusDeprecated, ProjectVersionStatusExpired:
			return waitFailure, "it is being deleted or can no longer be used"
		}
		return waitRetry, ""
	},
}

var deletedSpec = waiterSpec[ProjectVersionStatus]{
	name:     "ProjectVersionDeleted",
	minDelay: 10 * time.Second,
	maxWait:  30 * time.Minute,
	gone:     waitSuccess,
	accept: func(s ProjectVersionStatus) (waitState, string) {
		if s == ProjectVersionStatusDeleting {
			return waitRetry, ""
		}
		return waitFailure, "it is not being deleted: call DeleteProjectVersion first (a running model must be stopped, a training one must end)"
	},
}

// ProjectVersionCopyCompletedWaiter waits until named versions, copies
// made by CopyProjectVersion, are COPYING_COMPLETED.
type ProjectVersionCopyCompletedWaiter struct{ w waiter }

// NewProjectVersionCopyCompletedWaiter returns a waiter that polls client
// until the versions named in the params, in the destination project of
// CopyProjectVersion, have been copied (COPYING_COMPLETED, or a state only
// a copied version then reaches, such as RUNNING), failing at once on
// COPYING_FAILED. The official SDKs have no such waiter.
func NewProjectVersionCopyCompletedWaiter(client DescribeProjectVersionsAPIClient, optFns ...func(*WaiterOptions)) *ProjectVersionCopyCompletedWaiter {
	return &ProjectVersionCopyCompletedWaiter{newWaiter(client, &copySpec, optFns)}
}

// Wait polls until every version named in params.VersionNames (1 to 10,
// required) of params.ProjectArn is copied, and returns nil then. Errors
// are as for ProjectVersionRunningWaiter.Wait; zero maxWait means 6 hours.
func (w *ProjectVersionCopyCompletedWaiter) Wait(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, params, maxWait, optFns)
	return err
}

// WaitForOutput is Wait, returning also the last page polled.
func (w *ProjectVersionCopyCompletedWaiter) WaitForOutput(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*WaiterOptions)) (*DescribeProjectVersionsOutput, error) {
	return w.w.wait(ctx, params, maxWait, optFns)
}

// ProjectVersionDeletedWaiter waits until named versions are gone.
type ProjectVersionDeletedWaiter struct{ w waiter }

// NewProjectVersionDeletedWaiter returns a waiter that polls client until
// the versions named in the params are no longer listed, after
// DeleteProjectVersion, failing at once on a version that is not
// DELETING. The official SDKs have no such waiter.
func NewProjectVersionDeletedWaiter(client DescribeProjectVersionsAPIClient, optFns ...func(*WaiterOptions)) *ProjectVersionDeletedWaiter {
	return &ProjectVersionDeletedWaiter{newWaiter(client, &deletedSpec, optFns)}
}

// Wait polls until no version named in params.VersionNames (1 to 10,
// required) of params.ProjectArn is listed, and returns nil then. Errors
// are as for ProjectVersionRunningWaiter.Wait; zero maxWait means 30
// minutes.
func (w *ProjectVersionDeletedWaiter) Wait(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, params, maxWait, optFns)
	return err
}

// waiter polls DescribeProjectVersions until spec accepts.
type waiter struct {
	client DescribeProjectVersionsAPIClient
	spec   *waiterSpec[ProjectVersionStatus]
	opts   WaiterOptions
}

// ProjectVersionRunningWaiter waits until named versions are RUNNING.
type ProjectVersionRunningWaiter struct{ w waiter }

// NewProjectVersionRunningWaiter returns a waiter that polls client until
// the versions named in the params are RUNNING, failing at once when one
// cannot get there (FAILED, STOPPED, TRAINING_COMPLETED without a start,
// ...). Use it after StartProjectVersion.
func NewProjectVersionRunningWaiter(client DescribeProjectVersionsAPIClient, optFns ...func(*ProjectVersionRunningWaiterOptions)) *ProjectVersionRunningWaiter {
	return &ProjectVersionRunningWaiter{newWaiter(client, &runningSpec, optFns)}
}

// Wait polls until every version named in params.VersionNames (1 to 10,
// required) of params.ProjectArn is RUNNING, and returns nil then. It
// returns a *WaiterStateError when one cannot become RUNNING or is
// missing, an error matching ErrWaitTimeout after maxWait (zero means 20
// minutes, the official waiter's bound), the poll's error when it is not
// retryable, or ctx's error. ProjectVersionInput makes params from a
// version ARN. optFns change the options for this wait.
func (w *ProjectVersionRunningWaiter) Wait(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*ProjectVersionRunningWaiterOptions)) error {
	_, err := w.w.wait(ctx, params, maxWait, optFns)
	return err
}

// WaitForOutput is Wait, returning also the last page polled.
func (w *ProjectVersionRunningWaiter) WaitForOutput(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*ProjectVersionRunningWaiterOptions)) (*DescribeProjectVersionsOutput, error) {
	return w.w.wait(ctx, params, maxWait, optFns)
}

// ProjectVersionTrainingCompletedWaiter waits until named versions are
// trained.
type ProjectVersionTrainingCompletedWaiter struct{ w waiter }

// NewProjectVersionTrainingCompletedWaiter returns a waiter that polls
// client until the versions named in the params have finished training
// (TRAINING_COMPLETED, or a state only a trained version reaches, such as
// RUNNING), failing at once on TRAINING_FAILED. Use it after
// CreateProjectVersion.
func NewProjectVersionTrainingCompletedWaiter(client DescribeProjectVersionsAPIClient, optFns ...func(*ProjectVersionTrainingCompletedWaiterOptions)) *ProjectVersionTrainingCompletedWaiter {
	return &ProjectVersionTrainingCompletedWaiter{newWaiter(client, &trainingSpec, optFns)}
}

// Wait polls until every version named in params.VersionNames (1 to 10,
// required) of params.ProjectArn has finished training, and returns nil
// then. Errors are as for ProjectVersionRunningWaiter.Wait; zero maxWait
// means 25 hours: training takes up to 24, where the official waiter
// gives up after 12.
func (w *ProjectVersionTrainingCompletedWaiter) Wait(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*ProjectVersionTrainingCompletedWaiterOptions)) error {
	_, err := w.w.wait(ctx, params, maxWait, optFns)
	return err
}

// WaitForOutput is Wait, returning also the last page polled.
func (w *ProjectVersionTrainingCompletedWaiter) WaitForOutput(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns ...func(*ProjectVersionTrainingCompletedWaiterOptions)) (*DescribeProjectVersionsOutput, error) {
	return w.w.wait(ctx, params, maxWait, optFns)
}

func newWaiter(client DescribeProjectVersionsAPIClient, spec *waiterSpec[ProjectVersionStatus], optFns []func(*WaiterOptions)) waiter {
	return waiter{client: client, spec: spec, opts: waiterOptions(optFns)}
}

// pollRetryable decides which poll errors the next poll may cure: the
// same errors the client retries.
var pollRetryable = retry.IsErrorRetryables(retry.DefaultRetryables)

func (w *waiter) wait(ctx context.Context, params *DescribeProjectVersionsInput, maxWait time.Duration, optFns []func(*WaiterOptions)) (*DescribeProjectVersionsOutput, error) {
	if params == nil || len(params.VersionNames) == 0 {
		return nil, &InvalidParamError{Input: "DescribeProjectVersionsInput", Field: "VersionNames",
			Rule: "must name the versions to wait for: without names the service lists every version of the project, and one old stopped version would keep the wait from ending"}
	}
	in := *params
	in.NextToken = ""
	l := loop[DescribeProjectVersionsOutput]{
		name: w.spec.name, minDelay: w.spec.minDelay, maxWait: w.spec.maxWait, opts: w.opts,
		poll: func(ctx context.Context, poll *WaiterPoll) (*DescribeProjectVersionsOutput, bool, error) {
			out, versions, err := w.poll(ctx, &in)
			if err != nil {
				return nil, false, err
			}
			poll.Versions = versions
			done, err := w.judge(&in, versions)
			return out, done, err
		},
		state: func(poll *WaiterPoll) string {
			state := ""
			for _, v := range poll.Versions {
				state += fmt.Sprintf(", %s is %s", v.VersionName(), v.Status)
			}
			return state
		},
	}
	return l.run(ctx, maxWait, optFns)
}

// loop is the polling every waiter runs: poll, judge, then sleep a
// jittered delay that grows from MinDelay to MaxDelay, within the maximum
// wait and the context.
type loop[Out any] struct {
	name     string
	minDelay time.Duration
	// maxWait is the default maximum wait.
	maxWait time.Duration
	opts    WaiterOptions
	// poll polls once and judges what it saw: done with a nil error when
	// the awaited state came, done with an error when it cannot. What it
	// saw goes into poll, for OnPoll. A non-nil err is the poll's own
	// error, which ends the wait unless it is retryable.
	poll func(ctx context.Context, poll *WaiterPoll) (out *Out, done bool, err error)
	// state words what the last poll saw, for the timeout's error.
	state func(poll *WaiterPoll) string
}

func (l *loop[Out]) run(ctx context.Context, maxWait time.Duration, optFns []func(*WaiterOptions)) (*Out, error) {
	opts := l.opts
	for _, fn := range optFns {
		fn(&opts)
	}
	optionsName := l.name + "WaiterOptions"
	if opts.MinDelay == 0 {
		opts.MinDelay = l.minDelay
	}
	if opts.MaxDelay == 0 {
		opts.MaxDelay = max(120*time.Second, opts.MinDelay)
	}
	switch {
	case opts.MinDelay < 0:
		return nil, &InvalidParamError{Input: optionsName, Field: "MinDelay", Rule: "must not be negative, got " + opts.MinDelay.String()}
	case opts.MaxDelay < opts.MinDelay:
		return nil, &InvalidParamError{Input: optionsName, Field: "MaxDelay", Rule: fmt.Sprintf("must be at least MinDelay (%v), got %v", opts.MinDelay, opts.MaxDelay)}
	case maxWait < 0:
		return nil, &InvalidParamError{Input: l.name + "Waiter.Wait", Field: "maxWait", Rule: "must not be negative, got " + maxWait.String()}
	}
	if maxWait == 0 {
		maxWait = l.maxWait
	}
	deadline := time.Now().Add(maxWait)

	for attempt := 1; ; attempt++ {
		poll := WaiterPoll{Attempt: attempt}
		out, done, err := l.poll(ctx, &poll)
		result := err
		switch {
		case done:
		case err != nil && ctx.Err() != nil:
			done = true
		case err != nil:
			poll.Err = err
			done = pollRetryable.IsErrorRetryable(err) != aws.TrueTernary
		}
		var delay time.Duration
		if !done {
			remaining := time.Until(deadline)
			if remaining <= 0 {
				done, result = true, l.timeout(maxWait, attempt, err, &poll)
			} else {
				delay = min(delay0(&opts, attempt), remaining)
			}
		}
		if err != nil {
			poll.Err = err
		}
		poll.NextDelay = delay
		if opts.OnPoll != nil {
			opts.OnPoll(poll)
		}
		if done {
			if result != nil {
				return nil, result
			}
			return out, nil
		}
		if err := sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}

func (l *loop[Out]) timeout(maxWait time.Duration, polls int, lastErr error, poll *WaiterPoll) error {
	if lastErr != nil {
		return fmt.Errorf("%w: %s waited %v (%d polls), last poll failed: %w", ErrWaitTimeout, l.name, maxWait, polls, lastErr)
	}
	return fmt.Errorf("%w: %s waited %v (%d polls)%s", ErrWaitTimeout, l.name, maxWait, polls, l.state(poll))
}

// poll lists the named versions, following NextToken.
func (w *waiter) poll(ctx context.Context, in *DescribeProjectVersionsInput) (*DescribeProjectVersionsOutput, []ProjectVersionDescription, error) {
	opts := w.opts.ClientOptions
	var all []ProjectVersionDescription
	var last *DescribeProjectVersionsOutput
	p := NewDescribeProjectVersionsPaginator(w.client, in)
	for p.HasMorePages() {
		out, err := p.NextPage(ctx, opts...)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, out.ProjectVersionDescriptions...)
		last = out
	}
	return last, all, nil
}

// judge applies the acceptors to the named versions: done with nil when
// all succeeded, done with an error when one failed or is missing.
func (w *waiter) judge(in *DescribeProjectVersionsInput, versions []ProjectVersionDescription) (bool, error) {
	allDone := true
	for _, name := range in.VersionNames {
		var v ProjectVersionDescription
		found := false
		for i := range versions {
			if versions[i].VersionName() == name {
				v, found = versions[i], true
				break
			}
		}
		switch state, why := w.spec.verdict(v.Status, found); state {
		case waitFailure:
			if !found {
				why += " in project " + in.ProjectArn
			}
			return true, &WaiterStateError{Waiter: w.spec.name, VersionName: name,
				Status: v.Status, StatusMessage: v.StatusMessage, Reason: why}
		case waitRetry:
			allDone = false
		}
	}
	return allDone, nil
}

// delay0 returns the jittered delay after poll attempt: MinDelay doubled
// per poll up to MaxDelay, drawn uniformly from [MinDelay, that].
func delay0(opts *WaiterOptions, attempt int) time.Duration {
	d := opts.MinDelay
	for i := 1; i < attempt && d < opts.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, opts.MaxDelay)
	if span := d - opts.MinDelay; span > 0 {
		return opts.MinDelay + rand.N(span+1)
	}
	return d
}
