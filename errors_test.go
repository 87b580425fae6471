package customlabels

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDescribeProjectsErrorForms(t *testing.T) {
	type response struct {
		status int
		header string // X-Amzn-ErrorType
		ctype  string
		body   string
	}
	tests := []struct {
		name     string
		resp     response
		wantType any // pointer to a nil typed error, or nil for generic
		code     string
		message  string
		fault    smithy.ErrorFault
		attempts int64
	}{
		{"InvalidPaginationTokenException", response{400, "", "", `{"__type":"InvalidPaginationTokenException","message":"Invalid token"}`},
			(*InvalidPaginationTokenException)(nil), "InvalidPaginationTokenException", "Invalid token", smithy.FaultClient, 1},
		{"InvalidParameterException", response{400, "", "", `{"__type":"InvalidParameterException","Message":"bad"}`},
			(*InvalidParameterException)(nil), "InvalidParameterException", "bad", smithy.FaultClient, 1},
		{"AccessDeniedException", response{400, "", "", `{"__type":"AccessDeniedException","message":"denied"}`},
			(*AccessDeniedException)(nil), "AccessDeniedException", "denied", smithy.FaultClient, 1},
		{"InternalServerError 500", response{500, "", "", `{"__type":"InternalServerError","message":"oops"}`},
			(*InternalServerError)(nil), "InternalServerError", "oops", smithy.FaultServer, 3},
		{"InternalServerError 400 not retried", response{400, "", "", `{"__type":"InternalServerError","message":"oops"}`},
			(*InternalServerError)(nil), "InternalServerError", "oops", smithy.FaultServer, 1},
		{"ThrottlingException", response{500, "", "", `{"__type":"ThrottlingException","message":"Rate exceeded"}`},
			(*ThrottlingException)(nil), "ThrottlingException", "Rate exceeded", smithy.FaultServer, 3},
		{"ThrottlingException 400 still retried", response{400, "", "", `{"__type":"ThrottlingException"}`},
			(*ThrottlingException)(nil), "ThrottlingException", "", smithy.FaultServer, 3},
		{"ProvisionedThroughputExceededException", response{400, "", "", `{"__type":"ProvisionedThroughputExceededException","message":"quota"}`},
			(*ProvisionedThroughputExceededException)(nil), "ProvisionedThroughputExceededException", "quota", smithy.FaultClient, 3},
		{"namespaced", response{400, "", "", `{"__type":"com.amazonaws.rekognition#AccessDeniedException","message":"ns"}`},
			(*AccessDeniedException)(nil), "AccessDeniedException", "ns", smithy.FaultClient, 1},
		{"colon suffix", response{400, "", "", `{"__type":"InvalidParameterException:http://internal.amazon.com/coral/com.amazon.coral.validate/","message":"m"}`},
			(*InvalidParameterException)(nil), "InvalidParameterException", "m", smithy.FaultClient, 1},
		{"header only", response{400, "InvalidPaginationTokenException:http://internal.amazon.com/", "", ``},
			(*InvalidPaginationTokenException)(nil), "InvalidPaginationTokenException", "", smithy.FaultClient, 1},
		{"header wins over body", response{400, "AccessDeniedException", "", `{"__type":"ThrottlingException","message":"m"}`},
			(*AccessDeniedException)(nil), "AccessDeniedException", "m", smithy.FaultClient, 1},
		{"lower-case code", response{500, "", "", `{"__type":"throttlingexception","message":"m"}`},
			(*ThrottlingException)(nil), "ThrottlingException", "m", smithy.FaultServer, 3},
		{"code member fallback", response{400, "", "", `{"code":"InvalidParameterException","message":"m"}`},
			(*InvalidParameterException)(nil), "InvalidParameterException", "m", smithy.FaultClient, 1},
		{"ValidationException generic", response{400, "", "", `{"__type":"ValidationException","message":"1 validation error detected"}`},
			nil, "ValidationException", "1 validation error detected", smithy.FaultClient, 1},
		{"ExpiredTokenException generic", response{400, "", "", `{"__type":"ExpiredTokenException","message":"expired"}`},
			nil, "ExpiredTokenException", "expired", smithy.FaultClient, 1},
		{"no code 503 retried", response{503, "", "", ``},
			nil, "UnknownError", "", smithy.FaultServer, 3},
		{"html 502 from a proxy", response{502, "", "text/html", `<html><body><h1>502 Bad Gateway</h1></body></html>`},
			nil, "UnknownError", `non-JSON error response ("text/html"`, smithy.FaultServer, 3},
		{"unmodeled 429 retried", response{429, "", "", `{"__type":"TooManyRequests"}`},
			nil, "TooManyRequests", "", smithy.FaultClient, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if tt.resp.header != "" {
					w.Header().Set("X-Amzn-ErrorType", tt.resp.header)
				}
				ct := tt.resp.ctype
				if ct == "" {
					ct = "application/x-amz-json-1.1"
				}
				w.Header().Set("Content-Type", ct)
				w.WriteHeader(tt.resp.status)
				_, _ = w.Write([]byte(tt.resp.body))
			})
			out, err := testClient(ts).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.Equal(t, tt.attempts, ts.count.Load(), "attempts")
			reqID := "req-" + itoa(int(tt.attempts))

			var oe *smithy.OperationError
			require.True(t, errors.As(err, &oe), "errors.As(%v, *smithy.OperationError)", err)
			assert.Equal(t, "Rekognition", oe.ServiceID)
			assert.Equal(t, "DescribeProjects", oe.OperationName)

			var withStatus interface {
				HTTPStatusCode() int
				ServiceRequestID() string
			}
			require.True(t, errors.As(err, &withStatus))
			assert.Equal(t, tt.resp.status, withStatus.HTTPStatusCode())
			assert.Equal(t, reqID, withStatus.ServiceRequestID())
			var re *awshttp.ResponseError
			require.True(t, errors.As(err, &re))

			var apiErr smithy.APIError
			require.True(t, errors.As(err, &apiErr))
			assert.Equal(t, tt.code, apiErr.ErrorCode())
			assert.Contains(t, apiErr.ErrorMessage(), tt.message)
			assert.Equal(t, tt.fault, apiErr.ErrorFault())
			if tt.wantType == nil {
				var g *smithy.GenericAPIError
				assert.True(t, errors.As(err, &g), "want a *smithy.GenericAPIError, got %T", apiErr)
			} else {
				assert.IsType(t, tt.wantType, apiErr)
				assert.Equal(t, reqID, typedRequestID(apiErr))
			}

			msg := err.Error()
			for _, part := range []string{"DescribeProjects", "StatusCode: " + itoa(tt.resp.status), "RequestID: " + reqID, tt.code, tt.message} {
				assert.Contains(t, msg, part, "Error() = %q", msg)
			}
			if tt.attempts > 1 {
				assert.Contains(t, msg, "attempts: 3 of 3")
				var rerr *RetryError
				require.True(t, errors.As(err, &rerr))
				assert.Equal(t, 3, rerr.Attempts)
				// The service error comes first, the attempts after it.
				assert.Less(t, strings.Index(msg, tt.code), strings.Index(msg, "attempts"))
			} else {
				assert.NotContains(t, msg, "attempts")
			}
		})
	}
}

func typedRequestID(err error) string {
	switch e := err.(type) {
	case *InvalidPaginationTokenException:
		return e.RequestID
	case *InvalidParameterException:
		return e.RequestID
	case *AccessDeniedException:
		return e.RequestID
	case *InternalServerError:
		return e.RequestID
	case *ThrottlingException:
		return e.RequestID
	case *ProvisionedThroughputExceededException:
		return e.RequestID
	}
	return ""
}

func TestTypedErrorMembers(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 400, `{"__type":"InvalidParameterException","Message":"bad","Code":"E42","Logref":"log-7"}`)
	})
	_, err := testClient(ts).DescribeProjects(context.Background(), nil)
	var e *InvalidParameterException
	require.True(t, errors.As(err, &e))
	assert.Equal(t, &InvalidParameterException{Message: "bad", Code: "E42", Logref: "log-7", RequestID: "req-1"}, e)
	assert.Equal(t, "InvalidParameterException: bad", e.Error())
}

func TestErrorStrings(t *testing.T) {
	assert.Equal(t, "ThrottlingException: Rate exceeded", (&ThrottlingException{Message: "Rate exceeded"}).Error())
	assert.Equal(t, "AccessDeniedException", (&AccessDeniedException{}).Error())
	assert.Equal(t, "invalid DescribeProjectsInput.MaxResults: must be 1 to 100, got 0",
		(&InvalidParamError{Input: "DescribeProjectsInput", Field: "MaxResults", Rule: "must be 1 to 100, got 0"}).Error())
	assert.Equal(t, "invalid input.MaxResults: must be 1 to 100, got 0",
		(&InvalidParamError{Field: "MaxResults", Rule: "must be 1 to 100, got 0"}).Error())
	re := &RetryError{Attempts: 2, MaxAttempts: 3, Err: errors.New("boom"), Stop: context.Canceled}
	assert.Equal(t, "boom (attempts: 2 of 3, stopped: context canceled)", re.Error())
	assert.ErrorIs(t, re, context.Canceled)
}
