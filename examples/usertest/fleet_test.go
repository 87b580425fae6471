package usertest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/examples/usertest"
)

func projectArn(name string) string {
	return "arn:aws:rekognition:us-east-1:123456789012:project/" + name + "/1700000000000"
}

func versionArn(project, version string) string {
	return "arn:aws:rekognition:us-east-1:123456789012:project/" + project + "/version/" + version + "/1700000001000"
}

func projects(names ...string) []customlabels.ProjectDescription {
	var ps []customlabels.ProjectDescription
	for _, n := range names {
		ps = append(ps, customlabels.ProjectDescription{ProjectArn: projectArn(n), Feature: customlabels.CustomizationFeatureCustomLabels})
	}
	return ps
}

func version(project, name string, status customlabels.ProjectVersionStatus) customlabels.ProjectVersionDescription {
	return customlabels.ProjectVersionDescription{ProjectVersionArn: versionArn(project, name), Status: status}
}

func versions(vs ...customlabels.ProjectVersionDescription) *customlabels.DescribeProjectVersionsOutput {
	return &customlabels.DescribeProjectVersionsOutput{ProjectVersionDescriptions: vs}
}

// Level 1: a testify mock of the role interfaces.

type mockFleet struct{ mock.Mock }

func (m *mockFleet) DescribeProjects(_ context.Context, in *customlabels.DescribeProjectsInput, _ ...func(*customlabels.Options)) (*customlabels.DescribeProjectsOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.DescribeProjectsOutput)
	return out, args.Error(1)
}

func (m *mockFleet) DescribeProjectVersions(_ context.Context, in *customlabels.DescribeProjectVersionsInput, _ ...func(*customlabels.Options)) (*customlabels.DescribeProjectVersionsOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.DescribeProjectVersionsOutput)
	return out, args.Error(1)
}

func (m *mockFleet) StartProjectVersion(_ context.Context, in *customlabels.StartProjectVersionInput, _ ...func(*customlabels.Options)) (*customlabels.StartProjectVersionOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.StartProjectVersionOutput)
	return out, args.Error(1)
}

func (m *mockFleet) StopProjectVersion(_ context.Context, in *customlabels.StopProjectVersionInput, _ ...func(*customlabels.Options)) (*customlabels.StopProjectVersionOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.StopProjectVersionOutput)
	return out, args.Error(1)
}

var _ usertest.Fleet = (*mockFleet)(nil)

// versionsOf matches a DescribeProjectVersions input for the project.
func versionsOf(project string) any {
	return mock.MatchedBy(func(in *customlabels.DescribeProjectVersionsInput) bool { return in.ProjectArn == projectArn(project) })
}

func TestStartStoppedWithMock(t *testing.T) {
	fleet := new(mockFleet)
	fleet.On("DescribeProjects", mock.Anything).
		Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: projects("shelf", "helmet")}, nil).Once()
	fleet.On("DescribeProjectVersions", versionsOf("shelf")).
		Return(versions(version("shelf", "v1", customlabels.ProjectVersionStatusStopped), version("shelf", "v2", customlabels.ProjectVersionStatusRunning)), nil).Once()
	fleet.On("DescribeProjectVersions", versionsOf("helmet")).
		Return(versions(version("helmet", "v1", customlabels.ProjectVersionStatusStopped)), nil).Once()
	for _, arn := range []string{versionArn("shelf", "v1"), versionArn("helmet", "v1")} {
		fleet.On("StartProjectVersion", &customlabels.StartProjectVersionInput{ProjectVersionArn: arn, MinInferenceUnits: 2}).
			Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting}, nil).Once()
	}

	started, err := usertest.StartStopped(context.Background(), fleet, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{versionArn("shelf", "v1"), versionArn("helmet", "v1")}, started)
	fleet.AssertExpectations(t)
}

func TestStartStoppedWithMockStartFails(t *testing.T) {
	fleet := new(mockFleet)
	fleet.On("DescribeProjects", mock.Anything).
		Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: projects("shelf")}, nil).Once()
	fleet.On("DescribeProjectVersions", versionsOf("shelf")).
		Return(versions(version("shelf", "v1", customlabels.ProjectVersionStatusStopped)), nil).Once()
	fleet.On("StartProjectVersion", mock.Anything).
		Return(nil, &customlabels.LimitExceededException{Message: "too many inference units"}).Once()

	started, err := usertest.StartStopped(context.Background(), fleet, 2)
	var limit *customlabels.LimitExceededException
	require.ErrorAs(t, err, &limit)
	assert.Contains(t, err.Error(), "start "+versionArn("shelf", "v1"))
	assert.Empty(t, started)
	fleet.AssertExpectations(t)
}

// Level 2: the Stub transport under the real client. Every request is
// declared, in the order the code makes them: the listing of projects
// interleaves with the models' listings and starts.

func TestStartStoppedWithStub(t *testing.T) {
	stub := customlabelstest.NewStub(t)
	listVersions := func(project string) *customlabelstest.Call {
		return stub.Expect("DescribeProjectVersions").
			WithInput(&customlabels.DescribeProjectVersionsInput{ProjectArn: projectArn(project)})
	}
	start := func(project, version string) *customlabelstest.Call {
		return stub.Expect("StartProjectVersion").
			WithInput(&customlabels.StartProjectVersionInput{ProjectVersionArn: versionArn(project, version), MinInferenceUnits: 1})
	}

	stub.Expect("DescribeProjects").WithInput(&customlabels.DescribeProjectsInput{}).
		Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: projects("shelf", "helmet"), NextToken: "page-2"})
	listVersions("shelf").Return(versions(
		version("shelf", "v2", customlabels.ProjectVersionStatusRunning),
		version("shelf", "v1", customlabels.ProjectVersionStatusStopped)))
	start("shelf", "v1").Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting})
	listVersions("helmet").ReturnError(&customlabels.ThrottlingException{}) // retried
	listVersions("helmet").ReturnConnectionReset()                          // retried again
	listVersions("helmet").Return(versions(version("helmet", "v1", customlabels.ProjectVersionStatusStopped)))
	start("helmet", "v1").Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting})
	stub.Expect("DescribeProjects").WithInput(&customlabels.DescribeProjectsInput{NextToken: "page-2"}).
		Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: projects("xray")})
	listVersions("xray").Return(versions(version("xray", "v1", customlabels.ProjectVersionStatusTrainingCompleted)))

	started, err := usertest.StartStopped(context.Background(), stub.Client(), 1)
	require.NoError(t, err)
	assert.Equal(t, []string{versionArn("shelf", "v1"), versionArn("helmet", "v1")}, started)
}

func TestStartStoppedWithStubInUse(t *testing.T) {
	stub := customlabelstest.NewStub(t)
	stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: projects("shelf")})
	stub.Expect("DescribeProjectVersions").Return(versions(version("shelf", "v1", customlabels.ProjectVersionStatusStopped)))
	call := stub.Expect("StartProjectVersion")
	call.ReturnError(&customlabels.ResourceInUseException{Message: "The model is being stopped"})

	started, err := usertest.StartStopped(context.Background(), stub.Client(), 3)
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Equal(t, "The model is being stopped", inUse.Message)
	assert.Empty(t, started)
	in, ok := call.Input().(*customlabels.StartProjectVersionInput)
	require.True(t, ok, "the start was sent")
	assert.EqualValues(t, 3, in.MinInferenceUnits)
}

// Level 3: the fake server, whose models change status as the service's do.

func TestStartStoppedWithFake(t *testing.T) {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(projects("shelf", "helmet")...),
		customlabelstest.WithProjectVersions(
			version("shelf", "v1", customlabels.ProjectVersionStatusStopped),
			version("helmet", "v1", customlabels.ProjectVersionStatusTrainingCompleted),
			version("helmet", "v2", customlabels.ProjectVersionStatusStopped),
		))
	defer srv.Close()
	client := srv.Client()

	started, err := usertest.StartStopped(context.Background(), client, 1)
	require.NoError(t, err)
	assert.Equal(t, []string{versionArn("shelf", "v1"), versionArn("helmet", "v2")}, started)

	status := map[string]customlabels.ProjectVersionStatus{}
	for _, p := range []string{"shelf", "helmet"} {
		in := &customlabels.DescribeProjectVersionsInput{ProjectArn: projectArn(p)}
		for v, err := range customlabels.AllProjectVersions(context.Background(), client, in) {
			require.NoError(t, err)
			status[v.ProjectVersionArn] = v.Status
		}
	}
	assert.Equal(t, map[string]customlabels.ProjectVersionStatus{
		versionArn("shelf", "v1"):  customlabels.ProjectVersionStatusStarting,
		versionArn("helmet", "v1"): customlabels.ProjectVersionStatusTrainingCompleted,
		versionArn("helmet", "v2"): customlabels.ProjectVersionStatusStarting,
	}, status)

	started, err = usertest.StartStopped(context.Background(), client, 1)
	require.NoError(t, err)
	assert.Empty(t, started, "nothing left to start")
}
