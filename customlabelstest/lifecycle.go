package customlabelstest

import (
	"hash/fnv"
	"time"

	"github.com/rekognition-go/customlabels"
)

// How long the transitional statuses of a model last unless WithTrainingTime,
// WithStartingTime or WithStoppingTime say otherwise: about what the
// service takes for a small model.
const (
	// DefaultTrainingTime is how long TRAINING_IN_PROGRESS lasts.
	DefaultTrainingTime = time.Hour
	// DefaultStartingTime is how long STARTING lasts.
	DefaultStartingTime = 10 * time.Minute
	// DefaultStoppingTime is how long STOPPING lasts.
	DefaultStoppingTime = time.Minute
)

// The status messages the fake writes. The service's own wording is not
// documented; these say the same in plain words.
const (
	msgTrainingInProgress = "The model is being trained."
	msgTrainingCompleted  = "The model is ready to run."
	msgTrainingFailed     = "The model could not be trained: the training dataset has too few labeled images."
	msgStarting           = "The model is being started."
	msgRunning            = "The model is running."
	msgStartFailed        = "The model could not be started: an internal service error occurred. Start it again."
	msgStopping           = "The model is being stopped."
	msgStopped            = "The model is stopped."
)

// WithTrainingTime sets how long, on the models' clock, a version stays
// TRAINING_IN_PROGRESS once added or created by CreateProjectVersion,
// before it becomes TRAINING_COMPLETED (or TRAINING_FAILED: see
// Server.FailTraining, Server.FailNextTraining, and the data a
// CreateProjectVersion trains with). Zero means at once; the default is
// DefaultTrainingTime.
func WithTrainingTime(d time.Duration) Option {
	return func(c *config) { c.trainingTime = max(d, 0) }
}

// WithStartingTime sets how long, on the models' clock, a version stays
// STARTING after StartProjectVersion (or once added STARTING), before it
// becomes RUNNING (or FAILED, see Server.FailStart). Zero means at once:
// StartProjectVersion still answers STARTING, and the next
// DescribeProjectVersions shows RUNNING. The default is
// DefaultStartingTime.
func WithStartingTime(d time.Duration) Option {
	return func(c *config) { c.startingTime = max(d, 0) }
}

// WithStoppingTime sets how long, on the models' clock, a version stays
// STOPPING after StopProjectVersion (or once added STOPPING), before it
// becomes STOPPED. Zero means at once. The default is DefaultStoppingTime.
func WithStoppingTime(d time.Duration) Option {
	return func(c *config) { c.stoppingTime = max(d, 0) }
}

// WithInferenceUnitsLimit sets the account's limit of inference units in
// use: StartProjectVersion answers LimitExceededException when the models
// STARTING or RUNNING, with the one to start, would use more. A model
// uses its MaxInferenceUnits, or its MinInferenceUnits when it has no
// maximum or a smaller one (it may scale up to the maximum), and at least
// one. Zero or less
// means no limit, the default.
func WithInferenceUnitsLimit(n int) Option {
	return func(c *config) { c.unitsLimit = max(n, 0) }
}

// Advance moves the models' clock forward by d: a training, start or stop
// in progress ends once its time has passed on that clock, as if d had
// gone by. The models' clock is the server's clock (WithClock,
// WithClockOffset) plus every Advance so far; only lifecycles and the
// timestamps they write read it. Signature dates and the Date header keep
// the server's clock, so that signed requests stay valid however far a
// test advances. Advance panics if d is negative.
//
// With Advance a test drives lifecycles without sleeping: for example,
// with WithStartingTime(10*time.Minute), StartProjectVersion, then
// Advance(10*time.Minute), and DescribeProjectVersions shows RUNNING.
func (s *Server) Advance(d time.Duration) {
	if d < 0 {
		panic("customlabelstest: Advance: negative duration " + d.String())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanced += d
}

// modelNow returns the models' clock: the server's time plus every
// Advance.
func (s *Server) modelNow() time.Time {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	return now.Add(s.advanced)
}

// FailTraining makes the training of the version with this ARN end in
// TRAINING_FAILED with message (a typical one when empty) instead of
// TRAINING_COMPLETED. It reports whether the version is training, as far
// as the server has seen: call it before a request (or ProjectVersions)
// has observed the training's end, e.g. right after adding a version
// TRAINING_IN_PROGRESS, even with WithTrainingTime(0).
func (s *Server) FailTraining(versionArn, message string) bool {
	if message == "" {
		message = msgTrainingFailed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.versions.byArn[versionArn]
	if !ok || e.v.Status != customlabels.ProjectVersionStatusTrainingInProgress {
		return false
	}
	e.failTraining = &message
	return true
}

// FailStart makes the start of the version with this ARN that is in
// progress (STARTING, as far as the server has seen), or else its next
// start, end in FAILED with message (a typical one when empty) instead
// of RUNNING. It reports whether the version exists.
func (s *Server) FailStart(versionArn, message string) bool {
	if message == "" {
		message = msgStartFailed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.versions.byArn[versionArn]
	if ok {
		e.failStart = &message
	}
	return ok
}

// enter puts e in status at now, on the models' clock, and schedules the
// end of a transitional status.
func (s *Server) enter(e *versionEntry, status customlabels.ProjectVersionStatus, message string, now time.Time) {
	e.v.Status, e.v.StatusMessage = status, message
	e.entered, e.due = now, time.Time{}
	switch status {
	case customlabels.ProjectVersionStatusTrainingInProgress:
		e.due = now.Add(s.trainingTime)
	case customlabels.ProjectVersionStatusStarting:
		e.due = now.Add(s.startingTime)
	case customlabels.ProjectVersionStatusStopping:
		e.due = now.Add(s.stoppingTime)
	case customlabels.ProjectVersionStatusCopyingInProgress:
		e.due = now.Add(s.copyTime)
	case customlabels.ProjectVersionStatusDeleting:
		e.due = now.Add(s.deletingTime)
	}
}

// settle ends e's transitional status if its time has come by now, on
// the models' clock. The new status dates from the moment it was due, so
// what a test sees does not depend on when it looks. s.mu is held.
func (s *Server) settle(e *versionEntry, now time.Time) {
	if e.due.IsZero() || now.Before(e.due) {
		return
	}
	at := e.due
	switch e.v.Status {
	case customlabels.ProjectVersionStatusTrainingInProgress:
		if e.training != nil {
			// Trained by the server (training.go); while it reads the
			// data, the training goes on.
			if !e.training.pending {
				s.finishTraining(e, at)
			}
			return
		}
		if e.v.TrainingEndTimestamp.IsZero() {
			e.v.TrainingEndTimestamp = at
		}
		if e.failTraining != nil {
			s.enter(e, customlabels.ProjectVersionStatusTrainingFailed, *e.failTraining, at)
			e.failTraining = nil
			return
		}
		if e.v.BillableTrainingTimeInSeconds == 0 {
			e.v.BillableTrainingTimeInSeconds = int64(at.Sub(e.entered) / time.Second)
		}
		if e.v.EvaluationResult.F1Score == 0 {
			e.v.EvaluationResult.F1Score = demoF1Score(e.v.ProjectVersionArn)
		}
		s.enter(e, customlabels.ProjectVersionStatusTrainingCompleted, msgTrainingCompleted, at)
	case customlabels.ProjectVersionStatusStarting:
		if e.failStart != nil {
			s.enter(e, customlabels.ProjectVersionStatusFailed, *e.failStart, at)
			e.failStart = nil
			return
		}
		s.enter(e, customlabels.ProjectVersionStatusRunning, msgRunning, at)
	case customlabels.ProjectVersionStatusStopping:
		s.enter(e, customlabels.ProjectVersionStatusStopped, msgStopped, at)
	case customlabels.ProjectVersionStatusCopyingInProgress:
		s.finishCopy(e, at)
	case customlabels.ProjectVersionStatusDeleting:
		s.removeVersion(e)
	default:
		e.due = time.Time{}
	}
}

// demoF1Score is a plausible F1 score, 0.800 to 0.999, fixed by the ARN.
func demoF1Score(arn string) float32 {
	h := fnv.New32a()
	h.Write([]byte(arn))
	return float32(800+h.Sum32()%200) / 1000
}
