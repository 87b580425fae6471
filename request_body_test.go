package customlabels

import (
	"context"
	"net/http/httptrace"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBodyClass(t *testing.T) {
	for _, tt := range []struct{ size, class int }{
		{0, 0}, {1, 0}, {512, 0}, {513, 1}, {1024, 1}, {1025, 2},
		{6_990_508 + 4096, 14}, {8 << 20, 14}, {8<<20 + 1, -1},
	} {
		assert.Equal(t, tt.class, bodyClass(tt.size), "bodyClass(%d)", tt.size)
	}
}

func TestRequestBodySizedExactly(t *testing.T) {
	rb := newRequestBody(3000)
	defer rb.release()
	assert.Equal(t, 4096, cap(rb.b), "newRequestBody(3000) capacity")
	big := newRequestBody(9 << 20)
	defer big.release()
	assert.Equal(t, 9<<20, cap(big.b), "a body over the largest class is sized exactly")
}

// A buffer goes back to the pool only once the call and every attempt
// whose request net/http reported written have let go.
func TestRequestBodyReleasedAfterWroteRequest(t *testing.T) {
	rb := newRequestBody(100 << 10)
	ctx, hold := rb.hold(context.Background())
	rb.release() // the call ends while the transport still writes
	assert.Equal(t, int32(1), rb.refs.Load(), "refs after the call released, attempt not written")

	trace := httptrace.ContextClientTrace(ctx)
	if assert.NotNil(t, trace) && assert.NotNil(t, trace.WroteRequest) {
		trace.WroteRequest(httptrace.WroteRequestInfo{})
		trace.WroteRequest(httptrace.WroteRequestInfo{}) // reported twice: released once
	}
	hold.release() // and an explicit release after it does nothing
	assert.Equal(t, int32(0), rb.refs.Load(), "refs once written")
}

func TestRequestBodyNotPooledWhenOutgrown(t *testing.T) {
	rb := newRequestBody(10)
	rb.b = append(rb.b, make([]byte, 600)...) // an estimate that fell short
	rb.release()
	got := newRequestBody(10)
	defer got.release()
	assert.Equal(t, 512, cap(got.b), "an outgrown buffer came back from the 512-byte pool")
}

func TestEncodeRequestUsesSizeHint(t *testing.T) {
	in := &DetectCustomLabelsInput{ProjectVersionArn: testVersionArn, Image: Image{Bytes: make([]byte, 2<<20)}}
	rb := encodeRequest(in)
	defer rb.release()
	assert.Equal(t, in.jsonSizeHint(), len(rb.b), "encoded length against jsonSizeHint")
	assert.Equal(t, 4<<20, cap(rb.b), "the body grew out of its size class")
}
