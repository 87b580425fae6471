package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// trainSettings are the flags of customlabels train.
type trainSettings struct {
	common      commonFlags
	project     projectRef
	version     string
	output      s3Location
	train, test *s3Location // --train, --test
	split       bool
	description string
	kmsKeyID    string
	tags        tagsFlag
	wait        bool
	waits       waitFlags
}

// trainPoll is how train --wait polls against AWS: the official
// ProjectVersionTrainingCompleted waiter's 2 minutes.
var trainPoll = pollDefaults["trained"]

const trainAbout = `
Trains a model (CreateProjectVersion; IAM action
rekognition:CreateProjectVersion, and s3:PutObject for the service on
--output-config's bucket) on the project's TRAIN and TEST datasets.

A project without datasets gets them first (IAM actions
rekognition:CreateDataset, rekognition:DescribeDataset): --train MANIFEST
becomes its TRAIN dataset, and --test MANIFEST its TEST dataset, or with
--split a fifth of the training images (DistributeDatasetEntries). MANIFEST
is s3://BUCKET/KEY, such as the one manifest build --upload prints.
train waits until the datasets are created, and fails if one is not (its
status message names the manifest's error; manifest check finds it
before). A project that has datasets trains on them, and takes none of
these flags. An adapter (CONTENT_MODERATION) has no datasets: --train and
--test (or --split) are given to CreateProjectVersion.

Training takes from 30 minutes to 24 hours and bills for its time. With
--wait, train shows the status and the time elapsed until training ends,
and exits 0 on TRAINING_COMPLETED, with the F1 score (evaluate shows the
rest), or 1 on TRAINING_FAILED, with the service's status message and where
the validation files are: manifest_summary.json and the manifests with the
errors of each line. --max-wait and Ctrl-C end the wait, not the training.` + projectAbout

func parseTrain(args []string, e *env) (*trainSettings, error) {
	s := &trainSettings{}
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	fs.StringVar(&s.version, "version", "", "the new version's `NAME`, 1 to 255 of [a-zA-Z0-9_.-] (required)")
	output := fs.String("output-config", "", "where training writes its results, `s3://BUCKET/PREFIX` (required)")
	train := fs.String("train", "", "for a project without datasets: the training `MANIFEST`, s3://BUCKET/KEY")
	test := fs.String("test", "", "for a project without datasets: the test `MANIFEST`, s3://BUCKET/KEY")
	fs.BoolVar(&s.split, "split", false, "for a project without datasets: test with a fifth of the --train images instead of --test")
	fs.StringVar(&s.description, "description", "", "the version's `DESCRIPTION`")
	fs.StringVar(&s.kmsKeyID, "kms-key-id", "", "the AWS KMS `KEY` that encrypts the model (default: a key AWS owns)")
	fs.Var(&s.tags, "tag", "tag the version with `KEY=VALUE` (repeatable)")
	fs.BoolVar(&s.wait, "wait", false, "wait until training ends; exit 1 if it failed")
	s.waits.register(fs, defaultTrainingWait, trainPoll)
	positional, err := s.common.parse(fs, workflowOptions, args, e, "PROJECT --version NAME --output-config s3://BUCKET/PREFIX [--train MANIFEST (--test MANIFEST | --split)] [flags]", trainAbout)
	if err != nil {
		return nil, err
	}
	if err := s.waits.check(s.common.set); err != nil {
		return nil, err
	}
	arg, err := oneArgument(fs, positional, "PROJECT", projectHelp)
	if err != nil {
		return nil, err
	}
	if s.project, err = s.common.projectArg("PROJECT", arg); err != nil {
		return nil, err
	}
	for _, f := range []string{"version", "output-config"} {
		if !s.common.set[f] {
			return nil, usagef("missing --%s", f)
		}
	}
	if !namePattern.MatchString(s.version) {
		return nil, usagef("invalid --version %q: must be 1 to 255 of [a-zA-Z0-9_.-]", s.version)
	}
	if s.output, err = parseS3Prefix("--output-config", *output); err != nil {
		return nil, err
	}
	switch {
	case s.common.set["test"] && s.split:
		return nil, usagef("--test and --split cannot be combined: --split makes the test dataset of the --train images")
	case (s.common.set["test"] || s.split) && !s.common.set["train"]:
		return nil, usagef("--test and --split need --train MANIFEST")
	case s.common.set["train"] && !s.common.set["test"] && !s.split:
		return nil, usagef("--train needs --test MANIFEST, or --split")
	}
	if s.common.set["train"] {
		l, err := parseS3Key("--train", *train)
		if err != nil {
			return nil, err
		}
		s.train = &l
	}
	if s.common.set["test"] {
		l, err := parseS3Key("--test", *test)
		if err != nil {
			return nil, err
		}
		s.test = &l
	}
	return s, nil
}

// runTrain is customlabels train.
func runTrain(ctx context.Context, e *env, args []string) error {
	s, err := parseTrain(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	project, err := s.project.describe(ctx, client, "PROJECT", region)
	if err != nil {
		return err
	}
	if err := s.checkProject(project); err != nil {
		return err
	}
	prog := newProgress(e)
	defer prog.done()
	start := time.Now()
	if err := s.awaitProject(ctx, client, project, prog); err != nil {
		return err
	}

	res := trainJSON{ProjectArn: project.ProjectArn, VersionName: s.version, Datasets: []trainDatasetJSON{}, ValidationManifests: []string{}}
	if s.train != nil && project.Feature != customlabels.CustomizationFeatureContentModeration {
		if res.Datasets, err = s.createDatasets(ctx, e, client, project, prog, start); err != nil {
			return err
		}
	}
	if res.ProjectVersionArn, err = s.createVersion(ctx, e, client, project, region); err != nil {
		return err
	}
	res.Status = string(customlabels.ProjectVersionStatusTrainingInProgress)
	if !s.wait {
		prog.done()
		return writeOutput(e.stdout, s.common.output, res, writeTrainTable)
	}
	return s.awaitTraining(ctx, e, client, prog, res)
}

// awaitProject waits until a project still CREATING is CREATED.
func (s *trainSettings) awaitProject(ctx context.Context, client *customlabels.Client, project customlabels.ProjectDescription, prog *progress) error {
	if project.Status != customlabels.ProjectStatusCreating {
		return nil
	}
	return customlabels.NewProjectCreatedWaiter(client, waiterOptions(s.waits.policy(&s.common, projectPoll), func(p customlabels.WaiterPoll) {
		prog.show("waiting for project %s to be CREATED: %s (poll %d)", project.Name(), pollStatus(p), p.Attempt)
	})).Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{project.Name()}}, 0)
}

// createVersion starts the training (CreateProjectVersion), and returns
// the new version's ARN. An adapter is given its manifests here; a
// project with datasets trains on them.
func (s *trainSettings) createVersion(ctx context.Context, e *env, client *customlabels.Client, project customlabels.ProjectDescription, region string) (string, error) {
	in := &customlabels.CreateProjectVersionInput{
		ProjectArn:         project.ProjectArn,
		VersionName:        s.version,
		OutputConfig:       customlabels.OutputConfig{S3Bucket: s.output.bucket, S3KeyPrefix: s.output.key},
		KmsKeyId:           s.kmsKeyID,
		VersionDescription: s.description,
		Tags:               s.tags.m,
	}
	if s.train != nil && project.Feature == customlabels.CustomizationFeatureContentModeration {
		in.TrainingData.Assets = asset(*s.train)
		if s.split {
			in.TestingData.AutoCreate = true
		} else {
			in.TestingData.Assets = asset(*s.test)
		}
	}
	out, err := client.CreateProjectVersion(ctx, in)
	if err != nil {
		if ctx.Err() != nil && !s.common.demo {
			// The request may have reached the service before the answer
			// was given up.
			return "", &notedError{err, fmt.Sprintf("%s may be training: the request was sent. Check with\n  %s",
				s.version, s.common.command("models", "--project", project.Name(), "--region", region))}
		}
		return "", err
	}
	if out.Recovered {
		fmt.Fprintf(e.stderr, "the answer to CreateProjectVersion was lost; %s is the version that attempt created\n", s.version)
	}
	return out.ProjectVersionArn, nil
}

// awaitTraining waits until the training of res ends, and writes res as
// it ended: exit 1 when it failed, with the version described again for
// its validation files.
func (s *trainSettings) awaitTraining(ctx context.Context, e *env, client *customlabels.Client, prog *progress, res trainJSON) error {
	params := &customlabels.DescribeProjectVersionsInput{ProjectArn: res.ProjectArn, VersionNames: []string{s.version}}
	trainingStart := time.Now()
	got, err := customlabels.NewProjectVersionTrainingCompletedWaiter(client, waiterOptions(s.waits.policy(&s.common, trainPoll), func(p customlabels.WaiterPoll) {
		prog.show("training %s: %s (poll %d), %s elapsed", s.version, pollStatus(p), p.Attempt, elapsed(trainingStart))
	})).WaitForOutput(ctx, params, s.waits.maxWait)
	prog.done()
	var failed *customlabels.WaiterStateError
	switch {
	case errors.As(err, &failed):
		// Described again: the failed version's validation files.
		if desc, derr := client.DescribeProjectVersions(ctx, params); derr == nil && len(desc.ProjectVersionDescriptions) > 0 {
			res.describe(desc.ProjectVersionDescriptions[0])
		} else {
			res.Status, res.StatusMessage = string(failed.Status), failed.StatusMessage
		}
		if werr := writeOutput(e.stdout, s.common.output, res, writeTrainTable); werr != nil {
			return werr
		}
		return &reportedError{msg: fmt.Sprintf("training %s ended %s: %s", s.version, res.Status, res.StatusMessage)}
	case err != nil && !s.common.demo:
		return &notedError{err, fmt.Sprintf("%s is still training, and bills for its time until it ends. Wait for it with\n  %s",
			s.version, s.common.command("wait", "trained", res.ProjectVersionArn))}
	case err != nil:
		return err
	case len(got.ProjectVersionDescriptions) > 0:
		res.describe(got.ProjectVersionDescriptions[0])
	}
	return writeOutput(e.stdout, s.common.output, res, writeTrainTable)
}

// checkProject refuses what the project cannot train with, before
// anything changes.
func (s *trainSettings) checkProject(project customlabels.ProjectDescription) error {
	switch {
	case project.Status == customlabels.ProjectStatusDeleting:
		return usagef("PROJECT %s is being deleted", project.Name())
	case len(project.Datasets) > 0 && s.train != nil:
		types := make([]string, len(project.Datasets))
		for i, d := range project.Datasets {
			types[i] = string(d.DatasetType)
		}
		return usagef("project %s has datasets (%s): train trains on them; --train, --test and --split are for a project without datasets (datasets shows them)",
			project.Name(), strings.Join(types, ", "))
	case len(project.Datasets) == 0 && s.train == nil:
		return usagef("project %s has no datasets: give --train MANIFEST with --test MANIFEST or --split", project.Name())
	}
	return nil
}

// asset is a manifest in S3 as CreateProjectVersion takes it.
func asset(l s3Location) []customlabels.Asset {
	return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: l.object()}}}
}

// createDatasets creates the TRAIN and TEST datasets of a project, from
// --train and --test, or from --train and a split of it, and waits until
// they are ready.
func (s *trainSettings) createDatasets(ctx context.Context, e *env, client *customlabels.Client, project customlabels.ProjectDescription, prog *progress, start time.Time) ([]trainDatasetJSON, error) {
	prog.show("creating the TRAIN dataset from %s", s.train)
	trainOut, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{
		ProjectArn: project.ProjectArn, DatasetType: customlabels.DatasetTypeTrain,
		DatasetSource: customlabels.DatasetSource{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: s.train.object()}},
	})
	if err != nil {
		return nil, doing(err, "create the TRAIN dataset from %s", s.train)
	}
	testIn := &customlabels.CreateDatasetInput{ProjectArn: project.ProjectArn, DatasetType: customlabels.DatasetTypeTest}
	if s.test != nil {
		testIn.DatasetSource.GroundTruthManifest.S3Object = s.test.object()
	}
	prog.show("creating the TEST dataset")
	testOut, err := client.CreateDataset(ctx, testIn)
	if err != nil {
		return nil, doing(err, "create the TEST dataset")
	}
	arns := []string{trainOut.DatasetArn, testOut.DatasetArn}
	poll := s.waits.policy(&s.common, datasetPoll)
	show := func(what string) func(customlabels.WaiterPoll) {
		return func(p customlabels.WaiterPoll) {
			states := pollStatus(p)
			if p.Err == nil && len(p.Datasets) == 2 {
				states = fmt.Sprintf("TRAIN %s, TEST %s", p.Datasets[0].Status, p.Datasets[1].Status)
			}
			prog.show("%s datasets: %s (poll %d), %s elapsed", what, states, p.Attempt, elapsed(start))
		}
	}
	ds, err := customlabels.NewDatasetCreatedWaiter(client, waiterOptions(poll, show("creating"))).WaitForOutput(ctx, arns, 0)
	if err != nil {
		return nil, datasetFailed(err, s)
	}
	if s.split {
		prog.show("splitting the TRAIN dataset")
		if _, err := client.DistributeDatasetEntries(ctx, &customlabels.DistributeDatasetEntriesInput{
			Datasets: []customlabels.DistributeDataset{{Arn: trainOut.DatasetArn}, {Arn: testOut.DatasetArn}},
		}); err != nil {
			return nil, doing(err, "split the TRAIN dataset")
		}
		if ds, err = customlabels.NewDatasetUpdatedWaiter(client, waiterOptions(poll, show("splitting"))).WaitForOutput(ctx, arns, 0); err != nil {
			return nil, datasetFailed(err, s)
		}
	}
	out := make([]trainDatasetJSON, len(ds))
	for i, d := range ds {
		out[i] = trainDatasetJSON{
			DatasetType: []string{"TRAIN", "TEST"}[i], DatasetArn: arns[i], Status: string(d.Status),
			TotalEntries: d.DatasetStats.TotalEntries, LabeledEntries: d.DatasetStats.LabeledEntries,
			TotalLabels: d.DatasetStats.TotalLabels, ErrorEntries: d.DatasetStats.ErrorEntries,
		}
	}
	return out, nil
}

// datasetFailed says what to do about a dataset that could not be created
// or split.
func datasetFailed(err error, s *trainSettings) error {
	var failed *customlabels.WaiterStateError
	if !errors.As(err, &failed) {
		return err
	}
	note := fmt.Sprintf("check the manifest with\n  %s", s.common.command("manifest", "check", s.train.String()))
	if s.test != nil {
		note += fmt.Sprintf("\n  %s", s.common.command("manifest", "check", s.test.String()))
	}
	return &notedError{err: err, note: note + "\nthen delete the datasets (customlabels delete-project, or the console) and train again"}
}

// The JSON output of customlabels train; doc.go documents it.
type trainJSON struct {
	ProjectArn        string `json:"ProjectArn"`
	ProjectVersionArn string `json:"ProjectVersionArn"`
	VersionName       string `json:"VersionName"`
	// Datasets are the datasets this run created.
	Datasets []trainDatasetJSON `json:"Datasets"`
	Status   string             `json:"Status"`
	// StatusMessage, F1Score and the files are set with --wait.
	StatusMessage                 string   `json:"StatusMessage,omitempty"`
	F1Score                       float32  `json:"F1Score"`
	BillableTrainingTimeInSeconds int64    `json:"BillableTrainingTimeInSeconds"`
	EvaluationSummary             string   `json:"EvaluationSummary,omitempty"`
	ManifestSummary               string   `json:"ManifestSummary,omitempty"`
	ValidationManifests           []string `json:"ValidationManifests"`
}

type trainDatasetJSON struct {
	DatasetType    string `json:"DatasetType"`
	DatasetArn     string `json:"DatasetArn"`
	Status         string `json:"Status"`
	TotalEntries   int32  `json:"TotalEntries"`
	LabeledEntries int32  `json:"LabeledEntries"`
	TotalLabels    int32  `json:"TotalLabels"`
	ErrorEntries   int32  `json:"ErrorEntries"`
}

// describe sets what the version says of itself once trained.
func (res *trainJSON) describe(v customlabels.ProjectVersionDescription) {
	res.Status, res.StatusMessage = string(v.Status), v.StatusMessage
	res.F1Score = v.EvaluationResult.F1Score
	res.BillableTrainingTimeInSeconds = v.BillableTrainingTimeInSeconds
	s3uri := func(o customlabels.S3Object) string {
		if o.Bucket == "" {
			return ""
		}
		return s3Location{bucket: o.Bucket, key: o.Name}.String()
	}
	res.EvaluationSummary = s3uri(v.EvaluationResult.Summary.S3Object)
	res.ManifestSummary = s3uri(v.ManifestSummary.S3Object)
	for _, a := range append(v.TrainingDataResult.Validation.Assets, v.TestingDataResult.Validation.Assets...) {
		if u := s3uri(a.GroundTruthManifest.S3Object); u != "" {
			res.ValidationManifests = append(res.ValidationManifests, u)
		}
	}
}

func writeTrainTable(w io.Writer, res trainJSON) error {
	if len(res.Datasets) > 0 {
		tw := newTable(w)
		fmt.Fprintln(tw, "DATASET\tSTATUS\tIMAGES\tLABELED\tLABELS\tERRORS")
		for _, d := range res.Datasets {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\n", d.DatasetType, cell(d.Status), d.TotalEntries, d.LabeledEntries, d.TotalLabels, d.ErrorEntries)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "VERSION\tSTATUS\tF1\tTRAINING\tMESSAGE")
	f1, training := "-", "-"
	if res.F1Score > 0 {
		f1 = metric(float64(res.F1Score))
	}
	if res.BillableTrainingTimeInSeconds > 0 {
		training = timeSeconds(res.BillableTrainingTimeInSeconds).String()
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", cell(res.VersionName), cell(res.Status), f1, training, cell(res.StatusMessage))
	if err := tw.Flush(); err != nil {
		return err
	}
	if res.Status == string(customlabels.ProjectVersionStatusTrainingFailed) {
		if res.ManifestSummary != "" {
			fmt.Fprintf(w, "\nmanifest summary: %s\n", res.ManifestSummary)
		}
		for _, m := range res.ValidationManifests {
			fmt.Fprintf(w, "validation manifest: %s\n", m)
		}
	}
	return nil
}
