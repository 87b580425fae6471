package customlabelstest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	policyProject = "arn:aws:rekognition:us-east-1:123456789012:project/source/1700000000000"
	policyVersion = "arn:aws:rekognition:us-east-1:123456789012:project/source/version/v1/1700000100000"
	adapterArn    = "arn:aws:rekognition:us-east-1:123456789012:project/adapter/1700000000001"
	// copyPolicy is the developer guide's document, allowing account
	// 111122223333 to copy policyVersion.
	copyPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},` +
		`"Action":"rekognition:CopyProjectVersion","Resource":"` + policyVersion + `"}]}`
)

// policyFixture is a server with one Custom Labels project and one
// adapter, on a frozen clock, and a client that does not retry.
type policyFixture struct {
	srv *customlabelstest.Server
	c   *customlabels.Client
	now time.Time
}

func newPolicyFixture(t *testing.T, opts ...customlabelstest.Option) *policyFixture {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Millisecond) // close enough to real time for signatures
	opts = append([]customlabelstest.Option{
		customlabelstest.WithClock(func() time.Time { return now }),
		customlabelstest.WithProjects(
			customlabels.ProjectDescription{ProjectArn: policyProject, Status: customlabels.ProjectStatusCreated},
			customlabels.ProjectDescription{ProjectArn: adapterArn, Status: customlabels.ProjectStatusCreated,
				Feature: customlabels.CustomizationFeatureContentModeration}),
	}, opts...)
	srv := newServer(t, opts...)
	return &policyFixture{srv: srv, c: srv.Client(noRetry), now: now}
}

func (f *policyFixture) put(t *testing.T, name, revision, doc string) (string, error) {
	t.Helper()
	out, err := f.c.PutProjectPolicy(context.Background(), &customlabels.PutProjectPolicyInput{
		ProjectArn: policyProject, PolicyName: name, PolicyRevisionId: revision, PolicyDocument: doc})
	if err != nil {
		return "", err
	}
	return out.PolicyRevisionId, nil
}

func (f *policyFixture) list(t *testing.T) []customlabels.ProjectPolicy {
	t.Helper()
	var all []customlabels.ProjectPolicy
	for p, err := range customlabels.AllProjectPolicies(context.Background(), f.c, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject}) {
		require.NoError(t, err)
		all = append(all, p)
	}
	return all
}

func TestPutProjectPolicyRevisions(t *testing.T) {
	f := newPolicyFixture(t)
	rev1, err := f.put(t, "copy", "", copyPolicy)
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{32}$`, rev1, "a revision ID is hexadecimal, at most 64 digits")

	got := f.list(t)
	require.Len(t, got, 1)
	assert.Equal(t, customlabels.ProjectPolicy{ProjectArn: policyProject, PolicyName: "copy", PolicyRevisionId: rev1,
		PolicyDocument: copyPolicy, CreationTimestamp: f.now, LastUpdatedTimestamp: f.now}, got[0])

	// A replacement names the current revision and gets a new one; it
	// keeps its creation time and its place.
	f.srv.Advance(time.Hour)
	_, err = f.put(t, "second", "", copyPolicy)
	require.NoError(t, err)
	replaced := strings.Replace(copyPolicy, "111122223333", "444455556666", 1)
	rev2, err := f.put(t, "copy", strings.ToUpper(rev1), replaced) // revisions are hexadecimal numbers: case does not matter
	require.NoError(t, err)
	assert.NotEqual(t, rev1, rev2, "every put makes a new revision")
	got = f.list(t)
	require.Len(t, got, 2)
	assert.Equal(t, "copy", got[0].PolicyName, "a replaced policy keeps its place")
	assert.Equal(t, rev2, got[0].PolicyRevisionId)
	assert.Equal(t, replaced, got[0].PolicyDocument)
	assert.Equal(t, f.now, got[0].CreationTimestamp)
	assert.Equal(t, f.now.Add(time.Hour), got[0].LastUpdatedTimestamp)
	assert.Equal(t, "second", got[1].PolicyName)
}

func TestPutProjectPolicyRefusals(t *testing.T) {
	f := newPolicyFixture(t)
	rev, err := f.put(t, "copy", "", copyPolicy)
	require.NoError(t, err)
	ctx := context.Background()

	tests := []struct {
		name string
		in   customlabels.PutProjectPolicyInput
		code string
		msg  string
	}{
		{"name taken", customlabels.PutProjectPolicyInput{PolicyName: "copy", PolicyDocument: copyPolicy},
			"ResourceAlreadyExistsException", "pass its PolicyRevisionId"},
		{"stale revision", customlabels.PutProjectPolicyInput{PolicyName: "copy", PolicyRevisionId: "0123abcd", PolicyDocument: copyPolicy},
			"InvalidPolicyRevisionIdException", "not the current revision"},
		{"revision of no policy", customlabels.PutProjectPolicyInput{PolicyName: "other", PolicyRevisionId: rev, PolicyDocument: copyPolicy},
			"InvalidPolicyRevisionIdException", "leave PolicyRevisionId out"},
		{"unknown project", customlabels.PutProjectPolicyInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/none/1",
			PolicyName: "copy", PolicyDocument: copyPolicy}, "ResourceNotFoundException", "does not exist"},
		{"adapter", customlabels.PutProjectPolicyInput{ProjectArn: adapterArn, PolicyName: "copy", PolicyDocument: copyPolicy},
			"InvalidParameterException", "only to Custom Labels projects"},
		{"malformed", customlabels.PutProjectPolicyInput{PolicyName: "bad", PolicyDocument: `{"Statement":[]}`},
			"MalformedPolicyDocumentException", "at least one statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			if in.ProjectArn == "" {
				in.ProjectArn = policyProject
			}
			_, err := f.c.PutProjectPolicy(ctx, &in)
			assertCode(t, err, tt.code)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
	got := f.list(t)
	require.Len(t, got, 1, "a refused put changes nothing")
	assert.Equal(t, rev, got[0].PolicyRevisionId)
}

// Five policies per project; the sixth is refused as over a quota, and a
// replacement still goes through.
func TestPutProjectPolicyQuota(t *testing.T) {
	f := newPolicyFixture(t)
	var revs []string
	for i := range 5 {
		rev, err := f.put(t, fmt.Sprintf("p%d", i), "", copyPolicy)
		require.NoError(t, err)
		revs = append(revs, rev)
	}
	_, err := f.put(t, "p5", "", copyPolicy)
	assertCode(t, err, "ServiceQuotaExceededException")
	_, err = f.put(t, "p0", revs[0], copyPolicy)
	require.NoError(t, err, "replacing one of five")

	_, err = f.c.DeleteProjectPolicy(context.Background(), &customlabels.DeleteProjectPolicyInput{ProjectArn: policyProject, PolicyName: "p3"})
	require.NoError(t, err)
	_, err = f.put(t, "p5", "", copyPolicy)
	require.NoError(t, err, "room again after a delete")
	var names []string
	for _, p := range f.list(t) {
		names = append(names, p.PolicyName)
	}
	assert.Equal(t, []string{"p0", "p1", "p2", "p4", "p5"}, names)
}

// Every rule of the developer guide is refused with a message that names
// it.
func TestPutProjectPolicyMalformedDocuments(t *testing.T) {
	f := newPolicyFixture(t)
	stmt := func(s string) string { return `{"Version":"2012-10-17","Statement":[` + s + `]}` }
	const (
		principal = `"Principal":{"AWS":"111122223333"}`
		action    = `"Action":"rekognition:CopyProjectVersion"`
		resource  = `"Resource":"*"`
	)
	tests := []struct {
		name, doc, msg string
	}{
		{"not JSON", `{"Version":`, "must be a JSON object"},
		{"a list", `[]`, "must be a JSON object"},
		{"null", `null`, "must be a JSON object: it is null"},
		{"trailing data", stmt(`{"Effect":"Allow",`+principal+`,`+action+`,`+resource+`}`) + ` {}`, "must be a JSON object"},
		{"unknown element", `{"Version":"2012-10-17","Statement":[],"Extra":1}`, `unknown element "Extra"`},
		{"bad version", `{"Version":"2020-01-01","Statement":[]}`, "Version must be"},
		{"no statement", `{"Version":"2012-10-17"}`, "has no Statement"},
		{"statement not a list", `{"Statement":"x"}`, "must be an object or a list of objects"},
		{"empty statements", stmt(``), "at least one statement"},
		{"no effect", stmt(`{` + principal + `,` + action + `,` + resource + `}`), "Statement[0] has no Effect: Effect, Principal, Action and Resource are required"},
		{"no principal", stmt(`{"Effect":"Allow",` + action + `,` + resource + `}`), "Statement[0] has no Principal"},
		{"no action", stmt(`{"Effect":"Allow",` + principal + `,` + resource + `}`), "Statement[0] has no Action"},
		{"no resource", stmt(`{"Effect":"Allow",` + principal + `,` + action + `}`), "Statement[0] has no Resource"},
		{"NotAction", stmt(`{"Effect":"Allow",` + principal + `,"NotAction":"rekognition:DetectLabels",` + resource + `}`),
			"Statement[0] has NotAction: NotAction, NotResource and NotPrincipal are not allowed"},
		{"NotResource", stmt(`{"Effect":"Allow",` + principal + `,` + action + `,"NotResource":"*"}`), "Statement[0] has NotResource"},
		{"NotPrincipal", stmt(`{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},` + action + `,` + resource + `}`), "Statement[0] has NotPrincipal"},
		{"other action", stmt(`{"Effect":"Allow",` + principal + `,"Action":"rekognition:DetectCustomLabels",` + resource + `}`),
			`Statement[0].Action names "rekognition:DetectCustomLabels": the only action a project policy may name is rekognition:CopyProjectVersion`},
		{"wildcard action", stmt(`{"Effect":"Allow",` + principal + `,"Action":["rekognition:CopyProjectVersion","rekognition:*"],` + resource + `}`),
			`names "rekognition:*"`},
		{"second statement", stmt(`{"Effect":"Allow",` + principal + `,` + action + `,` + resource + `},{"Effect":"Allow",` + principal + `,` + action + `}`),
			"Statement[1] has no Resource"},
		{"bad effect", stmt(`{"Effect":"Permit",` + principal + `,` + action + `,` + resource + `}`), `Effect must be "Allow" or "Deny"`},
		{"bad principal", stmt(`{"Effect":"Allow","Principal":{"AWS":"bob"},` + action + `,` + resource + `}`), `AWS names "bob"`},
		{"principal kind", stmt(`{"Effect":"Allow","Principal":{"Robot":"x"},` + action + `,` + resource + `}`), `unknown kind "Robot"`},
		{"principal string", stmt(`{"Effect":"Allow","Principal":"111122223333",` + action + `,` + resource + `}`), `Principal must be "*" or an object`},
		{"empty resource", stmt(`{"Effect":"Allow",` + principal + `,` + action + `,"Resource":[]}`), "Resource must be a string or a list"},
		{"unknown statement element", stmt(`{"Effect":"Allow",` + principal + `,` + action + `,` + resource + `,"Extra":1}`), `unknown element "Extra"`},
		{"condition not an object", stmt(`{"Effect":"Allow",` + principal + `,` + action + `,` + resource + `,"Condition":1}`), "Condition must be an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.put(t, "p", "", tt.doc)
			assertCode(t, err, "MalformedPolicyDocumentException")
			var e *customlabels.MalformedPolicyDocumentException
			require.ErrorAs(t, err, &e)
			assert.Contains(t, e.Message, tt.msg)
		})
	}

	// What IAM's grammar allows besides the developer guide's example.
	for name, doc := range map[string]string{
		"guide example":         copyPolicy,
		"single statement":      `{"Version":"2012-10-17","Statement":{"Effect":"Allow",` + principal + `,` + action + `,` + resource + `}}`,
		"lists and a deny":      stmt(`{"Sid":"a","Effect":"Deny","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:role/R"]},"Action":["rekognition:CopyProjectVersion"],"Resource":["*"]}`),
		"upper-case effect":     stmt(`{"Effect":"ALLOW",` + principal + `,` + action + `,` + resource + `}`), // the API reference's own example
		"everyone, a condition": stmt(`{"Effect":"Allow","Principal":"*",` + action + `,` + resource + `,"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}`),
		"no version, an Id":     `{"Id":"x","Statement":[{"Effect":"Allow",` + principal + `,` + action + `,` + resource + `}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.put(t, "ok", "", doc)
			require.NoError(t, err)
			_, err = f.c.DeleteProjectPolicy(context.Background(), &customlabels.DeleteProjectPolicyInput{ProjectArn: policyProject, PolicyName: "ok"})
			require.NoError(t, err)
		})
	}
}

func TestListProjectPoliciesPages(t *testing.T) {
	f := newPolicyFixture(t)
	for i := range 5 {
		_, err := f.put(t, fmt.Sprintf("p%d", i), "", copyPolicy)
		require.NoError(t, err)
	}
	ctx := context.Background()

	// The default page is five: the whole list, no token.
	out, err := f.c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject})
	require.NoError(t, err)
	assert.Len(t, out.ProjectPolicies, 5)
	assert.Empty(t, out.NextToken)

	out, err = f.c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject, MaxResults: 2})
	require.NoError(t, err)
	require.Len(t, out.ProjectPolicies, 2)
	require.NotEmpty(t, out.NextToken)
	token := out.NextToken

	// A policy deleted before the place of the token is not listed twice,
	// one deleted after it is not listed at all.
	for _, name := range []string{"p0", "p3"} {
		_, err = f.c.DeleteProjectPolicy(ctx, &customlabels.DeleteProjectPolicyInput{ProjectArn: policyProject, PolicyName: name})
		require.NoError(t, err)
	}
	out, err = f.c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject, NextToken: token, MaxResults: 5})
	require.NoError(t, err)
	var names []string
	for _, p := range out.ProjectPolicies {
		names = append(names, p.PolicyName)
	}
	assert.Equal(t, []string{"p2", "p4"}, names)
	assert.Empty(t, out.NextToken)

	// A project without policies lists none, as an empty list.
	f.srv.AddProjects(customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/bare/1"})
	res := rawCall(t, f.srv, `{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/bare/1"}`, func(r *http.Request) {
		r.Header.Set("X-Amz-Target", "RekognitionService.ListProjectPolicies")
	})
	assert.Equal(t, 200, res.status)
	assert.JSONEq(t, `{"ProjectPolicies":[]}`, res.body)
}

func TestListProjectPoliciesRefusals(t *testing.T) {
	f := newPolicyFixture(t)
	for i := range 3 {
		_, err := f.put(t, fmt.Sprintf("p%d", i), "", copyPolicy)
		require.NoError(t, err)
	}
	ctx := context.Background()
	first, err := f.c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject, MaxResults: 1})
	require.NoError(t, err)
	projects, err := f.c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: 1, Features: bothFeatures})
	require.NoError(t, err)
	require.NotEmpty(t, projects.NextToken)

	tests := []struct {
		name string
		in   customlabels.ListProjectPoliciesInput
		code string
		msg  string
	}{
		{"unknown project", customlabels.ListProjectPoliciesInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/none/1"},
			"ResourceNotFoundException", "does not exist"},
		{"token of another project", customlabels.ListProjectPoliciesInput{ProjectArn: adapterArn, NextToken: first.NextToken},
			"InvalidPaginationTokenException", "another ProjectArn"},
		{"token of another operation", customlabels.ListProjectPoliciesInput{ProjectArn: policyProject, NextToken: projects.NextToken},
			"InvalidPaginationTokenException", "Invalid pagination token"},
		{"garbage token", customlabels.ListProjectPoliciesInput{ProjectArn: policyProject, NextToken: "garbage"},
			"InvalidPaginationTokenException", "Invalid pagination token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			_, err := f.c.ListProjectPolicies(ctx, &in)
			assertCode(t, err, tt.code)
			assert.ErrorContains(t, err, tt.msg)
		})
	}

	// Any client: a page size over 5 is refused by the validation layer.
	res := rawCall(t, f.srv, `{"ProjectArn":"`+policyProject+`","MaxResults":6}`, func(r *http.Request) {
		r.Header.Set("X-Amz-Target", "RekognitionService.ListProjectPolicies")
	})
	assert.Equal(t, 400, res.status)
	typ, msg := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.validate#ValidationException", typ)
	assert.Contains(t, msg, "Value '6' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 5")
}

func TestDeleteProjectPolicy(t *testing.T) {
	f := newPolicyFixture(t)
	rev, err := f.put(t, "copy", "", copyPolicy)
	require.NoError(t, err)
	ctx := context.Background()
	del := func(in customlabels.DeleteProjectPolicyInput) error {
		if in.ProjectArn == "" {
			in.ProjectArn = policyProject
		}
		_, err := f.c.DeleteProjectPolicy(ctx, &in)
		return err
	}

	assertCode(t, del(customlabels.DeleteProjectPolicyInput{PolicyName: "copy", PolicyRevisionId: "abc"}), "InvalidPolicyRevisionIdException")
	assertCode(t, del(customlabels.DeleteProjectPolicyInput{PolicyName: "other"}), "ResourceNotFoundException")
	assertCode(t, del(customlabels.DeleteProjectPolicyInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/none/1",
		PolicyName: "copy"}), "ResourceNotFoundException")
	require.Len(t, f.list(t), 1, "refused deletes change nothing")

	require.NoError(t, del(customlabels.DeleteProjectPolicyInput{PolicyName: "copy", PolicyRevisionId: rev}))
	assert.Empty(t, f.list(t))
	assertCode(t, del(customlabels.DeleteProjectPolicyInput{PolicyName: "copy"}), "ResourceNotFoundException")

	// Without a revision, whatever revision is current goes.
	_, err = f.put(t, "copy", "", copyPolicy)
	require.NoError(t, err)
	require.NoError(t, del(customlabels.DeleteProjectPolicyInput{PolicyName: "copy"}))
	assert.Empty(t, f.list(t))
}

// Policies go with their project, whether DeleteProject or the server's
// RemoveProjects removes it, and with Reset.
func TestProjectPoliciesGoWithTheirProject(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(time.Minute),
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: policyProject}))
	c := srv.Client(noRetry)
	ctx := context.Background()
	list := func(arn string) error {
		_, err := c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: arn})
		return err
	}
	attach := func(name string) string {
		p, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: name})
		require.NoError(t, err)
		_, err = c.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: p.ProjectArn, PolicyName: "copy", PolicyDocument: copyPolicy})
		require.NoError(t, err)
		return p.ProjectArn
	}

	deleted := attach("deleted")
	_, err := c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: deleted})
	require.NoError(t, err)
	require.NoError(t, list(deleted), "the policies stay while the project is DELETING")
	srv.Advance(time.Minute)
	assertCode(t, list(deleted), "ResourceNotFoundException")

	removed := attach("removed")
	require.Equal(t, 1, srv.RemoveProjects(removed))
	srv.AddProjects(customlabels.ProjectDescription{ProjectArn: removed})
	out, err := c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: removed})
	require.NoError(t, err)
	assert.Empty(t, out.ProjectPolicies, "a project added again has no policies of its former self")

	_, err = c.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: policyProject, PolicyName: "copy", PolicyDocument: copyPolicy})
	require.NoError(t, err)
	srv.Reset()
	out, err = c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProject})
	require.NoError(t, err, "the project of WithProjects is back")
	assert.Empty(t, out.ProjectPolicies, "and without the policy put before Reset")
}
