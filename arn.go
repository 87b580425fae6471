package customlabels

import (
	"errors"
	"strings"

	"github.com/rekognition-go/customlabels/internal/pattern"
)

// ARN is a Custom Labels project or project version ARN split into its
// parts:
//
//	arn:PARTITION:rekognition:REGION:ACCOUNT:project/PROJECT/TIMESTAMP
//	arn:PARTITION:rekognition:REGION:ACCOUNT:project/PROJECT/version/VERSION/TIMESTAMP
//
// A version ARN does not hold its project's ARN: the project's TIMESTAMP
// differs. ProjectVersionInput finds it.
type ARN struct {
	// Partition is "aws", "aws-cn", "aws-us-gov", ...
	Partition string
	// Region is the AWS Region, e.g. "us-east-1".
	Region string
	// AccountID is the 12-digit AWS account ID.
	AccountID string
	// ProjectName is the project's name.
	ProjectName string
	// VersionName is the version's name; empty for a project ARN.
	VersionName string
	// Timestamp is the trailing number: the creation time of the project
	// or version, in epoch milliseconds, as text.
	Timestamp string
}

// errNotARN is the reason ParseARN gives for any string that is not a
// project or version ARN.
var errNotARN = errors.New("not a Custom Labels project or project version ARN")

// ParseARN splits a project or project version ARN, checking it against
// the service model's patterns. It does not check the length limits of
// the model (20 to 2048 characters), which operations check on input.
func ParseARN(s string) (ARN, error) {
	var a ARN
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return ARN{}, errNotARN
	}
	fields := strings.SplitN(rest, ":", 5)
	if len(fields) != 5 || fields[1] != "rekognition" {
		return ARN{}, errNotARN
	}
	a.Partition, a.Region, a.AccountID = fields[0], fields[2], fields[3]
	if !pattern.LowerDigitsDash(a.Partition) || !pattern.LowerDigitsDash(a.Region) || len(a.AccountID) != 12 || !pattern.Digits(a.AccountID) {
		return ARN{}, errNotARN
	}
	resource, ok := strings.CutPrefix(fields[4], "project/")
	if !ok {
		return ARN{}, errNotARN
	}
	parts := strings.Split(resource, "/")
	switch {
	case len(parts) == 2:
		a.ProjectName, a.Timestamp = parts[0], parts[1]
	case len(parts) == 4 && parts[1] == "version":
		a.ProjectName, a.VersionName, a.Timestamp = parts[0], parts[2], parts[3]
		if !pattern.ResourceName(a.VersionName) {
			return ARN{}, errNotARN
		}
	default:
		return ARN{}, errNotARN
	}
	if !pattern.ResourceName(a.ProjectName) || !pattern.Digits(a.Timestamp) {
		return ARN{}, errNotARN
	}
	return a, nil
}

// String returns the ARN in its text form.
func (a ARN) String() string {
	s := "arn:" + a.Partition + ":rekognition:" + a.Region + ":" + a.AccountID + ":project/" + a.ProjectName + "/"
	if a.VersionName != "" {
		s += "version/" + a.VersionName + "/"
	}
	return s + a.Timestamp
}

// Name returns the project's name, the NAME of its ARN
// "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP", or "" when
// ProjectArn is not a project ARN.
func (p ProjectDescription) Name() string {
	a, err := ParseARN(p.ProjectArn)
	if err != nil || a.VersionName != "" {
		return ""
	}
	return a.ProjectName
}

// ProjectName returns the name of the version's project, from
// ProjectVersionArn, or "" when that is not a version ARN.
func (v ProjectVersionDescription) ProjectName() string {
	a, err := ParseARN(v.ProjectVersionArn)
	if err != nil || a.VersionName == "" {
		return ""
	}
	return a.ProjectName
}

// VersionName returns the version's name, the VERSION of its ARN
// "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP",
// or "" when ProjectVersionArn is not a version ARN.
func (v ProjectVersionDescription) VersionName() string {
	a, err := ParseARN(v.ProjectVersionArn)
	if err != nil {
		return ""
	}
	return a.VersionName
}
