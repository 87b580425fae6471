package customlabelstest_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	tagProject = "arn:aws:rekognition:us-east-1:123456789012:project/tagged/1700000000000"
	tagVersion = "arn:aws:rekognition:us-east-1:123456789012:project/tagged/version/v1/1700000100000"
	tagDataset = "arn:aws:rekognition:us-east-1:123456789012:project/tagged/dataset/train/1700000000500"
)

// newTagServer is a server with a project, a dataset of it and a version
// of it: the three kinds of resource the fake tags.
func newTagServer(t *testing.T, opts ...customlabelstest.Option) (*customlabelstest.Server, *customlabels.Client) {
	t.Helper()
	opts = append([]customlabelstest.Option{
		customlabelstest.WithProjects(customlabels.ProjectDescription{
			ProjectArn: tagProject,
			Status:     customlabels.ProjectStatusCreated,
			Datasets: []customlabels.DatasetMetadata{{DatasetArn: tagDataset, DatasetType: customlabels.DatasetTypeTrain,
				Status: customlabels.DatasetStatusCreateComplete}},
		}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: tagVersion, Status: customlabels.ProjectVersionStatusTrainingCompleted}),
	}, opts...)
	srv := newServer(t, opts...)
	return srv, srv.Client(noRetry)
}

func tagsOf(t *testing.T, c *customlabels.Client, arn string) (map[string]string, error) {
	t.Helper()
	out, err := c.ListTagsForResource(context.Background(), &customlabels.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		return nil, err
	}
	return out.Tags, nil
}

func TestTagsOnEveryResource(t *testing.T) {
	_, c := newTagServer(t)
	ctx := context.Background()
	for _, arn := range []string{tagProject, tagVersion, tagDataset} {
		t.Run(arn, func(t *testing.T) {
			got, err := tagsOf(t, c, arn)
			require.NoError(t, err)
			assert.Equal(t, map[string]string{}, got, "no tags yet: an empty map")

			_, err = c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"team": "vision", "stage": "dev"}})
			require.NoError(t, err)
			_, err = c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"stage": "prod", "empty": ""}})
			require.NoError(t, err)
			got, err = tagsOf(t, c, arn)
			require.NoError(t, err)
			assert.Equal(t, map[string]string{"team": "vision", "stage": "prod", "empty": ""}, got, "merged, values replaced")

			_, err = c.UntagResource(ctx, &customlabels.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"stage", "absent"}})
			require.NoError(t, err)
			got, err = tagsOf(t, c, arn)
			require.NoError(t, err)
			assert.Equal(t, map[string]string{"team": "vision", "empty": ""}, got, "removed; an absent key ignored")
		})
	}
}

func TestTagsRefusals(t *testing.T) {
	srv, c := newTagServer(t)
	ctx := context.Background()
	unknown := []string{
		"arn:aws:rekognition:us-east-1:123456789012:project/none/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/tagged/version/v9/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/tagged/dataset/test/1",
		"arn:aws:rekognition:us-east-1:123456789012:collection/faces",
		"not an ARN, but long enough",
	}
	for _, arn := range unknown {
		t.Run(arn, func(t *testing.T) {
			_, err := c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"k": "v"}})
			assertCode(t, err, "ResourceNotFoundException")
			_, err = c.UntagResource(ctx, &customlabels.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"k"}})
			assertCode(t, err, "ResourceNotFoundException")
			_, err = tagsOf(t, c, arn)
			assertCode(t, err, "ResourceNotFoundException")
		})
	}

	// 200 tags at most, those the resource has included; a refused
	// TagResource adds nothing.
	tags := map[string]string{}
	for i := range 199 {
		tags[fmt.Sprintf("k%03d", i)] = "v"
	}
	_, err := c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: tagProject, Tags: tags})
	require.NoError(t, err)
	_, err = c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: tagProject, Tags: map[string]string{"k000": "again", "new1": "v", "new2": "v"}})
	assertCode(t, err, "ServiceQuotaExceededException")
	assert.ErrorContains(t, err, "would have 201 tags")
	got, err := tagsOf(t, c, tagProject)
	require.NoError(t, err)
	assert.Len(t, got, 199)
	assert.Equal(t, "v", got["k000"])
	_, err = c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: tagProject, Tags: map[string]string{"k000": "again", "new1": "v"}})
	require.NoError(t, err, "the 200th tag, and a replaced value, fit")

	// Any client: keys starting with aws: and over-long values are
	// refused by the validation layer, before the resource is looked up.
	for _, tt := range []struct{ target, body, want string }{
		{"TagResource", `{"ResourceArn":"` + tagProject + `","Tags":{"aws:owner":"x"}}`, "Map keys must satisfy constraint"},
		{"TagResource", `{"ResourceArn":"` + tagProject + `"}`, "Value null at 'tags' failed to satisfy constraint: Member must not be null"},
		{"UntagResource", `{"ResourceArn":"short","TagKeys":["k"]}`, "Member must have length greater than or equal to 20"},
		{"ListTagsForResource", `{}`, "Value null at 'resourceArn'"},
	} {
		res := rawCall(t, srv, tt.body, func(r *http.Request) { r.Header.Set("X-Amz-Target", "RekognitionService."+tt.target) })
		assert.Equal(t, 400, res.status, "%s %s", tt.target, tt.body)
		_, msg := errorBody(t, res.body)
		assert.Contains(t, msg, tt.want, "%s %s", tt.target, tt.body)
	}
}

// Tags go with their resource: a deleted project's, with its versions'
// and datasets'; a removed version's.
func TestTagsGoWithTheirResource(t *testing.T) {
	srv, c := newTagServer(t, customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(time.Minute))
	ctx := context.Background()
	for _, arn := range []string{tagProject, tagVersion, tagDataset} {
		_, err := c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"k": "v"}})
		require.NoError(t, err)
	}
	require.Equal(t, 1, srv.RemoveProjectVersions(tagVersion))
	srv.AddProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: tagVersion, Status: customlabels.ProjectVersionStatusTrainingCompleted})
	got, err := tagsOf(t, c, tagVersion)
	require.NoError(t, err)
	assert.Empty(t, got, "a version added again has none of its former tags")

	// CreateProject's tags go with the project DeleteProject deletes.
	p, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "short-lived", Tags: map[string]string{"k": "v"}})
	require.NoError(t, err)
	got, err = tagsOf(t, c, p.ProjectArn)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"k": "v"}, got)
	_, err = c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: p.ProjectArn})
	require.NoError(t, err)
	srv.Advance(time.Minute)
	_, err = tagsOf(t, c, p.ProjectArn)
	assertCode(t, err, "ResourceNotFoundException")

	// RemoveProjects takes the project with its versions and datasets.
	require.Equal(t, 1, srv.RemoveProjects(tagProject))
	srv.AddProjects(customlabels.ProjectDescription{ProjectArn: tagProject,
		Datasets: []customlabels.DatasetMetadata{{DatasetArn: tagDataset, DatasetType: customlabels.DatasetTypeTrain}}})
	srv.AddProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: tagVersion, Status: customlabels.ProjectVersionStatusTrainingCompleted})
	for _, arn := range []string{tagProject, tagVersion, tagDataset} {
		got, err := tagsOf(t, c, arn)
		require.NoError(t, err)
		assert.Empty(t, got, "%s added again has none of its former tags", arn)
	}

	// Reset forgets every tag.
	_, err = c.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: tagProject, Tags: map[string]string{"k": "v"}})
	require.NoError(t, err)
	srv.Reset()
	got, err = tagsOf(t, c, tagProject)
	require.NoError(t, err)
	assert.Empty(t, got)
}
