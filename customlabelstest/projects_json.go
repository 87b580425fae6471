package customlabelstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/timestamp"
)

// ParseProjects reads projects from JSON as `aws rekognition
// describe-projects` prints it, so that a snapshot of a real account can be
// served: an object whose "ProjectDescriptions" holds the projects (other
// members, such as NextToken, are ignored), or a bare list of projects.
// Keys are those of the service; unknown keys are ignored. Timestamps may
// be ISO 8601 strings as the AWS CLI prints them
// ("2023-11-14T22:13:20.123000+00:00"), or epoch seconds as numbers (or
// numeric strings), read exactly to the nanosecond. Every project is
// checked as ParseData checks it: a ProjectArn of the model's pattern,
// statuses, features and dataset members of the model's enums.
func ParseProjects(data []byte) ([]customlabels.ProjectDescription, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return parseProjectList(trimmed, 0)
	}
	var doc struct {
		ProjectDescriptions json.RawMessage
	}
	if err := json.Unmarshal(trimmed, &doc); err != nil {
		return nil, fmt.Errorf("parse projects: %w", err)
	}
	if doc.ProjectDescriptions == nil {
		return nil, errors.New(`parse projects: no "ProjectDescriptions" member`)
	}
	return parseProjectList(doc.ProjectDescriptions, 0)
}

// parseProjectList reads a JSON list of projects of a data file's
// document-th value (0: its only one), and checks each.
func parseProjectList(list json.RawMessage, document int) ([]customlabels.ProjectDescription, error) {
	type fileDataset struct {
		CreationTimestamp json.RawMessage
		DatasetType       string
		DatasetArn        string
		Status            string
		StatusMessage     string
		StatusMessageCode string
	}
	type fileProject struct {
		ProjectArn        string
		CreationTimestamp json.RawMessage
		Status            string
		Datasets          []fileDataset
		Feature           string
		AutoUpdate        string
	}
	var fps []fileProject
	if err := json.Unmarshal(list, &fps); err != nil {
		return nil, fmt.Errorf("parse projects: %sProjectDescriptions: %w", documentPrefix(document), err)
	}
	out := make([]customlabels.ProjectDescription, len(fps))
	for i, fp := range fps {
		record := fmt.Sprintf("ProjectDescriptions[%d]", i)
		created, err := parseTimestamp(fp.CreationTimestamp)
		if err != nil {
			return nil, &recordError{document, record, "CreationTimestamp", err.Error()}
		}
		p := customlabels.ProjectDescription{
			ProjectArn:        fp.ProjectArn,
			CreationTimestamp: created,
			Status:            customlabels.ProjectStatus(fp.Status),
			Feature:           customlabels.CustomizationFeature(fp.Feature),
			AutoUpdate:        customlabels.ProjectAutoUpdate(fp.AutoUpdate),
		}
		if fp.Datasets != nil {
			p.Datasets = make([]customlabels.DatasetMetadata, len(fp.Datasets))
		}
		for j, fd := range fp.Datasets {
			dc, err := parseTimestamp(fd.CreationTimestamp)
			if err != nil {
				return nil, &recordError{document, record, fmt.Sprintf("Datasets[%d].CreationTimestamp", j), err.Error()}
			}
			p.Datasets[j] = customlabels.DatasetMetadata{
				CreationTimestamp: dc,
				DatasetType:       customlabels.DatasetType(fd.DatasetType),
				DatasetArn:        fd.DatasetArn,
				Status:            customlabels.DatasetStatus(fd.Status),
				StatusMessage:     fd.StatusMessage,
				StatusMessageCode: customlabels.DatasetStatusMessageCode(fd.StatusMessageCode),
			}
		}
		if err := validateProject(record, p); err != nil {
			err.(*recordError).document = document
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// parseTimestamp reads an ISO 8601 string or epoch seconds; absent or null
// is the zero time.
func parseTimestamp(raw json.RawMessage) (time.Time, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	if raw[0] != '"' {
		return timestamp.Parse(raw)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, err
	}
	if t, err := timestamp.Parse([]byte(s)); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither ISO 8601 (2023-11-14T22:13:20.123000+00:00) nor epoch seconds", s)
	}
	return t.UTC(), nil
}
