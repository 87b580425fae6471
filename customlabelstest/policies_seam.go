package customlabelstest

// policyAllows reports whether a project policy on the source project
// lets callerAccount copy its versions (CopyProjectVersion). s.mu is held.
//
// Placeholder: the fake has no project policies yet, so only the source
// project's own account may copy (the API reference: a copy within the
// account needs no policy). The policies branch (h/policies) replaces
// this file with the real seam, which reads the project's policies; the
// lead deletes this file at the merge.
func (s *Server) policyAllows(sourceProjectArn, callerAccount string) bool {
	return arnAccount(sourceProjectArn) == callerAccount
}
