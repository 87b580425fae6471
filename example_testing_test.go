package customlabels_test

import (
	"context"
	"fmt"
	"log"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The three ways to test code that calls Rekognition, on one function of
// a user's: a method-level mock of a role interface, the Stub transport,
// the fake server. The README quotes these declarations (readme_test.go
// keeps it in step).

const (
	shelfProject = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000"
	shelfV1      = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1700000001000"
)

// startModel starts a model with one inference unit and waits until it
// runs, polling every poll.
func startModel(ctx context.Context, models customlabels.ModelController, projectArn, versionArn string, poll time.Duration) error {
	arn, err := customlabels.ParseARN(versionArn)
	if err != nil {
		return err
	}
	_, err = models.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{
		ProjectVersionArn: versionArn,
		MinInferenceUnits: 1,
	})
	if err != nil {
		return fmt.Errorf("start %s: %w", arn.VersionName, err)
	}
	w := customlabels.NewProjectVersionRunningWaiter(models, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = poll, poll
	})
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: projectArn, VersionNames: []string{arn.VersionName}}
	return w.Wait(ctx, in, 30*time.Minute)
}

// mockModels is a customlabels.ModelController made with testify's mock.
type mockModels struct{ mock.Mock }

func (m *mockModels) StartProjectVersion(ctx context.Context, in *customlabels.StartProjectVersionInput, _ ...func(*customlabels.Options)) (*customlabels.StartProjectVersionOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.StartProjectVersionOutput)
	return out, args.Error(1)
}

func (m *mockModels) StopProjectVersion(ctx context.Context, in *customlabels.StopProjectVersionInput, _ ...func(*customlabels.Options)) (*customlabels.StopProjectVersionOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.StopProjectVersionOutput)
	return out, args.Error(1)
}

func (m *mockModels) DescribeProjectVersions(ctx context.Context, in *customlabels.DescribeProjectVersionsInput, _ ...func(*customlabels.Options)) (*customlabels.DescribeProjectVersionsOutput, error) {
	args := m.Called(in)
	out, _ := args.Get(0).(*customlabels.DescribeProjectVersionsOutput)
	return out, args.Error(1)
}

// versionIs returns a DescribeProjectVersions answer: shelf v1 in status.
func versionIs(status customlabels.ProjectVersionStatus) *customlabels.DescribeProjectVersionsOutput {
	return &customlabels.DescribeProjectVersionsOutput{
		ProjectVersionDescriptions: []customlabels.ProjectVersionDescription{{ProjectVersionArn: shelfV1, Status: status}},
	}
}

func TestStartModelWithMock(t *testing.T) {
	models := new(mockModels)
	models.On("StartProjectVersion", &customlabels.StartProjectVersionInput{ProjectVersionArn: shelfV1, MinInferenceUnits: 1}).
		Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting}, nil).Once()
	models.On("DescribeProjectVersions", mock.Anything).Return(versionIs(customlabels.ProjectVersionStatusStarting), nil).Once()
	models.On("DescribeProjectVersions", mock.Anything).Return(versionIs(customlabels.ProjectVersionStatusRunning), nil).Once()

	require.NoError(t, startModel(context.Background(), models, shelfProject, shelfV1, time.Millisecond))
	models.AssertExpectations(t)
}

func TestStartModelWithStub(t *testing.T) {
	stub := customlabelstest.NewStub(t) // unmet expectations fail t at its end
	start := &customlabels.StartProjectVersionInput{ProjectVersionArn: shelfV1, MinInferenceUnits: 1}
	stub.Expect("StartProjectVersion").WithInput(start).
		ReturnError(&customlabels.ThrottlingException{}) // HTTP 500, retried by the client
	stub.Expect("StartProjectVersion").WithInput(start).
		Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting})
	poll := &customlabels.DescribeProjectVersionsInput{ProjectArn: shelfProject, VersionNames: []string{"v1"}}
	stub.Expect("DescribeProjectVersions").WithInput(poll).Return(versionIs(customlabels.ProjectVersionStatusStarting))
	stub.Expect("DescribeProjectVersions").WithInput(poll).Return(versionIs(customlabels.ProjectVersionStatusRunning))

	require.NoError(t, startModel(context.Background(), stub.Client(), shelfProject, shelfV1, time.Millisecond))
}

func TestStartModelWithFake(t *testing.T) {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: shelfProject}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: shelfV1,
			Status:            customlabels.ProjectVersionStatusStopped,
		}),
		customlabelstest.WithStartingTime(0)) // RUNNING at the first poll
	defer srv.Close()
	client := srv.Client() // endpoint, region and matching credentials

	srv.InjectFault(customlabelstest.Exception("ResourceInUseException", 0, "")) // the next request
	err := startModel(context.Background(), client, shelfProject, shelfV1, time.Millisecond)
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)

	require.NoError(t, startModel(context.Background(), client, shelfProject, shelfV1, time.Millisecond))
	var sent []string
	for _, r := range srv.Requests() { // what the server received and answered
		sent = append(sent, fmt.Sprintf("%s %d", r.Target, r.Status))
	}
	require.Equal(t, []string{
		"RekognitionService.StartProjectVersion 400",
		"RekognitionService.StartProjectVersion 200",
		"RekognitionService.DescribeProjectVersions 200",
	}, sent)
}

// Test code that takes a role interface with a method-level mock: here
// testify's mock stands in for the client of a function that starts a
// model and waits until it runs.
func ExampleModelController() {
	models := new(mockModels)
	models.On("StartProjectVersion", &customlabels.StartProjectVersionInput{ProjectVersionArn: shelfV1, MinInferenceUnits: 1}).
		Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting}, nil).Once()
	for _, status := range []customlabels.ProjectVersionStatus{
		customlabels.ProjectVersionStatusStarting,
		customlabels.ProjectVersionStatusStarting,
		customlabels.ProjectVersionStatusRunning,
	} {
		models.On("DescribeProjectVersions", mock.Anything).Return(versionIs(status), nil).Once()
	}

	if err := startModel(context.Background(), models, shelfProject, shelfV1, time.Millisecond); err != nil {
		log.Fatal(err)
	}
	for _, c := range models.Calls {
		fmt.Println(c.Method)
	}
	// Output:
	// StartProjectVersion
	// DescribeProjectVersions
	// DescribeProjectVersions
	// DescribeProjectVersions
}

// countModels is a user's function over a ProjectsReader: it counts the
// models of every Custom Labels project.
func countModels(ctx context.Context, projects customlabels.ProjectsReader) (int, error) {
	n := 0
	for p, err := range customlabels.AllProjects(ctx, projects, nil) {
		if err != nil {
			return 0, err
		}
		in := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn}
		for _, err := range customlabels.AllProjectVersions(ctx, projects, in) {
			if err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}

// Code that only reads takes a ProjectsReader: here, tested with the
// Stub, which answers two listings as the test declares them.
func ExampleProjectsReader() {
	stub := customlabelstest.NewStub(exampleTB{})
	stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{
		ProjectDescriptions: []customlabels.ProjectDescription{{ProjectArn: shelfProject}},
	})
	stub.Expect("DescribeProjectVersions").
		WithInput(&customlabels.DescribeProjectVersionsInput{ProjectArn: shelfProject}).
		Return(versionIs(customlabels.ProjectVersionStatusRunning))

	n, err := countModels(context.Background(), stub.Client())
	fmt.Println(n, err)
	fmt.Println("all calls made:", stub.AssertExpectations(exampleTB{}))
	// Output:
	// 1 <nil>
	// all calls made: true
}

// Code that creates projects takes a ProjectsManager: here, tested with
// the fake server, which creates projects as the service does (CREATING,
// then CREATED) on a clock the test controls.
func ExampleProjectsManager() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0)) // CREATED at the first poll
	defer srv.Close()
	var projects customlabels.ProjectsManager = srv.Client()
	ctx := context.Background()

	out, err := projects.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "shelf"})
	if err != nil {
		log.Fatal(err)
	}
	w := customlabels.NewProjectCreatedWaiter(projects, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
	})
	err = w.Wait(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{"shelf"}}, time.Minute)
	arn, _ := customlabels.ParseARN(out.ProjectArn)
	fmt.Println(arn.ProjectName, err)
	// Output:
	// shelf <nil>
}

// Code that builds datasets and trains on them takes a
// DatasetsAndTraining: here, tested with the Stub, which checks that the
// dataset is created from the manifest the code names.
func ExampleDatasetsAndTraining() {
	stub := customlabelstest.NewStub(exampleTB{})
	manifest := customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "data", Name: "train.manifest"}}
	stub.Expect("CreateDataset").
		WithInput(&customlabels.CreateDatasetInput{ProjectArn: shelfProject, DatasetType: customlabels.DatasetTypeTrain,
			DatasetSource: customlabels.DatasetSource{GroundTruthManifest: manifest}}).
		Return(&customlabels.CreateDatasetOutput{DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/dataset/train/1700000000000"})

	var ds customlabels.DatasetsAndTraining = stub.Client()
	out, err := ds.CreateDataset(context.Background(), &customlabels.CreateDatasetInput{
		ProjectArn: shelfProject, DatasetType: customlabels.DatasetTypeTrain,
		DatasetSource: customlabels.DatasetSource{GroundTruthManifest: manifest},
	})
	fmt.Println(out.DatasetArn, err)
	fmt.Println("all calls made:", stub.AssertExpectations(exampleTB{}))
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/shelf/dataset/train/1700000000000 <nil>
	// all calls made: true
}

// exampleTB stands in for an Example's missing *testing.T: it prints
// what the Stub reports.
type exampleTB struct{}

func (exampleTB) Helper()                           {}
func (exampleTB) Errorf(format string, args ...any) { fmt.Printf("FAIL: "+format+"\n", args...) }
func (exampleTB) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (exampleTB) Cleanup(func())                    {}
