package manifest_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels/manifest"
)

// A manifest with an image labelled twice, a box past the edge of its
// image, a blank line, and a line that is not JSON.
const sample = `{"source-ref":"s3://orchard/1.jpg","fruit":0,"fruit-metadata":{"confidence":1,"class-name":"apple","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}
{"source-ref":"s3://orchard/2.jpg","fruit":0,"fruit-metadata":{"confidence":1,"class-name":"pear","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}
{"source-ref":"s3://orchard/3.jpg","bb":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"top":10,"left":600,"width":80,"height":40}]},"bb-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"apple"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T10:00:00"}}
{"source-ref":"s3://orchard/1.jpg","fruit":0,"fruit-metadata":{"confidence":1,"class-name":"plum","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}

{"source-ref":"s3://orchard/5.jpg",
`

func ExampleValidate() {
	rep, err := manifest.Validate(strings.NewReader(sample), manifest.Options{})
	if err != nil {
		log.Fatal(err) // reading failed
	}
	for _, p := range rep.Problems {
		fmt.Println(p)
	}
	fmt.Printf("%d lines: %d valid, %d invalid, %d ignored\n", rep.Lines, rep.ValidLines, rep.InvalidLines, rep.IgnoredLines)
	fmt.Println("labels:", rep.Labels)
	fmt.Println("CreateDataset fails:", rep.FailsDataset())
	// Output:
	// line 3: bb.annotations[0]: ERROR_INVALID_BOUNDING_BOX (non-terminal error): the box goes past the edge of the 640 by 480 image
	// line 3: bb.annotations: ERROR_NO_VALID_ANNOTATIONS (non-terminal error): no bounding box is valid
	// line 3: ERROR_NO_VALID_LABEL_ATTRIBUTES (non-terminal error): no label attribute is valid
	// line 4: source-ref: DUPLICATE_SOURCE_REF (terminal content error): the image is on line 1 already; the service keeps one line per image
	// line 5: ERROR_INVALID_JSON_LINE (terminal content error): the line is blank; the service counts it as an invalid line
	// line 6: ERROR_INVALID_JSON_LINE (terminal content error): unexpected end of JSON input
	// manifest: ERROR_TOO_MANY_RECORDS_IN_ERROR (terminal file error): 4 of 6 lines (66.7 %) are invalid; the service fails a manifest with more than 20 %
	// 6 lines: 2 valid, 4 invalid, 0 ignored
	// labels: [{apple 1 0} {pear 1 0}]
	// CreateDataset fails: true
}

func ExampleReader_All() {
	r := manifest.NewReader(strings.NewReader(sample))
	for line, err := range r.All() {
		var lerr *manifest.LineError
		if errors.As(err, &lerr) {
			fmt.Printf("line %d: %v\n", lerr.Line, lerr.Code)
			continue
		}
		if err != nil {
			log.Fatal(err) // reading failed
		}
		fmt.Printf("line %d: %s %v\n", r.LineNumber(), line.SourceRef, line.Labels())
	}
	// Output:
	// line 1: s3://orchard/1.jpg [apple]
	// line 2: s3://orchard/2.jpg [pear]
	// line 3: s3://orchard/3.jpg [apple]
	// line 4: s3://orchard/1.jpg [plum]
	// line 6: ERROR_INVALID_JSON_LINE
}

func ExampleReader_Next() {
	r := manifest.NewReader(strings.NewReader(sample))
	line, err := r.Next()
	if err != nil {
		log.Fatal(err)
	}
	c := line.Classifications[0]
	fmt.Println(line.SourceRef, c.Attribute, c.ClassName, c.HumanAnnotated)
	// Output:
	// s3://orchard/1.jpg fruit apple yes
}

func ExampleNewWriter() {
	made := manifest.Labeling{CreationDate: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)}
	apple, err := manifest.NewClassification("s3://orchard/1.jpg", []string{"apple"}, made)
	if err != nil {
		log.Fatal(err)
	}
	crate, err := manifest.NewDetection("s3://orchard/2.jpg", manifest.ImageSize{Width: 640, Height: 480},
		[]manifest.Box{{Label: "pear", Left: 10, Top: 20, Width: 100, Height: 80}}, made)
	if err != nil {
		log.Fatal(err)
	}
	w := manifest.NewWriter(os.Stdout)
	for _, l := range []manifest.Line{apple, crate} {
		if err := w.Write(l); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {"source-ref":"s3://orchard/1.jpg","label0":0,"label0-metadata":{"confidence":1,"class-name":"apple","human-annotated":"yes","creation-date":"2024-05-01T10:00:00.000000","type":"groundtruth/image-classification"}}
	// {"source-ref":"s3://orchard/2.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"top":20,"left":10,"width":100,"height":80}]},"bounding-box-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"pear"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T10:00:00.000000"}}
}

func ExampleNewClassification() {
	line, err := manifest.NewClassification("s3://orchard/basket.jpg", []string{"apple", "pear"},
		manifest.Labeling{Attribute: "fruit", JobName: "orchard-2024"})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range line.Classifications {
		fmt.Println(c.Attribute, c.Attribute+"-metadata", c.ClassName, c.JobName)
	}

	_, err = manifest.NewClassification("s3://orchard/basket.jpg", []string{"apple", ""}, manifest.Labeling{})
	fmt.Println(err)
	// Output:
	// fruit0 fruit0-metadata apple orchard-2024
	// fruit1 fruit1-metadata pear orchard-2024
	// manifest: labels[1]: a label must have 1 to 256 characters, not 0
}

func ExampleNewDetection() {
	line, err := manifest.NewDetection("s3://orchard/crate.jpg", manifest.ImageSize{Width: 1024, Height: 768}, []manifest.Box{
		{Label: "apple", Left: 10, Top: 10, Width: 50, Height: 50},
		{Label: "pear", Left: 100, Top: 10, Width: 40, Height: 60},
		{Label: "apple", Left: 200, Top: 300, Width: 55, Height: 45},
	}, manifest.Labeling{})
	if err != nil {
		log.Fatal(err)
	}
	d := line.Detections[0]
	fmt.Println(d.Attribute, d.ClassMap)
	for _, a := range d.Annotations {
		fmt.Println(a.ClassID, a.Left, a.Top, a.Confidence)
	}

	_, err = manifest.NewDetection("s3://orchard/crate.jpg", manifest.ImageSize{Width: 1024, Height: 768},
		[]manifest.Box{{Label: "apple", Left: 1000, Width: 50, Height: 50}}, manifest.Labeling{})
	fmt.Println(err)
	// Output:
	// bounding-box map[0:apple 1:pear]
	// 0 10 10 1
	// 1 100 10 1
	// 0 200 300 1
	// manifest: boxes[0]: the box goes past the edge of the image
}

func ExampleParseLine() {
	// An entry of ListDatasetEntries, with the errors the service added.
	entry := `{"source-ref":"s3://orchard/7.jpg","bb":{"image_size":[{"width":2000,"height":1500,"depth":3}],` +
		`"annotations":[{"class_id":0,"top":0,"left":0,"width":1,"height":1,"errors":[{"code":"ERROR_BOUNDING_BOX_TOO_SMALL","message":"too small"}]}]},` +
		`"bb-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"apple"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T10:00:00"},` +
		`"cl-metadata":{"is_labeled":true}}`
	line, err := manifest.ParseLine([]byte(entry))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(line.HasErrors(), line.Detections[0].Annotations[0].Errors[0].Code)
	fmt.Println(line.Unknown[0].Name, string(line.Unknown[0].Value))

	// Fix the box, drop the service's error, and write the line back for
	// UpdateDatasetEntries; the member the package does not model stays.
	box := &line.Detections[0].Annotations[0]
	box.Width, box.Height, box.Errors = 80, 60, nil
	fmt.Println(line.Check())
	out, err := line.MarshalJSON()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
	// Output:
	// true ERROR_BOUNDING_BOX_TOO_SMALL
	// cl-metadata {"is_labeled":true}
	// []
	// {"source-ref":"s3://orchard/7.jpg","bb":{"image_size":[{"width":2000,"height":1500,"depth":3}],"annotations":[{"class_id":0,"top":0,"left":0,"width":80,"height":60}]},"bb-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"apple"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T10:00:00"},"cl-metadata":{"is_labeled":true}}
}

func ExampleLine_Check() {
	line := manifest.Line{
		SourceRef: "s3://orchard/8.jpg",
		Classifications: []manifest.Classification{{
			Attribute: "fruit", ClassName: "apple", Confidence: 1.5,
			HumanAnnotated: "yes", CreationDate: "2024-05-01T10:00:00",
		}},
	}
	for _, p := range line.Check() {
		fmt.Println(p.Path, p.Code, p.Tier)
	}
	// Output:
	// fruit-metadata.confidence ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT non-terminal error
	//  ERROR_NO_VALID_LABEL_ATTRIBUTES non-terminal error
}

func ExampleCheckTraining() {
	lines := func(refs ...string) string {
		var b strings.Builder
		for _, r := range refs {
			fields := strings.SplitN(r, " ", 2)
			l, err := manifest.NewClassification("s3://orchard/"+fields[0], []string{fields[1]}, manifest.Labeling{})
			if err != nil {
				log.Fatal(err)
			}
			out, _ := l.MarshalJSON()
			b.Write(append(out, '\n'))
		}
		return b.String()
	}
	train, err := manifest.Validate(strings.NewReader(lines("1.jpg apple", "2.jpg pear", "3.jpg plum", "4.jpg fig")), manifest.Options{})
	if err != nil {
		log.Fatal(err)
	}
	test, err := manifest.Validate(strings.NewReader(lines("5.jpg apple", "2.jpg kiwi")), manifest.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range manifest.CheckTraining(train, test) {
		fmt.Println(p)
	}
	// Output:
	// manifest: ERROR_INSUFFICIENT_LABEL_OVERLAP (training error): 1 of the 4 training labels (25.0 %) are in the test manifest; at least 50 % must be
	// line 2: source-ref: IMAGE_IN_TRAINING_AND_TEST (warning): the image is also on line 2 of the training manifest
}
