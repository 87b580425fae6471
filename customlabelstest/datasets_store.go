package customlabelstest

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/manifest"
)

// The datasets of the server: what DescribeDataset, ListDatasetEntries and
// ListDatasetLabels read, and what DescribeProjects lists in each
// project's Datasets. The store is the one source of truth: each change
// of a dataset is written into its project's DatasetMetadata (syncDataset),
// and the datasets a seeded project lists are registered here, so that a
// project seeded with datasets (WithProjects, --data, DemoData) has
// datasets the dataset operations know.

// datasetEntry is one stored dataset: its description, its entries, and
// the operation in progress.
type datasetEntry struct {
	arn     string
	project string // the project's ARN
	typ     customlabels.DatasetType
	d       customlabels.DatasetDescription
	// lines are the entries, in the order they were added; an entry
	// changed by UpdateDatasetEntries keeps its place.
	lines []*datasetLine

	// due is when the status in progress ends, on the models' clock; zero
	// when none is. outcome is what it ends in, decided when the operation
	// was accepted.
	due     time.Time
	outcome *datasetOutcome
	// fail, when set, makes the creation or update in progress, or the
	// next one, fail with this status message (FailDataset).
	fail *string
}

// datasetLine is one entry of a dataset: its JSON line and what the
// filters of ListDatasetEntries and the counts of ListDatasetLabels read.
type datasetLine struct {
	sourceRef string
	text      string
	// labels are the line's labels, each once; boxLabels those it has on
	// a bounding box.
	labels, boxLabels []string
	hasErrors         bool
	// seq orders the lines of a dataset, for NextToken; the store numbers
	// them when it stores them.
	seq uint64
}

// datasetOutcome is how an operation in progress ends: lines, the entries
// of the dataset on success; failure, when set, the status message of the
// failure that leaves the entries as they were.
type datasetOutcome struct {
	lines   []*datasetLine
	failure string
}

// datasetStore holds the datasets by ARN.
type datasetStore struct {
	byArn map[string]*datasetEntry
	// seq numbers the lines of every dataset, so that a line's position
	// survives updates and copies.
	seq uint64
	// failNext, when set, makes the next CreateDataset's dataset fail
	// with this message (FailDataset with no ARN).
	failNext *string
}

func (st *datasetStore) init() { *st = datasetStore{byArn: map[string]*datasetEntry{}} }

// number gives lines without a place in a dataset their seq, in order.
func (st *datasetStore) number(lines []*datasetLine) {
	for _, l := range lines {
		if l.seq == 0 {
			st.seq++
			l.seq = st.seq
		}
	}
}

// ofProject returns the project's dataset of type t, or nil.
func (st *datasetStore) ofProject(project string, t customlabels.DatasetType) *datasetEntry {
	for _, e := range st.byArn {
		if e.project == project && e.typ == t {
			return e
		}
	}
	return nil
}

// Messages of dataset statuses. The service's wording of successes is not
// documented; the failures are the codes the developer guide lists
// (debugging-datasets-terminal-errors).
const (
	msgDatasetCreating = "The dataset is being created."
	msgDatasetCreated  = "The dataset was successfully created from the manifest file."
	msgDatasetEmpty    = "The dataset was successfully created."
	msgDatasetUpdating = "The dataset is being updated."
	msgDatasetUpdated  = "The dataset was successfully updated."
	msgDatasetDeleting = "The dataset is being deleted."
	msgDatasetFailed   = "An internal service error occurred while processing the dataset."
)

// The terminal file errors of datasets, each the StatusMessage of a
// CREATE_FAILED or UPDATE_FAILED dataset (with StatusMessageCode
// CLIENT_ERROR). The developer guide names each with an error message
// too; the facts this fake follows take the code as the status message.
const (
	errManifestInaccessible       = "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT"
	errManifestSizeTooLarge       = "ERROR_MANIFEST_SIZE_TOO_LARGE"
	errManifestRowsExceedMaximum  = "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM"
	errInvalidPermissionsManifest = "ERROR_INVALID_PERMISSIONS_MANIFEST_S3_BUCKET"
	errTooManyRecordsInError      = "ERROR_TOO_MANY_RECORDS_IN_ERROR"
	errManifestTooManyLabels      = "ERROR_MANIFEST_TOO_MANY_LABELS"
	errInsufficientImagesPerLabel = "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE"
)

// datasetFileErrors are the documented terminal file errors.
var datasetFileErrors = []string{
	errManifestInaccessible, errManifestSizeTooLarge, errManifestRowsExceedMaximum,
	errInvalidPermissionsManifest, errTooManyRecordsInError, errManifestTooManyLabels,
	errInsufficientImagesPerLabel,
}

// failureCode is the StatusMessageCode of a failure's message: a
// documented terminal file error is the client's, anything else the
// service's.
func failureCode(message string) customlabels.DatasetStatusMessageCode {
	if slices.Contains(datasetFileErrors, message) {
		return customlabels.DatasetStatusMessageCodeClientError
	}
	return customlabels.DatasetStatusMessageCodeServiceError
}

// datasetArn returns the ARN of a project's dataset of type t created at
// millis: ".../project/NAME/dataset/train/MILLIS", the type in lower case
// as the model's pattern has it.
func datasetArn(projectArn string, t customlabels.DatasetType, at time.Time) string {
	return projectKey(projectArn) + "/dataset/" + strings.ToLower(string(t)) + "/" + strconv.FormatInt(at.UnixMilli(), 10)
}

// datasetTypeOf returns the type a dataset ARN names, or "".
func datasetTypeOf(arn string) customlabels.DatasetType {
	switch {
	case strings.Contains(arn, "/dataset/train/"):
		return customlabels.DatasetTypeTrain
	case strings.Contains(arn, "/dataset/test/"):
		return customlabels.DatasetTypeTest
	}
	return ""
}

// begin puts e in a status in progress, at now, ending at due in outcome.
func (e *datasetEntry) begin(status customlabels.DatasetStatus, message string, now, due time.Time, outcome *datasetOutcome) {
	e.d.Status, e.d.StatusMessage = status, message
	e.d.StatusMessageCode = customlabels.DatasetStatusMessageCodeSuccess
	e.d.LastUpdatedTimestamp = now
	e.due, e.outcome = due, outcome
}

// inProgress reports whether e's status is one of the *_IN_PROGRESS.
func (e *datasetEntry) inProgress() bool {
	switch e.d.Status {
	case customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusUpdateInProgress,
		customlabels.DatasetStatusDeleteInProgress:
		return true
	}
	return false
}

// usable reports whether e's entries are complete: its last operation
// succeeded, or an update failed and left them as they were.
func (e *datasetEntry) usable() bool {
	switch e.d.Status {
	case customlabels.DatasetStatusCreateComplete, customlabels.DatasetStatusUpdateComplete,
		customlabels.DatasetStatusUpdateFailed:
		return true
	}
	return false
}

// settleDatasets ends the datasets' statuses in progress whose time has
// come by now, on the models' clock. The new status dates from the moment
// it was due. s.mu is held.
func (s *Server) settleDatasets(now time.Time) {
	for _, e := range s.datasets.byArn {
		if e.due.IsZero() || now.Before(e.due) {
			continue
		}
		s.finishDataset(e)
	}
}

// finishDataset ends e's status in progress as its outcome says. s.mu is
// held.
func (s *Server) finishDataset(e *datasetEntry) {
	at, out := e.due, e.outcome
	e.due, e.outcome = time.Time{}, nil
	if out == nil {
		out = &datasetOutcome{lines: e.lines}
	}
	if e.fail != nil && e.d.Status != customlabels.DatasetStatusDeleteInProgress {
		out = &datasetOutcome{failure: *e.fail}
		e.fail = nil
	}
	e.d.LastUpdatedTimestamp = at
	switch e.d.Status {
	case customlabels.DatasetStatusDeleteInProgress:
		delete(s.datasets.byArn, e.arn)
		s.tagStore.remove(e.arn)
		s.syncDataset(e, true)
		return
	case customlabels.DatasetStatusCreateInProgress:
		if out.failure != "" {
			e.d.Status, e.lines = customlabels.DatasetStatusCreateFailed, nil
		} else {
			e.d.Status, e.lines = customlabels.DatasetStatusCreateComplete, out.lines
		}
	case customlabels.DatasetStatusUpdateInProgress:
		if out.failure != "" {
			e.d.Status = customlabels.DatasetStatusUpdateFailed
		} else {
			e.d.Status, e.lines = customlabels.DatasetStatusUpdateComplete, out.lines
		}
	default:
		return
	}
	s.datasets.number(e.lines)
	e.d.DatasetStats = statsOf(e.lines)
	switch {
	case out.failure != "":
		e.d.StatusMessage, e.d.StatusMessageCode = out.failure, failureCode(out.failure)
	case e.d.Status == customlabels.DatasetStatusUpdateComplete:
		e.d.StatusMessage, e.d.StatusMessageCode = msgDatasetUpdated, customlabels.DatasetStatusMessageCodeSuccess
	case len(e.lines) == 0:
		e.d.StatusMessage, e.d.StatusMessageCode = msgDatasetEmpty, customlabels.DatasetStatusMessageCodeSuccess
	default:
		e.d.StatusMessage, e.d.StatusMessageCode = msgDatasetCreated, customlabels.DatasetStatusMessageCodeSuccess
	}
	s.syncDataset(e, false)
}

// statsOf counts lines as DescribeDataset reports them.
func statsOf(lines []*datasetLine) customlabels.DatasetStats {
	var st customlabels.DatasetStats
	labels := map[string]bool{}
	for _, l := range lines {
		st.TotalEntries++
		if len(l.labels) > 0 {
			st.LabeledEntries++
		}
		if l.hasErrors {
			st.ErrorEntries++
		}
		for _, name := range l.labels {
			labels[name] = true
		}
	}
	st.TotalLabels = int32(len(labels))
	return st
}

// syncDataset writes e into its project's Datasets, as DescribeProjects
// lists it, or takes it out when gone. A project the server no longer
// has is left alone. s.mu is held.
func (s *Server) syncDataset(e *datasetEntry, gone bool) {
	pe, ok := s.store.byArn[e.project]
	if !ok {
		return
	}
	p := copyProject(pe.p)
	i := slices.IndexFunc(p.Datasets, func(d customlabels.DatasetMetadata) bool { return d.DatasetArn == e.arn })
	switch {
	case gone && i >= 0:
		p.Datasets = slices.Delete(p.Datasets, i, i+1)
	case gone:
		return
	case i >= 0:
		p.Datasets[i] = e.metadata()
	default:
		p.Datasets = append(p.Datasets, e.metadata())
	}
	s.store.put(p)
}

// metadata returns e as a project lists it.
func (e *datasetEntry) metadata() customlabels.DatasetMetadata {
	return customlabels.DatasetMetadata{
		CreationTimestamp: e.d.CreationTimestamp,
		DatasetType:       e.typ,
		DatasetArn:        e.arn,
		Status:            e.d.Status,
		StatusMessage:     e.d.StatusMessage,
		StatusMessageCode: e.d.StatusMessageCode,
	}
}

// registerDatasets makes the datasets project p lists known to the
// dataset operations, as they are listed: a dataset the server has keeps
// its entries and takes the listed status; another is added without
// entries. Its status starts its lifecycle now: a dataset listed
// CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS completes after the dataset
// time, one DELETE_IN_PROGRESS is gone after the deleting time. A listed
// dataset without an ARN of p's datasets is left as listed, unknown to
// the dataset operations. The datasets of p the server has that p no
// longer lists are removed. s.mu is held.
func (s *Server) registerDatasets(p customlabels.ProjectDescription, now time.Time) {
	listed := map[string]bool{}
	for _, d := range p.Datasets {
		if d.DatasetArn == "" || projectKey(d.DatasetArn) != projectKey(p.ProjectArn) || datasetTypeOf(d.DatasetArn) == "" {
			continue
		}
		listed[d.DatasetArn] = true
		e, ok := s.datasets.byArn[d.DatasetArn]
		if !ok {
			e = &datasetEntry{arn: d.DatasetArn, project: p.ProjectArn, typ: datasetTypeOf(d.DatasetArn)}
			s.datasets.byArn[e.arn] = e
		}
		e.project = p.ProjectArn
		e.d.CreationTimestamp = d.CreationTimestamp
		if e.d.CreationTimestamp.IsZero() {
			e.d.CreationTimestamp = now
		}
		e.d.LastUpdatedTimestamp = e.d.CreationTimestamp
		e.d.Status, e.d.StatusMessage, e.d.StatusMessageCode = d.Status, d.StatusMessage, d.StatusMessageCode
		e.d.DatasetStats = statsOf(e.lines)
		e.due, e.outcome = time.Time{}, nil
		switch d.Status {
		case customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusUpdateInProgress:
			e.due = now.Add(s.datasetTime)
		case customlabels.DatasetStatusDeleteInProgress:
			e.due = now.Add(s.deletingTime)
		}
	}
	for arn, e := range s.datasets.byArn {
		if e.project == p.ProjectArn && !listed[arn] {
			delete(s.datasets.byArn, arn)
		}
	}
}

// removeDatasetsOf forgets the datasets of the project with this ARN.
// s.mu is held.
func (s *Server) removeDatasetsOf(projectArn string) {
	for arn, e := range s.datasets.byArn {
		if e.project == projectArn {
			delete(s.datasets.byArn, arn)
			s.tagStore.remove(arn)
		}
	}
}

// datasetLines returns the entries of the project's dataset of type t, as
// manifest lines, in the order ListDatasetEntries lists them, for
// training: ok is false when the project has no such dataset or its
// entries are not complete (it is being created, updated or deleted, or
// its creation failed). An entry whose last update failed keeps the
// entries it had. s.mu is held.
func (s *Server) datasetLines(projectArn string, t customlabels.DatasetType) (lines []manifest.Line, ok bool) {
	e := s.datasets.ofProject(projectArn, t)
	if e == nil || !e.usable() {
		return nil, false
	}
	lines = make([]manifest.Line, 0, len(e.lines))
	for _, l := range e.lines {
		line, err := manifest.ParseLine([]byte(l.text))
		if err != nil {
			continue // stored lines are JSON objects: never happens
		}
		lines = append(lines, line)
	}
	return lines, true
}
