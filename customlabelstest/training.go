package customlabelstest

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/manifest"
)

// Training: CreateProjectVersion, and what the training makes of its
// data when the training time has passed on the models' clock.
//
// The server reads the data when CreateProjectVersion is called: the
// manifests in S3 (or the project's datasets), their images in its own
// S3 (to know them again in DetectCustomLabels), and it writes the
// training's files to the OutputConfig then. DescribeProjectVersions
// shows the outcome once the training time has passed:
// TRAINING_COMPLETED with the evaluation and the files' locations, or
// TRAINING_FAILED with the service's message for what the data (or the
// output bucket) lacks. The files exist from the start; the service
// writes them as it goes, and a test sees them only once it has the
// answer that names them.

// FailNextTraining makes the training of the next CreateProjectVersion
// the server accepts end in TRAINING_FAILED with message, whatever its
// data, as after a failure of the service: the files it wrote stay in S3
// but the version does not name them. Each call applies to one
// CreateProjectVersion, in the order of the calls. An empty message is a
// typical one. For the failure of a version already training, see
// FailTraining; a training whose data fails needs no help (see the
// package documentation for the messages).
func (s *Server) FailNextTraining(message string) {
	if message == "" {
		message = msgTrainingFailed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNextTrainings = append(s.failNextTrainings, message)
}

// trainingJob is a CreateProjectVersion the server accepted: what its
// training reads and where it writes, for the part that runs without the
// lock.
type trainingJob struct {
	arn, project, version string
	in                    customlabels.CreateProjectVersionInput
	// fromDatasets is set when the training reads the project's
	// datasets: trainData and, when the project has a TEST dataset,
	// testData, their lines as manifests.
	fromDatasets   bool
	trainData      []byte
	testData       []byte
	hasTestDataset bool
	end            time.Time // when the training ends
	entry          *versionEntry
}

// trainingResult is what a training ends with, applied when its time has
// come (finishTraining). pending is set while the server reads the data.
type trainingResult struct {
	pending         bool
	failure         string // the status message of a failed training
	trainingData    customlabels.TrainingDataResult
	testingData     customlabels.TestingDataResult
	manifestSummary customlabels.GroundTruthManifest
	evaluation      customlabels.EvaluationResult
	model           *trainedModel
}

// createProjectVersion answers CreateProjectVersion: a version
// TRAINING_IN_PROGRESS for the training time (WithTrainingTime), trained
// from the project's datasets or from TrainingData and TestingData.
//
// Refused, as the API reference says: TrainingData without TestingData
// or the other way round, manifests for a project that has datasets, and
// a FeatureConfig that does not fit the project's feature, as
// InvalidParameterException; an unknown project as
// ResourceNotFoundException; a version name the project has as
// ResourceInUseException (inferred from the model's errors: the reference
// says the name must be unique, not which error comes). Assumed: a
// project without datasets and without manifests, or without a TRAIN
// dataset, and TestingData with both Assets and AutoCreate, are
// InvalidParameterException; a project CREATING or DELETING is
// ResourceInUseException.
func (s *Server) createProjectVersion(_ *caller, in *customlabels.CreateProjectVersionInput) (*customlabels.CreateProjectVersionOutput, error) {
	training := len(in.TrainingData.Assets) > 0
	testing := len(in.TestingData.Assets) > 0 || in.TestingData.AutoCreate
	switch {
	case training && !testing:
		return nil, &customlabels.InvalidParameterException{Message: "TestingData is required with TrainingData: give a test manifest, or AutoCreate to split the training data"}
	case testing && !training:
		return nil, &customlabels.InvalidParameterException{Message: "TrainingData is required with TestingData"}
	case len(in.TestingData.Assets) > 0 && in.TestingData.AutoCreate:
		return nil, &customlabels.InvalidParameterException{Message: "TestingData must have either Assets or AutoCreate, not both"}
	}
	now := s.modelNow()
	s.mu.Lock()
	job, err := s.admitTraining(in, training, now)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	res := s.runTraining(context.Background(), job)
	s.mu.Lock()
	if s.versions.byArn[job.arn] == job.entry {
		job.entry.training = res
	}
	s.mu.Unlock()
	return &customlabels.CreateProjectVersionOutput{ProjectVersionArn: job.arn}, nil
}

// admitTraining checks a CreateProjectVersion against the server's state
// and adds its version, TRAINING_IN_PROGRESS with its result pending.
// s.mu is held.
func (s *Server) admitTraining(in *customlabels.CreateProjectVersionInput, manifests bool, now time.Time) (*trainingJob, error) {
	s.settleProjects(now)
	s.sweepVersions(now)
	pe, ok := s.store.byArn[in.ProjectArn]
	if !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + in.ProjectArn + " does not exist"}
	}
	p := pe.p
	if p.Status == customlabels.ProjectStatusCreating || p.Status == customlabels.ProjectStatusDeleting {
		return nil, &customlabels.ResourceInUseException{Message: "The project " + in.ProjectArn + " is " + string(p.Status) + "; train a version once it is CREATED"}
	}
	feature := p.Feature
	if feature == "" {
		feature = customlabels.CustomizationFeatureCustomLabels
	}
	if in.FeatureConfig != (customlabels.CustomizationFeatureConfig{}) && feature != customlabels.CustomizationFeatureContentModeration {
		return nil, &customlabels.InvalidParameterException{Message: "FeatureConfig.ContentModeration applies only to CONTENT_MODERATION projects; " +
			in.ProjectArn + " is a " + string(feature) + " project"}
	}
	project := projectKey(in.ProjectArn)
	if len(s.versions.versions(&versionQuery{project: project, names: map[string]bool{in.VersionName: true}})) > 0 {
		return nil, &customlabels.ResourceInUseException{Message: "The project " + in.ProjectArn + " already has a version named " + in.VersionName}
	}
	job := &trainingJob{in: *in, project: pe.p.Name(), version: in.VersionName}
	job.in.TrainingData.Assets = slices.Clone(in.TrainingData.Assets)
	job.in.TestingData.Assets = slices.Clone(in.TestingData.Assets)
	hasDatasets := len(p.Datasets) > 0
	switch {
	case manifests && hasDatasets:
		return nil, &customlabels.InvalidParameterException{Message: "The project " + in.ProjectArn +
			" has datasets: train from them, without TrainingData and TestingData"}
	case !manifests && !hasDatasets:
		return nil, &customlabels.InvalidParameterException{Message: "The project " + in.ProjectArn +
			" has no datasets: create them (CreateDataset), or give TrainingData and TestingData"}
	case !manifests:
		lines, ok := s.datasetLines(in.ProjectArn, customlabels.DatasetTypeTrain)
		if e := s.datasets.ofProject(in.ProjectArn, customlabels.DatasetTypeTrain); !ok && e != nil && strings.HasSuffix(string(e.d.Status), "_IN_PROGRESS") {
			// Assumed: a dataset being made, changed or deleted is busy.
			return nil, &customlabels.ResourceInUseException{Message: "The TRAIN dataset of the project " + in.ProjectArn +
				" is " + string(e.d.Status) + ": train once it is CREATE_COMPLETE or UPDATE_COMPLETE"}
		}
		if !ok {
			return nil, &customlabels.InvalidParameterException{Message: "The project " + in.ProjectArn + " has no TRAIN dataset"}
		}
		job.fromDatasets, job.trainData = true, encodeLines(lines)
		if lines, ok := s.datasetLines(in.ProjectArn, customlabels.DatasetTypeTest); ok {
			job.testData, job.hasTestDataset = encodeLines(lines), true
		}
	}

	job.arn = project + "/version/" + in.VersionName + "/" + strconv.FormatInt(now.UnixMilli(), 10)
	v := customlabels.ProjectVersionDescription{
		ProjectVersionArn:  job.arn,
		CreationTimestamp:  now,
		OutputConfig:       in.OutputConfig,
		KmsKeyId:           in.KmsKeyId,
		VersionDescription: in.VersionDescription,
		Feature:            feature,
		FeatureConfig:      in.FeatureConfig,
	}
	e := s.versions.put(v, project, in.VersionName)
	s.enter(e, customlabels.ProjectVersionStatusTrainingInProgress, msgTrainingInProgress, now)
	e.training = &trainingResult{pending: true}
	if len(s.failNextTrainings) > 0 {
		msg := s.failNextTrainings[0]
		s.failNextTrainings = s.failNextTrainings[1:]
		e.failTraining = &msg
	}
	if len(in.Tags) > 0 {
		s.tagStore.set(job.arn, in.Tags)
	}
	job.entry, job.end = e, e.due
	return job, nil
}

// runTraining reads a training's data, checks it as the service does,
// and writes the training's files: what the training ends with. It runs
// without the lock: the objects it reads and writes may be in another
// server (WithS3Endpoint).
func (s *Server) runTraining(ctx context.Context, job *trainingJob) *trainingResult {
	r := &trainingResult{}
	r.trainingData.Input = job.in.TrainingData
	r.testingData.Input = job.in.TestingData
	out := s.newOutputs(ctx, job.in.OutputConfig, job.project, job.version)
	fail := func(msg string) *trainingResult {
		r.failure = msg
		return r
	}

	trainData, testData, split, msg := s.trainingData(ctx, job, out, r)
	if msg != "" {
		return fail(msg)
	}
	train, test, msg := s.trainingManifests(out, r, trainData, testData, split)
	if msg != "" {
		return fail(msg)
	}

	failures := append(train.failures(), test.failures()...)
	cross := manifest.CheckTraining(train.rep, test.rep)
	for _, p := range cross {
		if p.Tier == manifest.TierTraining {
			failures = append(failures, p)
		}
	}
	s.writeValidation(out, r, train, test, nil, cross)
	if out.failed {
		return fail(msgOutputBucket)
	}
	if len(failures) > 0 {
		return fail(failureStatus(failures))
	}

	model := newTrainedModel(job.arn, train, test, job.end, s.imagesOf(train, test))
	r.evaluation = customlabels.EvaluationResult{
		F1Score: float32(model.summary.AggregatedEvaluationResults.F1Score),
		Summary: customlabels.Summary{S3Object: out.writeSummary(&model.summary)},
	}
	r.trainingData.Output.Assets = []customlabels.Asset{out.put(trainingSnapshotFile, encodeLines(train.usedLines()), "", false)}
	created := job.end.UTC().Format(manifest.CreationDateLayout)
	r.testingData.Output.Assets = []customlabels.Asset{out.put(testingSnapshotFile, testingSnapshot(model, test, created), "", false)}
	r.model = model
	if out.failed {
		return fail(msgOutputBucket)
	}
	return r
}

// trainingData returns the training's manifests, read from S3 or taken
// from the datasets (then written to the output as the training's input,
// in r), and whether the test data is split from the training data; or
// the failure's status message.
func (s *Server) trainingData(ctx context.Context, job *trainingJob, out *outputs, r *trainingResult) (trainData, testData []byte, split bool, failure string) {
	trainData, testData = job.trainData, job.testData
	split = job.in.TestingData.AutoCreate
	if !job.fromDatasets {
		var msg string
		if trainData, msg = s.readManifest(ctx, job.in.TrainingData.Assets); msg != "" {
			return nil, nil, false, msg
		}
		if !split {
			if testData, msg = s.readManifest(ctx, job.in.TestingData.Assets); msg != "" {
				return nil, nil, false, msg
			}
		}
	}
	if !out.bucketExists() {
		return nil, nil, false, msgOutputBucket
	}
	if job.fromDatasets {
		// The datasets are the training's input: written out as the
		// manifests they are, so that the version can name them.
		r.trainingData.Input.Assets = []customlabels.Asset{out.put(datasetTrainFile, trainData, "", false)}
		split = !job.hasTestDataset
		if split {
			r.testingData.Input = customlabels.TestingData{AutoCreate: true}
		} else {
			r.testingData.Input.Assets = []customlabels.Asset{out.put(datasetTestFile, testData, "", false)}
		}
	}
	return trainData, testData, split, ""
}

// trainingManifests parses the training's manifests, splitting the test
// manifest from the training one when split; or returns the failure's
// status message, having written the validation files of a split that
// fails.
func (s *Server) trainingManifests(out *outputs, r *trainingResult, trainData, testData []byte, split bool) (train, test *trainingManifest, failure string) {
	train, msg := newTrainingManifest(trainData)
	if msg != "" {
		return nil, nil, msg
	}
	if !split {
		test, msg = newTrainingManifest(testData)
		return train, test, msg
	}
	if failures := train.failures(); len(failures) > 0 {
		s.writeValidation(out, r, train, nil, nil, nil)
		return nil, nil, failureStatus(failures)
	}
	trainPart, testPart, ok := splitForTesting(train)
	if !ok {
		extra := []manifest.Issue{{Code: codeInsufficientImagesForAutosplit, Message: contentMessages[codeInsufficientImagesForAutosplit]}}
		s.writeValidation(out, r, train, nil, extra, nil)
		return nil, nil, statusOfContentError(codeInsufficientImagesForAutosplit)
	}
	if train, msg = newTrainingManifest(trainPart); msg != "" {
		return nil, nil, msg
	}
	if test, msg = newTrainingManifest(testPart); msg != "" {
		return nil, nil, msg
	}
	return train, test, ""
}

// writeValidation writes the validation manifests of train and test (nil
// when the training failed before its split) and manifest_summary.json,
// and records their locations in r.
func (s *Server) writeValidation(out *outputs, r *trainingResult, train, test *trainingManifest, extra []manifest.Issue, cross []manifest.Problem) {
	r.trainingData.Validation.Assets = []customlabels.Asset{out.put(trainingValidationFile, train.validationManifest(), "", false)}
	if test != nil {
		r.testingData.Validation.Assets = []customlabels.Asset{out.put(testingValidationFile, test.validationManifest(), "", false)}
	}
	r.manifestSummary = customlabels.GroundTruthManifest{S3Object: out.writeManifestSummary(train, test, extra, cross)}
}

// imagesOf returns the bytes of the images of the lines train and test
// use that are in the server's own S3, by source-ref. Stored data is
// never changed, so it is read after the lock is released.
func (s *Server) imagesOf(ms ...*trainingManifest) map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]byte{}
	for _, m := range ms {
		for _, l := range m.lines {
			if !l.used {
				continue
			}
			if bucket, key, ok := splitS3URI(l.line.SourceRef); ok {
				if data, ok := s.s3Object(bucket, key, ""); ok {
					out[l.line.SourceRef] = data
				}
			}
		}
	}
	return out
}

// finishTraining ends e's training at, with its result: TRAINING_FAILED
// with the failure a test chose (FailTraining, FailNextTraining: as after
// a service error, the files written are not named), or with what the
// data lacks (the validation files and the manifest summary named, when
// they were written); else TRAINING_COMPLETED with the evaluation, the
// data results and the billed time, and the model knows its data. s.mu
// is held.
func (s *Server) finishTraining(e *versionEntry, at time.Time) {
	r := e.training
	e.training = nil
	e.v.TrainingEndTimestamp = at
	e.v.TrainingDataResult = customlabels.TrainingDataResult{Input: r.trainingData.Input}
	e.v.TestingDataResult = customlabels.TestingDataResult{Input: r.testingData.Input}
	switch {
	case e.failTraining != nil:
		msg := *e.failTraining
		e.failTraining = nil
		s.enter(e, customlabels.ProjectVersionStatusTrainingFailed, msg, at)
	case r.failure != "":
		e.v.TrainingDataResult.Validation = r.trainingData.Validation
		e.v.TestingDataResult.Validation = r.testingData.Validation
		e.v.ManifestSummary = r.manifestSummary
		s.enter(e, customlabels.ProjectVersionStatusTrainingFailed, r.failure, at)
	default:
		e.v.TrainingDataResult, e.v.TestingDataResult = r.trainingData, r.testingData
		e.v.ManifestSummary = r.manifestSummary
		e.v.EvaluationResult = r.evaluation
		e.v.BillableTrainingTimeInSeconds = int64(at.Sub(e.entered) / time.Second)
		e.trained = r.model
		s.enter(e, customlabels.ProjectVersionStatusTrainingCompleted, msgTrainingCompleted, at)
	}
}
