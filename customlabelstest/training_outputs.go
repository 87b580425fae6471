package customlabelstest

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// What a training writes to its OutputConfig, and where. The developer
// guide names the evaluation summary twice, differently:
// EvaluationSummary-PROJECT-VERSION.json (im-summary-file) and
// EvaluationResultSummary-PROJECT-VERSION.json, in the
// DescribeProjectVersions answer it shows (im-access-summary-evaluation-manifest),
// directly under the output prefix. The fake writes the second, the name
// an answer of the service carried. The guide names manifest_summary.json
// and the two validation manifests, but not where they go, nor the
// evaluation manifest snapshots at all: the fake writes them under
// PREFIX/PROJECT/VERSION/, so that versions sharing a prefix keep their
// own (assumed).
const (
	summaryFilePrefix      = "EvaluationResultSummary-"
	manifestSummaryFile    = "manifest_summary.json"
	trainingValidationFile = "training_manifest_with_validation.json"
	testingValidationFile  = "testing_manifest_with_validation.json"
	trainingSnapshotFile   = "training_manifest_snapshot.json"
	testingSnapshotFile    = "testing_manifest_snapshot.json"
	datasetTrainFile       = "datasets/train.manifest"
	datasetTestFile        = "datasets/test.manifest"
)

// outputs writes the files of one version to its OutputConfig.
type outputs struct {
	s       *Server
	ctx     context.Context
	bucket  string
	prefix  string // the output prefix, ending in "/" unless empty
	dir     string // prefix + PROJECT/VERSION/
	project string
	version string
	// failed is set once a write failed: the output bucket cannot be
	// written.
	failed bool
}

// newOutputs returns the writer of a version's files to oc. A non-empty
// S3KeyPrefix gets a "/" when it lacks one (assumed: the guide's example
// answer shows the summary under "test-output/").
func (s *Server) newOutputs(ctx context.Context, oc customlabels.OutputConfig, project, version string) *outputs {
	prefix := oc.S3KeyPrefix
	if prefix != "" && !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return &outputs{s: s, ctx: ctx, bucket: oc.S3Bucket, prefix: prefix,
		dir: prefix + project + "/" + version + "/", project: project, version: version}
}

// put writes data to the version's directory (or, with root, directly
// under the prefix) and returns its asset; after a failed write it writes
// nothing more.
func (o *outputs) put(name string, data []byte, contentType string, root bool) customlabels.Asset {
	key := o.dir + name
	if root {
		key = o.prefix + name
	}
	if !o.failed {
		if err := o.s.objects.putObject(o.ctx, o.bucket, key, data, contentType); err != nil {
			o.failed = true
		}
	}
	return customlabels.Asset{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: o.bucket, Name: key}}}
}

// bucketExists reports whether the output bucket exists, when the files
// go to the server's own S3. With WithS3Endpoint it reports true: a
// missing bucket there shows when the first write fails.
func (o *outputs) bucketExists() bool {
	if _, own := o.s.objects.(memoryObjects); !own {
		return true
	}
	o.s.mu.Lock()
	defer o.s.mu.Unlock()
	return o.s.s3.buckets[o.bucket] != nil
}

// writeSummary writes the evaluation summary and returns where.
func (o *outputs) writeSummary(s *evaluation.Summary) customlabels.S3Object {
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		o.failed = true // only a NaN metric fails, which the fake never makes
	}
	a := o.put(summaryFilePrefix+o.project+"-"+o.version+".json", b.Bytes(), "application/json", true)
	return a.GroundTruthManifest.S3Object
}

// writeManifestSummary writes manifest_summary.json of the statistics of
// the training and the test manifest (test may be nil, when the training
// manifest failed before a split) and the errors that span both, with the
// service's messages for the service's codes.
func (o *outputs) writeManifestSummary(train, test *trainingManifest, extra []manifest.Issue, cross []manifest.Problem) customlabels.S3Object {
	ms := evaluation.ManifestSummary{}
	stats := func(m *trainingManifest) *evaluation.DatasetStatistics {
		st, err := evaluation.NewDatasetStatistics(m.rep)
		if err != nil {
			return nil // the reports keep every problem (MaxProblems -1)
		}
		for i := range st.Errors {
			if msg, ok := contentMessages[st.Errors[i].Code]; ok {
				st.Errors[i].Message = msg
			}
		}
		return &st
	}
	ms.Statistics.Training = stats(train)
	if ms.Statistics.Training != nil {
		ms.Statistics.Training.Errors = append(ms.Statistics.Training.Errors, extra...)
	}
	if test != nil {
		ms.Statistics.Testing = stats(test)
	}
	for _, p := range cross {
		if msg, ok := contentMessages[p.Code]; ok && p.Tier == manifest.TierTraining {
			ms.Errors = append(ms.Errors, manifest.Issue{Code: p.Code, Message: msg})
		}
	}
	var b bytes.Buffer
	if _, err := ms.WriteTo(&b); err != nil {
		o.failed = true
	}
	return o.put(manifestSummaryFile, b.Bytes(), "application/json", false).GroundTruthManifest.S3Object
}

// Members of the evaluation manifest snapshot (im-evaluation-manifest-snapshot-api).
const (
	evaluationAttribute = "rekognition-custom-labels-evaluation"
	evaluationJob       = "rekognition-custom-labels-evaluation-job"
	evaluationDetails   = "rekognition-custom-labels-evaluation-details"
)

// testingSnapshot returns the evaluation manifest snapshot of the lines
// training tested with: each line as it was, with the model's prediction
// added as a label attribute, human-annotated "no", whose details say
// whether it is a true positive (its confidence reaches the label's
// assumed threshold). The guide puts a detection's details in each of
// its objects, which package manifest cannot write; the fake puts them in
// each annotation.
func testingSnapshot(m *trainedModel, test *trainingManifest, created string) []byte {
	var b bytes.Buffer
	w := manifest.NewWriter(&b)
	for _, l := range test.usedLines() {
		predicted := m.knownLabels(&l)
		var jobs []string
		for _, c := range l.Classifications {
			jobs = append(jobs, c.Attribute)
		}
		for _, d := range l.Detections {
			jobs = append(jobs, d.Attribute)
		}
		details := func(confidence float32, name string) manifest.Member {
			tp := float64(confidence) >= m.thresholds[name]
			v, _ := json.Marshal(map[string]any{
				"version": 1, "ground-truth-labelling-jobs": jobs, "is-present-in-ground-truth": true,
				"is-true-positive": tp, "is-true-negative": false, "is-false-positive": false, "is-false-negative": !tp,
			})
			return manifest.Member{Name: evaluationDetails, Value: v}
		}
		out := l
		if m.detection && len(predicted) > 0 {
			det := manifest.Detection{Attribute: evaluationAttribute, ClassMap: map[int]string{},
				HumanAnnotated: "no", CreationDate: created, JobName: evaluationJob}
			ids := map[string]int{}
			for _, d := range l.Detections {
				det.ImageSize = d.ImageSize
				break
			}
			for _, p := range predicted {
				id, ok := ids[p.Name]
				if !ok {
					id = len(ids)
					ids[p.Name], det.ClassMap[id] = id, p.Name
				}
				bb := p.Geometry.BoundingBox
				w, h := float64(det.ImageSize.Width), float64(det.ImageSize.Height)
				det.Annotations = append(det.Annotations, manifest.Annotation{ClassID: id, Confidence: fraction(p.Confidence),
					Left: pixels(bb.Left, w), Top: pixels(bb.Top, h), Width: pixels(bb.Width, w), Height: pixels(bb.Height, h),
					Unknown: []manifest.Member{details(p.Confidence, p.Name)}})
			}
			out.Detections = append(append([]manifest.Detection(nil), l.Detections...), det)
		} else {
			out.Classifications = append([]manifest.Classification(nil), l.Classifications...)
			for i, p := range predicted {
				out.Classifications = append(out.Classifications, manifest.Classification{
					Attribute: evaluationAttribute + "-" + strconv.Itoa(i), ClassID: i, ClassName: p.Name,
					Confidence: fraction(p.Confidence), HumanAnnotated: "no", CreationDate: created, JobName: evaluationJob,
					Unknown: []manifest.Member{details(p.Confidence, p.Name)},
				})
			}
		}
		_ = w.Write(out) // a line the package parsed writes back
	}
	_ = w.Flush()
	return b.Bytes()
}

// fraction returns a confidence of 0 to 100, to two decimals, as the
// fraction the manifest writes.
func fraction(percent float32) float64 { return math.Round(float64(percent)*100) / 10000 }

// pixels returns a ratio of an image's side in pixels, to two decimals.
func pixels(ratio float32, side float64) float64 { return math.Round(float64(ratio)*side*100) / 100 }
