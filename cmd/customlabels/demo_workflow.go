package main

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// What the demo account keeps in S3 for the workflow's subcommands: the
// evaluation summary of each trained Custom Labels model, where
// DescribeProjectVersions says it is, so that evaluate --demo shows what
// a user gets; and in the bucket demoBucket, images of two labels and
// the manifests of a training and a test dataset of them, so that train
// --demo trains a model (shelf-finder-1 and leaf-detector-7 have no
// datasets yet):
//
//	customlabels train --demo shelf-finder-1 --version v2 --output-config s3://customlabels-demo-datasets/output \
//	    --train s3://customlabels-demo-datasets/train.manifest --test s3://customlabels-demo-datasets/test.manifest --wait

// The demo's training data.
const (
	demoBucket     = "customlabels-demo-datasets"
	demoTrainCount = 10 // images of each label in the training dataset
	demoTestCount  = 4  // and in the test dataset
)

// demoDataLabels are the labels of the demo's images.
var demoDataLabels = []string{"defect", "ok"}

// demoDatasetObjects returns the demo bucket's objects: PNG images of 64
// by 64 pixels under images/train/LABEL/ and images/test/LABEL/, and the
// manifests train.manifest and test.manifest that list them. They are
// made once per process: every Region's fake has the same, and a Region
// made later must not delay the listing of those made before (the demo's
// models start in seconds).
var demoDatasetObjects = sync.OnceValue(makeDemoDatasetObjects)

func makeDemoDatasetObjects() []customlabelstest.Option {
	var opts []customlabelstest.Option
	labeling := manifest.Labeling{CreationDate: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	for _, set := range []struct {
		name  string
		count int
	}{{"train", demoTrainCount}, {"test", demoTestCount}} {
		var buf bytes.Buffer
		w := manifest.NewWriter(&buf)
		for li, label := range demoDataLabels {
			for i := range set.count {
				key := fmt.Sprintf("images/%s/%s/%02d.png", set.name, label, i+1)
				opts = append(opts, customlabelstest.WithS3Object(demoBucket, key, "", demoImage(li, i, set.name == "test")))
				line, err := manifest.NewClassification("s3://"+demoBucket+"/"+key, []string{label}, labeling)
				if err == nil {
					err = w.Write(line)
				}
				if err != nil {
					panic("demo manifest: " + err.Error()) // the demo's own data
				}
			}
		}
		if err := w.Flush(); err != nil {
			panic("demo manifest: " + err.Error())
		}
		opts = append(opts, customlabelstest.WithS3Object(demoBucket, set.name+".manifest", "", buf.Bytes()))
	}
	return opts
}

// demoImage draws image i of label li: a 64 by 64 pixel PNG, a gradient
// whose colour says the label and whose angle says the image.
func demoImage(li, i int, test bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	shift := i * 7
	if test {
		shift += 3
	}
	for y := range 64 {
		for x := range 64 {
			v := uint8((x*(i+1) + y*(7-i%7) + shift) * 2)
			c := color.RGBA{v, 255 - v, 40, 255} // defect: red to green
			if li == 1 {
				c = color.RGBA{40, v, 255 - v, 255} // ok: green to blue
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic("demo image: " + err.Error())
	}
	return buf.Bytes()
}

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
