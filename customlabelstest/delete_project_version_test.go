package customlabelstest_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func deleteVersion(t *testing.T, srv *customlabelstest.Server, arn string) rawResult {
	t.Helper()
	return call(t, srv, "DeleteProjectVersion", `{"ProjectVersionArn":"`+arn+`"}`)
}

func TestDeleteProjectVersionRefusesBusyVersions(t *testing.T) {
	busy := []customlabels.ProjectVersionStatus{
		customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusTrainingInProgress, // documented
		customlabels.ProjectVersionStatusStarting, customlabels.ProjectVersionStatusStopping, customlabels.ProjectVersionStatusCopyingInProgress, // assumed
	}
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithTrainingTime(time.Hour),
		customlabelstest.WithStartingTime(time.Hour), customlabelstest.WithStoppingTime(time.Hour), customlabelstest.WithCopyTime(time.Hour)}, busy...)
	for _, st := range busy {
		res := deleteVersion(t, srv, vs[st].ProjectVersionArn)
		require.Equal(t, http.StatusBadRequest, res.status, "%s: %s", st, res.body)
		code, msg := modeledError(t, res)
		assert.Equal(t, "ResourceInUseException", code, st)
		assert.Contains(t, msg, string(st), st)
		assert.Equal(t, string(st), described(t, srv, p, vs[st]).Status, "unchanged")
	}
	res := deleteVersion(t, srv, "arn:aws:rekognition:us-east-1:123456789012:project/models/version/nope/1")
	code, _ := modeledError(t, res)
	assert.Equal(t, "ResourceNotFoundException", code)
}

func TestDeleteProjectVersionThenGone(t *testing.T) {
	deletable := []customlabels.ProjectVersionStatus{
		customlabels.ProjectVersionStatusTrainingCompleted, customlabels.ProjectVersionStatusTrainingFailed,
		customlabels.ProjectVersionStatusStopped, customlabels.ProjectVersionStatusFailed,
		customlabels.ProjectVersionStatusCopyingCompleted, customlabels.ProjectVersionStatusCopyingFailed,
	}
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithDeletingTime(time.Minute)}, deletable...)
	c := srv.Client()
	ctx := context.Background()
	for _, st := range deletable {
		out, err := c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: vs[st].ProjectVersionArn})
		require.NoError(t, err, st)
		assert.Equal(t, customlabels.ProjectVersionStatusDeleting, out.Status, st)
		assert.Equal(t, "DELETING", described(t, srv, p, vs[st]).Status)
	}
	// Again while DELETING: DELETING.
	out, err := c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: vs[deletable[0]].ProjectVersionArn})
	require.NoError(t, err)
	assert.Equal(t, customlabels.ProjectVersionStatusDeleting, out.Status)
	// A DELETING version cannot be started.
	assert.Equal(t, http.StatusBadRequest, start(t, srv, vs[customlabels.ProjectVersionStatusStopped].ProjectVersionArn, 1, 0).status)

	srv.Advance(59 * time.Second)
	assert.Len(t, describeVersions(t, srv, map[string]any{"ProjectArn": p.ProjectArn}).ProjectVersionDescriptions, len(deletable))
	srv.Advance(time.Second)
	assert.Empty(t, describeVersions(t, srv, map[string]any{"ProjectArn": p.ProjectArn}).ProjectVersionDescriptions)
	assert.Empty(t, srv.ProjectVersions())
	_, err = c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: vs[deletable[0]].ProjectVersionArn})
	assert.Equal(t, "ResourceNotFoundException", errorCode(err), "%v", err)
	res := start(t, srv, vs[customlabels.ProjectVersionStatusStopped].ProjectVersionArn, 1, 0)
	code, _ := modeledError(t, res)
	assert.Equal(t, "ResourceNotFoundException", code, "a deleted version is not found by the other operations either")

	// The project, empty now, can be deleted.
	_, err = c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: p.ProjectArn})
	assert.NoError(t, err)
}

// The waiter of deletes sees a version through DELETING to gone, as the
// fake's clock moves at each poll.
func TestDeleteProjectVersionWaiter(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithDeletingTime(time.Minute)},
		customlabels.ProjectVersionStatusStopped)
	c := srv.Client()
	ctx := context.Background()
	v := vs[customlabels.ProjectVersionStatusStopped]
	_, err := c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: v.ProjectVersionArn})
	require.NoError(t, err)
	polls := 0
	w := customlabels.NewProjectVersionDeletedWaiter(c, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(customlabels.WaiterPoll) { polls++; srv.Advance(30 * time.Second) }
	})
	require.NoError(t, w.Wait(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn, VersionNames: []string{versionNameOf(v.ProjectVersionArn)}}, time.Minute))
	assert.Equal(t, 3, polls, "DELETING, DELETING, gone")
}

// A project whose last version's deletion has ended can be deleted, with
// nothing read in between.
func TestDeleteProjectAfterItsVersions(t *testing.T) {
	srv, p, vs := modelServer(t, []customlabelstest.Option{customlabelstest.WithDeletingTime(time.Minute)},
		customlabels.ProjectVersionStatusStopped)
	c := srv.Client()
	ctx := context.Background()
	_, err := c.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: vs[customlabels.ProjectVersionStatusStopped].ProjectVersionArn})
	require.NoError(t, err)
	_, err = c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: p.ProjectArn})
	assert.Equal(t, "ResourceInUseException", errorCode(err), "a version is still DELETING: %v", err)
	srv.Advance(time.Minute)
	_, err = c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: p.ProjectArn})
	assert.NoError(t, err)
}
