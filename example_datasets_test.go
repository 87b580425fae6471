package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/manifest"
)

// exampleProject is the Custom Labels project of the dataset examples.
var exampleProject = customlabels.ProjectDescription{
	ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/shelf-items/1700000000000",
	CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
	Status:            customlabels.ProjectStatusCreated,
	Feature:           customlabels.CustomizationFeatureCustomLabels,
}

// exampleLine is a manifest line of an image with image-level labels.
func exampleLine(image string, labels ...string) string {
	l, err := manifest.NewClassification("s3://my-images/"+image, labels, manifest.Labeling{})
	if err != nil {
		log.Fatal(err)
	}
	b, err := l.MarshalJSON()
	if err != nil {
		log.Fatal(err)
	}
	return string(b)
}

// exampleManifest is a manifest of n images labelled in turn with labels.
func exampleManifest(n int, labels ...string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(exampleLine(fmt.Sprintf("img%03d.jpg", i), labels[i%len(labels)]) + "\n")
	}
	return b.String()
}

// exampleServer is a fake with the example project and, when train is
// not empty, its TRAIN dataset with that manifest.
func exampleServer(train string, opts ...customlabelstest.Option) (*customlabelstest.Server, string) {
	opts = append([]customlabelstest.Option{customlabelstest.WithProjects(exampleProject)}, opts...)
	if train != "" {
		opts = append(opts, customlabelstest.WithDatasets(customlabelstest.Dataset{
			ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTrain, Manifest: train}))
	}
	srv := customlabelstest.NewServer(opts...)
	arn := ""
	if ds := srv.Projects()[0].Datasets; len(ds) > 0 {
		arn = ds[0].DatasetArn
	}
	return srv, arn
}

// fastPolls makes a waiter poll at once, advancing the fake's clock by d
// at each poll, and prints what each poll saw.
func fastPolls(srv *customlabelstest.Server, d time.Duration) func(*customlabels.WaiterOptions) {
	return func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond // the defaults are 5 s to 120 s
		o.OnPoll = func(p customlabels.WaiterPoll) {
			var states []string
			for _, d := range p.Datasets {
				status := string(d.Status)
				if status == "" {
					status = "gone"
				}
				states = append(states, status)
			}
			fmt.Println("poll", p.Attempt, strings.Join(states, " "))
			srv.Advance(d)
		}
	}
}

// Create the training dataset of a project from a manifest in S3, and
// wait until it is created. The fake creates datasets in 30 seconds of
// its own clock, which the waiter advances at each poll.
func ExampleClient_CreateDataset() {
	srv, _ := exampleServer("")
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	// Upload the manifest (here straight into the fake's S3).
	srv.PutS3Object("my-manifests", "train.manifest", "", []byte(exampleManifest(3, "cereal", "pasta")))

	out, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{
		ProjectArn:  exampleProject.ProjectArn,
		DatasetType: customlabels.DatasetTypeTrain,
		DatasetSource: customlabels.DatasetSource{GroundTruthManifest: customlabels.GroundTruthManifest{
			S3Object: customlabels.S3Object{Bucket: "my-manifests", Name: "train.manifest"}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created a TRAIN dataset:", strings.Contains(out.DatasetArn, "/dataset/train/"))

	w := customlabels.NewDatasetCreatedWaiter(client, fastPolls(srv, 20*time.Second))
	ds, err := w.WaitForOutput(ctx, []string{out.DatasetArn}, time.Hour)
	if err != nil {
		log.Fatal(err)
	}
	st := ds[0].DatasetStats
	fmt.Println(st.TotalEntries, "images,", st.LabeledEntries, "labeled,", st.TotalLabels, "labels")

	// A project has one TRAIN dataset.
	_, err = client.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	var exists *customlabels.ResourceAlreadyExistsException
	fmt.Println("again:", errors.As(err, &exists))
	// Output:
	// created a TRAIN dataset: true
	// poll 1 CREATE_IN_PROGRESS
	// poll 2 CREATE_IN_PROGRESS
	// poll 3 CREATE_COMPLETE
	// 3 images, 3 labeled, 2 labels
	// again: true
}

// A dataset whose manifest has a terminal file error ends CREATE_FAILED:
// the waiter fails at once, with the status message naming the error.
func ExampleDatasetCreatedWaiter_Wait() {
	srv, _ := exampleServer("")
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	// A manifest more than 20 % of whose lines are not JSON lines.
	srv.PutS3Object("my-manifests", "bad.manifest", "", []byte(exampleManifest(3, "cereal")+"oops\n"))
	out, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{
		ProjectArn:  exampleProject.ProjectArn,
		DatasetType: customlabels.DatasetTypeTest,
		DatasetSource: customlabels.DatasetSource{GroundTruthManifest: customlabels.GroundTruthManifest{
			S3Object: customlabels.S3Object{Bucket: "my-manifests", Name: "bad.manifest"}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	err = customlabels.NewDatasetCreatedWaiter(client, fastPolls(srv, 30*time.Second)).Wait(ctx, []string{out.DatasetArn}, time.Hour)
	var failed *customlabels.WaiterStateError
	if errors.As(err, &failed) {
		fmt.Println(failed.ResourceStatus, failed.StatusMessage)
	}
	// Output:
	// poll 1 CREATE_IN_PROGRESS
	// poll 2 CREATE_FAILED
	// CREATE_FAILED ERROR_TOO_MANY_RECORDS_IN_ERROR
}

// Describe a dataset: its status and the counts of its images and labels.
func ExampleClient_DescribeDataset() {
	srv, train := exampleServer(exampleManifest(4, "cereal", "pasta") + `{"source-ref":"s3://my-images/unlabeled.jpg"}` + "\n")
	defer srv.Close()
	out, err := srv.Client().DescribeDataset(context.Background(), &customlabels.DescribeDatasetInput{DatasetArn: train})
	if err != nil {
		log.Fatal(err)
	}
	d := out.DatasetDescription
	fmt.Println(d.Status, d.StatusMessageCode)
	fmt.Printf("%+v\n", d.DatasetStats)
	// Output:
	// CREATE_COMPLETE SUCCESS
	// {LabeledEntries:4 TotalEntries:5 TotalLabels:2 ErrorEntries:0}
}

// List the entries that have errors, and read the errors the service
// attached to them.
func ExampleClient_ListDatasetEntries() {
	// The second box goes past the right edge of the 640 by 480 image.
	badBox := `{"source-ref":"s3://my-images/shelf.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],` +
		`"annotations":[{"class_id":0,"top":10,"left":10,"width":90,"height":60},{"class_id":0,"top":10,"left":600,"width":90,"height":60}]},` +
		`"bounding-box-metadata":{"objects":[{"confidence":1},{"confidence":1}],"class-map":{"0":"cereal"},` +
		`"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000"}}`
	srv, train := exampleServer(exampleManifest(5, "cereal") + badBox + "\n")
	defer srv.Close()

	out, err := srv.Client().ListDatasetEntries(context.Background(), &customlabels.ListDatasetEntriesInput{
		DatasetArn: train,
		HasErrors:  boolPtr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	lines, err := out.Lines()
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range lines {
		for i, a := range l.Detections[0].Annotations {
			for _, e := range a.Errors {
				fmt.Println(l.SourceRef, "box", i, e.Code)
			}
		}
	}
	// Output:
	// s3://my-images/shelf.jpg box 1 ERROR_INVALID_BOUNDING_BOX
}

// boolPtr returns a pointer to v, for the optional filters.
func boolPtr(v bool) *bool { return &v }

// Read the entries of a page as manifest lines.
func ExampleListDatasetEntriesOutput_Lines() {
	srv, train := exampleServer(exampleLine("a.jpg", "cereal", "box") + "\n" + exampleLine("b.jpg", "pasta") + "\n")
	defer srv.Close()
	out, err := srv.Client().ListDatasetEntries(context.Background(), &customlabels.ListDatasetEntriesInput{DatasetArn: train})
	if err != nil {
		log.Fatal(err)
	}
	lines, err := out.Lines()
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range lines {
		fmt.Println(l.SourceRef, l.Labels())
	}
	// Output:
	// s3://my-images/a.jpg [cereal box]
	// s3://my-images/b.jpg [pasta]
}

// Download a whole dataset as a manifest: every entry, one page at a time.
func ExampleAllDatasetEntries() {
	srv, train := exampleServer(exampleManifest(250, "cereal", "pasta"))
	defer srv.Close()
	var b strings.Builder
	n := 0
	for entry, err := range customlabels.AllDatasetEntries(context.Background(), srv.Client(),
		&customlabels.ListDatasetEntriesInput{DatasetArn: train, SourceRefContains: "/img01"}) {
		if err != nil {
			log.Fatal(err)
		}
		b.WriteString(entry + "\n")
		n++
	}
	fmt.Println(n, "entries whose source-ref contains /img01, in", b.Len(), "bytes")
	// Output:
	// 10 entries whose source-ref contains /img01, in 2215 bytes
}

// Page through the unlabeled images, two at a time.
func ExampleNewListDatasetEntriesPaginator() {
	manifestText := exampleManifest(3, "cereal")
	for _, img := range []string{"u1.jpg", "u2.jpg", "u3.jpg"} {
		manifestText += `{"source-ref":"s3://my-images/` + img + `"}` + "\n"
	}
	srv, train := exampleServer(manifestText)
	defer srv.Close()
	p := customlabels.NewListDatasetEntriesPaginator(srv.Client(),
		&customlabels.ListDatasetEntriesInput{DatasetArn: train, Labeled: boolPtr(false), MaxResults: 2})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		lines, err := page.Lines()
		if err != nil {
			log.Fatal(err)
		}
		var refs []string
		for _, l := range lines {
			refs = append(refs, l.SourceRef)
		}
		fmt.Println(refs)
	}
	// Output:
	// [s3://my-images/u1.jpg s3://my-images/u2.jpg]
	// [s3://my-images/u3.jpg]
}

// List the labels of a dataset with how many images use each.
func ExampleClient_ListDatasetLabels() {
	srv, train := exampleServer(exampleManifest(5, "cereal", "pasta") + exampleLine("mix.jpg", "cereal", "pasta", "rice") + "\n")
	defer srv.Close()
	out, err := srv.Client().ListDatasetLabels(context.Background(), &customlabels.ListDatasetLabelsInput{DatasetArn: train})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range out.DatasetLabelDescriptions {
		fmt.Println(l.LabelName, l.LabelStats.EntryCount)
	}
	// Output:
	// cereal 4
	// pasta 3
	// rice 1
}

// Every label of a dataset, one page at a time.
func ExampleAllDatasetLabels() {
	srv, train := exampleServer(exampleManifest(6, "cereal", "pasta", "rice"))
	defer srv.Close()
	for l, err := range customlabels.AllDatasetLabels(context.Background(), srv.Client(),
		&customlabels.ListDatasetLabelsInput{DatasetArn: train, MaxResults: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(l.LabelName, l.LabelStats.EntryCount, l.LabelStats.BoundingBoxCount)
	}
	// Output:
	// cereal 2 0
	// pasta 2 0
	// rice 2 0
}

// Page through the labels of a dataset.
func ExampleNewListDatasetLabelsPaginator() {
	srv, train := exampleServer(exampleManifest(5, "a", "b", "c", "d", "e"))
	defer srv.Close()
	p := customlabels.NewListDatasetLabelsPaginator(srv.Client(), &customlabels.ListDatasetLabelsInput{DatasetArn: train, MaxResults: 3})
	for page, err := range p.Pages(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(len(page.DatasetLabelDescriptions), "labels")
	}
	// Output:
	// 3 labels
	// 2 labels
}

// Add an image to a dataset and relabel another, then wait for the update.
// An entry whose source-ref the dataset has replaces it.
func ExampleClient_UpdateDatasetEntries() {
	srv, train := exampleServer(exampleManifest(2, "cereal"))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	relabeled, err := manifest.NewClassification("s3://my-images/img001.jpg", []string{"pasta"}, manifest.Labeling{})
	if err != nil {
		log.Fatal(err)
	}
	added, err := manifest.NewDetection("s3://my-images/shelf.jpg", manifest.ImageSize{Width: 800, Height: 600, Depth: 3},
		[]manifest.Box{{Label: "cereal", Left: 100, Top: 80, Width: 120, Height: 200}}, manifest.Labeling{})
	if err != nil {
		log.Fatal(err)
	}
	changes, err := customlabels.NewDatasetChanges(relabeled, added)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: train, Changes: changes}); err != nil {
		log.Fatal(err)
	}
	w := customlabels.NewDatasetUpdatedWaiter(client, fastPolls(srv, 30*time.Second))
	ds, err := w.WaitForOutput(ctx, []string{train}, time.Hour)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", ds[0].DatasetStats)
	// Output:
	// poll 1 UPDATE_IN_PROGRESS
	// poll 2 UPDATE_COMPLETE
	// {LabeledEntries:3 TotalEntries:3 TotalLabels:2 ErrorEntries:0}
}

// Write manifest lines as the changes of UpdateDatasetEntries.
func ExampleNewDatasetChanges() {
	line, err := manifest.NewClassification("s3://my-images/a.jpg", []string{"cereal"},
		manifest.Labeling{CreationDate: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	changes, err := customlabels.NewDatasetChanges(line)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(changes.GroundTruth))
	// Output:
	// {"source-ref":"s3://my-images/a.jpg","label0":0,"label0-metadata":{"confidence":1,"class-name":"cereal","human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000","type":"groundtruth/image-classification"}}
}

// Make a test dataset from the training dataset: create it empty, move a
// fifth of the training images into it, and wait for both datasets.
func ExampleClient_DistributeDatasetEntries() {
	srv, train := exampleServer(exampleManifest(20, "cereal", "pasta"))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	created, err := client.CreateDataset(ctx, &customlabels.CreateDatasetInput{
		ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest})
	if err != nil {
		log.Fatal(err)
	}
	test := created.DatasetArn
	if err := customlabels.NewDatasetCreatedWaiter(client, fastPolls(srv, 30*time.Second)).Wait(ctx, []string{test}, time.Hour); err != nil {
		log.Fatal(err)
	}

	_, err = client.DistributeDatasetEntries(ctx, &customlabels.DistributeDatasetEntriesInput{
		Datasets: []customlabels.DistributeDataset{{Arn: train}, {Arn: test}},
	})
	if err != nil {
		log.Fatal(err)
	}
	// The distribution is done when both datasets are.
	ds, err := customlabels.NewDatasetUpdatedWaiter(client, fastPolls(srv, 30*time.Second)).WaitForOutput(ctx, []string{train, test}, time.Hour)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("train", ds[0].DatasetStats.TotalEntries, "test", ds[1].DatasetStats.TotalEntries)
	// Output:
	// poll 1 CREATE_IN_PROGRESS
	// poll 2 CREATE_COMPLETE
	// poll 1 UPDATE_IN_PROGRESS UPDATE_IN_PROGRESS
	// poll 2 UPDATE_COMPLETE UPDATE_COMPLETE
	// train 16 test 4
}

// A distribution fails, on both datasets, when a label has too few images.
func ExampleDatasetUpdatedWaiter_Wait() {
	srv, train := exampleServer(exampleManifest(10, "cereal") + exampleLine("rare.jpg", "saffron") + "\n")
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	test, err := srv.AddDataset(customlabelstest.Dataset{ProjectArn: exampleProject.ProjectArn, DatasetType: customlabels.DatasetTypeTest})
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.DistributeDatasetEntries(ctx, &customlabels.DistributeDatasetEntriesInput{
		Datasets: []customlabels.DistributeDataset{{Arn: train}, {Arn: test}},
	})
	if err != nil {
		log.Fatal(err)
	}
	err = customlabels.NewDatasetUpdatedWaiter(client, fastPolls(srv, 30*time.Second)).Wait(ctx, []string{train, test}, time.Hour)
	var failed *customlabels.WaiterStateError
	if errors.As(err, &failed) {
		fmt.Println(failed.ResourceStatus, failed.StatusMessage)
	}
	// Output:
	// poll 1 UPDATE_IN_PROGRESS UPDATE_IN_PROGRESS
	// poll 2 UPDATE_FAILED UPDATE_FAILED
	// UPDATE_FAILED ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE
}

// Delete a dataset and wait until it is gone. A dataset being created or
// updated is refused with a *ResourceInUseException: wait for it first.
func ExampleClient_DeleteDataset() {
	srv, train := exampleServer(exampleManifest(3, "cereal"), customlabelstest.WithDeletingTime(10*time.Second))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	if _, err := client.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: train}); err != nil {
		log.Fatal(err)
	}
	err := customlabels.NewDatasetDeletedWaiter(client, fastPolls(srv, 10*time.Second)).Wait(ctx, []string{train}, time.Hour)
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: train})
	var notFound *customlabels.ResourceNotFoundException
	fmt.Println("gone:", errors.As(err, &notFound))
	fmt.Println("datasets left in the project:", len(srv.Projects()[0].Datasets))
	// Output:
	// poll 1 DELETE_IN_PROGRESS
	// poll 2 gone
	// gone: true
	// datasets left in the project: 0
}
