package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// The JSON output of customlabels projects has the keys, key order and
// layout of `aws rekognition describe-projects`: members in the service
// model's order, members the service left out left out, four-space
// indentation. A Datasets list the service sent empty is printed empty,
// as the CLI does.

type projectsJSON struct {
	ProjectDescriptions []projectJSON `json:"ProjectDescriptions"`
	NextToken           string        `json:"NextToken,omitempty"`
}

type projectJSON struct {
	ProjectArn        string         `json:"ProjectArn,omitempty"`
	CreationTimestamp jsonTime       `json:"CreationTimestamp,omitzero"`
	Status            string         `json:"Status,omitempty"`
	Datasets          *[]datasetJSON `json:"Datasets,omitempty"` // nil: not sent
	Feature           string         `json:"Feature,omitempty"`
	AutoUpdate        string         `json:"AutoUpdate,omitempty"`
}

type datasetJSON struct {
	CreationTimestamp jsonTime `json:"CreationTimestamp,omitzero"`
	DatasetType       string   `json:"DatasetType,omitempty"`
	DatasetArn        string   `json:"DatasetArn,omitempty"`
	Status            string   `json:"Status,omitempty"`
	StatusMessage     string   `json:"StatusMessage,omitempty"`
	StatusMessageCode string   `json:"StatusMessageCode,omitempty"`
}

// writeProjectsJSON writes res as `aws rekognition describe-projects`
// does, with NextToken set when the listing was cut short.
func writeProjectsJSON(w io.Writer, res *projectListing) error {
	out := projectsJSON{ProjectDescriptions: make([]projectJSON, len(res.Projects)), NextToken: res.NextToken}
	for i, p := range res.Projects {
		jp := projectJSON{
			ProjectArn:        p.ProjectArn,
			CreationTimestamp: jsonTime(p.CreationTimestamp),
			Status:            string(p.Status),
			Feature:           string(p.Feature),
			AutoUpdate:        string(p.AutoUpdate),
		}
		if p.Datasets != nil {
			ds := make([]datasetJSON, len(p.Datasets))
			for j, d := range p.Datasets {
				ds[j] = datasetJSON{
					CreationTimestamp: jsonTime(d.CreationTimestamp),
					DatasetType:       string(d.DatasetType),
					DatasetArn:        d.DatasetArn,
					Status:            string(d.Status),
					StatusMessage:     d.StatusMessage,
					StatusMessageCode: string(d.StatusMessageCode),
				}
			}
			jp.Datasets = &ds
		}
		out.ProjectDescriptions[i] = jp
	}
	return writeJSON(w, out)
}

// writeProjectsTable writes one aligned row per project: name, status,
// feature, creation time and dataset types.
func writeProjectsTable(w io.Writer, projects []customlabels.ProjectDescription) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "NAME\tSTATUS\tFEATURE\tCREATED\tDATASETS")
	for _, p := range projects {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n",
			cell(projectName(p.ProjectArn)), cell(string(p.Status)), cell(string(p.Feature)),
			timeCell(p.CreationTimestamp), datasetsCell(p.Datasets))
	}
	return tw.Flush()
}

// datasetsCell lists the dataset types, e.g. "TRAIN,TEST", or "-".
func datasetsCell(ds []customlabels.DatasetMetadata) string {
	if len(ds) == 0 {
		return "-"
	}
	types := make([]string, len(ds))
	for i, d := range ds {
		types[i] = cell(string(d.DatasetType))
	}
	return strings.Join(types, ",")
}
