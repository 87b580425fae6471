package customlabels

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// lateReader is an HTTPClient that answers at once and reads the request
// body only later, on another goroutine, then reports the request written
// through httptrace, as net/http may when a server answers before reading
// a whole body.
type lateReader struct {
	proceed chan struct{}
	got     chan []byte
}

func (lr *lateReader) Do(req *http.Request) (*http.Response, error) {
	trace := httptrace.ContextClientTrace(req.Context())
	go func() {
		<-lr.proceed
		b, _ := io.ReadAll(req.Body)
		req.Body.Close()
		if trace != nil && trace.WroteRequest != nil {
			trace.WroteRequest(httptrace.WroteRequestInfo{})
		}
		lr.got <- b
	}()
	body := `{"CustomLabels":[]}`
	return &http.Response{
		StatusCode: 200, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}, nil
}

// A body still being read after its call returned is never reused by the
// next call: the transport reads the first call's bytes, not the second's.
func TestRequestBodyNotReusedWhileStillSent(t *testing.T) {
	lr := &lateReader{proceed: make(chan struct{}), got: make(chan []byte, 4)}
	c := New(Options{Region: "us-east-1", BaseEndpoint: "http://127.0.0.1:1", HTTPClient: lr,
		Credentials: credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, "")})
	img := func(b byte) []byte { return append([]byte{0xff, 0xd8, 0xff}, bytes.Repeat([]byte{b}, 300<<10)...) }
	var want []string
	for _, b := range []byte{'a', 'b', 'c'} {
		in := &DetectCustomLabelsInput{ProjectVersionArn: testVersionArn, Image: Image{Bytes: img(b)}}
		_, err := c.DetectCustomLabels(context.Background(), in)
		require.NoError(t, err)
		want = append(want, string(in.appendJSON(nil)))
	}
	close(lr.proceed) // the transport reads the three bodies only now
	got := map[string]bool{}
	for range want {
		got[string(<-lr.got)] = true
	}
	for i, w := range want {
		assert.True(t, got[w], "the body of call %d was overwritten before it was sent", i+1)
	}
}

// The hash computed beside the encoding is the body's SHA-256, below and
// above the size from which it streams.
func TestEncodeRequestHash(t *testing.T) {
	for _, n := range []int{1, minStreamedHash / 2, minStreamedHash, 3 * hashStretch, 4<<20 + 1} {
		img := make([]byte, n)
		for i := range img {
			img[i] = byte(i*13 + 1)
		}
		in := &DetectCustomLabelsInput{ProjectVersionArn: testVersionArn, Image: Image{Bytes: img}}
		rb := encodeRequest(in)
		assert.Equal(t, string(in.appendJSON(nil)), string(rb.b), "body of a %d-byte image", n)
		assert.Equal(t, sha256.Sum256(rb.b), rb.sum, "hash of the body of a %d-byte image", n)
		rb.release()
	}
}
