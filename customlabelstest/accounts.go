package customlabelstest

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/rekognition-go/customlabels"
)

// Accounts: one server can act as several AWS accounts, each reached
// through an access key of its own, to test what crosses accounts
// (project policies and CopyProjectVersion).

// WithAccount adds an access key whose requests act in the AWS account
// accountID (12 digits): the server accepts accessKeyID signed with its
// secret access key (DefaultSecretAccessKey, or WithCredentials'), and
// with its session token when it has one. CredentialsFor(accessKeyID)
// returns such credentials. Naming the server's own access key ID
// changes the account of its requests, DefaultAccountID otherwise.
//
// With at least one WithAccount, each account sees only its resources:
// CreateProject creates in the caller's account, DescribeProjects lists
// the caller's projects only, and an operation on an ARN of another
// account is AccessDeniedException, as IAM answers it (CopyProjectVersion
// decides by the source project's policies instead). Without
// WithAccount, the server's one access key acts in DefaultAccountID and
// sees every resource, whatever account its ARN names.
//
// NewServer panics on an empty access key ID or an account ID that is
// not 12 digits.
func WithAccount(accessKeyID, accountID string) Option {
	return func(c *config) {
		if c.accounts == nil {
			c.accounts = map[string]string{}
		}
		c.accounts[accessKeyID] = accountID
	}
}

// initAccounts sets the access keys the server accepts: its own, acting
// in DefaultAccountID, and those of WithAccount.
func (s *Server) initAccounts(extra map[string]string) {
	s.accounts = map[string]string{s.keyID: DefaultAccountID}
	for key, account := range extra {
		if key == "" {
			panic("customlabelstest: WithAccount: empty access key ID")
		}
		if !isAccountID(account) {
			panic(fmt.Sprintf("customlabelstest: WithAccount(%q, %q): an account ID is 12 digits", key, truncate(account, 32)))
		}
		s.accounts[key] = account
	}
	s.scoped = len(extra) > 0
}

// accountOf returns the AWS account whose access key ID keyID is: the
// account every request of that key acts in. A key the server does not
// know (accepted only WithoutSignatureVerification) acts in
// DefaultAccountID.
func (s *Server) accountOf(keyID string) string {
	if a, ok := s.accounts[keyID]; ok {
		return a
	}
	return DefaultAccountID
}

// CredentialsFor returns a provider of credentials the server accepts
// for accessKeyID, an access key of WithAccount (or the server's own):
// that key, the server's secret access key and its session token. Use it
// as Options.Credentials to call the server as that key's account.
func (s *Server) CredentialsFor(accessKeyID string) aws.CredentialsProvider {
	creds := aws.Credentials{
		AccessKeyID:     accessKeyID,
		SecretAccessKey: s.secret,
		SessionToken:    s.token,
		Source:          "customlabelstest",
	}
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil })
}

// arnAccount returns ACCOUNT of "arn:PARTITION:SERVICE:REGION:ACCOUNT:...",
// or "" when arn is not of that form.
func arnAccount(arn string) string {
	f := strings.SplitN(arn, ":", 6)
	if len(f) != 6 || f[0] != "arn" {
		return ""
	}
	return f[4]
}

// resourceMembers are the input members that name a resource the
// operation acts on, which must be of the caller's account. The source
// of CopyProjectVersion (SourceProjectArn, SourceProjectVersionArn) is not
// among them: project policies decide who may copy from it.
var resourceMembers = []string{"ProjectArn", "ProjectVersionArn", "DatasetArn", "ResourceArn", "DestinationProjectArn"}

// resourceFields returns the indexes of the fields of the input struct t
// that resourceMembers names.
func resourceFields(t reflect.Type) []int {
	var out []int
	for _, name := range resourceMembers {
		if f, ok := t.FieldByName(name); ok && f.Type.Kind() == reflect.String && len(f.Index) == 1 {
			out = append(out, f.Index[0])
		}
	}
	return out
}

// authorize answers AccessDeniedException when in (a pointer to an input
// struct) names a resource of another account than the caller's, in the
// members fields indexes, and the server serves several accounts. IAM
// refuses such a call before looking the resource up, so an ARN of
// another account is refused whether the resource exists or not.
func (s *Server) authorize(c *caller, op string, in any, fields []int) error {
	if !s.scoped || len(fields) == 0 {
		return nil
	}
	v := reflect.ValueOf(in).Elem()
	for _, i := range fields {
		arn := v.Field(i).String()
		if account := arnAccount(arn); account != "" && account != c.account {
			partition := strings.SplitN(arn, ":", 3)[1]
			return &customlabels.AccessDeniedException{Message: "User: arn:" + partition + ":iam::" + c.account +
				":user/customlabelstest is not authorized to perform: rekognition:" + op + " on resource: " + truncate(arn, 256)}
		}
	}
	return nil
}
