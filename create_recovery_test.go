package customlabels_test

import (
	"context"
	"errors"
	"strings"
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

// The server commits the first PutProjectPolicy and drops its answer;
// the retry meets the name taken (a new policy) or the revision changed
// (a replacement), and the call finds the policy its first attempt put.
func TestPutProjectPolicyRecoversFromALostAnswer(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0))
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	p, err := c.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "shared"})
	require.NoError(t, err)
	doc, err := customlabels.CopyPolicyDocument(p.ProjectArn[:strings.LastIndex(p.ProjectArn, "/")]+"/version/v1/1", "111122223333")
	require.NoError(t, err)

	srv.ResetRequests()
	srv.InjectFault(customlabelstest.LostAnswer())
	out, err := c.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: p.ProjectArn, PolicyName: "copy", PolicyDocument: doc})
	require.NoError(t, err)
	assert.True(t, out.Recovered)
	assert.Equal(t, []string{"PutProjectPolicy", "PutProjectPolicy", "ListProjectPolicies"}, targets(srv))

	// A replacement whose answer is lost: the retry's revision is stale.
	doc2 := strings.Replace(doc, "111122223333", "444455556666", 1)
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.LostAnswer())
	out2, err := c.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: p.ProjectArn, PolicyName: "copy", PolicyDocument: doc2, PolicyRevisionId: out.PolicyRevisionId})
	require.NoError(t, err)
	assert.True(t, out2.Recovered)
	assert.NotEqual(t, out.PolicyRevisionId, out2.PolicyRevisionId)
	policies, err := c.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: p.ProjectArn})
	require.NoError(t, err)
	require.Len(t, policies.ProjectPolicies, 1)
	assert.Equal(t, out2.PolicyRevisionId, policies.ProjectPolicies[0].PolicyRevisionId)

	// Another document under the name is not this call's: the conflict stands.
	srv.InjectFault(customlabelstest.LostAnswer())
	_, err = c.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{ProjectArn: p.ProjectArn, PolicyName: "copy", PolicyDocument: doc})
	var exists *customlabels.ResourceAlreadyExistsException
	require.ErrorAs(t, err, &exists)
}

// versionRecoveryServer is a server with a project "p" CREATED, manifests
// to train it and a results bucket, its ARN and a CreateProjectVersion of
// version name.
func versionRecoveryServer(t *testing.T) (*customlabelstest.Server, string, func(name string) *customlabels.CreateProjectVersionInput) {
	t.Helper()
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0))
	t.Cleanup(srv.Close)
	out, err := srv.Client().CreateProject(context.Background(), &customlabels.CreateProjectInput{ProjectName: "p"})
	require.NoError(t, err)
	srv.PutS3Object("data", "train.manifest", "", []byte(`{"source-ref":"s3://data/a.jpg"}`+"\n"))
	srv.PutS3Object("data", "test.manifest", "", []byte(`{"source-ref":"s3://data/b.jpg"}`+"\n"))
	manifestAsset := func(key string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "data", Name: key}}}}
	}
	return srv, out.ProjectArn, func(name string) *customlabels.CreateProjectVersionInput {
		return &customlabels.CreateProjectVersionInput{
			ProjectArn: out.ProjectArn, VersionName: name,
			OutputConfig: customlabels.OutputConfig{S3Bucket: "data", S3KeyPrefix: "out/" + name},
			TrainingData: customlabels.TrainingData{Assets: manifestAsset("train.manifest")},
			TestingData:  customlabels.TestingData{Assets: manifestAsset("test.manifest")},
		}
	}
}

// CreateProjectVersion's first attempt trains the version and its answer
// is lost; the retry meets the name taken, and the call finds the
// version its first attempt made.
func TestCreateProjectVersionRecoversFromALostAnswer(t *testing.T) {
	srv, project, input := versionRecoveryServer(t)
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.LostAnswer())
	out, err := srv.Client().CreateProjectVersion(context.Background(), input("v1"))
	require.NoError(t, err)
	assert.True(t, out.Recovered)
	assert.NotEmpty(t, out.RequestID)
	vs := srv.ProjectVersions()
	require.Len(t, vs, 1, "one training, not two")
	assert.Equal(t, vs[0].ProjectVersionArn, out.ProjectVersionArn)
	assert.Equal(t, []string{"CreateProjectVersion", "CreateProjectVersion", "DescribeProjectVersions"}, targets(srv))
	assert.Equal(t, project, srv.Requests()[2].Params.(*customlabels.DescribeProjectVersionsInput).ProjectArn)
}

// A version of the name that was there before the call began, or that
// writes elsewhere, is not this call's: the conflict stands.
func TestCreateProjectVersionConflictStands(t *testing.T) {
	srv, _, input := versionRecoveryServer(t)
	c := srv.Client()
	ctx := context.Background()
	_, err := c.CreateProjectVersion(ctx, input("v1"))
	require.NoError(t, err)

	// Same name, another OutputConfig, its answer lost: not this call's.
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.DropConnection())
	in := input("v1")
	in.OutputConfig.S3KeyPrefix = "elsewhere"
	_, err = c.CreateProjectVersion(ctx, in)
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Equal(t, []string{"CreateProjectVersion", "CreateProjectVersion", "DescribeProjectVersions"}, targets(srv), "looked, found another's")
	assert.Len(t, srv.ProjectVersions(), 1)
}

// CopyProjectVersion's answer is lost: the retry finds the copy, by its
// name in the destination, its source and its OutputConfig.
func TestCopyProjectVersionRecoversFromALostAnswer(t *testing.T) {
	const project = "arn:aws:rekognition:us-east-1:123456789012:project/p/1700000000000"
	src := customlabels.ProjectVersionDescription{ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v1/1700000000001",
		Status: customlabels.ProjectVersionStatusTrainingCompleted}
	srv := customlabelstest.NewServer(customlabelstest.WithCopyTime(0),
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: project, Status: customlabels.ProjectStatusCreated}),
		customlabelstest.WithProjectVersions(src))
	defer srv.Close()
	srv.PutS3Object("data", "README", "", []byte("the output bucket"))
	c := srv.Client()
	ctx := context.Background()

	copyIn := &customlabels.CopyProjectVersionInput{SourceProjectArn: project, SourceProjectVersionArn: src.ProjectVersionArn,
		DestinationProjectArn: project, VersionName: "copy", OutputConfig: customlabels.OutputConfig{S3Bucket: "data", S3KeyPrefix: "copies"}}
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.LostAnswer())
	out, err := c.CopyProjectVersion(ctx, copyIn)
	require.NoError(t, err)
	assert.True(t, out.Recovered)
	assert.Equal(t, []string{"CopyProjectVersion", "CopyProjectVersion", "DescribeProjectVersions"}, targets(srv))
	require.Len(t, srv.ProjectVersions(), 2)
	found := false
	for _, v := range srv.ProjectVersions() {
		if v.ProjectVersionArn == out.ProjectVersionArn {
			found = true
			assert.Equal(t, src.ProjectVersionArn, v.SourceProjectVersionArn)
		}
	}
	assert.True(t, found, "the copy the lost attempt made")

	// A copy of another source under the name is not this call's.
	srv.ResetRequests()
	srv.InjectFault(customlabelstest.DropConnection())
	other := *copyIn
	other.SourceProjectVersionArn = out.ProjectVersionArn
	_, err = c.CopyProjectVersion(ctx, &other)
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Equal(t, []string{"CopyProjectVersion", "CopyProjectVersion", "DescribeProjectVersions"}, targets(srv))
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
