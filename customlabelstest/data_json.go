package customlabelstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/rekognition-go/customlabels"
)

// ParseData reads projects and their versions from JSON, so that a
// snapshot of a real account can be served: an object with
// "ProjectDescriptions" as `aws rekognition describe-projects` prints it
// and "ProjectVersionDescriptions" as `aws rekognition
// describe-project-versions` prints it (either may be absent, not both),
// or, as ParseProjects reads, a bare list of projects. Keys are those of
// the service; unknown keys are ignored; timestamps are read as
// ParseProjects reads them. Every version needs a ProjectVersionArn of a
// project of the file.
func ParseData(data []byte) (Data, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		ps, err := ParseProjects(trimmed)
		return Data{Projects: ps}, err
	}
	var doc struct {
		ProjectDescriptions        json.RawMessage
		ProjectVersionDescriptions json.RawMessage
	}
	if err := json.Unmarshal(trimmed, &doc); err != nil {
		return Data{}, fmt.Errorf("parse data: %w", err)
	}
	if doc.ProjectDescriptions == nil && doc.ProjectVersionDescriptions == nil {
		return Data{}, errors.New(`parse data: neither "ProjectDescriptions" nor "ProjectVersionDescriptions" is present`)
	}
	var d Data
	if doc.ProjectDescriptions != nil {
		ps, err := ParseProjects(doc.ProjectDescriptions)
		if err != nil {
			return Data{}, err
		}
		d.Projects = ps
	}
	if doc.ProjectVersionDescriptions == nil {
		return d, nil
	}
	vs, err := parseVersions(doc.ProjectVersionDescriptions)
	if err != nil {
		return Data{}, err
	}
	projects := map[string]bool{}
	for _, p := range d.Projects {
		projects[projectKey(p.ProjectArn)] = true
	}
	for _, v := range vs {
		if !projects[projectKey(v.ProjectVersionArn)] {
			return Data{}, fmt.Errorf("parse data: version %s belongs to no project of the file", v.ProjectVersionArn)
		}
	}
	d.ProjectVersions = vs
	return d, nil
}

// parseVersions reads a JSON list of versions as describe-project-versions
// prints them. Every version needs a ProjectVersionArn of the model's
// form.
func parseVersions(list json.RawMessage) ([]customlabels.ProjectVersionDescription, error) {
	type fileVersion struct {
		customlabels.ProjectVersionDescription
		// The timestamps shadow the embedded ones: the AWS CLI prints
		// ISO 8601 strings.
		CreationTimestamp    json.RawMessage
		TrainingEndTimestamp json.RawMessage
	}
	var fvs []fileVersion
	if err := json.Unmarshal(list, &fvs); err != nil {
		return nil, fmt.Errorf("parse data: ProjectVersionDescriptions: %w", err)
	}
	out := make([]customlabels.ProjectVersionDescription, len(fvs))
	for i, fv := range fvs {
		v := fv.ProjectVersionDescription
		arn := v.ProjectVersionArn
		switch {
		case arn == "":
			return nil, fmt.Errorf("parse data: version %d has no ProjectVersionArn", i)
		case projectKey(arn) == "" || versionName(arn) == "":
			return nil, fmt.Errorf("parse data: version %d: ProjectVersionArn %q is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP", i, arn)
		}
		var err error
		if v.CreationTimestamp, err = parseTimestamp(fv.CreationTimestamp); err != nil {
			return nil, fmt.Errorf("parse data: %s: CreationTimestamp: %w", arn, err)
		}
		if v.TrainingEndTimestamp, err = parseTimestamp(fv.TrainingEndTimestamp); err != nil {
			return nil, fmt.Errorf("parse data: %s: TrainingEndTimestamp: %w", arn, err)
		}
		out[i] = v
	}
	return out, nil
}
