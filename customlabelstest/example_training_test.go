package customlabelstest_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// exampleTraining is a CreateProjectVersion of version name from a
// training and a test manifest, each of one image of each label: enough
// data for the fake to train, which a test wants to see fail.
func exampleTraining(srv *customlabelstest.Server, name string) *customlabels.CreateProjectVersionInput {
	line := func(image, label string) string {
		return `{"source-ref":"s3://birds/` + image + `","l":0,"l-metadata":{"class-name":"` + label +
			`","confidence":1,"type":"groundtruth/image-classification","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}` + "\n"
	}
	srv.PutS3Object("birds", "train.manifest", "", []byte(line("1.jpg", "robin")+line("2.jpg", "wren")))
	srv.PutS3Object("birds", "test.manifest", "", []byte(line("3.jpg", "robin")+line("4.jpg", "wren")))
	at := func(key string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "birds", Name: key}}}}
	}
	return &customlabels.CreateProjectVersionInput{
		ProjectArn: exampleProject.ProjectArn, VersionName: name,
		OutputConfig: customlabels.OutputConfig{S3Bucket: "birds", S3KeyPrefix: "results"},
		TrainingData: customlabels.TrainingData{Assets: at("train.manifest")},
		TestingData:  customlabels.TestingData{Assets: at("test.manifest")},
	}
}

// A test of how a program handles a failed training makes the next one
// fail, with the message it wants, whatever the data.
func ExampleServer_FailNextTraining() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(exampleProject), customlabelstest.WithTrainingTime(time.Hour))
	defer srv.Close()
	client := srv.Client()

	srv.FailNextTraining("Amazon Rekognition experienced a service issue. Try again later.")
	for _, name := range []string{"v1", "v2"} {
		if _, err := client.CreateProjectVersion(context.Background(), exampleTraining(srv, name)); err != nil {
			log.Fatal(err)
		}
	}
	srv.Advance(time.Hour)
	for _, v := range srv.ProjectVersions() { // latest first
		fmt.Println(v.VersionName(), v.Status, v.StatusMessage)
	}
	// Output:
	// v2 TRAINING_COMPLETED The model is ready to run.
	// v1 TRAINING_FAILED Amazon Rekognition experienced a service issue. Try again later.
}

// Copies take WithCopyTime on the models' clock.
func ExampleWithCopyTime() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(exampleProject),
		customlabelstest.WithProjectVersions(exampleModel),
		customlabelstest.WithCopyTime(15*time.Minute),
	)
	defer srv.Close()
	srv.PutS3Object("birds", "README", "", []byte("the output bucket"))

	_, err := srv.Client().CopyProjectVersion(context.Background(), &customlabels.CopyProjectVersionInput{
		SourceProjectArn: exampleProject.ProjectArn, SourceProjectVersionArn: exampleModel.ProjectVersionArn,
		DestinationProjectArn: exampleProject.ProjectArn, VersionName: "v1-copy",
		OutputConfig: customlabels.OutputConfig{S3Bucket: "birds"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(statusOfModel(srv.Client(), exampleProject.ProjectArn, "v1-copy"))
	srv.Advance(15 * time.Minute)
	fmt.Println(statusOfModel(srv.Client(), exampleProject.ProjectArn, "v1-copy"))
	// Output:
	// COPYING_IN_PROGRESS
	// COPYING_COMPLETED
}
