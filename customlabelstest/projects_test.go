package customlabelstest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// projectStatus returns the status of the project named name, "" when the
// fake does not list it.
func projectStatus(t *testing.T, c *customlabels.Client, name string) customlabels.ProjectStatus {
	t.Helper()
	out, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{
		ProjectNames: []string{name},
		Features:     []customlabels.CustomizationFeature{"CUSTOM_LABELS", "CONTENT_MODERATION"},
	})
	require.NoError(t, err)
	if len(out.ProjectDescriptions) == 0 {
		return ""
	}
	return out.ProjectDescriptions[0].Status
}

func TestCreateProjectLifecycle(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(time.Minute))
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	out, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p1"})
	require.NoError(t, err)
	a, err := customlabels.ParseARN(out.ProjectArn)
	require.NoError(t, err, "CreateProject ARN %q", out.ProjectArn)
	assert.Equal(t, customlabels.ARN{Partition: "aws", Region: customlabelstest.DefaultRegion,
		AccountID: customlabelstest.DefaultAccountID, ProjectName: "p1", Timestamp: a.Timestamp}, a)
	assert.Equal(t, customlabels.ProjectStatusCreating, projectStatus(t, c, "p1"))

	srv.Advance(59 * time.Second)
	assert.Equal(t, customlabels.ProjectStatusCreating, projectStatus(t, c, "p1"))
	srv.Advance(time.Second)
	assert.Equal(t, customlabels.ProjectStatusCreated, projectStatus(t, c, "p1"))

	// Listed without a Feature when created without one, as the service
	// lists it (Terraform's provider works around exactly that).
	ps := srv.Projects()
	require.Len(t, ps, 1)
	assert.Empty(t, ps[0].Feature)
	assert.Equal(t, out.ProjectArn, ps[0].ProjectArn)
}

func TestCreateProjectRefusals(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0))
	defer srv.Close()
	c := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	ctx := context.Background()
	_, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "dup"})
	require.NoError(t, err)

	_, err = c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "dup"})
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Contains(t, inUse.Message, "dup")

	_, err = c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "cl", AutoUpdate: customlabels.ProjectAutoUpdateEnabled})
	var bad *customlabels.InvalidParameterException
	require.ErrorAs(t, err, &bad, "AutoUpdate on a Custom Labels project")

	out, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "adapter", Feature: customlabels.CustomizationFeatureContentModeration})
	require.NoError(t, err)
	for _, p := range srv.Projects() {
		if p.ProjectArn == out.ProjectArn {
			assert.Equal(t, customlabels.ProjectAutoUpdateDisabled, p.AutoUpdate, "an adapter's AutoUpdate defaults to DISABLED")
		}
	}
}

// The fake validates what any client sends, as the service's validation
// layer words it: every violation listed.
func TestCreateProjectValidation(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	res := rawCall(t, srv, `{"ProjectName":"bad name!","Tags":{"aws:x":"y"},"Feature":"NOPE"}`, func(r *http.Request) {
		r.Header.Set("X-Amz-Target", "RekognitionService.CreateProject")
	})
	assert.Equal(t, 400, res.status)
	typ, msg := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.validate#ValidationException", typ)
	assert.True(t, strings.HasPrefix(msg, "3 validation errors detected: "), msg)
	for _, part := range []string{
		"Value 'NOPE' at 'feature' failed to satisfy constraint: Member must satisfy enum value set: [CONTENT_MODERATION, CUSTOM_LABELS]",
		"Value 'bad name!' at 'projectName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+",
		"Value '{aws:x=y}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^(?!aws:)",
	} {
		assert.Contains(t, msg, part)
	}
}

func TestDeleteProject(t *testing.T) {
	const versionArn = "arn:aws:rekognition:us-east-1:123456789012:project/busy/version/v1/1600000001000"
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(time.Minute),
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/busy/1600000000000"}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: versionArn, Status: customlabels.ProjectVersionStatusTrainingCompleted}))
	defer srv.Close()
	c := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	ctx := context.Background()

	_, err := c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/none/1"})
	var notFound *customlabels.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)

	_, err = c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/busy/1600000000000"})
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse, "a project with versions")
	assert.Contains(t, inUse.Message, "DeleteProjectVersion")

	created, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "empty", Tags: map[string]string{"k": "v"}})
	require.NoError(t, err)
	for range 2 { // a delete resent while DELETING answers DELETING again
		out, err := c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: created.ProjectArn})
		require.NoError(t, err)
		assert.Equal(t, customlabels.ProjectStatusDeleting, out.Status)
	}
	assert.Equal(t, customlabels.ProjectStatusDeleting, projectStatus(t, c, "empty"))
	srv.Advance(time.Minute)
	assert.Empty(t, projectStatus(t, c, "empty"), "gone after the deleting time")

	_, err = c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: created.ProjectArn})
	require.ErrorAs(t, err, &notFound, "deleted")
	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr))
}
