package customlabelstest

import (
	"net/http"
	"time"
)

// requestJSON is one recorded request as the control API writes it: the
// members of Request but Input, whose source is Body. Like Request it
// holds no secret.
type requestJSON struct {
	Received    string
	Method      string
	Path        string
	Target      string
	Header      http.Header
	Body        string
	AccessKeyID string
	RequestID   string
	Status      int
	ErrorCode   string
	Fault       string
}

// listRequests answers GET requests with Requests, oldest first.
func listRequests(s *Server, _ []byte) (any, error) {
	reqs := s.Requests()
	out := struct{ Requests []requestJSON }{make([]requestJSON, len(reqs))}
	for i, r := range reqs {
		out.Requests[i] = requestJSON{
			Received:    r.Received.UTC().Format(time.RFC3339Nano),
			Method:      r.Method,
			Path:        r.Path,
			Target:      r.Target,
			Header:      r.Header,
			Body:        string(r.Body),
			AccessKeyID: r.AccessKeyID,
			RequestID:   r.RequestID,
			Status:      r.Status,
			ErrorCode:   r.ErrorCode,
			Fault:       r.Fault,
		}
	}
	return out, nil
}

// clearRequests answers DELETE requests, as ResetRequests.
func clearRequests(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	n := len(s.requests)
	s.requests = nil
	s.mu.Unlock()
	return struct{ Cleared int }{n}, nil
}
