package customlabelstest_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// shelf is the project of the dataset examples.
var shelf = customlabels.ProjectDescription{
	ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000",
	Status:     customlabels.ProjectStatusCreated,
	Feature:    customlabels.CustomizationFeatureCustomLabels,
}

// shelfManifest is a manifest of two labelled images and one that is not.
const shelfManifest = `{"source-ref":"s3://images/a.jpg","label":1,"label-metadata":{"confidence":1,"class-name":"cereal","human-annotated":"yes","creation-date":"2024-01-02T03:04:05","type":"groundtruth/image-classification"}}
{"source-ref":"s3://images/b.jpg","label":1,"label-metadata":{"confidence":1,"class-name":"pasta","human-annotated":"yes","creation-date":"2024-01-02T03:04:05","type":"groundtruth/image-classification"}}
{"source-ref":"s3://images/c.jpg"}
`

// Seed a server with a project's training dataset, from manifest text.
func ExampleWithDatasets() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(shelf), customlabelstest.WithDatasets(customlabelstest.Dataset{
		ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTrain, Manifest: shelfManifest,
	}))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	// The project lists it, and the dataset operations know it.
	d := srv.Projects()[0].Datasets[0]
	fmt.Println(d.DatasetType, d.Status)
	out, err := client.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: d.DatasetArn})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", out.DatasetDescription.DatasetStats)
	// Output:
	// TRAIN CREATE_COMPLETE
	// {LabeledEntries:2 TotalEntries:3 TotalLabels:2 ErrorEntries:0}
}

// Add a dataset to a running server; one of the same type is replaced,
// keeping its ARN. A manifest that would fail the dataset is refused.
func ExampleServer_AddDataset() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(shelf))
	defer srv.Close()
	arn, err := srv.AddDataset(customlabelstest.Dataset{ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTest, Manifest: shelfManifest})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(arn, ":project/shelf/dataset/test/"))
	again, err := srv.AddDataset(customlabelstest.Dataset{ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTest})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("replaced:", again == arn)
	_, err = srv.AddDataset(customlabelstest.Dataset{ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTrain, Manifest: "not a manifest\n"})
	fmt.Println(err)
	// Output:
	// true
	// replaced: true
	// customlabelstest: AddDataset: Manifest: the manifest fails the dataset with ERROR_TOO_MANY_RECORDS_IN_ERROR
}

// Make the next CreateDataset fail, as the service fails a dataset whose
// manifest has too many lines.
func ExampleServer_FailDataset() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(shelf), customlabelstest.WithDatasetTime(time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	srv.FailDataset("", "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM")
	out, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	if err != nil {
		log.Fatal(err)
	}
	srv.Advance(time.Minute)
	d, err := client.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: out.DatasetArn})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.DatasetDescription.Status, d.DatasetDescription.StatusMessageCode, d.DatasetDescription.StatusMessage)
	// Output:
	// CREATE_FAILED CLIENT_ERROR ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM
}

// Remove a dataset at once, without DeleteDataset's wait.
func ExampleServer_RemoveDatasets() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(shelf), customlabelstest.WithDatasets(
		customlabelstest.Dataset{ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTrain}))
	defer srv.Close()
	arn := srv.Projects()[0].Datasets[0].DatasetArn
	fmt.Println(srv.RemoveDatasets(arn), len(srv.Projects()[0].Datasets))
	// Output:
	// 1 0
}

// Datasets take WithDatasetTime to create or update, on the models'
// clock, which Advance moves.
func ExampleWithDatasetTime() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(shelf), customlabelstest.WithDatasetTime(2*time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	out, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: shelf.ProjectArn, DatasetType: customlabels.DatasetTypeTest})
	if err != nil {
		log.Fatal(err)
	}
	for range 3 {
		d, err := client.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: out.DatasetArn})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d.DatasetDescription.Status)
		srv.Advance(time.Minute)
	}
	// Output:
	// CREATE_IN_PROGRESS
	// CREATE_IN_PROGRESS
	// CREATE_COMPLETE
}
