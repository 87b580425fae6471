package customlabels

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/rekognition-go/customlabels/internal/sigv4check"
)

const (
	testAccessKey = "AKIDTESTCORE"
	testSecretKey = "core-secret-key-never-printed"
	testToken     = "core-session-token-never-printed"
)

// recorded is one request as a test server saw it.
type recorded struct {
	Header http.Header
	Host   string
	Method string
	Path   string
	Body   []byte
	// SignatureOK reports whether the SigV4 signature verified against
	// testSecretKey over the headers the client listed.
	SignatureOK bool
}

// testServer is an httptest server that records requests and answers
// with handle (a nil handle answers an empty page).
type testServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recorded
	count    atomic.Int64
	handle   func(w http.ResponseWriter, r *http.Request, n int)
}

func newTestServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int)) *testServer {
	t.Helper()
	ts := &testServer{handle: handle}
	ts.Server = httptest.NewServer(http.HandlerFunc(ts.serve))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *testServer) serve(w http.ResponseWriter, r *http.Request) {
	n := int(ts.count.Add(1))
	body, _ := io.ReadAll(r.Body)
	rec := recorded{Header: r.Header.Clone(), Host: r.Host, Method: r.Method, Path: r.URL.Path, Body: body}
	rec.SignatureOK = verifySignature(r, body, testSecretKey)
	ts.mu.Lock()
	ts.requests = append(ts.requests, rec)
	ts.mu.Unlock()
	w.Header().Set("X-Amzn-RequestId", "req-"+itoa(n))
	if ts.handle == nil {
		writeJSON(w, 200, `{"ProjectDescriptions":[]}`)
		return
	}
	ts.handle(w, r, n)
}

func (ts *testServer) Requests() []recorded {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]recorded(nil), ts.requests...)
}

func itoa(n int) string { return strconv.Itoa(n) }

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, `{"__type":"`+code+`","message":"`+message+`"}`)
}

// verifySignature recomputes the SigV4 signature of r over exactly the
// headers it lists, with aws-sdk-go-v2's signer, and compares it.
func verifySignature(r *http.Request, body []byte, secret string) bool {
	return sigv4check.Verify(r, body, secret) == nil
}

// testClient returns a client for ts with session credentials and retries
// without backoff delay.
func testClient(ts *testServer, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:       "us-east-1",
		BaseEndpoint: ts.URL,
		Credentials:  credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, testToken),
		Retryer:      noDelayRetryer(),
	}, optFns...)
}

func noDelayRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// decodeAs decodes a 2xx body of op as the client does.
func decodeAs[O any, P interface {
	*O
	response
}](op *operation, data []byte) (*O, error) {
	out := P(new(O))
	if err := decodeResponse(op, data, out); err != nil {
		return nil, err
	}
	return (*O)(out), nil
}

func decodeDescribeProjectsOutput(data []byte) (*DescribeProjectsOutput, error) {
	return decodeAs[DescribeProjectsOutput](opDescribeProjects, data)
}

// checkDecodeAgainst decodes data with the client's decoder (got) and
// with a reference decoder on encoding/json (ref), and fails unless both
// succeed with equal outputs or both fail alike in whether the input was
// cut short or empty, allowing the deliberate differences decode.go lists:
// keys that only fold to a member name (names), the element budget and a
// JSON null body.
func checkDecodeAgainst[O any](t *testing.T, data []byte, got, ref func([]byte) (*O, error), names []string) {
	t.Helper()
	out, err := got(data)
	want, wantErr := ref(data)
	if (err == nil) != (wantErr == nil) {
		var tooMany *tooManyError
		if foldsToName(data, names) || errors.As(err, &tooMany) || errors.Is(err, errNullBody) {
			return
		}
		t.Fatalf("decode(%q) error = %v, reference error = %v", data, err, wantErr)
	}
	if err != nil {
		if out != nil {
			t.Fatalf("decode(%q) returned output %+v with error %v", data, out, err)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) != errors.Is(wantErr, io.ErrUnexpectedEOF) && !cutInToken(data, err, wantErr) {
			t.Fatalf("decode(%q) error = %v, reference error = %v: they disagree on io.ErrUnexpectedEOF", data, err, wantErr)
		}
		if errors.Is(err, errEmptyBody) != errors.Is(wantErr, errEmptyBody) {
			t.Fatalf("decode(%q) error = %v, reference error = %v", data, err, wantErr)
		}
		return
	}
	if !reflect.DeepEqual(out, want) && !foldsToName(data, names) {
		t.Fatalf("decode(%q) =\n%#v\nreference =\n%#v", data, out, want)
	}
}

// refUnmarshal is json.Unmarshal for the reference decoders, reporting
// empty and cut-short input as the client does.
func refUnmarshal(data []byte, w any) error {
	if len(data) == 0 {
		return errEmptyBody
	}
	if err := json.Unmarshal(data, w); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) && strings.HasPrefix(se.Error(), "unexpected end of JSON input") {
			return fmt.Errorf("%w: %v", io.ErrUnexpectedEOF, err)
		}
		return err
	}
	return nil
}
