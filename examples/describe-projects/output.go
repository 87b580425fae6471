package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rekognition-go/customlabels"
)

// The JSON output has the keys, key order and layout of
// `aws rekognition describe-projects`: members in the service model's
// order, empty members left out, four-space indentation.

type jsonOutput struct {
	ProjectDescriptions []jsonProject `json:"ProjectDescriptions"`
	NextToken           string        `json:"NextToken,omitempty"`
}

type jsonProject struct {
	ProjectArn        string        `json:"ProjectArn,omitempty"`
	CreationTimestamp jsonTime      `json:"CreationTimestamp,omitzero"`
	Status            string        `json:"Status,omitempty"`
	Datasets          []jsonDataset `json:"Datasets,omitempty"`
	Feature           string        `json:"Feature,omitempty"`
	AutoUpdate        string        `json:"AutoUpdate,omitempty"`
}

type jsonDataset struct {
	CreationTimestamp jsonTime `json:"CreationTimestamp,omitzero"`
	DatasetType       string   `json:"DatasetType,omitempty"`
	DatasetArn        string   `json:"DatasetArn,omitempty"`
	Status            string   `json:"Status,omitempty"`
	StatusMessage     string   `json:"StatusMessage,omitempty"`
	StatusMessageCode string   `json:"StatusMessageCode,omitempty"`
}

// jsonTime is a timestamp as the AWS CLI prints it: ISO 8601 in UTC with a
// "+00:00" offset, microseconds when the time has a fraction, and
// nanoseconds when it has digits below the microsecond (the CLI would
// drop them).
type jsonTime time.Time

func (t jsonTime) IsZero() bool { return time.Time(t).IsZero() }

func (t jsonTime) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%q", formatTimestamp(time.Time(t))), nil
}

// formatTimestamp formats t as the AWS CLI does, e.g.
// "2023-11-14T22:13:20.123000+00:00", keeping every digit of t.
func formatTimestamp(t time.Time) string {
	t = t.UTC()
	switch ns := t.Nanosecond(); {
	case ns == 0:
		return t.Format("2006-01-02T15:04:05+00:00")
	case ns%1000 == 0:
		return t.Format("2006-01-02T15:04:05.000000+00:00")
	default:
		return t.Format("2006-01-02T15:04:05.000000000+00:00")
	}
}

// writeJSON writes res as `aws rekognition describe-projects` does, with
// NextToken set when the listing was cut short.
func writeJSON(w io.Writer, res *listing) error {
	out := jsonOutput{ProjectDescriptions: make([]jsonProject, len(res.Projects)), NextToken: res.NextToken}
	for i, p := range res.Projects {
		jp := jsonProject{
			ProjectArn:        p.ProjectArn,
			CreationTimestamp: jsonTime(p.CreationTimestamp),
			Status:            string(p.Status),
			Feature:           string(p.Feature),
			AutoUpdate:        string(p.AutoUpdate),
		}
		for _, d := range p.Datasets {
			jp.Datasets = append(jp.Datasets, jsonDataset{
				CreationTimestamp: jsonTime(d.CreationTimestamp),
				DatasetType:       string(d.DatasetType),
				DatasetArn:        d.DatasetArn,
				Status:            string(d.Status),
				StatusMessage:     d.StatusMessage,
				StatusMessageCode: string(d.StatusMessageCode),
			})
		}
		out.ProjectDescriptions[i] = jp
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeTable writes one aligned row per project: name, status, feature,
// creation time and dataset types.
func writeTable(w io.Writer, projects []customlabels.ProjectDescription) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSTATUS\tFEATURE\tCREATED\tDATASETS")
	for _, p := range projects {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n",
			cell(projectName(p.ProjectArn)), cell(string(p.Status)), cell(string(p.Feature)),
			cell(createdCell(p.CreationTimestamp)), datasetsCell(p.Datasets))
	}
	return tw.Flush()
}

// projectName returns the project's name from its ARN,
// arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP, or the whole
// ARN when it has another form.
func projectName(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return arn
	}
	rest, ok := strings.CutPrefix(parts[5], "project/")
	if !ok {
		return arn
	}
	name, _, _ := strings.Cut(rest, "/")
	if name == "" {
		return arn
	}
	return name
}

func createdCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
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

// cell makes a value safe for one table cell: "-" when empty, and no tab,
// newline or other control character that would break the alignment or
// the terminal.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}
