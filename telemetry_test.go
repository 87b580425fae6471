package customlabels_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// tracedServer is a fake whose client traces to a spanRecorder and
// measures to a meterRecorder, retrying at once.
func tracedServer(t *testing.T, opts ...customlabelstest.Option) (*customlabelstest.Server, *customlabels.Client, *spanRecorder, *meterRecorder) {
	t.Helper()
	srv := customlabelstest.NewServer(opts...)
	t.Cleanup(srv.Close)
	spans, meters := &spanRecorder{}, &meterRecorder{}
	c := srv.Client(func(o *customlabels.Options) {
		o.TracerProvider = spans
		o.MeterProvider = meters
		o.Retryer = zeroBackoff(3)
	})
	return srv, c, spans, meters
}

const attemptTree = `    GetIdentity
    SignRequest
    DoHTTPRequest
    OperationDeserializer
`

func TestTelemetrySpans(t *testing.T) {
	ctx := context.Background()
	t.Run("success", func(t *testing.T) {
		_, c, spans, _ := tracedServer(t)
		out, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{})
		require.NoError(t, err)

		assert.Equal(t, "Rekognition.DescribeProjects\n  Attempt\n"+attemptTree, spans.tree())
		assert.Equal(t, []string{"github.com/rekognition-go/customlabels"}, spans.scopes, "tracer scopes")

		call := spans.named("Rekognition.DescribeProjects")[0]
		assert.Equal(t, tracing.SpanKindClient, call.kind)
		assert.Equal(t, tracing.SpanStatusOK, call.status)
		assert.Equal(t, map[any]any{
			"rpc.system": "aws-api", "rpc.service": "Rekognition", "rpc.method": "DescribeProjects",
			"aws.request_id": out.RequestID, "error": false,
		}, call.attrs())

		attempt := spans.named("Attempt")[0]
		assert.Equal(t, tracing.SpanKindInternal, attempt.kind)
		assert.Equal(t, tracing.SpanStatusUnset, attempt.status)
		assert.Equal(t, map[any]any{
			"operation.attempt": 1, "aws.request_id": out.RequestID, "http.status_code": 200,
		}, attempt.attrs())

		send := spans.named("DoHTTPRequest")[0].attrs()
		assert.Equal(t, "POST", send["http.method"])
		assert.Equal(t, int64(len(`{}`)), send["http.request_content_length"])
		assert.Equal(t, "1.1", send["net.protocol.version"])
		assert.Equal(t, 200, send["http.status_code"])
		assert.Contains(t, send, "http.response_content_length")
	})

	t.Run("service error", func(t *testing.T) {
		srv, c, spans, _ := tracedServer(t)
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 400, "not allowed"))
		_, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{})
		require.Error(t, err)

		assert.Equal(t, "Rekognition.DescribeProjects\n  Attempt\n"+attemptTree, spans.tree())
		call := spans.named("Rekognition.DescribeProjects")[0]
		assert.Equal(t, tracing.SpanStatusError, call.status)
		attrs := call.attrs()
		assert.Equal(t, "*http.ResponseError", attrs["exception.type"], "the type inside the operation error, as the SDK reports it")
		assert.Contains(t, attrs["exception.message"], "AccessDeniedException: not allowed")
		assert.NotContains(t, attrs["exception.message"], "operation error", "the message inside the operation error")
		assert.Equal(t, "AccessDeniedException", attrs["api.error_code"])
		assert.Equal(t, "not allowed", attrs["api.error_message"])
		assert.Equal(t, "client", attrs["api.error_fault"])
		assert.Equal(t, true, attrs["error"])
		assert.NotEmpty(t, attrs["aws.request_id"])
		assert.Equal(t, 400, spans.named("Attempt")[0].attrs()["http.status_code"])
	})

	t.Run("retried throttle", func(t *testing.T) {
		srv, c, spans, _ := tracedServer(t)
		srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
		out, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{})
		require.NoError(t, err)

		assert.Equal(t, "Rekognition.DescribeProjects\n  Attempt\n"+attemptTree+"  Attempt\n"+attemptTree, spans.tree())
		attempts := spans.named("Attempt")
		first, second := attempts[0].attrs(), attempts[1].attrs()
		assert.Equal(t, 1, first["operation.attempt"])
		assert.Equal(t, 500, first["http.status_code"])
		assert.Equal(t, 2, second["operation.attempt"])
		assert.Equal(t, 200, second["http.status_code"])
		assert.NotEqual(t, first["aws.request_id"], second["aws.request_id"], "each attempt has its response's request ID")
		call := spans.named("Rekognition.DescribeProjects")[0]
		assert.Equal(t, out.RequestID, call.attrs()["aws.request_id"], "the call has the last response's")
		assert.Equal(t, tracing.SpanStatusOK, call.status)
	})

	t.Run("connection dropped", func(t *testing.T) {
		srv, c, spans, meters := tracedServer(t)
		srv.InjectFaults(3, customlabelstest.DropConnection())
		_, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{})
		require.Error(t, err)

		// No response: no deserializer, no status on the attempts.
		sendOnly := "    GetIdentity\n    SignRequest\n    DoHTTPRequest\n"
		assert.Equal(t, "Rekognition.DescribeProjects\n"+
			"  Attempt\n"+sendOnly+"  Attempt\n"+sendOnly+"  Attempt\n"+sendOnly, spans.tree())
		for _, a := range spans.named("Attempt") {
			assert.NotContains(t, a.attrs(), "http.status_code")
			assert.NotContains(t, a.attrs(), "aws.request_id")
		}
		send := spans.named("DoHTTPRequest")[0].attrs()
		assert.Equal(t, 0, send["http.status_code"], "smithy-go's value without a response")
		assert.Equal(t, "0.0", send["net.protocol.version"])
		call := spans.named("Rekognition.DescribeProjects")[0].attrs()
		assert.Equal(t, "*customlabels.RetryError", call["exception.type"])
		assert.NotContains(t, call, "api.error_code", "a transport error is no service error")
		assert.NotContains(t, call, "aws.request_id")

		errs := meters.get("client.call.errors").values()
		require.Len(t, errs, 3)
		assert.NotEqual(t, "", errs[0].attrs["exception.type"])
		assert.NotContains(t, errs[0].attrs["exception.type"], "Exception", "the Go type of a transport error: %v", errs[0].attrs)
	})

	t.Run("invalid input", func(t *testing.T) {
		srv, c, spans, meters := tracedServer(t)
		_, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: -1})
		require.Error(t, err)
		assert.Empty(t, srv.Requests(), "no request sent")
		// As the SDK's: the call span covers validation, no attempt.
		assert.Equal(t, "Rekognition.DescribeProjects\n", spans.tree())
		call := spans.named("Rekognition.DescribeProjects")[0]
		assert.Equal(t, tracing.SpanStatusError, call.status)
		assert.Equal(t, "*customlabels.InvalidParamError", call.attrs()["exception.type"])
		assert.Equal(t, []string{"client.call.duration"}, meters.recorded())
	})

	t.Run("under the caller's span", func(t *testing.T) {
		_, c, spans, _ := tracedServer(t)
		ctx, parent := recordingTracer{spans}.StartSpan(ctx, "caller")
		_, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{})
		require.NoError(t, err)
		parent.End()
		assert.Equal(t, "caller\n  Rekognition.DescribeProjects\n    Attempt\n"+indent(attemptTree), spans.tree())
	})
}

func indent(s string) string {
	out := ""
	for _, line := range splitLines(s) {
		out += "  " + line + "\n"
	}
	return out
}

func splitLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines = append(lines, s[start:i])
			start = i + 1
		}
	}
	return lines
}

// Iterators make one client call per page, under the span of the
// caller's context, and no span of their own.
func TestTelemetryPaginatorSpans(t *testing.T) {
	srv, c, spans, meters := tracedServer(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(5, 1)...))
	ctx, parent := recordingTracer{spans}.StartSpan(context.Background(), "caller")
	n := 0
	for _, err := range customlabels.NewDescribeProjectsPaginator(c, &customlabels.DescribeProjectsInput{
		MaxResults: 2,
		Features:   customlabels.CustomizationFeature("").Values(),
	}).All(ctx) {
		require.NoError(t, err)
		n++
	}
	parent.End()
	require.Equal(t, 5, n)
	require.Len(t, srv.Requests(), 3)
	page := "  Rekognition.DescribeProjects\n    Attempt\n" + indent(attemptTree)
	assert.Equal(t, "caller\n"+page+page+page, spans.tree())
	assert.Len(t, meters.get("client.call.duration").values(), 3)
}

// Waiters make one client call per poll, under the span of the caller's
// context, and no span of their own.
func TestTelemetryWaiterSpans(t *testing.T) {
	const versionArn = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/v1/1600000001000"
	srv, c, spans, _ := tracedServer(t,
		customlabelstest.WithProjects(customlabels.ProjectDescription{
			ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1600000000000",
			Feature:    customlabels.CustomizationFeatureCustomLabels,
		}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: versionArn,
			Status:            customlabels.ProjectVersionStatusTrainingCompleted,
		}),
		customlabelstest.WithStartingTime(10*time.Minute))
	ctx := context.Background()
	_, err := c.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{ProjectVersionArn: versionArn, MinInferenceUnits: 1})
	require.NoError(t, err)
	in, err := customlabels.ProjectVersionInput(ctx, c, versionArn)
	require.NoError(t, err)

	before := len(spans.named("Rekognition.DescribeProjectVersions"))
	ctx, parent := recordingTracer{spans}.StartSpan(ctx, "caller")
	polls := 0
	w := customlabels.NewProjectVersionRunningWaiter(c, func(o *customlabels.ProjectVersionRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(customlabels.WaiterPoll) {
			polls++
			srv.Advance(5 * time.Minute)
		}
	})
	require.NoError(t, w.Wait(ctx, in, time.Hour))
	parent.End()

	require.Equal(t, 3, polls)
	calls := spans.named("Rekognition.DescribeProjectVersions")[before:]
	require.Len(t, calls, polls)
	for _, call := range calls {
		require.NotNil(t, call.parent)
		assert.Equal(t, "caller", call.parent.name, "a poll's span is a child of the caller's")
	}
	caller := spans.named("caller")[0]
	for _, s := range spans.spans {
		if s.parent == caller {
			assert.Equal(t, "Rekognition.DescribeProjectVersions", s.name, "the waiter adds no span of its own")
		}
	}
}

func TestTelemetryMetrics(t *testing.T) {
	srv, c, _, meters := tracedServer(t)
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
	_, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{})
	require.NoError(t, err)

	assert.Equal(t, []string{"github.com/rekognition-go/customlabels"}, meters.scopes, "meter scopes")
	op := map[any]any{"rpc.service": "Rekognition", "rpc.method": "DescribeProjects"}
	auth := map[any]any{"rpc.service": "Rekognition", "rpc.method": "DescribeProjects", "auth.scheme_id": "aws.auth#sigv4"}
	for _, tc := range []struct {
		name, kind, unit string
		count            int
		attrs            map[any]any
	}{
		{"client.call.duration", "histogram", "s", 1, op},
		{"client.call.serialization_duration", "histogram", "s", 1, op},
		{"client.call.auth.resolve_identity_duration", "histogram", "s", 2, auth},
		{"client.call.auth.signing_duration", "histogram", "s", 2, auth},
		{"client.call.deserialization_duration", "histogram", "s", 2, op},
		{"client.call.attempts", "counter", "{attempt}", 2, op},
		{"client.call.attempt_duration", "histogram", "s", 2, op},
		{"client.call.errors", "counter", "{error}", 1, map[any]any{
			"rpc.service": "Rekognition", "rpc.method": "DescribeProjects", "exception.type": "ThrottlingException"}},
		{"client.http.do_request_duration", "histogram", "s", 2, map[any]any{}},
		{"client.http.time_to_first_byte", "histogram", "s", 2, map[any]any{}},
		{"client.http.connections.acquire_duration", "histogram", "s", 2, map[any]any{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := meters.get(tc.name)
			require.NotNil(t, in, "instrument %s not created", tc.name)
			assert.Equal(t, tc.kind, in.kind)
			assert.Equal(t, tc.unit, in.unit)
			assert.NotEmpty(t, in.desc)
			values := in.values()
			require.Len(t, values, tc.count)
			for _, m := range values {
				assert.Equal(t, tc.attrs, m.attrs)
				assert.GreaterOrEqual(t, m.value, 0.0)
			}
		})
	}
	t.Run("client.http.connections.usage", func(t *testing.T) {
		in := meters.get("client.http.connections.usage")
		require.NotNil(t, in)
		assert.Equal(t, "{connection}", in.unit)
		assert.Equal(t, 0.0, in.sum(), "every connection acquired is released when its attempt ends")
		values := in.values()
		require.Len(t, values, 4, "acquired and released, for each of two attempts")
		for _, m := range values {
			assert.Equal(t, map[any]any{"state": "acquired"}, m.attrs)
		}
	})
	assert.Equal(t, float64(2), meters.get("client.call.attempts").sum())
}

// Over TLS to a host name, the DNS lookup and the TLS handshake of a new
// connection are measured too; a second call reuses the connection.
func TestTelemetryMetricsTLS(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent()) // after ts.Close
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-RequestId", "tls-request")
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write([]byte(`{"ProjectDescriptions":[]}`))
	}))
	defer ts.Close()
	hc := ts.Client()
	// The test certificate names example.com and 127.0.0.1, not localhost.
	hc.Transport.(*http.Transport).TLSClientConfig.ServerName = "example.com"
	meters := &meterRecorder{}
	c := customlabels.New(customlabels.Options{
		Region:        "us-east-1",
		BaseEndpoint:  strings.Replace(ts.URL, "127.0.0.1", "localhost", 1),
		Credentials:   credentials.NewStaticCredentialsProvider("AKIDTELEMETRY", "telemetry-secret", ""),
		HTTPClient:    hc,
		MeterProvider: meters,
	})
	for range 2 {
		_, err := c.DescribeProjects(context.Background(), nil)
		require.NoError(t, err)
	}
	for name, want := range map[string]int{
		"client.http.connections.dns_lookup_duration":    1,
		"client.http.connections.tls_handshake_duration": 1,
		"client.http.connections.acquire_duration":       2,
		"client.http.do_request_duration":                2,
	} {
		in := meters.get(name)
		require.NotNil(t, in, name)
		assert.Equal(t, "s", in.unit, name)
		assert.Len(t, in.values(), want, "%s: one new connection, then one reused", name)
	}
	assert.Equal(t, 0.0, meters.get("client.http.connections.usage").sum())
}

// A server that echoes the signature, secret key and session token in an
// error puts none of them in a span: attributes carry the scrubbed error.
func TestTelemetryNoSecrets(t *testing.T) {
	const secret, token = "telemetry-secret-never-traced", "telemetry-token-never-traced"
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-RequestId", "echo-request")
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-ErrorType", "AccessDeniedException")
		w.WriteHeader(http.StatusBadRequest)
		msg := "denied: " + r.Header.Get("Authorization") + " " + secret + " " + r.Header.Get("X-Amz-Security-Token")
		_, _ = fmt.Fprintf(w, `{"__type":"AccessDeniedException","message":%q}`, msg)
	}))
	defer ts.Close()
	spans := &spanRecorder{}
	c := customlabels.New(customlabels.Options{
		Region:         "us-east-1",
		BaseEndpoint:   ts.URL,
		Credentials:    credentials.NewStaticCredentialsProvider("AKIDTELEMETRY", secret, token),
		HTTPClient:     ts.Client(),
		TracerProvider: spans,
	})
	_, err := c.DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	call := spans.named("Rekognition.DescribeProjects")[0].attrs()
	require.Contains(t, call["api.error_message"], "denied: ", "the echoed message is traced")
	for _, s := range spans.spans {
		for k, v := range s.attrs() {
			text := fmt.Sprint(v)
			for _, leaked := range []string{secret, token, "Signature="} {
				assert.NotContains(t, text, leaked, "span %s attribute %v", s.name, k)
			}
		}
	}
}

// Per-call options can turn telemetry on for one call; the client's own
// providers stay as they were.
func TestTelemetryPerCall(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	clientSpans, callSpans := &spanRecorder{}, &spanRecorder{}
	c := srv.Client(func(o *customlabels.Options) { o.TracerProvider = clientSpans })

	_, err := c.DescribeProjects(context.Background(), nil, func(o *customlabels.Options) { o.TracerProvider = callSpans })
	require.NoError(t, err)
	_, err = c.DescribeProjects(context.Background(), nil, func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	require.NoError(t, err)

	assert.Len(t, callSpans.named("Rekognition.DescribeProjects"), 1)
	assert.Len(t, clientSpans.named("Rekognition.DescribeProjects"), 1, "per-call options that leave TracerProvider alone keep the client's")
	assert.Len(t, clientSpans.scopes, 1, "the client's tracer is made once, not per call")
}

// smithy-go's no-op providers, as the SDK's Options hold by default, are
// the same as none.
func TestTelemetryNopProviders(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	hc := srv.HTTPClient()
	for name, set := range map[string]func(*customlabels.Options){
		"values": func(o *customlabels.Options) {
			o.TracerProvider, o.MeterProvider = tracing.NopTracerProvider{}, metrics.NopMeterProvider{}
		},
		"pointers": func(o *customlabels.Options) {
			o.TracerProvider, o.MeterProvider = &tracing.NopTracerProvider{}, &metrics.NopMeterProvider{}
		},
		"no-op meter": func(o *customlabels.Options) { o.MeterProvider = nopMeterProvider{} },
	} {
		t.Run(name, func(t *testing.T) {
			var traced, measured bool
			c := srv.Client(set, func(o *customlabels.Options) {
				o.HTTPClient = doer(func(r *http.Request) (*http.Response, error) {
					_, traced = tracing.GetSpan(r.Context())
					ct := httptrace.ContextClientTrace(r.Context())
					measured = ct != nil && ct.GotFirstResponseByte != nil
					return hc.Do(r)
				})
			})
			_, err := c.DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.False(t, traced, "a span in the request's context")
			assert.False(t, measured, "HTTP metrics hooks in the request's context")
		})
	}
}

// nopMeterProvider is a provider of its own whose meter is smithy-go's
// no-op one.
type nopMeterProvider struct{}

func (nopMeterProvider) Meter(string, ...metrics.MeterOption) metrics.Meter {
	return metrics.NopMeter{}
}

// An instrument the MeterProvider refuses fails every call, before any
// request, as it does the SDK's.
func TestTelemetryInstrumentError(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	c := srv.Client(func(o *customlabels.Options) {
		o.MeterProvider = &meterRecorder{fail: "client.call.attempts"}
	})
	_, err := c.DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "client.call.attempts")
	assert.Contains(t, err.Error(), "refused by the test")
	assert.Empty(t, srv.Requests())
}

// Concurrent calls share the client's instruments and tracer; each call's
// spans stay its own (run with -race).
func TestTelemetryConcurrent(t *testing.T) {
	srv, c, spans, meters := tracedServer(t)
	const calls = 16
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.DescribeProjects(context.Background(), nil)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, srv.Requests(), calls)
	for _, call := range spans.named("Rekognition.DescribeProjects") {
		assert.True(t, call.ended)
	}
	for _, a := range spans.named("Attempt") {
		require.NotNil(t, a.parent)
		assert.Equal(t, "Rekognition.DescribeProjects", a.parent.name)
		assert.True(t, a.ended)
	}
	assert.Len(t, spans.named("Attempt"), calls)
	assert.Equal(t, float64(calls), meters.get("client.call.attempts").sum())
	assert.Equal(t, 0.0, meters.get("client.http.connections.usage").sum())
}

// The DoHTTPRequest span is in the request's context, as smithy-go puts
// it, so that an HTTP client can add to it (aws-sdk-go-v2's
// BuildableClient sets net.peer.* there).
func TestTelemetrySpanInRequestContext(t *testing.T) {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	spans := &spanRecorder{}
	var seen string
	hc := srv.HTTPClient()
	c := srv.Client(func(o *customlabels.Options) {
		o.TracerProvider = spans
		o.HTTPClient = doer(func(r *http.Request) (*http.Response, error) {
			s, _ := tracing.GetSpan(r.Context())
			seen = s.Name()
			s.SetProperty("net.peer.name", r.URL.Host)
			return hc.Do(r)
		})
	})
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "DoHTTPRequest", seen)
	assert.Contains(t, spans.named("DoHTTPRequest")[0].attrs(), "net.peer.name")
}

// BenchmarkDescribeProjectsTelemetry is one call against a loopback fake
// with the providers unset, and set to smithy-go's no-op providers (which
// the SDK's Options hold by default): both must allocate what a call
// allocated before telemetry existed. compat/otel benchmarks the cost of
// an OpenTelemetry SDK behind the adapters.
func BenchmarkDescribeProjectsTelemetry(b *testing.B) {
	srv := customlabelstest.NewServer(customlabelstest.WithoutSignatureVerification(),
		customlabelstest.WithProjects(customlabelstest.DemoProjects(1, 1)...))
	defer srv.Close()
	for _, bc := range []struct {
		name string
		set  func(*customlabels.Options)
	}{
		{"providers=unset", func(*customlabels.Options) {}},
		{"providers=nop", func(o *customlabels.Options) {
			o.TracerProvider, o.MeterProvider = tracing.NopTracerProvider{}, metrics.NopMeterProvider{}
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := srv.Client(bc.set)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.DescribeProjects(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				if len(out.ProjectDescriptions) != 1 {
					b.Fatalf("DescribeProjects() listed %d projects, want 1", len(out.ProjectDescriptions))
				}
			}
		})
	}
}
