package customlabels

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference decoder of DescribeProjectVersionsOutput: encoding/json
// into wire structs that mirror the model's shapes, one field per member.
// Members are values, not pointers: encoding/json leaves a value unchanged
// on null, as the client's decoder does, where it would set a pointer to
// nil (lists are set to nil by both).

type refS3Object struct {
	Bucket  string `json:"Bucket"`
	Name    string `json:"Name"`
	Version string `json:"Version"`
}

type refGroundTruthManifest struct {
	S3Object refS3Object `json:"S3Object"`
}

type refAsset struct {
	GroundTruthManifest refGroundTruthManifest `json:"GroundTruthManifest"`
}

type refTrainingData struct {
	Assets []refAsset `json:"Assets"`
}

type refTestingData struct {
	Assets     []refAsset `json:"Assets"`
	AutoCreate bool       `json:"AutoCreate"`
}

type refValidationData struct {
	Assets []refAsset `json:"Assets"`
}

type refTrainingDataResult struct {
	Input      refTrainingData   `json:"Input"`
	Output     refTrainingData   `json:"Output"`
	Validation refValidationData `json:"Validation"`
}

type refTestingDataResult struct {
	Input      refTestingData    `json:"Input"`
	Output     refTestingData    `json:"Output"`
	Validation refValidationData `json:"Validation"`
}

type refSummary struct {
	S3Object refS3Object `json:"S3Object"`
}

type refEvaluationResult struct {
	F1Score float32    `json:"F1Score"`
	Summary refSummary `json:"Summary"`
}

type refOutputConfig struct {
	S3Bucket    string `json:"S3Bucket"`
	S3KeyPrefix string `json:"S3KeyPrefix"`
}

type refContentModerationConfig struct {
	ConfidenceThreshold float32 `json:"ConfidenceThreshold"`
}

type refFeatureConfig struct {
	ContentModeration refContentModerationConfig `json:"ContentModeration"`
}

// refVersion mirrors the model's ProjectVersionDescription: 19 members.
type refVersion struct {
	BaseModelVersion              string                 `json:"BaseModelVersion"`
	BillableTrainingTimeInSeconds int64                  `json:"BillableTrainingTimeInSeconds"`
	CreationTimestamp             refTimestamp           `json:"CreationTimestamp"`
	EvaluationResult              refEvaluationResult    `json:"EvaluationResult"`
	Feature                       string                 `json:"Feature"`
	FeatureConfig                 refFeatureConfig       `json:"FeatureConfig"`
	KmsKeyId                      string                 `json:"KmsKeyId"`
	ManifestSummary               refGroundTruthManifest `json:"ManifestSummary"`
	MaxInferenceUnits             int32                  `json:"MaxInferenceUnits"`
	MinInferenceUnits             int32                  `json:"MinInferenceUnits"`
	OutputConfig                  refOutputConfig        `json:"OutputConfig"`
	ProjectVersionArn             string                 `json:"ProjectVersionArn"`
	SourceProjectVersionArn       string                 `json:"SourceProjectVersionArn"`
	Status                        string                 `json:"Status"`
	StatusMessage                 string                 `json:"StatusMessage"`
	TestingDataResult             refTestingDataResult   `json:"TestingDataResult"`
	TrainingDataResult            refTrainingDataResult  `json:"TrainingDataResult"`
	TrainingEndTimestamp          refTimestamp           `json:"TrainingEndTimestamp"`
	VersionDescription            string                 `json:"VersionDescription"`
}

type refVersionsOutput struct {
	NextToken                  string       `json:"NextToken"`
	ProjectVersionDescriptions []refVersion `json:"ProjectVersionDescriptions"`
}

func (o refS3Object) value() S3Object { return S3Object(o) }

func (m refGroundTruthManifest) value() GroundTruthManifest {
	return GroundTruthManifest{S3Object: m.S3Object.value()}
}

func refAssets(as []refAsset) []Asset {
	if as == nil {
		return nil
	}
	out := make([]Asset, len(as))
	for i, a := range as {
		out[i] = Asset{GroundTruthManifest: a.GroundTruthManifest.value()}
	}
	return out
}

func (v refVersion) value() ProjectVersionDescription {
	return ProjectVersionDescription{
		BaseModelVersion:              v.BaseModelVersion,
		BillableTrainingTimeInSeconds: v.BillableTrainingTimeInSeconds,
		CreationTimestamp:             v.CreationTimestamp.t,
		EvaluationResult: EvaluationResult{
			F1Score: v.EvaluationResult.F1Score,
			Summary: Summary{S3Object: v.EvaluationResult.Summary.S3Object.value()},
		},
		Feature: CustomizationFeature(v.Feature),
		FeatureConfig: CustomizationFeatureConfig{ContentModeration: CustomizationFeatureContentModerationConfig{
			ConfidenceThreshold: v.FeatureConfig.ContentModeration.ConfidenceThreshold,
		}},
		KmsKeyId:                v.KmsKeyId,
		ManifestSummary:         v.ManifestSummary.value(),
		MaxInferenceUnits:       v.MaxInferenceUnits,
		MinInferenceUnits:       v.MinInferenceUnits,
		OutputConfig:            OutputConfig(v.OutputConfig),
		ProjectVersionArn:       v.ProjectVersionArn,
		SourceProjectVersionArn: v.SourceProjectVersionArn,
		Status:                  ProjectVersionStatus(v.Status),
		StatusMessage:           v.StatusMessage,
		TestingDataResult: TestingDataResult{
			Input:      TestingData{Assets: refAssets(v.TestingDataResult.Input.Assets), AutoCreate: v.TestingDataResult.Input.AutoCreate},
			Output:     TestingData{Assets: refAssets(v.TestingDataResult.Output.Assets), AutoCreate: v.TestingDataResult.Output.AutoCreate},
			Validation: ValidationData{Assets: refAssets(v.TestingDataResult.Validation.Assets)},
		},
		TrainingDataResult: TrainingDataResult{
			Input:      TrainingData{Assets: refAssets(v.TrainingDataResult.Input.Assets)},
			Output:     TrainingData{Assets: refAssets(v.TrainingDataResult.Output.Assets)},
			Validation: ValidationData{Assets: refAssets(v.TrainingDataResult.Validation.Assets)},
		},
		TrainingEndTimestamp: v.TrainingEndTimestamp.t,
		VersionDescription:   v.VersionDescription,
	}
}

func referenceDecodeVersions(data []byte) (*DescribeProjectVersionsOutput, error) {
	var w refVersionsOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(w.NextToken); n > MaxNextTokenLength {
		return nil, fmt.Errorf("response NextToken has %d characters, over the limit of %d", n, MaxNextTokenLength)
	}
	out := &DescribeProjectVersionsOutput{NextToken: w.NextToken}
	if w.ProjectVersionDescriptions != nil {
		out.ProjectVersionDescriptions = make([]ProjectVersionDescription, len(w.ProjectVersionDescriptions))
	}
	for i, v := range w.ProjectVersionDescriptions {
		out.ProjectVersionDescriptions[i] = v.value()
	}
	return out, nil
}

func decodeDescribeProjectVersionsOutput(data []byte) (*DescribeProjectVersionsOutput, error) {
	return decodeAs[DescribeProjectVersionsOutput](opDescribeProjectVersions, data)
}

// versionMemberNames are the member names of DescribeProjectVersions'
// output, at any level, for foldsToName.
var versionMemberNames = []string{
	"ProjectVersionDescriptions", "NextToken",
	"BaseModelVersion", "BillableTrainingTimeInSeconds", "CreationTimestamp", "EvaluationResult", "Feature",
	"FeatureConfig", "KmsKeyId", "ManifestSummary", "MaxInferenceUnits", "MinInferenceUnits", "OutputConfig",
	"ProjectVersionArn", "SourceProjectVersionArn", "Status", "StatusMessage", "TestingDataResult",
	"TrainingDataResult", "TrainingEndTimestamp", "VersionDescription",
	"F1Score", "Summary", "S3Object", "Bucket", "Name", "Version", "ContentModeration", "ConfidenceThreshold",
	"S3Bucket", "S3KeyPrefix", "Input", "Output", "Validation", "Assets", "AutoCreate", "GroundTruthManifest",
}

// checkVersionsSameAsReference decodes data with both decoders and fails
// unless both succeed with equal outputs or both fail, alike in whether
// the input was cut short, apart from the deliberate differences that
// decode.go lists.
func checkVersionsSameAsReference(t *testing.T, data []byte) {
	t.Helper()
	checkDecodeAgainst(t, data, decodeDescribeProjectVersionsOutput, referenceDecodeVersions, versionMemberNames)
}

func readFullVersionsResponse(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "response_DescribeProjectVersions_full.json"))
	require.NoError(t, err)
	return b
}

// fullVersionsPage is what testdata/response_DescribeProjectVersions_full.json
// holds: a version with every member, nested ones included, and a version
// with an unknown status and an unknown member.
func fullVersionsPage() *DescribeProjectVersionsOutput {
	const bucket = "custom-labels-console-us-east-1-1a2b3c4d5e"
	manifest := func(name, version string) Asset {
		return Asset{GroundTruthManifest: GroundTruthManifest{S3Object: S3Object{Bucket: bucket, Name: name, Version: version}}}
	}
	return &DescribeProjectVersionsOutput{
		NextToken: "AYADeHhY2lUNk5S/+=",
		ProjectVersionDescriptions: []ProjectVersionDescription{
			{
				ProjectVersionArn:             "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/birds.2023-01-02T10.11.12/1672654272123",
				CreationTimestamp:             time.Date(2023, 1, 2, 10, 11, 12, 123000000, time.UTC),
				MinInferenceUnits:             2,
				MaxInferenceUnits:             4,
				Status:                        ProjectVersionStatusRunning,
				StatusMessage:                 "The model is running.",
				BillableTrainingTimeInSeconds: 3781,
				TrainingEndTimestamp:          time.Date(2023, 1, 2, 11, 14, 13, 456000000, time.UTC),
				OutputConfig:                  OutputConfig{S3Bucket: bucket, S3KeyPrefix: "output/birds/"},
				TrainingDataResult: TrainingDataResult{
					Input:      TrainingData{Assets: []Asset{manifest("datasets/birds/train/manifest.json", "")}},
					Output:     TrainingData{Assets: []Asset{manifest("output/birds/train-output.manifest", "")}},
					Validation: ValidationData{Assets: []Asset{manifest("output/birds/TrainingValidation.json", "")}},
				},
				TestingDataResult: TestingDataResult{
					Input: TestingData{Assets: []Asset{}, AutoCreate: true},
					Output: TestingData{Assets: []Asset{
						manifest("datasets/birds/test/manifest.json", "v-test-1"),
						manifest("datasets/birds/test/manifest-2.json", ""),
					}, AutoCreate: true},
					Validation: ValidationData{Assets: []Asset{manifest("output/birds/TestingValidation.json", "")}},
				},
				EvaluationResult: EvaluationResult{F1Score: 0.947, Summary: Summary{S3Object: S3Object{
					Bucket: bucket, Name: "output/birds/EvaluationResultSummary-birds-v1.json", Version: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"}}},
				ManifestSummary:         GroundTruthManifest{S3Object: S3Object{Bucket: bucket, Name: "output/birds/ManifestSummary-birds-v1.json"}},
				KmsKeyId:                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
				SourceProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds-old/version/v0/1600000000000",
				VersionDescription:      "Retrained with the corrected test set (v2); 'final'?",
				Feature:                 CustomizationFeatureCustomLabels,
				BaseModelVersion:        "7.0",
				FeatureConfig:           CustomizationFeatureConfig{ContentModeration: CustomizationFeatureContentModerationConfig{ConfidenceThreshold: 55.5}},
			},
			{
				ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v0/1672600000000",
				CreationTimestamp: time.Date(2023, 1, 1, 19, 6, 40, 0, time.UTC),
				Status:            "HIBERNATING",
				StatusMessage:     "A status the service added after this package",
			},
		},
	}
}

// TestDescribeProjectVersionsDecodesFullVersion serves the golden
// response over HTTP and checks every member of the decoded versions.
func TestDescribeProjectVersionsDecodesFullVersion(t *testing.T) {
	body := readFullVersionsResponse(t)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, string(body)) })
	out, err := testClient(ts).DescribeProjectVersions(t.Context(), &DescribeProjectVersionsInput{ProjectArn: testProjectArn})
	require.NoError(t, err)
	want := fullVersionsPage()
	want.RequestID = "req-1"
	assert.Equal(t, want, out)
	assert.Equal(t, "birds", out.ProjectVersionDescriptions[0].ProjectName())
	assert.Equal(t, "birds.2023-01-02T10.11.12", out.ProjectVersionDescriptions[0].VersionName())
	checkVersionsSameAsReference(t, body)
}

// TestDecodeVersionsLikeEncodingJSON pins the cases where the nested
// shapes most easily part from encoding/json.
func TestDecodeVersionsLikeEncodingJSON(t *testing.T) {
	one := func(v ProjectVersionDescription) *DescribeProjectVersionsOutput {
		return &DescribeProjectVersionsOutput{ProjectVersionDescriptions: []ProjectVersionDescription{v}}
	}
	tests := []struct {
		name string
		body string
		want *DescribeProjectVersionsOutput // nil: an error
	}{
		{"empty object", `{}`, &DescribeProjectVersionsOutput{}},
		{"null element", `{"ProjectVersionDescriptions":[null]}`, one(ProjectVersionDescription{})},
		{"null nested members", `{"ProjectVersionDescriptions":[{"OutputConfig":null,"EvaluationResult":{"Summary":null,"F1Score":null},"TestingDataResult":{"Input":{"Assets":null,"AutoCreate":null}}}]}`,
			one(ProjectVersionDescription{})},
		{"null keeps a nested member", `{"ProjectVersionDescriptions":[{"OutputConfig":{"S3Bucket":"b"},"OutputConfig":null}]}`,
			one(ProjectVersionDescription{OutputConfig: OutputConfig{S3Bucket: "b"}})},
		{"repeated nested member decoded over the first", `{"ProjectVersionDescriptions":[{"OutputConfig":{"S3Bucket":"b"},"OutputConfig":{"S3KeyPrefix":"p"}}]}`,
			one(ProjectVersionDescription{OutputConfig: OutputConfig{S3Bucket: "b", S3KeyPrefix: "p"}})},
		{"repeated assets decoded over the first", `{"ProjectVersionDescriptions":[{"TrainingDataResult":{"Input":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"a","Name":"n"}}}],"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"b"}}}]}}}]}`,
			one(ProjectVersionDescription{TrainingDataResult: TrainingDataResult{Input: TrainingData{Assets: []Asset{{GroundTruthManifest: GroundTruthManifest{S3Object: S3Object{Bucket: "b", Name: "n"}}}}}}})},
		{"null assets clears", `{"ProjectVersionDescriptions":[{"TrainingDataResult":{"Input":{"Assets":[{}],"Assets":null}}}]}`, one(ProjectVersionDescription{})},
		{"numbers at their limits", `{"ProjectVersionDescriptions":[{"MinInferenceUnits":2147483647,"MaxInferenceUnits":-2147483648,"BillableTrainingTimeInSeconds":9223372036854775807,"EvaluationResult":{"F1Score":3.4028234e38},"FeatureConfig":{"ContentModeration":{"ConfidenceThreshold":-0}}}]}`,
			one(ProjectVersionDescription{MinInferenceUnits: 2147483647, MaxInferenceUnits: -2147483648, BillableTrainingTimeInSeconds: 9223372036854775807, EvaluationResult: EvaluationResult{F1Score: 3.4028234e38}})},
		{"unknown members in nested shapes", `{"ProjectVersionDescriptions":[{"OutputConfig":{"New":[{}]},"TestingDataResult":{"Input":{"Assets":[{"GroundTruthManifest":{"S3Object":{"Bucket":"b","X":1}},"Y":2}]}}}]}`,
			one(ProjectVersionDescription{TestingDataResult: TestingDataResult{Input: TestingData{Assets: []Asset{{GroundTruthManifest: GroundTruthManifest{S3Object: S3Object{Bucket: "b"}}}}}}})},

		{"int32 overflow", `{"ProjectVersionDescriptions":[{"MinInferenceUnits":2147483648}]}`, nil},
		{"int32 fraction", `{"ProjectVersionDescriptions":[{"MaxInferenceUnits":1.5}]}`, nil},
		{"int32 exponent", `{"ProjectVersionDescriptions":[{"MaxInferenceUnits":1e2}]}`, nil},
		{"int64 overflow", `{"ProjectVersionDescriptions":[{"BillableTrainingTimeInSeconds":9223372036854775808}]}`, nil},
		{"float32 overflow", `{"ProjectVersionDescriptions":[{"EvaluationResult":{"F1Score":3.5e38}}]}`, nil},
		{"bool as string", `{"ProjectVersionDescriptions":[{"TestingDataResult":{"Output":{"AutoCreate":"true"}}}]}`, nil},
		{"nested shape as list", `{"ProjectVersionDescriptions":[{"ManifestSummary":[]}]}`, nil},
		{"assets as object", `{"ProjectVersionDescriptions":[{"TrainingDataResult":{"Validation":{"Assets":{}}}}]}`, nil},
		{"timestamp string", `{"ProjectVersionDescriptions":[{"TrainingEndTimestamp":"1672658053"}]}`, nil},
		{"status as number", `{"ProjectVersionDescriptions":[{"Status":1}]}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeDescribeProjectVersionsOutput([]byte(tt.body))
			if tt.want == nil {
				require.Error(t, err, "decode(%s)", tt.body)
				assert.Nil(t, got, "no partial output")
			} else {
				require.NoError(t, err, "decode(%s)", tt.body)
				assert.Equal(t, tt.want, got, "decode(%s)", tt.body)
			}
			checkVersionsSameAsReference(t, []byte(tt.body))
		})
	}
}

// TestDecodeVersionsErrorPath checks that a decoding error names the
// member path down the nested shapes.
func TestDecodeVersionsErrorPath(t *testing.T) {
	_, err := decodeDescribeProjectVersionsOutput([]byte(`{"ProjectVersionDescriptions":[{},{"TestingDataResult":{"Output":{"Assets":[{},{"GroundTruthManifest":{"S3Object":{"Bucket":7}}}]}}}]}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ProjectVersionDescriptions[1].TestingDataResult.Output.Assets[1].GroundTruthManifest.S3Object.Bucket")
}

// TestDecodeVersionsTruncated cuts the full response at every byte: each
// prefix fails with io.ErrUnexpectedEOF, which the client retries.
func TestDecodeVersionsTruncated(t *testing.T) {
	page := readFullVersionsResponse(t)
	trimmed := strings.TrimSpace(string(page))
	for n := 1; n < len(trimmed); n++ {
		out, err := decodeDescribeProjectVersionsOutput([]byte(trimmed[:n]))
		if !errors.Is(err, io.ErrUnexpectedEOF) || out != nil {
			t.Fatalf("decode(page[:%d] = %q) = %v, %v; want io.ErrUnexpectedEOF", n, trimmed[:n], out, err)
		}
	}
}

// TestDecodeVersionsBoundsElements checks that the one element budget
// counts the nested assets too.
func TestDecodeVersionsBoundsElements(t *testing.T) {
	assets := strings.TrimSuffix(strings.Repeat(`{},`, maxDecodedElements), ",")
	body := []byte(`{"ProjectVersionDescriptions":[{"TrainingDataResult":{"Input":{"Assets":[` + assets + `]}}}]}`)
	out, err := decodeDescribeProjectVersionsOutput(body)
	var tooMany *tooManyError
	assert.True(t, errors.As(err, &tooMany), "decode = %v, want a tooManyError", err)
	assert.Nil(t, out)
}

// FuzzDecodeDescribeProjectVersionsOutput holds the decoder to
// encoding/json on any input, as FuzzDecodeDescribeProjectsOutput does for
// projects.
func FuzzDecodeDescribeProjectVersionsOutput(f *testing.F) {
	f.Add(readFullVersionsResponse(f))
	for _, s := range []string{
		``, ` `, `null`, `{}`, `[]`, `{"ProjectVersionDescriptions":[null,{}]}`,
		`{"ProjectVersionDescriptions":[{"MinInferenceUnits":1,"MaxInferenceUnits":-1,"BillableTrainingTimeInSeconds":-0,"EvaluationResult":{"F1Score":1e-46}}]}`,
		`{"ProjectVersionDescriptions":[{"OutputConfig":{"S3Bucket":"b"},"OutputConfig":null,"OutputConfig":{"S3KeyPrefix":"p"}}]}`,
		`{"ProjectVersionDescriptions":[{"TestingDataResult":{"Input":{"Assets":[{},{}],"AutoCreate":false},"Input":{"Assets":[{"GroundTruthManifest":null}]}}}]}`,
		`{"ProjectVersionDescriptions":[{"CreationTimestamp":1.5e9,"TrainingEndTimestamp":-1}],"ProjectVersionDescriptions":[{}]}`,
		`{"ProjectVersionDescriptions":[{"FeatureConfig":{"ContentModeration":{"ConfidenceThreshold":"5"}}}]}`,
		`{"projectversiondescriptions":[{"status":"RUNNING"}]}`,
		`{"ProjectVersionDescriptions":[{"Status":"NEW","Feature":"NEW"}],"NextToken":"\ud83d"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkVersionsSameAsReference(t, data)
	})
}
