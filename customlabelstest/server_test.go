package customlabelstest_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var bothFeatures = []customlabels.CustomizationFeature{
	customlabels.CustomizationFeatureCustomLabels,
	customlabels.CustomizationFeatureContentModeration,
}

// newServer starts a server closed when the test ends.
func newServer(t *testing.T, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	srv := customlabelstest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// noRetry makes a client try once.
func noRetry(o *customlabels.Options) { o.RetryMaxAttempts = 1 }

// listAll follows NextToken to the end with pages of size pageSize.
func listAll(t *testing.T, c customlabels.DescribeProjectsAPIClient, in customlabels.DescribeProjectsInput) []customlabels.ProjectDescription {
	t.Helper()
	var all []customlabels.ProjectDescription
	for i := 0; ; i++ {
		require.Less(t, i, 1000, "too many pages")
		out, err := c.DescribeProjects(context.Background(), &in)
		require.NoError(t, err, "DescribeProjects(%+v)", in)
		all = append(all, out.ProjectDescriptions...)
		if out.NextToken == "" {
			return all
		}
		in.NextToken = out.NextToken
	}
}

func arns(ps []customlabels.ProjectDescription) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ProjectArn
	}
	return out
}

func filterFeature(ps []customlabels.ProjectDescription, f customlabels.CustomizationFeature) []customlabels.ProjectDescription {
	var out []customlabels.ProjectDescription
	for _, p := range ps {
		if p.Feature == f {
			out = append(out, p)
		}
	}
	return out
}

// apiError returns the service error inside err, checking the layers of
// the customlabels error model.
func apiError(t *testing.T, err error) (smithy.APIError, int) {
	t.Helper()
	require.Error(t, err)
	var opErr *smithy.OperationError
	require.ErrorAs(t, err, &opErr)
	var respErr *awshttp.ResponseError
	require.ErrorAs(t, err, &respErr, "error %v has no HTTP response", err)
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr, "error %v has no API error", err)
	return apiErr, respErr.HTTPStatusCode()
}

func TestListsEveryProjectOfBothFeaturesInCreationOrder(t *testing.T) {
	demo := customlabelstest.DemoProjects(25, 7)
	// Add them out of order: the server sorts by creation time.
	shuffled := append([]customlabels.ProjectDescription(nil), demo[10:]...)
	shuffled = append(shuffled, demo[:10]...)
	srv := newServer(t, customlabelstest.WithProjects(shuffled...))

	got := listAll(t, srv.Client(), customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 4})
	assert.Equal(t, demo, got, "every project, in creation order, exactly as stored")
}

func TestWithoutFeaturesListsCustomLabelsOnly(t *testing.T) {
	demo := customlabelstest.DemoProjects(12, 1)
	srv := newServer(t, customlabelstest.WithProjects(demo...))
	c := srv.Client()

	got := listAll(t, c, customlabels.DescribeProjectsInput{})
	want := filterFeature(demo, customlabels.CustomizationFeatureCustomLabels)
	require.NotEmpty(t, want)
	assert.Equal(t, arns(want), arns(got))

	got = listAll(t, c, customlabels.DescribeProjectsInput{
		Features: []customlabels.CustomizationFeature{customlabels.CustomizationFeatureContentModeration}})
	assert.Equal(t, arns(filterFeature(demo, customlabels.CustomizationFeatureContentModeration)), arns(got))
}

func TestProjectWithoutFeatureCountsAsCustomLabels(t *testing.T) {
	p := customlabels.ProjectDescription{
		ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/old/1600000000000",
		CreationTimestamp: time.Unix(1600000000, 0).UTC(),
		Status:            customlabels.ProjectStatusCreated,
	}
	srv := newServer(t, customlabelstest.WithProjects(p))
	out, err := srv.Client().DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, []customlabels.ProjectDescription{p}, out.ProjectDescriptions)
}

func TestProjectNamesFilter(t *testing.T) {
	demo := customlabelstest.DemoProjects(20, 3)
	srv := newServer(t, customlabelstest.WithProjects(demo...))
	name := func(p customlabels.ProjectDescription) string {
		return strings.Split(p.ProjectArn, "/")[1]
	}
	// Asked in reverse order and with a name that does not exist: the
	// answer is in creation order and only has projects that exist.
	names := []string{name(demo[9]), "no-such-project", name(demo[4]), name(demo[2])}
	got := listAll(t, srv.Client(), customlabels.DescribeProjectsInput{
		ProjectNames: names, Features: bothFeatures, MaxResults: 1})
	assert.Equal(t, arns([]customlabels.ProjectDescription{demo[2], demo[4], demo[9]}), arns(got))

	// The feature filter still applies: demo[9] is an adapter.
	require.Equal(t, customlabels.CustomizationFeatureContentModeration, demo[9].Feature)
	got = listAll(t, srv.Client(), customlabels.DescribeProjectsInput{ProjectNames: names})
	assert.Equal(t, arns([]customlabels.ProjectDescription{demo[2], demo[4]}), arns(got))
}

func TestDefaultPageSizeIs100(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(250, 1)...))
	c := srv.Client()
	out, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{Features: bothFeatures})
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 100)
	assert.NotEmpty(t, out.NextToken)
	assert.LessOrEqual(t, len(out.NextToken), customlabels.MaxNextTokenLength)

	out, err = c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 100, NextToken: out.NextToken})
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 100)
	out, err = c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 100, NextToken: out.NextToken})
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 50)
	assert.Empty(t, out.NextToken, "the last page has no NextToken")
}

func TestNoNextTokenWhenThePageEndsTheListing(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(6, 1)...))
	out, err := srv.Client().DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: 6})
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 6)
	assert.Empty(t, out.NextToken)
}

func TestEmptyServerAnswersAnEmptyList(t *testing.T) {
	srv := newServer(t)
	resp := rawCall(t, srv, `{}`, nil)
	assert.Equal(t, http.StatusOK, resp.status)
	assert.Equal(t, `{"ProjectDescriptions":[]}`, resp.body)
}

func TestResponseHeadersAndWireFormat(t *testing.T) {
	p := customlabels.ProjectDescription{
		ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/wire/1700000000123",
		CreationTimestamp: time.Unix(1700000000, 123_000_000).UTC(),
		Status:            customlabels.ProjectStatusCreated,
		Feature:           customlabels.CustomizationFeatureCustomLabels,
		Datasets: []customlabels.DatasetMetadata{{
			CreationTimestamp: time.Unix(1700000100, 456_789_000).UTC(),
			DatasetType:       customlabels.DatasetTypeTrain,
			DatasetArn:        "arn:aws:rekognition:us-east-1:123456789012:project/wire/dataset/train/1700000100456",
			Status:            customlabels.DatasetStatusCreateComplete,
			StatusMessage:     `quote " and backslash \`,
			StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess,
		}},
	}
	srv := newServer(t, customlabelstest.WithProjects(p))
	resp := rawCall(t, srv, `{}`, nil)
	require.Equal(t, http.StatusOK, resp.status)
	assert.Equal(t, `{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/wire/1700000000123",`+
		`"CreationTimestamp":1.700000000123E9,"Status":"CREATED","Datasets":[{"CreationTimestamp":1.700000100456789E9,`+
		`"DatasetType":"TRAIN","DatasetArn":"arn:aws:rekognition:us-east-1:123456789012:project/wire/dataset/train/1700000100456",`+
		`"Status":"CREATE_COMPLETE","StatusMessage":"quote \" and backslash \\","StatusMessageCode":"SUCCESS"}],"Feature":"CUSTOM_LABELS"}]}`,
		resp.body)
	assert.Equal(t, "application/x-amz-json-1.1", resp.header.Get("Content-Type"))
	assert.Regexp(t, uuidPattern, resp.header.Get("X-Amzn-Requestid"))
	date, err := http.ParseTime(resp.header.Get("Date"))
	require.NoError(t, err, "Date header %q", resp.header.Get("Date"))
	assert.WithinDuration(t, time.Now(), date, 5*time.Second)

	// Our client decodes every digit of the timestamps.
	out, err := srv.Client().DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, []customlabels.ProjectDescription{p}, out.ProjectDescriptions)
	assert.Equal(t, out.RequestID, srv.Requests()[1].RequestID)
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestRequestsRecordsWithoutSecrets(t *testing.T) {
	srv := newServer(t, customlabelstest.WithCredentials("AKIDRECORD", "secret-never-recorded", "token-never-recorded"))
	c := srv.Client()
	_, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{
		MaxResults: 5, ProjectNames: []string{"a", "b"}, Features: bothFeatures})
	require.NoError(t, err)
	_, err = c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{NextToken: "bogus"}, noRetry)
	require.Error(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	r := reqs[0]
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/", r.Path)
	assert.Equal(t, "RekognitionService.DescribeProjects", r.Target)
	assert.Equal(t, customlabels.DescribeProjectsInput{MaxResults: 5, ProjectNames: []string{"a", "b"}, Features: bothFeatures}, r.Input)
	assert.Equal(t, `{"Features":["CUSTOM_LABELS","CONTENT_MODERATION"],"MaxResults":5,"ProjectNames":["a","b"]}`, string(r.Body))
	assert.Equal(t, http.StatusOK, r.Status)
	assert.Empty(t, r.ErrorCode)
	assert.Equal(t, "AKIDRECORD", r.AccessKeyID)
	assert.Regexp(t, uuidPattern, r.RequestID)
	assert.NotEmpty(t, r.Header.Get("X-Amz-Date"))
	assert.Empty(t, r.Header.Get("Authorization"))
	assert.Empty(t, r.Header.Get("X-Amz-Security-Token"))

	assert.Equal(t, http.StatusBadRequest, reqs[1].Status)
	assert.Equal(t, "InvalidPaginationTokenException", reqs[1].ErrorCode)
	assert.Equal(t, "bogus", reqs[1].Input.NextToken)

	for _, r := range reqs {
		dump := strings.Join([]string{r.Method, r.Path, r.Target, string(r.Body), r.AccessKeyID, r.ErrorCode, r.Fault}, " ")
		for k, v := range r.Header {
			dump += " " + k + ": " + strings.Join(v, ",")
		}
		assert.NotContains(t, dump, "secret-never-recorded")
		assert.NotContains(t, dump, "token-never-recorded")
		assert.NotContains(t, dump, "Signature=")
	}

	srv.ResetRequests()
	assert.Empty(t, srv.Requests())
}

func TestAddRemoveAndReplaceProjects(t *testing.T) {
	demo := customlabelstest.DemoProjects(5, 2)
	srv := newServer(t, customlabelstest.WithProjects(demo[:3]...))
	srv.AddProjects(demo[3:]...)
	assert.Equal(t, demo, srv.Projects())

	// Same ARN: replaced in place.
	changed := demo[1]
	changed.Status = customlabels.ProjectStatusDeleting
	srv.AddProjects(changed)
	got := srv.Projects()
	require.Len(t, got, 5)
	assert.Equal(t, changed, got[1])

	assert.Equal(t, 2, srv.RemoveProjects(demo[0].ProjectArn, demo[4].ProjectArn, "arn:nope"))
	assert.Equal(t, arns([]customlabels.ProjectDescription{demo[1], demo[2], demo[3]}), arns(srv.Projects()))

	// The server keeps copies: changing the caller's slices changes nothing.
	before := srv.Projects()
	demo[2].Datasets[0].Status = "MUTATED"
	before[1].Datasets[0].Status = "MUTATED"
	assert.NotEqual(t, customlabels.DatasetStatus("MUTATED"), srv.Projects()[1].Datasets[0].Status)
}

func TestProjectWithoutTimestampGetsTheServersTime(t *testing.T) {
	at := time.Date(2024, 2, 3, 4, 5, 6, 789_000_000, time.UTC)
	srv := newServer(t, customlabelstest.WithClock(func() time.Time { return at }), customlabelstest.WithoutSignatureVerification())
	srv.AddProjects(customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/now/1"})
	assert.Equal(t, at, srv.Projects()[0].CreationTimestamp)
	assert.Panics(t, func() { srv.AddProjects(customlabels.ProjectDescription{}) })
}

func TestConcurrentUse(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(60, 5)...))
	c := srv.Client()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				in := customlabels.DescribeProjectsInput{Features: bothFeatures, MaxResults: int32(7 + g)}
				n := 0
				for {
					out, err := c.DescribeProjects(context.Background(), &in)
					if err != nil {
						errs <- err
						return
					}
					n += len(out.ProjectDescriptions)
					if out.NextToken == "" {
						break
					}
					in.NextToken = out.NextToken
				}
				if n < 60 {
					errs <- errors.New("listing came short")
				}
				if g == 0 {
					srv.AddProjects(customlabels.ProjectDescription{
						ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/concurrent-" + string(rune('a'+i)) + "/1",
						CreationTimestamp: time.Now(),
					})
				}
				_ = srv.Requests()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCloseLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))
	c := srv.Client()
	for range 5 {
		_, err := c.DescribeProjects(context.Background(), nil)
		require.NoError(t, err)
	}
	// A request waiting on latency ends when the server closes.
	srv.InjectFault(customlabelstest.Latency(time.Hour))
	done := make(chan error, 1)
	go func() {
		_, err := c.DescribeProjects(context.Background(), nil, noRetry)
		done <- err
	}()
	require.Eventually(t, func() bool { return srv.PendingFaults() == 0 }, 5*time.Second, 5*time.Millisecond)
	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return while a request waited on latency")
	}
	require.Error(t, <-done)
	srv.Close() // twice is fine

	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines after Close, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// rawResult is a response read in full.
type rawResult struct {
	status int
	header http.Header
	body   string
}

// rawCall posts body to srv signed with srv's credentials (or unsigned
// when the server does not verify), after edit changes the request.
func rawCall(t *testing.T, srv *customlabelstest.Server, body string, edit func(*http.Request)) rawResult {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	if edit != nil {
		edit(req)
	}
	sign(t, req, []byte(body), signParams{})
	return do(t, srv, req)
}

func do(t *testing.T, srv *customlabelstest.Server, req *http.Request) rawResult {
	t.Helper()
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return rawResult{resp.StatusCode, resp.Header, string(b)}
}

func TestWithListenerHookAndAccessors(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var mu sync.Mutex
	var hooked []customlabelstest.Request
	srv := newServer(t,
		customlabelstest.WithListener(l),
		customlabelstest.WithRegion("eu-central-1"),
		customlabelstest.WithRequestHook(func(r customlabelstest.Request) {
			mu.Lock()
			defer mu.Unlock()
			hooked = append(hooked, r)
		}))
	assert.Equal(t, "http://"+l.Addr().String(), srv.URL)
	assert.Equal(t, "eu-central-1", srv.Region())
	creds, err := srv.Credentials().Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, customlabelstest.DefaultAccessKeyID, creds.AccessKeyID)
	assert.Equal(t, customlabelstest.DefaultSecretAccessKey, creds.SecretAccessKey)

	_, err = srv.Client().DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "Client signs for the server's region")
	cfg := srv.AWSConfig()
	assert.Equal(t, "eu-central-1", cfg.Region)
	assert.Equal(t, srv.URL, *cfg.BaseEndpoint)
	_, err = customlabels.NewFromConfig(cfg).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)

	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, srv.Requests(), hooked)
}

func TestWithListenerRefusesNonLoopback(t *testing.T) {
	assert.PanicsWithValue(t, "customlabelstest: listener address 0.0.0.0:1 is not a loopback address", func() {
		customlabelstest.NewServer(customlabelstest.WithListener(fakeListener{&net.TCPAddr{IP: net.IPv4zero, Port: 1}}))
	})
}

// fakeListener only has an address; NewServer must refuse it before use.
type fakeListener struct{ addr net.Addr }

func (f fakeListener) Accept() (net.Conn, error) { return nil, errors.New("not a listener") }
func (f fakeListener) Close() error              { return nil }
func (f fakeListener) Addr() net.Addr            { return f.addr }

func TestThrottleUnderConcurrency(t *testing.T) {
	srv := newServer(t, customlabelstest.WithThrottleRPS(5))
	c := srv.Client(noRetry)
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, throttled := 0, 0
	for range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.DescribeProjects(context.Background(), nil)
			mu.Lock()
			defer mu.Unlock()
			var te *customlabels.ThrottlingException
			switch {
			case err == nil:
				ok++
			case errors.As(err, &te):
				throttled++
			default:
				t.Errorf("DescribeProjects() = %v", err)
			}
		}()
	}
	wg.Wait()
	// The burst of 5, plus what refilled while the requests ran.
	assert.GreaterOrEqual(t, ok, 5)
	assert.Less(t, ok, 30)
	assert.Equal(t, 30, ok+throttled)
}

func TestHTTPClientIsACopy(t *testing.T) {
	srv := newServer(t)
	a := srv.HTTPClient()
	a.Transport = nil
	a.Timeout = time.Nanosecond
	b := srv.HTTPClient()
	assert.NotNil(t, b.Transport)
	assert.Zero(t, b.Timeout)
	_, err := srv.Client().DescribeProjects(context.Background(), nil)
	assert.NoError(t, err)
}
