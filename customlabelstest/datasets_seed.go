package customlabelstest

import (
	"errors"
	"fmt"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Dataset is a dataset to seed a server with (WithDatasets,
// Server.AddDataset): the training or test dataset of a project, with its
// entries given as a manifest.
type Dataset struct {
	// ProjectArn is the project, which the server must have: a Custom
	// Labels project.
	ProjectArn string
	// DatasetType is TRAIN or TEST.
	DatasetType customlabels.DatasetType
	// Manifest is the entries, one JSON line each in the SageMaker Ground
	// Truth format, read as CreateDataset reads a manifest: lines the
	// service drops are dropped, non-terminal errors are attached. Empty
	// means an empty dataset.
	Manifest string
	// CreationTimestamp is when the dataset was created; zero means the
	// models' clock.
	CreationTimestamp time.Time
}

// WithDatasets seeds the server with datasets, as AddDataset adds them,
// after the projects of WithProjects. NewServer panics on a dataset
// AddDataset refuses.
func WithDatasets(ds ...Dataset) Option {
	return func(c *config) { c.datasets = append(c.datasets, ds...) }
}

// AddDataset adds a dataset to a project of the server, CREATE_COMPLETE
// with the entries of d.Manifest, and returns its ARN,
// "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/dataset/train/MILLIS".
// A dataset of that type the project has already is replaced: it keeps
// its ARN and creation time, and its entries become the manifest's. The
// project lists the dataset in DescribeProjects.
//
// It returns an error, adding nothing, for a project the server does not
// have or that is a Custom Moderation adapter, a type other than TRAIN or
// TEST, or a manifest with a terminal file error (such as
// ERROR_TOO_MANY_RECORDS_IN_ERROR), which it names: to seed a failed
// dataset, use FailDataset.
func (s *Server) AddDataset(d Dataset) (string, error) {
	arn, field, err := s.addDataset(d)
	if err != nil {
		return "", fmt.Errorf("customlabelstest: AddDataset: %s: %w", field, err)
	}
	return arn, nil
}

// addDataset adds d as AddDataset does, or returns the field at fault and
// why.
func (s *Server) addDataset(d Dataset) (arn, field string, err error) {
	if d.DatasetType != customlabels.DatasetTypeTrain && d.DatasetType != customlabels.DatasetTypeTest {
		return "", "DatasetType", fmt.Errorf("must be TRAIN or TEST, got %q", truncate(string(d.DatasetType), 64))
	}
	var lines []*datasetLine
	if d.Manifest != "" {
		var failure string
		if lines, failure = readManifest([]byte(d.Manifest)); failure != "" {
			return "", "Manifest", errors.New("the manifest fails the dataset with " + failure)
		}
	}
	now := s.lockSettled()
	defer s.mu.Unlock()
	pe, ok := s.store.byArn[d.ProjectArn]
	switch {
	case !ok:
		return "", "ProjectArn", fmt.Errorf("the server has no project %q", truncate(d.ProjectArn, 256))
	case pe.p.Feature == customlabels.CustomizationFeatureContentModeration:
		return "", "ProjectArn", errors.New("the project is a Custom Moderation adapter; datasets are for Custom Labels projects")
	}
	e := s.datasets.ofProject(d.ProjectArn, d.DatasetType)
	if e == nil {
		created := d.CreationTimestamp
		if created.IsZero() {
			created = now
		}
		e = &datasetEntry{arn: datasetArn(d.ProjectArn, d.DatasetType, created), project: d.ProjectArn, typ: d.DatasetType}
		e.d.CreationTimestamp = created
		s.datasets.byArn[e.arn] = e
	}
	e.d.Status = customlabels.DatasetStatusCreateInProgress
	e.due, e.outcome, e.fail = e.d.CreationTimestamp, &datasetOutcome{lines: lines}, nil
	s.finishDataset(e)
	return e.arn, "", nil
}

// seedDatasets adds the datasets of WithDatasets.
func (s *Server) seedDatasets(ds []Dataset) {
	for _, d := range ds {
		if _, err := s.AddDataset(d); err != nil {
			panic(err.Error())
		}
	}
}

// RemoveDatasets removes the datasets with these ARNs at once, with their
// entries, from the server and from their projects' Datasets, and
// returns how many were present.
func (s *Server) RemoveDatasets(arns ...string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, arn := range arns {
		e, ok := s.datasets.byArn[arn]
		if !ok {
			continue
		}
		n++
		delete(s.datasets.byArn, arn)
		s.tagStore.remove(arn)
		s.syncDataset(e, true)
	}
	return n
}
