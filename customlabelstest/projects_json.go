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
// numeric strings), read exactly to the nanosecond. Every project needs a
// ProjectArn.
func ParseProjects(data []byte) ([]customlabels.ProjectDescription, error) {
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
	var list []fileProject
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return nil, fmt.Errorf("parse projects: %w", err)
		}
	default:
		var doc struct {
			ProjectDescriptions *[]fileProject
		}
		if err := json.Unmarshal(trimmed, &doc); err != nil {
			return nil, fmt.Errorf("parse projects: %w", err)
		}
		if doc.ProjectDescriptions == nil {
			return nil, errors.New(`parse projects: no "ProjectDescriptions" member`)
		}
		list = *doc.ProjectDescriptions
	}

	out := make([]customlabels.ProjectDescription, len(list))
	for i, fp := range list {
		if fp.ProjectArn == "" {
			return nil, fmt.Errorf("parse projects: project %d has no ProjectArn", i)
		}
		created, err := parseTimestamp(fp.CreationTimestamp)
		if err != nil {
			return nil, fmt.Errorf("parse projects: %s: CreationTimestamp: %w", fp.ProjectArn, err)
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
				return nil, fmt.Errorf("parse projects: %s: dataset %d: CreationTimestamp: %w", fp.ProjectArn, j, err)
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
