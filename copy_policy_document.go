package customlabels

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/pattern"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// maxPolicyDocumentLength is the longest PolicyDocument, in characters.
const maxPolicyDocumentLength = 2000

// CopyPolicyDocument returns the project policy document that lets
// principals copy the model version sourceVersionArn to their own
// account with CopyProjectVersion, for PutProjectPolicyInput.PolicyDocument
// on the version's project: the document of the developer guide's
// "Creating a project policy document", one statement that allows
// rekognition:CopyProjectVersion on that version.
//
// Each principal is a 12-digit account ID, written as the account's root
// ARN ("arn:aws:iam::111122223333:root", which trusts the whole account,
// whose IAM policies then say which of its users and roles may copy), or
// the ARN of an IAM role or user ("arn:aws:iam::111122223333:role/Admin").
// Copies within the version's own account need no policy.
//
// It returns an *InvalidParamError (Input "CopyPolicyDocument") when
// sourceVersionArn is not a version ARN, when there is no principal or one
// is neither form, or when the document would exceed the 2000 characters
// PutProjectPolicy accepts.
func CopyPolicyDocument(sourceVersionArn string, principals ...string) (string, error) {
	bad := func(field, format string, args ...any) error {
		return &InvalidParamError{Input: "CopyPolicyDocument", Field: field, Rule: fmt.Sprintf(format, args...)}
	}
	if err := checkArn("sourceVersionArn", sourceVersionArn, "version"); err != nil {
		err.(*InvalidParamError).Input = "CopyPolicyDocument"
		return "", err
	}
	a, _ := ParseARN(sourceVersionArn)
	if len(principals) == 0 {
		return "", bad("principals", "must name at least one account ID or IAM ARN to allow")
	}
	arns := make([]string, len(principals))
	for i, p := range principals {
		switch {
		case len(p) == 12 && pattern.Digits(p):
			arns[i] = "arn:" + a.Partition + ":iam::" + p + ":root"
		case iamPrincipal(p):
			arns[i] = p
		default:
			return "", bad(fmt.Sprintf("principals[%d]", i),
				"must be a 12-digit account ID or an IAM ARN (arn:aws:iam::ACCOUNT:role/NAME), got %s", quoteShort(p))
		}
	}

	b := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":`)
	if len(arns) == 1 {
		b = wire.AppendString(b, arns[0])
	} else {
		b = wire.AppendStrings(b, arns)
	}
	b = append(b, `},"Action":"rekognition:CopyProjectVersion","Resource":`...)
	b = wire.AppendString(b, sourceVersionArn)
	b = append(b, "}]}"...)
	doc := string(b)
	if n := utf8.RuneCountInString(doc); n > maxPolicyDocumentLength {
		return "", bad("principals", "make a document of %d characters, more than the %d PutProjectPolicy accepts: allow fewer", n, maxPolicyDocumentLength)
	}
	if !pattern.PolicyDocument(doc) {
		return "", bad("principals", "must contain only characters U+0020 to U+00FF, which a policy document is limited to")
	}
	return doc, nil
}

// iamPrincipal reports whether p is an IAM or STS ARN of a 12-digit
// account with a resource: "arn:PARTITION:iam::ACCOUNT:role/NAME".
func iamPrincipal(p string) bool {
	f := strings.SplitN(p, ":", 6)
	return len(f) == 6 && f[0] == "arn" && pattern.LowerDigitsDash(f[1]) && (f[2] == "iam" || f[2] == "sts") &&
		f[3] == "" && len(f[4]) == 12 && pattern.Digits(f[4]) && f[5] != "" && utf8.ValidString(f[5])
}
