package customlabelstest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// ctl sends one control API request over real HTTP, with a JSON body
// when body is not empty, and returns the status and the decoded answer.
func ctl(t *testing.T, srv *customlabelstest.Server, method, resource, body string) (int, map[string]any) {
	t.Helper()
	res := ctlRaw(t, srv, method, resource, body, nil)
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(res.body), &out), "%s %s: answer %q is not a JSON object", method, resource, res.body)
	assert.Equal(t, "application/json", res.header.Get("Content-Type"), "%s %s", method, resource)
	return res.status, out
}

func ctlRaw(t *testing.T, srv *customlabelstest.Server, method, resource, body string, edit func(*http.Request)) rawResult {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.ControlURL()+resource, r)
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if edit != nil {
		edit(req)
	}
	return do(t, srv, req)
}

// ctlOK sends a control request that must succeed.
func ctlOK(t *testing.T, srv *customlabelstest.Server, method, resource, body string) map[string]any {
	t.Helper()
	status, out := ctl(t, srv, method, resource, body)
	require.Equal(t, http.StatusOK, status, "%s %s %s = %v", method, resource, body, out)
	return out
}

func TestControlURL(t *testing.T) {
	srv := newServer(t)
	assert.Equal(t, srv.URL+"/_customlabels/", srv.ControlURL())
	assert.Equal(t, customlabelstest.ControlPath, strings.TrimPrefix(srv.ControlURL(), srv.URL))
}

func TestControlIndex(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{srv.ControlURL(), strings.TrimSuffix(srv.ControlURL(), "/")} {
		req, err := http.NewRequest(http.MethodGet, path, nil)
		require.NoError(t, err)
		res := do(t, srv, req)
		require.Equal(t, http.StatusOK, res.status, res.body)
		var out struct {
			Resources []struct {
				Path    string
				Methods []string
			}
		}
		require.NoError(t, json.Unmarshal([]byte(res.body), &out))
		got := map[string][]string{}
		for _, r := range out.Resources {
			got[r.Path] = r.Methods
		}
		assert.Equal(t, map[string][]string{
			"/_customlabels/advance":  {"GET", "POST"},
			"/_customlabels/clock":    {"GET", "PUT"},
			"/_customlabels/datasets": {"DELETE", "GET", "POST"},

			"/_customlabels/datasetfailures": {"POST"},
			"/_customlabels/failures":        {"POST"},
			"/_customlabels/faults":          {"DELETE", "GET", "POST"},
			"/_customlabels/models":          {"DELETE", "GET", "PUT"},
			"/_customlabels/projects":        {"DELETE", "GET", "POST"},
			"/_customlabels/s3objects":       {"DELETE", "GET", "POST"},
			"/_customlabels/requests":        {"DELETE", "GET"},
			"/_customlabels/reset":           {"POST"},
			"/_customlabels/throttle":        {"GET", "PUT"},
			"/_customlabels/versions":        {"DELETE", "GET", "POST"},
		}, got, "GET %s", path)
	}
}

var anyUUID = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// outcome describes how a server answered one signed DescribeProjects,
// without what differs between any two answers (dates, request IDs).
func outcome(t *testing.T, srv *customlabelstest.Server) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader("{}"))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	sign(t, req, []byte("{}"), signParams{})
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		return "transport error"
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Sprintf("%d, body error", resp.StatusCode)
	}
	var hs []string
	for k, v := range resp.Header {
		if k != "Date" && k != "X-Amzn-Requestid" {
			hs = append(hs, k+": "+strings.Join(v, ","))
		}
	}
	sort.Strings(hs)
	return fmt.Sprintf("%d\n%s\n%s", resp.StatusCode, strings.Join(hs, "\n"), anyUUID.ReplaceAllString(string(b), "UUID"))
}

// TestControlFaultsEveryKind queues each kind of fault through the control
// API and through the Go API on a twin server: both list it alike and
// answer a request alike.
func TestControlFaultsEveryKind(t *testing.T) {
	cases := []struct {
		name  string
		json  string
		fault customlabelstest.Fault
	}{
		{"exception", `{"Kind":"exception","Code":"ThrottlingException"}`,
			customlabelstest.Exception("ThrottlingException", 0, "")},
		{"exception with everything", `{"Kind":"exception","Code":"AccessDeniedException","Status":403,"Message":"no","CodeForm":"namespaced-suffixed","RetryAfter":"1500ms","Delay":"1ms"}`,
			customlabelstest.Exception("AccessDeniedException", 403, "no").WithCodeForm(customlabelstest.CodeNamespacedSuffixed).
				WithRetryAfter(1500 * time.Millisecond).WithDelay(time.Millisecond)},
		{"exception code member", `{"Kind":"exception","Code":"InternalServerError","CodeForm":"code-member"}`,
			customlabelstest.Exception("InternalServerError", 0, "").WithCodeForm(customlabelstest.CodeInCodeMember)},
		{"exception header only", `{"Kind":"exception","Code":"ThrottlingException","CodeForm":"header-only"}`,
			customlabelstest.Exception("ThrottlingException", 0, "").WithCodeForm(customlabelstest.CodeHeaderOnly)},
		{"exception header only, empty body", `{"Kind":"exception","Code":"ThrottlingException","CodeForm":"header-only-empty-body"}`,
			customlabelstest.Exception("ThrottlingException", 0, "").WithCodeForm(customlabelstest.CodeHeaderOnlyEmptyBody)},
		{"exception namespaced", `{"Kind":"exception","Code":"ThrottlingException","CodeForm":"namespaced"}`,
			customlabelstest.Exception("ThrottlingException", 0, "").WithCodeForm(customlabelstest.CodeNamespaced)},
		{"exception suffixed", `{"Kind":"exception","Code":"ThrottlingException","CodeForm":"suffixed"}`,
			customlabelstest.Exception("ThrottlingException", 0, "").WithCodeForm(customlabelstest.CodeSuffixed)},
		{"exception plain", `{"Kind":"exception","Code":"ThrottlingException","CodeForm":"plain"}`,
			customlabelstest.Exception("ThrottlingException", 0, "")},
		{"latency", `{"Kind":"latency","Delay":"2ms"}`, customlabelstest.Latency(2 * time.Millisecond)},
		{"truncated body", `{"Kind":"truncated-body"}`, customlabelstest.TruncatedBody()},
		{"dropped connection", `{"Kind":"drop-connection"}`, customlabelstest.DropConnection()},
		{"proxy error", `{"Kind":"proxy-error"}`, customlabelstest.ProxyError(0)},
		{"proxy error 504", `{"Kind":"proxy-error","Status":504,"RetryAfter":"2s"}`,
			customlabelstest.ProxyError(504).WithRetryAfter(2 * time.Second)},
		{"slow body", `{"Kind":"slow-body","Chunk":7,"Every":"1ms"}`, customlabelstest.SlowBody(7, time.Millisecond)},
		{"redirect", `{"Kind":"redirect","Status":307,"Location":"http://127.0.0.1:9/elsewhere"}`,
			customlabelstest.Redirect(307, "http://127.0.0.1:9/elsewhere")},
		{"raw response", `{"Kind":"raw-response","Status":503,"Header":{"Content-Type":"text/plain","x-multi":["a","b"]},"Body":"down"}`,
			customlabelstest.RawResponse(503, http.Header{"Content-Type": {"text/plain"}, "X-Multi": {"a", "b"}}, []byte("down"))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			viaHTTP, viaGo := newServer(t), newServer(t)
			out := ctlOK(t, viaHTTP, http.MethodPost, "faults", tc.json)
			assert.Equal(t, map[string]any{"Queued": 1.0, "Pending": 1.0}, out)
			viaGo.InjectFault(tc.fault)

			listed := ctlOK(t, viaHTTP, http.MethodGet, "faults", "")
			assert.Equal(t, map[string]any{"Pending": 1.0, "Faults": []any{tc.fault.String()}}, listed)
			assert.Equal(t, 1, viaHTTP.PendingFaults(), "listing uses up no fault")

			assert.Equal(t, outcome(t, viaGo), outcome(t, viaHTTP), "the same answer as the Go API's fault")
			assert.Equal(t, 0, viaHTTP.PendingFaults())
			assert.Equal(t, tc.fault.String(), viaHTTP.Requests()[0].Fault)
		})
	}
}

func TestControlFaultsCountListAndClear(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	out := ctlOK(t, srv, http.MethodPost, "faults", `[
		{"Kind":"exception","Code":"ThrottlingException","Count":2},
		{"Kind":"drop-connection"}]`)
	assert.Equal(t, map[string]any{"Queued": 3.0, "Pending": 3.0}, out)
	out = ctlOK(t, srv, http.MethodGet, "faults", "")
	assert.Equal(t, []any{"exception ThrottlingException (500)", "exception ThrottlingException (500)", "dropped connection"}, out["Faults"])

	c := srv.Client(noRetry)
	for range 2 {
		_, err := c.DescribeProjects(context.Background(), nil)
		var throttled *customlabels.ThrottlingException
		require.ErrorAs(t, err, &throttled)
	}
	assert.Equal(t, map[string]any{"Cleared": 1.0}, ctlOK(t, srv, http.MethodDelete, "faults", ""))
	assert.Equal(t, 0, srv.PendingFaults())
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "the cleared fault is gone")
	assert.Equal(t, map[string]any{"Pending": 0.0, "Faults": []any{}}, ctlOK(t, srv, http.MethodGet, "faults", ""))
}

func TestControlFaultErrors(t *testing.T) {
	cases := []struct {
		name, body, field, message string
	}{
		{"empty body", ``, "", "must be a fault object or a list"},
		{"not JSON", `{"Kind":`, "", "not valid JSON"},
		{"not an object", `"exception"`, "", "must be a JSON object"},
		{"empty list", `[]`, "", "the list of faults is empty"},
		{"no kind", `{"Code":"X"}`, "Kind", "is required: one of drop-connection, exception, latency"},
		{"kind not a string", `{"Kind":3}`, "Kind", "must be a JSON string, got a number"},
		{"unknown kind", `{"Kind":"meteor"}`, "Kind", `unknown kind "meteor"`},
		{"unknown member", `{"Kind":"exception","Code":"X","Colour":"red"}`, "Colour", "unknown member"},
		{"member in another case", `{"Kind":"exception","code":"X"}`, "code", "unknown member"},
		{"member of another kind", `{"Kind":"exception","Code":"X","Location":"/"}`, "Location", "is not used by kind exception"},
		{"count zero", `{"Kind":"truncated-body","Count":0}`, "Count", "must be 1 to 10000, got 0"},
		{"count too large", `{"Kind":"truncated-body","Count":10001}`, "Count", "must be 1 to 10000"},
		{"count not a number", `{"Kind":"truncated-body","Count":"2"}`, "Count", "must be a JSON number, got a string"},
		{"delay without unit", `{"Kind":"latency","Delay":"1500"}`, "Delay", `must be a duration such as "250ms"`},
		{"delay negative", `{"Kind":"latency","Delay":"-1s"}`, "Delay", "must be 0s to 1h0m0s; got -1s"},
		{"delay too long", `{"Kind":"latency","Delay":"2h"}`, "Delay", "must be 0s to 1h0m0s"},
		{"latency without delay", `{"Kind":"latency"}`, "Delay", "is required for kind latency"},
		{"retry-after under a millisecond", `{"Kind":"exception","Code":"X","RetryAfter":"10us"}`, "RetryAfter", "must be 1ms to 1h0m0s"},
		{"exception without code", `{"Kind":"exception"}`, "Code", "is required"},
		{"exception status 200", `{"Kind":"exception","Code":"X","Status":200}`, "Status", "must be 400 to 599"},
		{"exception status a string", `{"Kind":"exception","Code":"X","Status":"500"}`, "Status", "must be a JSON number, got a string"},
		{"unknown code form", `{"Kind":"exception","Code":"X","CodeForm":"shouted"}`, "CodeForm", `unknown form "shouted": one of code-member, header-only`},
		{"proxy status 302", `{"Kind":"proxy-error","Status":302}`, "Status", "must be 400 to 599, or absent for 502"},
		{"slow body without chunk", `{"Kind":"slow-body","Every":"1ms"}`, "Chunk", "is required"},
		{"slow body without every", `{"Kind":"slow-body","Chunk":1}`, "Every", "is required for kind slow-body"},
		{"redirect 200", `{"Kind":"redirect","Status":200,"Location":"/"}`, "Status", "must be 301, 302, 307 or 308; got 200"},
		{"redirect without location", `{"Kind":"redirect","Status":301}`, "Location", "is required"},
		{"raw without status", `{"Kind":"raw-response","Body":"x"}`, "Status", "is required: 200 to 599; got 0"},
		{"raw bad header name", `{"Kind":"raw-response","Status":200,"Header":{"Bad Name":"x"}}`, "Header", `"Bad Name" is not a valid header name`},
		{"raw header with newline", `{"Kind":"raw-response","Status":200,"Header":{"X-A":"1\r\nX-B: 2"}}`, "Header.X-A", "must not hold CR, LF or NUL"},
		{"raw header of a number", `{"Kind":"raw-response","Status":200,"Header":{"X-A":1}}`, "Header.X-A", "must be a JSON string or a list of strings, got a number"},
		{"second of a list", `[{"Kind":"drop-connection"},{"Kind":"proxy-error","Status":1}]`, "[1].Status", "must be 400 to 599"},
		{"too many pending", `[` + strings.Repeat(`{"Kind":"drop-connection","Count":10000},`, 10) + `{"Kind":"drop-connection"}]`,
			"Count", "100001 more faults would make more than 100000 pending (0 are)"},
		{"second of a list unknown member", `[{"Kind":"drop-connection"},{"Kind":"drop-connection","Nope":1}]`, "[1].Nope", "unknown member"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			res := ctlRaw(t, srv, http.MethodPost, "faults", tc.body, func(r *http.Request) { r.Header.Set("Content-Type", "application/json") })
			require.Equal(t, http.StatusBadRequest, res.status, res.body)
			var out struct{ Error, Field string }
			require.NoError(t, json.Unmarshal([]byte(res.body), &out), res.body)
			assert.Equal(t, tc.field, out.Field, "POST faults %s: %s", tc.body, out.Error)
			assert.Contains(t, out.Error, tc.message)
			if tc.field != "" {
				assert.True(t, strings.HasPrefix(out.Error, tc.field+": "), "the message %q names the field", out.Error)
			}
			assert.Equal(t, 0, srv.PendingFaults(), "nothing is queued unless every fault is valid")
		})
	}
}

func TestControlThrottle(t *testing.T) {
	srv := newServer(t)
	assert.Equal(t, map[string]any{"RPS": 0.0}, ctlOK(t, srv, http.MethodGet, "throttle", ""))
	assert.Equal(t, map[string]any{"RPS": 0.5}, ctlOK(t, srv, http.MethodPut, "throttle", `{"RPS":0.5}`))
	c := srv.Client(noRetry)
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "the burst is 1")
	_, err = c.DescribeProjects(context.Background(), nil)
	var throttled *customlabels.ThrottlingException
	require.ErrorAs(t, err, &throttled, "the second request within 2s is throttled")

	for i := 0; i < 3; i++ {
		ctlOK(t, srv, http.MethodGet, "throttle", "") // control requests take no token
	}
	assert.Equal(t, map[string]any{"RPS": 0.0}, ctlOK(t, srv, http.MethodPut, "throttle", `{"RPS":0}`))
	_, err = c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "no limit")

	for body, want := range map[string]string{
		`{}`:          "RPS: is required",
		`{"RPS":-1}`:  "RPS: must be 0 or more, got -1",
		`{"rps":1}`:   "rps: unknown member (members: RPS)",
		`{"RPS":"1"}`: "RPS: must be a JSON number, got a string",
		`{"RPS":1} x`: "not valid JSON",
	} {
		status, out := ctl(t, srv, http.MethodPut, "throttle", body)
		assert.Equal(t, http.StatusBadRequest, status, "PUT throttle %s", body)
		assert.Contains(t, out["Error"], want, "PUT throttle %s", body)
	}
}

func TestControlClock(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	srv := newServer(t, customlabelstest.WithClock(func() time.Time { return at }))
	assert.Equal(t, map[string]any{"Offset": "0s", "Now": "2026-03-01T12:00:00Z"}, ctlOK(t, srv, http.MethodGet, "clock", ""))
	assert.Equal(t, map[string]any{"Offset": "-10m0s", "Now": "2026-03-01T11:50:00Z"},
		ctlOK(t, srv, http.MethodPut, "clock", `{"Offset":"-10m"}`))

	// The customlabels client signs with the real time, far from either.
	_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
	apiErr, _ := apiError(t, err)
	assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode())

	for body, want := range map[string]string{
		`{}`:                                 "Offset: is required",
		`{"Offset":"ten minutes"}`:           `Offset: must be a duration such as "-10m"`,
		`{"Offset":600}`:                     "Offset: must be a JSON string, got a number",
		`{"Offset":"1m","Now":"2026-01-01"}`: "Now: is read-only",
	} {
		status, out := ctl(t, srv, http.MethodPut, "clock", body)
		assert.Equal(t, http.StatusBadRequest, status, "PUT clock %s", body)
		assert.Contains(t, out["Error"], want, "PUT clock %s", body)
	}
}

func TestControlProjects(t *testing.T) {
	seed := customlabelstest.DemoProjects(5, 2)
	srv := newServer(t, customlabelstest.WithProjects(seed...))

	res := ctlRaw(t, srv, http.MethodGet, "projects", "", nil)
	require.Equal(t, http.StatusOK, res.status)
	got, err := customlabelstest.ParseProjects([]byte(res.body))
	require.NoError(t, err, "GET projects reads back with ParseProjects")
	assert.Equal(t, srv.Projects(), got, "every project of both features, exactly")

	out := ctlOK(t, srv, http.MethodPost, "projects", `{"ProjectDescriptions":[
		{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/added/1700000000123",
		 "CreationTimestamp":"2023-11-14T22:13:20.123000+00:00","Status":"CREATED","Feature":"CUSTOM_LABELS"}]}`)
	assert.Equal(t, map[string]any{"Added": 1.0, "AddedVersions": 0.0, "Projects": 6.0}, out)
	listed, err := srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{ProjectNames: []string{"added"}})
	require.NoError(t, err)
	require.Len(t, listed.ProjectDescriptions, 1)
	assert.Equal(t, time.Date(2023, 11, 14, 22, 13, 20, 123_000_000, time.UTC), listed.ProjectDescriptions[0].CreationTimestamp)

	out = ctlOK(t, srv, http.MethodPost, "projects", `[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/bare/1"}]`)
	assert.Equal(t, map[string]any{"Added": 1.0, "AddedVersions": 0.0, "Projects": 7.0}, out, "a bare list, as ParseProjects reads")

	out = ctlOK(t, srv, http.MethodDelete, "projects", `{"ProjectArns":["`+seed[0].ProjectArn+`","arn:aws:rekognition:us-east-1:123456789012:project/absent/1"]}`)
	assert.Equal(t, map[string]any{"Removed": 1.0, "Projects": 6.0}, out)

	const version = "arn:aws:rekognition:us-east-1:123456789012:project/other/version/v1/1700000000999"
	for _, tc := range []struct{ method, body, field, want string }{
		{http.MethodPost, `{"ProjectDescriptions":[{"Status":"CREATED"}]}`, "ProjectDescriptions[0].ProjectArn", "is required"},
		{http.MethodPost, `{"Projects":[]}`, "", `neither "ProjectDescriptions" nor "ProjectVersionDescriptions" is present`},
		{http.MethodPost, `{"ProjectDescriptions":[{"ProjectArn":"a","CreationTimestamp":"yesterday"}]}`, "ProjectDescriptions[0].CreationTimestamp", `"yesterday" is neither ISO 8601`},
		{http.MethodPost, `{"ProjectDescriptions":[{"ProjectArn":"bad"}]}`, "ProjectDescriptions[0].ProjectArn", `"bad" is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP`},
		{http.MethodPost, `{"ProjectDescriptions":[],"ProjectVersionDescriptions":[{"ProjectVersionArn":"` + version + `"}]}`,
			"ProjectVersionDescriptions[0].ProjectVersionArn", "version " + version + " belongs to no project of the file"},
		{http.MethodPost, `{"ProjectDescriptions":`, "", "the body is not valid JSON"},
		{http.MethodPost, `"projects"`, "", "must be a JSON object, got a string"},
		{http.MethodDelete, `{}`, "ProjectArns", "is required"},
		{http.MethodDelete, `{"ProjectArns":[""]}`, "ProjectArns", "ARN 0 is empty"},
		{http.MethodDelete, `{"ProjectArns":"arn"}`, "ProjectArns", "must be a JSON array, got a string"},
	} {
		status, out := ctl(t, srv, tc.method, "projects", tc.body)
		assert.Equal(t, http.StatusBadRequest, status, "%s projects %s", tc.method, tc.body)
		assert.Contains(t, out["Error"], tc.want, "%s projects %s", tc.method, tc.body)
		assert.Equal(t, tc.field, fieldOf(out), "%s projects %s", tc.method, tc.body)
	}
	assert.Len(t, srv.Projects(), 6, "refused requests change nothing")
}

func fieldOf(out map[string]any) string {
	f, _ := out["Field"].(string)
	return f
}

func TestControlProjectsWithVersions(t *testing.T) {
	srv := newServer(t)
	const project = "arn:aws:rekognition:us-east-1:123456789012:project/snap/1700000000123"
	const version = "arn:aws:rekognition:us-east-1:123456789012:project/snap/version/snap.2023-11-14/1700000000456"
	out := ctlOK(t, srv, http.MethodPost, "projects", `{
		"ProjectDescriptions":[{"ProjectArn":"`+project+`","CreationTimestamp":"2023-11-14T22:13:20.123000+00:00","Status":"CREATED"}],
		"ProjectVersionDescriptions":[{"ProjectVersionArn":"`+version+`","CreationTimestamp":"2023-11-14T22:13:20.456000+00:00","Status":"STOPPED"}]}`)
	assert.Equal(t, map[string]any{"Added": 1.0, "AddedVersions": 1.0, "Projects": 1.0}, out, "a --data file adds its versions too")
	vs := srv.ProjectVersions()
	require.Len(t, vs, 1)
	assert.Equal(t, version, vs[0].ProjectVersionArn)
	assert.Equal(t, customlabels.ProjectVersionStatusStopped, vs[0].Status)

	ctlOK(t, srv, http.MethodDelete, "projects", `{"ProjectArns":["`+project+`"]}`)
	assert.Empty(t, srv.ProjectVersions(), "a project's versions go with it")
}

func TestControlRequestLog(t *testing.T) {
	const token = "control-token-never-listed"
	srv := newServer(t, customlabelstest.WithCredentials("AKIDCONTROL", "control-secret-never-listed", token))
	_, err := srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 3})
	require.NoError(t, err)
	ctlOK(t, srv, http.MethodGet, "faults", "") // not recorded

	res := ctlRaw(t, srv, http.MethodGet, "requests", "", nil)
	require.Equal(t, http.StatusOK, res.status)
	assert.NotContains(t, res.body, token)
	assert.NotContains(t, res.body, "control-secret-never-listed")
	assert.NotContains(t, res.body, "Signature=")
	var out struct {
		Requests []struct {
			Received, Method, Path, Target, Body, AccessKeyID, RequestID, ErrorCode, Fault string
			Header                                                                         http.Header
			Status                                                                         int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(res.body), &out))
	require.Len(t, out.Requests, 1, "only the DescribeProjects request")
	r := out.Requests[0]
	want := srv.Requests()[0]
	assert.Equal(t, want.Received.UTC().Format(time.RFC3339Nano), r.Received)
	assert.Equal(t, []string{"POST", "/", "RekognitionService.DescribeProjects", `{"MaxResults":3}`, "AKIDCONTROL", want.RequestID, "", ""},
		[]string{r.Method, r.Path, r.Target, r.Body, r.AccessKeyID, r.RequestID, r.ErrorCode, r.Fault})
	assert.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, "application/x-amz-json-1.1", r.Header.Get("Content-Type"))
	assert.Empty(t, r.Header.Get("Authorization"))
	assert.Empty(t, r.Header.Get("X-Amz-Security-Token"))

	assert.Equal(t, map[string]any{"Cleared": 1.0}, ctlOK(t, srv, http.MethodDelete, "requests", ""))
	assert.Empty(t, srv.Requests())
	assert.Equal(t, map[string]any{"Requests": []any{}}, ctlOK(t, srv, http.MethodGet, "requests", ""))
}

func TestControlReset(t *testing.T) {
	seed := customlabelstest.DemoProjects(4, 9)
	seed = append(seed, customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/undated/1"})
	srv := newServer(t, customlabelstest.WithProjects(seed...), customlabelstest.WithThrottleRPS(100),
		customlabelstest.WithClockOffset(time.Minute))
	before := srv.Projects()
	for i := range before {
		before[i].CreationTimestamp = before[i].CreationTimestamp.UTC() // as listed
	}
	first, err := srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 2})
	require.NoError(t, err)

	ctlOK(t, srv, http.MethodPost, "projects", `[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/extra/1"}]`)
	ctlOK(t, srv, http.MethodDelete, "projects", `{"ProjectArns":["`+seed[1].ProjectArn+`"]}`)
	ctlOK(t, srv, http.MethodPost, "faults", `{"Kind":"drop-connection","Count":3}`)
	ctlOK(t, srv, http.MethodPut, "throttle", `{"RPS":1}`)
	ctlOK(t, srv, http.MethodPut, "clock", `{"Offset":"-1h"}`)

	assert.Equal(t, map[string]any{"Projects": 5.0, "ProjectVersions": 0.0}, ctlOK(t, srv, http.MethodPost, "reset", ""))
	after := srv.Projects()
	for i := range after {
		after[i].CreationTimestamp = after[i].CreationTimestamp.UTC()
	}
	assert.Equal(t, before, after, "the seed projects, with the creation time they got at first")
	assert.Equal(t, 0, srv.PendingFaults())
	assert.Empty(t, srv.Requests())
	assert.Equal(t, map[string]any{"RPS": 100.0}, ctlOK(t, srv, http.MethodGet, "throttle", ""))
	assert.Equal(t, "1m0s", ctlOK(t, srv, http.MethodGet, "clock", "")["Offset"])

	rest := listAll(t, srv.Client(), customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 2, NextToken: first.NextToken})
	assert.Equal(t, before, append(first.ProjectDescriptions, rest...), "a NextToken from before the reset continues the listing")

	ctlOK(t, srv, http.MethodPost, "reset", `{}`)
	status, out := ctl(t, srv, http.MethodPost, "reset", `{"Projects":true}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "Projects", out["Field"])
}

func TestControlRoutingErrors(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		name, method, resource, body string
		edit                         func(*http.Request)
		status                       int
		allow, message               string
	}{
		{"unknown resource", http.MethodGet, "collections", "", nil, http.StatusNotFound, "", "no control resource /_customlabels/collections; see GET /_customlabels/"},
		{"nested path", http.MethodGet, "faults/1", "", nil, http.StatusNotFound, "", "no control resource /_customlabels/faults/1"},
		{"wrong method", http.MethodPut, "faults", `{}`, nil, http.StatusMethodNotAllowed, "DELETE, GET, POST", "PUT is not allowed on /_customlabels/faults; allowed: DELETE, GET, POST"},
		{"preflight", http.MethodOptions, "reset", "", nil, http.StatusMethodNotAllowed, "POST", "OPTIONS is not allowed"},
		{"index by POST", http.MethodPost, "", "", nil, http.StatusMethodNotAllowed, "GET", "POST is not allowed"},
		{"form body", http.MethodPost, "reset", `{}`, func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded") },
			http.StatusUnsupportedMediaType, "", "a body must be sent with Content-Type application/json, not 'application/x-www-form-urlencoded'"},
		{"text body", http.MethodPut, "throttle", `{"RPS":1}`, func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") },
			http.StatusUnsupportedMediaType, "", "Content-Type application/json"},
		{"host not loopback", http.MethodGet, "faults", "", func(r *http.Request) { r.Host = "rebound.example:80" },
			http.StatusForbidden, "", "only requests to a loopback host (127.0.0.1, [::1] or localhost), not rebound.example:80"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := ctlRaw(t, srv, tc.method, tc.resource, tc.body, tc.edit)
			assert.Equal(t, tc.status, res.status, res.body)
			assert.Equal(t, tc.allow, res.header.Get("Allow"))
			var out struct{ Error string }
			require.NoError(t, json.Unmarshal([]byte(res.body), &out), res.body)
			assert.Contains(t, out.Error, tc.message)
		})
	}
	for _, host := range []string{"localhost", "LOCALHOST:1", "127.0.0.2:8", "[::1]:8"} {
		res := ctlRaw(t, srv, http.MethodGet, "faults", "", func(r *http.Request) { r.Host = host })
		assert.Equal(t, http.StatusOK, res.status, "Host %s: %s", host, res.body)
	}
	assert.Empty(t, srv.Requests(), "control requests are not recorded")
}

// TestControlIsNotAnAWSOperation checks that an AWS client cannot reach
// the control API and the control API needs no credentials.
func TestControlIsNotAnAWSOperation(t *testing.T) {
	srv := newServer(t)
	srv.InjectFault(customlabelstest.DropConnection())
	ctlOK(t, srv, http.MethodGet, "throttle", "")
	assert.Equal(t, 1, srv.PendingFaults(), "faults are for AWS requests only")

	// A signed AWS request under the control path is no AWS request: it
	// gets the control API's answer, whatever its signature.
	req, err := http.NewRequest(http.MethodPost, srv.ControlURL()+"reset", strings.NewReader("{}"))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	sign(t, req, []byte("{}"), signParams{})
	res := do(t, srv, req)
	assert.Equal(t, http.StatusUnsupportedMediaType, res.status)
}

func TestResetRestoresProjectVersions(t *testing.T) {
	projects := customlabelstest.DemoProjects(4, 3)
	versions := customlabelstest.DemoProjectVersions(projects, 3)
	require.GreaterOrEqual(t, len(versions), 3)
	starting, training := versions[0].ProjectVersionArn, versions[1].ProjectVersionArn
	versions[0].Status = customlabels.ProjectVersionStatusStarting
	versions[1].Status = customlabels.ProjectVersionStatusTrainingInProgress
	versions[1].TrainingEndTimestamp = time.Time{}
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	srv := newServer(t, customlabelstest.WithProjects(projects...), customlabelstest.WithProjectVersions(versions...),
		customlabelstest.WithStartingTime(time.Minute), customlabelstest.WithTrainingTime(5*time.Minute),
		customlabelstest.WithClock(func() time.Time { return at }))
	before := srv.ProjectVersions()
	version := func(arn string) customlabels.ProjectVersionDescription {
		for _, v := range srv.ProjectVersions() {
			if v.ProjectVersionArn == arn {
				return v
			}
		}
		t.Fatalf("no version %s", arn)
		return customlabels.ProjectVersionDescription{}
	}

	require.True(t, srv.FailStart(starting, "no capacity"))
	srv.Advance(time.Hour)
	assert.Equal(t, customlabels.ProjectVersionStatusFailed, version(starting).Status)
	srv.RemoveProjectVersions(versions[len(versions)-1].ProjectVersionArn)

	ctlOK(t, srv, http.MethodPost, "reset", "")
	assert.Equal(t, before, srv.ProjectVersions(), "every seed version, in its first status")

	srv.Advance(5 * time.Minute)
	assert.Equal(t, customlabels.ProjectVersionStatusRunning, version(starting).Status, "FailStart is undone")
	assert.Equal(t, at.Add(5*time.Minute), version(training).TrainingEndTimestamp.UTC(), "the models' clock has no Advance from before")
}
