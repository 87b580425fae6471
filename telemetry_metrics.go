package customlabels

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http/httptrace"
	"sync"
	"time"

	"github.com/aws/smithy-go/metrics"
)

// callMetrics are the instruments of a client, named, described and
// measured in the units of aws-sdk-go-v2 (service client, retry
// middleware) and smithy-go (HTTP client handler).
type callMetrics struct {
	duration        metrics.Float64Histogram // client.call.duration
	serialization   metrics.Float64Histogram // client.call.serialization_duration
	resolveIdentity metrics.Float64Histogram // client.call.auth.resolve_identity_duration
	signing         metrics.Float64Histogram // client.call.auth.signing_duration
	deserialization metrics.Float64Histogram // client.call.deserialization_duration
	attempts        metrics.Int64Counter     // client.call.attempts
	errors          metrics.Int64Counter     // client.call.errors
	attemptDuration metrics.Float64Histogram // client.call.attempt_duration

	dnsLookup       metrics.Float64Histogram   // client.http.connections.dns_lookup_duration
	acquire         metrics.Float64Histogram   // client.http.connections.acquire_duration
	tlsHandshake    metrics.Float64Histogram   // client.http.connections.tls_handshake_duration
	usage           metrics.Int64UpDownCounter // client.http.connections.usage
	doRequest       metrics.Float64Histogram   // client.http.do_request_duration
	timeToFirstByte metrics.Float64Histogram   // client.http.time_to_first_byte
}

func newCallMetrics(m metrics.Meter) (*callMetrics, error) {
	var (
		cm   callMetrics
		errs []error
	)
	hist := func(dst *metrics.Float64Histogram, name, desc string) {
		h, err := m.Float64Histogram(name, func(o *metrics.InstrumentOptions) {
			o.UnitLabel, o.Description = "s", desc
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("create instrument %s: %w", name, err))
		}
		*dst = h
	}
	counter := func(dst *metrics.Int64Counter, name, unit, desc string) {
		c, err := m.Int64Counter(name, func(o *metrics.InstrumentOptions) {
			o.UnitLabel, o.Description = unit, desc
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("create instrument %s: %w", name, err))
		}
		*dst = c
	}

	hist(&cm.duration, "client.call.duration",
		"Overall call duration (including retries and time to send or receive request and response body)")
	hist(&cm.serialization, "client.call.serialization_duration",
		"The time it takes to serialize a message body")
	hist(&cm.resolveIdentity, "client.call.auth.resolve_identity_duration",
		"The time taken to acquire an identity (AWS credentials, bearer token, etc) from an Identity Provider")
	hist(&cm.signing, "client.call.auth.signing_duration",
		"The time it takes to sign a request")
	hist(&cm.deserialization, "client.call.deserialization_duration",
		"The time it takes to deserialize a message body")
	counter(&cm.attempts, "client.call.attempts", "{attempt}",
		"The number of attempts for an individual operation")
	counter(&cm.errors, "client.call.errors", "{error}",
		"The number of errors for an operation")
	hist(&cm.attemptDuration, "client.call.attempt_duration",
		"The time it takes to connect to the service, send the request, and get back HTTP status code and headers (including time queued waiting to be sent)")

	hist(&cm.dnsLookup, "client.http.connections.dns_lookup_duration",
		"The time it takes a request to perform DNS lookup.")
	hist(&cm.acquire, "client.http.connections.acquire_duration",
		"The time it takes a request to acquire a connection.")
	hist(&cm.tlsHandshake, "client.http.connections.tls_handshake_duration",
		"The time it takes an HTTP request to perform the TLS handshake.")
	usage, err := m.Int64UpDownCounter("client.http.connections.usage", func(o *metrics.InstrumentOptions) {
		o.UnitLabel, o.Description = "{connection}", "Current state of connections pool."
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("create instrument client.http.connections.usage: %w", err))
	}
	cm.usage = usage
	hist(&cm.doRequest, "client.http.do_request_duration",
		"Time spent performing an entire HTTP transaction.")
	hist(&cm.timeToFirstByte, "client.http.time_to_first_byte",
		"Time from start of transaction to when the first response byte is available.")

	if len(errs) > 0 {
		return nil, fmt.Errorf("telemetry: %w", errors.Join(errs...))
	}
	return &cm, nil
}

// httpMetrics measures one request through net/http's httptrace hooks,
// which any HTTP client built on net/http calls. The transport may call
// the dial hooks from its own goroutines, and after the request is done
// (a dial it started for the request completes later): mu guards the
// times.
type httpMetrics struct {
	m *callMetrics

	mu           sync.Mutex
	doStart      time.Time
	getConn      time.Time
	dnsStart     time.Time
	tlsStart     time.Time
	acquired     bool // counted in client.http.connections.usage
	firstByteSet bool
}

func newHTTPMetrics(m *callMetrics) *httpMetrics {
	return &httpMetrics{m: m, doStart: time.Now()}
}

// trace returns ctx with the hooks that record the connection metrics.
//
// client.http.connections.acquire_duration is measured from GetConn to
// GotConn, the time to get a connection whether dialled or reused from
// the pool, as its description says. (smithy-go v1.28.9 measures from
// ConnectStart to ConnectDone: the dial only, so reused connections are
// not recorded.)
func (h *httpMetrics) trace(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GetConn: func(string) { h.mark(&h.getConn) },
		GotConn: func(httptrace.GotConnInfo) {
			h.mu.Lock()
			start := h.getConn
			already := h.acquired
			h.acquired = true
			h.mu.Unlock()
			if !start.IsZero() {
				h.m.acquire.Record(ctx, seconds(time.Since(start)))
			}
			if !already {
				h.m.usage.Add(ctx, 1, acquiredAttr)
			}
		},
		DNSStart:          func(httptrace.DNSStartInfo) { h.mark(&h.dnsStart) },
		DNSDone:           func(httptrace.DNSDoneInfo) { h.recordSince(ctx, &h.dnsStart, h.m.dnsLookup) },
		TLSHandshakeStart: func() { h.mark(&h.tlsStart) },
		TLSHandshakeDone:  func(tls.ConnectionState, error) { h.recordSince(ctx, &h.tlsStart, h.m.tlsHandshake) },
		GotFirstResponseByte: func() {
			h.mu.Lock()
			first := !h.firstByteSet
			h.firstByteSet = true
			h.mu.Unlock()
			if first {
				h.m.timeToFirstByte.Record(ctx, seconds(time.Since(h.doStart)))
			}
		},
	})
}

// mark sets *t, a start time of h, to now.
func (h *httpMetrics) mark(t *time.Time) {
	h.mu.Lock()
	*t = time.Now()
	h.mu.Unlock()
}

// recordSince records into hist the time since the start *t, if it was
// marked: a Done hook without its Start hook records nothing.
func (h *httpMetrics) recordSince(ctx context.Context, t *time.Time, hist metrics.Float64Histogram) {
	h.mu.Lock()
	start := *t
	h.mu.Unlock()
	if !start.IsZero() {
		hist.Record(ctx, seconds(time.Since(start)))
	}
}

// done records client.http.do_request_duration when the HTTP client has
// returned.
func (h *httpMetrics) done(ctx context.Context) {
	h.m.doRequest.Record(ctx, seconds(time.Since(h.doStart)))
}

// release takes the request's connection out of
// client.http.connections.usage once the attempt has closed the response
// body. (smithy-go counts a connection out on PutIdleConn only, so a
// connection closed after its response, never returned to the pool,
// stays counted.)
func (h *httpMetrics) release(ctx context.Context) {
	h.mu.Lock()
	acquired := h.acquired
	h.acquired = false
	h.mu.Unlock()
	if acquired {
		h.m.usage.Add(ctx, -1, acquiredAttr)
	}
}

func acquiredAttr(o *metrics.RecordMetricOptions) { o.Properties.Set("state", "acquired") }
