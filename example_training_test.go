package customlabels_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// Train a model from manifests in S3, wait until training has ended, and
// read its evaluation. The fake trains in an hour of its own clock, which
// the example moves on at each poll of the waiter.
func ExampleClient_CreateProjectVersion() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjectTime(0), customlabelstest.WithTrainingTime(time.Hour))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	project, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "birds"})
	if err != nil {
		log.Fatal(err)
	}
	// Manifests of 25 labelled images, 20 to train and 5 to test, and a
	// bucket for the results.
	var train, test bytes.Buffer
	for i := range 25 {
		line, err := manifest.NewClassification(fmt.Sprintf("s3://bird-images/%02d.jpg", i), []string{[]string{"robin", "wren"}[i%2]}, manifest.Labeling{})
		if err != nil {
			log.Fatal(err)
		}
		out, _ := line.MarshalJSON()
		if i < 20 {
			train.Write(append(out, '\n'))
		} else {
			test.Write(append(out, '\n'))
		}
	}
	srv.PutS3Object("bird-manifests", "train.manifest", "", train.Bytes())
	srv.PutS3Object("bird-manifests", "test.manifest", "", test.Bytes())
	srv.PutS3Object("bird-results", "README", "", []byte("results"))
	manifestAt := func(key string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{
			S3Object: customlabels.S3Object{Bucket: "bird-manifests", Name: key}}}}
	}

	_, err = client.CreateProjectVersion(ctx, &customlabels.CreateProjectVersionInput{
		ProjectArn:   project.ProjectArn,
		VersionName:  "v1",
		OutputConfig: customlabels.OutputConfig{S3Bucket: "bird-results", S3KeyPrefix: "training"},
		TrainingData: customlabels.TrainingData{Assets: manifestAt("train.manifest")},
		TestingData:  customlabels.TestingData{Assets: manifestAt("test.manifest")},
	})
	if err != nil {
		log.Fatal(err)
	}
	w := customlabels.NewProjectVersionTrainingCompletedWaiter(client, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond // the defaults are 120 s and more
		o.OnPoll = func(p customlabels.WaiterPoll) {
			fmt.Println("poll", p.Attempt, p.Versions[0].Status)
			srv.Advance(30 * time.Minute)
		}
	})
	out, err := w.WaitForOutput(ctx, &customlabels.DescribeProjectVersionsInput{
		ProjectArn: project.ProjectArn, VersionNames: []string{"v1"},
	}, 25*time.Hour)
	if err != nil {
		log.Fatal(err) // a failed training is a *WaiterStateError with its StatusMessage
	}
	v := out.ProjectVersionDescriptions[0]
	fmt.Println(v.Status, "billed", v.BillableTrainingTimeInSeconds, "s")

	// The evaluation summary training wrote to S3.
	o := v.EvaluationResult.Summary.S3Object
	fmt.Println("summary at", o.Name)
	data, err := srv.S3Object(o.Bucket, o.Name)
	if err != nil {
		log.Fatal(err)
	}
	summary, err := evaluation.ParseSummary(bytes.NewReader(data))
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range summary.LabelEvaluationResults {
		fmt.Printf("%s: F1 %.3f, assumed threshold %.3f, %d test images\n", l.Label, l.Metrics.F1Score, l.Metrics.Threshold, l.NumberOfTestingImages)
	}
	// Output:
	// poll 1 TRAINING_IN_PROGRESS
	// poll 2 TRAINING_IN_PROGRESS
	// poll 3 TRAINING_COMPLETED
	// TRAINING_COMPLETED billed 3600 s
	// summary at training/EvaluationResultSummary-birds-v1.json
	// robin: F1 0.888, assumed threshold 0.566, 3 test images
	// wren: F1 0.868, assumed threshold 0.450, 2 test images
}

// Copy a trained model to a production project, and wait for the copy.
// A copy from another account needs a project policy on the source
// project; within an account none is needed.
func ExampleClient_CopyProjectVersion() {
	srv := exampleModels(customlabelstest.WithCopyTime(10 * time.Minute))
	defer srv.Close()
	srv.PutS3Object("bird-results", "README", "", []byte("results"))
	client := srv.Client()
	ctx := context.Background()

	out, err := client.CopyProjectVersion(ctx, &customlabels.CopyProjectVersionInput{
		SourceProjectArn:        exampleBirds,
		SourceProjectVersionArn: exampleBirdsV2,
		DestinationProjectArn:   exampleBirds, // here the same project; another is usual
		VersionName:             "v2-copy",
		OutputConfig:            customlabels.OutputConfig{S3Bucket: "bird-results", S3KeyPrefix: "copies"},
	})
	if err != nil {
		log.Fatal(err)
	}
	a, _ := customlabels.ParseARN(out.ProjectVersionArn)
	fmt.Println("copying to", a.VersionName)

	w := customlabels.NewProjectVersionCopyCompletedWaiter(client, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(p customlabels.WaiterPoll) {
			fmt.Println("poll", p.Attempt, p.Versions[0].Status)
			srv.Advance(5 * time.Minute)
		}
	})
	got, err := w.WaitForOutput(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: exampleBirds, VersionNames: []string{"v2-copy"}}, time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	src, _ := customlabels.ParseARN(got.ProjectVersionDescriptions[0].SourceProjectVersionArn)
	fmt.Println("copied from", src.VersionName)

	// A model that is not trained cannot be copied.
	_, err = client.CopyProjectVersion(ctx, &customlabels.CopyProjectVersionInput{
		SourceProjectArn:        exampleBirds,
		SourceProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v3/1700046000000",
		DestinationProjectArn:   exampleBirds,
		VersionName:             "v3-copy",
		OutputConfig:            customlabels.OutputConfig{S3Bucket: "bird-results"},
	})
	var inUse *customlabels.ResourceInUseException
	fmt.Println("copy of a failed training refused:", errors.As(err, &inUse))
	// Output:
	// copying to v2-copy
	// poll 1 COPYING_IN_PROGRESS
	// poll 2 COPYING_IN_PROGRESS
	// poll 3 COPYING_COMPLETED
	// copied from v2
	// copy of a failed training refused: true
}

// Delete a model and wait until it is gone. A running model must be
// stopped first: deleting it is a *ResourceInUseException.
func ExampleClient_DeleteProjectVersion() {
	srv := exampleModels(customlabelstest.WithStartingTime(0), customlabelstest.WithDeletingTime(time.Minute))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	_, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: exampleBirdsV2, MinInferenceUnits: 1})
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: exampleBirdsV2})
	var inUse *customlabels.ResourceInUseException
	fmt.Println("running model refused:", errors.As(err, &inUse))

	out, err := client.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{
		ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v3/1700046000000",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("v3", out.Status)
	w := customlabels.NewProjectVersionDeletedWaiter(client, func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(p customlabels.WaiterPoll) {
			fmt.Println("poll", p.Attempt, len(p.Versions), "listed")
			srv.Advance(time.Minute)
		}
	})
	err = w.Wait(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: exampleBirds, VersionNames: []string{"v3"}}, time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("v3 gone")
	// Output:
	// running model refused: true
	// v3 DELETING
	// poll 1 1 listed
	// poll 2 0 listed
	// v3 gone
}
