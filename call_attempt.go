package customlabels

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/rekognition-go/customlabels/internal/awserr"
	"github.com/rekognition-go/customlabels/internal/uuid"
)

// attemptCall is what stays the same across the attempts of one call.
type attemptCall struct {
	op          *operation
	body        *requestBody
	payloadHash string
	invocation  []string
	maxAttempts int
	tel         *callTelemetry // nil when telemetry is off
	// The output is passed to attempt on its own, not kept here: escape
	// analysis does not tell a struct's fields apart.
}

// newAttemptCall returns what the attempts of a call share: the request
// body, its payload hash (computed once, as the body was encoded) and a
// new invocation ID.
func newAttemptCall(op *operation, body *requestBody, maxAttempts int, tel *callTelemetry) attemptCall {
	// The hash and the ID in one string: one allocation.
	sum := body.sum
	var text [2*sha256.Size + uuid.Len]byte
	hex.Encode(text[:2*sha256.Size], sum[:])
	uuid.Encode(text[2*sha256.Size:])
	texts := string(text[:])
	return attemptCall{
		op:          op,
		body:        body,
		payloadHash: texts[:2*sha256.Size],
		invocation:  []string{texts[2*sha256.Size:]},
		maxAttempts: maxAttempts,
		tel:         tel,
	}
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
	// credentialsFailed reports that err is a *credentialsError: the call
	// ends without retries.
	credentialsFailed bool
}

// attempt signs, sends and decodes once. Its steps, in order, are the
// functions that follow it in this file.
func (c *Client) attempt(ctx context.Context, r *resolved, call *attemptCall, out response, attempt int, skew time.Duration) (res attemptResult) {
	creds, err := retrieveCredentials(ctx, r, call.tel)
	if err != nil {
		res.err, res.credentialsFailed = err, true
		return res
	}

	// The attempt's own bounds (call_timeout.go), within the caller's context.
	reqCtx, timer := startAttemptTimer(ctx, r)
	defer timer.stop()
	foreign := func() bool { return false }
	if !r.redirectSafe {
		var cancel context.CancelFunc
		reqCtx, foreign, cancel = guardedContext(reqCtx)
		defer cancel()
	}
	// Every attempt sends the call's one encoded body (call_request_body.go).
	reqCtx, hold := call.body.hold(reqCtx)
	req := call.buildRequest(timer.sending(reqCtx, len(call.body.b)), r, attempt)
	if err := c.sign(ctx, r, call, &creds, req, skew); err != nil {
		hold.release()
		res.err = err
		return res
	}
	sec := secretsOf(&creds, req)

	resp, err := r.http.Do(call.tel.startSend(req))
	call.tel.sent(ctx, resp, err)
	if err != nil {
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		res.err = sendError(err, timer, foreign, &sec)
		return res
	}
	resp.Body = timer.headersArrived(resp.Body)
	defer resp.Body.Close()
	res.status = resp.StatusCode
	res.requestID = responseRequestID(resp, &sec)
	res.skew, res.hasSkew = c.serverSkew(resp)
	if resp.Request != nil && resp.Request.URL != nil && resp.Request.URL.Host != req.URL.Host {
		res.err = responseError(resp, &sec, res.requestID, fmt.Errorf("the HTTP client followed a redirect to %s; refusing its response", capEchoed(sec.redact(resp.Request.URL.Host))))
		return res
	}
	res.err = readResponse(resp, &sec, res.requestID, timer, call.op, out)
	return res
}

// retrieveCredentials returns the credentials to sign with, from the
// client's cache (the GetIdentity step). Its error is a *credentialsError.
func retrieveCredentials(ctx context.Context, r *resolved, tel *callTelemetry) (aws.Credentials, error) {
	idCtx, idStep := tel.startStep(ctx, spanGetIdentity)
	creds, err := r.credentials.Retrieve(idCtx)
	idStep.end(idCtx)
	if err != nil {
		return creds, &credentialsError{err}
	}
	if !creds.HasKeys() {
		return creds, &credentialsError{errors.New("credentials have no access key ID or secret access key")}
	}
	return creds, nil
}

// buildRequest returns the attempt's request to the resolved endpoint, with
// the headers of the protocol and of the AWS SDKs, not yet signed.
func (call *attemptCall) buildRequest(ctx context.Context, r *resolved, attempt int) *http.Request {
	return newRequest(ctx, r.endpointURL, call.body.b, http.Header{
		"Content-Type":          contentTypeHeader,
		"X-Amz-Target":          call.op.target,
		"User-Agent":            userAgent,
		"Amz-Sdk-Invocation-Id": call.invocation,
		"Amz-Sdk-Request":       sdkRequestHeader(attempt, call.maxAttempts),
	})
}

// userAgent is computed once: it never changes within a process.
var userAgent = []string{"customlabels-go/" + Version + " (" + runtime.Version() + "; " + runtime.GOOS + "/" + runtime.GOARCH + ")"}

var contentTypeHeader = []string{contentType}

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

// newRequest returns the POST of body to the endpoint u, as
// http.NewRequestWithContext would make it, without parsing the URL again
// for each attempt: u is parsed once per client and copied here, since
// whoever handles the request (a signer, a RoundTripper) may change its
// URL. The body is a *bytes.Reader, which net/http writes with the
// headers (see call_request_body.go). GetBody stays nil: without it no net/http
// client can replay the body to the host a 307 or 308 names, so redirects
// stay unfollowed whatever the client.
func newRequest(ctx context.Context, u *url.URL, body []byte, header http.Header) *http.Request {
	cu := *u
	req := http.Request{
		Method:        http.MethodPost,
		URL:           &cu,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Host:          cu.Host,
	}
	return req.WithContext(ctx)
}

// parseRequestURL parses an endpoint URL once, as
// http.NewRequestWithContext would for each request.
func parseRequestURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	// An empty port ("host:") is no port, as net/http has it.
	u.Host = strings.TrimSuffix(u.Host, ":")
	return u, nil
}

// sign signs req with SigV4 for the time now plus skew (the SignRequest
// step).
func (c *Client) sign(ctx context.Context, r *resolved, call *attemptCall, creds *aws.Credentials, req *http.Request, skew time.Duration) error {
	signCtx, signStep := call.tel.startStep(ctx, spanSign)
	err := c.signer.SignHTTP(signCtx, *creds, req, call.payloadHash, signingName, r.endpoint.SigningRegion, time.Now().Add(skew))
	signStep.end(signCtx)
	if err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}

// sendError is the error of a round trip that gave no response: the
// attempt's bound, a redirect the guard refused (call_http_client.go), a
// connection the server closed, or the HTTP client's own error, scrubbed
// of the secrets sent and capped.
func sendError(err error, timer *attemptTimer, foreign func() bool, sec *sentSecrets) error {
	if te := timer.timedOut(); te != nil {
		return te
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
		// Sending the request again is safe (see newOperation).
		err = &connectionClosedError{err}
	}
	err = sec.error(err)
	if len(err.Error()) > maxTransportErrorText {
		err = &cappedError{err}
	}
	return err
}

// responseRequestID returns the request ID of resp, scrubbed and capped as
// every text repeated from a response is.
func responseRequestID(resp *http.Response, sec *sentSecrets) string {
	id := resp.Header.Get("X-Amzn-Requestid")
	if id == "" {
		id = resp.Header.Get("X-Amz-Requestid")
	}
	return capEchoed(sec.redact(id))
}

// readResponse reads the body of resp (call_response_body.go) and decodes
// a 2xx body into out; any other status becomes the error it reports.
func readResponse(resp *http.Response, sec *sentSecrets, requestID string, timer *attemptTimer, op *operation, out response) error {
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
		if te := timer.timedOut(); te != nil {
			err = te // the body stalled: say so, not "context canceled"
		}
		return responseError(resp, sec, requestID, err)
	}

	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		return responseError(resp, sec, requestID, fmt.Errorf("redirect (%s) not followed", sec.redact(redirectTarget(resp))))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Every text taken from the response is scrubbed of the
		// credentials sent, before it is capped (see sentSecrets).
		info := awserr.Parse(resp.Header.Get("X-Amzn-Errortype"), data, sec.redact)
		if err != nil || !info.JSON {
			info.Message = sec.redact(describeBody(resp, len(data), err))
		}
		return responseError(resp, sec, requestID, newAPIError(info, requestID, resp.StatusCode))
	}
	if err := decodeResponse(op, data, out); err != nil {
		return responseError(resp, sec, requestID, deserializationError(sec.error(err)))
	}
	out.setRequestID(requestID)
	return nil
}

func redirectTarget(resp *http.Response) string {
	loc, err := resp.Location()
	if err != nil {
		return fmt.Sprintf("status %d without a valid Location", resp.StatusCode)
	}
	return fmt.Sprintf("status %d to host %s", resp.StatusCode, capEchoed(loc.Host))
}

// responseError wraps err with the status and request ID, as the AWS SDK
// for Go does. The response kept in the error has no request (whose
// headers hold the signature and session token) and no body, and its
// header is scrubbed of the secrets sent.
func responseError(resp *http.Response, sec *sentSecrets, requestID string, err error) error {
	// The four layers in one allocation.
	l := &responseErrorLayers{
		kept: http.Response{
			Status:        resp.Status,
			StatusCode:    resp.StatusCode,
			Proto:         resp.Proto,
			ProtoMajor:    resp.ProtoMajor,
			ProtoMinor:    resp.ProtoMinor,
			Header:        sec.header(resp.Header),
			Body:          http.NoBody,
			ContentLength: resp.ContentLength,
		},
	}
	l.smithyResp.Response = &l.kept
	l.smithyErr = smithyhttp.ResponseError{Response: &l.smithyResp, Err: err}
	l.awsErr = awshttp.ResponseError{ResponseError: &l.smithyErr, RequestID: requestID}
	return &l.awsErr
}

// responseErrorLayers holds what responseError returns and what it points
// to.
type responseErrorLayers struct {
	awsErr     awshttp.ResponseError
	smithyErr  smithyhttp.ResponseError
	smithyResp smithyhttp.Response
	kept       http.Response
}
