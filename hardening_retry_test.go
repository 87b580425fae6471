package customlabels_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// TestHardeningErrorCodeForms answers with every error code of the model,
// and others, in every form the fake can write them (customlabelstest
// CodeForm: plain, namespaced, suffixed, both, in "code", header only with
// {} and with an empty body). Each reaches the caller as its typed error
// with its code, message, status and request ID, and is retried exactly
// when it should be.
func TestHardeningErrorCodeForms(t *testing.T) {
	codes := []struct {
		code      string
		status    int // as the fake sends it
		retried   bool
		isTyped   func(error) bool
		wantCode  string
		generic   bool
		withFault func(customlabelstest.Fault) customlabelstest.Fault
	}{
		{code: "InvalidPaginationTokenException", status: 400, isTyped: as[*customlabels.InvalidPaginationTokenException]},
		{code: "InvalidParameterException", status: 400, isTyped: as[*customlabels.InvalidParameterException]},
		{code: "AccessDeniedException", status: 400, isTyped: as[*customlabels.AccessDeniedException]},
		{code: "InternalServerError", status: 500, retried: true, isTyped: as[*customlabels.InternalServerError]},
		{code: "ThrottlingException", status: 500, retried: true, isTyped: as[*customlabels.ThrottlingException]},
		{code: "ProvisionedThroughputExceededException", status: 400, retried: true, isTyped: as[*customlabels.ProvisionedThroughputExceededException]},
		{code: "ValidationException", status: 400, generic: true},
		{code: "ExpiredTokenException", status: 400, generic: true},
		{code: "ServiceUnavailable", status: 503, retried: true, generic: true},
	}
	forms := []customlabelstest.CodeForm{
		customlabelstest.CodePlain, customlabelstest.CodeNamespaced, customlabelstest.CodeSuffixed,
		customlabelstest.CodeNamespacedSuffixed, customlabelstest.CodeInCodeMember,
		customlabelstest.CodeHeaderOnly, customlabelstest.CodeHeaderOnlyEmptyBody,
	}
	for _, tc := range codes {
		for _, form := range forms {
			t.Run(tc.code+"/"+form.String(), func(t *testing.T) {
				w := newSecretWatch()
				srv, _ := newFake(t)
				srv.InjectFaults(3, customlabelstest.Exception(tc.code, tc.status, "injected "+tc.code).WithCodeForm(form))
				out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
				require.Error(t, err)
				assert.Nil(t, out)
				reqs := srv.Requests()

				var api smithy.APIError
				require.ErrorAs(t, err, &api)
				assert.Equal(t, tc.code, api.ErrorCode())
				if tc.generic {
					var ge *smithy.GenericAPIError
					assert.ErrorAs(t, err, &ge, "%s is not a modeled error", tc.code)
				} else {
					assert.True(t, tc.isTyped(err), "DescribeProjects error %T is not the typed %s", api, tc.code)
				}
				var re *awshttp.ResponseError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, tc.status, re.HTTPStatusCode())
				assert.Equal(t, reqs[len(reqs)-1].RequestID, re.ServiceRequestID())
				if form != customlabelstest.CodeHeaderOnly && form != customlabelstest.CodeHeaderOnlyEmptyBody {
					assert.Equal(t, "injected "+tc.code, api.ErrorMessage())
					assert.Contains(t, err.Error(), "injected "+tc.code)
				}
				if tc.retried {
					assert.Len(t, reqs, 3, "%s is retried", tc.code)
				} else {
					assert.Len(t, reqs, 1, "%s is not retried", tc.code)
				}
				w.check(t, err)
			})
		}
	}

	t.Run("code in another case", func(t *testing.T) {
		srv, _ := newFake(t)
		srv.InjectFaults(3, customlabelstest.Exception("throttlingexception", 400, "Rate exceeded"))
		_, err := fakeClient(srv, newSecretWatch()).DescribeProjects(context.Background(), nil)
		var te *customlabels.ThrottlingException
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "Rate exceeded", te.Message)
		assert.Len(t, srv.Requests(), 3, "a throttle in any case is retried")
	})
}

func as[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

// TestHardeningClockSkew runs the fake with its clock 10 minutes ahead and
// 10 minutes behind. The fake refuses a signature more than 5 minutes off
// as AWS does ("Signature expired", or "Signature not yet current" for a
// server behind the client); the client corrects its signing time
// from the Date header and succeeds on the retry, and later calls (also
// from many goroutines at once) use the correction from their first
// attempt. When the server's clock is then put right, one call is retried
// once more and the correction follows it back.
func TestHardeningClockSkew(t *testing.T) {
	for _, offset := range []time.Duration{10 * time.Minute, -10 * time.Minute} {
		t.Run("server clock "+offset.String(), func(t *testing.T) {
			w := newSecretWatch()
			srv, _ := newFake(t, customlabelstest.WithClockOffset(offset),
				customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
			c := fakeClient(srv, w)

			out, err := c.DescribeProjects(context.Background(), nil)
			require.NoError(t, err, "the retry signs with the server's time")
			assert.Len(t, out.ProjectDescriptions, 1)
			reqs := srv.Requests()
			require.Len(t, reqs, 2)
			assert.Equal(t, "InvalidSignatureException", reqs[0].ErrorCode)
			assert.Equal(t, 200, reqs[1].Status)

			_, err = c.DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, srv.Requests(), 3, "a later call uses the correction from its first attempt")

			var wg sync.WaitGroup
			var failed atomic.Int64
			for range 16 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := c.DescribeProjects(context.Background(), nil); err != nil {
						failed.Add(1)
					}
				}()
			}
			wg.Wait()
			assert.Zero(t, failed.Load())
			assert.Len(t, srv.Requests(), 19, "16 concurrent calls, one attempt each")

			srv.SetClockOffset(0)
			_, err = c.DescribeProjects(context.Background(), nil)
			require.NoError(t, err, "the correction follows the server's clock back")
			assert.Len(t, srv.Requests(), 21)
			_, err = c.DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, srv.Requests(), 22)
			w.check(t)

			// Without correction the expired signature is the answer.
			srv.SetClockOffset(offset)
			srv.ResetRequests()
			_, err = fakeClient(srv, w, func(o *customlabels.Options) { o.DisableClockSkewCorrection = true }).
				DescribeProjects(context.Background(), nil)
			var api smithy.APIError
			require.ErrorAs(t, err, &api)
			assert.Equal(t, "InvalidSignatureException", api.ErrorCode())
			if offset > 0 {
				assert.Contains(t, api.ErrorMessage(), "Signature expired")
			} else {
				assert.Contains(t, api.ErrorMessage(), "Signature not yet current")
			}
			assert.Len(t, srv.Requests(), 1, "not retried without correction")
			w.check(t, err)
		})
	}
}

// retriedCalls is how many calls TestHardeningRetriedCallsOnLoopback
// makes, each needing two retries.
const retriedCalls = 1000

// TestHardeningRetriedCallsOnLoopback makes 1,000 calls against the fake
// that each need two retries (a 500 InternalServerError and a 500
// ThrottlingException, in turn in either order), through the default HTTP
// client with zero backoff. Every call must succeed on its third attempt:
// no spurious transport failure (the official Go SDK has failed such
// retries with "use of closed network connection"), and the keep-alive
// connection is reused throughout.
func TestHardeningRetriedCallsOnLoopback(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	srv, conns := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	c := srv.Client(func(o *customlabels.Options) {
		o.Credentials = sessionCredentials()
		o.HTTPClient = nil // the client's own default transport
		o.Retryer = zeroBackoff(3)
	})
	ise := customlabelstest.Exception("InternalServerError", 0, "")
	throttle := customlabelstest.Exception("ThrottlingException", 0, "")
	var failures []string
	for i := range retriedCalls {
		if i%2 == 0 {
			srv.InjectFault(ise)
			srv.InjectFault(throttle)
		} else {
			srv.InjectFault(throttle)
			srv.InjectFault(ise)
		}
		out, err := c.DescribeProjects(context.Background(), nil)
		switch {
		case err != nil:
			failures = append(failures, err.Error())
		case len(out.ProjectDescriptions) != 2:
			failures = append(failures, "wrong page")
		}
	}
	assert.Empty(t, failures, "%d of %d calls failed; first: %v", len(failures), retriedCalls, first(failures))
	for _, f := range failures {
		assert.NotContains(t, f, "use of closed network connection")
	}
	assert.Zero(t, srv.PendingFaults())
	reqs := srv.Requests()
	require.Len(t, reqs, 3*retriedCalls)
	for i, r := range reqs {
		wantAttempt := []string{"attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"}[i%3]
		if got := r.Header.Get("Amz-Sdk-Request"); got != wantAttempt {
			t.Fatalf("request %d is %q, want %q", i, got, wantAttempt)
		}
	}
	t.Logf("%d calls, %d requests, %d connections", retriedCalls, len(reqs), conns.accepted.Load())
	assert.LessOrEqual(t, conns.accepted.Load(), int64(2), "error responses must not cost connections")
	srv.Close() // close the pooled connection before counting goroutines
}

// TestHardeningRetriedCallsConcurrent does the same from 8 goroutines at
// once through one client, with a server that fails the first two
// attempts of every call whatever order they arrive in, so that retried
// attempts share pooled connections with other calls' attempts.
func TestHardeningRetriedCallsConcurrent(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	l := listenCounted(t, false)
	var requests atomic.Int64
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		switch attempt := r.Header.Get("Amz-Sdk-Request"); {
		case strings.HasPrefix(attempt, "attempt=1;"):
			w.WriteHeader(500)
			_, _ = w.Write([]byte(`{"__type":"InternalServerError","Message":"Internal server error"}`))
		case strings.HasPrefix(attempt, "attempt=2;"):
			w.WriteHeader(500)
			_, _ = w.Write([]byte(`{"__type":"ThrottlingException","Message":"Rate exceeded"}`))
		default:
			_, _ = w.Write([]byte(`{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/p/1"}]}`))
		}
	}))
	ts.Listener.Close()
	ts.Listener = l
	ts.Start()
	defer ts.Close()
	c := customlabels.New(customlabels.Options{
		Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: sessionCredentials(), Retryer: zeroBackoff(3),
	})
	const goroutines = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range retriedCalls / goroutines {
				if _, err := c.DescribeProjects(context.Background(), nil); err != nil {
					mu.Lock()
					failures = append(failures, err.Error())
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	assert.Empty(t, failures, "%d of %d calls failed; first: %v", len(failures), retriedCalls, first(failures))
	assert.EqualValues(t, 3*retriedCalls, requests.Load())
	t.Logf("%d calls from %d goroutines, %d requests, %d connections", retriedCalls, goroutines, requests.Load(), l.accepted.Load())
	assert.LessOrEqual(t, l.accepted.Load(), int64(2*goroutines), "connections are reused")
	ts.Close()
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// TestHardeningIdleConnectionsClosedByServer calls a server that closes
// keep-alive connections after 10ms idle, every 9 to 11ms, so that the
// server often closes a connection just as the client reuses it: the
// request then meets EOF or a reset (about one call in ten on loopback).
// The client never replays a request body by itself (it has no GetBody, so
// that redirects stay unfollowed), so each such attempt must be retried by
// the client: every call succeeds.
func TestHardeningIdleConnectionsClosedByServer(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write([]byte(`{"ProjectDescriptions":[]}`))
	}))
	ts.Config.IdleTimeout = 10 * time.Millisecond
	ts.Start()
	defer ts.Close()
	var transportErrors atomic.Int64
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := tr.RoundTrip(r)
		if err != nil {
			transportErrors.Add(1)
		}
		return resp, err
	})}
	c := customlabels.New(customlabels.Options{
		Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: sessionCredentials(), HTTPClient: hc, Retryer: zeroBackoff(3),
	})
	const calls = 300
	var failures []string
	for i := range calls {
		time.Sleep(9*time.Millisecond + time.Duration(i%5)*500*time.Microsecond)
		if _, err := c.DescribeProjects(context.Background(), nil); err != nil {
			failures = append(failures, err.Error())
		}
	}
	t.Logf("%d calls, %d attempts met a connection the server had closed", calls, transportErrors.Load())
	assert.Empty(t, failures, "%d of %d calls failed; first: %v", len(failures), calls, first(failures))
}

// TestHardeningServerClosedIdleRetried pins what the test above meets
// about once in 1,500 calls: net/http's "http: server closed idle
// connection", returned for a pooled connection that the server closed
// as the request went out. It is returned here on the first attempt, as
// net/http returns it; the second attempt goes to a real server.
func TestHardeningServerClosedIdleRetried(t *testing.T) {
	srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	real := srv.HTTPClient()
	var attempts atomic.Int64
	hc := doer(func(r *http.Request) (*http.Response, error) {
		if attempts.Add(1) == 1 {
			return nil, &url.Error{Op: "Post", URL: r.URL.String(), Err: errors.New("http: server closed idle connection")}
		}
		return real.Do(r)
	})
	out, err := srv.Client(func(o *customlabels.Options) {
		o.Credentials = sessionCredentials()
		o.HTTPClient = hc
		o.Retryer = zeroBackoff(3)
	}).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 1)
	assert.EqualValues(t, 2, attempts.Load())
}
