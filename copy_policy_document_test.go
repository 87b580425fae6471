package customlabels_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const copyVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/shared/version/v1/1700000100000"

func TestCopyPolicyDocument(t *testing.T) {
	tests := []struct {
		name       string
		version    string
		principals []string
		want       any // the Principal's AWS member, decoded
	}{
		{"an account", copyVersionArn, []string{"111122223333"}, "arn:aws:iam::111122223333:root"},
		{"a role", copyVersionArn, []string{"arn:aws:iam::111122223333:role/Admin"}, "arn:aws:iam::111122223333:role/Admin"},
		{"several", copyVersionArn, []string{"111122223333", "arn:aws:sts::444455556666:assumed-role/R/s"},
			[]any{"arn:aws:iam::111122223333:root", "arn:aws:sts::444455556666:assumed-role/R/s"}},
		{"the version's partition", "arn:aws-cn:rekognition:cn-north-1:123456789012:project/p/version/v/1", []string{"111122223333"},
			"arn:aws-cn:iam::111122223333:root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := customlabels.CopyPolicyDocument(tt.version, tt.principals...)
			require.NoError(t, err)
			var got struct {
				Version   string
				Statement []map[string]any
			}
			require.NoError(t, json.Unmarshal([]byte(doc), &got), "CopyPolicyDocument(...) = %s, not JSON", doc)
			assert.Equal(t, "2012-10-17", got.Version)
			require.Len(t, got.Statement, 1)
			assert.Equal(t, map[string]any{
				"Effect":    "Allow",
				"Principal": map[string]any{"AWS": tt.want},
				"Action":    "rekognition:CopyProjectVersion",
				"Resource":  tt.version,
			}, got.Statement[0])
		})
	}
}

func TestCopyPolicyDocumentRefusals(t *testing.T) {
	many := make([]string, 50)
	for i := range many {
		many[i] = "arn:aws:iam::111122223333:role/a-rather-long-role-name-" + strings.Repeat("x", 10)
	}
	tests := []struct {
		name       string
		version    string
		principals []string
		field      string
		rule       string
	}{
		{"no version", "", []string{"111122223333"}, "sourceVersionArn", "is required"},
		{"a project ARN", "arn:aws:rekognition:us-east-1:123456789012:project/shared/1700000000000", []string{"111122223333"},
			"sourceVersionArn", "must be a version ARN"},
		{"no principal", copyVersionArn, nil, "principals", "at least one"},
		{"everyone", copyVersionArn, []string{"*"}, "principals[0]", "must be a 12-digit account ID or an IAM ARN"},
		{"short account", copyVersionArn, []string{"111122223333", "11112222333"}, "principals[1]", "12-digit"},
		{"not IAM", copyVersionArn, []string{"arn:aws:s3:::bucket"}, "principals[0]", "IAM ARN"},
		{"IAM without a resource", copyVersionArn, []string{"arn:aws:iam::111122223333:"}, "principals[0]", "IAM ARN"},
		{"too long", copyVersionArn, many, "principals", "more than the 2000 PutProjectPolicy accepts"},
		{"beyond U+00FF", copyVersionArn, []string{"arn:aws:iam::111122223333:role/ロール"}, "principals", "U+0020 to U+00FF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := customlabels.CopyPolicyDocument(tt.version, tt.principals...)
			assert.Empty(t, doc)
			var pe *customlabels.InvalidParamError
			require.True(t, errors.As(err, &pe), "CopyPolicyDocument(...) error = %v, want *InvalidParamError", err)
			assert.Equal(t, "CopyPolicyDocument", pe.Input)
			assert.Equal(t, tt.field, pe.Field)
			assert.Contains(t, pe.Rule, tt.rule)
		})
	}
}

// What CopyPolicyDocument writes, PutProjectPolicy accepts: the fake
// checks the rules the developer guide states.
func TestCopyPolicyDocumentIsAccepted(t *testing.T) {
	const project = "arn:aws:rekognition:us-east-1:123456789012:project/shared/1700000000000"
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: project}))
	defer srv.Close()
	doc, err := customlabels.CopyPolicyDocument(copyVersionArn, "111122223333", "arn:aws:iam::444455556666:role/Copier")
	require.NoError(t, err)
	_, err = srv.Client().PutProjectPolicy(context.Background(), &customlabels.PutProjectPolicyInput{
		ProjectArn: project, PolicyName: "copy", PolicyDocument: doc})
	require.NoError(t, err)
}
