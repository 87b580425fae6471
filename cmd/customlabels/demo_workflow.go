package main

import (
	"bytes"
	"hash/fnv"
	"math"
	"strings"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
)

// What the demo account keeps in S3 for the workflow's subcommands: the
// evaluation summary of each trained Custom Labels model, where
// DescribeProjectVersions says it is, so that evaluate --demo shows what
// a user gets.

// demoLabels returns the two labels a demo model finds, named after its
// project's subject ("shelf-finder-1": shelf-ok and shelf-defect), as
// demoModels answers DetectCustomLabels.
func demoLabels(v customlabels.ProjectVersionDescription) []string {
	subject := demoSubject(v.ProjectName())
	return []string{subject + "-ok", subject + "-defect"}
}

// demoSubject is a demo project's subject: its name without the kind and
// the number ("shelf-finder-1": shelf).
func demoSubject(project string) string {
	if i := strings.LastIndexByte(project, '-'); i > 0 {
		project = project[:i] // the number
	}
	if i := strings.LastIndexByte(project, '-'); i > 0 {
		project = project[:i] // the kind: finder, detector, ...
	}
	return project
}

// demoSummary returns the evaluation summary of a trained demo model: its
// overall F1 score is the one DescribeProjectVersions gives, its labels'
// metrics spread around it, the same on every run.
func demoSummary(v customlabels.ProjectVersionDescription) *evaluation.Summary {
	h := fnv.New64a()
	h.Write([]byte(v.ProjectVersionArn))
	seed := h.Sum64()
	next := func(n uint64) float64 { // 0 to n-1, from the seed
		seed = seed*6364136223846793005 + 1442695040888963407
		return float64((seed >> 33) % n)
	}
	f1 := float64(v.EvaluationResult.F1Score)
	s := &evaluation.Summary{
		Version: 1,
		EvaluationDetails: evaluation.EvaluationDetails{
			ProjectVersionArn:      v.ProjectVersionArn,
			EvaluationEndTimestamp: v.TrainingEndTimestamp,
			Labels:                 demoLabels(v),
			NumberOfTrainingImages: 80 + int(next(400)),
		},
	}
	s.EvaluationDetails.NumberOfTestingImages = s.EvaluationDetails.NumberOfTrainingImages / 4
	var precision, recall float64
	spread := (next(81) - 40) / 1000 // the labels are within 0.04 of the model
	for i, label := range demoLabels(v) {
		lf1 := clamp01(f1 + spread*float64(1-2*i))
		lp := clamp01(lf1 + (next(41)-20)/1000)
		lr := clamp01(lf1 * lp / math.Max(2*lp-lf1, 1e-9)) // F1 = 2PR/(P+R)
		images := s.EvaluationDetails.NumberOfTestingImages / 2
		if i == 1 {
			images = s.EvaluationDetails.NumberOfTestingImages - images
		}
		s.LabelEvaluationResults = append(s.LabelEvaluationResults, evaluation.LabelEvaluationResult{
			Label:                 label,
			NumberOfTestingImages: images,
			Metrics: evaluation.LabelMetrics{
				Threshold: round3(0.3 + next(500)/1000),
				F1Score:   round3(lf1), Precision: round3(lp), Recall: round3(lr),
			},
		})
		precision += lp / 2
		recall += lr / 2
	}
	s.AggregatedEvaluationResults = evaluation.Metrics{F1Score: round3(f1), Precision: round3(precision), Recall: round3(recall)}
	s.SortLabels()
	return s
}

func clamp01(f float64) float64 { return math.Min(math.Max(f, 0), 1) }

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// demoObjects returns the S3 objects of the demo account in d: the
// evaluation summary of each trained Custom Labels model.
func demoObjects(d customlabelstest.Data) []customlabelstest.Option {
	var opts []customlabelstest.Option
	for _, v := range d.ProjectVersions {
		o := v.EvaluationResult.Summary.S3Object
		if o.Bucket == "" || v.Feature == customlabels.CustomizationFeatureContentModeration {
			continue
		}
		var buf bytes.Buffer
		if _, err := demoSummary(v).WriteTo(&buf); err != nil {
			panic("demo summary of " + v.ProjectVersionArn + ": " + err.Error()) // the demo's own data
		}
		opts = append(opts, customlabelstest.WithS3Object(o.Bucket, o.Name, "", buf.Bytes()))
	}
	return opts
}
