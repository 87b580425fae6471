package customlabelstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// listProjects answers GET projects with every project, of every feature,
// as DescribeProjects writes them ({"ProjectDescriptions":[...]},
// timestamps in epoch seconds): ParseProjects, --data and POST projects
// read it back exactly.
func listProjects(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	out := customlabels.DescribeProjectsOutput{ProjectDescriptions: make([]customlabels.ProjectDescription, len(s.store.entries))}
	for i, e := range s.store.entries {
		out.ProjectDescriptions[i] = e.p
	}
	s.mu.Unlock()
	b := appendDescribeProjectsOutput(make([]byte, 0, 64+400*len(out.ProjectDescriptions)), &out)
	return json.RawMessage(b), nil
}

// addProjects answers POST projects with a body ParseData reads, as the
// command's --data: the projects are added as AddProjects adds them, then
// their versions, if any, as AddProjectVersions adds them.
func addProjects(s *Server, body []byte) (any, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] != '[' {
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(trimmed, &doc); err != nil {
			return nil, jsonError("", err)
		}
	}
	d, err := ParseData(body)
	var re *recordError
	if errors.As(err, &re) {
		return nil, badField(re.path(), "%s", re.rule)
	}
	if err != nil {
		msg := err.Error()
		field := "ProjectDescriptions"
		switch {
		case strings.HasPrefix(msg, "parse projects: "):
			msg = strings.TrimPrefix(msg, "parse projects: ")
		case strings.Contains(msg, "neither"):
			field, msg = "", strings.TrimPrefix(msg, "parse data: ")
		default:
			field, msg = "ProjectVersionDescriptions", strings.TrimPrefix(msg, "parse data: ")
		}
		return nil, badField(field, "%s", msg)
	}
	s.AddProjects(d.Projects...)
	s.AddProjectVersions(d.ProjectVersions...)
	return struct{ Added, AddedVersions, Projects int }{len(d.Projects), len(d.ProjectVersions), s.projectCount()}, nil
}

// removeProjects answers DELETE projects {"ProjectArns": [...]}, as
// RemoveProjects.
func removeProjects(s *Server, body []byte) (any, error) {
	var in struct{ ProjectArns []string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if len(in.ProjectArns) == 0 {
		return nil, badField("ProjectArns", "is required: the ARNs of the projects to remove")
	}
	for i, arn := range in.ProjectArns {
		if arn == "" {
			return nil, badField("ProjectArns", "ARN %d is empty", i)
		}
	}
	n := s.RemoveProjects(in.ProjectArns...)
	return struct{ Removed, Projects int }{n, s.projectCount()}, nil
}

func (s *Server) projectCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.store.entries)
}
