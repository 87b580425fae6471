package customlabels

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// goldenRequest renders a request with the values that change from run to
// run (date, signature, invocation ID) replaced by placeholders.
func goldenRequest(r recorded) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %s\n", r.Method, r.Path)
	names := make([]string, 0, len(r.Header))
	for k := range r.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := strings.Join(r.Header[k], ",")
		switch k {
		case "X-Amz-Date":
			v = "<date>"
		case "Amz-Sdk-Invocation-Id":
			v = "<uuid>"
		case "User-Agent":
			v = "<user-agent>"
		case "Authorization":
			v = v[:strings.Index(v, "Signature=")] + "Signature=<signature>"
			v = strings.Replace(v, time.Now().UTC().Format("20060102"), "<day>", 1)
		case "X-Amz-Security-Token":
			v = "<session-token>"
		}
		fmt.Fprintf(&sb, "%s: %s\n", k, v)
	}
	fmt.Fprintf(&sb, "\n%s\n", r.Body)
	return sb.String()
}

func TestDescribeProjectsRequestGolden(t *testing.T) {
	tests := []struct {
		name  string
		input *DescribeProjectsInput
	}{
		{"nil", nil},
		{"empty", &DescribeProjectsInput{}},
		{"full", &DescribeProjectsInput{
			NextToken:    "tok/+=",
			MaxResults:   5,
			ProjectNames: []string{"my-project", "other_project.v2"},
			Features:     []CustomizationFeature{CustomizationFeatureCustomLabels, CustomizationFeatureContentModeration},
		}},
		{"token with escapes", &DescribeProjectsInput{NextToken: "a\"b\\c\u2028"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, nil)
			_, err := testClient(ts).DescribeProjects(context.Background(), tt.input)
			require.NoError(t, err)
			reqs := ts.Requests()
			require.Len(t, reqs, 1)
			assert.True(t, reqs[0].SignatureOK, "signature of DescribeProjects(%+v) does not verify", tt.input)
			got := goldenRequest(reqs[0])
			path := filepath.Join("testdata", "request_"+strings.ReplaceAll(tt.name, " ", "_")+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "golden file missing: run go test -run TestDescribeProjectsRequestGolden -update")
			assert.Equal(t, string(want), got, "request of DescribeProjects(%+v) (-want +got)", tt.input)
		})
	}
}

func TestDescribeProjectsEmptyInputBody(t *testing.T) {
	ts := newTestServer(t, nil)
	_, err := testClient(ts).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	r := ts.Requests()[0]
	assert.Equal(t, "{}", string(r.Body))
	assert.Equal(t, "2", r.Header.Get("Content-Length"))
	assert.Equal(t, "application/x-amz-json-1.1", r.Header.Get("Content-Type"))
	assert.Equal(t, "RekognitionService.DescribeProjects", r.Header.Get("X-Amz-Target"))
	assert.Equal(t, http.MethodPost, r.Method)
	assert.Equal(t, "/", r.Path)
}

func TestDescribeProjectsInputUnchanged(t *testing.T) {
	ts := newTestServer(t, nil)
	in := &DescribeProjectsInput{MaxResults: 3, ProjectNames: []string{"a"}, Features: []CustomizationFeature{"CUSTOM_LABELS"}}
	before := fmt.Sprintf("%#v", *in)
	_, err := testClient(ts).DescribeProjects(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, before, fmt.Sprintf("%#v", *in))
}

func TestDescribeProjectsValidation(t *testing.T) {
	long := strings.Repeat("t", MaxNextTokenLength+1)
	tests := []struct {
		name  string
		input DescribeProjectsInput
		field string
		rule  string
	}{
		{"MaxResults too big", DescribeProjectsInput{MaxResults: 500}, "MaxResults", "must be 1 to 100, got 500"},
		{"MaxResults 101", DescribeProjectsInput{MaxResults: 101}, "MaxResults", "must be 1 to 100, got 101"},
		{"MaxResults negative", DescribeProjectsInput{MaxResults: -1}, "MaxResults", "must be 1 to 100, got -1"},
		{"NextToken too long", DescribeProjectsInput{NextToken: long}, "NextToken", "at most 1024 characters, got 1025"},
		{"too many names", DescribeProjectsInput{ProjectNames: strings.Split("a,b,c,d,e,f,g,h,i,j,k", ",")}, "ProjectNames", "1 to 10 names, got 11"},
		{"empty name", DescribeProjectsInput{ProjectNames: []string{"ok", ""}}, "ProjectNames[1]", "1 to 255 characters, got 0"},
		{"long name", DescribeProjectsInput{ProjectNames: []string{strings.Repeat("n", 256)}}, "ProjectNames[0]", "1 to 255 characters, got 256"},
		{"name with space", DescribeProjectsInput{ProjectNames: []string{"my project"}}, "ProjectNames[0]", `only [a-zA-Z0-9_.-], got "my project"`},
		{"name with slash", DescribeProjectsInput{ProjectNames: []string{"a/b"}}, "ProjectNames[0]", "only [a-zA-Z0-9_.-]"},
		{"name unicode", DescribeProjectsInput{ProjectNames: []string{"projé"}}, "ProjectNames[0]", "only [a-zA-Z0-9_.-]"},
		{"too many features", DescribeProjectsInput{Features: []CustomizationFeature{"CUSTOM_LABELS", "CONTENT_MODERATION", "CUSTOM_LABELS"}}, "Features", "1 to 2 values, got 3"},
		{"duplicate feature", DescribeProjectsInput{Features: []CustomizationFeature{"CUSTOM_LABELS", "CUSTOM_LABELS"}}, "Features[1]", "duplicates CUSTOM_LABELS"},
		{"lower-case feature", DescribeProjectsInput{Features: []CustomizationFeature{"custom_labels"}}, "Features[0]", `got "custom_labels"`},
		{"empty feature", DescribeProjectsInput{Features: []CustomizationFeature{""}}, "Features[0]", "must be CONTENT_MODERATION or CUSTOM_LABELS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, nil)
			out, err := testClient(ts).DescribeProjects(context.Background(), &tt.input)
			require.Error(t, err)
			assert.Nil(t, out)
			var pe *InvalidParamError
			require.True(t, errors.As(err, &pe), "DescribeProjects(%s) error %v is not *InvalidParamError", tt.name, err)
			assert.Equal(t, tt.field, pe.Field)
			assert.Contains(t, pe.Rule, tt.rule)
			assert.Contains(t, err.Error(), "DescribeProjectsInput."+tt.field)
			var oe *smithy.OperationError
			require.True(t, errors.As(err, &oe))
			assert.Equal(t, "DescribeProjects", oe.OperationName)
			assert.Zero(t, ts.count.Load(), "no request may be sent for invalid input")
		})
	}
}

func TestDescribeProjectsValidInputsPass(t *testing.T) {
	ts := newTestServer(t, nil)
	c := testClient(ts)
	for _, in := range []DescribeProjectsInput{
		{MaxResults: 1}, {MaxResults: 100},
		{NextToken: strings.Repeat("t", MaxNextTokenLength)},
		{ProjectNames: strings.Split("a,b,c,d,e,f,g,h,i,j", ",")},
		{ProjectNames: []string{strings.Repeat("n", 255), "A-z_0.9"}},
		{Features: []CustomizationFeature{"SOME_FUTURE_FEATURE"}},
		{ProjectNames: []string{}, Features: []CustomizationFeature{}},
	} {
		_, err := c.DescribeProjects(context.Background(), &in)
		assert.NoError(t, err, "DescribeProjects(%+v)", in)
	}
	assert.EqualValues(t, 7, ts.count.Load())
	// Empty slices are unset: left out of the body.
	assert.Equal(t, "{}", string(ts.Requests()[6].Body))
}

func TestDescribeProjectsDecodesEveryField(t *testing.T) {
	const body = `{
	  "ProjectDescriptions": [
	    {
	      "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/p1/1700000000123",
	      "CreationTimestamp": 1.700000000123E9,
	      "Status": "CREATED",
	      "Feature": "CUSTOM_LABELS",
	      "AutoUpdate": "DISABLED",
	      "Datasets": [
	        {
	          "CreationTimestamp": 1600000000.1239,
	          "DatasetType": "TRAIN",
	          "DatasetArn": "arn:aws:rekognition:us-east-1:123456789012:project/p1/dataset/train/1600000000123",
	          "Status": "CREATE_COMPLETE",
	          "StatusMessage": "The dataset was created \u00e9",
	          "StatusMessageCode": "SUCCESS"
	        },
	        {"DatasetType": "TEST", "Status": "SOME_NEW_STATUS", "StatusMessageCode": null}
	      ]
	    },
	    {"ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/p2/1", "Status": "BRAND_NEW", "Feature": "CONTENT_MODERATION", "AutoUpdate": "ENABLED", "Datasets": [], "Unknown": {"nested": [1, {"x": null}]}}
	  ],
	  "NextToken": "next-page",
	  "SomethingNew": true
	}`
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, body) })
	out, err := testClient(ts).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	want := &DescribeProjectsOutput{
		NextToken: "next-page",
		RequestID: "req-1",
		ProjectDescriptions: []ProjectDescription{
			{
				ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/p1/1700000000123",
				CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 123000000, time.UTC),
				Status:            ProjectStatusCreated,
				Feature:           CustomizationFeatureCustomLabels,
				AutoUpdate:        ProjectAutoUpdateDisabled,
				Datasets: []DatasetMetadata{
					{
						CreationTimestamp: time.Date(2020, 9, 13, 12, 26, 40, 123900000, time.UTC),
						DatasetType:       DatasetTypeTrain,
						DatasetArn:        "arn:aws:rekognition:us-east-1:123456789012:project/p1/dataset/train/1600000000123",
						Status:            DatasetStatusCreateComplete,
						StatusMessage:     "The dataset was created é",
						StatusMessageCode: DatasetStatusMessageCodeSuccess,
					},
					{DatasetType: DatasetTypeTest, Status: "SOME_NEW_STATUS"},
				},
			},
			{
				ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/p2/1",
				Status:     "BRAND_NEW",
				Feature:    CustomizationFeatureContentModeration,
				AutoUpdate: ProjectAutoUpdateEnabled,
				Datasets:   []DatasetMetadata{},
			},
		},
	}
	assert.Equal(t, want, out)
}

func TestDescribeProjectsTimestampForms(t *testing.T) {
	tests := []struct {
		raw  string
		want time.Time
	}{
		{"1.700000000123E9", time.Date(2023, 11, 14, 22, 13, 20, 123000000, time.UTC)},
		{"1600000000.1239", time.Date(2020, 9, 13, 12, 26, 40, 123900000, time.UTC)},
		{"1.6000000001235E9", time.Date(2020, 9, 13, 12, 26, 40, 123500000, time.UTC)},
		{"1600000000", time.Date(2020, 9, 13, 12, 26, 40, 0, time.UTC)},
		{"1.6e9", time.Date(2020, 9, 13, 12, 26, 40, 0, time.UTC)},
		{"1600000000.123456789", time.Date(2020, 9, 13, 12, 26, 40, 123456789, time.UTC)},
		{"-1.5", time.Date(1969, 12, 31, 23, 59, 58, 500000000, time.UTC)},
		{"0", time.Unix(0, 0).UTC()},
		{"null", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				writeJSON(w, 200, `{"ProjectDescriptions":[{"CreationTimestamp":`+tt.raw+`}]}`)
			})
			out, err := testClient(ts).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			got := out.ProjectDescriptions[0].CreationTimestamp
			assert.True(t, got.Equal(tt.want), "CreationTimestamp %s decoded to %s, want %s", tt.raw, got.Format(time.RFC3339Nano), tt.want.Format(time.RFC3339Nano))
			if !tt.want.IsZero() {
				assert.Equal(t, time.UTC, got.Location())
			}
		})
	}
}

func TestDescribeProjectsBadBodies(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        string
		want        string
	}{
		{"not json", "text/plain", "hello", "invalid character"},
		{"html", "text/html", "<html><body>OK</body></html>", "invalid character"},
		{"array", "", `[]`, "cannot unmarshal array"},
		{"projects not a list", "", `{"ProjectDescriptions":{}}`, "cannot unmarshal object"},
		{"arn not a string", "", `{"ProjectDescriptions":[{"ProjectArn":5}]}`, "cannot unmarshal number"},
		{"timestamp as string", "", `{"ProjectDescriptions":[{"CreationTimestamp":"1700000000"}]}`, "timestamp"},
		{"timestamp iso string", "", `{"ProjectDescriptions":[{"CreationTimestamp":"2023-11-14T22:13:20Z"}]}`, "timestamp"},
		{"timestamp out of range", "", `{"ProjectDescriptions":[{"CreationTimestamp":1e300}]}`, "out of range"},
		{"dataset not object", "", `{"ProjectDescriptions":[{"Datasets":[1]}]}`, "cannot unmarshal number"},
		{"trailing garbage", "", `{"ProjectDescriptions":[]} x`, "invalid character"},
		{"token not string", "", `{"NextToken":1}`, "cannot unmarshal number"},
		{"token too long", "", `{"NextToken":"` + strings.Repeat("x", 1025) + `"}`, "NextToken has 1025 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if tt.contentType != "" {
					w.Header().Set("Content-Type", tt.contentType)
				}
				w.WriteHeader(200)
				_, _ = w.Write([]byte(tt.body))
			})
			out, err := testClient(ts).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out, "no partial output")
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), "StatusCode: 200")
			assert.Contains(t, err.Error(), "RequestID: req-1")
			var re *awshttp.ResponseError
			require.True(t, errors.As(err, &re))
			assert.Equal(t, 200, re.HTTPStatusCode())
			assert.Equal(t, "req-1", re.ServiceRequestID())
			var de *smithy.DeserializationError
			assert.True(t, errors.As(err, &de), "error %v is not a smithy.DeserializationError", err)
			assert.EqualValues(t, 1, ts.count.Load(), "a malformed complete body is not retried")
		})
	}
}

func TestDescribeProjectsTruncatedBodyRetried(t *testing.T) {
	for _, tt := range []struct{ name, first string }{
		{"empty", ""},
		{"cut json", `{"ProjectDescriptions":[{"ProjectArn":"arn:aws`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if n == 1 {
					writeJSON(w, 200, tt.first)
					return
				}
				writeJSON(w, 200, `{"ProjectDescriptions":[{"ProjectArn":"a"}]}`)
			})
			out, err := testClient(ts).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, out.ProjectDescriptions, 1)
			assert.EqualValues(t, 2, ts.count.Load())
		})
	}
}
