package customlabelstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/rekognition-go/customlabels"
)

// ParseData reads projects and their versions from JSON, so that a
// snapshot of a real account can be served. The file holds one JSON value
// or several, one after another, each of them either
//
//   - an object with "ProjectDescriptions" as `aws rekognition
//     describe-projects` prints it and/or "ProjectVersionDescriptions" as
//     `aws rekognition describe-project-versions` prints it (other members,
//     such as NextToken, are ignored), or
//   - a bare list of projects, as ParseProjects reads it.
//
// So the output of describe-projects followed by that of
// describe-project-versions for each project is a data file:
//
//	aws rekognition describe-projects > account.json
//	aws rekognition describe-project-versions --project-arn ARN >> account.json
//
// and so is the control API's GET projects followed by its GET versions.
// Keys are those of the service; unknown keys are ignored; timestamps are
// read as ParseProjects reads them. Every record is checked as the
// service model has it: ARNs of the model's patterns (a version's ARN of
// a project of the file), statuses, features and dataset types of its
// enums, no project or version twice. The error names the record and the
// member, e.g. `ProjectDescriptions[0].ProjectArn: "bad" is not of the
// form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP` (with
// "document 2: " before it in a file of several values).
func ParseData(data []byte) (Data, error) {
	var docs []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			return Data{}, fmt.Errorf("parse data: value %d: %w", len(docs)+1, err)
		}
		docs = append(docs, raw)
	}
	if len(docs) == 0 {
		return Data{}, errors.New("parse data: no JSON value: the data is empty")
	}
	var d Data
	type place struct {
		document int
		record   string
	}
	projects := map[string]place{}
	versions := map[string]place{}
	var versionPlaces []place
	for i, raw := range docs {
		document := 0
		if len(docs) > 1 {
			document = i + 1
		}
		part, err := parseDocument(raw, document)
		if err != nil {
			return Data{}, err
		}
		for j, p := range part.Projects {
			here := place{document, fmt.Sprintf("ProjectDescriptions[%d]", j)}
			if first, dup := projects[p.ProjectArn]; dup {
				return Data{}, &recordError{here.document, here.record, "ProjectArn", fmt.Sprintf("%q is already %s", p.ProjectArn, placeOf(first.document, first.record))}
			}
			projects[p.ProjectArn] = here
		}
		for j, v := range part.ProjectVersions {
			here := place{document, fmt.Sprintf("ProjectVersionDescriptions[%d]", j)}
			if first, dup := versions[v.ProjectVersionArn]; dup {
				return Data{}, &recordError{here.document, here.record, "ProjectVersionArn", fmt.Sprintf("%q is already %s", v.ProjectVersionArn, placeOf(first.document, first.record))}
			}
			versions[v.ProjectVersionArn] = here
			versionPlaces = append(versionPlaces, here)
		}
		d.Projects = append(d.Projects, part.Projects...)
		d.ProjectVersions = append(d.ProjectVersions, part.ProjectVersions...)
	}
	keys := map[string]bool{}
	for _, p := range d.Projects {
		keys[projectKey(p.ProjectArn)] = true
	}
	for i, v := range d.ProjectVersions {
		if !keys[projectKey(v.ProjectVersionArn)] {
			here := versionPlaces[i]
			return Data{}, &recordError{here.document, here.record, "ProjectVersionArn",
				fmt.Sprintf("version %s belongs to no project of the file (it would be %s/TIMESTAMP)", v.ProjectVersionArn, projectKey(v.ProjectVersionArn))}
		}
	}
	return d, nil
}

// placeOf names a record for an error: "ProjectDescriptions[3]", with its
// document in a file of several.
func placeOf(document int, record string) string {
	if document > 0 {
		return fmt.Sprintf("document %d's %s", document, record)
	}
	return record
}

// parseDocument reads one JSON value of a data file (document, 1-based,
// or 0 for the only one).
func parseDocument(raw json.RawMessage, document int) (Data, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		ps, err := parseProjectList(trimmed, document)
		return Data{Projects: ps}, err
	}
	var doc struct {
		ProjectDescriptions        json.RawMessage
		ProjectVersionDescriptions json.RawMessage
	}
	if err := json.Unmarshal(trimmed, &doc); err != nil {
		return Data{}, fmt.Errorf("parse data: %s%w", documentPrefix(document), err)
	}
	if doc.ProjectDescriptions == nil && doc.ProjectVersionDescriptions == nil {
		return Data{}, fmt.Errorf(`parse data: %sneither "ProjectDescriptions" nor "ProjectVersionDescriptions" is present`, documentPrefix(document))
	}
	var d Data
	if doc.ProjectDescriptions != nil {
		ps, err := parseProjectList(doc.ProjectDescriptions, document)
		if err != nil {
			return Data{}, err
		}
		d.Projects = ps
	}
	if doc.ProjectVersionDescriptions != nil {
		vs, err := parseVersionList(doc.ProjectVersionDescriptions, document)
		if err != nil {
			return Data{}, err
		}
		d.ProjectVersions = vs
	}
	return d, nil
}

// documentPrefix is "document N: " in a file of several values.
func documentPrefix(document int) string {
	if document > 0 {
		return fmt.Sprintf("document %d: ", document)
	}
	return ""
}

// parseVersions reads a JSON list of versions as describe-project-versions
// prints them, checking each as ParseData does (but not that its project
// is known: the caller does).
func parseVersions(list json.RawMessage) ([]customlabels.ProjectVersionDescription, error) {
	return parseVersionList(list, 0)
}

func parseVersionList(list json.RawMessage, document int) ([]customlabels.ProjectVersionDescription, error) {
	type fileVersion struct {
		customlabels.ProjectVersionDescription
		// The timestamps shadow the embedded ones: the AWS CLI prints
		// ISO 8601 strings.
		CreationTimestamp    json.RawMessage
		TrainingEndTimestamp json.RawMessage
	}
	var fvs []fileVersion
	if err := json.Unmarshal(list, &fvs); err != nil {
		return nil, fmt.Errorf("parse data: %sProjectVersionDescriptions: %w", documentPrefix(document), err)
	}
	out := make([]customlabels.ProjectVersionDescription, len(fvs))
	for i, fv := range fvs {
		v := fv.ProjectVersionDescription
		record := fmt.Sprintf("ProjectVersionDescriptions[%d]", i)
		var err error
		if v.CreationTimestamp, err = parseTimestamp(fv.CreationTimestamp); err != nil {
			return nil, &recordError{document, record, "CreationTimestamp", err.Error()}
		}
		if v.TrainingEndTimestamp, err = parseTimestamp(fv.TrainingEndTimestamp); err != nil {
			return nil, &recordError{document, record, "TrainingEndTimestamp", err.Error()}
		}
		if err := validateVersion(record, v); err != nil {
			err.(*recordError).document = document
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
