package customlabels

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modelOperations are the operations of the service model this package
// implements, each with a valid call, for the tests that run every
// operation the same way: the generated table's, with their full inputs.
var modelOperations = func() (out []struct {
	op   *operation
	call func(ctx context.Context, c *Client) (any, error)
}) {
	for _, g := range generatedOperations {
		out = append(out, struct {
			op   *operation
			call func(ctx context.Context, c *Client) (any, error)
		}{g.op, func(ctx context.Context, c *Client) (any, error) { return g.call(ctx, c, fullInput(g)) }})
	}
	return out
}()

// exceptionTarget returns, for errors.As, a pointer to a nil error of the
// exception type of code.
func exceptionTarget(code string) (any, bool) {
	for _, e := range exceptions {
		if e.code == code {
			return reflect.New(reflect.TypeOf(e.new("", "", "", ""))).Interface(), true
		}
	}
	return nil, false
}

// retriedCodes are the exceptions the standard retryer retries (with the
// statuses the service sends them with, 500 for the server faults).
// aws-sdk-go-v2's retry package counts LimitExceededException among its
// throttle codes, so it is retried too, as the official SDK retries it.
var retriedCodes = map[string]bool{
	"ThrottlingException": true, "ProvisionedThroughputExceededException": true, "InternalServerError": true,
	"LimitExceededException": true,
}

// TestOperationErrors answers each operation with every exception its
// model documents, as Rekognition writes them, and checks each layer of
// the error: the operation, the status and request ID, the typed
// exception with its members, and the attempts.
func TestOperationErrors(t *testing.T) {
	for _, mo := range modelOperations {
		for _, code := range mo.op.errors {
			t.Run(mo.op.name+"/"+code, func(t *testing.T) {
				status := 400
				if code == "InternalServerError" || code == "ThrottlingException" {
					status = 500
				}
				ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
					writeJSON(w, status, `{"__type":"`+code+`","Code":"`+code+`","Logref":"log-`+itoa(n)+`","Message":"what went wrong"}`)
				})
				out, err := mo.call(context.Background(), testClient(ts))
				require.Error(t, err, "%s() answered %s", mo.op.name, code)
				assert.True(t, reflect.ValueOf(out).IsNil(), "%s() returned output %v with an error", mo.op.name, out)
				attempts := 1
				if retriedCodes[code] {
					attempts = 3
				}
				assert.EqualValues(t, attempts, ts.count.Load(), "%s() attempts on %s", mo.op.name, code)
				reqID := "req-" + itoa(attempts)

				assertOperationError(t, err, mo.op.name)
				var re *awshttp.ResponseError
				require.True(t, errors.As(err, &re), "%s() error %v has no *awshttp.ResponseError", mo.op.name, err)
				assert.Equal(t, status, re.HTTPStatusCode())
				assert.Equal(t, reqID, re.ServiceRequestID())

				target, ok := exceptionTarget(code)
				require.True(t, ok, "no exception type for %s", code)
				require.True(t, errors.As(err, target), "errors.As(%s() error %v, %T)", mo.op.name, err, target)
				exc := reflect.ValueOf(target).Elem().Elem() // **E -> the exception struct
				assert.Equal(t, "what went wrong", exc.FieldByName("Message").String())
				assert.Equal(t, code, exc.FieldByName("Code").String())
				assert.Equal(t, "log-"+itoa(attempts), exc.FieldByName("Logref").String())
				assert.Equal(t, reqID, exc.FieldByName("RequestID").String())

				var apiErr smithy.APIError
				require.True(t, errors.As(err, &apiErr))
				assert.Equal(t, code, apiErr.ErrorCode())
				msg := err.Error()
				for _, part := range []string{mo.op.name, code, "what went wrong", "StatusCode: " + itoa(status), "RequestID: " + reqID} {
					assert.Contains(t, msg, part, "Error() = %q", msg)
				}
				if attempts > 1 {
					var rerr *RetryError
					require.True(t, errors.As(err, &rerr), "%s() error %v is not a *RetryError", mo.op.name, err)
					assert.Equal(t, 3, rerr.Attempts)
				}
			})
		}
	}
}

// TestOperationsRetryThrottling throttles each operation twice, then
// answers: the call succeeds on its third attempt, each attempt signed
// and counted in Amz-Sdk-Request.
func TestOperationsRetryThrottling(t *testing.T) {
	for _, mo := range modelOperations {
		t.Run(mo.op.name, func(t *testing.T) {
			answer := `{}` // every output member is optional
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if n <= 2 {
					writeError(w, 400, "ThrottlingException", "Rate exceeded")
					return
				}
				writeJSON(w, 200, answer)
			})
			out, err := mo.call(context.Background(), testClient(ts))
			require.NoError(t, err, "%s() after two throttles", mo.op.name)
			assert.Equal(t, "req-3", reflect.ValueOf(out).Elem().FieldByName("RequestID").String())
			reqs := ts.Requests()
			require.Len(t, reqs, 3)
			for i, r := range reqs {
				assert.Equal(t, fmt.Sprintf("attempt=%d; max=3", i+1), r.Header.Get("Amz-Sdk-Request"))
				assert.Equal(t, "RekognitionService."+mo.op.name, r.Header.Get("X-Amz-Target"))
				assert.True(t, r.SignatureOK, "attempt %d of %s() is not signed correctly", i+1, mo.op.name)
				assert.Equal(t, string(reqs[0].Body), string(r.Body), "attempt %d body", i+1)
			}
		})
	}
}
