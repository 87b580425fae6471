package customlabels

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/rekognition-go/customlabels/internal/awserr"
	"github.com/rekognition-go/customlabels/internal/endpoint"
	"github.com/rekognition-go/customlabels/internal/uuid"
)

// Version is the version of this module, sent in the User-Agent header.
const Version = "0.1.0"

const (
	// ServiceID is the service name in errors, as the AWS SDKs spell it.
	ServiceID = "Rekognition"
	// signingName is the SigV4 service name.
	signingName = "rekognition"
	// targetPrefix is the awsJson1_1 X-Amz-Target prefix of the service.
	targetPrefix = "RekognitionService."
	// contentType is the awsJson1_1 request content type.
	contentType = "application/x-amz-json-1.1"
)

// credentialsExpiryWindow is how long before their expiry cached
// credentials are refreshed.
const credentialsExpiryWindow = time.Minute

// Limits on response bodies. A body over the limit is an error, never
// silently cut.
const (
	// MaxResponseBytes caps a successful response body. A full page of 100
	// projects with long ARNs and messages is far below it.
	MaxResponseBytes = 16 << 20
	// maxErrorBodyBytes caps what is read of an error response.
	maxErrorBodyBytes = 1 << 20
)

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
}

// Client calls Amazon Rekognition Custom Labels. It is safe for concurrent
// use; create one and share it.
type Client struct {
	options Options
	res     resolved
	signer  *v4.Signer
	// skew is the measured server-minus-client clock offset, in
	// nanoseconds, applied to the signing time.
	skew atomic.Int64
}

// resolved is what a call needs, derived from Options.
type resolved struct {
	endpoint    endpoint.Endpoint
	endpointErr error
	credentials aws.CredentialsProvider // cached
	retryer     aws.RetryerV2
	retryerErr  error
	http        HTTPClient // never follows redirects
	// redirectSafe is false for an HTTPClient whose redirect policy is
	// unknown: its requests are guarded (see guardedContext).
	redirectSafe bool
	logger       *slog.Logger
}

// New returns a Client configured by o and then by each optFn. It does no
// I/O; configuration errors, such as a missing Region, are returned by the
// first call.
func New(o Options, optFns ...func(*Options)) *Client {
	for _, fn := range optFns {
		fn(&o)
	}
	// Keep the cache in the options, so that per-call options that leave
	// Credentials alone share it, whatever the provider's type.
	o.Credentials = cachedCredentials(o.Credentials)
	c := &Client{options: o, signer: v4.NewSigner()}
	c.res = resolve(o, nil, nil)
	return c
}

// NewFromConfig returns a Client configured from an aws.Config, as loaded
// by config.LoadDefaultConfig: region, credentials, base endpoint
// (including AWS_ENDPOINT_URL_REKOGNITION), HTTP client, retry settings,
// FIPS and dual-stack. Then each optFn is applied.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	o := Options{
		Region:                     cfg.Region,
		Credentials:                cfg.Credentials,
		RetryMaxAttempts:           cfg.RetryMaxAttempts,
		RetryMode:                  cfg.RetryMode,
		DisableClockSkewCorrection: cfg.DisableClockSkewCorrection,
	}
	if cfg.HTTPClient != nil {
		o.HTTPClient = cfg.HTTPClient
	}
	if cfg.Retryer != nil {
		o.Retryer = cfg.Retryer()
	}
	if cfg.BaseEndpoint != nil {
		o.BaseEndpoint = *cfg.BaseEndpoint
	}
	resolveConfigSources(cfg.ConfigSources, &o)
	return New(o, optFns...)
}

// resolveConfigSources reads the settings that config.LoadDefaultConfig
// leaves in cfg.ConfigSources (environment and shared config files).
func resolveConfigSources(sources []interface{}, o *Options) {
	ctx := context.Background()
	type fipsSource interface {
		GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
	}
	type dualStackSource interface {
		GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
	}
	type serviceEndpointSource interface {
		GetServiceBaseEndpoint(ctx context.Context, sdkID string) (string, bool, error)
	}
	var fipsDone, dualDone, endpointDone bool
	for _, s := range sources {
		if v, ok := s.(fipsSource); ok && !fipsDone {
			if state, found, err := v.GetUseFIPSEndpoint(ctx); err == nil && found {
				o.UseFIPSEndpoint = state == aws.FIPSEndpointStateEnabled
				fipsDone = true
			}
		}
		if v, ok := s.(dualStackSource); ok && !dualDone {
			if state, found, err := v.GetUseDualStackEndpoint(ctx); err == nil && found {
				o.UseDualStackEndpoint = state == aws.DualStackEndpointStateEnabled
				dualDone = true
			}
		}
		if v, ok := s.(serviceEndpointSource); ok && !endpointDone {
			if u, found, err := v.GetServiceBaseEndpoint(ctx, ServiceID); err == nil && found && u != "" {
				o.BaseEndpoint = u
				endpointDone = true
			}
		}
	}
}

// Options returns a copy of the client's options.
func (c *Client) Options() Options { return c.options }

// resolve derives what a call needs from o. When base and prev are given,
// pieces whose options did not change are reused, so that per-call
// options keep the client's credential cache and retry quota.
func resolve(o Options, prev *Options, base *resolved) resolved {
	var r resolved
	if base != nil && prev.Region == o.Region && prev.BaseEndpoint == o.BaseEndpoint &&
		prev.UseFIPSEndpoint == o.UseFIPSEndpoint && prev.UseDualStackEndpoint == o.UseDualStackEndpoint {
		r.endpoint, r.endpointErr = base.endpoint, base.endpointErr
	} else {
		r.endpoint, r.endpointErr = endpoint.Resolve(endpoint.Options{
			Region: o.Region, BaseEndpoint: o.BaseEndpoint,
			UseFIPS: o.UseFIPSEndpoint, UseDualStack: o.UseDualStackEndpoint,
		})
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
	return r
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

// operationError wraps err as the AWS SDKs do, naming service and operation.
func operationError(op string, err error) error {
	return &smithy.OperationError{ServiceID: ServiceID, OperationName: op, Err: err}
}

// userAgent is computed once: it never changes within a process.
var userAgent = []string{"customlabels-go/" + Version + " (" + runtime.Version() + "; " + runtime.GOOS + "/" + runtime.GOARCH + ")"}

var contentTypeHeader = []string{contentType}

// describeProjectsTarget is the X-Amz-Target value of DescribeProjects,
// computed once.
var describeProjectsTarget = []string{targetPrefix + opDescribeProjects}

// targetHeader returns the X-Amz-Target value of op.
func targetHeader(op string) []string {
	if op == opDescribeProjects {
		return describeProjectsTarget
	}
	return []string{targetPrefix + op}
}

// sdkRequestHeaders holds the Amz-Sdk-Request values of the usual retry
// settings, computed once: sdkRequestHeaders[max-1][attempt-1].
var sdkRequestHeaders = func() (t [5][][]string) {
	for max := 1; max <= len(t); max++ {
		for attempt := 1; attempt <= max; attempt++ {
			t[max-1] = append(t[max-1], []string{formatSDKRequest(attempt, max)})
		}
	}
	return t
}()

func formatSDKRequest(attempt, max int) string {
	return "attempt=" + strconv.Itoa(attempt) + "; max=" + strconv.Itoa(max)
}

// sdkRequestHeader returns the Amz-Sdk-Request value of an attempt.
func sdkRequestHeader(attempt, max int) []string {
	if 1 <= attempt && attempt <= max && max <= len(sdkRequestHeaders) {
		return sdkRequestHeaders[max-1][attempt-1]
	}
	return []string{formatSDKRequest(attempt, max)}
}

// decodeFunc decodes a 2xx response body. It must not keep data.
type decodeFunc func(data []byte, requestID string) error

// credentialsError marks a failure to get credentials: the call ends at
// once, without retries, and nothing is sent.
type credentialsError struct{ err error }

func (e *credentialsError) Error() string { return "get credentials: " + e.err.Error() }
func (e *credentialsError) Unwrap() error { return e.err }

// invoke runs one operation: for each attempt it signs the request afresh,
// sends it and decodes the response, retrying as the retryer decides. The
// returned error is a *smithy.OperationError.
func (c *Client) invoke(ctx context.Context, op string, body []byte, optFns []func(*Options), decode decodeFunc) error {
	r := &c.res
	o := &c.options
	if len(optFns) > 0 {
		callOpts := c.options
		for _, fn := range optFns {
			fn(&callOpts)
		}
		callRes := resolve(callOpts, &c.options, &c.res)
		r, o = &callRes, &callOpts
	}
	switch {
	case r.endpointErr != nil:
		return operationError(op, r.endpointErr)
	case r.retryerErr != nil:
		return operationError(op, r.retryerErr)
	case r.credentials == nil:
		return operationError(op, &credentialsError{errors.New("no credentials provider: set Options.Credentials or use NewFromConfig")})
	}

	sum := sha256.Sum256(body)
	call := attemptCall{
		op:          op,
		body:        body,
		payloadHash: hex.EncodeToString(sum[:]),
		target:      targetHeader(op),
		invocation:  []string{uuid.New()},
		maxAttempts: r.retryer.MaxAttempts(),
	}

	var skew time.Duration
	if !o.DisableClockSkewCorrection {
		skew = time.Duration(c.skew.Load())
	}
	releaseRetry := func(error) error { return nil }
	var lastErr error
	// The skew measured by the last attempt is kept for later calls.
	// (A value and a flag, not a pointer to res.skew: that would move
	// each attempt's result to the heap.)
	var measured time.Duration
	var hasMeasured bool
	defer func() {
		if hasMeasured {
			c.skew.Store(int64(measured))
		}
	}()
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return operationError(op, stoppedError(attempt-1, call.maxAttempts, lastErr, err))
		}
		releaseAttempt, err := r.retryer.GetAttemptToken(ctx)
		if err != nil {
			return operationError(op, stoppedError(attempt-1, call.maxAttempts, lastErr, err))
		}
		start := time.Now()
		res := c.attempt(ctx, r, &call, decode, attempt, skew)
		_ = releaseRetry(res.err)
		_ = releaseAttempt(res.err)
		c.log(ctx, r.logger, &call, attempt, res, time.Since(start))

		if res.hasSkew && !o.DisableClockSkewCorrection {
			measured, hasMeasured = res.skew, true
		}
		if res.err == nil {
			return nil
		}
		var credErr *credentialsError
		if errors.As(res.err, &credErr) {
			return operationError(op, stoppedError(attempt-1, call.maxAttempts, lastErr, res.err))
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			// The context ended: no retry can follow.
			switch {
			case !errors.Is(res.err, ctxErr):
				// The attempt had its answer before the context ended.
				return operationError(op, &RetryError{Attempts: attempt, MaxAttempts: call.maxAttempts, Err: res.err, Stop: ctxErr})
			case lastErr != nil:
				// The context cut this attempt short: report the last
				// error the service gave, and why the call stopped.
				return operationError(op, &RetryError{Attempts: attempt, MaxAttempts: call.maxAttempts, Err: lastErr, Stop: ctxErr})
			default:
				return operationError(op, res.err)
			}
		}
		lastErr = res.err

		classified := res.err
		if res.hasSkew && !o.DisableClockSkewCorrection && isClockSkewError(res.err, absDuration(res.skew-skew)) {
			classified = &clockSkewError{res.err}
		}
		if hasMeasured {
			skew = measured // the next attempt signs with the server's clock
		}

		if !r.retryer.IsErrorRetryable(classified) {
			return operationError(op, finalError(attempt, call.maxAttempts, res.err, nil))
		}
		if attempt >= call.maxAttempts {
			return operationError(op, finalError(attempt, call.maxAttempts, res.err, nil))
		}
		releaseRetry, err = r.retryer.GetRetryToken(ctx, classified)
		if err != nil {
			return operationError(op, &RetryError{Attempts: attempt, MaxAttempts: call.maxAttempts, Err: res.err, Stop: err})
		}
		delay, err := r.retryer.RetryDelay(attempt, classified)
		if err != nil {
			return operationError(op, &RetryError{Attempts: attempt, MaxAttempts: call.maxAttempts, Err: res.err, Stop: err})
		}
		if err := sleep(ctx, retryAfter(delay, res.err)); err != nil {
			return operationError(op, &RetryError{Attempts: attempt, MaxAttempts: call.maxAttempts, Err: res.err, Stop: err})
		}
	}
}

// finalError wraps err in a *RetryError when more than one attempt was
// made or retrying stopped for a reason of its own.
func finalError(attempts, max int, err, stop error) error {
	if attempts <= 1 && stop == nil {
		return err
	}
	return &RetryError{Attempts: attempts, MaxAttempts: max, Err: err, Stop: stop}
}

// stoppedError reports a call that ended before attempt attempts+1 could
// start: with no earlier error the reason itself is the error.
func stoppedError(attempts, max int, lastErr, reason error) error {
	if lastErr == nil {
		return reason
	}
	return &RetryError{Attempts: attempts, MaxAttempts: max, Err: lastErr, Stop: reason}
}

// attemptCall is what stays the same across the attempts of one call.
type attemptCall struct {
	op          string
	body        []byte
	payloadHash string
	target      []string
	invocation  []string
	maxAttempts int
	// The decodeFunc is passed to attempt on its own: its values here
	// would reach the heap with target and invocation (escape analysis
	// does not tell a struct's fields apart), and so would the closure
	// and output variable of every call.
}

// attemptResult is the outcome of one attempt.
type attemptResult struct {
	err       error
	status    int
	requestID string
	// skew is the server's Date minus the local time the response arrived,
	// when the response had a usable Date header.
	skew    time.Duration
	hasSkew bool
}

// attempt signs, sends and decodes once.
func (c *Client) attempt(ctx context.Context, r *resolved, call *attemptCall, decode decodeFunc, attempt int, skew time.Duration) (res attemptResult) {
	creds, err := r.credentials.Retrieve(ctx)
	if err != nil {
		res.err = &credentialsError{err}
		return res
	}
	if !creds.HasKeys() {
		res.err = &credentialsError{errors.New("credentials have no access key ID or secret access key")}
		return res
	}

	reqCtx, foreign := ctx, func() bool { return false }
	if !r.redirectSafe {
		var cancel context.CancelFunc
		reqCtx, foreign, cancel = guardedContext(ctx)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(reqCtx, http.MethodPost, r.endpoint.URL, bytes.NewReader(call.body))
	if err != nil {
		res.err = err
		return res
	}
	// Without GetBody, no net/http client can replay the body to the host
	// a 307 or 308 names: redirects stay unfollowed whatever the client.
	req.GetBody = nil
	req.Header = http.Header{
		"Content-Type":          contentTypeHeader,
		"X-Amz-Target":          call.target,
		"User-Agent":            userAgent,
		"Amz-Sdk-Invocation-Id": call.invocation,
		"Amz-Sdk-Request":       sdkRequestHeader(attempt, call.maxAttempts),
	}
	if err := c.signer.SignHTTP(ctx, creds, req, call.payloadHash, signingName, r.endpoint.SigningRegion, time.Now().Add(skew)); err != nil {
		res.err = fmt.Errorf("sign request: %w", err)
		return res
	}

	resp, err := r.http.Do(req)
	if err != nil {
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		switch {
		case foreign():
			err = errForeignHost
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF),
			// net/http's errServerClosedIdle: a pooled connection the
			// server closed as the request was sent. net/http replays
			// only requests with GetBody, which ours never have.
			strings.Contains(err.Error(), "http: server closed idle connection"):
			// The server closed the connection without a response.
			// DescribeProjects only reads, so sending it again is safe.
			err = &connectionClosedError{err}
		}
		if len(err.Error()) > maxTransportErrorText {
			err = &cappedError{err}
		}
		res.err = err
		return res
	}
	defer resp.Body.Close()
	res.status = resp.StatusCode
	res.requestID = resp.Header.Get("X-Amzn-Requestid")
	if res.requestID == "" {
		res.requestID = resp.Header.Get("X-Amz-Requestid")
	}
	res.requestID = capEchoed(res.requestID)
	if date := resp.Header.Get("Date"); date != "" && resp.Header.Get("Age") == "" {
		if serverTime, err := http.ParseTime(date); err == nil {
			res.skew, res.hasSkew = time.Until(serverTime), true
		}
	}
	if resp.Request != nil && resp.Request.URL != nil && resp.Request.URL.Host != req.URL.Host {
		res.err = responseError(resp, res.requestID, fmt.Errorf("the HTTP client followed a redirect to %s; refusing its response", capEchoed(resp.Request.URL.Host)))
		return res
	}

	limit := int64(MaxResponseBytes)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		limit = maxErrorBodyBytes
	}
	buf := bodyBuffers.Get().(*bodyBuffer)
	defer releaseBodyBuffer(buf)
	data, err := readBody(resp, limit, buf)
	switch {
	case err != nil && (resp.StatusCode < 200 || resp.StatusCode > 299) && errors.Is(err, errBodyTooLarge):
		// An oversized error body is still an error response: classify
		// it by status and header.
		data = nil
	case err != nil:
		res.err = responseError(resp, res.requestID, err)
		return res
	}

	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		res.err = responseError(resp, res.requestID, fmt.Errorf("redirect (%s) not followed", redirectTarget(resp)))
		return res
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		info := awserr.Parse(resp.Header.Get("X-Amzn-Errortype"), data)
		if err != nil || !info.JSON {
			info.Message = describeBody(resp, len(data), err)
		}
		res.err = responseError(resp, res.requestID, newAPIError(info, res.requestID, resp.StatusCode))
		return res
	}
	if err := decode(data, res.requestID); err != nil {
		res.err = responseError(resp, res.requestID, deserializationError(err))
		return res
	}
	return res
}

// errBodyTooLarge reports a response body over the limit.
var errBodyTooLarge = errors.New("response body too large")

// bodyBuffers recycles response body buffers: the decoders keep no
// reference to the body, so its buffer is reused once an attempt ends.
var bodyBuffers = sync.Pool{New: func() any { return new(bodyBuffer) }}

// bodyBuffer is a pooled response buffer with the reader that caps what
// is read into it.
type bodyBuffer struct {
	buf bytes.Buffer
	lr  io.LimitedReader
}

// maxPooledBodyBuffer bounds the buffers kept for reuse; a larger one (an
// unusually big response) is left to the garbage collector.
const maxPooledBodyBuffer = 1 << 20

func releaseBodyBuffer(b *bodyBuffer) {
	b.lr = io.LimitedReader{}
	if b.buf.Cap() <= maxPooledBodyBuffer {
		b.buf.Reset()
		bodyBuffers.Put(b)
	}
}

// readBody reads the whole body into buf, failing beyond limit bytes. A
// body cut short gives the transport's error (io.ErrUnexpectedEOF or a
// reset), which is retried. The bytes returned are buf's.
func readBody(resp *http.Response, limit int64, b *bodyBuffer) ([]byte, error) {
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds the limit of %d bytes", errBodyTooLarge, resp.ContentLength, limit)
	}
	buf := &b.buf
	buf.Reset()
	if resp.ContentLength > 0 {
		// Room for the body and for ReadFrom's last read, which returns
		// io.EOF, without growing.
		buf.Grow(int(resp.ContentLength) + bytes.MinRead)
	}
	b.lr = io.LimitedReader{R: resp.Body, N: limit + 1}
	n, err := buf.ReadFrom(&b.lr)
	if err != nil {
		return nil, &bodyReadError{err}
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", errBodyTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// bodyReadError is a response body that could not be read to its end: the
// connection failed or closed early. It is retried.
type bodyReadError struct{ err error }

func (e *bodyReadError) Error() string        { return "read response body: " + e.err.Error() }
func (e *bodyReadError) Unwrap() error        { return e.err }
func (e *bodyReadError) RetryableError() bool { return true }

// connectionClosedError is a connection closed by the server before a
// response arrived. It is retried.
type connectionClosedError struct{ err error }

func (e *connectionClosedError) Error() string        { return e.err.Error() }
func (e *connectionClosedError) Unwrap() error        { return e.err }
func (e *connectionClosedError) RetryableError() bool { return true }

// truncatedBodyError is a 2xx body that ends in the middle of its JSON or
// is empty: the response was cut short on its way. It is retried.
type truncatedBodyError struct{ err error }

func (e *truncatedBodyError) Error() string        { return e.err.Error() }
func (e *truncatedBodyError) Unwrap() error        { return e.err }
func (e *truncatedBodyError) RetryableError() bool { return true }

func deserializationError(err error) error {
	if errors.Is(err, errEmptyBody) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &truncatedBodyError{&smithy.DeserializationError{Err: err}}
	}
	return &smithy.DeserializationError{Err: err}
}

func describeBody(resp *http.Response, n int, readErr error) string {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "no content type"
	}
	if readErr != nil {
		return fmt.Sprintf("error response body not read (%s): %v", quoteShort(ct), readErr)
	}
	return fmt.Sprintf("non-JSON error response (%s, %d bytes)", quoteShort(ct), n)
}

func redirectTarget(resp *http.Response) string {
	loc, err := resp.Location()
	if err != nil {
		return fmt.Sprintf("status %d without a valid Location", resp.StatusCode)
	}
	return fmt.Sprintf("status %d to host %s", resp.StatusCode, capEchoed(loc.Host))
}

// maxEchoedHeader caps a response header value that the client repeats in
// an output, an error or a log record. Request IDs are 36 characters; a
// hostile server could otherwise send megabytes, repeated in every error
// and log record, as it cannot with a body (see maxErrorBodyBytes and
// internal/awserr).
const maxEchoedHeader = 256

// capEchoed returns s, cut to maxEchoedHeader bytes and marked "…" when
// longer.
func capEchoed(s string) string { return capText(s, maxEchoedHeader) }

func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// maxTransportErrorText caps the text of an HTTP client's error. net/http
// quotes what the server sent in some (a malformed header line, whole),
// so a hostile server could make them as long as its headers.
const maxTransportErrorText = 1024

// cappedError is an HTTP client's error whose text is cut at
// maxTransportErrorText; errors.Is and errors.As see the error itself.
type cappedError struct{ err error }

func (e *cappedError) Error() string { return capText(e.err.Error(), maxTransportErrorText) }
func (e *cappedError) Unwrap() error { return e.err }

// responseError wraps err with the status and request ID, as the AWS SDK
// for Go does. The response kept in the error has no request (whose
// headers hold the signature and session token) and no body.
func responseError(resp *http.Response, requestID string, err error) error {
	kept := &http.Response{
		Status:        resp.Status,
		StatusCode:    resp.StatusCode,
		Proto:         resp.Proto,
		ProtoMajor:    resp.ProtoMajor,
		ProtoMinor:    resp.ProtoMinor,
		Header:        resp.Header,
		Body:          http.NoBody,
		ContentLength: resp.ContentLength,
	}
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: kept}, Err: err},
		RequestID:     requestID,
	}
}

// clockSkewError marks an authentication error caused by a skewed clock,
// which is retried once the signing time is corrected.
type clockSkewError struct{ err error }

func (e *clockSkewError) Error() string        { return e.err.Error() }
func (e *clockSkewError) Unwrap() error        { return e.err }
func (e *clockSkewError) RetryableError() bool { return true }

// skewThreshold is how far the clocks must disagree for an authentication
// error to be blamed on skew, as in the AWS SDKs.
const skewThreshold = 4 * time.Minute

func isClockSkewError(err error, change time.Duration) bool {
	if change <= skewThreshold {
		return false
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.ErrorCode() {
	case "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
		"RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "AccessDeniedException":
		return true
	}
	return false
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// retryAfter clamps the backoff into [t, t+5s] when the response carries
// x-amz-retry-after (milliseconds), as AWS SDK retry behaviour 2.1 does.
func retryAfter(backoff time.Duration, err error) time.Duration {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return backoff
	}
	v := re.Response.Header.Get("X-Amz-Retry-After")
	if v == "" {
		return backoff
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil || ms < 0 || ms > int64(time.Hour/time.Millisecond) {
		return backoff
	}
	after := time.Duration(ms) * time.Millisecond
	return min(max(after, backoff), backoff+5*time.Second)
}

// sleep waits d or until ctx ends, returning ctx's error then.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) log(ctx context.Context, l *slog.Logger, call *attemptCall, attempt int, res attemptResult, d time.Duration) {
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("operation", call.op),
		slog.Int("attempt", attempt),
		slog.Int("status", res.status),
		slog.String("request_id", res.requestID),
		slog.Duration("duration", d),
	}
	if res.err != nil {
		var apiErr smithy.APIError
		if errors.As(res.err, &apiErr) {
			attrs = append(attrs, slog.String("error_code", apiErr.ErrorCode()))
		}
		attrs = append(attrs, slog.String("error", res.err.Error()))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "customlabels attempt", attrs...)
}
