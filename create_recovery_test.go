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

// targets returns the operations of the requests srv received, in order.
func targets(srv *customlabelstest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		out = append(out, r.Target[len("RekognitionService."):])
	}
	return out
}

// The server commits the first CreateProject and drops its answer; the
// retry meets the name taken, and the call finds the project its first
// attempt made.
func TestCreateProjectRecoversFromALostAnswer(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.LostAnswer())
	out, err := srv.Client().CreateProject(context.Background(), &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	assert.True(t, out.Recovered)
	ps := srv.Projects()
	require.Len(t, ps, 1)
	assert.Equal(t, ps[0].ProjectArn, out.ProjectArn)
	assert.Equal(t, []string{"CreateProject", "CreateProject", "DescribeProjects"}, targets(srv))
	assert.NotEmpty(t, out.RequestID)
}

// A name someone else took before the call began stays a conflict, even
// when an attempt was lost on the way (the lost attempt here was not
// applied: the connection dropped before the operation ran, but the
// client cannot tell).
func TestCreateProjectConflictStandsForAnotherProject(t *testing.T) {
	const taken = "arn:aws:rekognition:us-east-1:123456789012:project/taken/1600000000000"
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabels.ProjectDescription{
		ProjectArn: taken, Status: customlabels.ProjectStatusCreated, CreationTimestamp: time.Now().Add(-time.Hour),
	}))
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	srv.InjectFault(customlabelstest.DropConnection())
	_, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "taken"})
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Equal(t, []string{"CreateProject", "CreateProject", "DescribeProjects"}, targets(srv), "looked, found the old project")

	// A project of the same name but another feature is not this call's.
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.LostAnswer())
	_, err = c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "taken", Feature: customlabels.CustomizationFeatureContentModeration})
	require.ErrorAs(t, err, &inUse)
	assert.Len(t, srv.Projects(), 1)
	assert.Equal(t, taken, srv.Projects()[0].ProjectArn)
}

// An attempt refused outright (throttled) cannot have taken effect: a
// conflict after it is not looked into.
func TestCreateProjectNoLookupAfterARefusal(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	_, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
	_, err = c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	var inUse *customlabels.ResourceInUseException
	require.True(t, errors.As(err, &inUse), "%v", err)
	assert.Equal(t, []string{"CreateProject", "CreateProject"}, targets(srv))

	// Nor is a conflict on a first attempt.
	srv.ResetRequests()
	_, err = c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "p"})
	require.ErrorAs(t, err, &inUse)
	assert.Equal(t, []string{"CreateProject"}, targets(srv))
}

// The server commits the first CreateDataset and drops its answer; the
// retry meets the type taken, and the call finds the dataset its first
// attempt made in the project's Datasets.
func TestCreateDatasetRecoversFromALostAnswer(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProject))
	defer srv.Close()
	srv.InjectFault(customlabelstest.LostAnswer())
	out, err := srv.Client().CreateDataset(context.Background(), &customlabels.CreateDatasetInput{
		ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest})
	require.NoError(t, err)
	assert.True(t, out.Recovered)
	ds := srv.Projects()[0].Datasets
	require.Len(t, ds, 1)
	assert.Equal(t, ds[0].DatasetArn, out.DatasetArn)
	assert.Equal(t, []string{"CreateDataset", "CreateDataset", "DescribeProjects"}, targets(srv))
	assert.NotEmpty(t, out.RequestID)
}

// A dataset of the type made before the call began, or a dataset of the
// other type, is not the call's: the conflict stands.
func TestCreateDatasetConflictStandsForAnotherDataset(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProject), customlabelstest.WithDatasets(customlabelstest.Dataset{
		ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTrain, CreationTimestamp: time.Now().Add(-time.Hour)}))
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	srv.InjectFault(customlabelstest.DropConnection())
	_, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	var exists *customlabels.ResourceAlreadyExistsException
	require.ErrorAs(t, err, &exists)
	assert.Equal(t, []string{"CreateDataset", "CreateDataset", "DescribeProjects"}, targets(srv), "looked, found the old dataset")

	// A refusal (throttling) cannot have taken effect: no lookup.
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
	_, err = c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	require.ErrorAs(t, err, &exists)
	assert.Equal(t, []string{"CreateDataset", "CreateDataset"}, targets(srv))
}
