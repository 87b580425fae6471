package customlabelstest_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
	"github.com/rekognition-go/customlabels/evaluation"
	"github.com/rekognition-go/customlabels/manifest"
)

// errorCode returns the code of the API error err holds, "" for none.
func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestCreateProjectVersionRefusals(t *testing.T) {
	withDatasets := testProject("with-datasets")
	withDatasets.Datasets = []customlabels.DatasetMetadata{{DatasetType: customlabels.DatasetTypeTrain,
		DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/with-datasets/dataset/train/1", Status: customlabels.DatasetStatusCreateComplete}}
	onlyTest := testProject("only-test")
	onlyTest.Datasets = []customlabels.DatasetMetadata{{DatasetType: customlabels.DatasetTypeTest,
		DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/only-test/dataset/test/1", Status: customlabels.DatasetStatusCreateComplete}}
	creating := testProject("creating")
	creating.Status = customlabels.ProjectStatusCreating
	srv := trainingServer(t, customlabelstest.WithProjects(withDatasets, onlyTest, creating))
	c := srv.Client(noRetry)
	ctx := context.Background()
	p := newProject(t, c, "plain")
	train := putManifest(srv, "train.manifest", manifestBytes(t, classified(t, 0, 10, "a", "b")))
	test := putManifest(srv, "test.manifest", manifestBytes(t, classified(t, 10, 14, "a", "b")))
	_, err := c.CreateProjectVersion(ctx, trainingInput(p, "taken", train, test))
	require.NoError(t, err)

	// The client checks that TrainingData and TestingData come together;
	// the fake refuses what other clients send.
	t.Run("one of TrainingData and TestingData", func(t *testing.T) {
		for _, body := range []map[string]any{
			{"TrainingData": map[string]any{"Assets": []any{map[string]any{"GroundTruthManifest": map[string]any{
				"S3Object": map[string]string{"Bucket": manifestsBucket, "Name": "train.manifest"}}}}}},
			{"TestingData": map[string]any{"AutoCreate": true}},
		} {
			body["ProjectArn"], body["VersionName"], body["OutputConfig"] = p, "v", map[string]string{"S3Bucket": resultsBucket}
			res := call(t, srv, "CreateProjectVersion", jsonBody(t, body))
			require.Equal(t, http.StatusBadRequest, res.status, res.body)
			code, msg := modeledError(t, res)
			assert.Equal(t, "InvalidParameterException", code)
			assert.Contains(t, msg, "is required with")
		}
	})

	in := func(project, name string, edit func(*customlabels.CreateProjectVersionInput)) *customlabels.CreateProjectVersionInput {
		v := trainingInput(project, name, train, test)
		if edit != nil {
			edit(v)
		}
		return v
	}
	noData := func(v *customlabels.CreateProjectVersionInput) {
		v.TrainingData, v.TestingData = customlabels.TrainingData{}, customlabels.TestingData{}
	}
	for _, tt := range []struct {
		name string
		in   *customlabels.CreateProjectVersionInput
		code string
		msg  string
	}{
		{"unknown project", in("arn:aws:rekognition:us-east-1:123456789012:project/nope/1", "v", nil), "ResourceNotFoundException", "does not exist"},
		{"name taken", in(p, "taken", nil), "ResourceInUseException", "already has a version named taken"},
		{"FeatureConfig of adapters", in(p, "v", func(v *customlabels.CreateProjectVersionInput) {
			v.FeatureConfig.ContentModeration.ConfidenceThreshold = 50
		}), "InvalidParameterException", "applies only to CONTENT_MODERATION projects"},
		{"manifests with datasets", in(withDatasets.ProjectArn, "v", nil), "InvalidParameterException", "has datasets"},
		{"neither manifests nor datasets", in(p, "v", noData), "InvalidParameterException", "has no datasets"},
		{"no TRAIN dataset", in(onlyTest.ProjectArn, "v", noData), "InvalidParameterException", "has no TRAIN dataset"},
		{"Assets and AutoCreate", in(p, "v", func(v *customlabels.CreateProjectVersionInput) { v.TestingData.AutoCreate = true }),
			"InvalidParameterException", "either Assets or AutoCreate"},
		{"project CREATING", in(creating.ProjectArn, "v", nil), "ResourceInUseException", "is CREATING"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.CreateProjectVersion(ctx, tt.in)
			require.Error(t, err)
			assert.Equal(t, tt.code, errorCode(err), "%v", err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	// Nothing refused made a version.
	out, err := c.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: p})
	require.NoError(t, err)
	assert.Len(t, out.ProjectVersionDescriptions, 1)
}

func TestTrainingCompletesWithItsEvaluation(t *testing.T) {
	srv := trainingServer(t)
	c := srv.Client()
	ctx := context.Background()
	p := newProject(t, c, "shelf")
	putImages(srv, 0, 40)
	trainAsset := putManifest(srv, "train.manifest", manifestBytes(t, classified(t, 0, 30, "cereal", "soup", "tea")))
	testAsset := putManifest(srv, "test.manifest", manifestBytes(t, classified(t, 30, 40, "cereal", "soup", "tea")))
	in := trainingInput(p, "v1", trainAsset, testAsset)
	in.VersionDescription = "first"
	in.Tags = map[string]string{"team": "vision"}
	out, err := c.CreateProjectVersion(ctx, in)
	require.NoError(t, err)
	a, err := customlabels.ParseARN(out.ProjectVersionArn)
	require.NoError(t, err)
	assert.Equal(t, "shelf", a.ProjectName)
	assert.Equal(t, "v1", a.VersionName)

	v := versionNamed(t, c, p, "v1")
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingInProgress, v.Status)
	assert.Zero(t, v.EvaluationResult)
	srv.Advance(trainingTime - time.Second)
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingInProgress, versionNamed(t, c, p, "v1").Status)
	srv.Advance(time.Second)
	v = versionNamed(t, c, p, "v1")
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status, v.StatusMessage)

	assert.Equal(t, "first", v.VersionDescription)
	assert.Equal(t, in.OutputConfig, v.OutputConfig)
	assert.Equal(t, v.CreationTimestamp.Add(trainingTime), v.TrainingEndTimestamp)
	assert.Equal(t, int64(trainingTime/time.Second), v.BillableTrainingTimeInSeconds)
	assert.Equal(t, in.TrainingData, v.TrainingDataResult.Input)
	assert.Equal(t, in.TestingData, v.TestingDataResult.Input)
	// The summary is where the guide's example answer puts it; the other
	// files under PREFIX/PROJECT/VERSION/.
	assert.Equal(t, customlabels.S3Object{Bucket: resultsBucket, Name: "out/EvaluationResultSummary-shelf-v1.json"}, v.EvaluationResult.Summary.S3Object)
	assert.Equal(t, "out/shelf/v1/manifest_summary.json", v.ManifestSummary.S3Object.Name)
	for _, a := range [][]customlabels.Asset{v.TrainingDataResult.Output.Assets, v.TrainingDataResult.Validation.Assets,
		v.TestingDataResult.Output.Assets, v.TestingDataResult.Validation.Assets} {
		require.Len(t, a, 1)
		o := a[0].GroundTruthManifest.S3Object
		assert.True(t, strings.HasPrefix(o.Name, "out/shelf/v1/"), o.Name)
		data, err := srv.S3Object(o.Bucket, o.Name)
		require.NoError(t, err, o.Name)
		lines := bytes.Count(data, []byte("\n"))
		if strings.Contains(o.Name, "training") {
			assert.Equal(t, 30, lines, o.Name)
		} else {
			assert.Equal(t, 10, lines, o.Name)
		}
	}

	s := summaryOf(t, srv, v)
	assert.Equal(t, out.ProjectVersionArn, s.EvaluationDetails.ProjectVersionArn)
	assert.Equal(t, []string{"cereal", "soup", "tea"}, s.EvaluationDetails.Labels)
	assert.Equal(t, 30, s.EvaluationDetails.NumberOfTrainingImages)
	assert.Equal(t, 10, s.EvaluationDetails.NumberOfTestingImages)
	assert.True(t, s.EvaluationDetails.EvaluationEndTimestamp.Equal(v.TrainingEndTimestamp))
	assert.InDelta(t, float64(v.EvaluationResult.F1Score), s.AggregatedEvaluationResults.F1Score, 1e-6)
	assert.Len(t, s.AggregatedEvaluationResults.ConfusionMatrix, 6, "a classification model's matrix")
	require.Len(t, s.LabelEvaluationResults, 3)
	tests := 0
	for i, l := range s.LabelEvaluationResults {
		m := l.Metrics
		assert.True(t, m.Precision >= 0.8 && m.Precision < 1 && m.Recall >= 0.75 && m.Recall < 1, "%+v", m)
		assert.InDelta(t, 2*m.Precision*m.Recall/(m.Precision+m.Recall), m.F1Score, 0.001, "%+v", m)
		assert.True(t, m.Threshold >= 0.3 && m.Threshold < 0.8, "%+v", m)
		if i > 0 {
			assert.GreaterOrEqual(t, s.LabelEvaluationResults[i-1].Metrics.F1Score, m.F1Score, "sorted by F1")
		}
		tests += l.NumberOfTestingImages
	}
	assert.Equal(t, 10, tests)

	ms := manifestSummaryOf(t, srv, v)
	require.NotNil(t, ms.Statistics.Training)
	require.NotNil(t, ms.Statistics.Testing)
	assert.Equal(t, manifest.UseCaseImageLevelLabels, ms.Statistics.Training.UseCase)
	assert.Equal(t, 30, ms.Statistics.Training.ValidJSONLines)
	assert.Equal(t, 10, ms.Statistics.Testing.ValidJSONLines)
	assert.Empty(t, ms.Errors)

	// The same data trains the same model: v2's numbers are v1's.
	v2 := trained(t, srv, p, "v2", classified(t, 0, 30, "cereal", "soup", "tea"), classified(t, 30, 40, "cereal", "soup", "tea"))
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v2.Status)
	assert.Equal(t, v.EvaluationResult.F1Score, v2.EvaluationResult.F1Score)
	s2 := summaryOf(t, srv, v2)
	assert.Equal(t, s.LabelEvaluationResults, s2.LabelEvaluationResults)
	assert.Equal(t, s.AggregatedEvaluationResults, s2.AggregatedEvaluationResults)
	// Other data, other numbers.
	v3 := trained(t, srv, p, "v3", classified(t, 0, 20, "cereal", "soup", "tea"), classified(t, 30, 40, "cereal", "soup", "tea"))
	assert.NotEqual(t, s.LabelEvaluationResults, summaryOf(t, srv, v3).LabelEvaluationResults)
}

func TestTrainingDetectionModel(t *testing.T) {
	srv := trainingServer(t)
	c := srv.Client()
	p := newProject(t, c, "boxes")
	v := trained(t, srv, p, "v1", detected(t, 0, 20, "cap", "ball"), detected(t, 20, 25, "cap", "ball"))
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status, v.StatusMessage)
	s := summaryOf(t, srv, v)
	agg := s.AggregatedEvaluationResults
	require.NotNil(t, agg.AveragePrecision, "a detection model's mAP")
	require.NotNil(t, agg.AverageRecall)
	assert.Empty(t, agg.ConfusionMatrix)
	ms := manifestSummaryOf(t, srv, v)
	assert.Equal(t, manifest.UseCaseObjectLocalization, ms.Statistics.Training.UseCase)

	// The test snapshot adds the model's boxes to each line, as the guide's
	// example does.
	o := v.TestingDataResult.Output.Assets[0].GroundTruthManifest.S3Object
	data, err := srv.S3Object(o.Bucket, o.Name)
	require.NoError(t, err)
	r := manifest.NewReader(bytes.NewReader(data))
	n := 0
	for l, err := range r.All() {
		require.NoError(t, err)
		require.Len(t, l.Detections, 2, "the ground truth and the evaluation")
		ev := l.Detections[1]
		assert.Equal(t, "rekognition-custom-labels-evaluation", ev.Attribute)
		assert.Equal(t, "no", ev.HumanAnnotated)
		require.Len(t, ev.Annotations, 1)
		assert.Equal(t, l.Detections[0].Annotations[0].Left, ev.Annotations[0].Left)
		assert.GreaterOrEqual(t, ev.Annotations[0].Confidence, 0.95)
		n++
	}
	assert.Equal(t, 5, n)
}

func TestTrainingSplitsTheTrainingData(t *testing.T) {
	srv := trainingServer(t)
	c := srv.Client()
	ctx := context.Background()
	p := newProject(t, c, "split")
	lines := classified(t, 0, 50, "a", "b")
	in := trainingInput(p, "v1", putManifest(srv, "all.manifest", manifestBytes(t, lines)), customlabels.Asset{})
	in.TestingData = customlabels.TestingData{AutoCreate: true}
	_, err := c.CreateProjectVersion(ctx, in)
	require.NoError(t, err)
	srv.Advance(trainingTime)
	v := versionNamed(t, c, p, "v1")
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status, v.StatusMessage)
	assert.Equal(t, customlabels.TestingData{AutoCreate: true}, v.TestingDataResult.Input)
	s := summaryOf(t, srv, v)
	assert.Equal(t, 40, s.EvaluationDetails.NumberOfTrainingImages, "four fifths")
	assert.Equal(t, 10, s.EvaluationDetails.NumberOfTestingImages, "a fifth of each label's images")
	for _, l := range s.LabelEvaluationResults {
		assert.Equal(t, 5, l.NumberOfTestingImages, l.Label)
	}

	// The same split every time.
	in.VersionName = "v2"
	_, err = c.CreateProjectVersion(ctx, in)
	require.NoError(t, err)
	srv.Advance(trainingTime)
	v2 := versionNamed(t, c, p, "v2")
	read := func(v customlabels.ProjectVersionDescription) []byte {
		o := v.TestingDataResult.Validation.Assets[0].GroundTruthManifest.S3Object
		data, err := srv.S3Object(o.Bucket, o.Name)
		require.NoError(t, err)
		return data
	}
	assert.Equal(t, read(v), read(v2))
}

func TestTrainingFailures(t *testing.T) {
	good := func(t *testing.T) []byte { return manifestBytes(t, classified(t, 0, 10, "a", "b")) }
	goodTest := func(t *testing.T) []byte { return manifestBytes(t, classified(t, 10, 14, "a", "b")) }
	for _, tt := range []struct {
		name string
		// train and test are the manifests; a nil test means AutoCreate.
		train, test func(t *testing.T) []byte
		// edit changes the input: keys, bucket.
		edit func(in *customlabels.CreateProjectVersionInput)
		msg  string
		// summary is set when the manifest summary is written and named,
		// with this error code in it.
		summary manifest.Code
	}{
		{name: "manifest missing", train: good, test: goodTest,
			edit: func(in *customlabels.CreateProjectVersionInput) {
				in.TrainingData.Assets[0] = asset(manifestsBucket, "nope.manifest")
			},
			msg: "The manifest file extension or contents are invalid."},
		{name: "manifest in no bucket", train: good, test: goodTest,
			edit: func(in *customlabels.CreateProjectVersionInput) {
				in.TestingData.Assets[0] = asset("no-bucket", "test.manifest")
			},
			msg: "The manifest file extension or contents are invalid."},
		{name: "no file extension", train: good, test: goodTest,
			edit: func(in *customlabels.CreateProjectVersionInput) {
				in.TrainingData.Assets[0] = asset(manifestsBucket, "train")
			},
			msg: "The manifest file extension or contents are invalid."},
		{name: "not JSON lines", train: func(*testing.T) []byte { return []byte("<html>\n<body>oops</body>\n") }, test: goodTest,
			msg: "The manifest file extension or contents are invalid."},
		{name: "empty", train: good, test: func(*testing.T) []byte { return []byte("\n\n") },
			msg: "The manifest file is empty."},
		{name: "output bucket missing", train: good, test: goodTest,
			edit: func(in *customlabels.CreateProjectVersionInput) { in.OutputConfig.S3Bucket = "no-such-bucket" },
			msg:  "Unable to write to output S3 bucket."},
		{name: "too few labels", train: func(t *testing.T) []byte { return manifestBytes(t, classified(t, 0, 10, "only")) },
			test: func(t *testing.T) []byte { return manifestBytes(t, classified(t, 10, 14, "only")) },
			msg:  "ERROR_MANIFEST_TOO_FEW_LABELS: The manifest file has too few labels.", summary: manifest.CodeManifestTooFewLabels},
		{name: "too many invalid rows", train: func(t *testing.T) []byte {
			return append(good(t), "not json\nnot json\nnot json\n"...)
		}, test: goodTest,
			msg: "ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST: The manifest file contains too many invalid rows.", summary: manifest.CodeTooManyInvalidRowsInManifest},
		{name: "images in several buckets", train: func(t *testing.T) []byte {
			lines := classified(t, 0, 10, "a", "b")
			lines[3].SourceRef = "s3://elsewhere/img.jpg"
			return manifestBytes(t, lines)
		}, test: goodTest,
			msg: "ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS: The manifest file contains images from multiple S3 buckets.", summary: manifest.CodeImagesInMultipleS3Buckets},
		{name: "label overlap", train: good, test: func(t *testing.T) []byte { return manifestBytes(t, classified(t, 10, 14, "x", "y")) },
			msg: "ERROR_INSUFFICIENT_LABEL_OVERLAP: Less than 50% label overlap between the training and testing manifest files.", summary: manifest.CodeInsufficientLabelOverlap},
		{name: "too few images to split", train: func(t *testing.T) []byte {
			return manifestBytes(t, append(classified(t, 0, 10, "a", "b"), classified(t, 10, 11, "rare")...))
		}, msg: "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT: The manifest file contains insufficient labeled images per label to perform auto-split.",
			summary: "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := trainingServer(t)
			c := srv.Client()
			p := newProject(t, c, "p")
			in := trainingInput(p, "v1", putManifest(srv, "train.manifest", tt.train(t)), customlabels.Asset{})
			if tt.test != nil {
				in.TestingData.Assets[0] = putManifest(srv, "test.manifest", tt.test(t))
			} else {
				in.TestingData = customlabels.TestingData{AutoCreate: true}
			}
			if tt.edit != nil {
				tt.edit(in)
			}
			_, err := c.CreateProjectVersion(context.Background(), in)
			require.NoError(t, err, "the data is checked when training, not when asked to")
			assert.Equal(t, customlabels.ProjectVersionStatusTrainingInProgress, versionNamed(t, c, p, "v1").Status)
			srv.Advance(trainingTime)
			v := versionNamed(t, c, p, "v1")
			assert.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, v.Status)
			assert.Equal(t, tt.msg, v.StatusMessage)
			assert.Zero(t, v.EvaluationResult, "no evaluation after a failure")
			assert.Zero(t, v.BillableTrainingTimeInSeconds, "a failed training is not billed")
			assert.Equal(t, in.TrainingData, v.TrainingDataResult.Input)
			if tt.summary == "" {
				assert.Zero(t, v.ManifestSummary, "no manifest summary after a file error")
				return
			}
			ms := manifestSummaryOf(t, srv, v)
			var codes []manifest.Code
			for _, e := range ms.Errors {
				codes = append(codes, e.Code)
			}
			for _, st := range []*evaluation.DatasetStatistics{ms.Statistics.Training, ms.Statistics.Testing} {
				if st != nil {
					for _, e := range st.Errors {
						codes = append(codes, e.Code)
					}
				}
			}
			assert.Contains(t, codes, tt.summary)
			require.Len(t, v.TrainingDataResult.Validation.Assets, 1)
			o := v.TrainingDataResult.Validation.Assets[0].GroundTruthManifest.S3Object
			_, err = srv.S3Object(o.Bucket, o.Name)
			assert.NoError(t, err, "the training validation manifest")
		})
	}
}

// A training's validation manifest has a line for each line of its
// manifest, with the service's errors on the lines that have them, and the
// manifest summary counts them.
func TestTrainingValidationManifest(t *testing.T) {
	srv := trainingServer(t)
	c := srv.Client()
	p := newProject(t, c, "p")
	lines := classified(t, 0, 12, "a", "b")
	data := manifestBytes(t, lines)
	data = append(data, "{\"no\":\"source-ref\"}\n"...)
	v := func() customlabels.ProjectVersionDescription {
		in := trainingInput(p, "v1", putManifest(srv, "train.manifest", data),
			putManifest(srv, "test.manifest", manifestBytes(t, classified(t, 20, 24, "a", "b"))))
		_, err := c.CreateProjectVersion(context.Background(), in)
		require.NoError(t, err)
		srv.Advance(trainingTime)
		return versionNamed(t, c, p, "v1")
	}()
	require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status, v.StatusMessage)
	ms := manifestSummaryOf(t, srv, v)
	assert.Equal(t, 13, ms.Statistics.Training.TotalJSONLines)
	assert.Equal(t, 12, ms.Statistics.Training.ValidJSONLines)
	assert.Equal(t, []int{13}, ms.Statistics.Training.ErrorJSONLineIndices)
	o := v.TrainingDataResult.Validation.Assets[0].GroundTruthManifest.S3Object
	validation, err := srv.S3Object(o.Bucket, o.Name)
	require.NoError(t, err)
	got := strings.Split(strings.TrimSuffix(string(validation), "\n"), "\n")
	require.Len(t, got, 13)
	last, err := manifest.ParseLine([]byte(got[12]))
	require.NoError(t, err)
	require.Len(t, last.Errors, 1)
	assert.Equal(t, manifest.CodeMissingSourceRef, last.Errors[0].Code)
	first, err := manifest.ParseLine([]byte(got[0]))
	require.NoError(t, err)
	assert.Empty(t, first.Errors)
	assert.Equal(t, imageRef(0), first.SourceRef)
}

func TestFailNextTraining(t *testing.T) {
	srv := trainingServer(t)
	c := srv.Client()
	p := newProject(t, c, "p")
	srv.FailNextTraining("Amazon Rekognition experienced a service issue. Try again later.")
	srv.FailNextTraining("")
	train, test := classified(t, 0, 10, "a", "b"), classified(t, 10, 14, "a", "b")
	v1 := trained(t, srv, p, "v1", train, test)
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, v1.Status)
	assert.Equal(t, "Amazon Rekognition experienced a service issue. Try again later.", v1.StatusMessage)
	assert.Zero(t, v1.EvaluationResult, "as after a service error: the files are not named")
	assert.Zero(t, v1.ManifestSummary)
	v2 := trained(t, srv, p, "v2", train, test)
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingFailed, v2.Status)
	assert.NotEmpty(t, v2.StatusMessage, "a typical message")
	v3 := trained(t, srv, p, "v3", train, test)
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v3.Status, "the queue is used up")

	// Through the control API, as tests in other languages do it; Reset
	// forgets what is pending.
	assert.Equal(t, true, ctlOK(t, srv, http.MethodPost, "failures", `{"Stage":"training","Message":"No."}`)["Applied"])
	v4 := trained(t, srv, p, "v4", train, test)
	assert.Equal(t, "No.", v4.StatusMessage)
	srv.FailNextTraining("pending")
	srv.Reset()
	c = srv.Client()
	p = newProject(t, c, "p")
	srv.PutS3Object(resultsBucket, "README", "", []byte("results"))
	assert.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, trained(t, srv, p, "v5", train, test).Status)

	// FailTraining of a version in progress still works for trained ones.
	in := trainingInput(p, "v6", putManifest(srv, "v6/train.manifest", manifestBytes(t, train)), putManifest(srv, "v6/test.manifest", manifestBytes(t, test)))
	out, err := c.CreateProjectVersion(context.Background(), in)
	require.NoError(t, err)
	require.True(t, srv.FailTraining(out.ProjectVersionArn, "stopped by the test"))
	srv.Advance(trainingTime)
	assert.Equal(t, "stopped by the test", versionNamed(t, c, p, "v6").StatusMessage)
}

// The placeholder of the datasets seam says no project has a dataset;
// until the datasets branch lands, a project with datasets cannot train
// from them, and says which it lacks.
func TestTrainingFromDatasetsNeedsATrainDataset(t *testing.T) {
	p := testProject("ds")
	p.Datasets = []customlabels.DatasetMetadata{{DatasetType: customlabels.DatasetTypeTrain,
		DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/ds/dataset/train/1"}}
	srv := trainingServer(t, customlabelstest.WithProjects(p))
	_, err := srv.Client(noRetry).CreateProjectVersion(context.Background(), &customlabels.CreateProjectVersionInput{
		ProjectArn: p.ProjectArn, VersionName: "v1", OutputConfig: customlabels.OutputConfig{S3Bucket: resultsBucket},
	})
	assert.Equal(t, "InvalidParameterException", errorCode(err), "%v", err)
}

// A manifest asset with a Version reads that version of the object.
func TestTrainingReadsTheManifestVersion(t *testing.T) {
	srv := trainingServer(t)
	c := srv.Client()
	p := newProject(t, c, "p")
	srv.PutS3Object(manifestsBucket, "train.manifest", "good", manifestBytes(t, classified(t, 0, 10, "a", "b")))
	srv.PutS3Object(manifestsBucket, "train.manifest", "one-label", manifestBytes(t, classified(t, 0, 10, "a")))
	test := putManifest(srv, "test.manifest", manifestBytes(t, classified(t, 10, 14, "a", "b")))
	for version, want := range map[string]customlabels.ProjectVersionStatus{
		"good": customlabels.ProjectVersionStatusTrainingCompleted,
		"":     customlabels.ProjectVersionStatusTrainingFailed, // the version put last
	} {
		name := "v-" + version
		train := asset(manifestsBucket, "train.manifest")
		train.GroundTruthManifest.S3Object.Version = version
		_, err := c.CreateProjectVersion(context.Background(), trainingInput(p, name, train, test))
		require.NoError(t, err)
		srv.Advance(trainingTime)
		assert.Equal(t, want, versionNamed(t, c, p, name).Status, "version %q", version)
	}
}

// A project's datasets train it: TRAIN and TEST made from manifests with
// CreateDataset, then CreateProjectVersion without manifests; and with
// TRAIN alone the test data is split off it. Manifests given for a
// project that has datasets are refused.
func TestTrainingFromDatasets(t *testing.T) {
	srv := trainingServer(t, customlabelstest.WithDatasetTime(time.Minute))
	c := srv.Client(noRetry)
	ctx := context.Background()
	putImages(srv, 0, 40)
	trainAsset := putManifest(srv, "train.manifest", manifestBytes(t, classified(t, 0, 30, "cereal", "soup", "tea")))
	testAsset := putManifest(srv, "test.manifest", manifestBytes(t, classified(t, 30, 40, "cereal", "soup", "tea")))

	for _, tc := range []struct {
		name      string
		test      bool // a TEST dataset too
		autoSplit bool
	}{{"both", true, false}, {"train only", false, true}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProject(t, c, strings.ReplaceAll(tc.name, " ", "-"))
			create := func(typ customlabels.DatasetType, a customlabels.Asset) {
				_, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: p, DatasetType: typ,
					DatasetSource: customlabels.DatasetSource{GroundTruthManifest: a.GroundTruthManifest}})
				require.NoError(t, err)
			}
			create(customlabels.DatasetTypeTrain, trainAsset)
			if tc.test {
				create(customlabels.DatasetTypeTest, testAsset)
			}
			srv.Advance(time.Minute) // the datasets are complete

			in := trainingInput(p, "v1", trainAsset, testAsset)
			_, err := c.CreateProjectVersion(ctx, in)
			assert.Equal(t, "InvalidParameterException", errorCode(err), "manifests for a project with datasets: %v", err)

			in.TrainingData, in.TestingData = customlabels.TrainingData{}, customlabels.TestingData{}
			_, err = c.CreateProjectVersion(ctx, in)
			require.NoError(t, err)
			srv.Advance(trainingTime)
			v := versionNamed(t, c, p, "v1")
			require.Equal(t, customlabels.ProjectVersionStatusTrainingCompleted, v.Status, v.StatusMessage)
			assert.NotZero(t, v.EvaluationResult.F1Score)
			assert.Equal(t, tc.autoSplit, v.TestingDataResult.Input.AutoCreate || v.TestingDataResult.Output.AutoCreate,
				"the test data is split off the training data when there is no TEST dataset")
			data, err := srv.S3Object(v.EvaluationResult.Summary.S3Object.Bucket, v.EvaluationResult.Summary.S3Object.Name)
			require.NoError(t, err)
			summary, err := evaluation.ParseSummary(bytes.NewReader(data))
			require.NoError(t, err)
			assert.Len(t, summary.LabelEvaluationResults, 3, "cereal, soup and tea")
		})
	}
}

// A TRAIN dataset still being made is busy: training waits for it.
func TestTrainingOnABusyDataset(t *testing.T) {
	srv := trainingServer(t, customlabelstest.WithDatasetTime(time.Minute))
	c := srv.Client(noRetry)
	ctx := context.Background()
	putImages(srv, 0, 40)
	trainAsset := putManifest(srv, "train.manifest", manifestBytes(t, classified(t, 0, 30, "cereal", "soup", "tea")))
	p := newProject(t, c, "busy")
	_, err := c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: p, DatasetType: customlabels.DatasetTypeTrain,
		DatasetSource: customlabels.DatasetSource{GroundTruthManifest: trainAsset.GroundTruthManifest}})
	require.NoError(t, err)
	in := trainingInput(p, "v1", trainAsset, trainAsset)
	in.TrainingData, in.TestingData = customlabels.TrainingData{}, customlabels.TestingData{}
	_, err = c.CreateProjectVersion(ctx, in)
	var inUse *customlabels.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Contains(t, inUse.Message, "is CREATE_IN_PROGRESS")
	srv.Advance(time.Minute)
	_, err = c.CreateProjectVersion(ctx, in)
	require.NoError(t, err)
}
