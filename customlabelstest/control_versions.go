package customlabelstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// listVersions answers GET versions with every project version, of every
// project, as DescribeProjectVersions writes them
// ({"ProjectVersionDescriptions":[...]}, latest first, as they are now on
// the models' clock): POST versions and --data read it back.
func listVersions(s *Server, _ []byte) (any, error) {
	b := appendDescribeProjectVersionsOutput(nil, &customlabels.DescribeProjectVersionsOutput{ProjectVersionDescriptions: s.ProjectVersions()})
	return json.RawMessage(b), nil
}

// addVersions answers POST versions with {"ProjectVersionDescriptions":
// [...]} as describe-project-versions prints it: the versions are added
// as AddProjectVersions adds them, to projects the server has, or none is.
func addVersions(s *Server, body []byte) (any, error) {
	var in struct{ ProjectVersionDescriptions json.RawMessage }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(in.ProjectVersionDescriptions)) == 0 {
		return nil, badField("ProjectVersionDescriptions", "is required: the versions to add")
	}
	vs, err := parseVersions(in.ProjectVersionDescriptions)
	var re *recordError
	if errors.As(err, &re) {
		return nil, badField(re.path(), "%s", re.rule)
	}
	if err != nil {
		return nil, badField("ProjectVersionDescriptions", "%s", strings.TrimPrefix(err.Error(), "parse data: "))
	}
	if err := s.addProjectVersions(vs); err != nil {
		return nil, badField("ProjectVersionDescriptions", "%s", err.Error())
	}
	return struct{ Added, ProjectVersions int }{len(vs), s.versionCount()}, nil
}

// removeVersions answers DELETE versions {"ProjectVersionArns": [...]},
// as RemoveProjectVersions.
func removeVersions(s *Server, body []byte) (any, error) {
	var in struct{ ProjectVersionArns []string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if len(in.ProjectVersionArns) == 0 {
		return nil, badField("ProjectVersionArns", "is required: the ARNs of the versions to remove")
	}
	n := s.RemoveProjectVersions(in.ProjectVersionArns...)
	return struct{ Removed, ProjectVersions int }{n, s.versionCount()}, nil
}

func (s *Server) versionCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.versions.entries)
}

// advanceJSON is the advance resource: how far the models' clock is ahead
// of the server's, and the models' time.
type advanceJSON struct {
	Advanced string
	Now      string
}

// getAdvance answers GET advance.
func getAdvance(s *Server, _ []byte) (any, error) {
	now := s.modelNow()
	s.mu.Lock()
	d := s.advanced
	s.mu.Unlock()
	return advanceJSON{Advanced: d.String(), Now: now.UTC().Format(time.RFC3339Nano)}, nil
}

// postAdvance answers POST advance {"By": "10m"}, as Advance.
func postAdvance(s *Server, body []byte) (any, error) {
	var in struct{ By string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if in.By == "" {
		return nil, badField("By", "is required: a duration such as \"10m\" or \"1h30m\"")
	}
	d, err := time.ParseDuration(in.By)
	if err != nil || d < 0 {
		return nil, badField("By", "must be a duration of 0 or more, such as \"10m\"; got %q", truncate(in.By, 64))
	}
	s.Advance(d)
	return getAdvance(s, nil)
}

// postFailure answers POST failures {"ProjectVersionArn": ..., "Stage":
// "training" or "start", "Message": ...}, as FailTraining or FailStart,
// with {"Applied": ...} their result. Stage "training" without a
// ProjectVersionArn is FailNextTraining's.
func postFailure(s *Server, body []byte) (any, error) {
	var in struct{ ProjectVersionArn, Stage, Message string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if in.ProjectVersionArn == "" && in.Stage == "training" {
		s.FailNextTraining(in.Message)
		return struct{ Applied bool }{true}, nil
	}
	if in.ProjectVersionArn == "" {
		return nil, badField("ProjectVersionArn", "is required: the version whose training or start fails (without it, Stage \"training\" fails the next CreateProjectVersion's training)")
	}
	var applied bool
	switch in.Stage {
	case "training":
		applied = s.FailTraining(in.ProjectVersionArn, in.Message)
	case "start":
		applied = s.FailStart(in.ProjectVersionArn, in.Message)
	default:
		return nil, badField("Stage", "must be \"training\" or \"start\"; got %q", truncate(in.Stage, 64))
	}
	return struct{ Applied bool }{applied}, nil
}
