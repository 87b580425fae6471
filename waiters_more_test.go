package customlabels_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The waiters of projects, copies and deletes, against the fake.

func TestProjectCreatedWaiter(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(time.Minute), customlabelstest.WithDeletingTime(time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	_, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "adapter", Feature: customlabels.CustomizationFeatureContentModeration})
	require.NoError(t, err)
	names := &customlabels.DescribeProjectsInput{ProjectNames: []string{"adapter"}}

	// Without Features the waiter looks among adapters too.
	polls := 0
	w := customlabels.NewProjectCreatedWaiter(client, fast, func(o *customlabels.WaiterOptions) {
		o.OnPoll = func(p customlabels.WaiterPoll) {
			polls++
			if p.Attempt == 2 {
				srv.Advance(time.Minute)
			}
		}
	})
	out, err := w.WaitForOutput(ctx, names, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, 3, polls)
	require.Len(t, out.ProjectDescriptions, 1)
	assert.Equal(t, customlabels.ProjectStatusCreated, out.ProjectDescriptions[0].Status)

	// A missing project fails at once.
	err = w.Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{"nothing"}}, time.Minute)
	var se *customlabels.WaiterStateError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "ProjectCreated", se.Waiter)
	assert.Contains(t, err.Error(), `project "nothing" was not found`)

	// A project being deleted fails at once.
	_, err = client.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: out.ProjectDescriptions[0].ProjectArn})
	require.NoError(t, err)
	err = customlabels.NewProjectCreatedWaiter(client, fast).Wait(ctx, names, time.Minute)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "DELETING", se.ResourceStatus)
	assert.Contains(t, err.Error(), "is DELETING: it is being deleted")

	// Without names there is nothing to wait for: refused, nothing sent.
	srv.ResetRequests()
	err = w.Wait(ctx, &customlabels.DescribeProjectsInput{}, time.Minute)
	var ipe *customlabels.InvalidParamError
	require.ErrorAs(t, err, &ipe)
	assert.Equal(t, "ProjectNames", ipe.Field)
	assert.Empty(t, srv.Requests())
}

func TestProjectDeletedWaiter(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	created, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	names := &customlabels.DescribeProjectsInput{ProjectNames: []string{"p"}}

	// A project that is not being deleted fails at once.
	err = customlabels.NewProjectDeletedWaiter(client, fast).Wait(ctx, names, time.Minute)
	var se *customlabels.WaiterStateError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, err.Error(), "is CREATED: it is not being deleted")

	_, err = client.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: created.ProjectArn})
	require.NoError(t, err)
	w := customlabels.NewProjectDeletedWaiter(client, fast, func(o *customlabels.WaiterOptions) {
		o.OnPoll = func(p customlabels.WaiterPoll) { srv.Advance(30 * time.Second) }
	})
	require.NoError(t, w.Wait(ctx, names, time.Minute))

	// The maximum wait bounds a delete that never ends.
	stuck := customlabelstest.NewServer(customlabelstest.WithProjectTime(0), customlabelstest.WithDeletingTime(time.Hour))
	defer stuck.Close()
	c2 := stuck.Client()
	created, err = c2.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	_, err = c2.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: created.ProjectArn})
	require.NoError(t, err)
	err = customlabels.NewProjectDeletedWaiter(c2, fast).Wait(ctx, names, 20*time.Millisecond)
	assert.True(t, errors.Is(err, customlabels.ErrWaitTimeout), "%v", err)
	assert.Contains(t, err.Error(), "p is DELETING")
}

func TestVersionDeletedAndCopyWaitersJudgeStates(t *testing.T) {
	srv := waitServer(t, map[string]customlabels.ProjectVersionStatus{
		"trained": customlabels.ProjectVersionStatusTrainingCompleted,
		"copying": customlabels.ProjectVersionStatusCopyingInProgress,
		"copied":  customlabels.ProjectVersionStatusCopyingCompleted,
		"broken":  customlabels.ProjectVersionStatusCopyingFailed,
		"running": customlabels.ProjectVersionStatusRunning,
	})
	client := srv.Client()
	ctx := context.Background()
	in := func(names ...string) *customlabels.DescribeProjectVersionsInput {
		return &customlabels.DescribeProjectVersionsInput{ProjectArn: waitProject, VersionNames: names}
	}
	copyW := customlabels.NewProjectVersionCopyCompletedWaiter(client, fast)
	require.NoError(t, copyW.Wait(ctx, in("copied"), time.Minute))
	var se *customlabels.WaiterStateError
	require.ErrorAs(t, copyW.Wait(ctx, in("broken"), time.Minute), &se)
	assert.Equal(t, "copying failed", se.Reason)
	require.ErrorAs(t, copyW.Wait(ctx, in("trained"), time.Minute), &se)
	assert.Contains(t, se.Reason, "it was trained, not copied")
	err := copyW.Wait(ctx, in("copying"), 10*time.Millisecond)
	assert.True(t, errors.Is(err, customlabels.ErrWaitTimeout), "%v", err)

	delW := customlabels.NewProjectVersionDeletedWaiter(client, fast)
	require.NoError(t, delW.Wait(ctx, in("never-existed"), time.Minute), "a missing version is deleted")
	require.ErrorAs(t, delW.Wait(ctx, in("running"), time.Minute), &se)
	assert.Contains(t, se.Reason, "it is not being deleted")
}
