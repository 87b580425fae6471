package customlabelstest

import (
	"context"
	"hash/fnv"
	"slices"
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Datasets: CreateDataset, DescribeDataset, DeleteDataset,
// UpdateDatasetEntries and DistributeDatasetEntries, and the dataset
// lifecycle on the models' clock (CREATE_IN_PROGRESS, then CREATE_COMPLETE
// or CREATE_FAILED; UPDATE_IN_PROGRESS, then UPDATE_COMPLETE or
// UPDATE_FAILED; DELETE_IN_PROGRESS, then gone). The listings are in
// datasets_list.go.

// DefaultDatasetTime is how long a dataset stays CREATE_IN_PROGRESS or
// UPDATE_IN_PROGRESS.
const DefaultDatasetTime = 30 * time.Second

// Limits of a dataset, from the developer guide (limits).
const (
	maxDatasetEntries = 250_000
	maxDatasetLabels  = 250
)

// WithDatasetTime sets how long, on the models' clock, a dataset stays
// CREATE_IN_PROGRESS after CreateDataset, or UPDATE_IN_PROGRESS after
// UpdateDatasetEntries or DistributeDatasetEntries, before its operation
// ends. Zero means at once: the operation still answers, and the next
// request sees it ended. The default is DefaultDatasetTime.
func WithDatasetTime(d time.Duration) Option {
	return func(c *config) { c.datasetTime = max(d, 0) }
}

// FailDataset makes a dataset operation fail with message, the dataset's
// StatusMessage: with datasetArn "", the next CreateDataset's dataset
// ends CREATE_FAILED; with a dataset's ARN, its creation or update in
// progress on the models' clock (a distribution included), or else its
// next one, ends CREATE_FAILED or UPDATE_FAILED, leaving its entries as
// they were. A
// documented terminal file error (ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM,
// ERROR_TOO_MANY_RECORDS_IN_ERROR, ...) gets StatusMessageCode
// CLIENT_ERROR; any other message SERVICE_ERROR, and an empty one a
// typical service error. It reports whether it applies: false for an ARN
// the server does not have.
func (s *Server) FailDataset(datasetArn, message string) bool {
	if message == "" {
		message = msgDatasetFailed
	}
	s.lockSettled()
	defer s.mu.Unlock()
	if datasetArn == "" {
		s.datasets.failNext = &message
		return true
	}
	e, ok := s.datasets.byArn[datasetArn]
	if ok {
		e.fail = &message
	}
	return ok
}

// createDataset answers CreateDataset: the dataset of DatasetType in the
// project, CREATE_IN_PROGRESS for the dataset time, then CREATE_COMPLETE
// or CREATE_FAILED. Its entries are read when the request is answered
// (the service reads them later; a manifest changed in between is not
// seen): the manifest of GroundTruthManifest.S3Object, read from the
// server's objects (Server.S3Object; with a Version, that version of the
// server's own S3), as readManifest says, or the entries of the dataset
// DatasetArn (copied as they are), or none.
//
// Refusals: a manifest and a dataset both, or an S3Object without a
// bucket or a name, is InvalidParameterException (the API reference); an
// unknown project or source dataset is ResourceNotFoundException; a
// second dataset of a type (while the first exists, DELETE_IN_PROGRESS
// included) is ResourceAlreadyExistsException (inferred: the model's
// conflict error; gopherstack answers so too). Assumed, as the reference
// does not say: a Custom Moderation adapter, or a project being deleted,
// is InvalidParameterException (datasets are Custom Labels only); a
// source dataset whose entries are not complete is
// InvalidParameterException. A manifest object that does not exist makes
// the dataset CREATE_FAILED with
// ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT (the developer guide),
// not InvalidS3ObjectException.
func (s *Server) createDataset(_ *caller, in *customlabels.CreateDatasetInput) (*customlabels.CreateDatasetOutput, error) {
	src := &in.DatasetSource
	obj := src.GroundTruthManifest.S3Object
	hasManifest := obj != (customlabels.S3Object{})
	switch {
	case hasManifest && src.DatasetArn != "":
		return nil, &customlabels.InvalidParameterException{Message: "DatasetSource must have either GroundTruthManifest or DatasetArn, not both"}
	case hasManifest && (obj.Bucket == "" || obj.Name == ""):
		return nil, &customlabels.InvalidParameterException{Message: "DatasetSource.GroundTruthManifest.S3Object must have a Bucket and a Name"}
	}
	// The manifest is read before the lock is taken: the objects may be a
	// remote S3.
	var outcome *datasetOutcome
	if hasManifest {
		outcome = &datasetOutcome{failure: errManifestInaccessible}
		if data, ok := s.readManifestObject(obj); ok {
			outcome.lines, outcome.failure = readManifest(data)
		}
	}

	now := s.lockSettled()
	defer s.mu.Unlock()
	pe, ok := s.store.byArn[in.ProjectArn]
	switch {
	case !ok:
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + in.ProjectArn + " does not exist"}
	case pe.p.Feature == customlabels.CustomizationFeatureContentModeration:
		return nil, &customlabels.InvalidParameterException{Message: "The project " + in.ProjectArn + " is a Custom Moderation adapter; datasets are for Custom Labels projects only"}
	case pe.p.Status == customlabels.ProjectStatusDeleting:
		return nil, &customlabels.InvalidParameterException{Message: "The project " + in.ProjectArn + " is being deleted"}
	}
	if e := s.datasets.ofProject(in.ProjectArn, in.DatasetType); e != nil {
		return nil, &customlabels.ResourceAlreadyExistsException{Message: "The project " + in.ProjectArn + " already has a " + string(in.DatasetType) + " dataset: " + e.arn}
	}
	if src.DatasetArn != "" {
		se, ok := s.datasets.byArn[src.DatasetArn]
		if !ok {
			return nil, &customlabels.ResourceNotFoundException{Message: "The dataset " + src.DatasetArn + " does not exist"}
		}
		if !se.usable() {
			return nil, &customlabels.InvalidParameterException{Message: "The dataset " + src.DatasetArn + " is " + string(se.d.Status) + "; it can be copied once its entries are complete"}
		}
		outcome = &datasetOutcome{lines: slices.Clone(se.lines)}
	}
	if outcome == nil {
		outcome = &datasetOutcome{}
	}
	e := &datasetEntry{arn: datasetArn(in.ProjectArn, in.DatasetType, now), project: in.ProjectArn, typ: in.DatasetType}
	e.d.CreationTimestamp = now
	e.begin(customlabels.DatasetStatusCreateInProgress, msgDatasetCreating, now, now.Add(s.datasetTime), outcome)
	e.fail, s.datasets.failNext = s.datasets.failNext, nil
	s.datasets.byArn[e.arn] = e
	if len(in.Tags) > 0 {
		s.tagStore.set(e.arn, in.Tags)
	}
	s.syncDataset(e, false)
	return &customlabels.CreateDatasetOutput{DatasetArn: e.arn}, nil
}

// readManifestObject reads a manifest from the server's objects.
func (s *Server) readManifestObject(o customlabels.S3Object) ([]byte, bool) {
	if _, own := s.objects.(memoryObjects); own && o.Version != "" {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.s3Object(o.Bucket, o.Name, o.Version) // stored data is never changed: safe to read unlocked
	}
	data, _, err := s.objects.getObject(context.Background(), o.Bucket, o.Name)
	return data, err == nil
}

// dataset returns the dataset of arn, as it is now, or
// ResourceNotFoundException. s.mu is held.
func (s *Server) dataset(arn string) (*datasetEntry, error) {
	e, ok := s.datasets.byArn[arn]
	if !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The dataset " + arn + " does not exist"}
	}
	return e, nil
}

// describeDataset answers DescribeDataset: the dataset as it is now, on
// the models' clock; an unknown one, or one whose deletion has ended, is
// ResourceNotFoundException (the API reference).
func (s *Server) describeDataset(_ *caller, in *customlabels.DescribeDatasetInput) (*customlabels.DescribeDatasetOutput, error) {
	s.lockSettled()
	defer s.mu.Unlock()
	e, err := s.dataset(in.DatasetArn)
	if err != nil {
		return nil, err
	}
	return &customlabels.DescribeDatasetOutput{DatasetDescription: e.d}, nil
}

// deleteDataset answers DeleteDataset: the dataset is DELETE_IN_PROGRESS
// for the deleting time (WithDeletingTime), then gone, with its tags. A
// dataset CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS is
// ResourceInUseException (the API reference says such a dataset cannot be
// deleted; the code is inferred from the model). A dataset already
// DELETE_IN_PROGRESS answers again (assumed).
func (s *Server) deleteDataset(_ *caller, in *customlabels.DeleteDatasetInput) (*customlabels.DeleteDatasetOutput, error) {
	now := s.lockSettled()
	defer s.mu.Unlock()
	e, err := s.dataset(in.DatasetArn)
	if err != nil {
		return nil, err
	}
	switch e.d.Status {
	case customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusUpdateInProgress:
		return nil, &customlabels.ResourceInUseException{Message: "The dataset " + e.arn + " is " + string(e.d.Status) + "; delete it once its operation has ended"}
	case customlabels.DatasetStatusDeleteInProgress:
		return &customlabels.DeleteDatasetOutput{}, nil
	}
	e.begin(customlabels.DatasetStatusDeleteInProgress, msgDatasetDeleting, now, now.Add(s.deletingTime), nil)
	s.syncDataset(e, false)
	return &customlabels.DeleteDatasetOutput{}, nil
}

// updateDatasetEntries answers UpdateDatasetEntries: the changes are read
// as readManifest says, and their lines are upserted by source-ref (a
// line whose source-ref the dataset has replaces it, in its place; others
// are added at the end): UPDATE_IN_PROGRESS for the dataset time, then
// UPDATE_COMPLETE, or UPDATE_FAILED with the terminal file error of the
// changes, or of the dataset they would make (more than 250,000 entries,
// more than 250 labels), leaving the entries as they were.
//
// A dataset being created, updated or deleted is ResourceInUseException
// (inferred from the model: the dataset is busy); one whose creation
// failed, which has no entries to update, is InvalidParameterException
// (assumed).
func (s *Server) updateDatasetEntries(_ *caller, in *customlabels.UpdateDatasetEntriesInput) (*customlabels.UpdateDatasetEntriesOutput, error) {
	lines, failure := readManifest(in.Changes.GroundTruth)
	now := s.lockSettled()
	defer s.mu.Unlock()
	e, err := s.dataset(in.DatasetArn)
	if err != nil {
		return nil, err
	}
	switch {
	case e.inProgress():
		return nil, &customlabels.ResourceInUseException{Message: "The dataset " + e.arn + " is " + string(e.d.Status) + "; update it once its operation has ended"}
	case e.d.Status == customlabels.DatasetStatusCreateFailed:
		return nil, &customlabels.InvalidParameterException{Message: "The dataset " + e.arn + " is CREATE_FAILED: it has no entries to update; delete it and create it again"}
	}
	outcome := &datasetOutcome{failure: failure}
	if failure == "" {
		outcome.lines = upsert(e.lines, lines)
		st := statsOf(outcome.lines)
		switch {
		case st.TotalEntries > maxDatasetEntries:
			outcome = &datasetOutcome{failure: errManifestRowsExceedMaximum}
		case st.TotalLabels > maxDatasetLabels:
			outcome = &datasetOutcome{failure: errManifestTooManyLabels}
		}
	}
	e.begin(customlabels.DatasetStatusUpdateInProgress, msgDatasetUpdating, now, now.Add(s.datasetTime), outcome)
	s.syncDataset(e, false)
	return &customlabels.UpdateDatasetEntriesOutput{}, nil
}

// upsert returns old with changes applied by source-ref: a change to an
// entry old has takes its place (and its position in listings), another
// is added at the end.
func upsert(old, changes []*datasetLine) []*datasetLine {
	out := slices.Clone(old)
	at := make(map[string]int, len(out))
	for i, l := range out {
		at[l.sourceRef] = i
	}
	for _, c := range changes {
		if i, ok := at[c.sourceRef]; ok {
			nl := *c
			nl.seq = out[i].seq
			out[i] = &nl
			continue
		}
		at[c.sourceRef] = len(out)
		out = append(out, c)
	}
	return out
}

// distributeDatasetEntries answers DistributeDatasetEntries: it moves a
// fifth of the training dataset's entries (at least one) into the empty
// test dataset, both UPDATE_IN_PROGRESS for the dataset time, then both
// UPDATE_COMPLETE; or both UPDATE_FAILED with
// ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE when the training
// dataset has fewer than two entries, or a label of fewer than two images
// (the developer guide names the error, not the threshold: two is the
// least that leaves the label in both datasets). Which entries move is
// fixed by their source-refs: those first by an FNV-1a hash of it, skipping
// any that would take the last image of a label from the training dataset,
// so that the same dataset always splits the same way.
//
// Refusals (the API reference: the datasets belong to the same project
// and the test dataset is empty; the codes are assumed, the model lists
// InvalidParameterException): datasets of two projects, two of one type,
// or a test dataset with entries is InvalidParameterException; an unknown
// dataset ResourceNotFoundException; a dataset whose operation has not
// ended, or whose creation failed, ResourceNotReadyException (the model
// lists it, and no ResourceInUseException, for this operation).
func (s *Server) distributeDatasetEntries(_ *caller, in *customlabels.DistributeDatasetEntriesInput) (*customlabels.DistributeDatasetEntriesOutput, error) {
	now := s.lockSettled()
	defer s.mu.Unlock()
	var pair [2]*datasetEntry
	for i, d := range in.Datasets {
		e, err := s.dataset(d.Arn)
		if err != nil {
			return nil, err
		}
		pair[i] = e
	}
	train, test := pair[0], pair[1]
	if train.typ == customlabels.DatasetTypeTest {
		train, test = test, train
	}
	switch {
	case train.project != test.project:
		return nil, &customlabels.InvalidParameterException{Message: "The datasets " + pair[0].arn + " and " + pair[1].arn + " belong to different projects"}
	case train.typ != customlabels.DatasetTypeTrain || test.typ != customlabels.DatasetTypeTest:
		return nil, &customlabels.InvalidParameterException{Message: "Datasets must be a TRAIN and a TEST dataset; both are " + string(train.typ)}
	}
	for _, e := range pair {
		if e.inProgress() || e.d.Status == customlabels.DatasetStatusCreateFailed {
			return nil, &customlabels.ResourceNotReadyException{Message: "The dataset " + e.arn + " is " + string(e.d.Status) + "; distribute once both datasets are complete"}
		}
	}
	if len(test.lines) > 0 {
		return nil, &customlabels.InvalidParameterException{Message: "The test dataset " + test.arn + " has " + strconv.Itoa(len(test.lines)) + " entries; it must be empty"}
	}
	keep, moved, ok := distribute(train.lines)
	trainOut, testOut := &datasetOutcome{lines: keep}, &datasetOutcome{lines: moved}
	if !ok {
		trainOut = &datasetOutcome{failure: errInsufficientImagesPerLabel}
		testOut = &datasetOutcome{failure: errInsufficientImagesPerLabel}
	}
	if train.fail != nil || test.fail != nil {
		// The distribution fails as a whole: both datasets fail.
		msg := train.fail
		if msg == nil {
			msg = test.fail
		}
		train.fail, test.fail = msg, msg
	}
	due := now.Add(s.datasetTime)
	train.begin(customlabels.DatasetStatusUpdateInProgress, msgDatasetUpdating, now, due, trainOut)
	test.begin(customlabels.DatasetStatusUpdateInProgress, msgDatasetUpdating, now, due, testOut)
	s.syncDataset(train, false)
	s.syncDataset(test, false)
	return &customlabels.DistributeDatasetEntriesOutput{}, nil
}

// distribute splits the entries of a training dataset: the ones it keeps
// and the ones that move to the test dataset, each in their order, or ok
// false when a label has too few images to be in both.
func distribute(lines []*datasetLine) (keep, moved []*datasetLine, ok bool) {
	if len(lines) < 2 {
		return nil, nil, false
	}
	left := map[string]int{}
	for _, l := range lines {
		for _, name := range l.labels {
			left[name]++
		}
	}
	for _, n := range left {
		if n < 2 {
			return nil, nil, false
		}
	}
	order := make([]int, len(lines))
	hashes := make([]uint64, len(lines))
	for i, l := range lines {
		order[i] = i
		h := fnv.New64a()
		h.Write([]byte(l.sourceRef))
		hashes[i] = h.Sum64()
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case hashes[a] < hashes[b]:
			return -1
		case hashes[a] > hashes[b]:
			return 1
		}
		return 0
	})
	target := max(1, len(lines)/5)
	move := make([]bool, len(lines))
	n := 0
	for _, i := range order {
		if n == target {
			break
		}
		l := lines[i]
		if slices.ContainsFunc(l.labels, func(name string) bool { return left[name] < 2 }) {
			continue
		}
		for _, name := range l.labels {
			left[name]--
		}
		move[i] = true
		n++
	}
	for i, l := range lines {
		if move[i] {
			moved = append(moved, l)
		} else {
			keep = append(keep, l)
		}
	}
	return keep, moved, true
}
