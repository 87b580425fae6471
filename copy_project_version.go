package customlabels

import (
	"context"
	"time"
)

// CopyProjectVersionInput names the version to copy and where the copy
// goes.
type CopyProjectVersionInput struct {
	// SourceProjectArn is the project of the version to copy: required, a
	// project ARN.
	SourceProjectArn string
	// SourceProjectVersionArn is the version to copy, a version of
	// SourceProjectArn: required, a version ARN.
	SourceProjectVersionArn string
	// DestinationProjectArn is the project the copy goes to, in the same
	// Region as the source and possibly in another account: required, a
	// project ARN. It may be the source project itself.
	DestinationProjectArn string
	// VersionName names the copy: required, 1 to 255 characters of
	// [a-zA-Z0-9_.-], unique among the destination project's versions.
	VersionName string
	// OutputConfig is where the copy's training results are written:
	// required, a bucket of the destination account.
	OutputConfig OutputConfig
	// Tags are tags to attach to the copy: at most 200, keys of 1 to 128
	// characters not starting with "aws:", values of 0 to 256.
	Tags map[string]string
	// KmsKeyId is the AWS KMS key that encrypts the copy: a key ID, key
	// ARN, alias name or alias ARN. Empty uses a key AWS owns. The caller
	// needs kms:CreateGrant and kms:DescribeKey on it.
	KmsKeyId string
}

// CopyProjectVersionOutput is the copy being made.
type CopyProjectVersionOutput struct {
	// ProjectVersionArn is the copy's ARN, in the destination project.
	// The copy is COPYING_IN_PROGRESS; NewProjectVersionCopyCompletedWaiter
	// waits until it is COPYING_COMPLETED.
	ProjectVersionArn string
	// Recovered is set when the answer to an attempt of this call was lost
	// and a later attempt found the name taken, by the copy that attempt
	// made: ProjectVersionArn is that copy's (see CopyProjectVersion).
	Recovered bool
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// CopyProjectVersion copies a trained Custom Labels model to another
// project, of the same account or of another one, in the same Region (IAM
// action rekognition:CopyProjectVersion; with Tags, also
// rekognition:TagResource). A copy needs no training: it saves the cost of
// training again, and a model retrained on the same data would not score
// the same. The copy is COPYING_IN_PROGRESS at first, then
// COPYING_COMPLETED (start it as any trained model) or COPYING_FAILED; it
// keeps its source in SourceProjectVersionArn.
//
// The source project, its version and the destination project must exist.
// Copies stay in one Region (checked before sending, as an
// *InvalidParamError).
// A copy to another account needs a project policy on the source project
// that allows the destination account rekognition:CopyProjectVersion
// (PutProjectPolicy, in the source account); within an account none is
// needed. Only Custom Labels models can be copied: Custom Moderation
// adapters cannot. A source version that is not trained (training, failed,
// being copied or deleted) or a version name the destination already has
// is a *ResourceInUseException; an unknown project or version is a
// *ResourceNotFoundException; a missing policy an *AccessDeniedException;
// a limit or quota reached a *LimitExceededException or a
// *ServiceQuotaExceededException. The reference does not say which error
// each case gets: these are inferred from the model's list. Input is
// checked against the service model first; a violation returns an
// *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried.
//
// The operation has no idempotency token: a copy resent after its answer
// was lost meets the copy its first attempt made, as a
// *ResourceInUseException. When an attempt may have reached the service
// and a later one meets that error, CopyProjectVersion looks for the copy
// in the destination project (DescribeProjectVersions, IAM action
// rekognition:DescribeProjectVersions): one of this name, copied from this
// source version to this OutputConfig since the call began, is taken for
// this call's, and the call succeeds with Recovered set. Else the error
// stands.
func (c *Client) CopyProjectVersion(ctx context.Context, params *CopyProjectVersionInput, optFns ...func(*Options)) (*CopyProjectVersionOutput, error) {
	return call[CopyProjectVersionOutput](ctx, c, opCopyProjectVersion, params, optFns)
}

// checkRules checks what the model cannot state: the destination is in
// the source's Region ("The source and destination projects can be in
// different AWS accounts but must be in the same AWS Region", API
// reference). It runs after the generated checks, so the ARNs parse.
// That the version is one of the source project is left to the service,
// which knows the project's versions.
func (in *CopyProjectVersionInput) checkRules(path string) error {
	src, err1 := ParseARN(in.SourceProjectArn)
	dst, err2 := ParseARN(in.DestinationProjectArn)
	if err1 != nil || err2 != nil {
		return nil // the generated checks name the ARN at fault
	}
	if dst.Partition != src.Partition || dst.Region != src.Region {
		return &InvalidParamError{Field: path + "DestinationProjectArn",
			Rule: "must be in the source project's Region (" + src.Partition + ", " + src.Region + "): copies stay in one Region, got " +
				dst.Partition + ", " + dst.Region}
	}
	return nil
}

// conflict reports the error a taken version name gets.
func (in *CopyProjectVersionInput) conflict(err error) bool {
	return isCode(err, "ResourceInUseException")
}

// recoverCreated finds the copy the input asks for: of its name in the
// destination project, copied from the source version to the same
// OutputConfig, created at since or later.
func (in *CopyProjectVersionInput) recoverCreated(ctx context.Context, c *Client, since time.Time, out response, optFns []func(*Options)) (bool, error) {
	v, id, err := c.findVersion(ctx, in.DestinationProjectArn, in.VersionName, since, optFns, func(v *ProjectVersionDescription) bool {
		return v.OutputConfig == in.OutputConfig && v.SourceProjectVersionArn == in.SourceProjectVersionArn
	})
	if err != nil || v == nil {
		return false, err
	}
	*out.(*CopyProjectVersionOutput) = CopyProjectVersionOutput{ProjectVersionArn: v.ProjectVersionArn, Recovered: true, RequestID: id}
	return true, nil
}
