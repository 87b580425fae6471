package customlabelstest

import "slices"

// operations are the operations the server serves, by X-Amz-Target. What
// they share (faults, signatures, routing, throttling, the request log)
// runs before; each decodes and validates its own input and answers.
// Serving another operation costs its file and one line here.
var operations = map[string]func(s *Server, body []byte, requestID string) *response{
	targetPrefix + "DescribeProjects":        (*Server).serveDescribeProjects,
	targetPrefix + "DescribeProjectVersions": (*Server).serveDescribeProjectVersions,
	targetPrefix + "StartProjectVersion":     (*Server).serveStartProjectVersion,
	targetPrefix + "StopProjectVersion":      (*Server).serveStopProjectVersion,
	targetPrefix + "DetectCustomLabels":      (*Server).serveDetectCustomLabels,
}

// servedTargets returns the X-Amz-Target values served, sorted.
func servedTargets() []string {
	out := make([]string, 0, len(operations))
	for t := range operations {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}
