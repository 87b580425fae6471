package customlabelstest

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// Project policies: PutProjectPolicy, ListProjectPolicies and
// DeleteProjectPolicy, and policyAllows, which CopyProjectVersion asks.

const (
	// maxProjectPolicies is how many policies a project holds: five, as
	// the developer guide says ("Attaching a project policy (SDK)").
	maxProjectPolicies = 5
	// defaultPolicyPageSize is ListProjectPolicies' default page size,
	// also its largest.
	defaultPolicyPageSize = 5
)

// policyEntry is one project policy, with the order of its first attach
// and its parsed document.
type policyEntry struct {
	seq uint64
	p   customlabels.ProjectPolicy
	doc *policyDocument
}

// policyStore holds the policies of each project, by project ARN, in the
// order they were first attached; a replaced policy keeps its place.
type policyStore struct {
	byProject map[string][]*policyEntry
	nextSeq   uint64
}

func (st *policyStore) policies(projectArn string) []*policyEntry { return st.byProject[projectArn] }

// find returns the policy of the project with this name, or nil.
func (st *policyStore) find(projectArn, name string) *policyEntry {
	for _, e := range st.byProject[projectArn] {
		if e.p.PolicyName == name {
			return e
		}
	}
	return nil
}

func (st *policyStore) add(e *policyEntry) {
	if st.byProject == nil {
		st.byProject = map[string][]*policyEntry{}
	}
	st.nextSeq++
	e.seq = st.nextSeq
	st.byProject[e.p.ProjectArn] = append(st.byProject[e.p.ProjectArn], e)
}

func (st *policyStore) remove(e *policyEntry) {
	list := slices.DeleteFunc(st.byProject[e.p.ProjectArn], func(o *policyEntry) bool { return o == e })
	if len(list) == 0 {
		delete(st.byProject, e.p.ProjectArn)
		return
	}
	st.byProject[e.p.ProjectArn] = list
}

// removeProject forgets every policy of a project.
func (st *policyStore) removeProject(projectArn string) { delete(st.byProject, projectArn) }

// newRevisionID returns a new policy revision ID: 32 random hexadecimal
// digits, within the model's [0-9A-Fa-f]+ of at most 64. The format of the
// service's own is not documented.
func newRevisionID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// policyProject returns the project a policy operation names, after
// settling the projects' lifecycles. s.mu is held.
func (s *Server) policyProject(arn string) (*entry, error) {
	e, ok := s.store.byArn[arn]
	if !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + arn + " does not exist"}
	}
	return e, nil
}

// putProjectPolicy answers PutProjectPolicy. Documented: a new policy is
// attached without PolicyRevisionId and gets one; a replacement names the
// current revision and gets a new one, any other revision being
// InvalidPolicyRevisionIdException; at most five policies per project;
// only Custom Labels projects take policies; the document rules (see
// parsePolicyDocument). Assumed: a document that breaks them is
// MalformedPolicyDocumentException; a new policy with a name the project
// uses is ResourceAlreadyExistsException; a revision for a policy that
// does not exist is InvalidPolicyRevisionIdException (there is no current
// revision for it to match); revisions compare without regard to case
// (they are hexadecimal numbers); a policy on a Content Moderation
// project is InvalidParameterException.
//
// A sixth policy is ServiceQuotaExceededException, not
// LimitExceededException, though the model lists both: the developer
// guide says the limit of five can be raised on request, which makes it
// a quota; and the AWS SDKs retry LimitExceededException, which would
// only repeat a put that cannot succeed until the quota is raised.
func (s *Server) putProjectPolicy(_ *caller, in *customlabels.PutProjectPolicyInput) (*customlabels.PutProjectPolicyOutput, error) {
	doc, problem := parsePolicyDocument(in.PolicyDocument)
	now := s.lockSettled()
	defer s.mu.Unlock()
	project, err := s.policyProject(in.ProjectArn)
	if err != nil {
		return nil, err
	}
	if project.feature != customlabels.CustomizationFeatureCustomLabels {
		return nil, &customlabels.InvalidParameterException{Message: "Project policies apply only to Custom Labels projects; " +
			in.ProjectArn + " is a " + string(project.feature) + " project"}
	}
	if problem != "" {
		return nil, &customlabels.MalformedPolicyDocumentException{Message: problem}
	}
	existing := s.policies.find(in.ProjectArn, in.PolicyName)
	switch {
	case in.PolicyRevisionId == "" && existing != nil:
		return nil, &customlabels.ResourceAlreadyExistsException{Message: "The project already has a policy named " + in.PolicyName +
			": pass its PolicyRevisionId to replace it"}
	case in.PolicyRevisionId != "" && existing == nil:
		return nil, &customlabels.InvalidPolicyRevisionIdException{Message: "The project has no policy named " + in.PolicyName +
			": leave PolicyRevisionId out to attach a new one"}
	case existing != nil && !strings.EqualFold(in.PolicyRevisionId, existing.p.PolicyRevisionId):
		return nil, &customlabels.InvalidPolicyRevisionIdException{Message: "The revision " + in.PolicyRevisionId +
			" is not the current revision of the policy " + in.PolicyName}
	case existing == nil && len(s.policies.policies(in.ProjectArn)) >= maxProjectPolicies:
		return nil, &customlabels.ServiceQuotaExceededException{Message: "The project already has 5 project policies, the most it may have"}
	}
	rev := newRevisionID()
	if existing != nil {
		p := existing.p // the stored policy is never changed in place: listings may hold it
		p.PolicyDocument, p.PolicyRevisionId, p.LastUpdatedTimestamp = in.PolicyDocument, rev, now
		existing.p, existing.doc = p, doc
	} else {
		s.policies.add(&policyEntry{doc: doc, p: customlabels.ProjectPolicy{
			ProjectArn:           in.ProjectArn,
			PolicyName:           in.PolicyName,
			PolicyRevisionId:     rev,
			PolicyDocument:       in.PolicyDocument,
			CreationTimestamp:    now,
			LastUpdatedTimestamp: now,
		}})
	}
	return &customlabels.PutProjectPolicyOutput{PolicyRevisionId: rev}, nil
}

// listProjectPolicies answers ListProjectPolicies: the project's
// policies in the order they were first attached (the order is not
// documented), five a page unless MaxResults says fewer. A NextToken
// holds the place of the last policy listed and is bound to ProjectArn.
func (s *Server) listProjectPolicies(_ *caller, in *customlabels.ListProjectPoliciesInput) (*customlabels.ListProjectPoliciesOutput, error) {
	fh := policyFilterHash(in.ProjectArn)
	limit := pageLimit(in.MaxResults, defaultPolicyPageSize)
	var after uint64
	if in.NextToken != "" {
		pos, err := s.decodeTokenFor(fh, in.NextToken)
		if err != nil {
			return nil, paginationError(err, "another ProjectArn")
		}
		after = pos.seq
	}
	s.lockSettled()
	defer s.mu.Unlock()
	if _, err := s.policyProject(in.ProjectArn); err != nil {
		return nil, err
	}
	out := &customlabels.ListProjectPoliciesOutput{ProjectPolicies: []customlabels.ProjectPolicy{}}
	for _, e := range s.policies.policies(in.ProjectArn) {
		if e.seq <= after {
			continue
		}
		if len(out.ProjectPolicies) == limit {
			out.NextToken = s.encodeTokenAt(fh, position{seq: after})
			break
		}
		out.ProjectPolicies = append(out.ProjectPolicies, e.p)
		after = e.seq
	}
	return out, nil
}

// policyFilterHash binds a ListProjectPolicies token to its project. The
// leading domain keeps another operation's token from being accepted.
func policyFilterHash(projectArn string) [8]byte {
	h := sha256.New()
	h.Write([]byte("ListProjectPolicies\x00"))
	h.Write([]byte(projectArn))
	var out [8]byte
	copy(out[:], h.Sum(nil))
	return out
}

// deleteProjectPolicy answers DeleteProjectPolicy. Documented: a
// PolicyRevisionId that is not the current one is
// InvalidPolicyRevisionIdException; without one the current revision is
// deleted. Assumed: an unknown project or policy is
// ResourceNotFoundException.
func (s *Server) deleteProjectPolicy(_ *caller, in *customlabels.DeleteProjectPolicyInput) (*customlabels.DeleteProjectPolicyOutput, error) {
	s.lockSettled()
	defer s.mu.Unlock()
	if _, err := s.policyProject(in.ProjectArn); err != nil {
		return nil, err
	}
	e := s.policies.find(in.ProjectArn, in.PolicyName)
	switch {
	case e == nil:
		return nil, &customlabels.ResourceNotFoundException{Message: "The project has no policy named " + in.PolicyName}
	case in.PolicyRevisionId != "" && !strings.EqualFold(in.PolicyRevisionId, e.p.PolicyRevisionId):
		return nil, &customlabels.InvalidPolicyRevisionIdException{Message: "The revision " + in.PolicyRevisionId +
			" is not the current revision of the policy " + in.PolicyName}
	}
	s.policies.remove(e)
	return &customlabels.DeleteProjectPolicyOutput{}, nil
}

// policyAllows reports whether callerAccount may copy the version
// sourceVersionArn of the project sourceProjectArn, as far as project
// policies decide, for CopyProjectVersion: within the project's account
// unless a statement denies it (no policy is needed there); from another
// account only when a statement allows it and none denies it. A
// statement applies when its principal names callerAccount (or is "*")
// and a Resource matches sourceVersionArn, as the developer guide's
// policy names the version ARN. s.mu is held.
func (s *Server) policyAllows(sourceProjectArn, sourceVersionArn, callerAccount string) bool {
	allowed := arnAccount(sourceProjectArn) == callerAccount
	for _, e := range s.policies.policies(sourceProjectArn) {
		a, d := e.doc.allows(sourceVersionArn, callerAccount)
		if d {
			return false
		}
		allowed = allowed || a
	}
	return allowed
}
