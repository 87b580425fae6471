package benchmarks

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"

	"github.com/rekognition-go/customlabels"
)

// versionsProject is the project whose page of versions the server sends.
const versionsProject = "arn:aws:rekognition:us-east-1:123456789012:project/bench/1600000000000"

// renderVersion writes version k with every member of the shape set, as
// the service writes a trained Custom Labels model.
func renderVersion(b *strings.Builder, k int) {
	asset := func(name string) string {
		return `{"GroundTruthManifest":{"S3Object":{"Bucket":"bench-bucket","Name":"manifests/` + name + `.manifest","Version":"v1"}}}`
	}
	fmt.Fprintf(b, `{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/bench/version/bench.2020-09-13T12.00.%05d/16000%08d",`, k, k)
	fmt.Fprintf(b, `"CreationTimestamp":%s,"MinInferenceUnits":1,"MaxInferenceUnits":4,"Status":"RUNNING","StatusMessage":"The model is running.",`, strconv.FormatFloat(float64(1600000000+k)+0.123, 'E', -1, 64))
	fmt.Fprintf(b, `"BillableTrainingTimeInSeconds":%d,"TrainingEndTimestamp":%s,`, 3000+k, strconv.FormatFloat(float64(1600003600+k)+0.5, 'E', -1, 64))
	b.WriteString(`"OutputConfig":{"S3Bucket":"bench-bucket","S3KeyPrefix":"output/"},`)
	b.WriteString(`"TrainingDataResult":{"Input":{"Assets":[` + asset("train") + `]},"Output":{"Assets":[` + asset("train-out") + `]},"Validation":{"Assets":[` + asset("validation") + `]}},`)
	b.WriteString(`"TestingDataResult":{"Input":{"Assets":[` + asset("test") + `],"AutoCreate":false},"Output":{"Assets":[` + asset("test-out") + `],"AutoCreate":true},"Validation":{"Assets":[` + asset("test-validation") + `]}},`)
	b.WriteString(`"EvaluationResult":{"F1Score":0.934,"Summary":{"S3Object":{"Bucket":"bench-bucket","Name":"evaluation/summary.json"}}},`)
	b.WriteString(`"ManifestSummary":{"S3Object":{"Bucket":"bench-bucket","Name":"manifests/summary.json"}},`)
	b.WriteString(`"KmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",`)
	b.WriteString(`"VersionDescription":"nightly build","Feature":"CUSTOM_LABELS"}`)
}

// newVersionsServer answers every DescribeProjectVersions request with the
// same page of n versions.
func newVersionsServer(tb testing.TB, n int) *httptest.Server {
	var b strings.Builder
	b.WriteString(`{"ProjectVersionDescriptions":[`)
	for k := 0; k < n; k++ {
		if k > 0 {
			b.WriteByte(',')
		}
		renderVersion(&b, k)
	}
	b.WriteString(`],"NextToken":"` + listToken(7) + `"}`)
	page := []byte(b.String())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Target") != "RekognitionService.DescribeProjectVersions" ||
			!strings.HasPrefix(r.Header.Get("Authorization"), authPrefix) {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		_, _ = r.Body.Read(make([]byte, 512))
		w.Header()["X-Amzn-Requestid"] = []string{requestID}
		w.Header()["Content-Type"] = []string{"application/x-amz-json-1.1"}
		w.Header()["Content-Length"] = []string{strconv.Itoa(len(page))}
		_, _ = w.Write(page)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// BenchmarkDescribeProjectVersions fetches a page of 100 fully described
// versions with each SDK; each call checks what it decoded, so that no
// library wins by doing less. Compare with benchstat -col /client.
func BenchmarkDescribeProjectVersions(b *testing.B) {
	srv := newVersionsServer(b, pageSize)
	ctx := context.Background()
	ours := customlabels.New(customlabels.Options{Region: region, BaseEndpoint: srv.URL,
		Credentials: newCredentials(), HTTPClient: newHTTPClient()})
	sdk := rekognition.New(rekognition.Options{Region: region, BaseEndpoint: aws.String(srv.URL),
		Credentials: newCredentials(), HTTPClient: newHTTPClient()})

	b.Run("case=Page100/client=customlabels", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			out, err := ours.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: versionsProject, MaxResults: pageSize})
			if err != nil {
				b.Fatal(err)
			}
			if len(out.ProjectVersionDescriptions) != pageSize || out.ProjectVersionDescriptions[pageSize-1].TestingDataResult.Output.Assets[0].GroundTruthManifest.S3Object.Version != "v1" {
				b.Fatalf("decoded %d versions", len(out.ProjectVersionDescriptions))
			}
		}
	})
	b.Run("case=Page100/client=sdk", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			out, err := sdk.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(versionsProject), MaxResults: aws.Int32(pageSize)})
			if err != nil {
				b.Fatal(err)
			}
			if len(out.ProjectVersionDescriptions) != pageSize || *out.ProjectVersionDescriptions[pageSize-1].TestingDataResult.Output.Assets[0].GroundTruthManifest.S3Object.Version != "v1" {
				b.Fatalf("decoded %d versions", len(out.ProjectVersionDescriptions))
			}
		}
	})
}

// Both clients decode the benchmark's page alike.
func TestVersionsClientsAgree(t *testing.T) {
	srv := newVersionsServer(t, 3)
	ctx := context.Background()
	ours := customlabels.New(customlabels.Options{Region: region, BaseEndpoint: srv.URL, Credentials: newCredentials()})
	sdk := rekognition.New(rekognition.Options{Region: region, BaseEndpoint: aws.String(srv.URL), Credentials: newCredentials()})
	o, err := ours.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: versionsProject})
	if err != nil {
		t.Fatal(err)
	}
	s, err := sdk.DescribeProjectVersions(ctx, &rekognition.DescribeProjectVersionsInput{ProjectArn: aws.String(versionsProject)})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.ProjectVersionDescriptions) != 3 || len(s.ProjectVersionDescriptions) != 3 {
		t.Fatalf("decoded %d and %d versions, want 3", len(o.ProjectVersionDescriptions), len(s.ProjectVersionDescriptions))
	}
	for i, v := range o.ProjectVersionDescriptions {
		w := s.ProjectVersionDescriptions[i]
		got := fmt.Sprint(v.ProjectVersionArn, v.CreationTimestamp.UnixMilli(), v.Status, v.MaxInferenceUnits, v.BillableTrainingTimeInSeconds,
			v.EvaluationResult.F1Score, v.TrainingDataResult.Validation.Assets[0].GroundTruthManifest.S3Object.Name, v.TestingDataResult.Output.AutoCreate, v.KmsKeyId)
		want := fmt.Sprint(*w.ProjectVersionArn, w.CreationTimestamp.UnixMilli(), w.Status, *w.MaxInferenceUnits, *w.BillableTrainingTimeInSeconds,
			*w.EvaluationResult.F1Score, *w.TrainingDataResult.Validation.Assets[0].GroundTruthManifest.S3Object.Name, w.TestingDataResult.Output.AutoCreate, *w.KmsKeyId)
		if got != want {
			t.Errorf("version %d: customlabels %s, sdk %s", i, got, want)
		}
	}
}
