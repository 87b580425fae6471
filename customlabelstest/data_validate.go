package customlabelstest

import (
	"fmt"
	"slices"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/pattern"
)

// The records a data file loads (ParseData, ParseProjects, --data, POST
// projects and versions) are checked against the service model
// (rekognition-custom-labels.json): what the server serves from them is
// then what the service could send, and a client that refuses it is never
// blamed for a file it did not write. The patterns are the model's, as
// internal/pattern matches them for the wire layer too.

// The bounds of the model's ProjectArn, ProjectVersionArn and DatasetArn.
const (
	minLoadedArn = 20
	maxLoadedArn = 2048
)

// recordError is a loaded record the service would never send. It names
// the record as the file holds it ("ProjectDescriptions[3]", in the
// document-th JSON value of a file of several), the member
// ("Datasets[0].Status") and the rule.
type recordError struct {
	document int // 1-based; 0 when the file holds one value
	record   string
	field    string
	rule     string
}

// path is the member at fault, e.g. "ProjectDescriptions[3].ProjectArn".
func (e *recordError) path() string { return e.record + "." + e.field }

func (e *recordError) Error() string {
	if e.document > 0 {
		return fmt.Sprintf("document %d: %s: %s", e.document, e.path(), e.rule)
	}
	return e.path() + ": " + e.rule
}

// checkArn checks a required ARN against the model's bounds and pattern;
// form is what the pattern asks for, for the error.
func checkArn(record, field, arn string, match func(string) bool, form string) error {
	switch {
	case arn == "":
		return &recordError{record: record, field: field, rule: "is required"}
	case !match(arn):
		return &recordError{record: record, field: field, rule: fmt.Sprintf("%q is not of the form %s", truncate(arn, 256), form)}
	case len(arn) < minLoadedArn || len(arn) > maxLoadedArn:
		return &recordError{record: record, field: field, rule: fmt.Sprintf("%q must be %d to %d characters", truncate(arn, 64), minLoadedArn, maxLoadedArn)}
	}
	return nil
}

// enum is an enum type of the model.
type enum[E any] interface {
	~string
	Values() []E
}

// validateProject checks a loaded project: its ARN, its statuses and
// features, and each dataset's ARN (of this project), type and statuses.
func validateProject(record string, p customlabels.ProjectDescription) error {
	if err := checkArn(record, "ProjectArn", p.ProjectArn, pattern.ProjectArn, "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP"); err != nil {
		return err
	}
	if err := firstError(
		checkEnumOf(record, "Status", p.Status),
		checkEnumOf(record, "Feature", p.Feature),
		checkEnumOf(record, "AutoUpdate", p.AutoUpdate),
	); err != nil {
		return err
	}
	for i, d := range p.Datasets {
		field := fmt.Sprintf("Datasets[%d]", i)
		if d.DatasetArn != "" {
			if err := checkArn(record, field+".DatasetArn", d.DatasetArn, pattern.DatasetArn, "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/dataset/train|test/TIMESTAMP"); err != nil {
				return err
			}
			if projectKey(d.DatasetArn) != projectKey(p.ProjectArn) {
				return &recordError{record: record, field: field + ".DatasetArn", rule: fmt.Sprintf("%q is a dataset of another project", d.DatasetArn)}
			}
		}
		if err := firstError(
			checkEnumOf(record, field+".DatasetType", d.DatasetType),
			checkEnumOf(record, field+".Status", d.Status),
			checkEnumOf(record, field+".StatusMessageCode", d.StatusMessageCode),
		); err != nil {
			return err
		}
	}
	return nil
}

// validateVersion checks a loaded project version: its ARN, status and
// feature, and its counts.
func validateVersion(record string, v customlabels.ProjectVersionDescription) error {
	if err := checkArn(record, "ProjectVersionArn", v.ProjectVersionArn, pattern.ProjectVersionArn, "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP"); err != nil {
		return err
	}
	if v.SourceProjectVersionArn != "" {
		if err := checkArn(record, "SourceProjectVersionArn", v.SourceProjectVersionArn, pattern.ProjectVersionArn, "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP"); err != nil {
			return err
		}
	}
	if err := firstError(
		checkEnumOf(record, "Status", v.Status),
		checkEnumOf(record, "Feature", v.Feature),
	); err != nil {
		return err
	}
	switch {
	case v.MinInferenceUnits < 0:
		return &recordError{record: record, field: "MinInferenceUnits", rule: fmt.Sprintf("must be 1 or more, got %d", v.MinInferenceUnits)}
	case v.MaxInferenceUnits < 0:
		return &recordError{record: record, field: "MaxInferenceUnits", rule: fmt.Sprintf("must be 1 or more, got %d", v.MaxInferenceUnits)}
	case v.BillableTrainingTimeInSeconds < 0:
		return &recordError{record: record, field: "BillableTrainingTimeInSeconds", rule: fmt.Sprintf("must be 0 or more, got %d", v.BillableTrainingTimeInSeconds)}
	}
	return nil
}

// checkEnumOf is checkEnum for an enum type of the model.
func checkEnumOf[E enum[E]](record, field string, v E) error {
	if v == "" || slices.Contains(v.Values(), v) {
		return nil
	}
	return &recordError{record: record, field: field, rule: fmt.Sprintf("%q is not one of %v", truncate(string(v), 64), v.Values())}
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
