package customlabelstest

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Copies: CopyProjectVersion, and the copy's end when the copy time has
// passed on the models' clock.

// DefaultCopyTime is how long a copy made with CopyProjectVersion stays
// COPYING_IN_PROGRESS.
const DefaultCopyTime = 10 * time.Minute

// The status messages of a copy, in plain words.
const (
	msgCopying          = "The model is being copied."
	msgCopyingCompleted = "The model was copied and is ready to run."
)

// WithCopyTime sets how long, on the models' clock, a version made by
// CopyProjectVersion (or added COPYING_IN_PROGRESS) stays
// COPYING_IN_PROGRESS before it becomes COPYING_COMPLETED (or
// COPYING_FAILED, when its output bucket cannot be written). Zero means
// at once. The default is DefaultCopyTime.
func WithCopyTime(d time.Duration) Option {
	return func(c *config) { c.copyTime = max(d, 0) }
}

// copyableStatuses are the statuses of a version CopyProjectVersion
// copies: those of a trained model, running or not. The API reference
// does not list them (assumed); any other status (a training, a failed
// training or copy, a copy in progress, a deletion) is
// ResourceInUseException, the error of the model's list for a resource in
// the wrong state. ResourceNotReadyException is not among
// CopyProjectVersion's errors.
var copyableStatuses = map[customlabels.ProjectVersionStatus]bool{
	customlabels.ProjectVersionStatusTrainingCompleted: true,
	customlabels.ProjectVersionStatusCopyingCompleted:  true,
	customlabels.ProjectVersionStatusStarting:          true,
	customlabels.ProjectVersionStatusRunning:           true,
	customlabels.ProjectVersionStatusStopping:          true,
	customlabels.ProjectVersionStatusStopped:           true,
	customlabels.ProjectVersionStatusFailed:            true,
}

// copyResult is what a copy ends with, applied when its time has come
// (finishCopy). pending is set while the server writes its files.
type copyResult struct {
	pending bool
	failure string
	// source is the description of the version copied, when the copy
	// began; evaluation the copy's.
	source     customlabels.ProjectVersionDescription
	evaluation customlabels.EvaluationResult
	trained    *trainedModel
}

// copyJob is a CopyProjectVersion the server accepted.
type copyJob struct {
	arn, project, version string
	in                    customlabels.CopyProjectVersionInput
	source                customlabels.ProjectVersionDescription
	trained               *trainedModel
	entry                 *versionEntry
}

// copyProjectVersion answers CopyProjectVersion: a version of the
// destination project, COPYING_IN_PROGRESS for the copy time
// (WithCopyTime), then COPYING_COMPLETED with the source's evaluation
// (its summary written again, for the copy, to the copy's OutputConfig,
// when the server trained the source; a seeded source's evaluation is
// kept as it is) and the source's data results, or COPYING_FAILED when
// the output bucket cannot be written. A copy of a model the server
// trained knows its data as its source does; a source's Model is the
// copy's too.
//
// As the API reference says: the projects and the version must exist
// (else ResourceNotFoundException), the copy stays in the Region, only
// Custom Labels models are copied, and a copy from another account needs
// a project policy on the source project that allows the caller's
// account. The errors each of these gets are not documented: assumed,
// an unknown project or version (or a version of another project) is
// ResourceNotFoundException; two Regions and adapters (a
// CONTENT_MODERATION project or version, at either end) are
// InvalidParameterException; a destination project of another account
// than the caller's, or no policy allowing the copy, AccessDeniedException;
// a source version not in copyableStatuses, a destination project
// CREATING or DELETING, or a version name the destination has,
// ResourceInUseException.
func (s *Server) copyProjectVersion(c *caller, in *customlabels.CopyProjectVersionInput) (*customlabels.CopyProjectVersionOutput, error) {
	if arnPartitionRegion(in.SourceProjectArn) != arnPartitionRegion(in.DestinationProjectArn) {
		return nil, &customlabels.InvalidParameterException{Message: "The destination project must be in the source project's Region: models are copied within a Region"}
	}
	now := s.modelNow()
	s.mu.Lock()
	job, err := s.admitCopy(c, in, now)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	res := s.runCopy(context.Background(), job)
	s.mu.Lock()
	if s.versions.byArn[job.arn] == job.entry {
		job.entry.copying = res
	}
	s.mu.Unlock()
	return &customlabels.CopyProjectVersionOutput{ProjectVersionArn: job.arn}, nil
}

// admitCopy checks a CopyProjectVersion against the server's state and
// adds the copy, COPYING_IN_PROGRESS with its result pending. s.mu is
// held.
func (s *Server) admitCopy(c *caller, in *customlabels.CopyProjectVersionInput, now time.Time) (*copyJob, error) {
	s.settleProjects(now)
	s.sweepVersions(now)
	src, ok := s.store.byArn[in.SourceProjectArn]
	if !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + in.SourceProjectArn + " does not exist"}
	}
	dst, ok := s.store.byArn[in.DestinationProjectArn]
	if !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + in.DestinationProjectArn + " does not exist"}
	}
	e, ok := s.versions.byArn[in.SourceProjectVersionArn]
	if !ok || projectKey(in.SourceProjectVersionArn) != projectKey(in.SourceProjectArn) {
		return nil, &customlabels.ResourceNotFoundException{Message: "The model " + in.SourceProjectVersionArn + " does not exist in the project " + in.SourceProjectArn}
	}
	for _, f := range []customlabels.CustomizationFeature{src.p.Feature, e.v.Feature, dst.p.Feature} {
		if f == customlabels.CustomizationFeatureContentModeration {
			return nil, &customlabels.InvalidParameterException{Message: "Only Custom Labels models can be copied; Custom Moderation adapters (CONTENT_MODERATION) cannot"}
		}
	}
	if arnAccount(in.DestinationProjectArn) != c.account {
		return nil, &customlabels.AccessDeniedException{Message: "Account " + c.account + " cannot copy a model into the project " +
			in.DestinationProjectArn + " of another account: call CopyProjectVersion with the destination account's credentials"}
	}
	if !s.policyAllows(in.SourceProjectArn, in.SourceProjectVersionArn, c.account) {
		return nil, &customlabels.AccessDeniedException{Message: "No project policy of " + in.SourceProjectArn +
			" allows account " + c.account + " rekognition:CopyProjectVersion: attach one with PutProjectPolicy in the source account"}
	}
	if st := dst.p.Status; st == customlabels.ProjectStatusCreating || st == customlabels.ProjectStatusDeleting {
		return nil, &customlabels.ResourceInUseException{Message: "The project " + in.DestinationProjectArn + " is " + string(st) + "; copy into it once it is CREATED"}
	}
	if !copyableStatuses[e.v.Status] {
		return nil, &customlabels.ResourceInUseException{Message: "The model " + in.SourceProjectVersionArn + " is " + string(e.v.Status) +
			"; only a trained model (TRAINING_COMPLETED, COPYING_COMPLETED, or started since) can be copied"}
	}
	project := projectKey(in.DestinationProjectArn)
	if len(s.versions.versions(&versionQuery{project: project, names: map[string]bool{in.VersionName: true}})) > 0 {
		return nil, &customlabels.ResourceInUseException{Message: "The project " + in.DestinationProjectArn + " already has a version named " + in.VersionName}
	}

	job := &copyJob{in: *in, project: dst.p.Name(), version: in.VersionName, source: copyVersion(e.v), trained: e.trained}
	job.arn = project + "/version/" + in.VersionName + "/" + strconv.FormatInt(now.UnixMilli(), 10)
	v := customlabels.ProjectVersionDescription{
		ProjectVersionArn:       job.arn,
		CreationTimestamp:       now,
		OutputConfig:            in.OutputConfig,
		KmsKeyId:                in.KmsKeyId,
		SourceProjectVersionArn: in.SourceProjectVersionArn,
		VersionDescription:      e.v.VersionDescription,
		Feature:                 e.v.Feature,
	}
	ce := s.versions.put(v, project, in.VersionName)
	s.enter(ce, customlabels.ProjectVersionStatusCopyingInProgress, msgCopying, now)
	ce.copying = &copyResult{pending: true}
	if len(in.Tags) > 0 {
		s.tagStore.set(job.arn, in.Tags)
	}
	if m := s.models[in.SourceProjectVersionArn]; m != nil {
		if s.models == nil {
			s.models = map[string]*model{}
		}
		mm := m.m
		mm.Labels = slices.Clone(mm.Labels)
		s.models[job.arn] = &model{m: mm, hashLabels: m.hashLabels}
	}
	job.entry = ce
	return job, nil
}

// runCopy writes the copy's evaluation summary, for a source the server
// trained, to the copy's OutputConfig: what the copy ends with. It runs
// without the lock.
func (s *Server) runCopy(ctx context.Context, job *copyJob) *copyResult {
	r := &copyResult{source: job.source, evaluation: job.source.EvaluationResult, trained: job.trained}
	out := s.newOutputs(ctx, job.in.OutputConfig, job.project, job.version)
	if !out.bucketExists() {
		r.failure = msgOutputBucket
		return r
	}
	if job.trained != nil {
		summary := job.trained.summary
		summary.EvaluationDetails.ProjectVersionArn = job.arn
		r.evaluation.Summary.S3Object = out.writeSummary(&summary)
	}
	if out.failed {
		r.failure = msgOutputBucket
	}
	return r
}

// finishCopy ends e's copy at. A version added COPYING_IN_PROGRESS
// becomes COPYING_COMPLETED as it is. s.mu is held.
func (s *Server) finishCopy(e *versionEntry, at time.Time) {
	r := e.copying
	switch {
	case r == nil:
		s.enter(e, customlabels.ProjectVersionStatusCopyingCompleted, msgCopyingCompleted, at)
		return
	case r.pending:
		return // the server is writing its files: the copy goes on
	}
	e.copying = nil
	if r.failure != "" {
		s.enter(e, customlabels.ProjectVersionStatusCopyingFailed, r.failure, at)
		return
	}
	e.v.EvaluationResult = r.evaluation
	e.v.TrainingDataResult, e.v.TestingDataResult = r.source.TrainingDataResult, r.source.TestingDataResult
	e.v.ManifestSummary = r.source.ManifestSummary
	e.v.TrainingEndTimestamp = r.source.TrainingEndTimestamp
	e.trained = r.trained
	s.enter(e, customlabels.ProjectVersionStatusCopyingCompleted, msgCopyingCompleted, at)
}

// arnPartitionRegion returns "PARTITION:REGION" of an ARN.
func arnPartitionRegion(arn string) string {
	f := strings.SplitN(arn, ":", 5)
	if len(f) < 5 {
		return ""
	}
	return f[1] + ":" + f[3]
}
