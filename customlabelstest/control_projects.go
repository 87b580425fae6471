package customlabelstest

import (
	"encoding/json"
	"strings"
)

// listProjects answers GET projects with every project, of every feature,
// as DescribeProjects writes them ({"ProjectDescriptions":[...]},
// timestamps in epoch seconds): ParseProjects, --data and POST projects
// read it back exactly.
func listProjects(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	b := appendPage(make([]byte, 0, 64+400*len(s.store.entries)), s.store.entries, "")
	s.mu.Unlock()
	return json.RawMessage(b), nil
}

// addProjects answers POST projects with a body ParseProjects reads: the
// projects are added as AddProjects adds them.
func addProjects(s *Server, body []byte) (any, error) {
	ps, err := ParseProjects(body)
	if err != nil {
		return nil, badField("ProjectDescriptions", "%s", strings.TrimPrefix(err.Error(), "parse projects: "))
	}
	s.AddProjects(ps...)
	return struct{ Added, Projects int }{len(ps), s.projectCount()}, nil
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
