package sdkv2_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	sourceProject = "arn:aws:rekognition:us-east-1:123456789012:project/source/1700000000000"
	sourceVersion = "arn:aws:rekognition:us-east-1:123456789012:project/source/version/v1/1700000100000"
)

func policyServer(t *testing.T, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	return newServer(t, append([]customlabelstest.Option{
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: sourceProject, Status: customlabels.ProjectStatusCreated}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: sourceVersion,
			Status: customlabels.ProjectVersionStatusTrainingCompleted}),
	}, opts...)...)
}

func copyDocument(t *testing.T, accounts ...string) string {
	t.Helper()
	doc, err := customlabels.CopyPolicyDocument(sourceVersion, accounts...)
	require.NoError(t, err)
	return doc
}

// Put, list with the SDK's paginator, replace, delete: what the SDK
// sends, the fake understands, and what the fake answers, the SDK
// decodes.
func TestProjectPoliciesThroughTheSDK(t *testing.T) {
	srv := policyServer(t)
	c := sdkClient(srv)
	ctx := context.Background()

	revisions := map[string]string{}
	for i := range 5 {
		name := fmt.Sprintf("policy-%d", i)
		out, err := c.PutProjectPolicy(ctx, &rekognition.PutProjectPolicyInput{
			ProjectArn: aws.String(sourceProject), PolicyName: aws.String(name), PolicyDocument: aws.String(copyDocument(t, "111122223333"))})
		require.NoError(t, err)
		require.NotEmpty(t, aws.ToString(out.PolicyRevisionId))
		revisions[name] = aws.ToString(out.PolicyRevisionId)
	}

	var listed []types.ProjectPolicy
	pages := 0
	p := rekognition.NewListProjectPoliciesPaginator(c, &rekognition.ListProjectPoliciesInput{ProjectArn: aws.String(sourceProject)},
		func(o *rekognition.ListProjectPoliciesPaginatorOptions) { o.Limit = 2 })
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		listed = append(listed, out.ProjectPolicies...)
		pages++
	}
	assert.Equal(t, 3, pages, "5 policies, 2 a page")
	require.Len(t, listed, 5)
	for i, pol := range listed {
		name := fmt.Sprintf("policy-%d", i)
		assert.Equal(t, name, aws.ToString(pol.PolicyName))
		assert.Equal(t, revisions[name], aws.ToString(pol.PolicyRevisionId))
		assert.Equal(t, sourceProject, aws.ToString(pol.ProjectArn))
		assert.Equal(t, copyDocument(t, "111122223333"), aws.ToString(pol.PolicyDocument))
		require.NotNil(t, pol.CreationTimestamp)
		require.NotNil(t, pol.LastUpdatedTimestamp)
		assert.False(t, pol.CreationTimestamp.IsZero())
	}

	// A replacement names the current revision.
	replaced, err := c.PutProjectPolicy(ctx, &rekognition.PutProjectPolicyInput{
		ProjectArn: aws.String(sourceProject), PolicyName: aws.String("policy-0"),
		PolicyRevisionId: aws.String(revisions["policy-0"]), PolicyDocument: aws.String(copyDocument(t, "444455556666"))})
	require.NoError(t, err)
	assert.NotEqual(t, revisions["policy-0"], aws.ToString(replaced.PolicyRevisionId))

	_, err = c.DeleteProjectPolicy(ctx, &rekognition.DeleteProjectPolicyInput{ProjectArn: aws.String(sourceProject),
		PolicyName: aws.String("policy-0"), PolicyRevisionId: replaced.PolicyRevisionId})
	require.NoError(t, err)
	out, err := c.ListProjectPolicies(ctx, &rekognition.ListProjectPoliciesInput{ProjectArn: aws.String(sourceProject)})
	require.NoError(t, err)
	assert.Len(t, out.ProjectPolicies, 4)
	assert.Nil(t, out.NextToken)
}

// Each refusal reaches the SDK as its typed exception.
func TestProjectPoliciesTypedErrors(t *testing.T) {
	srv := policyServer(t)
	c := sdkClient(srv)
	ctx := context.Background()
	put := func(name, revision, doc string) error {
		in := &rekognition.PutProjectPolicyInput{ProjectArn: aws.String(sourceProject), PolicyName: aws.String(name), PolicyDocument: aws.String(doc)}
		if revision != "" {
			in.PolicyRevisionId = aws.String(revision)
		}
		_, err := c.PutProjectPolicy(ctx, in)
		return err
	}
	doc := copyDocument(t, "111122223333")
	require.NoError(t, put("copy", "", doc))

	err := put("copy", "0123abcd", doc)
	var stale *types.InvalidPolicyRevisionIdException
	require.ErrorAs(t, err, &stale, "a stale revision")
	assert.Contains(t, stale.ErrorMessage(), "not the current revision")

	err = put("broad", "", strings.Replace(doc, "rekognition:CopyProjectVersion", "rekognition:*", 1))
	var malformed *types.MalformedPolicyDocumentException
	require.ErrorAs(t, err, &malformed, "an action other than CopyProjectVersion")
	assert.Contains(t, malformed.ErrorMessage(), "the only action a project policy may name is rekognition:CopyProjectVersion")

	err = put("copy", "", doc)
	var exists *types.ResourceAlreadyExistsException
	require.ErrorAs(t, err, &exists, "a name taken")

	for i := range 4 {
		require.NoError(t, put(fmt.Sprintf("more-%d", i), "", doc))
	}
	err = put("sixth", "", doc)
	var quota *types.ServiceQuotaExceededException
	require.ErrorAs(t, err, &quota, "a sixth policy")

	_, err = c.DeleteProjectPolicy(ctx, &rekognition.DeleteProjectPolicyInput{ProjectArn: aws.String(sourceProject),
		PolicyName: aws.String("copy"), PolicyRevisionId: aws.String("abc")})
	require.ErrorAs(t, err, &stale, "a delete of a stale revision")

	_, err = c.DeleteProjectPolicy(ctx, &rekognition.DeleteProjectPolicyInput{ProjectArn: aws.String(sourceProject), PolicyName: aws.String("absent")})
	var notFound *types.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)

	_, err = c.ListProjectPolicies(ctx, &rekognition.ListProjectPoliciesInput{ProjectArn: aws.String(sourceProject), NextToken: aws.String("garbage")})
	var badToken *types.InvalidPaginationTokenException
	require.ErrorAs(t, err, &badToken)
}

func TestTagsThroughTheSDK(t *testing.T) {
	srv := policyServer(t)
	c := sdkClient(srv)
	ctx := context.Background()
	for _, arn := range []string{sourceProject, sourceVersion} {
		_, err := c.TagResource(ctx, &rekognition.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"team": "vision", "stage": "dev"}})
		require.NoError(t, err)
		_, err = c.UntagResource(ctx, &rekognition.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"stage"}})
		require.NoError(t, err)
		out, err := c.ListTagsForResource(ctx, &rekognition.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"team": "vision"}, out.Tags, arn)
	}

	_, err := c.ListTagsForResource(ctx, &rekognition.ListTagsForResourceInput{ResourceArn: aws.String("arn:aws:rekognition:us-east-1:123456789012:project/none/1")})
	var notFound *types.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)

	many := map[string]string{}
	for i := range 200 {
		many[fmt.Sprintf("k%03d", i)] = "v"
	}
	_, err = c.TagResource(ctx, &rekognition.TagResourceInput{ResourceArn: aws.String(sourceProject), Tags: many})
	var quota *types.ServiceQuotaExceededException
	require.ErrorAs(t, err, &quota, "team and 200 more")
}

// A second account, through its own access key, is refused the owner's
// project with the SDK's AccessDeniedException.
func TestOtherAccountThroughTheSDK(t *testing.T) {
	srv := policyServer(t, customlabelstest.WithAccount("AKIDTRUSTED", "111122223333"))
	trusted := sdkClient(srv, func(o *rekognition.Options) { o.Credentials = srv.CredentialsFor("AKIDTRUSTED") })
	ctx := context.Background()

	_, err := trusted.ListProjectPolicies(ctx, &rekognition.ListProjectPoliciesInput{ProjectArn: aws.String(sourceProject)})
	var denied *types.AccessDeniedException
	require.ErrorAs(t, err, &denied)

	out, err := trusted.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{})
	require.NoError(t, err)
	assert.Empty(t, out.ProjectDescriptions, "the owner's project is not the trusted account's")
	created, err := trusted.CreateProject(ctx, &rekognition.CreateProjectInput{ProjectName: aws.String("destination")})
	require.NoError(t, err)
	assert.Contains(t, aws.ToString(created.ProjectArn), ":111122223333:project/destination/")
}
