package customlabels

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
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

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

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
	auth := r.Header.Get("Authorization")
	const prefix = "AWS4-HMAC-SHA256 "
	if !strings.HasPrefix(auth, prefix) {
		return false
	}
	fields := map[string]string{}
	for _, part := range strings.Split(strings.TrimPrefix(auth, prefix), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		fields[k] = v
	}
	scope := strings.Split(fields["Credential"], "/")
	if len(scope) != 5 {
		return false
	}
	signingTime, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return false
	}
	req, _ := http.NewRequest(r.Method, "http://"+r.Host+r.URL.RequestURI(), nil)
	req.Host = r.Host
	for _, name := range strings.Split(fields["SignedHeaders"], ";") {
		switch name {
		case "host":
		case "content-length":
			req.ContentLength = r.ContentLength
		default:
			req.Header[http.CanonicalHeaderKey(name)] = r.Header.Values(name)
		}
	}
	if !strings.Contains(fields["SignedHeaders"], "content-length") {
		req.ContentLength = 0
	}
	creds := aws.Credentials{AccessKeyID: scope[0], SecretAccessKey: secret, SessionToken: r.Header.Get("X-Amz-Security-Token")}
	hash := sha256Hex(body)
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hash, scope[3], scope[2], signingTime); err != nil {
		return false
	}
	want := req.Header.Get("Authorization")
	return hmac.Equal([]byte(want), []byte(auth))
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
