package customlabelstest_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// These tests speak the wire protocol, signed POSTs with the operation's
// X-Amz-Target, so that what the fake answers is checked byte for byte,
// whatever a client makes of it.

// call posts body to operation op of srv, signed with srv's credentials.
func call(t *testing.T, srv *customlabelstest.Server, op, body string) rawResult {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService."+op)
	sign(t, req, []byte(body), signParams{})
	return do(t, srv, req)
}

// jsonBody marshals v for a request body.
func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// wireVersion is the part of a ProjectVersionDescription on the wire the
// tests read.
type wireVersion struct {
	ProjectVersionArn    string
	CreationTimestamp    json.Number
	Status               string
	StatusMessage        string
	MinInferenceUnits    int32
	MaxInferenceUnits    int32
	TrainingEndTimestamp json.Number
	EvaluationResult     struct{ F1Score float32 }
}

type versionsPage struct {
	ProjectVersionDescriptions []wireVersion
	NextToken                  string
}

// describeVersions calls DescribeProjectVersions with in and requires a
// success.
func describeVersions(t *testing.T, srv *customlabelstest.Server, in map[string]any) versionsPage {
	t.Helper()
	res := call(t, srv, "DescribeProjectVersions", jsonBody(t, in))
	require.Equal(t, http.StatusOK, res.status, "DescribeProjectVersions(%v): %s", in, res.body)
	var page versionsPage
	require.NoError(t, json.Unmarshal([]byte(res.body), &page), res.body)
	return page
}

// described returns version v of project p as DescribeProjectVersions
// shows it.
func described(t *testing.T, srv *customlabelstest.Server, p customlabels.ProjectDescription, v customlabels.ProjectVersionDescription) wireVersion {
	t.Helper()
	page := describeVersions(t, srv, map[string]any{"ProjectArn": p.ProjectArn, "VersionNames": []string{versionNameOf(v.ProjectVersionArn)}})
	require.Len(t, page.ProjectVersionDescriptions, 1)
	return page.ProjectVersionDescriptions[0]
}

// modeledError decodes a modeled exception and checks its shape: __type
// and Code are the code, Logref is set.
func modeledError(t *testing.T, res rawResult) (code, message string) {
	t.Helper()
	var b struct{ Type, Code, Logref, Message string }
	var raw map[string]string
	require.NoError(t, json.Unmarshal([]byte(res.body), &raw), res.body)
	b.Type, b.Code, b.Logref, b.Message = raw["__type"], raw["Code"], raw["Logref"], raw["Message"]
	require.Equal(t, b.Type, b.Code, res.body)
	require.NotEmpty(t, b.Logref, res.body)
	return b.Code, b.Message
}

func versionArns(page versionsPage) []string {
	out := make([]string, len(page.ProjectVersionDescriptions))
	for i, v := range page.ProjectVersionDescriptions {
		out[i] = v.ProjectVersionArn
	}
	return out
}

// testProject is a Custom Labels project named name.
func testProject(name string) customlabels.ProjectDescription {
	created := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	return customlabels.ProjectDescription{
		ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/" + name + "/" + strconv.FormatInt(created.UnixMilli(), 10),
		CreationTimestamp: created,
		Status:            customlabels.ProjectStatusCreated,
		Feature:           customlabels.CustomizationFeatureCustomLabels,
	}
}

// testVersion is a version named name of project p, created at created.
func testVersion(p customlabels.ProjectDescription, name string, created time.Time, status customlabels.ProjectVersionStatus) customlabels.ProjectVersionDescription {
	key := p.ProjectArn[:strings.LastIndex(p.ProjectArn, "/")]
	return customlabels.ProjectVersionDescription{
		ProjectVersionArn: key + "/version/" + name + "/" + strconv.FormatInt(created.UnixMilli(), 10),
		CreationTimestamp: created,
		Status:            status,
		Feature:           customlabels.CustomizationFeatureCustomLabels,
	}
}

func versionNameOf(versionArn string) string {
	_, rest, _ := strings.Cut(versionArn, "/version/")
	name, _, _ := strings.Cut(rest, "/")
	return name
}
