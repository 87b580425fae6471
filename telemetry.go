package customlabels

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
)

// telemetryScope is the instrumentation scope of our spans and
// instruments: this package's import path, as aws-sdk-go-v2 names its own
// scope after its service package. smithy-go's interfaces carry no scope
// version, and the SDK sets none.
const telemetryScope = "github.com/rekognition-go/customlabels"

// authSchemeID is the auth.scheme_id metric attribute of the SDK's
// identity and signing metrics: every request is signed with SigV4.
const authSchemeID = "aws.auth#sigv4"

// Span names, as aws-sdk-go-v2 and smithy-go name the same steps.
const (
	spanAttempt     = "Attempt"
	spanGetIdentity = "GetIdentity"
	spanSign        = "SignRequest"
	spanSend        = "DoHTTPRequest"
	spanDeserialize = "OperationDeserializer"
)

// telemetry is what a client traces and measures with, derived from
// Options.TracerProvider and Options.MeterProvider. Its zero value (both
// unset, or smithy-go's no-op providers) does nothing and costs a call
// nothing.
type telemetry struct {
	tracer  tracing.Tracer // nil: no spans
	metrics *callMetrics   // nil: no metrics
	// err is why the instruments could not be created: every call
	// returns it, as the SDK's do.
	err error
}

// newTelemetry creates the tracer and the instruments once, for every
// call of a client (the SDK creates its instruments on every call).
func newTelemetry(tp tracing.TracerProvider, mp metrics.MeterProvider) telemetry {
	var t telemetry
	switch tp.(type) {
	case nil, tracing.NopTracerProvider, *tracing.NopTracerProvider:
	default:
		t.tracer = tp.Tracer(telemetryScope)
	}
	switch mp.(type) {
	case nil, metrics.NopMeterProvider, *metrics.NopMeterProvider:
	default:
		meter := mp.Meter(telemetryScope)
		if _, nop := meter.(metrics.NopMeter); !nop {
			t.metrics, t.err = newCallMetrics(meter)
		}
	}
	return t
}

func (t *telemetry) enabled() bool { return t.tracer != nil || t.metrics != nil }

// callTelemetry is the telemetry of one call: its client span, started
// before the input is validated, as the SDK's is, and the attempt in
// progress. A nil *callTelemetry does nothing: every method checks.
type callTelemetry struct {
	t     *telemetry
	op    *operation
	span  tracing.Span // nil without a tracer
	start time.Time
	// attrs sets rpc.service and rpc.method on every call metric.
	attrs     metrics.RecordMetricOption
	attempt   *attemptTelemetry // the attempt in progress
	requestID string            // of the last response
}

// startCall starts the client span Rekognition.<Operation> and the
// client.call.duration timer. It returns ctx and nil when telemetry is
// off.
func (t *telemetry) startCall(ctx context.Context, op *operation) (context.Context, *callTelemetry) {
	if !t.enabled() {
		return ctx, nil
	}
	ct := &callTelemetry{t: t, op: op, start: time.Now()}
	if t.metrics != nil {
		name := op.name
		ct.attrs = func(o *metrics.RecordMetricOptions) {
			o.Properties.Set("rpc.service", ServiceID)
			o.Properties.Set("rpc.method", name)
		}
	}
	if t.tracer != nil {
		// As the SDK does, so that smithy-go components called with ctx
		// (an awshttp.BuildableClient's dialer, say) find our tracer.
		ctx = tracing.WithOperationTracer(ctx, t.tracer)
		ctx, ct.span = t.tracer.StartSpan(ctx, ServiceID+"."+op.name, func(o *tracing.SpanOptions) {
			o.Kind = tracing.SpanKindClient
			o.Properties.Set("rpc.system", "aws-api")
			o.Properties.Set("rpc.method", op.name)
			o.Properties.Set("rpc.service", ServiceID)
		})
	}
	return ctx, ct
}

// now returns the time when metrics are on, and the zero time otherwise
// (saving a clock read).
func (ct *callTelemetry) now() time.Time {
	if ct == nil || ct.t.metrics == nil {
		return time.Time{}
	}
	return time.Now()
}

// serialized records client.call.serialization_duration: the time since
// start spent encoding the input.
func (ct *callTelemetry) serialized(ctx context.Context, start time.Time) {
	if ct == nil || ct.t.metrics == nil {
		return
	}
	ct.t.metrics.serialization.Record(ctx, seconds(time.Since(start)), ct.attrs)
}

// end ends the client span with the call's outcome and records
// client.call.duration. err is what the call returns.
func (ct *callTelemetry) end(ctx context.Context, err error) {
	if ct == nil {
		return
	}
	if ct.t.metrics != nil {
		ct.t.metrics.duration.Record(ctx, seconds(time.Since(ct.start)), ct.attrs)
	}
	if ct.span == nil {
		return
	}
	s := ct.span
	if err != nil {
		// The SDK describes the error inside the operation error.
		inner := err
		var oe *smithy.OperationError
		if errors.As(err, &oe) && oe.Err != nil {
			inner = oe.Err
		}
		s.SetProperty("exception.type", fmt.Sprintf("%T", inner))
		s.SetProperty("exception.message", inner.Error())
		var apiErr smithy.APIError
		if errors.As(inner, &apiErr) {
			s.SetProperty("api.error_code", apiErr.ErrorCode())
			s.SetProperty("api.error_message", apiErr.ErrorMessage())
			s.SetProperty("api.error_fault", apiErr.ErrorFault().String())
		}
	}
	if ct.requestID != "" {
		// Not on the SDK's client span (only on its attempt spans): the
		// request ID of the last response, so that the call's span can be
		// found from an error's request ID.
		s.SetProperty("aws.request_id", ct.requestID)
	}
	s.SetProperty("error", err != nil)
	if err == nil {
		s.SetStatus(tracing.SpanStatusOK)
	} else {
		s.SetStatus(tracing.SpanStatusError)
	}
	s.End()
}

// seconds converts d to the unit of the SDK's duration histograms.
func seconds(d time.Duration) float64 { return d.Seconds() }

// step is one timed step of an attempt (getting credentials, signing,
// decoding): a child span of the attempt's and a duration histogram. The
// zero step does nothing.
type step struct {
	ct    *callTelemetry
	span  tracing.Span
	hist  metrics.Float64Histogram
	auth  bool // the histogram carries auth.scheme_id
	start time.Time
}

// startStep starts a step of the attempt in progress. ctx is the
// attempt's; the returned context is the step's.
func (ct *callTelemetry) startStep(ctx context.Context, name string) (context.Context, step) {
	if ct == nil {
		return ctx, step{}
	}
	st := step{ct: ct, start: time.Now()}
	if m := ct.t.metrics; m != nil {
		switch name {
		case spanGetIdentity:
			st.hist, st.auth = m.resolveIdentity, true
		case spanSign:
			st.hist, st.auth = m.signing, true
		case spanDeserialize:
			st.hist = m.deserialization
		}
	}
	if ct.t.tracer != nil {
		ctx, st.span = ct.t.tracer.StartSpan(ctx, name)
	}
	return ctx, st
}

// end ends the step.
func (st step) end(ctx context.Context) {
	if st.ct == nil {
		return
	}
	if st.hist != nil {
		if st.auth {
			st.hist.Record(ctx, seconds(time.Since(st.start)), st.ct.attrs, authSchemeAttr)
		} else {
			st.hist.Record(ctx, seconds(time.Since(st.start)), st.ct.attrs)
		}
	}
	if st.span != nil {
		st.span.End()
	}
}

func authSchemeAttr(o *metrics.RecordMetricOptions) { o.Properties.Set("auth.scheme_id", authSchemeID) }

// attemptTelemetry is the telemetry of one attempt: its span and the
// HTTP metrics of its request.
type attemptTelemetry struct {
	ct    *callTelemetry
	span  tracing.Span
	start time.Time
	send  tracing.Span // DoHTTPRequest, while the request is sent
	// deserialize is the step that reads and decodes the response; it
	// ends with the attempt.
	deserialize step
	http        *httpMetrics // nil without metrics
}

// startAttempt starts the span Attempt, with operation.attempt. ctx is
// the call's; the returned context is the attempt's.
func (ct *callTelemetry) startAttempt(ctx context.Context, attempt int) context.Context {
	if ct == nil {
		return ctx
	}
	at := &attemptTelemetry{ct: ct, start: time.Now()}
	ct.attempt = at
	if ct.t.tracer != nil {
		ctx, at.span = ct.t.tracer.StartSpan(ctx, spanAttempt, func(o *tracing.SpanOptions) {
			o.Properties.Set("operation.attempt", attempt)
		})
	}
	return ctx
}

// endAttempt ends the attempt in progress: its span gets the request ID
// and status of the response, if any, and the attempt metrics are
// recorded (client.call.attempts, client.call.attempt_duration and, for a
// failed attempt, client.call.errors).
func (ct *callTelemetry) endAttempt(ctx context.Context, res *attemptResult) {
	if ct == nil || ct.attempt == nil {
		return
	}
	at := ct.attempt
	ct.attempt = nil
	at.deserialize.end(ctx)
	if res.requestID != "" {
		ct.requestID = res.requestID
	}
	if m := ct.t.metrics; m != nil {
		m.attempts.Add(ctx, 1, ct.attrs)
		m.attemptDuration.Record(ctx, seconds(time.Since(at.start)), ct.attrs)
		if res.err != nil {
			errType := errorType(res.err)
			m.errors.Add(ctx, 1, ct.attrs, func(o *metrics.RecordMetricOptions) {
				o.Properties.Set("exception.type", errType)
			})
		}
		if at.http != nil {
			at.http.release(ctx)
		}
	}
	if at.span != nil {
		if res.requestID != "" {
			at.span.SetProperty("aws.request_id", res.requestID)
		}
		if res.status != 0 {
			// Not on the SDK's attempt span (only on its DoHTTPRequest
			// span): the status of the attempt's response.
			at.span.SetProperty("http.status_code", res.status)
		}
		at.span.End()
	}
}

// errorType is the exception.type attribute of client.call.errors: the
// error code of a service error, otherwise the error's Go type, as the
// SDK's retry middleware reports it.
func errorType(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return fmt.Sprintf("%T", err)
}

// startSend starts the span DoHTTPRequest and the HTTP metrics of the
// attempt in progress, returning req with a context that carries them.
func (ct *callTelemetry) startSend(req *http.Request) *http.Request {
	if ct == nil || ct.attempt == nil {
		return req
	}
	at := ct.attempt
	ctx := req.Context()
	if ct.t.tracer != nil {
		ctx, at.send = ct.t.tracer.StartSpan(ctx, spanSend)
		at.send.SetProperty("http.method", req.Method)
		at.send.SetProperty("http.request_content_length", req.ContentLength)
	}
	if m := ct.t.metrics; m != nil {
		at.http = newHTTPMetrics(m)
		ctx = at.http.trace(ctx)
	}
	return req.WithContext(ctx)
}

// sent ends the span DoHTTPRequest with what the HTTP client returned,
// as smithy-go's does (a zero status and version when there is no
// response), and starts the step OperationDeserializer when a response
// came.
func (ct *callTelemetry) sent(ctx context.Context, resp *http.Response, err error) {
	if ct == nil || ct.attempt == nil {
		return
	}
	at := ct.attempt
	if at.http != nil {
		at.http.done(ctx)
	}
	if at.send != nil {
		var (
			major, minor, status int
			length               int64
		)
		if resp != nil {
			major, minor, status, length = resp.ProtoMajor, resp.ProtoMinor, resp.StatusCode, resp.ContentLength
		}
		at.send.SetProperty("net.protocol.version", fmt.Sprintf("%d.%d", major, minor))
		at.send.SetProperty("http.status_code", status)
		at.send.SetProperty("http.response_content_length", length)
		at.send.End()
		at.send = nil
	}
	if err == nil {
		_, at.deserialize = ct.startStep(ctx, spanDeserialize)
	}
}
