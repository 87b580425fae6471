// Package otel holds tests, and nothing else, that compare the traces and
// metrics of customlabels with those of the official aws-sdk-go-v2
// Rekognition client (service/rekognition v1.51.26, core v1.48.0,
// smithy-go v1.28.9), both plugged into the OpenTelemetry SDK through
// smithy-go's adapters, as each documents:
//
//	o.TracerProvider = smithyoteltracing.Adapt(tp)
//	o.MeterProvider = smithyotelmetrics.Adapt(mp)
//
// Each client makes the same calls against a customlabelstest fake (a
// success, an AccessDeniedException, a throttle retried, retries
// exhausted, a paginated listing under a caller's span). The spans go to
// the SDK's in-memory exporter (sdk/trace/tracetest) and the measurements
// to a manual reader (sdk/metric); the tests compare span trees, kinds,
// statuses, attribute keys and deterministic values, and instrument names,
// units, descriptions, attributes and counts. They remove from one side
// exactly the differences listed below; any other difference fails.
//
// It is a module of its own so that the customlabels module never
// requires the OpenTelemetry SDK or service/rekognition. Run it from this
// directory:
//
//	go test -race ./...
//	go test -run '^$' -bench . -benchmem .
//
// # What is the same
//
// Span names, kinds and statuses: the client span Rekognition.<Operation>
// (kind client; status OK or Error) with rpc.system "aws-api",
// rpc.service, rpc.method, error, and on failure exception.type,
// exception.message and, for a service error, api.error_code,
// api.error_message and api.error_fault; per attempt a span Attempt with
// operation.attempt and aws.request_id; under it GetIdentity, SignRequest,
// DoHTTPRequest (http.method, http.request_content_length,
// net.protocol.version, http.status_code, http.response_content_length)
// and OperationDeserializer. Metrics: client.call.duration,
// client.call.serialization_duration,
// client.call.auth.resolve_identity_duration,
// client.call.auth.signing_duration, client.call.deserialization_duration,
// client.call.attempts, client.call.errors (exception.type: the error code,
// or the Go type of a transport error), client.call.attempt_duration, with
// rpc.service and rpc.method (and auth.scheme_id "aws.auth#sigv4" on the
// two auth metrics); client.http.do_request_duration,
// client.http.time_to_first_byte, client.http.connections.acquire_duration,
// client.http.connections.dns_lookup_duration,
// client.http.connections.tls_handshake_duration and
// client.http.connections.usage (state "acquired"), without attributes, as
// smithy-go records them (the DNS and TLS ones do not occur against a
// loopback fake over HTTP; the root package's tests check them over TLS
// to "localhost"). Names, units and descriptions are the SDK's.
//
// # What differs, and why
//
//   - Scope: ours is "github.com/rekognition-go/customlabels", the SDK's
//     "github.com/aws/aws-sdk-go-v2/service/rekognition": the SDK's
//     convention (the client's package path) applied to our package. The
//     scope names the library that made the telemetry; claiming the SDK's
//     would mislead whoever debugs which library emitted a span. Dashboards
//     and queries select by span and metric name and by rpc.service and
//     rpc.method, which are the same. Neither sets a scope version:
//     smithy-go's TracerProvider and MeterProvider interfaces carry none.
//   - Spans the SDK has and we do not: RetryLoop (twice, nested, between
//     the client span and each Attempt: our Attempt spans are children of
//     the client span), OperationSerializer (appending a few bytes of
//     JSON), ResolveAuthScheme (there is one scheme, SigV4), ResolveEndpoint
//     (we resolve the endpoint once per client, not per attempt) and
//     ComputePayloadSHA256 (once per call, not per attempt). Each is a step
//     of the SDK's middleware stack that our straight call path does not
//     have, or that takes no measurable time; a span for it would tell
//     nothing.
//   - Metric the SDK has and we do not: client.call.resolve_endpoint_duration,
//     for the same reason as ResolveEndpoint.
//   - Attributes we add: aws.request_id on the client span (the last
//     response's; the SDK has it only on Attempt spans), so that the call
//     is found from the request ID in an error; http.status_code on each
//     Attempt span (the SDK has it only on DoHTTPRequest), so that
//     throttled attempts are found without joining child spans.
//   - client.http.connections.acquire_duration: we measure from GetConn to
//     GotConn for every request, the time to get a connection, pooled or
//     dialled, as its description says; smithy-go measures ConnectStart to
//     ConnectDone, the dial alone, so reused connections are not recorded.
//     Counts differ when a connection is reused; the test compares this
//     one by name, unit, description and attributes only.
//   - client.http.connections.usage: we take a connection out when its
//     attempt has closed the response; smithy-go only on PutIdleConn, so a
//     connection closed after its response stays counted.
//   - exception.type and exception.message of a call whose retries ran
//     out: ours are *customlabels.RetryError and its message ("... (attempts:
//     3 of 3)"), the SDK's *retry.MaxAttemptsError ("exceeded maximum number
//     of attempts, 3, ..."): each is the error the client returns. Invalid
//     input likewise gives *customlabels.InvalidParamError where the SDK
//     gives smithy.InvalidParamsError. For a single failed attempt both are
//     *http.ResponseError with the same message.
//   - An attempt refused a retry token (adaptive mode's rate limiter)
//     makes no Attempt span here; the SDK opens one around the refusal.
package otel
