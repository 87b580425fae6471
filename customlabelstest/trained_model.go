package customlabelstest

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// A model trained by the server (CreateProjectVersion) knows its data:
// its evaluation is computed from the data, and once RUNNING it answers
// DetectCustomLabels with the labels an image has in its training or test
// manifest, and for any other image with a deterministic choice among its
// labels. Nothing is learned: the numbers are derived from hashes of the
// data, so that the same data always gives the same model.

// trainedModel is what a version trained by the server knows. It is
// never changed once made, so copies of the version share it.
type trainedModel struct {
	// detection is set for an object detection model.
	detection bool
	// labels are the model's labels, sorted.
	labels []string
	// thresholds are each label's assumed threshold, 0 to 100.
	thresholds map[string]float64
	// byRef and byHash are the labels of the images of the manifests, by
	// "bucket/key" of their source-ref and by the SHA-256 of the image's
	// bytes in the server's S3 when it was trained.
	byRef  map[string][]customlabels.CustomLabel
	byHash map[[sha256.Size]byte][]customlabels.CustomLabel
	// summary is the evaluation summary, for copies of the version.
	summary evaluation.Summary
}

// labelMetrics are one label's made-up evaluation.
type labelMetrics struct {
	precision, recall, f1, threshold float64
}

// metricsOf returns a label's metrics from its name and its number of
// training and test images: precision 0.800 to 0.999, recall 0.750 to
// 0.999, F1 their harmonic mean and an assumed threshold of 0.300 to
// 0.799, each to three decimals.
func metricsOf(label string, trainImages, testImages int) labelMetrics {
	h := fnv.New64a()
	h.Write([]byte(label + "\x00" + strconv.Itoa(trainImages) + "\x00" + strconv.Itoa(testImages)))
	v := h.Sum64()
	m := labelMetrics{
		precision: round3(0.8 + float64(v%200)/1000),
		recall:    round3(0.75 + float64((v>>16)%250)/1000),
		threshold: round3(0.3 + float64((v>>32)%500)/1000),
	}
	m.f1 = round3(2 * m.precision * m.recall / (m.precision + m.recall))
	return m
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// newTrainedModel makes the model of a training whose training and test
// manifests are train and test, evaluated at end. images holds the bytes
// of the images of the manifests found in the server's S3, by source-ref.
func newTrainedModel(arn string, train, test *trainingManifest, end time.Time, images map[string][]byte) *trainedModel {
	m := &trainedModel{
		detection:  train.rep.UseCase == manifest.UseCaseObjectLocalization,
		thresholds: map[string]float64{},
		byRef:      map[string][]customlabels.CustomLabel{},
		byHash:     map[[sha256.Size]byte][]customlabels.CustomLabel{},
	}
	testImages := map[string]int{}
	for _, l := range test.rep.Labels {
		testImages[l.Name] = l.Images
	}
	s := evaluation.Summary{
		Version: 1,
		EvaluationDetails: evaluation.EvaluationDetails{
			ProjectVersionArn:      arn,
			EvaluationEndTimestamp: end.UTC(),
			NumberOfTrainingImages: train.rep.ValidLines,
			NumberOfTestingImages:  test.rep.ValidLines,
		},
	}
	var sumP, sumR, weights float64
	metrics := map[string]labelMetrics{}
	for _, l := range train.rep.Labels {
		lm := metricsOf(l.Name, l.Images, testImages[l.Name])
		metrics[l.Name] = lm
		m.labels = append(m.labels, l.Name)
		m.thresholds[l.Name] = lm.threshold * 100
		s.LabelEvaluationResults = append(s.LabelEvaluationResults, evaluation.LabelEvaluationResult{
			Label: l.Name, NumberOfTestingImages: testImages[l.Name],
			Metrics: evaluation.LabelMetrics{Threshold: lm.threshold, F1Score: lm.f1, Precision: lm.precision, Recall: lm.recall},
		})
		w := float64(max(testImages[l.Name], 1))
		sumP, sumR, weights = sumP+w*lm.precision, sumR+w*lm.recall, weights+w
	}
	s.EvaluationDetails.Labels = slices.Clone(m.labels)
	s.SortLabels()
	if weights > 0 {
		p, r := round3(sumP/weights), round3(sumR/weights)
		s.AggregatedEvaluationResults = evaluation.Metrics{Precision: p, Recall: r, F1Score: round3(2 * p * r / (p + r))}
	}
	if m.detection {
		ap, ar := s.AggregatedEvaluationResults.Precision, s.AggregatedEvaluationResults.Recall
		s.AggregatedEvaluationResults.AveragePrecision, s.AggregatedEvaluationResults.AverageRecall = &ap, &ar
	} else {
		// Each label's recall on the diagonal; what it misses goes to
		// the next label.
		for i, name := range m.labels {
			r := metrics[name].recall
			s.AggregatedEvaluationResults.ConfusionMatrix = append(s.AggregatedEvaluationResults.ConfusionMatrix,
				evaluation.ConfusionMatrixEntry{GroundTruthLabel: name, PredictedLabel: name, Value: r})
			if len(m.labels) > 1 {
				s.AggregatedEvaluationResults.ConfusionMatrix = append(s.AggregatedEvaluationResults.ConfusionMatrix,
					evaluation.ConfusionMatrixEntry{GroundTruthLabel: name, PredictedLabel: m.labels[(i+1)%len(m.labels)], Value: round3(1 - r)})
			}
		}
	}
	m.summary = s

	for _, tm := range []*trainingManifest{train, test} {
		for _, l := range tm.usedLines() {
			labels := m.knownLabels(&l)
			if len(labels) == 0 {
				continue
			}
			if bucket, key, ok := splitS3URI(l.SourceRef); ok {
				if _, dup := m.byRef[bucket+"/"+key]; !dup {
					m.byRef[bucket+"/"+key] = labels
				}
			}
			if data, ok := images[l.SourceRef]; ok {
				sum := sha256.Sum256(data)
				if _, dup := m.byHash[sum]; !dup {
					m.byHash[sum] = labels
				}
			}
		}
	}
	return m
}

// knownLabels returns the labels a line gives its image, of the model's
// kind, as DetectCustomLabels answers them for that image: each with a
// confidence of 95 to 99.99, and for a detection model each box, in
// ratios of the image's size.
func (m *trainedModel) knownLabels(l *manifest.Line) []customlabels.CustomLabel {
	var out []customlabels.CustomLabel
	conf := func(name string, i int) float32 {
		h := fnv.New32a()
		h.Write([]byte(l.SourceRef + "\x00" + name + "\x00" + strconv.Itoa(i)))
		return 95 + float32(h.Sum32()%500)/100
	}
	if !m.detection {
		for _, c := range l.Classifications {
			if _, ok := m.thresholds[c.ClassName]; ok && !slices.ContainsFunc(out, func(x customlabels.CustomLabel) bool { return x.Name == c.ClassName }) {
				out = append(out, customlabels.CustomLabel{Name: c.ClassName, Confidence: conf(c.ClassName, 0)})
			}
		}
		return out
	}
	for _, d := range l.Detections {
		w, h := float64(d.ImageSize.Width), float64(d.ImageSize.Height)
		if w <= 0 || h <= 0 {
			continue
		}
		for _, a := range d.Annotations {
			name, ok := d.ClassMap[a.ClassID]
			if _, known := m.thresholds[name]; !ok || !known {
				continue
			}
			out = append(out, customlabels.CustomLabel{Name: name, Confidence: conf(name, len(out)),
				Geometry: customlabels.Geometry{BoundingBox: customlabels.BoundingBox{
					Left: ratio(a.Left, w), Top: ratio(a.Top, h), Width: ratio(a.Width, w), Height: ratio(a.Height, h),
				}}})
		}
	}
	return out
}

// ratio returns v/size within 0 and 1, to four decimals.
func ratio(v, size float64) float32 {
	return float32(math.Round(min(max(v/size, 0), 1)*10000) / 10000)
}

// labelsFor answers DetectCustomLabels for image, which is the S3 object
// ref when one was named: the labels the manifests give the image, known
// by its S3 object or its bytes; else, for each of the model's labels, a
// confidence of 0 to 100 from the SHA-256 of the image and the label (and
// for a detection model a box from it). A label is kept when its
// confidence reaches minConfidence, or without one its assumed threshold;
// the labels come by confidence, highest first, then by name, at most
// maxResults when it is positive.
func (m *trainedModel) labelsFor(image []byte, ref customlabels.S3Object, minConfidence *float64, maxResults int64) []customlabels.CustomLabel {
	labels, known := m.byRef[ref.Bucket+"/"+ref.Name]
	sum := sha256.Sum256(image)
	if !known {
		labels, known = m.byHash[sum]
	}
	if !known {
		labels = m.guess(sum)
	}
	out := make([]customlabels.CustomLabel, 0, len(labels))
	for _, l := range labels {
		threshold := m.thresholds[l.Name]
		if minConfidence != nil {
			threshold = *minConfidence
		}
		if float64(l.Confidence) >= threshold {
			out = append(out, l)
		}
	}
	return topLabels(out, maxResults)
}

// guess returns the labels of an image the model was not trained on,
// from the image's SHA-256: each of the model's labels with a confidence
// of 0 to 100, and for a detection model a box.
func (m *trainedModel) guess(sum [sha256.Size]byte) []customlabels.CustomLabel {
	out := make([]customlabels.CustomLabel, len(m.labels))
	for i, name := range m.labels {
		h := sha256.New()
		h.Write(sum[:])
		h.Write([]byte(name))
		v := h.Sum(nil)
		out[i] = customlabels.CustomLabel{Name: name, Confidence: float32(binary.BigEndian.Uint32(v)%10001) / 100}
		if m.detection {
			left, top := float64(binary.BigEndian.Uint16(v[4:])%5000)/10000, float64(binary.BigEndian.Uint16(v[6:])%5000)/10000
			width, height := 0.1+float64(binary.BigEndian.Uint16(v[8:])%4000)/10000, 0.1+float64(binary.BigEndian.Uint16(v[10:])%4000)/10000
			out[i].Geometry.BoundingBox = customlabels.BoundingBox{
				Left: float32(left), Top: float32(top), Width: float32(width), Height: float32(height),
			}
		}
	}
	return out
}
