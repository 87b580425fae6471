package sdkv2_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

const target = "RekognitionService.DescribeProjects"

var bothFeatures = []types.CustomizationFeature{
	types.CustomizationFeatureCustomLabels,
	types.CustomizationFeatureContentModeration,
}

func newServer(t *testing.T, opts ...customlabelstest.Option) *customlabelstest.Server {
	t.Helper()
	srv := customlabelstest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// noBackoff retries at once: retry tests stay fast, and which errors are
// retried is still the SDK's own decision.
func noBackoff(o *rekognition.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
		so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// sdkClient is the official client configured for srv as a user would:
// from an aws.Config with the server's endpoint, region and credentials.
// Its HTTP client is wrapped in stableBody, so that attempt counts are
// exact.
func sdkClient(srv *customlabelstest.Server, optFns ...func(*rekognition.Options)) *rekognition.Client {
	return rekognition.NewFromConfig(srv.AWSConfig(), append([]func(*rekognition.Options){
		noBackoff,
		func(o *rekognition.Options) { o.HTTPClient = stableBody{srv.HTTPClient()} },
	}, optFns...)...)
}

// stableBody gives the transport a request body of its own. smithy-go
// v1.28.9 closes the request body as soon as Do returns, and a closed
// body's WriteTo returns io.EOF (see TestSmithyClosedRequestBodyWriteTo).
// When net/http's write loop has not yet made its final read of the body,
// which happens with a fast loopback server, io.Copy reports that io.EOF as
// a write error and the transport closes the connection: usually the
// connection is just not reused, but a few pages in a thousand fail with
// "use of closed network connection" while the SDK reads the response, and
// the SDK retries. Rare against AWS, whose answers take longer. Tests that
// count attempts must not see it.
type stableBody struct{ next *http.Client }

func (c stableBody) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil && r.Body != http.NoBody {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body = io.NopCloser(bytes.NewReader(b))
	}
	return c.next.Do(r)
}

func TestSmithyClosedRequestBodyWriteTo(t *testing.T) {
	// Why stableBody exists. If this fails, smithy-go has fixed it, and
	// stableBody can go.
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	req.Method = http.MethodPost
	req.URL.Scheme, req.URL.Host = "http", "127.0.0.1"
	req.Header.Set("Content-Length", "2")
	req.ContentLength = 2
	req, err := req.SetStream(bytes.NewReader([]byte("{}")))
	require.NoError(t, err)
	body := req.Build(context.Background()).Body
	require.Implements(t, (*io.WriterTo)(nil), body)
	require.NoError(t, body.Close())
	_, err = io.Copy(io.Discard, body)
	assert.ErrorIs(t, err, io.EOF, "io.Copy from a closed smithy-go request body fails with io.EOF")
}

func withCredentials(akid, secret, token string) func(*rekognition.Options) {
	return func(o *rekognition.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(akid, secret, token)
	}
}

// listAll lists with the SDK's paginator and returns the projects and the
// number of pages.
func listAll(t *testing.T, c *rekognition.Client, in *rekognition.DescribeProjectsInput, limit int32) ([]types.ProjectDescription, int) {
	t.Helper()
	p := rekognition.NewDescribeProjectsPaginator(c, in, func(o *rekognition.DescribeProjectsPaginatorOptions) {
		o.Limit = limit
	})
	var all []types.ProjectDescription
	pages := 0
	for p.HasMorePages() {
		require.Less(t, pages, 1000, "the SDK paginator must end")
		out, err := p.NextPage(context.Background())
		require.NoError(t, err, "NextPage after %d pages", pages)
		pages++
		all = append(all, out.ProjectDescriptions...)
	}
	return all, pages
}

func arns(ps []types.ProjectDescription) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = aws.ToString(p.ProjectArn)
	}
	return out
}

func ourArns(ps []customlabels.ProjectDescription) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ProjectArn
	}
	return out
}

func ofFeature(ps []customlabels.ProjectDescription, f customlabels.CustomizationFeature) []customlabels.ProjectDescription {
	var out []customlabels.ProjectDescription
	for _, p := range ps {
		if p.Feature == f {
			out = append(out, p)
		}
	}
	return out
}

// nameOf returns NAME from arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP.
func nameOf(arn string) string {
	_, rest, _ := strings.Cut(arn, ":project/")
	name, _, _ := strings.Cut(rest, "/")
	return name
}

// sdkTimeMatches reports whether got is what the SDK makes of want: whole
// milliseconds (smithy-go reads the epoch seconds as a float64 and cuts
// them to milliseconds), less than a millisecond away. customlabels keeps
// every digit instead.
func sdkTimeMatches(want time.Time, got *time.Time) bool {
	if got == nil || got.Nanosecond()%int(time.Millisecond) != 0 {
		return false
	}
	d := got.Sub(want)
	return -time.Millisecond < d && d < time.Millisecond
}

func TestPaginatorListsEveryProject(t *testing.T) {
	seeded := customlabelstest.DemoProjects(57, 7)
	srv := newServer(t, customlabelstest.WithProjects(seeded...))
	c := sdkClient(srv)
	want := srv.Projects()
	require.Len(t, want, 57)

	for _, limit := range []int32{0, 1, 10, 56, 57, 100} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			srv.ResetRequests()
			got, pages := listAll(t, c, &rekognition.DescribeProjectsInput{Features: bothFeatures}, limit)
			require.Equal(t, ourArns(want), arns(got), "every project once, in creation order")
			wantPages := 1
			if limit > 0 {
				wantPages = (len(want) + int(limit) - 1) / int(limit)
			}
			assert.Equal(t, wantPages, pages)

			for i, g := range got {
				w := want[i]
				assert.Equal(t, string(w.Status), string(g.Status))
				assert.Equal(t, string(w.Feature), string(g.Feature))
				assert.Equal(t, string(w.AutoUpdate), string(g.AutoUpdate))
				assert.True(t, sdkTimeMatches(w.CreationTimestamp, g.CreationTimestamp),
					"project %d: SDK CreationTimestamp %v for %v", i, g.CreationTimestamp, w.CreationTimestamp)
				require.Len(t, g.Datasets, len(w.Datasets))
				for j, gd := range g.Datasets {
					wd := w.Datasets[j]
					assert.Equal(t, wd.DatasetArn, aws.ToString(gd.DatasetArn))
					assert.Equal(t, string(wd.DatasetType), string(gd.DatasetType))
					assert.Equal(t, string(wd.Status), string(gd.Status))
					assert.Equal(t, wd.StatusMessage, aws.ToString(gd.StatusMessage))
					assert.Equal(t, string(wd.StatusMessageCode), string(gd.StatusMessageCode))
					assert.True(t, sdkTimeMatches(wd.CreationTimestamp, gd.CreationTimestamp))
				}
			}

			reqs := srv.Requests()
			require.Len(t, reqs, pages)
			for _, r := range reqs {
				assert.Equal(t, http.StatusOK, r.Status, "the SDK's signature verified: %s", r.ErrorCode)
				assert.Equal(t, target, r.Target)
				assert.Equal(t, "application/x-amz-json-1.1", r.Header.Get("Content-Type"))
				assert.Equal(t, limit, r.Input.MaxResults)
				assert.Equal(t, customlabelstest.DefaultAccessKeyID, r.AccessKeyID)
			}
		})
	}
}

func TestFeaturesDefaultToCustomLabels(t *testing.T) {
	seeded := customlabelstest.DemoProjects(20, 3)
	srv := newServer(t, customlabelstest.WithProjects(seeded...))
	got, _ := listAll(t, sdkClient(srv), &rekognition.DescribeProjectsInput{}, 6)
	want := ofFeature(srv.Projects(), customlabels.CustomizationFeatureCustomLabels)
	require.NotEmpty(t, want)
	assert.Equal(t, ourArns(want), arns(got), "no Features lists Custom Labels projects only, as the service does")

	got, _ = listAll(t, sdkClient(srv), nil, 0)
	assert.Equal(t, ourArns(want), arns(got), "a nil input too")
}

func TestFilters(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(30, 11)...))
	c := sdkClient(srv)
	all := srv.Projects()
	name := func(i int) string { return nameOf(all[i].ProjectArn) }
	require.NotEmpty(t, name(0))

	tests := []struct {
		name string
		in   rekognition.DescribeProjectsInput
		want []customlabels.ProjectDescription
	}{
		{"names, any order", rekognition.DescribeProjectsInput{ProjectNames: []string{name(10), name(0), name(3)}, Features: bothFeatures},
			[]customlabels.ProjectDescription{all[0], all[3], all[10]}},
		{"names without Features keep Custom Labels only",
			rekognition.DescribeProjectsInput{ProjectNames: []string{name(0), name(1)}},
			ofFeature([]customlabels.ProjectDescription{all[0], all[1]}, customlabels.CustomizationFeatureCustomLabels)},
		{"content moderation", rekognition.DescribeProjectsInput{Features: []types.CustomizationFeature{types.CustomizationFeatureContentModeration}},
			ofFeature(all, customlabels.CustomizationFeatureContentModeration)},
		{"custom labels", rekognition.DescribeProjectsInput{Features: []types.CustomizationFeature{types.CustomizationFeatureCustomLabels}},
			ofFeature(all, customlabels.CustomizationFeatureCustomLabels)},
		{"names and feature", rekognition.DescribeProjectsInput{ProjectNames: []string{name(0), name(1), name(2), name(3)},
			Features: []types.CustomizationFeature{types.CustomizationFeatureContentModeration}},
			ofFeature(all[:4], customlabels.CustomizationFeatureContentModeration)},
		{"unknown name", rekognition.DescribeProjectsInput{ProjectNames: []string{"no-such-project"}, Features: bothFeatures}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := listAll(t, c, &tt.in, 2)
			assert.Equal(t, ourArns(tt.want), arns(got))
		})
	}
}

func TestSameListingAsCustomlabels(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(45, 5)...))
	sdkGot, _ := listAll(t, sdkClient(srv), &rekognition.DescribeProjectsInput{Features: bothFeatures}, 8)

	var ours []customlabels.ProjectDescription
	in := &customlabels.DescribeProjectsInput{Features: []customlabels.CustomizationFeature{
		customlabels.CustomizationFeatureCustomLabels, customlabels.CustomizationFeatureContentModeration}}
	for p, err := range customlabels.AllProjects(context.Background(), srv.Client(), in,
		func(o *customlabels.DescribeProjectsPaginatorOptions) { o.Limit = 8 }) {
		require.NoError(t, err)
		ours = append(ours, p)
	}
	assert.Equal(t, ourArns(ours), arns(sdkGot))
	for i := range ours {
		// customlabels keeps every digit; the SDK cuts to milliseconds.
		assert.True(t, ours[i].CreationTimestamp.Equal(srv.Projects()[i].CreationTimestamp))
		assert.True(t, sdkTimeMatches(ours[i].CreationTimestamp, sdkGot[i].CreationTimestamp))
	}
}

func TestNextTokenSurvivesPageSizeChangeAndReplay(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(20, 9)...))
	c := sdkClient(srv)
	ctx := context.Background()
	all := ourArns(srv.Projects())

	first, err := c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{Features: bothFeatures, MaxResults: aws.Int32(4)})
	require.NoError(t, err)
	assert.Equal(t, all[:4], arns(first.ProjectDescriptions))
	require.NotNil(t, first.NextToken)

	for range 2 { // the same token twice gives the same page
		next, err := c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{
			Features: bothFeatures, MaxResults: aws.Int32(6), NextToken: first.NextToken})
		require.NoError(t, err)
		assert.Equal(t, all[4:10], arns(next.ProjectDescriptions), "a token stays valid when MaxResults changes")
	}
}

// apiError is the SDK error's code, HTTP status and request ID.
func apiError(t *testing.T, err error) (code string, status int, requestID string) {
	t.Helper()
	require.Error(t, err)
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "%v is a smithy.APIError", err)
	var re *awshttp.ResponseError
	require.True(t, errors.As(err, &re), "%v is an *awshttp.ResponseError", err)
	return ae.ErrorCode(), re.HTTPStatusCode(), re.ServiceRequestID()
}

func TestInvalidPaginationToken(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))
	c := sdkClient(srv)
	ctx := context.Background()

	_, err := c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{NextToken: aws.String("garbage")})
	var invalid *types.InvalidPaginationTokenException
	require.ErrorAs(t, err, &invalid)
	assert.NotEmpty(t, aws.ToString(invalid.Message))
	code, status, id := apiError(t, err)
	assert.Equal(t, "InvalidPaginationTokenException", code)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, srv.Requests()[len(srv.Requests())-1].RequestID, id)
	assert.Len(t, srv.Requests(), 1, "not retried")

	// A token is bound to the filters that made it.
	first, err := c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{Features: bothFeatures, MaxResults: aws.Int32(2)})
	require.NoError(t, err)
	_, err = c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{NextToken: first.NextToken})
	require.ErrorAs(t, err, &invalid, "a token used with other Features")
}

func TestTypedErrorsThroughFaultInjection(t *testing.T) {
	srv := newServer(t)
	c := sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 3 })
	tests := []struct {
		code     string
		status   int
		attempts int // the SDK retries throttling and 5xx
		is       func(error) bool
	}{
		{"AccessDeniedException", 400, 1, func(err error) bool { var e *types.AccessDeniedException; return errors.As(err, &e) }},
		{"InvalidParameterException", 400, 1, func(err error) bool { var e *types.InvalidParameterException; return errors.As(err, &e) }},
		{"InvalidPaginationTokenException", 400, 1, func(err error) bool { var e *types.InvalidPaginationTokenException; return errors.As(err, &e) }},
		{"InternalServerError", 500, 3, func(err error) bool { var e *types.InternalServerError; return errors.As(err, &e) }},
		{"ThrottlingException", 500, 3, func(err error) bool { var e *types.ThrottlingException; return errors.As(err, &e) }},
		{"ProvisionedThroughputExceededException", 400, 3, func(err error) bool {
			var e *types.ProvisionedThroughputExceededException
			return errors.As(err, &e)
		}},
		{"ExpiredTokenException", 400, 1, func(err error) bool {
			var e *smithy.GenericAPIError
			return errors.As(err, &e) && e.Code == "ExpiredTokenException"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			srv.ResetRequests()
			srv.ClearFaults()
			srv.InjectFaults(3, customlabelstest.Exception(tt.code, 0, "injected "+tt.code))
			_, err := c.DescribeProjects(context.Background(), &rekognition.DescribeProjectsInput{})
			assert.True(t, tt.is(err), "DescribeProjects() = %v, want %s", err, tt.code)
			code, status, id := apiError(t, err)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.status, status)
			reqs := srv.Requests()
			require.Len(t, reqs, tt.attempts, "attempts")
			assert.Equal(t, reqs[len(reqs)-1].RequestID, id)
			var ae smithy.APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, "injected "+tt.code, ae.ErrorMessage())
			var maxErr *retry.MaxAttemptsError
			if tt.attempts > 1 {
				require.ErrorAs(t, err, &maxErr)
				assert.Equal(t, tt.attempts, maxErr.Attempt)
			} else {
				assert.False(t, errors.As(err, &maxErr), "not retried")
			}
		})
	}
}

func TestErrorCodeForms(t *testing.T) {
	srv := newServer(t)
	c := sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 1 })
	forms := []customlabelstest.CodeForm{
		customlabelstest.CodePlain, customlabelstest.CodeNamespaced, customlabelstest.CodeSuffixed,
		customlabelstest.CodeNamespacedSuffixed, customlabelstest.CodeInCodeMember,
		customlabelstest.CodeHeaderOnly, customlabelstest.CodeHeaderOnlyEmptyBody,
	}
	for _, form := range forms {
		t.Run(form.String(), func(t *testing.T) {
			srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "").WithCodeForm(form))
			_, err := c.DescribeProjects(context.Background(), nil)
			var denied *types.AccessDeniedException
			assert.ErrorAs(t, err, &denied, "the SDK reads the code in form %s", form)
		})
	}
}

func TestThrottlingRetriedUntilSuccess(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	srv.InjectFaults(2, customlabelstest.Exception("ThrottlingException", 0, ""))
	out, err := sdkClient(srv).DescribeProjects(context.Background(), &rekognition.DescribeProjectsInput{Features: bothFeatures})
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 3)

	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	for i, r := range reqs {
		assert.Equal(t, fmt.Sprintf("attempt=%d; max=3", i+1), r.Header.Get("Amz-Sdk-Request"))
		assert.Equal(t, reqs[0].Header.Get("Amz-Sdk-Invocation-Id"), r.Header.Get("Amz-Sdk-Invocation-Id"))
	}
	assert.Equal(t, []string{"ThrottlingException", "ThrottlingException", ""},
		[]string{reqs[0].ErrorCode, reqs[1].ErrorCode, reqs[2].ErrorCode})
	assert.Equal(t, http.StatusOK, reqs[2].Status, "each retry is signed afresh and verified")
}

func TestThrottleRPS(t *testing.T) {
	srv := newServer(t, customlabelstest.WithThrottleRPS(1))
	c := sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 1 })
	ctx := context.Background()
	_, err := c.DescribeProjects(ctx, nil)
	require.NoError(t, err, "the first request fits the burst")
	_, err = c.DescribeProjects(ctx, nil)
	var throttled *types.ThrottlingException
	require.ErrorAs(t, err, &throttled, "the next one, a millisecond later, is over one per second")
	assert.Equal(t, "Rate exceeded", aws.ToString(throttled.Message))
	_, status, _ := apiError(t, err)
	assert.Equal(t, http.StatusInternalServerError, status)
}

func TestServerValidation(t *testing.T) {
	// The SDK validates nothing for DescribeProjects; the fake answers as
	// the service's validation layer does.
	srv := newServer(t)
	c := sdkClient(srv)
	tests := []struct {
		name string
		in   rekognition.DescribeProjectsInput
		want string // in the message
	}{
		{"MaxResults above 100", rekognition.DescribeProjectsInput{MaxResults: aws.Int32(500)}, "maxResults"},
		{"MaxResults 0", rekognition.DescribeProjectsInput{MaxResults: aws.Int32(0)}, "maxResults"},
		{"unknown feature", rekognition.DescribeProjectsInput{Features: []types.CustomizationFeature{"BOGUS"}}, "features"},
		{"bad project name", rekognition.DescribeProjectsInput{ProjectNames: []string{"has space"}}, "projectNames"},
		{"11 project names", rekognition.DescribeProjectsInput{ProjectNames: strings.Split("a,b,c,d,e,f,g,h,i,j,k", ",")}, "projectNames"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.DescribeProjects(context.Background(), &tt.in)
			var generic *smithy.GenericAPIError
			require.ErrorAs(t, err, &generic)
			assert.Equal(t, "ValidationException", generic.Code)
			assert.Contains(t, generic.Message, tt.want)
			_, status, _ := apiError(t, err)
			assert.Equal(t, http.StatusBadRequest, status)
		})
	}
}

// tamperingClient changes the request body after the SDK signed it.
type tamperingClient struct{ next aws.HTTPClient }

func (c tamperingClient) Do(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	body = bytes.Replace(body, []byte("CUSTOM_LABELS"), []byte("CUSTOM_LABELZ"), 1)
	r.Body = io.NopCloser(bytes.NewReader(body))
	return c.next.Do(r)
}

func TestSignatureVerification(t *testing.T) {
	srv := newServer(t)
	ctx := context.Background()
	in := &rekognition.DescribeProjectsInput{Features: []types.CustomizationFeature{types.CustomizationFeatureCustomLabels}}
	tests := []struct {
		name     string
		opt      func(*rekognition.Options)
		code     string
		inMsg    string
		attempts int
	}{
		{"the SDK's signing passes", func(*rekognition.Options) {}, "", "", 1},
		{"wrong secret", withCredentials(customlabelstest.DefaultAccessKeyID, "not-the-secret-never-printed", ""),
			"InvalidSignatureException", "signature we calculated does not match", 1},
		{"unknown key", withCredentials("AKIDUNKNOWN", customlabelstest.DefaultSecretAccessKey, ""),
			"UnrecognizedClientException", "security token included in the request is invalid", 1},
		{"no credentials", func(o *rekognition.Options) { o.Credentials = aws.AnonymousCredentials{} },
			"MissingAuthenticationTokenException", "Missing Authentication Token", 1},
		{"wrong region", func(o *rekognition.Options) { o.Region = "eu-west-1" },
			"InvalidSignatureException", "scoped to a valid region", 1},
		{"tampered body", func(o *rekognition.Options) { o.HTTPClient = tamperingClient{srv.HTTPClient()} },
			"InvalidSignatureException", "signature we calculated does not match", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.ResetRequests()
			_, err := sdkClient(srv, tt.opt).DescribeProjects(ctx, in)
			assert.Len(t, srv.Requests(), tt.attempts)
			if tt.code == "" {
				require.NoError(t, err)
				return
			}
			code, status, _ := apiError(t, err)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, http.StatusBadRequest, status)
			var ae smithy.APIError
			require.ErrorAs(t, err, &ae)
			assert.Contains(t, ae.ErrorMessage(), tt.inMsg)
			assert.NotContains(t, err.Error(), "not-the-secret-never-printed")
		})
	}
}

func TestStaleClockCorrectedBySDK(t *testing.T) {
	// The server's clock is 10 minutes ahead: the SDK's first signature is
	// refused as expired, the SDK measures the skew from the Date header,
	// and its retry, signed with the corrected time, passes.
	srv := newServer(t, customlabelstest.WithClockOffset(10*time.Minute))
	_, err := sdkClient(srv).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "InvalidSignatureException", reqs[0].ErrorCode)
	assert.Equal(t, http.StatusOK, reqs[1].Status)

	// Without retries the expired signature is the error.
	srv.ResetRequests()
	_, err = sdkClient(srv, func(o *rekognition.Options) { o.RetryMaxAttempts = 1 }).DescribeProjects(context.Background(), nil)
	code, _, _ := apiError(t, err)
	assert.Equal(t, "InvalidSignatureException", code)
	var ae smithy.APIError
	require.ErrorAs(t, err, &ae)
	assert.Contains(t, ae.ErrorMessage(), "Signature expired")
}

func TestSessionToken(t *testing.T) {
	const (
		akid   = "ASIAFAKESESSION"
		secret = "session-secret-never-printed"
		token  = "session-token-never-printed"
	)
	srv := newServer(t, customlabelstest.WithCredentials(akid, secret, token),
		customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	ctx := context.Background()

	out, err := sdkClient(srv, withCredentials(akid, secret, token)).DescribeProjects(ctx, nil)
	require.NoError(t, err, "the SDK signs X-Amz-Security-Token")
	assert.Len(t, out.ProjectDescriptions, 1)

	for name, opt := range map[string]func(*rekognition.Options){
		"no token":    withCredentials(akid, secret, ""),
		"wrong token": withCredentials(akid, secret, "another-token"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := sdkClient(srv, opt).DescribeProjects(ctx, nil)
			code, _, _ := apiError(t, err)
			assert.Equal(t, "UnrecognizedClientException", code)
		})
	}

	for _, r := range srv.Requests() {
		dump := fmt.Sprintf("%v %s", r.Header, r.Body)
		assert.NotContains(t, dump, token, "Requests() holds no session token")
		assert.NotContains(t, dump, secret)
		assert.Empty(t, r.Header.Get("Authorization"))
	}
}

func TestLoadDefaultConfigFromEnvironment(t *testing.T) {
	// A user's setup with no code change: credentials, region and the
	// service endpoint from the environment, no shared files, no IMDS.
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(4, 2)...))
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":                   customlabelstest.DefaultAccessKeyID,
		"AWS_SECRET_ACCESS_KEY":               customlabelstest.DefaultSecretAccessKey,
		"AWS_SESSION_TOKEN":                   "",
		"AWS_REGION":                          customlabelstest.DefaultRegion,
		"AWS_PROFILE":                         "",
		"AWS_CONFIG_FILE":                     filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE":         filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED":           "true",
		"AWS_ENDPOINT_URL":                    "",
		"AWS_ENDPOINT_URL_REKOGNITION":        srv.URL,
		"AWS_CA_BUNDLE":                       "",
		"AWS_USE_FIPS_ENDPOINT":               "",
		"AWS_USE_DUALSTACK_ENDPOINT":          "",
		"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "",
	} {
		t.Setenv(k, v)
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithHTTPClient(srv.HTTPClient()))
	require.NoError(t, err)

	got, _ := listAll(t, rekognition.NewFromConfig(cfg), &rekognition.DescribeProjectsInput{Features: bothFeatures}, 3)
	assert.Equal(t, ourArns(srv.Projects()), arns(got))

	// customlabels reads the same environment.
	out, err := customlabels.NewFromConfig(cfg).DescribeProjects(context.Background(),
		&customlabels.DescribeProjectsInput{Features: []customlabels.CustomizationFeature{"CUSTOM_LABELS", "CONTENT_MODERATION"}})
	require.NoError(t, err)
	assert.Equal(t, ourArns(srv.Projects()), ourArns(out.ProjectDescriptions))
}
