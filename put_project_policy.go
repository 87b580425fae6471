package customlabels

import (
	"context"
	"time"
)

// MaxProjectPolicies is how many project policies a project holds by
// default. The quota can be raised on request; a policy beyond it is
// refused.
const MaxProjectPolicies = 5

// PutProjectPolicyInput attaches a new project policy, or replaces one.
type PutProjectPolicyInput struct {
	// ProjectArn is the project to attach the policy to, the source
	// project of the copies it allows: required, a project ARN.
	ProjectArn string
	// PolicyName names the policy in the project: required, 1 to 128
	// characters of [a-zA-Z0-9_.-].
	PolicyName string
	// PolicyRevisionId is the current revision of the policy to replace,
	// as the last PutProjectPolicy or ListProjectPolicies gave it: up to 64
	// hexadecimal digits. Leave it empty to attach a new policy.
	PolicyRevisionId string
	// PolicyDocument is the policy, an IAM JSON policy document of 1 to
	// 2000 characters (tab, line feed, carriage return and U+0020 to
	// U+00FF only). Each statement must have Effect, Principal, Action
	// and Resource; the only action allowed is
	// rekognition:CopyProjectVersion; NotAction, NotResource and
	// NotPrincipal are not allowed. CopyPolicyDocument writes one.
	PolicyDocument string
}

// PutProjectPolicyOutput is the revision of the policy attached.
type PutProjectPolicyOutput struct {
	// Recovered is set when the answer to an attempt of this call was lost
	// and a later attempt met the policy that attempt put:
	// PolicyRevisionId is that policy's revision.
	Recovered bool
	// PolicyRevisionId is the policy's new revision, which the next
	// PutProjectPolicy or DeleteProjectPolicy of this policy needs.
	PolicyRevisionId string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// PutProjectPolicy attaches a project policy to a project, or replaces
// one (IAM action rekognition:PutProjectPolicy). A project policy lets
// principals of other accounts copy the project's model versions with
// CopyProjectVersion; copies within the account need none, but a policy
// can deny them to some of the account's roles. Only Custom Labels
// projects take project policies.
//
// Attach a new policy without PolicyRevisionId; a name the project
// already uses is then a *ResourceAlreadyExistsException. To replace a
// policy, pass its current revision: the service keeps only the latest,
// and any other revision is an *InvalidPolicyRevisionIdException (list
// the policies with ListProjectPolicies for the current one). A project
// holds at most MaxProjectPolicies policies unless the quota was raised:
// one more is a *ServiceQuotaExceededException or a
// *LimitExceededException (the model lists both and the documentation
// does not say which comes). A document that breaks the rules of project
// policies (see PutProjectPolicyInput.PolicyDocument) is a
// *MalformedPolicyDocumentException; an unknown project is a
// *ResourceNotFoundException.
//
// Input is checked against the service model first; a violation returns
// an *InvalidParamError and sends nothing. The document's content is
// left to the service to judge. Throttling, 5xx responses and connection
// errors are retried. The operation has no idempotency token: a put
// resent after its answer was lost meets the policy its first attempt
// made, as a *ResourceAlreadyExistsException for a new policy or an
// *InvalidPolicyRevisionIdException for a replacement. When an attempt may
// have reached the service and a later one meets that error,
// PutProjectPolicy lists the project's policies (IAM action
// rekognition:ListProjectPolicies): the policy of this name with this
// document, changed since the call began, is taken for this call's, and
// the call succeeds with its revision and Recovered set. Else the error
// stands.
func (c *Client) PutProjectPolicy(ctx context.Context, params *PutProjectPolicyInput, optFns ...func(*Options)) (*PutProjectPolicyOutput, error) {
	return call[PutProjectPolicyOutput](ctx, c, opPutProjectPolicy, params, optFns)
}

// conflict reports the error a resent put gets: the name is taken (a new
// policy), or the revision has changed (a replacement).
func (in *PutProjectPolicyInput) conflict(err error) bool {
	if in.PolicyRevisionId == "" {
		return isCode(err, "ResourceAlreadyExistsException")
	}
	return isCode(err, "InvalidPolicyRevisionIdException")
}

// recoverCreated finds the policy the input puts: its name and document,
// changed at since or later.
func (in *PutProjectPolicyInput) recoverCreated(ctx context.Context, c *Client, since time.Time, out response, optFns []func(*Options)) (bool, error) {
	pages := NewListProjectPoliciesPaginator(c, &ListProjectPoliciesInput{ProjectArn: in.ProjectArn})
	for p, err := range pages.All(ctx, optFns...) {
		if err != nil {
			return false, err
		}
		if p.PolicyName == in.PolicyName && p.PolicyDocument == in.PolicyDocument && !p.LastUpdatedTimestamp.Before(since) {
			*out.(*PutProjectPolicyOutput) = PutProjectPolicyOutput{PolicyRevisionId: p.PolicyRevisionId, Recovered: true}
			return true, nil
		}
	}
	return false, nil
}
