package customlabels

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRetriesSignEachAttemptAfresh(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n < 3 {
			writeError(w, 500, "ThrottlingException", "slow")
			return
		}
		writeJSON(w, 200, `{}`)
	})
	out, err := testClient(ts).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "req-3", out.RequestID)
	reqs := ts.Requests()
	require.Len(t, reqs, 3)
	sigs := map[string]bool{}
	for i, r := range reqs {
		assert.True(t, r.SignatureOK, "attempt %d signature", i+1)
		assert.Equal(t, "attempt="+itoa(i+1)+"; max=3", r.Header.Get("Amz-Sdk-Request"))
		assert.Equal(t, reqs[0].Header.Get("Amz-Sdk-Invocation-Id"), r.Header.Get("Amz-Sdk-Invocation-Id"), "one invocation ID per call")
		sigs[r.Header.Get("Authorization")] = true
	}
	assert.Len(t, sigs, 3, "each attempt carries its own signature")
}

func TestRetryMaxAttemptsOneDisablesRetries(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 500, "ThrottlingException", "slow")
	})
	_, err := testClient(ts, func(o *Options) { o.RetryMaxAttempts = 1 }).DescribeProjects(context.Background(), nil)
	var te *ThrottlingException
	require.ErrorAs(t, err, &te)
	assert.EqualValues(t, 1, ts.count.Load())
	assert.NotContains(t, err.Error(), "attempts")
}

func TestRetryMaxAttemptsRaised(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 503, "ServiceUnavailable", "later")
	})
	_, err := testClient(ts, func(o *Options) { o.RetryMaxAttempts = 5 }).DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.EqualValues(t, 5, ts.count.Load())
	assert.Contains(t, err.Error(), "attempts: 5 of 5")
}

func TestConnectionErrorsRetried(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n < 3 {
			// Drop the connection without a response.
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		writeJSON(w, 200, `{"ProjectDescriptions":[{"ProjectArn":"ok"}]}`)
	})
	out, err := testClient(ts).DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "ok", out.ProjectDescriptions[0].ProjectArn)
	assert.EqualValues(t, 3, ts.count.Load())
}

func TestDefaultRetryerBacksOff(t *testing.T) {
	// With the default retryer (no test override) a 500 is retried 3
	// times in all.
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 500, "InternalServerError", "boom")
	})
	c := testClient(ts, func(o *Options) { o.Retryer = nil })
	_, err := c.DescribeProjects(context.Background(), nil)
	var ise *InternalServerError
	require.ErrorAs(t, err, &ise)
	assert.EqualValues(t, 3, ts.count.Load())
}

func TestAdaptiveRetryMode(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeError(w, 400, "ProvisionedThroughputExceededException", "quota")
			return
		}
		writeJSON(w, 200, `{}`)
	})
	c := testClient(ts, func(o *Options) { o.Retryer = nil; o.RetryMode = aws.RetryModeAdaptive })
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.EqualValues(t, 2, ts.count.Load())
}

func TestCustomRetryerHonoured(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 500, "ThrottlingException", "slow")
	})
	_, err := testClient(ts, func(o *Options) { o.Retryer = aws.NopRetryer{} }).DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.EqualValues(t, 1, ts.count.Load())

	// A codes-extending retryer retries what the default would not.
	ts2 := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 400, "AccessDeniedException", "no")
	})
	_, err = testClient(ts2, func(o *Options) {
		o.Retryer = retry.AddWithErrorCodes(noDelayRetryer(), "AccessDeniedException")
	}).DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.EqualValues(t, 3, ts2.count.Load())
}

func TestDeadlineDuringBackoff(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 500, "ThrottlingException", "Rate exceeded")
	})
	slow := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Minute, nil })
	})
	c := testClient(ts, func(o *Options) { o.Retryer = slow })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.DescribeProjects(ctx, nil)
	// The backoff is a minute: returning at all proves it was cut short.
	assert.Less(t, time.Since(start), 30*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var te *ThrottlingException
	require.ErrorAs(t, err, &te, "the last service error stays reachable")
	assert.Equal(t, "Rate exceeded", te.Message)
	var withStatus interface{ HTTPStatusCode() int }
	require.ErrorAs(t, err, &withStatus)
	assert.Equal(t, 500, withStatus.HTTPStatusCode())
	assert.EqualValues(t, 1, ts.count.Load())
	msg := err.Error()
	assert.Contains(t, msg, "ThrottlingException: Rate exceeded")
	assert.Contains(t, msg, "stopped: context deadline exceeded")
}

func TestCancelDuringSecondAttempt(t *testing.T) {
	release := make(chan struct{})
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeError(w, 500, "InternalServerError", "first")
			return
		}
		select { // hang until the client gives up
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	c := testClient(ts)
	go func() {
		for ts.count.Load() < 2 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := c.DescribeProjects(ctx, nil)
	assert.ErrorIs(t, err, context.Canceled)
	var ise *InternalServerError
	require.ErrorAs(t, err, &ise, "the first attempt's service error stays reachable")
	assert.Equal(t, "first", ise.Message)
	var re *RetryError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 2, re.Attempts)
}

func TestCancelledBeforeStart(t *testing.T) {
	ts := newTestServer(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := testClient(ts).DescribeProjects(ctx, nil)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, ts.count.Load())
}

func TestRetryQuotaRefusalNamesServiceError(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 500, "ThrottlingException", "Rate exceeded")
	})
	empty := retry.NewStandard(func(o *retry.StandardOptions) {
		o.RateLimiter = ratelimit.NewTokenRateLimit(0)
	})
	_, err := testClient(ts, func(o *Options) { o.Retryer = empty }).DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.EqualValues(t, 1, ts.count.Load())
	var te *ThrottlingException
	require.ErrorAs(t, err, &te)
	msg := err.Error()
	assert.Contains(t, msg, "ThrottlingException: Rate exceeded")
	assert.Contains(t, msg, "retry quota exceeded")
	assert.Less(t, strings.Index(msg, "ThrottlingException"), strings.Index(msg, "retry quota"), "the service error comes first: %s", msg)
	var qe ratelimit.QuotaExceededError
	assert.ErrorAs(t, err, &qe)
}

func TestClockSkewCorrected(t *testing.T) {
	const offset = 10 * time.Minute
	skewedServer := func(t *testing.T) *testServer {
		return newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			now := time.Now().Add(offset)
			w.Header().Set("Date", now.UTC().Format(http.TimeFormat))
			signed, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
			if err != nil || now.Sub(signed).Abs() > 5*time.Minute {
				writeError(w, 400, "InvalidSignatureException", "Signature expired: "+r.Header.Get("X-Amz-Date")+" is now earlier than ...")
				return
			}
			writeJSON(w, 200, `{}`)
		})
	}

	ts := skewedServer(t)
	c := testClient(ts)
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "the retry signs with the corrected time")
	assert.EqualValues(t, 2, ts.count.Load())
	_, err = c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.EqualValues(t, 3, ts.count.Load(), "later calls use the correction from the start")
	for _, r := range ts.Requests()[1:] {
		assert.True(t, r.SignatureOK)
	}

	ts2 := skewedServer(t)
	c2 := testClient(ts2, func(o *Options) { o.DisableClockSkewCorrection = true })
	_, err = c2.DescribeProjects(context.Background(), nil)
	assert.ErrorContains(t, err, "InvalidSignatureException: Signature expired")
	assert.EqualValues(t, 1, ts2.count.Load(), "without correction the error is not retried")
}

func TestRetryAfterHeaderClamp(t *testing.T) {
	mk := func(v string) error {
		h := http.Header{}
		if v != "" {
			h.Set("X-Amz-Retry-After", v)
		}
		return responseError(&http.Response{StatusCode: 503, Header: h}, &sentSecrets{}, "r", errors.New("x"))
	}
	var re *smithyhttp.ResponseError
	require.ErrorAs(t, mk("1"), &re)
	tests := []struct {
		backoff time.Duration
		header  string
		want    time.Duration
	}{
		{100 * time.Millisecond, "", 100 * time.Millisecond},
		{100 * time.Millisecond, "1500", 1500 * time.Millisecond},
		{100 * time.Millisecond, "10", 100 * time.Millisecond},
		{100 * time.Millisecond, "60000", 5100 * time.Millisecond},
		{100 * time.Millisecond, "-5", 100 * time.Millisecond},
		{100 * time.Millisecond, "soon", 100 * time.Millisecond},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, retryAfter(tt.backoff, mk(tt.header)), "retryAfter(%v, %q)", tt.backoff, tt.header)
	}
}

func TestDeadlineDuringFirstAttemptNotRetried(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		select { // never answers in time
		case <-r.Context().Done():
		case <-release:
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := testClient(ts).DescribeProjects(ctx, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var re *RetryError
	assert.False(t, errors.As(err, &re), "one attempt cut short by the deadline is not a retry: %v", err)
	assert.EqualValues(t, 1, ts.count.Load())
	assert.Equal(t, 1, strings.Count(err.Error(), "context deadline exceeded"), err.Error())
}
