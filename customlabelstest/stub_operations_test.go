package customlabelstest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// Every operation the client implements is stubbed by its generated
// codec: the generated rows (op_table_gen_test.go) and codecs name the
// same operations, and for each, a full input is compared and met, a
// full output is decoded exactly, a throttled answer is retried into a
// success, and an exception reaches the caller typed, with its status.
func TestStubServesEveryOperation(t *testing.T) {
	var rows []string
	for _, g := range generatedOperations {
		rows = append(rows, g.name)
	}
	slices.Sort(rows)
	require.Equal(t, operationNames(), rows, "codecs and the generated rows name different operations")

	for _, g := range generatedOperations {
		t.Run(g.name, func(t *testing.T) {
			in := g.full()
			want := reflect.ValueOf(g.output())
			fillValue(want.Elem())
			want.Elem().FieldByName("RequestID").SetString("req-" + g.name)

			t.Run("output", func(t *testing.T) {
				stub, tb := newStubTB(t)
				call := stub.Expect(g.name).WithInput(in)
				call.Return(want.Interface())
				got, err := g.call(context.Background(), stub.Client(), in)
				require.NoError(t, err)
				assert.Equal(t, want.Interface(), got, "%s(...) through the stub", g.name)
				assert.Equal(t, in, call.Input(), "the input the call received")
				assert.True(t, stub.AssertExpectations(tb))
			})

			t.Run("retry after throttling", func(t *testing.T) {
				stub, tb := newStubTB(t)
				stub.Expect(g.name).WithInput(in).ReturnError(&customlabels.ThrottlingException{Message: "slow down"})
				stub.Expect(g.name).WithInput(in).Return(want.Interface())
				got, err := g.call(context.Background(), stub.Client(), in)
				require.NoError(t, err)
				assert.Equal(t, want.Interface(), got)
				assert.True(t, stub.AssertExpectations(tb))
			})

			t.Run("exception", func(t *testing.T) {
				stub, _ := newStubTB(t)
				stub.Expect(g.name).ReturnError(&customlabels.AccessDeniedException{Message: "not for you"})
				_, err := g.call(context.Background(), stub.Client(), in)
				var denied *customlabels.AccessDeniedException
				require.ErrorAs(t, err, &denied, "%s(...)", g.name)
				assert.Equal(t, "not for you", denied.Message)
				assert.NotEmpty(t, denied.Logref)
				var re *awshttp.ResponseError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, 400, re.HTTPStatusCode())
				assert.NotEmpty(t, re.ServiceRequestID())
			})
		})
	}
}

// Exceptions are answered with their modeled status: 500 for
// ThrottlingException and InternalServerError, 400 for the others, and
// the usual message when the test gives none; any other smithy.APIError
// with its code, and 500 for a server fault.
func TestStubExceptionStatus(t *testing.T) {
	for _, tc := range []struct {
		err       error
		status    int
		code, msg string
		generic   bool
	}{
		{err: &customlabels.ThrottlingException{}, status: 500, code: "ThrottlingException", msg: "Rate exceeded"},
		{err: &customlabels.InternalServerError{Message: "boom"}, status: 500, code: "InternalServerError", msg: "boom"},
		{err: &customlabels.ResourceNotFoundException{Message: "gone"}, status: 400, code: "ResourceNotFoundException", msg: "gone"},
		{err: &smithy.GenericAPIError{Code: "ValidationException", Message: "1 validation error detected"}, status: 400,
			code: "ValidationException", msg: "1 validation error detected", generic: true},
		{err: &smithy.GenericAPIError{Code: "ServiceUnavailable", Message: "later", Fault: smithy.FaultServer}, status: 500,
			code: "ServiceUnavailable", msg: "later", generic: true},
	} {
		t.Run(tc.code, func(t *testing.T) {
			stub, _ := newStubTB(t)
			stub.Expect("DescribeProjects").ReturnError(tc.err)
			_, err := stub.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 }).DescribeProjects(context.Background(), nil)
			var re *awshttp.ResponseError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.status, re.HTTPStatusCode())
			var ae smithy.APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.code, ae.ErrorCode())
			assert.Equal(t, tc.msg, ae.ErrorMessage())
			var generic *smithy.GenericAPIError
			assert.Equal(t, tc.generic, errors.As(err, &generic), "a generic error, not a typed exception")
		})
	}
}
