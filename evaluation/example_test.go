package evaluation_test

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// A summary in the older layout, with the metrics directly in
// AggregatedEvaluationResults.
const summaryFile = `{
  "Version": 1,
  "EvaluationDetails": {
    "ProjectVersionArn": "arn:aws:rekognition:us-east-1:111122223333:project/orchard/version/v1/1718877600000",
    "EvaluationEndTimestamp": "2024-06-20T12:41:07.502118",
    "Labels": ["apple", "pear"],
    "NumberOfTrainingImages": 400,
    "NumberOfTestingImages": 100
  },
  "AggregatedEvaluationResults": {"F1Score": 0.88, "Precision": 0.9, "Recall": 0.861},
  "LabelEvaluationResults": [
    {"Label": "apple", "NumberOfTestingImages": 60, "Metrics": {"Threshold": 0.62, "F1Score": 0.91, "Precision": 0.93, "Recall": 0.89}},
    {"Label": "pear", "NumberOfTestingImages": 40, "Metrics": {"Threshold": 0.035, "F1Score": 0.84, "Precision": 0.86, "Recall": 0.82}}
  ]
}`

func ExampleParseSummary() {
	// body is the S3 object at EvaluationResult.Summary.S3Object.
	body := strings.NewReader(summaryFile)
	s, err := evaluation.ParseSummary(body)
	if err != nil {
		log.Fatal(err)
	}
	d := s.EvaluationDetails
	fmt.Println(d.EvaluationEndTimestamp.Format(time.RFC3339), d.NumberOfTrainingImages, d.NumberOfTestingImages)
	fmt.Printf("F1 %.2f, layout flat: %v\n", s.AggregatedEvaluationResults.F1Score, s.Layout == evaluation.LayoutFlat)
	for _, l := range s.LabelEvaluationResults {
		fmt.Printf("%s: F1 %.2f at threshold %.3f over %d images\n", l.Label, l.Metrics.F1Score, l.Metrics.Threshold, l.NumberOfTestingImages)
	}

	_, err = evaluation.ParseSummary(strings.NewReader(`{"Version":1,"AggregatedEvaluationResults":{"F1Score":"high"}}`))
	fmt.Println(err)
	// Output:
	// 2024-06-20T12:41:07Z 400 100
	// F1 0.88, layout flat: true
	// apple: F1 0.91 at threshold 0.620 over 60 images
	// pear: F1 0.84 at threshold 0.035 over 40 images
	// evaluation: summary: AggregatedEvaluationResults.F1Score: it is a string, not a number
}

func ExampleSummary_Thresholds() {
	s, err := evaluation.ParseSummary(strings.NewReader(summaryFile))
	if err != nil {
		log.Fatal(err)
	}
	th := s.Thresholds()
	// Call DetectCustomLabels with MinConfidence th.Min(), then hold each
	// label to its own threshold.
	fmt.Printf("MinConfidence %.1f\n", th.Min())
	detected := []struct {
		Name       string
		Confidence float32
	}{{"apple", 71.5}, {"apple", 40.2}, {"pear", 12.9}}
	for _, l := range detected {
		fmt.Printf("%s %.1f: keep %v\n", l.Name, l.Confidence, th.Keep(l.Name, l.Confidence))
	}
	// Output:
	// MinConfidence 3.5
	// apple 71.5: keep true
	// apple 40.2: keep false
	// pear 12.9: keep true
}

func ExampleCompare() {
	base, err := evaluation.ParseSummary(strings.NewReader(summaryFile))
	if err != nil {
		log.Fatal(err)
	}
	// A retrained version, with a third label.
	candidate := *base
	candidate.AggregatedEvaluationResults.F1Score = 0.9
	candidate.LabelEvaluationResults = []evaluation.LabelEvaluationResult{
		{Label: "apple", Metrics: evaluation.LabelMetrics{F1Score: 0.95, Threshold: 0.5}},
		{Label: "plum", Metrics: evaluation.LabelMetrics{F1Score: 0.7, Threshold: 0.4}},
	}
	c := evaluation.Compare(base, &candidate)
	fmt.Printf("F1 %+.2f, better by more than 0.01: %v\n", c.F1Score.Delta(), c.Better(0.01))
	for _, l := range c.Labels {
		switch {
		case !l.InBase:
			fmt.Printf("%s: new, F1 %.2f\n", l.Label, l.F1Score.Candidate)
		case !l.InCandidate:
			fmt.Printf("%s: gone\n", l.Label)
		default:
			fmt.Printf("%s: F1 %+.2f\n", l.Label, l.F1Score.Delta())
		}
	}
	// Output:
	// F1 +0.02, better by more than 0.01: true
	// apple: F1 +0.04
	// pear: gone
	// plum: new, F1 0.70
}

func ExampleSummary_WriteTo() {
	s := evaluation.Summary{
		Version: 1,
		EvaluationDetails: evaluation.EvaluationDetails{
			ProjectVersionArn:      "arn:aws:rekognition:us-east-1:111122223333:project/orchard/version/v2/1718900000000",
			EvaluationEndTimestamp: time.Date(2024, 6, 21, 9, 0, 0, 0, time.UTC),
			Labels:                 []string{"apple", "pear"},
			NumberOfTrainingImages: 400, NumberOfTestingImages: 100,
		},
		AggregatedEvaluationResults: evaluation.Metrics{F1Score: 0.9, Precision: 0.92, Recall: 0.88},
		LabelEvaluationResults: []evaluation.LabelEvaluationResult{
			{Label: "pear", NumberOfTestingImages: 40, Metrics: evaluation.LabelMetrics{Threshold: 0.4, F1Score: 0.85, Precision: 0.9, Recall: 0.8}},
			{Label: "apple", NumberOfTestingImages: 60, Metrics: evaluation.LabelMetrics{Threshold: 0.6, F1Score: 0.93, Precision: 0.93, Recall: 0.93}},
		},
	}
	s.SortLabels() // by F1 score, as the service writes them
	if _, err := s.WriteTo(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {"Version":1,"EvaluationDetails":{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:111122223333:project/orchard/version/v2/1718900000000","EvaluationEndTimestamp":"2024-06-21T09:00:00.000000","Labels":["apple","pear"],"NumberOfTrainingImages":400,"NumberOfTestingImages":100},"AggregatedEvaluationResults":{"Metrics":{"F1Score":0.9,"Precision":0.92,"Recall":0.88}},"LabelEvaluationResults":[{"Label":"apple","NumberOfTestingImages":60,"Metrics":{"Threshold":0.6,"F1Score":0.93,"Precision":0.93,"Recall":0.93}},{"Label":"pear","NumberOfTestingImages":40,"Metrics":{"Threshold":0.4,"F1Score":0.85,"Precision":0.9,"Recall":0.8}}]}
}

func ExampleParseManifestSummary() {
	// body is the S3 object at ManifestSummary.S3Object.
	body := strings.NewReader(`{"errors":[],"statistics":{
		"training":{"use_case":"IMAGE_LEVEL_LABELS","total_json_lines":50,"valid_json_lines":47,"invalid_json_lines":2,"ignored_json_lines":1,"error_json_line_indices":[7,31],"errors":[]},
		"testing":{"use_case":"IMAGE_LEVEL_LABELS","total_json_lines":10,"valid_json_lines":10,"invalid_json_lines":0,"ignored_json_lines":0,"error_json_line_indices":[],"errors":[]}}}`)
	s, err := evaluation.ParseManifestSummary(body)
	if err != nil {
		log.Fatal(err)
	}
	tr := s.Statistics.Training
	fmt.Println(tr.UseCase, tr.ValidJSONLines, "of", tr.TotalJSONLines, "lines used; errors on lines", tr.ErrorJSONLineIndices)
	// Output:
	// IMAGE_LEVEL_LABELS 47 of 50 lines used; errors on lines [7 31]
}

func ExampleNewDatasetStatistics() {
	// What training would write for a manifest, from its validation.
	m := `{"source-ref":"s3://orchard/1.jpg","fruit":0,"fruit-metadata":{"confidence":1,"class-name":"apple","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}
{"source-ref":"s3://orchard/2.jpg","fruit":0,"fruit-metadata":{"confidence":1,"class-name":"pear","human-annotated":"yes","creation-date":"2024-05-01T10:00:00","type":"groundtruth/image-classification"}}
{"source-ref":"s3://orchard/3.jpg","fruit":"pear"}`
	rep, err := manifest.Validate(strings.NewReader(m), manifest.Options{MaxProblems: -1})
	if err != nil {
		log.Fatal(err)
	}
	st, err := evaluation.NewDatasetStatistics(rep)
	if err != nil {
		log.Fatal(err)
	}
	out := evaluation.ManifestSummary{Statistics: evaluation.Statistics{Training: &st}}
	if _, err := out.WriteTo(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {"statistics":{"training":{"use_case":"IMAGE_LEVEL_LABELS","total_json_lines":3,"valid_json_lines":2,"invalid_json_lines":1,"ignored_json_lines":0,"error_json_line_indices":[3],"errors":[{"code":"ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST","message":"1 of 3 lines (33.3 %) are invalid; the service fails a manifest with more than 20 %"}]}},"errors":[]}
}
