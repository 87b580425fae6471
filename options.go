package customlabels

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	"github.com/rekognition-go/customlabels/internal/endpoint"
)

// credentialsExpiryWindow is how long before their expiry cached
// credentials are refreshed.
const credentialsExpiryWindow = time.Minute

// HTTPClient sends one HTTP request. *http.Client satisfies it, as does any
// test double. Redirects are never followed: an *http.Client is used
// through a copy whose CheckRedirect refuses them.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Options configure a Client. The zero value of each field means its
// default. Options are copied by New and by every call.
type Options struct {
	// Region is the AWS Region, e.g. "us-east-1". Required. It must be one
	// DNS label; the pseudo-regions "fips-<region>" and "<region>-fips"
	// select the FIPS endpoint of <region>.
	Region string

	// BaseEndpoint, when set, is used instead of the Region's endpoint,
	// e.g. "http://127.0.0.1:8080" for a customlabelstest server. It cannot
	// be combined with UseFIPSEndpoint or UseDualStackEndpoint.
	BaseEndpoint string

	// Credentials sign every request. New wraps them in an
	// aws.CredentialsCache (unless they are one), which refreshes them a
	// minute before they expire; Client.Options returns the cache.
	// NewFromConfig takes them from the AWS config chain.
	Credentials aws.CredentialsProvider

	// HTTPClient sends requests. The default has dial, TLS-handshake and
	// response-header timeouts and pools keep-alive connections.
	HTTPClient HTTPClient

	// RetryMaxAttempts is the number of attempts per call, the first
	// included. Zero means 3; 1 disables retries.
	RetryMaxAttempts int

	// RetryMode is aws.RetryModeStandard (the default) or
	// aws.RetryModeAdaptive, which also limits the sending rate after
	// throttling.
	RetryMode aws.RetryMode

	// Retryer, when set, decides retries instead of RetryMode. With
	// RetryMaxAttempts also set, the attempts limit is overridden.
	Retryer aws.Retryer

	// UseFIPSEndpoint selects the FIPS 140 endpoint.
	UseFIPSEndpoint bool

	// UseDualStackEndpoint selects the IPv4 and IPv6 endpoint.
	UseDualStackEndpoint bool

	// Logger, when set, receives one debug record per attempt: operation,
	// attempt, status, request ID, duration and error code. Credentials,
	// signatures and tokens are never logged.
	Logger *slog.Logger

	// DisableClockSkewCorrection stops the client from adjusting its
	// signing time to the server's Date header.
	DisableClockSkewCorrection bool

	// TracerProvider, when set, receives a span per call, per attempt and
	// per step of an attempt, named as aws-sdk-go-v2 names them (see
	// Telemetry in the package documentation). For OpenTelemetry:
	// smithyoteltracing.Adapt(otel.GetTracerProvider()). Unset, tracing
	// costs a call nothing.
	TracerProvider tracing.TracerProvider

	// MeterProvider, when set, receives the call, attempt and HTTP
	// connection metrics of aws-sdk-go-v2 (client.call.duration and
	// others; see Telemetry in the package documentation). For
	// OpenTelemetry: smithyotelmetrics.Adapt(otel.GetMeterProvider()).
	// Unset, metrics cost a call nothing.
	MeterProvider metrics.MeterProvider

	// IdleTimeout ends an attempt that makes no progress for this long:
	// no response headers since the request was written, or no byte of
	// the response body. Zero means DefaultIdleTimeout (30 s);
	// a negative value turns the bound off. The attempt fails with an
	// *AttemptTimeoutError and is retried like a dropped connection.
	IdleTimeout time.Duration

	// AttemptTimeout ends an attempt that runs this long in all, however
	// it progresses (a body trickled a byte at a time). Zero means
	// DefaultAttemptTimeout (5 min); a negative value turns the bound
	// off. As with IdleTimeout, the attempt is retried.
	//
	// Neither bound replaces the caller's context, which bounds the whole
	// call, retries and backoff included.
	AttemptTimeout time.Duration
}

// resolved is what a call needs, derived from Options.
type resolved struct {
	endpoint    endpoint.Endpoint
	endpointURL *url.URL // endpoint.URL parsed, shared: copied by each request
	endpointErr error
	credentials aws.CredentialsProvider // cached
	retryer     aws.RetryerV2
	retryerErr  error
	http        HTTPClient // never follows redirects
	// redirectSafe is false for an HTTPClient whose redirect policy is
	// unknown: its requests are guarded (see guardedContext).
	redirectSafe bool
	logger       *slog.Logger
	telemetry    telemetry
	// idleTimeout and attemptTimeout bound each attempt; 0 is off.
	idleTimeout, attemptTimeout time.Duration
}

// resolve derives what a call needs from o. When base and prev are given,
// pieces whose options did not change are reused, so that per-call
// options keep the client's credential cache and retry quota.
func resolve(o Options, prev *Options, base *resolved) resolved {
	var r resolved
	if base != nil && prev.Region == o.Region && prev.BaseEndpoint == o.BaseEndpoint &&
		prev.UseFIPSEndpoint == o.UseFIPSEndpoint && prev.UseDualStackEndpoint == o.UseDualStackEndpoint {
		r.endpoint, r.endpointURL, r.endpointErr = base.endpoint, base.endpointURL, base.endpointErr
	} else {
		r.endpoint, r.endpointErr = endpoint.Resolve(endpoint.Options{
			Region: o.Region, BaseEndpoint: o.BaseEndpoint,
			UseFIPS: o.UseFIPSEndpoint, UseDualStack: o.UseDualStackEndpoint,
		})
		if r.endpointErr == nil {
			r.endpointURL, r.endpointErr = parseRequestURL(r.endpoint.URL)
		}
	}

	if base != nil && sameValue(prev.Credentials, o.Credentials) {
		r.credentials = base.credentials
	} else {
		r.credentials = cachedCredentials(o.Credentials)
	}

	switch {
	case base != nil && sameValue(prev.Retryer, o.Retryer) && prev.RetryMode == o.RetryMode:
		r.retryer, r.retryerErr = base.retryer, base.retryerErr
		if o.RetryMaxAttempts != prev.RetryMaxAttempts && r.retryer != nil && o.RetryMaxAttempts > 0 {
			r.retryer = asRetryerV2(retry.AddWithMaxAttempts(r.retryer, o.RetryMaxAttempts))
		}
	default:
		r.retryer, r.retryerErr = newRetryer(o)
	}

	if base != nil && sameValue(prev.HTTPClient, o.HTTPClient) {
		r.http, r.redirectSafe = base.http, base.redirectSafe
	} else {
		r.http = withoutRedirects(o.HTTPClient)
		r.redirectSafe = redirectSafe(r.http)
	}
	r.logger = o.Logger
	if base != nil && sameValue(prev.TracerProvider, o.TracerProvider) && sameValue(prev.MeterProvider, o.MeterProvider) {
		r.telemetry = base.telemetry
	} else {
		r.telemetry = newTelemetry(o.TracerProvider, o.MeterProvider)
	}
	r.idleTimeout = durationOption(o.IdleTimeout, DefaultIdleTimeout)
	r.attemptTimeout = durationOption(o.AttemptTimeout, DefaultAttemptTimeout)
	return r
}

// configError returns the error of options that no call can be made
// with, found by resolve: every call returns it before sending anything.
func (r *resolved) configError() error {
	switch {
	case r.telemetry.err != nil:
		return r.telemetry.err
	case r.endpointErr != nil:
		return r.endpointErr
	case r.retryerErr != nil:
		return r.retryerErr
	case r.credentials == nil:
		return &credentialsError{errors.New("no credentials provider: set Options.Credentials or use NewFromConfig")}
	}
	return nil
}

// cachedCredentials wraps p in an aws.CredentialsCache, unless it is one
// already or nil.
func cachedCredentials(p aws.CredentialsProvider) aws.CredentialsProvider {
	if p == nil {
		return nil
	}
	if cache, ok := p.(*aws.CredentialsCache); ok {
		return cache
	}
	return aws.NewCredentialsCache(p, func(co *aws.CredentialsCacheOptions) {
		// Refresh a little early, so that a request signed just before
		// expiry is not rejected on arrival.
		co.ExpiryWindow = credentialsExpiryWindow
	})
}

// sameValue reports whether a and b hold the same comparable value,
// without panicking on values that cannot be compared.
func sameValue(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ta := reflect.TypeOf(a)
	if ta != reflect.TypeOf(b) || !ta.Comparable() {
		return false
	}
	return a == b
}

func newRetryer(o Options) (aws.RetryerV2, error) {
	if o.Retryer != nil {
		if o.RetryMaxAttempts > 0 {
			return asRetryerV2(retry.AddWithMaxAttempts(o.Retryer, o.RetryMaxAttempts)), nil
		}
		return asRetryerV2(o.Retryer), nil
	}
	if o.RetryMaxAttempts < 0 {
		return nil, fmt.Errorf("invalid RetryMaxAttempts %d: must be 0 (default) or more", o.RetryMaxAttempts)
	}
	switch o.RetryMode {
	case "", aws.RetryModeStandard:
		return retry.NewStandard(func(so *retry.StandardOptions) {
			if o.RetryMaxAttempts > 0 {
				so.MaxAttempts = o.RetryMaxAttempts
			}
		}), nil
	case aws.RetryModeAdaptive:
		return retry.NewAdaptiveMode(func(ao *retry.AdaptiveModeOptions) {
			ao.StandardOptions = append(ao.StandardOptions, func(so *retry.StandardOptions) {
				if o.RetryMaxAttempts > 0 {
					so.MaxAttempts = o.RetryMaxAttempts
				}
			})
		}), nil
	}
	return nil, fmt.Errorf("invalid RetryMode %q: must be %q or %q", o.RetryMode, aws.RetryModeStandard, aws.RetryModeAdaptive)
}

// retryerV2 adapts an aws.Retryer without GetAttemptToken: only the first
// attempt takes the initial token, as the SDK's retry middleware does.
type retryerV2 struct{ aws.Retryer }

func (r retryerV2) GetAttemptToken(context.Context) (func(error) error, error) {
	return r.GetInitialToken(), nil
}

func asRetryerV2(r aws.Retryer) aws.RetryerV2 {
	if v2, ok := r.(aws.RetryerV2); ok {
		return v2
	}
	return retryerV2{r}
}
