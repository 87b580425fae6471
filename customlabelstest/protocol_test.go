package customlabelstest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func TestModelValidationOnTheServer(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	long := strings.Repeat("n", 256)
	token := strings.Repeat("t", 1025)
	cases := []struct {
		body, message string
	}{
		{`{"MaxResults":500}`, "1 validation error detected: Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"},
		{`{"MaxResults":0}`, "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{`{"MaxResults":-3}`, "1 validation error detected: Value '-3' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{`{"NextToken":"` + token + `"}`, "1 validation error detected: Value '" + token + "' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024"},
		{`{"ProjectNames":[]}`, "1 validation error detected: Value '[]' at 'projectNames' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{`{"ProjectNames":["a","b","c","d","e","f","g","h","i","j","k"]}`, "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'projectNames' failed to satisfy constraint: Member must have length less than or equal to 10"},
		{`{"ProjectNames":["ok","has space"]}`, "1 validation error detected: Value 'has space' at 'projectNames.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+"},
		{`{"ProjectNames":["` + long + `"]}`, "1 validation error detected: Value '" + long + "' at 'projectNames.1.member' failed to satisfy constraint: Member must have length less than or equal to 255"},
		{`{"ProjectNames":[""]}`, "2 validation errors detected: Value '' at 'projectNames.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'projectNames.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+"},
		{`{"Features":[]}`, "1 validation error detected: Value '[]' at 'features' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{`{"Features":["CUSTOM_LABELS","CONTENT_MODERATION","CUSTOM_LABELS"]}`, "1 validation error detected: Value '[CUSTOM_LABELS, CONTENT_MODERATION, CUSTOM_LABELS]' at 'features' failed to satisfy constraint: Member must have length less than or equal to 2"},
		{`{"Features":["BOGUS"]}`, "1 validation error detected: Value '[BOGUS]' at 'features' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [CONTENT_MODERATION, CUSTOM_LABELS]]"},
		{`{"MaxResults":101,"Features":["custom_labels"]}`, "2 validation errors detected: Value '[custom_labels]' at 'features' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [CONTENT_MODERATION, CUSTOM_LABELS]]; Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"},
	}
	for _, tc := range cases {
		t.Run(tc.body[:min(len(tc.body), 40)], func(t *testing.T) {
			res := rawCall(t, srv, tc.body, nil)
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, msg := errorBody(t, res.body)
			assert.Equal(t, "com.amazon.coral.validate#ValidationException", typ)
			assert.Equal(t, tc.message, msg)
			reqs := srv.Requests()
			assert.Equal(t, "ValidationException", reqs[len(reqs)-1].ErrorCode)
		})
	}
}

func TestValidInputsAccepted(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(4, 1)...))
	for _, body := range []string{
		``, `{}`, ` { } `,
		`{"MaxResults":1}`, `{"MaxResults":100}`, `{"MaxResults":2.0}`, `{"MaxResults":1e1}`,
		`{"NextToken":null,"MaxResults":null,"ProjectNames":null,"Features":null}`,
		`{"Features":["CUSTOM_LABELS","CUSTOM_LABELS"]}`,
		`{"ProjectNames":["` + strings.Repeat("a", 255) + `","a.b-c_D9"]}`,
		`{"UnknownMember":{"x":[1,2]},"maxresults":500}`, // unknown keys are ignored; keys match exactly
	} {
		res := rawCall(t, srv, body, nil)
		assert.Equal(t, http.StatusOK, res.status, "body %q: %s", body, res.body)
	}
	// 2.0 is read as 2.
	res := rawCall(t, srv, `{"MaxResults":2.0}`, nil)
	var out struct{ ProjectDescriptions []json.RawMessage }
	require.NoError(t, json.Unmarshal([]byte(res.body), &out))
	assert.Len(t, out.ProjectDescriptions, 2)
}

func TestSerializationErrors(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		body, message string
	}{
		{`not json`, "The request body must be a JSON object"},
		{`[]`, "The request body must be a JSON object"},
		{`null`, "The request body must be a JSON object, not null"},
		{`{"MaxResults":5`, "Malformed JSON request body"},
		{`{} {}`, "Malformed JSON request body"},
		{`{"MaxResults":"5"}`, "Expected an integer for MaxResults, got a string"},
		{`{"MaxResults":5.5}`, "Expected an integer for MaxResults, got 5.5"},
		{`{"MaxResults":10000000000}`, "Expected an integer for MaxResults, got 10000000000"},
		{`{"NextToken":5}`, "Expected a string for NextToken, got a number"},
		{`{"ProjectNames":"a"}`, "Expected a list of strings for ProjectNames, got a string"},
		{`{"ProjectNames":[1]}`, "Expected a string for ProjectNames member, got a number"},
		{`{"Features":{"a":1}}`, "Expected a list of strings for Features, got an object"},
		{`{"Features":[null]}`, "Expected a string for Features member, got null"},
	}
	for _, tc := range cases {
		t.Run(tc.body, func(t *testing.T) {
			res := rawCall(t, srv, tc.body, nil)
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, msg := errorBody(t, res.body)
			assert.Equal(t, "com.amazon.coral.service#SerializationException", typ)
			assert.Contains(t, msg, tc.message)
		})
	}
}

func TestRouting(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		name    string
		edit    func(*http.Request)
		typ     string
		message string
	}{
		{"other target", func(r *http.Request) { r.Header.Set("X-Amz-Target", "RekognitionService.ListCollections") },
			"com.amazon.coral.service#UnknownOperationException", "customlabelstest serves only RekognitionService."},
		{"target of another service", func(r *http.Request) { r.Header.Set("X-Amz-Target", "AmazonSQS.DescribeProjects") },
			"com.amazon.coral.service#UnknownOperationException", "customlabelstest serves only"},
		{"operation without prefix", func(r *http.Request) { r.Header.Set("X-Amz-Target", "DescribeProjects") },
			"com.amazon.coral.service#UnknownOperationException", "customlabelstest serves only"},
		{"no target", func(r *http.Request) { r.Header.Del("X-Amz-Target") },
			"com.amazon.coral.service#UnknownOperationException", "Missing X-Amz-Target header"},
		{"GET", func(r *http.Request) { r.Method = http.MethodGet },
			"com.amazon.coral.service#UnknownOperationException", "Only POST / is served; got GET /"},
		{"other path", func(r *http.Request) { r.URL.Path = "/2016-06-27/projects" },
			"com.amazon.coral.service#UnknownOperationException", "got POST /2016-06-27/projects"},
		{"JSON content type", func(r *http.Request) { r.Header.Set("Content-Type", "application/json") },
			"com.amazon.coral.service#SerializationException", "Content-Type must be application/x-amz-json-1.1, got 'application/json'"},
		{"no content type", func(r *http.Request) { r.Header.Del("Content-Type") },
			"com.amazon.coral.service#SerializationException", "Content-Type must be application/x-amz-json-1.1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := rawCall(t, srv, `{}`, tc.edit) // signed after the edit
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, msg := errorBody(t, res.body)
			assert.Equal(t, tc.typ, typ)
			assert.Contains(t, msg, tc.message)
			assert.Regexp(t, uuidPattern, res.header.Get("X-Amzn-Requestid"))
			assert.Equal(t, "application/x-amz-json-1.1", res.header.Get("Content-Type"))
		})
	}
	// A charset parameter is fine.
	res := rawCall(t, srv, `{}`, func(r *http.Request) { r.Header.Set("Content-Type", "application/x-amz-json-1.1; charset=utf-8") })
	assert.Equal(t, http.StatusOK, res.status, res.body)
}

func TestOversizedBody(t *testing.T) {
	srv := newServer(t)
	res := rawCall(t, srv, `{"NextToken":"`+strings.Repeat("x", 1<<20)+`"}`, nil)
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.status)
	typ, _ := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.service#SerializationException", typ)
}

// Our client's typed errors for the framework's namespaced codes.
func TestClientReadsFrameworkErrors(t *testing.T) {
	srv := newServer(t)
	_, err := srv.Client(noRetry, func(o *customlabels.Options) { o.Region = "us-west-2" }).DescribeProjects(t.Context(), nil)
	apiErr, status := apiError(t, err)
	assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode())
	assert.Equal(t, 400, status)
}
