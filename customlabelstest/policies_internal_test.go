package customlabelstest

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// policyAllows, which CopyProjectVersion asks, decides as IAM does for a
// resource policy: the owner's account needs no policy but can be denied,
// another account needs an Allow and no Deny.
func TestPolicyAllows(t *testing.T) {
	const (
		owner   = "123456789012"
		trusted = "111122223333"
		other   = "444455556666"
		project = "arn:aws:rekognition:us-east-1:" + owner + ":project/src/1700000000000"
		v1      = "arn:aws:rekognition:us-east-1:" + owner + ":project/src/version/v1/1700000100000"
		v2      = "arn:aws:rekognition:us-east-1:" + owner + ":project/src/version/v2/1700000200000"
	)
	stmt := func(effect, principal, resource string, extra ...string) string {
		return `{"Effect":"` + effect + `","Principal":` + principal + `,"Action":"rekognition:CopyProjectVersion","Resource":` +
			resource + strings.Join(extra, "") + `}`
	}
	tests := []struct {
		name     string
		policies []string // one statement per policy
		version  string
		account  string
		want     bool
	}{
		{"owner, no policy", nil, v1, owner, true},
		{"other account, no policy", nil, v1, trusted, false},
		{"allowed by root ARN", []string{stmt("Allow", `{"AWS":"arn:aws:iam::`+trusted+`:root"}`, `"`+v1+`"`)}, v1, trusted, true},
		{"allowed by account ID", []string{stmt("Allow", `{"AWS":"`+trusted+`"}`, `"`+v1+`"`)}, v1, trusted, true},
		{"allowed by a role of the account", []string{stmt("Allow", `{"AWS":["arn:aws:iam::`+trusted+`:role/Copier"]}`, `"`+v1+`"`)}, v1, trusted, true},
		{"allowed to everyone", []string{stmt("Allow", `"*"`, `"*"`)}, v1, other, true},
		{"another version only", []string{stmt("Allow", `{"AWS":"`+trusted+`"}`, `"`+v1+`"`)}, v2, trusted, false},
		{"every version by wildcard", []string{stmt("Allow", `{"AWS":"`+trusted+`"}`, `"arn:aws:rekognition:us-east-1:`+owner+`:project/src/version/*"`)}, v2, trusted, true},
		{"wildcard of another project", []string{stmt("Allow", `{"AWS":"`+trusted+`"}`, `"arn:aws:rekognition:us-east-1:`+owner+`:project/other/version/*"`)}, v2, trusted, false},
		{"another account allowed", []string{stmt("Allow", `{"AWS":"`+trusted+`"}`, `"*"`)}, v1, other, false},
		{"allowed, then denied by a second policy", []string{
			stmt("Allow", `{"AWS":"`+trusted+`"}`, `"*"`), stmt("Deny", `{"AWS":"`+trusted+`"}`, `"`+v1+`"`)}, v1, trusted, false},
		{"owner denied", []string{stmt("Deny", `{"AWS":"arn:aws:iam::`+owner+`:role/Intern"}`, `"*"`)}, v1, owner, false},
		{"owner, a deny of others", []string{stmt("Deny", `{"AWS":"`+trusted+`"}`, `"*"`)}, v1, owner, true},
		{"conditional allow does not allow", []string{stmt("Allow", `{"AWS":"`+trusted+`"}`, `"*"`, `,"Condition":{"Bool":{"aws:SecureTransport":"true"}}`)}, v1, trusted, false},
		{"conditional deny denies", []string{stmt("Deny", `{"AWS":"`+owner+`"}`, `"*"`, `,"Condition":{"Bool":{"aws:SecureTransport":"false"}}`)}, v1, owner, false},
		{"service principal names no account", []string{stmt("Allow", `{"Service":"rekognition.amazonaws.com"}`, `"*"`)}, v1, trusted, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewServer(WithProjects(customlabels.ProjectDescription{ProjectArn: project}))
			defer s.Close()
			c := s.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
			for i, st := range tt.policies {
				_, err := c.PutProjectPolicy(context.Background(), &customlabels.PutProjectPolicyInput{
					ProjectArn: project, PolicyName: "p" + string(rune('0'+i)),
					PolicyDocument: `{"Version":"2012-10-17","Statement":[` + st + `]}`})
				require.NoError(t, err)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			assert.Equal(t, tt.want, s.policyAllows(project, tt.version, tt.account))
		})
	}
}

// globMatch agrees with a regular expression made of the pattern.
func TestGlobMatch(t *testing.T) {
	patterns := []string{"", "*", "?", "a*", "*a", "a*b", "a?c", "*a*b*", "**", "a*b*c", "arn:aws:rekognition:*:*:project/p/version/*"}
	inputs := []string{"", "a", "b", "ab", "abc", "aXc", "aabb", "acb", "xaxbx", "abcabc", "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v1/1"}
	for _, p := range patterns {
		re := regexp.MustCompile("^" + strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(p)) + "$")
		for _, s := range inputs {
			assert.Equal(t, re.MatchString(s), globMatch(p, s), "globMatch(%q, %q)", p, s)
		}
	}
}

func TestPrincipalAccount(t *testing.T) {
	for p, want := range map[string]string{
		"111122223333":                                "111122223333",
		"arn:aws:iam::111122223333:root":              "111122223333",
		"arn:aws-cn:iam::111122223333:role/a/b":       "111122223333",
		"arn:aws:sts::111122223333:assumed-role/R/s":  "111122223333",
		"11112222333":                                 "",
		"arn:aws:iam::111122223333":                   "",
		"arn:aws:iam::111122223333:":                  "",
		"arn:aws:s3::111122223333:bucket":             "",
		"arn:aws:iam:us-east-1:111122223333:role/R":   "",
		"arn:aws:iam::11112222333x:role/R":            "",
		"*":                                           "",
		"arn::iam::111122223333:root":                 "",
		"arn:aws:iam::111122223333:user/name:with:co": "111122223333",
	} {
		assert.Equal(t, want, principalAccount(p), "principalAccount(%q)", p)
	}
}
