package customlabelstest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	trustedKey     = "AKIDTRUSTEDACCOUNT"
	trustedAccount = "111122223333"
)

// asKey makes a client sign with accessKeyID, an access key of
// WithAccount.
func asKey(srv *customlabelstest.Server, accessKeyID string) func(*customlabels.Options) {
	return func(o *customlabels.Options) {
		o.Credentials = srv.CredentialsFor(accessKeyID)
		o.RetryMaxAttempts = 1
	}
}

// Each account creates and lists its own projects; a name may repeat
// across accounts.
func TestAccountsSeeTheirOwnProjects(t *testing.T) {
	srv := newServer(t, customlabelstest.WithAccount(trustedKey, trustedAccount), customlabelstest.WithProjectTime(0))
	owner, trusted := srv.Client(noRetry), srv.Client(asKey(srv, trustedKey))
	ctx := context.Background()

	mine, err := owner.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "same-name"})
	require.NoError(t, err)
	theirs, err := trusted.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "same-name"})
	require.NoError(t, err, "a name taken in another account is free in this one")
	a, err := customlabels.ParseARN(theirs.ProjectArn)
	require.NoError(t, err)
	assert.Equal(t, trustedAccount, a.AccountID, "created in the caller's account")
	b, err := customlabels.ParseARN(mine.ProjectArn)
	require.NoError(t, err)
	assert.Equal(t, customlabelstest.DefaultAccountID, b.AccountID)

	for c, want := range map[*customlabels.Client]string{owner: mine.ProjectArn, trusted: theirs.ProjectArn} {
		got := listAll(t, c, customlabels.DescribeProjectsInput{})
		require.Len(t, got, 1)
		assert.Equal(t, want, got[0].ProjectArn)
	}
	assert.Len(t, srv.Projects(), 2, "the server holds both")

	// A token is bound to the account that listed.
	_, err = owner.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "second"})
	require.NoError(t, err)
	page, err := owner.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: 1})
	require.NoError(t, err)
	require.NotEmpty(t, page.NextToken)
	_, err = trusted.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: 1, NextToken: page.NextToken})
	assertCode(t, err, "InvalidPaginationTokenException")
}

// An operation on another account's resource is refused as IAM refuses
// it, whether the resource exists or not.
func TestAccountsCannotTouchOtherAccounts(t *testing.T) {
	srv := newServer(t, customlabelstest.WithAccount(trustedKey, trustedAccount),
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: policyProject, Status: customlabels.ProjectStatusCreated}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: policyVersion,
			Status: customlabels.ProjectVersionStatusTrainingCompleted}))
	owner, trusted := srv.Client(noRetry), srv.Client(asKey(srv, trustedKey))
	ctx := context.Background()
	_, err := owner.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: policyProject, PolicyName: "copy", PolicyDocument: copyPolicy})
	require.NoError(t, err)
	missing := "arn:aws:rekognition:us-east-1:123456789012:project/missing/1"

	calls := map[string]func() error{
		"DeleteProject": func() error {
			_, err := trusted.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: policyProject})
			return err
		},
		"DescribeProjectVersions": func() error {
			_, err := trusted.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: policyProject})
			return err
		},
		"StartProjectVersion": func() error {
			_, err := trusted.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: policyVersion, MinInferenceUnits: 1})
			return err
		},
		"StopProjectVersion": func() error {
			_, err := trusted.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: policyVersion})
			return err
		},
		"DetectCustomLabels": func() error {
			_, err := trusted.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: policyVersion,
				Image: customlabels.Image{Bytes: []byte{0xff, 0xd8, 0xff}}})
			return err
		},
		"PutProjectPolicy": func() error {
			_, err := trusted.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: policyProject, PolicyName: "mine", PolicyDocument: copyPolicy})
			return err
		},
		"ListProjectPolicies": func() error {
			_, err := trusted.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject})
			return err
		},
		"DeleteProjectPolicy": func() error {
			_, err := trusted.DeleteProjectPolicy(ctx, &customlabels.DeleteProjectPolicyInput{ProjectArn: policyProject, PolicyName: "copy"})
			return err
		},
		"TagResource": func() error {
			_, err := trusted.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: policyVersion, Tags: map[string]string{"k": "v"}})
			return err
		},
		"UntagResource": func() error {
			_, err := trusted.UntagResource(ctx, &customlabels.UntagResourceInput{ResourceArn: policyProject, TagKeys: []string{"k"}})
			return err
		},
		"ListTagsForResource": func() error {
			_, err := trusted.ListTagsForResource(ctx, &customlabels.ListTagsForResourceInput{ResourceArn: policyProject})
			return err
		},
		"ListTagsForResource of a missing resource": func() error {
			_, err := trusted.ListTagsForResource(ctx, &customlabels.ListTagsForResourceInput{ResourceArn: missing})
			return err
		},
		"DeleteProject of a missing project": func() error {
			_, err := trusted.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: missing})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			assertCode(t, err, "AccessDeniedException")
			assert.ErrorContains(t, err, "arn:aws:iam::"+trustedAccount+":user/customlabelstest is not authorized to perform: rekognition:")
		})
	}

	// Nothing changed, as the owner sees it.
	out, err := owner.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject})
	require.NoError(t, err)
	require.Len(t, out.ProjectPolicies, 1)
	assert.Equal(t, "copy", out.ProjectPolicies[0].PolicyName)
	assert.Len(t, listAll(t, owner, customlabels.DescribeProjectsInput{}), 1)
}

// Without WithAccount the server is as it always was: one key, acting in
// DefaultAccountID, that sees every resource whatever account its ARN
// names.
func TestOneAccountSeesEveryResource(t *testing.T) {
	const elsewhere = "arn:aws:rekognition:us-east-1:999999999999:project/elsewhere/1700000000000"
	srv := newServer(t, customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: elsewhere}))
	c := srv.Client(noRetry)
	ctx := context.Background()
	got := listAll(t, c, customlabels.DescribeProjectsInput{})
	require.Len(t, got, 1)
	assert.Equal(t, elsewhere, got[0].ProjectArn)
	_, err := c.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: elsewhere, PolicyName: "copy", PolicyDocument: copyPolicy})
	require.NoError(t, err)
	_, err = c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: elsewhere, Tags: map[string]string{"k": "v"}})
	require.NoError(t, err)
	p, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "new"})
	require.NoError(t, err)
	assert.Contains(t, p.ProjectArn, ":"+customlabelstest.DefaultAccountID+":project/new/")
}

func TestWithAccountKeys(t *testing.T) {
	srv := newServer(t,
		customlabelstest.WithCredentials("AKIDPRIMARY", "primary-secret", "session-token"),
		customlabelstest.WithAccount("AKIDPRIMARY", "222233334444"),
		customlabelstest.WithAccount(trustedKey, trustedAccount))
	ctx := context.Background()

	// The server's own key acts in the account WithAccount names for it.
	p, err := srv.Client(noRetry).CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	assert.Contains(t, p.ProjectArn, ":222233334444:project/p/")

	// An added key signs with the server's secret and token.
	trusted := srv.Client(asKey(srv, trustedKey))
	p, err = trusted.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	assert.Contains(t, p.ProjectArn, ":"+trustedAccount+":project/p/")
	reqs := srv.Requests()
	assert.Equal(t, trustedKey, reqs[len(reqs)-1].AccessKeyID)

	for _, tt := range []struct {
		name string
		p    signParams
		code string
	}{
		{"unknown key", signParams{keyID: "AKIDUNKNOWN", secret: "primary-secret", token: "session-token"}, "UnrecognizedClientException"},
		{"wrong secret", signParams{keyID: trustedKey, secret: "not-the-secret", token: "session-token"}, "InvalidSignatureException"},
		{"missing token", signParams{keyID: trustedKey, secret: "primary-secret"}, "UnrecognizedClientException"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := signedCall(t, srv, `{}`, tt.p, nil)
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, _ := errorBody(t, res.body)
			assert.True(t, strings.HasSuffix(typ, "#"+tt.code), "%s, want %s", typ, tt.code)
			assert.NotContains(t, res.body, "primary-secret")
		})
	}
}

func TestWithAccountPanicsOnBadInput(t *testing.T) {
	for name, opt := range map[string]customlabelstest.Option{
		"short account": customlabelstest.WithAccount(trustedKey, "12345"),
		"letters":       customlabelstest.WithAccount(trustedKey, "11112222333x"),
		"empty key":     customlabelstest.WithAccount("", trustedAccount),
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				require.NotNil(t, r, "NewServer accepted %s", name)
				assert.True(t, strings.HasPrefix(r.(string), "customlabelstest: WithAccount"), "%v", r)
			}()
			srv := customlabelstest.NewServer(opt)
			srv.Close()
		})
	}
}
