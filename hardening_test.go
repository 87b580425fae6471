package customlabels_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// A misbehaviour is one way a server or network fails a call. Its run
// makes the call(s) against real HTTP, asserts what the client must do,
// and returns the error the caller got, which is then checked for
// secrets.
type misbehaviour struct {
	name string
	run  func(t *testing.T, w *secretWatch) error
}

// TestHardeningMisbehavingServers runs every misbehaviour of issue 6 §2
// against customlabelstest (or, where the fake has no such fault, an
// httptest server) with session credentials and a debug logger; after
// each, no secret may appear in the error or the logs.
func TestHardeningMisbehavingServers(t *testing.T) {
	var all []misbehaviour
	all = append(all, cutShort()...)
	all = append(all, connectionReset()...)
	all = append(all, badJSON()...)
	all = append(all, proxyPages()...)
	all = append(all, emptyBodies()...)
	all = append(all, oversizedBodies()...)
	all = append(all, slowServers()...)
	all = append(all, longNextTokens()...)
	all = append(all, hugeHeaders()...)
	for _, m := range all {
		t.Run(m.name, func(t *testing.T) {
			w := newSecretWatch()
			err := m.run(t, w)
			w.check(t, err)
			if !strings.Contains(w.logs.String(), `"msg":"customlabels attempt"`) && !isInvalidParam(err) {
				t.Errorf("the debug logger received no attempt record")
			}
		})
	}
}

func isInvalidParam(err error) bool {
	var pe *customlabels.InvalidParamError
	return errors.As(err, &pe)
}

// fakeClient returns a client for srv with the watch's logger and
// recording transport and a zero-backoff retryer of 3 attempts.
func fakeClient(srv *customlabelstest.Server, w *secretWatch, optFns ...func(*customlabels.Options)) *customlabels.Client {
	optFns = append([]func(*customlabels.Options){w.options(srv), func(o *customlabels.Options) { o.Retryer = zeroBackoff(3) }}, optFns...)
	return srv.Client(optFns...)
}

// httptestClient returns a client for an httptest server, as fakeClient
// does for a fake.
func httptestClient(t *testing.T, ts *httptest.Server, w *secretWatch, optFns ...func(*customlabels.Options)) *customlabels.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return customlabels.New(customlabels.Options{
		Region:       "us-east-1",
		BaseEndpoint: ts.URL,
		Credentials:  sessionCredentials(),
		HTTPClient:   &http.Client{Transport: w.transport(tr)},
		Retryer:      zeroBackoff(3),
		Logger:       w.logger,
	}, optFns...)
}

// attempts returns the attempts a *customlabels.RetryError reports, or 1
// when the error has none.
func attempts(err error) int {
	var re *customlabels.RetryError
	if errors.As(err, &re) {
		return re.Attempts
	}
	return 1
}

func cutShort() []misbehaviour {
	return []misbehaviour{
		{"200 body cut short once: retried, the whole page", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(5, 1)...))
			srv.InjectFault(customlabelstest.TruncatedBody())
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, out.ProjectDescriptions, 3, "the Custom Labels projects of DemoProjects(5)")
			assert.Len(t, srv.Requests(), 2)
			return err
		}},
		{"200 body cut short on every attempt: an error, never an empty page", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(5, 1)...))
			srv.InjectFaults(3, customlabelstest.TruncatedBody())
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.Equal(t, 3, attempts(err))
			assert.Len(t, srv.Requests(), 3)
			assert.Contains(t, err.Error(), "attempts: 3 of 3")
			return err
		}},
		{"a listing whose second page is cut short on every attempt: an error, not a shorter listing", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(24, 1)...))
			srv.InjectFault(customlabelstest.Fault{}) // the first page answers normally
			srv.InjectFaults(3, customlabelstest.TruncatedBody())
			var got int
			var errs []error
			for p, err := range customlabels.AllProjects(context.Background(), fakeClient(srv, w), &customlabels.DescribeProjectsInput{MaxResults: 5}) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				assert.NotEmpty(t, p.ProjectArn)
				got++
			}
			require.Len(t, errs, 1, "the listing ends with exactly one error")
			assert.Equal(t, 5, got, "the first page's projects, then the error")
			assert.ErrorIs(t, errs[0], io.ErrUnexpectedEOF)
			return errs[0]
		}},
	}
}

// resetServer answers the first n requests with a 200 whose body stops
// halfway and whose connection is then reset (TCP RST), and later ones
// with an empty page.
func resetServer(t *testing.T, n int64) (*httptest.Server, *atomic.Int64) {
	var count atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if count.Add(1) > n {
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			_, _ = io.WriteString(w, `{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/p/1"}]}`)
			return
		}
		conn, bw, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		body := `{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/p/1"}]}`
		_, _ = io.WriteString(bw, "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amzn-Requestid: rid-reset\r\nContent-Length: "+
			strconv.Itoa(len(body))+"\r\n\r\n"+body[:len(body)/2])
		_ = bw.Flush()
		time.Sleep(10 * time.Millisecond) // let the client start reading the body
		_ = conn.(*net.TCPConn).SetLinger(0)
		_ = conn.Close()
	}))
	t.Cleanup(ts.Close)
	return ts, &count
}

func connectionReset() []misbehaviour {
	return []misbehaviour{
		{"connection closed without a response, twice: retried", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
			srv.InjectFaults(2, customlabelstest.DropConnection())
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, out.ProjectDescriptions, 1)
			assert.Len(t, srv.Requests(), 3)
			return err
		}},
		{"connection closed without a response on every attempt: an error", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t)
			srv.InjectFaults(3, customlabelstest.DropConnection())
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.ErrorIs(t, err, io.EOF)
			assert.Equal(t, 3, attempts(err))
			return err
		}},
		{"connection reset mid-body once: retried", func(t *testing.T, w *secretWatch) error {
			ts, count := resetServer(t, 1)
			out, err := httptestClient(t, ts, w).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, out.ProjectDescriptions, 1)
			assert.EqualValues(t, 2, count.Load())
			return err
		}},
		{"connection reset mid-body on every attempt: an error", func(t *testing.T, w *secretWatch) error {
			ts, count := resetServer(t, 3)
			out, err := httptestClient(t, ts, w).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.EqualValues(t, 3, count.Load())
			assert.Equal(t, 3, attempts(err))
			assert.True(t, errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF),
				"DescribeProjects error %v is neither a reset nor an unexpected EOF", err)
			return err
		}},
	}
}

// rawJSON answers with a 200 carrying body, as the service would if its
// JSON were broken.
func rawJSON(body string) customlabelstest.Fault {
	return customlabelstest.RawResponse(200, http.Header{
		"Content-Type":     {"application/x-amz-json-1.1"},
		"X-Amzn-Requestid": {"rid-raw"},
	}, []byte(body))
}

func badJSON() []misbehaviour {
	bodies := []struct{ name, body, want string }{
		{"invalid JSON", `{"ProjectDescriptions":[{"ProjectArn":"a",}]}`, "invalid character"},
		{"not JSON at all", `Service Unavailable`, "invalid character"},
		{"JSON null", `null`, "JSON null"},
		{"an array", `[{"ProjectArn":"a"}]`, "cannot unmarshal array"},
		{"ProjectDescriptions an object", `{"ProjectDescriptions":{"ProjectArn":"a"}}`, "cannot unmarshal object"},
		{"ProjectArn a number", `{"ProjectDescriptions":[{"ProjectArn":5}]}`, "cannot unmarshal number"},
		{"Status a bool", `{"ProjectDescriptions":[{"Status":true}]}`, "cannot unmarshal bool"},
		{"Datasets a string", `{"ProjectDescriptions":[{"Datasets":"TRAIN"}]}`, "cannot unmarshal string"},
		{"CreationTimestamp a string", `{"ProjectDescriptions":[{"CreationTimestamp":"2023-11-14T22:13:20Z"}]}`, "timestamp"},
		{"CreationTimestamp out of range", `{"ProjectDescriptions":[{"CreationTimestamp":1e400}]}`, "range"},
		{"NextToken a number", `{"NextToken":7}`, "cannot unmarshal number"},
		{"trailing garbage", `{"ProjectDescriptions":[]}{}`, "invalid character"},
	}
	var ms []misbehaviour
	for _, b := range bodies {
		ms = append(ms, misbehaviour{"200 with " + b.name + ": a deserialization error, not retried", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t)
			srv.InjectFaults(3, rawJSON(b.body))
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.Contains(t, err.Error(), b.want)
			var de *smithy.DeserializationError
			assert.ErrorAs(t, err, &de)
			var re *awshttp.ResponseError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, 200, re.HTTPStatusCode())
			assert.Equal(t, "rid-raw", re.ServiceRequestID())
			assert.Len(t, srv.Requests(), 1, "a complete but malformed body is not retried")
			return err
		}})
	}
	return ms
}

func proxyPages() []misbehaviour {
	var ms []misbehaviour
	for _, status := range []int{502, 503} {
		ms = append(ms,
			misbehaviour{"HTML " + strconv.Itoa(status) + " from a proxy once: retried", func(t *testing.T, w *secretWatch) error {
				srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
				srv.InjectFault(customlabelstest.ProxyError(status))
				out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
				require.NoError(t, err)
				assert.Len(t, out.ProjectDescriptions, 1)
				assert.Len(t, srv.Requests(), 2)
				return err
			}},
			misbehaviour{"HTML " + strconv.Itoa(status) + " from a proxy on every attempt: a clear error", func(t *testing.T, w *secretWatch) error {
				srv, _ := newFake(t)
				srv.InjectFaults(3, customlabelstest.ProxyError(status))
				out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
				require.Error(t, err)
				assert.Nil(t, out)
				assert.Len(t, srv.Requests(), 3)
				var re *awshttp.ResponseError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, status, re.HTTPStatusCode())
				var api smithy.APIError
				require.ErrorAs(t, err, &api)
				assert.Equal(t, "UnknownError", api.ErrorCode())
				assert.Contains(t, err.Error(), "non-JSON error response")
				assert.Contains(t, err.Error(), "text/html")
				assert.NotContains(t, err.Error(), "<html>", "the page itself is not echoed")
				return err
			}})
	}
	return ms
}

func emptyBodies() []misbehaviour {
	empty := customlabelstest.RawResponse(200, http.Header{"Content-Type": {"application/x-amz-json-1.1"}}, nil)
	return []misbehaviour{
		{"empty 200 once: retried", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
			srv.InjectFault(empty)
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Len(t, out.ProjectDescriptions, 1)
			assert.Len(t, srv.Requests(), 2)
			return err
		}},
		{"empty 200 on every attempt: an error, never an empty page", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t)
			srv.InjectFaults(3, empty)
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.Contains(t, err.Error(), "empty response body")
			assert.Len(t, srv.Requests(), 3)
			return err
		}},
	}
}

// hugeServer answers with status and a body of total bytes, written from
// one small buffer as fast as the client reads, with its length declared
// or chunked; it counts the bytes written.
func hugeServer(t *testing.T, status int, total int64, declared bool) (*httptest.Server, *atomic.Int64, *atomic.Int64) {
	var written, requests atomic.Int64
	chunk := []byte(strings.Repeat(`{"ProjectArn":"x"},`, 64<<10/19))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if declared {
			w.Header().Set("Content-Length", strconv.FormatInt(total, 10))
		}
		w.WriteHeader(status)
		for sent := int64(0); sent < total; {
			n, err := w.Write(chunk[:min(int64(len(chunk)), total-sent)])
			sent += int64(n)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	t.Cleanup(ts.Close)
	return ts, &written, &requests
}

func oversizedBodies() []misbehaviour {
	const total = 1 << 30 // 1 GiB
	var ms []misbehaviour
	for _, declared := range []bool{true, false} {
		how := "chunked"
		if declared {
			how = "Content-Length declared"
		}
		ms = append(ms, misbehaviour{"200 body of 1 GiB, " + how + ": refused at the cap without reading or keeping it", func(t *testing.T, w *secretWatch) error {
			ts, written, requests := hugeServer(t, 200, total, declared)
			c := httptestClient(t, ts, w)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			out, err := c.DescribeProjects(context.Background(), nil)
			runtime.ReadMemStats(&after)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.Contains(t, err.Error(), "response body too large")
			assert.Contains(t, err.Error(), strconv.Itoa(customlabels.MaxResponseBytes))
			assert.EqualValues(t, 1, requests.Load(), "an oversized body is not retried")
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s: server wrote %d MiB, the process allocated %d MiB", how, written.Load()>>20, allocated>>20)
			// Reading up to the cap grows a buffer by doubling: a bounded
			// multiple of the cap (6x to 8x measured under -race), whatever
			// the size of the body.
			assert.Less(t, allocated, uint64(12*customlabels.MaxResponseBytes), "allocated %d bytes for a capped body", allocated)
			if declared {
				assert.Less(t, allocated, uint64(customlabels.MaxResponseBytes/4), "a declared oversized length is refused before reading")
			}
			ts.Close() // the handler's last write has failed: written is final
			assert.Less(t, written.Load(), int64(customlabels.MaxResponseBytes+32<<20), "the client read far past the cap")
			return err
		}})
	}
	ms = append(ms, misbehaviour{"200 body just under the cap holding 5 million empty projects: refused, allocation bounded", func(t *testing.T, w *secretWatch) error {
		body := make([]byte, 0, customlabels.MaxResponseBytes)
		body = append(body, `{"ProjectDescriptions":[{}`...)
		for len(body) < customlabels.MaxResponseBytes-16 {
			body = append(body, `,{}`...)
		}
		body = append(body, `]}`...)
		srv, _ := newFake(t)
		srv.InjectFaults(3, rawJSON(string(body)))
		body = nil
		c := fakeClient(srv, w)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		out, err := c.DescribeProjects(context.Background(), nil)
		runtime.ReadMemStats(&after)
		require.Error(t, err)
		assert.Nil(t, out)
		assert.Contains(t, err.Error(), "response has more than")
		assert.Len(t, srv.Requests(), 1, "a complete but oversized listing is not retried")
		allocated := after.TotalAlloc - before.TotalAlloc
		t.Logf("allocated %d MiB for a %d MiB body of empty projects", allocated>>20, customlabels.MaxResponseBytes>>20)
		// Decoded as encoding/json would, this body is about 600 MB of
		// structs; bounded, it is the body and a few MiB.
		assert.Less(t, allocated, uint64(4*customlabels.MaxResponseBytes))
		return err
	}})
	ms = append(ms, misbehaviour{"503 with a 64 MiB error page: capped at 1 MiB, still classified and retried", func(t *testing.T, w *secretWatch) error {
		ts, written, requests := hugeServer(t, 503, 64<<20, false)
		out, err := httptestClient(t, ts, w).DescribeProjects(context.Background(), nil)
		require.Error(t, err)
		assert.Nil(t, out)
		var re *awshttp.ResponseError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, 503, re.HTTPStatusCode())
		assert.Contains(t, err.Error(), "response body too large")
		assert.EqualValues(t, 3, requests.Load(), "a 503 is retried whatever its body")
		ts.Close()
		assert.Less(t, written.Load(), int64(3*(1<<20+32<<20)), "the client read far past the error cap")
		return err
	}})
	return ms
}

func slowServers() []misbehaviour {
	const deadline = 500 * time.Millisecond
	// Generous for a loaded 2-core machine under -race: what matters is
	// that the call ends near the deadline and not when the body ends
	// (tens of seconds later).
	const slack = 2 * time.Second
	run := func(t *testing.T, w *secretWatch, f customlabelstest.Fault) error {
		srv, _ := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(6, 1)...))
		srv.InjectFaults(3, f)
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		start := time.Now()
		out, err := fakeClient(srv, w).DescribeProjects(ctx, nil)
		took := time.Since(start)
		require.Error(t, err)
		assert.Nil(t, out)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.GreaterOrEqual(t, took, deadline-10*time.Millisecond, "the call ended before its deadline: %v", err)
		assert.Less(t, took, deadline+slack, "the call outlived its deadline")
		// The fake records a request it was still answering once it sees
		// the client go away.
		require.Eventually(t, func() bool { return len(srv.Requests()) > 0 }, 5*time.Second, 5*time.Millisecond)
		assert.Len(t, srv.Requests(), 1, "no attempt starts after the deadline")
		return err
	}
	return []misbehaviour{
		{"body trickled 1 byte every 20ms (a page takes ~30s), deadline 500ms: ends at the deadline", func(t *testing.T, w *secretWatch) error {
			return run(t, w, customlabelstest.SlowBody(1, 20*time.Millisecond))
		}},
		{"no response for a minute, deadline 500ms: ends at the deadline", func(t *testing.T, w *secretWatch) error {
			return run(t, w, customlabelstest.Latency(time.Minute))
		}},
	}
}

func longNextTokens() []misbehaviour {
	tooLong := strings.Repeat("t", customlabels.MaxNextTokenLength+1)
	longest := strings.Repeat("é", customlabels.MaxNextTokenLength) // 1024 characters, 2048 bytes
	return []misbehaviour{
		{"NextToken of 1025 characters given: refused, nothing sent", func(t *testing.T, w *secretWatch) error {
			srv, conns := newFake(t)
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{NextToken: tooLong})
			require.Error(t, err)
			assert.Nil(t, out)
			var pe *customlabels.InvalidParamError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "NextToken", pe.Field)
			assert.Zero(t, conns.accepted.Load(), "nothing may be sent")
			assert.NotContains(t, err.Error(), tooLong, "the token is not echoed")
			return err
		}},
		{"NextToken of 1025 characters received: an error, not a token the next call would refuse", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t)
			srv.InjectFaults(3, rawJSON(`{"ProjectDescriptions":[],"NextToken":"`+tooLong+`"}`))
			out, err := fakeClient(srv, w).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.Contains(t, err.Error(), "NextToken has 1025 characters")
			assert.Len(t, srv.Requests(), 1)
			return err
		}},
		{"NextToken of 1024 two-byte characters: received and sent back whole", func(t *testing.T, w *secretWatch) error {
			srv, _ := newFake(t)
			srv.InjectFault(rawJSON(`{"ProjectDescriptions":[],"NextToken":"` + longest + `"}`))
			c := fakeClient(srv, w)
			out, err := c.DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			require.Equal(t, longest, out.NextToken)
			_, err = c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{NextToken: out.NextToken})
			var ipt *customlabels.InvalidPaginationTokenException
			require.ErrorAs(t, err, &ipt, "the fake did not issue this token, so it refuses it")
			reqs := srv.Requests()
			require.Len(t, reqs, 2)
			assert.Equal(t, longest, reqs[1].Input.NextToken, "the token reached the server unchanged")
			return err
		}},
	}
}

// hugeHeaders answers with a request ID, a content type and a Location of
// hundreds of KiB each (the transport accepts up to 10 MiB of headers):
// what the client repeats of them in outputs, errors and log records
// stays small, as it does for bodies.
func hugeHeaders() []misbehaviour {
	var ms []misbehaviour
	for _, status := range []int{200, 500, 301} {
		ms = append(ms, misbehaviour{"status " + strconv.Itoa(status) + " with 512 KiB header values: outputs, errors and logs stay small", func(t *testing.T, w *secretWatch) error {
			ts := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
				rw.Header().Set("X-Amzn-Requestid", strings.Repeat("r", 512<<10))
				rw.Header().Set("Content-Type", strings.Repeat("t", 512<<10))
				rw.Header().Set("Location", "http://"+strings.Repeat("h", 512<<10)+"/")
				rw.WriteHeader(status)
				_, _ = rw.Write([]byte(`{}`))
			}))
			t.Cleanup(ts.Close)
			out, err := httptestClient(t, ts, w).DescribeProjects(context.Background(), nil)
			if status == 200 {
				require.NoError(t, err)
				assert.LessOrEqual(t, len(out.RequestID), 260)
				assert.True(t, strings.HasSuffix(out.RequestID, "…"), "a cut request ID is marked")
			} else {
				require.Error(t, err)
				assert.Less(t, len(err.Error()), 2048, "DescribeProjects error is %d bytes", len(err.Error()))
				var re *awshttp.ResponseError
				require.ErrorAs(t, err, &re)
				assert.LessOrEqual(t, len(re.ServiceRequestID()), 260)
			}
			for _, line := range strings.Split(strings.TrimSpace(w.logs.String()), "\n") {
				assert.Less(t, len(line), 4096, "a log record of %d bytes", len(line))
			}
			return err
		}})
	}
	ms = append(ms, misbehaviour{"a malformed header line of 64 KiB: the transport's error, which quotes it, is cut", func(t *testing.T, w *secretWatch) error {
		ts := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			// A control byte makes the line malformed; net/http's client
			// error quotes the whole line.
			rw.Header().Set("X-Junk", strings.Repeat("\x04", 64<<10))
			rw.WriteHeader(200)
			_, _ = rw.Write([]byte(`{}`))
		}))
		t.Cleanup(ts.Close)
		out, err := httptestClient(t, ts, w).DescribeProjects(context.Background(), nil)
		require.Error(t, err)
		assert.Nil(t, out)
		assert.Contains(t, err.Error(), "malformed MIME header line")
		assert.Less(t, len(err.Error()), 2048, "DescribeProjects error is %d bytes", len(err.Error()))
		for _, line := range strings.Split(strings.TrimSpace(w.logs.String()), "\n") {
			assert.Less(t, len(line), 4096, "a log record of %d bytes", len(line))
		}
		return err
	}})
	return ms
}
