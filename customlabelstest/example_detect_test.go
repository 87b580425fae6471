package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	detectExampleProject = "arn:aws:rekognition:us-east-1:123456789012:project/fruit/1600000000000"
	detectExampleVersion = "arn:aws:rekognition:us-east-1:123456789012:project/fruit/version/v1/1600000001000"
)

// detectExampleServer has one RUNNING model, plus opts.
func detectExampleServer(opts ...customlabelstest.Option) *customlabelstest.Server {
	return customlabelstest.NewServer(append([]customlabelstest.Option{
		customlabelstest.WithProjects(customlabels.ProjectDescription{ProjectArn: detectExampleProject}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: detectExampleVersion, Status: customlabels.ProjectVersionStatusRunning, MinInferenceUnits: 1}),
	}, opts...)...)
}

var exampleJPEG = []byte{0xff, 0xd8, 0xff, 0xe0, 'a'}

func printDetect(client *customlabels.Client, in *customlabels.DetectCustomLabelsInput) {
	out, err := client.DetectCustomLabels(context.Background(), in)
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range out.CustomLabels {
		fmt.Printf("%s %.2f\n", l.Name, l.Confidence)
	}
}

// A model that finds the same labels in every image. Without
// MinConfidence, labels below the assumed threshold (here 40) are left
// out.
func ExampleWithModel() {
	srv := detectExampleServer(customlabelstest.WithModel(detectExampleVersion, customlabelstest.Model{
		Labels: []customlabels.CustomLabel{
			{Name: "apple", Confidence: 91.5},
			{Name: "pear", Confidence: 35},
			{Name: "plum", Confidence: 77.25},
		},
		AssumedThreshold: 40,
	}))
	defer srv.Close()
	printDetect(srv.Client(), &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectExampleVersion, Image: customlabels.Image{Bytes: exampleJPEG}})
	// Output:
	// apple 91.50
	// plum 77.25
}

// A model whose labels are a function of the image: the same image gets
// the same confidences on every call.
func ExampleHashLabels() {
	srv := detectExampleServer()
	defer srv.Close()
	srv.SetModel(detectExampleVersion, customlabelstest.Model{Detect: customlabelstest.HashLabels("apple", "pear")})
	every := float32(0)
	in := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectExampleVersion, Image: customlabels.Image{Bytes: exampleJPEG}, MinConfidence: &every}
	printDetect(srv.Client(), in)
	printDetect(srv.Client(), in)
	// Output:
	// pear 34.97
	// apple 21.82
	// pear 34.97
	// apple 21.82
}

// A model with a capacity: one request in flight per inference unit. A
// request beyond it gets ProvisionedThroughputExceededException, which
// clients retry.
func ExampleServer_SetModel() {
	srv := detectExampleServer()
	defer srv.Close()
	inside, release := make(chan struct{}), make(chan struct{})
	srv.SetModel(detectExampleVersion, customlabelstest.Model{
		MaxInFlightPerInferenceUnit: 1,
		Detect: func([]byte) []customlabels.CustomLabel {
			close(inside)
			<-release // hold the first request in flight
			return []customlabels.CustomLabel{{Name: "apple", Confidence: 99}}
		},
	})
	client := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	in := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectExampleVersion, Image: customlabels.Image{Bytes: exampleJPEG}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		printDetect(client, in)
	}()
	<-inside
	_, err := client.DetectCustomLabels(context.Background(), in)
	var full *customlabels.ProvisionedThroughputExceededException
	fmt.Println("second request:", errors.As(err, &full))
	close(release)
	<-done
	fmt.Println("removed:", srv.RemoveModel(detectExampleVersion))
	// Output:
	// second request: true
	// apple 99.00
	// removed: true
}

// Images in S3: the fake reads the objects a test puts, by bucket, key and
// optional version; any other object is InvalidS3ObjectException.
func ExampleServer_PutS3Object() {
	srv := detectExampleServer(customlabelstest.WithModel(detectExampleVersion, customlabelstest.Model{
		Detect: func(img []byte) []customlabels.CustomLabel {
			return []customlabels.CustomLabel{{Name: fmt.Sprintf("%d bytes", len(img)), Confidence: 90}}
		},
	}))
	defer srv.Close()
	srv.PutS3Object("my-bucket", "a.jpg", "", exampleJPEG)
	client := srv.Client()
	s3 := func(name string) *customlabels.DetectCustomLabelsInput {
		return &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectExampleVersion,
			Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "my-bucket", Name: name}}}
	}
	printDetect(client, s3("a.jpg"))
	fmt.Println("removed:", srv.RemoveS3Object("my-bucket", "a.jpg", ""))
	_, err := client.DetectCustomLabels(context.Background(), s3("a.jpg"))
	var missing *customlabels.InvalidS3ObjectException
	fmt.Println("after removal:", errors.As(err, &missing))
	// Output:
	// 5 bytes 90.00
	// removed: true
	// after removal: true
}

// Objects can be seeded when the server starts, and stay across Reset.
func ExampleWithS3Object() {
	srv := detectExampleServer(customlabelstest.WithS3Object("my-bucket", "b.png", "v2", []byte("\x89PNG\r\n\x1a\n")))
	defer srv.Close()
	srv.Reset()
	printDetect(srv.Client(), &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectExampleVersion,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "my-bucket", Name: "b.png", Version: "v2"}}})
	fmt.Println("no labels: the version has no Model")
	// Output:
	// no labels: the version has no Model
}
