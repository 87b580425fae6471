package customlabelstest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/uuid"
)

// A Stub is an HTTP transport that answers a client's requests from a
// list of expected calls, without a server or a network: the unit-test
// level below Server, in the spirit of botocore's Stubber. A test
// declares, in order, each call it expects (the operation, and optionally
// its input) and what it answers; the Stub checks every request as the
// service would (signature, headers, body), reads its input with the
// service's generated reader, compares it with the expectation and
// answers as the service writes it. Any departure fails the test through
// its TB, with the difference spelled out:
//
//	stub := customlabelstest.NewStub(t)
//	stub.Expect("DescribeProjects").
//		WithInput(&customlabels.DescribeProjectsInput{MaxResults: 10}).
//		Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: projects})
//	client := stub.Client()
//	// ... code under test calls client.DescribeProjects ...
//
// Expectations not met by the end of the test are reported from
// t.Cleanup, or earlier by AssertExpectations.
//
// A Stub is a [customlabels.HTTPClient] and an [http.RoundTripper]:
// Client returns a ready client (static test credentials, region
// DefaultRegion, retries without backoff); a client built otherwise takes
// the Stub as Options.HTTPClient, or as the Transport of an *http.Client.
//
// Every operation of the client is served, each by the reader and writer
// generated from the service model, so an operation added to the client
// can be stubbed at once.
//
// # Order and concurrency
//
// By default calls must arrive in the declared order: each request is
// compared with the first expectation not yet met. A request for another
// operation is reported and leaves that expectation waiting (so one
// unexpected call does not shift every later one); a request for the
// right operation with the wrong input meets it, and is reported. The
// Stub is safe for concurrent use, but concurrent calls arrive in no
// fixed order: for them, call InAnyOrder, and each request then meets the
// first expectation, in declared order, whose operation and input match.
type Stub struct {
	t TB

	mu       sync.Mutex
	calls    []*Call
	next     int // the first call not yet met, in order
	received int // requests received
	anyOrder bool
	ended    bool // the test's cleanup has run: t must not be used
}

// TB is the part of testing.TB a Stub reports through; *testing.T,
// *testing.B and *testing.F satisfy it. Errorf may be called from any
// goroutine that sends a request; Fatalf only from the test's goroutine,
// when a declaration is wrong.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// NewStub returns a Stub that expects no call yet and reports to t. At
// t's cleanup it reports every expectation not met (as AssertExpectations
// does), and then refuses requests without reporting them.
func NewStub(t TB) *Stub {
	s := &Stub{t: t}
	t.Cleanup(func() {
		s.AssertExpectations(t)
		s.mu.Lock()
		s.ended = true
		s.mu.Unlock()
	})
	return s
}

// InAnyOrder makes the Stub match each request with the first
// expectation, in declared order, whose operation and input match,
// instead of requiring the declared order: for calls made concurrently.
// Call it before the first request. It returns s.
func (s *Stub) InAnyOrder() *Stub {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.anyOrder = true
	return s
}

// Credentials returns the static credentials the Stub verifies signatures
// with: DefaultAccessKeyID and DefaultSecretAccessKey, without a session
// token. A request signed with another access key is checked in shape
// only, as the Stub cannot know its secret.
func (s *Stub) Credentials() aws.CredentialsProvider {
	creds := aws.Credentials{
		AccessKeyID:     DefaultAccessKeyID,
		SecretAccessKey: DefaultSecretAccessKey,
		Source:          "customlabelstest.Stub",
	}
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil })
}

// Client returns a customlabels client that sends its requests to the
// Stub: region DefaultRegion, the Stub's Credentials, the Stub as
// HTTPClient, and a standard retryer (3 attempts, the same retryable
// errors) without backoff delays or retry quota, so that a test of
// retries does not sleep. Then each optFn is applied, e.g. to set
// RetryMaxAttempts or IdleTimeout.
func (s *Stub) Client(optFns ...func(*customlabels.Options)) *customlabels.Client {
	return customlabels.New(customlabels.Options{
		Region:      DefaultRegion,
		Credentials: s.Credentials(),
		HTTPClient:  s,
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			o.RateLimiter = ratelimit.None
		}),
	}, optFns...)
}

// Expect declares the next call the Stub expects: one request for
// operation op (its name in the service model, as in "DescribeProjects").
// Complete it with WithInput or Match to check the input, and with one
// answer: Return, ReturnError, ReturnResponse, ReturnTransportError,
// ReturnConnectionReset, ReturnTimeout or Stall. Without an answer, the
// call answers the operation's zero output. An operation the client does
// not implement fails the test at once.
//
// Each request meets one expectation: a retried call (a throttled answer,
// then a success) is two expectations, a waiter that polls three times is
// three.
func (s *Stub) Expect(op string) *Call {
	s.t.Helper()
	c, ok := codecs[op]
	if !ok {
		s.t.Fatalf("customlabelstest: Stub.Expect(%q): no such operation; the client implements %s", op, strings.Join(operationNames(), ", "))
		return nil
	}
	call := &Call{stub: s, op: op, codec: c, inType: inputType(c), declared: callerLine()}
	s.mu.Lock()
	defer s.mu.Unlock()
	call.index = len(s.calls) + 1
	s.calls = append(s.calls, call)
	return call
}

// AssertExpectations reports through t each expectation not met yet and
// not reported before, and returns whether every expectation has been
// met. The Stub calls it at the test's cleanup.
func (s *Stub) AssertExpectations(t TB) bool {
	t.Helper()
	s.mu.Lock()
	var unmet []string
	all := true
	for _, c := range s.calls {
		if c.met {
			continue
		}
		all = false
		if !c.reported && !s.ended {
			c.reported = true
			unmet = append(unmet, fmt.Sprintf("expectation %d, %s, was not called%s", c.index, c.describe(), c.declaredAt()))
		}
	}
	s.mu.Unlock()
	for _, m := range unmet {
		t.Errorf("customlabelstest: %s", m)
	}
	return all
}

// Do answers req as the expectation it meets says, or with the error of
// a failed check, as *http.Client does: a transport error is wrapped in a
// *url.Error. It makes Stub a customlabels.HTTPClient.
func (s *Stub) Do(req *http.Request) (*http.Response, error) {
	resp, err := s.RoundTrip(req)
	if err != nil {
		method := req.Method
		if method == "" {
			method = http.MethodGet
		}
		return nil, &url.Error{Op: method[:1] + strings.ToLower(method[1:]), URL: req.URL.String(), Err: err}
	}
	return resp, nil
}

// RoundTrip answers req as Do does, returning a transport error as it is.
// It makes Stub an http.RoundTripper.
func (s *Stub) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("customlabelstest: reading the request body: %w", err)
		}
		body = b
	}
	if err := req.Context().Err(); err != nil {
		return nil, err // nothing was sent
	}
	ex := s.exchange(req, body)
	for _, msg := range ex.failures {
		s.report(msg)
	}
	return ex.answer(req)
}

// report fails the test with msg, unless the test has ended.
func (s *Stub) report(msg string) {
	s.mu.Lock()
	ended := s.ended
	s.mu.Unlock()
	if !ended {
		s.t.Errorf("customlabelstest: %s", msg)
	}
}

// exchange is what the Stub makes of one request: the failures to report
// and how to answer.
type exchange struct {
	failures []string
	// Exactly one of these answers.
	refusal *response // the service's refusal of a bad request
	stubErr error     // the Stub's error: the request met no expectation
	call    *Call     // the expectation met
}

// exchange checks req and finds the expectation it meets.
func (s *Stub) exchange(req *http.Request, body []byte) exchange {
	check := checkRequest(req, body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.received++
	n := s.received
	if s.ended {
		return exchange{stubErr: stubError(fmt.Sprintf("request %d, %s, after the test ended", n, check.op))}
	}
	if check.refusal != nil {
		return exchange{failures: []string{fmt.Sprintf("request %d: %s", n, check.problem)}, refusal: check.refusal}
	}
	if s.anyOrder {
		return s.matchAny(n, check.op, check.in)
	}
	return s.matchNext(n, check.op, check.in)
}

// matchNext meets the first expectation not yet met, in order.
func (s *Stub) matchNext(n int, op string, in any) exchange {
	got := op + " " + formatValue(in)
	if s.next >= len(s.calls) {
		msg := fmt.Sprintf("request %d, %s, was not expected: %s", n, got, s.allMet())
		return exchange{failures: []string{msg}, stubErr: stubError(msg)}
	}
	c := s.calls[s.next]
	if c.op != op {
		msg := fmt.Sprintf("request %d, %s, was not expected: expectation %d is %s%s, and stays unmet", n, got, c.index, c.describe(), c.declaredAt())
		return exchange{failures: []string{msg}, stubErr: stubError(msg)}
	}
	s.next++
	c.met, c.got = true, in
	if why := c.mismatch(in); why != "" {
		msg := fmt.Sprintf("request %d, %s, meets expectation %d%s with the wrong input:\n%s", n, op, c.index, c.declaredAt(), why)
		return exchange{failures: []string{msg}, stubErr: stubError(msg)}
	}
	return exchange{call: c}
}

// matchAny meets the first expectation not yet met whose operation and
// input match.
func (s *Stub) matchAny(n int, op string, in any) exchange {
	var near []string
	for _, c := range s.calls {
		if c.met || c.op != op {
			continue
		}
		why := c.mismatch(in)
		if why == "" {
			c.met, c.got = true, in
			return exchange{call: c}
		}
		if len(near) < 3 {
			near = append(near, fmt.Sprintf("expectation %d%s:\n%s", c.index, c.declaredAt(), why))
		}
	}
	msg := fmt.Sprintf("request %d, %s %s, matches no unmet expectation", n, op, formatValue(in))
	if len(near) > 0 {
		msg += "; of the same operation:\n" + strings.Join(near, "\n")
	} else {
		msg += ": " + s.allMet()
	}
	return exchange{failures: []string{msg}, stubErr: stubError(msg)}
}

// allMet says what is left when a request matches nothing.
func (s *Stub) allMet() string {
	unmet := 0
	for _, c := range s.calls {
		if !c.met {
			unmet++
		}
	}
	switch {
	case len(s.calls) == 0:
		return "no call was declared with Expect"
	case unmet == 0:
		return fmt.Sprintf("all %d expectations were met", len(s.calls))
	}
	return fmt.Sprintf("%d of %d expectations are unmet, none for this operation", unmet, len(s.calls))
}

// answer returns the HTTP answer of the exchange.
func (ex exchange) answer(req *http.Request) (*http.Response, error) {
	switch {
	case ex.stubErr != nil:
		return nil, ex.stubErr
	case ex.refusal != nil:
		return httpResponse(req, ex.refusal), nil
	}
	return ex.call.answer(req)
}

// httpResponse makes r the response to req, with the Date header the
// service sends.
func httpResponse(req *http.Request, r *response) *http.Response {
	if r.header.Get("Date") == "" {
		r.header.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	}
	// A Content-Length that differs from the body is read as net/http
	// reads it: a longer one ends in io.ErrUnexpectedEOF, a shorter one
	// cuts the body.
	length := int64(len(r.body))
	var body io.Reader = bytes.NewReader(r.body)
	if cl := r.header.Get("Content-Length"); cl != "" {
		if n, err := parseContentLength(cl); err == nil && n != length {
			if n < length {
				body = bytes.NewReader(r.body[:n])
			} else {
				body = io.MultiReader(body, errorReader{io.ErrUnexpectedEOF})
			}
			length = n
		}
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", r.status, http.StatusText(r.status)),
		StatusCode:    r.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        r.header,
		Body:          io.NopCloser(body),
		ContentLength: length,
		Request:       req,
	}
}

// errorReader fails every read with err.
type errorReader struct{ err error }

func (r errorReader) Read([]byte) (int, error) { return 0, r.err }

// stubErr is the error a request that met no expectation gets instead of
// a response. It is not retryable: the client stops at once.
type stubErr struct{ msg string }

func stubError(msg string) error { return &stubErr{msg} }

func (e *stubErr) Error() string { return "customlabelstest: " + e.msg }

// RetryableError tells aws-sdk-go-v2's retryers not to retry.
func (e *stubErr) RetryableError() bool { return false }

// newRequestID returns a request ID, as the service gives each response.
func newRequestID() string { return uuid.New() }
