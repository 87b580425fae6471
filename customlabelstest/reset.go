package customlabelstest

import (
	"cmp"
	"slices"
	"time"

	"github.com/rekognition-go/customlabels"
)

// initialState is what NewServer set up, to which Reset returns.
type initialState struct {
	projects    []customlabels.ProjectDescription // in the order added
	throttleRPS float64
	clockOffset time.Duration
}

// Reset returns the server to the state NewServer gave it: the projects
// of WithProjects (with the creation times they got then), no queued
// faults, no recorded requests, and the throttle and clock offset of its
// options. A NextToken issued before a Reset stays valid: it holds a
// position in the listing, not a project.
func (s *Server) Reset() {
	st := store{}
	st.init()
	for _, p := range s.initial.projects {
		st.put(p)
	}
	s.mu.Lock()
	s.store = st
	s.faults = nil
	s.requests = nil
	s.clockOffset = s.initial.clockOffset
	s.mu.Unlock()
	s.SetThrottleRPS(s.initial.throttleRPS)
}

// resetServer answers POST reset, as Reset.
func resetServer(s *Server, body []byte) (any, error) {
	var in struct{}
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	s.Reset()
	return struct{ Projects int }{s.projectCount()}, nil
}

// projectsInOrderAdded returns the stored projects in the order they were
// first added, so that adding them again to an empty store gives each the
// same place.
func (s *Server) projectsInOrderAdded() []customlabels.ProjectDescription {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries := slices.Clone(s.store.entries)
	slices.SortFunc(entries, func(a, b *entry) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]customlabels.ProjectDescription, len(entries))
	for i, e := range entries {
		out[i] = e.p
	}
	return out
}
