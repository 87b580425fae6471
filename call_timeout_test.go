package customlabels_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels"
)

// TestAttemptTimeouts: servers that stall, called with
// context.Background() and small configured bounds. Each stalled attempt
// ends with an *AttemptTimeoutError naming what stalled, is retried (the
// server counts 3 requests), and no goroutine is left.
func TestAttemptTimeouts(t *testing.T) {
	const rid = "rid-stalled"
	tests := []struct {
		name        string
		idle, total time.Duration
		// serve answers one request, returning when the client gives up
		// (the request's context ends) or the test ends.
		serve       func(w http.ResponseWriter, r *http.Request, stop <-chan struct{})
		wantStalled string
		wantIdle    bool
		wantStatus  int // 0: no response headers arrived
	}{
		{
			name: "a server that never answers",
			idle: 50 * time.Millisecond,
			serve: func(w http.ResponseWriter, r *http.Request, stop <-chan struct{}) {
				select {
				case <-r.Context().Done():
				case <-stop:
				}
			},
			wantStalled: "waiting for the response headers",
			wantIdle:    true,
		},
		{
			name: "a body that stops mid-way",
			idle: 50 * time.Millisecond,
			serve: func(w http.ResponseWriter, r *http.Request, stop <-chan struct{}) {
				body := `{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:111122223333:project/p/1"}]}`
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				w.Header().Set("X-Amzn-Requestid", rid)
				w.WriteHeader(http.StatusOK)
				_, _ = w.Write([]byte(body[:len(body)/2]))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-stop:
				}
			},
			wantStalled: "reading the response body",
			wantIdle:    true,
			wantStatus:  http.StatusOK,
		},
		{
			name:  "a body trickled past AttemptTimeout",
			idle:  time.Minute,
			total: 100 * time.Millisecond,
			serve: func(w http.ResponseWriter, r *http.Request, stop <-chan struct{}) {
				w.Header().Set("X-Amzn-Requestid", rid)
				w.WriteHeader(http.StatusOK)
				_, _ = w.Write([]byte(`{"ProjectDescriptions":[`))
				tick := time.NewTicker(5 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-r.Context().Done():
						return
					case <-stop:
						return
					case <-tick.C:
						_, _ = w.Write([]byte(" "))
						w.(http.Flusher).Flush()
					}
				}
			},
			wantStalled: "reading the response body",
			wantStatus:  http.StatusOK,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
			var requests atomic.Int64
			stop := make(chan struct{})
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				tt.serve(w, r, stop)
			}))
			defer ts.Close()
			defer close(stop)
			tr := &http.Transport{}
			defer tr.CloseIdleConnections()
			w := newSecretWatch()
			client := customlabels.New(customlabels.Options{
				Region:         "us-east-1",
				BaseEndpoint:   ts.URL,
				Credentials:    sessionCredentials(),
				HTTPClient:     &http.Client{Transport: w.transport(tr)},
				Retryer:        zeroBackoff(3),
				Logger:         w.logger,
				IdleTimeout:    tt.idle,
				AttemptTimeout: tt.total,
			})

			out, err := client.DescribeProjects(context.Background(), nil)
			require.Error(t, err, "DescribeProjects(...) = %v, want an error", out)
			w.check(t, err)
			var te *customlabels.AttemptTimeoutError
			require.ErrorAs(t, err, &te, "DescribeProjects(...) = %v, want an *AttemptTimeoutError", err)
			assert.Equal(t, tt.wantStalled, te.Stalled)
			assert.Equal(t, tt.wantIdle, te.Idle)
			assert.ErrorContains(t, err, tt.wantStalled)
			assert.False(t, errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled),
				"the caller's context did not end, but DescribeProjects(...) = %v", err)

			var re *customlabels.RetryError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, 3, re.Attempts, "stalled attempts are retried")
			assert.EqualValues(t, 3, requests.Load(), "requests the server received")

			var resp *awshttp.ResponseError
			if tt.wantStatus == 0 {
				assert.False(t, errors.As(err, &resp), "no response arrived, but DescribeProjects(...) = %v", err)
			} else {
				require.ErrorAs(t, err, &resp)
				assert.Equal(t, tt.wantStatus, resp.HTTPStatusCode())
				assert.Equal(t, rid, resp.ServiceRequestID())
			}
		})
	}
}

// TestAttemptTimeoutsOff: negative bounds turn them off; the caller's
// context is then the only bound, and it still ends the call.
func TestAttemptTimeoutsOff(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var requests atomic.Int64
	stop := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	defer ts.Close()
	defer close(stop)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := customlabels.New(customlabels.Options{
		Region:         "us-east-1",
		BaseEndpoint:   ts.URL,
		Credentials:    sessionCredentials(),
		HTTPClient:     &http.Client{Transport: tr},
		Retryer:        zeroBackoff(3),
		IdleTimeout:    -1,
		AttemptTimeout: -1,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := client.DescribeProjects(ctx, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	var te *customlabels.AttemptTimeoutError
	assert.False(t, errors.As(err, &te), "DescribeProjects(...) = %v, want no *AttemptTimeoutError", err)
	assert.EqualValues(t, 1, requests.Load())
}

// TestAttemptTimeoutsLeaveHealthyCallsAlone: with small bounds, calls
// whose attempts progress succeed, on one connection, attempt after
// attempt.
func TestAttemptTimeoutsLeaveHealthyCallsAlone(t *testing.T) {
	srv, l := newFake(t)
	client := customlabels.New(customlabels.Options{
		Region:         srv.Region(),
		BaseEndpoint:   srv.URL,
		Credentials:    sessionCredentials(),
		HTTPClient:     srv.HTTPClient(),
		IdleTimeout:    time.Second,
		AttemptTimeout: 2 * time.Second,
	})
	for i := 0; i < 50; i++ {
		_, err := client.DescribeProjects(context.Background(), nil)
		require.NoError(t, err, "call %d", i)
	}
	assert.EqualValues(t, 1, l.accepted.Load(), "connections: a finished attempt's bound must not close its connection")
}
