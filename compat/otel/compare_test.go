package otel_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/smithy-go/metrics/smithyotelmetrics"
	"github.com/aws/smithy-go/tracing/smithyoteltracing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// What differs from the SDK, on purpose (doc.go says why). The comparison
// removes exactly these from one side; anything else that differs fails.
var (
	// sdkOnlySpans are steps the SDK's middleware stack has and our
	// straight call path has not, or has once per client.
	sdkOnlySpans = map[string]bool{
		"RetryLoop":            true,
		"OperationSerializer":  true,
		"ResolveAuthScheme":    true,
		"ResolveEndpoint":      true,
		"ComputePayloadSHA256": true,
	}
	// oursOnlyAttrs are attributes we add: span name, attribute keys.
	oursOnlyAttrs = map[string][]string{
		"Rekognition.DescribeProjects": {"aws.request_id"},
		"Attempt":                      {"http.status_code"},
	}
	// sdkOnlyMetrics are instruments we do not record.
	sdkOnlyMetrics = map[string]bool{"client.call.resolve_endpoint_duration": true}
	// uncountedMetrics are compared by name, unit, description and
	// attribute keys, not by how many measurements they got.
	uncountedMetrics = map[string]bool{
		// smithy-go records only dials; we record every connection
		// acquired, from the pool or dialled.
		"client.http.connections.acquire_duration": true,
	}
	// exactAttrs are the attributes whose values are compared; the others
	// (request IDs, lengths, endpoints) only by key.
	exactAttrs = map[string]bool{
		"rpc.system": true, "rpc.service": true, "rpc.method": true, "error": true,
		"exception.type": true, "exception.message": true,
		"api.error_code": true, "api.error_message": true, "api.error_fault": true,
		"operation.attempt": true, "http.method": true, "http.status_code": true,
		"net.protocol.version": true, "http.request_content_length": true,
		"http.response_content_length": true, "auth.scheme_id": true, "state": true,
	}
)

const (
	sdkScope  = "github.com/aws/aws-sdk-go-v2/service/rekognition"
	ourScope  = "github.com/rekognition-go/customlabels"
	noBackoff = time.Duration(0)
)

// scenario is a call both clients make against a fresh fake.
type scenario struct {
	name    string
	faults  []customlabelstest.Fault
	wantErr bool
	// errorTypes, when set, are the exception.type of the SDK's call span
	// and of ours, whose errors differ there: exception.type and
	// exception.message are then compared by key only.
	errorTypes *[2]string
}

var scenarios = []scenario{
	{name: "success"},
	{name: "service error", faults: []customlabelstest.Fault{
		customlabelstest.Exception("AccessDeniedException", 400, "not allowed"),
	}, wantErr: true},
	{name: "retried throttle", faults: []customlabelstest.Fault{
		customlabelstest.Exception("ThrottlingException", 0, ""),
	}},
	{name: "retries exhausted", faults: []customlabelstest.Fault{
		customlabelstest.Exception("ThrottlingException", 0, ""),
		customlabelstest.Exception("ThrottlingException", 0, ""),
		customlabelstest.Exception("ThrottlingException", 0, ""),
	}, wantErr: true, errorTypes: &[2]string{"*retry.MaxAttemptsError", "*customlabels.RetryError"}},
}

// recorded is what one client's call left in the OpenTelemetry SDK.
type recorded struct {
	spans   tracetest.SpanStubs
	metrics metricdata.ResourceMetrics
}

type providers struct {
	exporter *tracetest.InMemoryExporter
	tp       *sdktrace.TracerProvider
	reader   *sdkmetric.ManualReader
	mp       *sdkmetric.MeterProvider
}

func newProviders() *providers {
	p := &providers{exporter: tracetest.NewInMemoryExporter(), reader: sdkmetric.NewManualReader()}
	p.tp = sdktrace.NewTracerProvider(sdktrace.WithSyncer(p.exporter))
	p.mp = sdkmetric.NewMeterProvider(sdkmetric.WithReader(p.reader))
	return p
}

func (p *providers) collect(t *testing.T) recorded {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, p.reader.Collect(context.Background(), &rm))
	// Spans are exported as they end (WithSyncer); the exporter's
	// Shutdown would forget them.
	spans := p.exporter.GetSpans()
	require.NotEmpty(t, spans)
	require.NotEmpty(t, rm.ScopeMetrics)
	return recorded{spans: spans, metrics: rm}
}

func fakeServer(t *testing.T, faults []customlabelstest.Fault) *customlabelstest.Server {
	t.Helper()
	srv := customlabelstest.NewServer()
	t.Cleanup(srv.Close)
	for _, f := range faults {
		srv.InjectFault(f)
	}
	return srv
}

func zeroBackoff() retry.BackoffDelayerFunc {
	return func(int, error) (time.Duration, error) { return noBackoff, nil }
}

// runSDK makes the scenario's call with the official client, configured
// as its documentation shows.
func runSDK(t *testing.T, sc scenario) recorded {
	t.Helper()
	srv := fakeServer(t, sc.faults)
	p := newProviders()
	c := rekognition.NewFromConfig(srv.AWSConfig(), func(o *rekognition.Options) {
		o.TracerProvider = smithyoteltracing.Adapt(p.tp)
		o.MeterProvider = smithyotelmetrics.Adapt(p.mp)
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Backoff = zeroBackoff() })
		o.HTTPClient = stableBody{srv.HTTPClient()}
	})
	_, err := c.DescribeProjects(context.Background(), &rekognition.DescribeProjectsInput{})
	require.Equal(t, sc.wantErr, err != nil, "rekognition DescribeProjects() = %v", err)
	return p.collect(t)
}

// runOurs makes the scenario's call with ours, configured the same way.
func runOurs(t *testing.T, sc scenario) recorded {
	t.Helper()
	srv := fakeServer(t, sc.faults)
	p := newProviders()
	c := customlabels.NewFromConfig(srv.AWSConfig(), func(o *customlabels.Options) {
		o.TracerProvider = smithyoteltracing.Adapt(p.tp)
		o.MeterProvider = smithyotelmetrics.Adapt(p.mp)
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Backoff = zeroBackoff() })
	})
	_, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{})
	require.Equal(t, sc.wantErr, err != nil, "customlabels DescribeProjects() = %v", err)
	return p.collect(t)
}

// stableBody gives the transport a request body of its own: smithy-go
// closes the request body as soon as Do returns, which on a fast loopback
// can make the transport drop the connection and the SDK retry, and this
// test counts attempts (compat/sdkv2's stableBody says more).
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

func TestSpansMatchSDK(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			sdk, ours := runSDK(t, sc), runOurs(t, sc)
			var keysOnly map[string]bool
			if sc.errorTypes != nil {
				keysOnly = map[string]bool{"exception.type": true, "exception.message": true}
				assert.Equal(t, sc.errorTypes[0], callAttrs(sdk.spans)["exception.type"], "the SDK's")
				assert.Equal(t, sc.errorTypes[1], callAttrs(ours.spans)["exception.type"], "ours")
				assert.Contains(t, callAttrs(ours.spans)["exception.message"], "ThrottlingException: Rate exceeded")
			}
			want := spanLines(sdk.spans, sdkOnlySpans, nil, keysOnly)
			got := spanLines(ours.spans, nil, oursOnlyAttrs, keysOnly)
			assert.Equal(t, want, got, "span trees (want: the SDK's less its middleware-only spans)")

			for _, s := range sdk.spans {
				assert.Equal(t, sdkScope, s.InstrumentationScope.Name)
				assert.Empty(t, s.InstrumentationScope.Version, "the SDK sets no scope version")
			}
			for _, s := range ours.spans {
				assert.Equal(t, ourScope, s.InstrumentationScope.Name)
				assert.Empty(t, s.InstrumentationScope.Version)
			}
			// Our additions are there, with the values they promise.
			for _, s := range ours.spans {
				attrs := attrMap(s.Attributes)
				switch s.Name {
				case "Rekognition.DescribeProjects":
					assert.NotEmpty(t, attrs["aws.request_id"], "the call span has the last request ID")
				case "Attempt":
					assert.NotEmpty(t, attrs["aws.request_id"])
					assert.Contains(t, []string{"200", "400", "500"}, attrs["http.status_code"])
				}
			}
		})
	}
}

func TestMetricsMatchSDK(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			sdk, ours := runSDK(t, sc), runOurs(t, sc)
			want := metricLines(t, sdk.metrics, sdkScope, sdkOnlyMetrics)
			got := metricLines(t, ours.metrics, ourScope, nil)
			assert.Equal(t, want, got, "metrics (want: the SDK's less client.call.resolve_endpoint_duration)")
		})
	}
}

var requestID = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// spanLines describes spans as lines "parent > name kind status {attrs}",
// in start order: a span's parent is its nearest ancestor that is not
// skipped. Attributes in exactAttrs but not in keysOnly show their
// values, others their keys; drop removes attributes by span name.
func spanLines(spans tracetest.SpanStubs, skip map[string]bool, drop map[string][]string, keysOnly map[string]bool) []string {
	byID := map[string]tracetest.SpanStub{}
	for _, s := range spans {
		byID[s.SpanContext.SpanID().String()] = s
	}
	parentOf := func(s tracetest.SpanStub) string {
		for {
			p, ok := byID[s.Parent.SpanID().String()]
			if !ok {
				return "-"
			}
			if !skip[p.Name] {
				return p.Name
			}
			s = p
		}
	}
	sorted := append(tracetest.SpanStubs(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].StartTime.Before(sorted[j].StartTime) })
	var lines []string
	for _, s := range sorted {
		if skip[s.Name] {
			continue
		}
		dropped := map[string]bool{}
		for _, k := range drop[s.Name] {
			dropped[k] = true
		}
		var attrs []string
		for _, kv := range s.Attributes {
			k := string(kv.Key)
			switch {
			case dropped[k]:
			case exactAttrs[k] && !keysOnly[k]:
				attrs = append(attrs, k+"="+requestID.ReplaceAllString(kv.Value.Emit(), "<request-id>"))
			default:
				attrs = append(attrs, k)
			}
		}
		sort.Strings(attrs)
		lines = append(lines, fmt.Sprintf("%s > %s %s %s {%s}", parentOf(s), s.Name, s.SpanKind, s.Status.Code, strings.Join(attrs, " ")))
	}
	return lines
}

// metricLines describes the instruments of scope as lines "name unit
// kind "description" [points]", a point being its attributes (values of
// exactAttrs, and exception.type) and, for counters, its value; and, but
// for uncountedMetrics, the number of measurements of a histogram.
func metricLines(t *testing.T, rm metricdata.ResourceMetrics, scope string, skip map[string]bool) []string {
	t.Helper()
	var lines []string
	for _, sm := range rm.ScopeMetrics {
		require.Equal(t, scope, sm.Scope.Name)
		assert.Empty(t, sm.Scope.Version)
		for _, m := range sm.Metrics {
			if skip[m.Name] {
				continue
			}
			var kind string
			var points []string
			switch d := m.Data.(type) {
			case metricdata.Histogram[float64]:
				kind = "histogram"
				for _, p := range d.DataPoints {
					n := fmt.Sprintf(" n=%d", p.Count)
					if uncountedMetrics[m.Name] {
						n = ""
					}
					points = append(points, pointAttrs(p.Attributes)+n)
				}
			case metricdata.Sum[int64]:
				kind = fmt.Sprintf("sum(monotonic=%v)", d.IsMonotonic)
				for _, p := range d.DataPoints {
					points = append(points, fmt.Sprintf("%s v=%d", pointAttrs(p.Attributes), p.Value))
				}
			default:
				kind = fmt.Sprintf("%T", d)
			}
			sort.Strings(points)
			lines = append(lines, fmt.Sprintf("%s %s %s %q %v", m.Name, m.Unit, kind, m.Description, points))
		}
	}
	sort.Strings(lines)
	return lines
}

func pointAttrs(set attribute.Set) string {
	var attrs []string
	for _, kv := range set.ToSlice() {
		k := string(kv.Key)
		if exactAttrs[k] {
			attrs = append(attrs, k+"="+kv.Value.Emit())
		} else {
			attrs = append(attrs, k)
		}
	}
	sort.Strings(attrs)
	return "{" + strings.Join(attrs, " ") + "}"
}

func attrMap(kvs []attribute.KeyValue) map[string]string {
	m := map[string]string{}
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.Emit()
	}
	return m
}

// callAttrs returns the attributes of the call span.
func callAttrs(spans tracetest.SpanStubs) map[string]string {
	for _, s := range spans {
		if s.Name == "Rekognition.DescribeProjects" {
			return attrMap(s.Attributes)
		}
	}
	return nil
}

// Both paginators make one call per page under the caller's span, and no
// span of their own.
func TestPaginatorSpansMatchSDK(t *testing.T) {
	projects := customlabelstest.DemoProjects(5, 1)
	children := func(p *providers) []string {
		spans := p.exporter.GetSpans()
		var caller tracetest.SpanStub
		for _, s := range spans {
			if s.Name == "caller" {
				caller = s
			}
		}
		require.True(t, caller.SpanContext.IsValid(), "the caller's span ended")
		var names []string
		for _, s := range spans {
			if s.Parent.SpanID() == caller.SpanContext.SpanID() {
				names = append(names, s.Name)
			}
		}
		return names
	}

	sdkProviders := newProviders()
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(projects...))
	defer srv.Close()
	sdk := rekognition.NewFromConfig(srv.AWSConfig(), func(o *rekognition.Options) {
		o.TracerProvider = smithyoteltracing.Adapt(sdkProviders.tp)
		o.HTTPClient = stableBody{srv.HTTPClient()}
	})
	ctx, caller := sdkProviders.tp.Tracer("test").Start(context.Background(), "caller")
	p := rekognition.NewDescribeProjectsPaginator(sdk, &rekognition.DescribeProjectsInput{MaxResults: ptr(int32(2))})
	n := 0
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		n += len(out.ProjectDescriptions)
	}
	caller.End()
	require.Equal(t, 3, n, "Custom Labels projects of the demo set")

	ourProviders := newProviders()
	ours := customlabels.NewFromConfig(srv.AWSConfig(), func(o *customlabels.Options) {
		o.TracerProvider = smithyoteltracing.Adapt(ourProviders.tp)
	})
	ctx, caller = ourProviders.tp.Tracer("test").Start(context.Background(), "caller")
	m := 0
	for _, err := range customlabels.AllProjects(ctx, ours, &customlabels.DescribeProjectsInput{MaxResults: 2}) {
		require.NoError(t, err)
		m++
	}
	caller.End()
	require.Equal(t, n, m)

	want := children(sdkProviders)
	assert.Equal(t, []string{"Rekognition.DescribeProjects", "Rekognition.DescribeProjects"}, want)
	assert.Equal(t, want, children(ourProviders))
}

func ptr[T any](v T) *T { return &v }
