package customlabelstest

import (
	"cmp"
	"slices"
	"time"

	"github.com/rekognition-go/customlabels"
)

// The control resources of datasets: datasets (seed, list and remove
// them, Server.AddDataset and Server.RemoveDatasets) and datasetfailures
// (Server.FailDataset).

// datasetJSON is one dataset of a GET datasets listing.
type datasetJSON struct {
	DatasetArn         string
	ProjectArn         string
	DatasetType        customlabels.DatasetType
	DatasetDescription customlabels.DatasetDescription
}

// listDatasets answers GET datasets: {"Datasets": [...]} by ARN, each
// with its description as it is now on the models' clock.
func listDatasets(s *Server, _ []byte) (any, error) {
	s.lockSettled()
	defer s.mu.Unlock()
	out := struct{ Datasets []datasetJSON }{Datasets: []datasetJSON{}}
	for _, e := range s.datasets.byArn {
		out.Datasets = append(out.Datasets, datasetJSON{e.arn, e.project, e.typ, e.d})
	}
	slices.SortFunc(out.Datasets, func(a, b datasetJSON) int { return cmp.Compare(a.DatasetArn, b.DatasetArn) })
	return out, nil
}

// addDatasetJSON answers POST datasets {"ProjectArn": ..., "DatasetType":
// "TRAIN" or "TEST", "Manifest": "<JSON lines>", "CreationTimestamp":
// RFC 3339} as AddDataset, with {"DatasetArn": ...}.
func addDatasetJSON(s *Server, body []byte) (any, error) {
	var in struct {
		ProjectArn        string
		DatasetType       customlabels.DatasetType
		Manifest          string
		CreationTimestamp *time.Time
	}
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if in.ProjectArn == "" {
		return nil, badField("ProjectArn", "is required: the project of the dataset")
	}
	d := Dataset{ProjectArn: in.ProjectArn, DatasetType: in.DatasetType, Manifest: in.Manifest}
	if in.CreationTimestamp != nil {
		d.CreationTimestamp = *in.CreationTimestamp
	}
	arn, field, err := s.addDataset(d)
	if err != nil {
		return nil, badField(field, "%s", err.Error())
	}
	return struct{ DatasetArn string }{arn}, nil
}

// removeDatasetsJSON answers DELETE datasets {"DatasetArns": [...]}, as
// RemoveDatasets.
func removeDatasetsJSON(s *Server, body []byte) (any, error) {
	var in struct{ DatasetArns []string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if len(in.DatasetArns) == 0 {
		return nil, badField("DatasetArns", "is required: the ARNs of the datasets to remove")
	}
	n := s.RemoveDatasets(in.DatasetArns...)
	s.mu.Lock()
	left := len(s.datasets.byArn)
	s.mu.Unlock()
	return struct{ Removed, Datasets int }{n, left}, nil
}

// postDatasetFailure answers POST datasetfailures {"DatasetArn": ... (or
// none, for the next CreateDataset), "Message": ...}, as FailDataset, with
// {"Applied": ...}.
func postDatasetFailure(s *Server, body []byte) (any, error) {
	var in struct{ DatasetArn, Message string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	return struct{ Applied bool }{s.FailDataset(in.DatasetArn, in.Message)}, nil
}
