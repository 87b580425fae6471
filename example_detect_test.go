package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const exampleModelArn = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1600000001000"

// exampleModelServer is a fake with one RUNNING model that finds a bottle
// and a can on every image.
func exampleModelServer() *customlabelstest.Server {
	return customlabelstest.NewServer(
		customlabelstest.WithProjects(customlabels.ProjectDescription{
			ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1600000000000",
			Feature:    customlabels.CustomizationFeatureCustomLabels,
		}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: exampleModelArn,
			Status:            customlabels.ProjectVersionStatusRunning,
			MinInferenceUnits: 1,
		}),
		customlabelstest.WithModel(exampleModelArn, customlabelstest.Model{Labels: []customlabels.CustomLabel{
			{Name: "can", Confidence: 61.5},
			{Name: "bottle", Confidence: 98.25, Geometry: customlabels.Geometry{
				BoundingBox: customlabels.BoundingBox{Width: 0.25, Height: 0.5, Left: 0.125, Top: 0.25}}},
		}}),
		customlabelstest.WithS3Object("my-images", "shelf/1.jpg", "", []byte{0xff, 0xd8, 0xff, 0xe0}))
}

// Analyse an image with a running model. The image's bytes are sent in the
// request; a MinConfidence of 70 keeps only the labels at 70% or more.
func ExampleClient_DetectCustomLabels() {
	srv := exampleModelServer()
	defer srv.Close()
	client := srv.Client()

	image := []byte{0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F'} // read from a file, say
	minConfidence := float32(70)
	out, err := client.DetectCustomLabels(context.Background(), &customlabels.DetectCustomLabelsInput{
		ProjectVersionArn: exampleModelArn,
		Image:             customlabels.Image{Bytes: image},
		MinConfidence:     &minConfidence,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range out.CustomLabels {
		b := l.Geometry.BoundingBox
		fmt.Printf("%s %.2f%% box %.3f,%.3f %.3fx%.3f\n", l.Name, l.Confidence, b.Left, b.Top, b.Width, b.Height)
	}
	// Output:
	// bottle 98.25% box 0.125,0.250 0.250x0.500
}

// Analyse an image stored in Amazon S3, asking for every label, whatever
// its confidence (a MinConfidence of 0; without one, the service applies
// each label's threshold from training).
func ExampleClient_DetectCustomLabels_s3Object() {
	srv := exampleModelServer()
	defer srv.Close()

	every := float32(0)
	out, err := srv.Client().DetectCustomLabels(context.Background(), &customlabels.DetectCustomLabelsInput{
		ProjectVersionArn: exampleModelArn,
		Image:             customlabels.Image{S3Object: customlabels.S3Object{Bucket: "my-images", Name: "shelf/1.jpg"}},
		MinConfidence:     &every,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range out.CustomLabels {
		fmt.Printf("%s %.2f\n", l.Name, l.Confidence)
	}
	// Output:
	// bottle 98.25
	// can 61.50
}

// The errors a caller handles: a model that is not running, an image the
// service cannot read, and bad input, refused before sending.
func ExampleClient_DetectCustomLabels_errors() {
	srv := exampleModelServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	stopped := "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v0/1500000000000"
	srv.AddProjectVersions(customlabels.ProjectVersionDescription{ProjectVersionArn: stopped, Status: customlabels.ProjectVersionStatusStopped})
	_, err := client.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{
		ProjectVersionArn: stopped, Image: customlabels.Image{Bytes: []byte{0xff, 0xd8, 0xff}},
	})
	var notReady *customlabels.ResourceNotReadyException
	fmt.Println("not running:", errors.As(err, &notReady))

	_, err = client.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{
		ProjectVersionArn: exampleModelArn, Image: customlabels.Image{Bytes: []byte("GIF89a")},
	})
	var badFormat *customlabels.InvalidImageFormatException
	fmt.Println("not JPEG or PNG:", errors.As(err, &badFormat))

	_, err = client.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{
		ProjectVersionArn: exampleModelArn, Image: customlabels.Image{Bytes: make([]byte, customlabels.MaxImageBytes+1)},
	})
	var invalid *customlabels.InvalidParamError
	if errors.As(err, &invalid) {
		fmt.Println(invalid)
	}
	// Output:
	// not running: true
	// not JPEG or PNG: true
	// invalid DetectCustomLabelsInput.Image.Bytes: must be 1 to 5242880 bytes, got 5242881
}
