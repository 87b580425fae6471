package customlabels

import (
	"fmt"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels/internal/awserr"
)

// Errors returned by Client.DescribeProjects are layered as in the AWS SDK
// for Go, so that errors.As reaches each layer:
//
//	*smithy.OperationError        service "Rekognition", operation "DescribeProjects"
//	  *RetryError                 only when retried or when retrying stopped early
//	    *awshttp.ResponseError    HTTPStatusCode() and ServiceRequestID()
//	      *ThrottlingException    or another typed exception, or *smithy.GenericAPIError
//
// Input that breaks a model rule gives *InvalidParamError inside the
// *smithy.OperationError, and nothing is sent.

// InvalidPaginationTokenException reports that the NextToken sent is not
// valid: garbage, expired, or made by a different query.
type InvalidPaginationTokenException struct {
	Message   string // the service's explanation
	Code      string // the exception's Code member, when sent
	Logref    string // a reference for AWS support, when sent
	RequestID string // the request ID of the response
}

// InvalidParameterException reports that an input parameter broke a
// service rule, for example a MaxResults that is out of range.
type InvalidParameterException struct {
	Message   string // the service's explanation
	Code      string // the exception's Code member, when sent
	Logref    string // a reference for AWS support, when sent
	RequestID string // the request ID of the response
}

// AccessDeniedException reports that the caller is not allowed to perform
// rekognition:DescribeProjects.
type AccessDeniedException struct {
	Message   string // the service's explanation
	Code      string // the exception's Code member, when sent
	Logref    string // a reference for AWS support, when sent
	RequestID string // the request ID of the response
}

// InternalServerError reports a failure inside Amazon Rekognition. It is
// retried when it comes with HTTP status 500, 502, 503 or 504.
type InternalServerError struct {
	Message   string // the service's explanation
	Code      string // the exception's Code member, when sent
	Logref    string // a reference for AWS support, when sent
	RequestID string // the request ID of the response
}

// ThrottlingException reports that Amazon Rekognition is temporarily
// unable to process the request. It is retried with backoff.
type ThrottlingException struct {
	Message   string // the service's explanation
	Code      string // the exception's Code member, when sent
	Logref    string // a reference for AWS support, when sent
	RequestID string // the request ID of the response
}

// ProvisionedThroughputExceededException reports that the account's
// request rate quota was exceeded. It is retried with backoff.
type ProvisionedThroughputExceededException struct {
	Message   string // the service's explanation
	Code      string // the exception's Code member, when sent
	Logref    string // a reference for AWS support, when sent
	RequestID string // the request ID of the response
}

// Error returns "InvalidPaginationTokenException: <message>".
func (e *InvalidPaginationTokenException) Error() string { return apiErrorString(e) }

// ErrorCode returns "InvalidPaginationTokenException".
func (e *InvalidPaginationTokenException) ErrorCode() string {
	return "InvalidPaginationTokenException"
}

// ErrorMessage returns the service's message.
func (e *InvalidPaginationTokenException) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultClient: the request must change.
func (e *InvalidPaginationTokenException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// Error returns "InvalidParameterException: <message>".
func (e *InvalidParameterException) Error() string { return apiErrorString(e) }

// ErrorCode returns "InvalidParameterException".
func (e *InvalidParameterException) ErrorCode() string { return "InvalidParameterException" }

// ErrorMessage returns the service's message.
func (e *InvalidParameterException) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultClient: the request must change.
func (e *InvalidParameterException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// Error returns "AccessDeniedException: <message>".
func (e *AccessDeniedException) Error() string { return apiErrorString(e) }

// ErrorCode returns "AccessDeniedException".
func (e *AccessDeniedException) ErrorCode() string { return "AccessDeniedException" }

// ErrorMessage returns the service's message.
func (e *AccessDeniedException) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultClient: the caller needs permission.
func (e *AccessDeniedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// Error returns "InternalServerError: <message>".
func (e *InternalServerError) Error() string { return apiErrorString(e) }

// ErrorCode returns "InternalServerError".
func (e *InternalServerError) ErrorCode() string { return "InternalServerError" }

// ErrorMessage returns the service's message.
func (e *InternalServerError) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultServer: the service failed.
func (e *InternalServerError) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// Error returns "ThrottlingException: <message>".
func (e *ThrottlingException) Error() string { return apiErrorString(e) }

// ErrorCode returns "ThrottlingException".
func (e *ThrottlingException) ErrorCode() string { return "ThrottlingException" }

// ErrorMessage returns the service's message.
func (e *ThrottlingException) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultServer, as the service model declares.
func (e *ThrottlingException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// Error returns "ProvisionedThroughputExceededException: <message>".
func (e *ProvisionedThroughputExceededException) Error() string { return apiErrorString(e) }

// ErrorCode returns "ProvisionedThroughputExceededException".
func (e *ProvisionedThroughputExceededException) ErrorCode() string {
	return "ProvisionedThroughputExceededException"
}

// ErrorMessage returns the service's message.
func (e *ProvisionedThroughputExceededException) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultClient, as the service model declares.
func (e *ProvisionedThroughputExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

var (
	_ smithy.APIError = (*InvalidPaginationTokenException)(nil)
	_ smithy.APIError = (*InvalidParameterException)(nil)
	_ smithy.APIError = (*AccessDeniedException)(nil)
	_ smithy.APIError = (*InternalServerError)(nil)
	_ smithy.APIError = (*ThrottlingException)(nil)
	_ smithy.APIError = (*ProvisionedThroughputExceededException)(nil)
)

func apiErrorString(e smithy.APIError) string {
	if e.ErrorMessage() == "" {
		return e.ErrorCode()
	}
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// newAPIError builds the typed exception for info's code, matched without
// regard to case, or a *smithy.GenericAPIError that keeps any other code.
func newAPIError(info awserr.Info, requestID string, status int) smithy.APIError {
	m, c, l, id := info.Message, info.CodeMember, info.Logref, requestID
	switch code := info.Code; {
	case strings.EqualFold(code, "InvalidPaginationTokenException"):
		return &InvalidPaginationTokenException{Message: m, Code: c, Logref: l, RequestID: id}
	case strings.EqualFold(code, "InvalidParameterException"):
		return &InvalidParameterException{Message: m, Code: c, Logref: l, RequestID: id}
	case strings.EqualFold(code, "AccessDeniedException"):
		return &AccessDeniedException{Message: m, Code: c, Logref: l, RequestID: id}
	case strings.EqualFold(code, "InternalServerError"):
		return &InternalServerError{Message: m, Code: c, Logref: l, RequestID: id}
	case strings.EqualFold(code, "ThrottlingException"):
		return &ThrottlingException{Message: m, Code: c, Logref: l, RequestID: id}
	case strings.EqualFold(code, "ProvisionedThroughputExceededException"):
		return &ProvisionedThroughputExceededException{Message: m, Code: c, Logref: l, RequestID: id}
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
