package customlabelstest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// fastRetry retries as the default does (3 attempts), without backoff
// delay.
func fastRetry(o *customlabels.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
		so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

func TestExceptionFaults(t *testing.T) {
	cases := []struct {
		code      string
		status    int
		typed     any
		retried   bool
		wantMsg   string
		setStatus int
		setMsg    string
	}{
		{"InvalidPaginationTokenException", 400, new(*customlabels.InvalidPaginationTokenException), false, "Invalid pagination token", 0, ""},
		{"InvalidParameterException", 400, new(*customlabels.InvalidParameterException), false, "Request has invalid parameters", 0, ""},
		{"AccessDeniedException", 400, new(*customlabels.AccessDeniedException), false, "is not authorized to perform: rekognition:DescribeProjects", 0, ""},
		{"InternalServerError", 500, new(*customlabels.InternalServerError), true, "Internal server error", 0, ""},
		{"ThrottlingException", 500, new(*customlabels.ThrottlingException), true, "Rate exceeded", 0, ""},
		{"ProvisionedThroughputExceededException", 400, new(*customlabels.ProvisionedThroughputExceededException), true, "Provisioned rate exceeded", 0, ""},
		{"ValidationException", 400, new(*smithy.GenericAPIError), false, "custom message", 0, "custom message"},
		{"ExpiredTokenException", 403, new(*smithy.GenericAPIError), false, "The security token included in the request is expired", 403, "The security token included in the request is expired"},
		{"ServiceUnavailableException", 503, new(*smithy.GenericAPIError), true, "try later", 503, "try later"},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
			srv.InjectFault(customlabelstest.Exception(tc.code, tc.setStatus, tc.setMsg))
			_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
			apiErr, status := apiError(t, err)
			assert.Equal(t, tc.code, apiErr.ErrorCode(), "DescribeProjects() = %v", err)
			assert.Equal(t, tc.status, status)
			assert.Contains(t, apiErr.ErrorMessage(), tc.wantMsg)
			assert.True(t, errors.As(err, tc.typed), "error %v is a %T", err, tc.typed)
			reqs := srv.Requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, tc.code, reqs[0].ErrorCode)
			assert.Equal(t, tc.status, reqs[0].Status)
			assert.Contains(t, reqs[0].Fault, "exception "+tc.code)

			// With retries, the fault is used up and the next attempt
			// succeeds exactly when the client retries this error.
			srv.ResetRequests()
			srv.InjectFault(customlabelstest.Exception(tc.code, tc.setStatus, tc.setMsg))
			out, err := srv.Client(fastRetry).DescribeProjects(context.Background(), nil)
			if tc.retried {
				require.NoError(t, err)
				assert.Len(t, out.ProjectDescriptions, 1)
				assert.Len(t, srv.Requests(), 2)
			} else {
				require.Error(t, err)
				assert.Len(t, srv.Requests(), 1)
			}
		})
	}
}

func TestModeledExceptionBody(t *testing.T) {
	srv := newServer(t)
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "no"))
	res := rawCall(t, srv, `{}`, nil)
	assert.Equal(t, 400, res.status)
	assert.Regexp(t, `^\{"__type":"AccessDeniedException","Code":"AccessDeniedException","Logref":"[0-9a-f-]{36}","Message":"no"\}$`, res.body)
	assert.Regexp(t, uuidPattern, res.header.Get("X-Amzn-Requestid"))

	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "no"))
	_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
	var ad *customlabels.AccessDeniedException
	require.ErrorAs(t, err, &ad)
	assert.Equal(t, "no", ad.Message)
	assert.Equal(t, "AccessDeniedException", ad.Code)
	assert.Regexp(t, uuidPattern, ad.Logref)
	assert.Regexp(t, uuidPattern, ad.RequestID)
	assert.Equal(t, srv.Requests()[1].RequestID, ad.RequestID)
}

func TestExceptionCodeForms(t *testing.T) {
	cases := []struct {
		form   customlabelstest.CodeForm
		header string
		body   string
	}{
		{customlabelstest.CodePlain, "", `{"__type":"ThrottlingException","Code":"ThrottlingException","Logref":`},
		{customlabelstest.CodeNamespaced, "", `{"__type":"com.amazonaws.rekognition#ThrottlingException","message":"slow down"}`},
		{customlabelstest.CodeSuffixed, "", `{"__type":"ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.rekognition/","message":"slow down"}`},
		{customlabelstest.CodeNamespacedSuffixed, "", `{"__type":"com.amazonaws.rekognition#ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.rekognition/","message":"slow down"}`},
		{customlabelstest.CodeInCodeMember, "", `{"code":"ThrottlingException","message":"slow down"}`},
		{customlabelstest.CodeHeaderOnly, "ThrottlingException", `{}`},
		{customlabelstest.CodeHeaderOnlyEmptyBody, "ThrottlingException", ``},
	}
	for _, tc := range cases {
		t.Run(tc.form.String(), func(t *testing.T) {
			srv := newServer(t)
			f := customlabelstest.Exception("ThrottlingException", 0, "slow down").WithCodeForm(tc.form)
			srv.InjectFault(f)
			res := rawCall(t, srv, `{}`, nil)
			assert.Equal(t, 500, res.status)
			assert.Equal(t, tc.header, res.header.Get("X-Amzn-Errortype"))
			if tc.form == customlabelstest.CodePlain {
				assert.True(t, strings.HasPrefix(res.body, tc.body), res.body)
			} else {
				assert.Equal(t, tc.body, res.body)
			}

			// Our client reads the code from every form.
			srv.InjectFault(f)
			_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
			var te *customlabels.ThrottlingException
			require.ErrorAs(t, err, &te, "form %v: %v", tc.form, err)
			if tc.header == "" {
				assert.Equal(t, "slow down", te.Message)
			}
		})
	}
}

func TestLatencyFault(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	c := srv.Client(noRetry)

	srv.InjectFault(customlabelstest.Latency(80 * time.Millisecond))
	start := time.Now()
	out, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 1)
	assert.GreaterOrEqual(t, time.Since(start), 80*time.Millisecond, "the answer waited for the latency")

	// A long latency meets the caller's deadline; the server lets go of
	// the request when the client leaves.
	srv.InjectFault(customlabelstest.Latency(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err = c.DescribeProjects(ctx, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	require.Eventually(t, func() bool { return len(srv.Requests()) == 2 }, 5*time.Second, 5*time.Millisecond)
	assert.Equal(t, "latency after 1h0m0s", srv.Requests()[1].Fault)
	assert.Equal(t, 0, srv.Requests()[1].Status, "never answered")

	// WithDelay delays any fault.
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "").WithDelay(50 * time.Millisecond))
	start = time.Now()
	_, err = c.DescribeProjects(context.Background(), nil)
	var ad *customlabels.AccessDeniedException
	require.ErrorAs(t, err, &ad)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
}

func TestTruncatedBodyFault(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(10, 1)...))

	// On the wire: Content-Length announces more than is sent.
	srv.InjectFault(customlabelstest.TruncatedBody())
	req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(`{}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	sign(t, req, []byte(`{}`), signParams{})
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Greater(t, resp.ContentLength, int64(len(body)))
	assert.NotEmpty(t, body)

	// Our client: an error without retries, a success with them.
	srv.InjectFault(customlabelstest.TruncatedBody())
	_, err = srv.Client(noRetry).DescribeProjects(context.Background(), nil)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	srv.InjectFault(customlabelstest.TruncatedBody())
	out, err := srv.Client(fastRetry).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 5)

	reqs := srv.Requests()
	require.Len(t, reqs, 4)
	assert.Equal(t, "truncated body", reqs[0].Fault)
	assert.Equal(t, 200, reqs[0].Status)
}

func TestDropConnectionFault(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	srv.InjectFault(customlabelstest.DropConnection())
	_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	var apiErr smithy.APIError
	assert.False(t, errors.As(err, &apiErr), "no response, so no API error: %v", err)
	assert.ErrorIs(t, err, io.EOF)

	srv.InjectFaults(2, customlabelstest.DropConnection())
	out, err := srv.Client(fastRetry).DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "the third attempt succeeds")
	assert.Len(t, out.ProjectDescriptions, 1)

	reqs := srv.Requests()
	require.Len(t, reqs, 4)
	for _, r := range reqs[:3] {
		assert.Equal(t, "dropped connection", r.Fault)
		assert.Equal(t, 0, r.Status)
	}
	assert.Equal(t, 200, reqs[3].Status)
}

func TestProxyErrorFault(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	srv.InjectFault(customlabelstest.ProxyError(0))
	res := rawCall(t, srv, `{}`, nil)
	assert.Equal(t, 502, res.status)
	assert.Equal(t, "text/html", res.header.Get("Content-Type"))
	assert.Contains(t, res.body, "<title>502 Bad Gateway</title>")
	assert.Empty(t, res.header.Get("X-Amzn-Requestid"))

	srv.InjectFault(customlabelstest.ProxyError(http.StatusServiceUnavailable))
	_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
	_, status := apiError(t, err)
	assert.Equal(t, 503, status)
	assert.Contains(t, err.Error(), "text/html")

	srv.InjectFault(customlabelstest.ProxyError(0))
	_, err = srv.Client(fastRetry).DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "a 502 is retried")
	assert.Equal(t, "proxy error 502", srv.Requests()[2].Fault)
}

func TestSlowBodyFault(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(6, 1)...))
	c := srv.Client(noRetry)
	want, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)

	srv.InjectFault(customlabelstest.SlowBody(200, 10*time.Millisecond))
	got, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, want.ProjectDescriptions, got.ProjectDescriptions)

	// A deadline during the body ends the call.
	srv.InjectFault(customlabelstest.SlowBody(1, time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	_, err = c.DescribeProjects(ctx, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestRawResponseFault(t *testing.T) {
	srv := newServer(t)
	srv.InjectFault(customlabelstest.RawResponse(200, http.Header{"Content-Type": {"application/x-amz-json-1.1"}, "X-Amzn-Requestid": {"raw-1"}},
		[]byte(`{"ProjectDescriptions":[{"ProjectArn":"a","CreationTimestamp":"2023-11-14T22:13:20Z"}]}`)))
	_, err := srv.Client(noRetry).DescribeProjects(context.Background(), nil)
	var de *smithy.DeserializationError
	require.ErrorAs(t, err, &de, "a string timestamp is a decoding error: %v", err)
	assert.Contains(t, err.Error(), "raw-1")

	srv.InjectFault(customlabelstest.RawResponse(429, nil, nil))
	res := rawCall(t, srv, `{}`, nil)
	assert.Equal(t, 429, res.status)
	assert.Empty(t, res.body)
	assert.NotEmpty(t, res.header.Get("Date"))

	// A header with no Date value suppresses it.
	srv.InjectFault(customlabelstest.RawResponse(200, http.Header{"Date": nil}, []byte(`{}`)))
	res = rawCall(t, srv, `{}`, nil)
	assert.Empty(t, res.header.Get("Date"))
}

func TestRedirectFaultIsNotFollowed(t *testing.T) {
	srv := newServer(t)
	other := newServer(t)
	for _, status := range []int{301, 307} {
		srv.InjectFault(customlabelstest.Redirect(status, other.URL+"/"))
		_, err := srv.Client(fastRetry).DescribeProjects(context.Background(), nil)
		assert.Equal(t, status, httpStatus(t, err))
		assert.Contains(t, err.Error(), "redirect")
	}
	assert.Empty(t, other.Requests(), "the signed request never went to the other host")
	assert.Len(t, srv.Requests(), 2)
}

// httpStatus returns the HTTP status of err's response.
func httpStatus(t *testing.T, err error) int {
	t.Helper()
	require.Error(t, err)
	var re interface{ HTTPStatusCode() int }
	require.ErrorAs(t, err, &re, "%v", err)
	return re.HTTPStatusCode()
}

func TestRetryAfterHeader(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, "").WithRetryAfter(1500 * time.Millisecond))
	res := rawCall(t, srv, `{}`, nil)
	assert.Equal(t, "1500", res.header.Get("X-Amz-Retry-After"))

	// The client waits at least that long before its retry.
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, "").WithRetryAfter(120 * time.Millisecond))
	start := time.Now()
	_, err := srv.Client(fastRetry).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 120*time.Millisecond)
}

func TestFaultQueue(t *testing.T) {
	srv := newServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	srv.InjectFaults(2, customlabelstest.Exception("InternalServerError", 0, ""))
	srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, ""))
	assert.Equal(t, 3, srv.PendingFaults())

	// Faults apply to any request, signed or not, in order.
	res := signedCall(t, srv, `{}`, signParams{unsigned: true}, nil)
	assert.Equal(t, 500, res.status)
	c := srv.Client(noRetry)
	_, err := c.DescribeProjects(context.Background(), nil)
	var ise *customlabels.InternalServerError
	assert.ErrorAs(t, err, &ise)
	_, err = c.DescribeProjects(context.Background(), nil)
	var ad *customlabels.AccessDeniedException
	assert.ErrorAs(t, err, &ad)
	assert.Equal(t, 0, srv.PendingFaults())
	_, err = c.DescribeProjects(context.Background(), nil)
	assert.NoError(t, err)

	srv.InjectFaults(5, customlabelstest.DropConnection())
	srv.ClearFaults()
	assert.Equal(t, 0, srv.PendingFaults())
	_, err = c.DescribeProjects(context.Background(), nil)
	assert.NoError(t, err)
}

func TestFaultStrings(t *testing.T) {
	for f, want := range map[*customlabelstest.Fault]string{
		ptr(customlabelstest.Exception("ThrottlingException", 0, "")):                                       "exception ThrottlingException (500)",
		ptr(customlabelstest.Exception("X", 418, "").WithCodeForm(customlabelstest.CodeHeaderOnly)):         "exception X (418, header only)",
		ptr(customlabelstest.Exception("X", 0, "").WithRetryAfter(time.Second).WithDelay(time.Millisecond)): "exception X (400) after 1ms with retry-after 1s",
		ptr(customlabelstest.SlowBody(0, time.Second)):                                                      "slow body (1 bytes every 1s)",
		ptr(customlabelstest.Redirect(307, "http://127.0.0.1:1/")):                                          "redirect 307",
		ptr(customlabelstest.RawResponse(204, nil, nil)):                                                    "raw response 204",
		ptr(customlabelstest.Latency(time.Second)):                                                          "latency after 1s",
		ptr(customlabelstest.Fault{}):                                                                       "latency",
		ptr(customlabelstest.Exception("X", 0, "").WithCodeForm(customlabelstest.CodeForm(99))):             "exception X (400, CodeForm(99))",
	} {
		assert.Equal(t, want, f.String())
	}
}

func ptr[T any](v T) *T { return &v }

func TestThrottle(t *testing.T) {
	srv := newServer(t, customlabelstest.WithThrottleRPS(1), customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	c := srv.Client(noRetry)
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "the burst allows one request")
	_, err = c.DescribeProjects(context.Background(), nil)
	var te *customlabels.ThrottlingException
	require.ErrorAs(t, err, &te, "the second request within a second is throttled: %v", err)
	assert.Equal(t, "Rate exceeded", te.Message)
	_, status := apiError(t, err)
	assert.Equal(t, 500, status)
	assert.Equal(t, "ThrottlingException", srv.Requests()[1].ErrorCode)

	time.Sleep(1100 * time.Millisecond) // the bucket refills at one token a second
	_, err = c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)

	srv.SetThrottleRPS(0)
	for range 20 {
		_, err = c.DescribeProjects(context.Background(), nil)
		require.NoError(t, err, "no limit any more")
	}

	// Rejected authentication is refused before the limit is counted.
	srv.SetThrottleRPS(0.001)
	res := signedCall(t, srv, `{}`, signParams{unsigned: true}, nil)
	typ, _ := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.service#MissingAuthenticationTokenException", typ)
	_, err = c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
}
