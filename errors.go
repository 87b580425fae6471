package customlabels

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels/internal/awserr"
	"github.com/rekognition-go/customlabels/internal/jsondec"
)

// Errors returned by every operation of Client are layered as in the AWS SDK
// for Go, so that errors.As reaches each layer:
//
//	*smithy.OperationError        service "Rekognition", the operation's name
//	  *RetryError                 only when retried or when retrying stopped early
//	    *awshttp.ResponseError    HTTPStatusCode() and ServiceRequestID()
//	      *ThrottlingException    or another typed exception, or *smithy.GenericAPIError
//
// Input that breaks a model rule gives *InvalidParamError inside the
// *smithy.OperationError, and nothing is sent.

func apiErrorString(e smithy.APIError) string {
	if e.ErrorMessage() == "" {
		return e.ErrorCode()
	}
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// newAPIError builds the typed exception for info's code, matched without
// regard to case, or a *smithy.GenericAPIError that keeps any other code.
func newAPIError(info awserr.Info, requestID string, status int) smithy.APIError {
	// The exact code first, as the service sends it; then without regard
	// to case. (Indexing, as ranging over the array by value copies it.)
	for i := range exceptions {
		if e := &exceptions[i]; info.Code == e.code {
			return e.new(info.Message, info.CodeMember, info.Logref, requestID)
		}
	}
	for i := range exceptions {
		if e := &exceptions[i]; strings.EqualFold(info.Code, e.code) {
			return e.new(info.Message, info.CodeMember, info.Logref, requestID)
		}
	}
	fault := smithy.FaultUnknown
	switch {
	case status >= 500:
		fault = smithy.FaultServer
	case status >= 400:
		fault = smithy.FaultClient
	}
	return &smithy.GenericAPIError{Code: info.Code, Message: info.Message, Fault: fault}
}

// InvalidParamError reports input that breaks a rule of the service model.
// It is returned before any request is sent.
type InvalidParamError struct {
	// Input names the structure checked, e.g. "DescribeProjectsInput" or
	// "DescribeProjectsPaginatorOptions".
	Input string
	// Field is the member at fault, e.g. "MaxResults" or
	// "ProjectNames[2]".
	Field string
	// Rule says what the member must be, and what it was.
	Rule string
}

// Error returns "invalid <Input>.<Field>: <Rule>".
func (e *InvalidParamError) Error() string {
	in := e.Input
	if in == "" {
		in = "input"
	}
	return "invalid " + in + "." + e.Field + ": " + e.Rule
}

// RetryError reports a call that made more than one attempt, or whose
// retries were cut short. Its message names the last error first, then the
// attempts. errors.As reaches Err, and errors.Is reaches Stop: after a
// deadline, errors.Is(err, context.DeadlineExceeded) holds and the last
// service error is still reachable.
type RetryError struct {
	// Attempts is the number of attempts started.
	Attempts int
	// MaxAttempts is the configured limit.
	MaxAttempts int
	// Err is the last error the service or the network returned.
	Err error
	// Stop is why no further attempt was made, when the limit was not
	// reached: the retry quota's refusal, the retryer's error, or the
	// context's error. It is nil when the attempts ran out or the last
	// error was not retryable.
	Stop error
}

// Error returns the last error followed by the attempts and, when retrying
// stopped early, why.
func (e *RetryError) Error() string {
	if e.Stop != nil {
		return fmt.Sprintf("%v (attempts: %d of %d, stopped: %v)", e.Err, e.Attempts, e.MaxAttempts, e.Stop)
	}
	return fmt.Sprintf("%v (attempts: %d of %d)", e.Err, e.Attempts, e.MaxAttempts)
}

// Unwrap returns Err and, when set, Stop.
func (e *RetryError) Unwrap() []error {
	if e.Stop != nil {
		return []error{e.Err, e.Stop}
	}
	return []error{e.Err}
}

// Private error types, in the order a call meets them. Each but
// redactedError wraps the error it qualifies, so that errors.Is and
// errors.As still reach it; redactedError drops it, as it holds a secret.

// credentialsError marks a failure to get credentials: the call ends at
// once, without retries, and nothing is sent.
type credentialsError struct{ err error }

func (e *credentialsError) Error() string { return "get credentials: " + e.err.Error() }
func (e *credentialsError) Unwrap() error { return e.err }

// connectionClosedError is a connection closed by the server before a
// response arrived. It is retried.
type connectionClosedError struct{ err error }

func (e *connectionClosedError) Error() string        { return e.err.Error() }
func (e *connectionClosedError) Unwrap() error        { return e.err }
func (e *connectionClosedError) RetryableError() bool { return true }

// cappedError is an HTTP client's error whose text is cut at
// maxTransportErrorText; errors.Is and errors.As see the error itself.
type cappedError struct{ err error }

func (e *cappedError) Error() string { return capText(e.err.Error(), maxTransportErrorText) }
func (e *cappedError) Unwrap() error { return e.err }

// redactedError is an error whose text held a secret, with the secret
// replaced.
type redactedError struct {
	text      string
	retryable bool
	timeout   bool
}

func (e *redactedError) Error() string        { return e.text }
func (e *redactedError) RetryableError() bool { return e.retryable }
func (e *redactedError) Timeout() bool        { return e.timeout }

// bodyReadError is a response body that could not be read to its end: the
// connection failed or closed early. It is retried.
type bodyReadError struct{ err error }

func (e *bodyReadError) Error() string        { return "read response body: " + e.err.Error() }
func (e *bodyReadError) Unwrap() error        { return e.err }
func (e *bodyReadError) RetryableError() bool { return true }

// truncatedBodyError is a 2xx body that ends in the middle of its JSON or
// is empty: the response was cut short on its way. It is retried.
type truncatedBodyError struct{ err error }

func (e *truncatedBodyError) Error() string        { return e.err.Error() }
func (e *truncatedBodyError) Unwrap() error        { return e.err }
func (e *truncatedBodyError) RetryableError() bool { return true }

// deserializationError wraps an error decoding a 2xx body, as the AWS SDK
// for Go does, marked retryable when the body was cut short.
func deserializationError(err error) error {
	if errors.Is(err, errEmptyBody) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &truncatedBodyError{&smithy.DeserializationError{Err: err}}
	}
	return &smithy.DeserializationError{Err: err}
}

// tooManyError is a response with more than maxDecodedElements elements.
type tooManyError = jsondec.TooManyError

// clockSkewError marks an authentication error caused by a skewed clock,
// which is retried once the signing time is corrected.
type clockSkewError struct{ err error }

func (e *clockSkewError) Error() string        { return e.err.Error() }
func (e *clockSkewError) Unwrap() error        { return e.err }
func (e *clockSkewError) RetryableError() bool { return true }
