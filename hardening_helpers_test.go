package customlabels_test

// Shared fixtures of the hardening tests (issue 6): fake servers with
// session credentials and counted connections, a zero-backoff retryer, and
// a watch that fails a test when a secret reaches an error or a log.

import (
	"bytes"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Credentials of the hardening fakes. The secret key and the session token
// must never appear in an error, a log record or test output.
const (
	hAccessKey = "AKIDHARDENINGTEST"
	hSecretKey = "hardening-secret-key-must-never-leak"
	hToken     = "hardening-session-token-must-never-leak"
)

// doer is an HTTPClient that is not an *http.Client: the client cannot set
// its redirect policy.
type doer func(*http.Request) (*http.Response, error)

func (d doer) Do(r *http.Request) (*http.Response, error) { return d(r) }

// zeroBackoff retries at once and without a retry quota, so that tests
// of many retried calls run fast and no call is refused for lack of
// quota.
func zeroBackoff(maxAttempts int) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		o.RateLimiter = ratelimit.None
	})
}

// countingListener counts the connections a server accepts and closes and
// the bytes it reads from them; with capture set it also keeps those
// bytes.
type countingListener struct {
	net.Listener
	capture bool

	accepted, closed, bytesRead atomic.Int64

	mu   sync.Mutex
	read []byte
}

func listenCounted(t testing.TB, capture bool) *countingListener {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	return &countingListener{Listener: l, capture: capture}
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.accepted.Add(1)
	return &countingConn{Conn: c, l: l}, nil
}

// open is the number of accepted connections not yet closed.
func (l *countingListener) open() int64 { return l.accepted.Load() - l.closed.Load() }

// received returns a copy of every byte read, when capturing.
func (l *countingListener) received() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Clone(l.read)
}

type countingConn struct {
	net.Conn
	l    *countingListener
	once sync.Once
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.l.bytesRead.Add(int64(n))
	if c.l.capture && n > 0 {
		c.l.mu.Lock()
		c.l.read = append(c.l.read, p[:n]...)
		c.l.mu.Unlock()
	}
	return n, err
}

func (c *countingConn) Close() error {
	c.once.Do(func() { c.l.closed.Add(1) })
	return c.Conn.Close()
}

// newFake starts a fake that accepts only the hardening session
// credentials, on a counted listener; the test closes it.
func newFake(t testing.TB, opts ...customlabelstest.Option) (*customlabelstest.Server, *countingListener) {
	t.Helper()
	l := listenCounted(t, false)
	opts = append([]customlabelstest.Option{
		customlabelstest.WithCredentials(hAccessKey, hSecretKey, hToken),
		customlabelstest.WithListener(l),
	}, opts...)
	srv := customlabelstest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv, l
}

// sessionCredentials is a static provider of the hardening credentials.
func sessionCredentials() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(hAccessKey, hSecretKey, hToken)
}

// secretWatch captures everything a client logs at any level, and every
// signature it sends through transports it wraps, and fails the test if
// any secret reaches an error or a log record.
type secretWatch struct {
	logs   lockedBuffer
	logger *slog.Logger
	// recordedOnly turns off the search for unrecorded signatures, for
	// servers that send arbitrary text (which may hold 64 hex digits);
	// every signature must then go through transport.
	recordedOnly bool

	mu         sync.Mutex
	signatures map[string]bool
}

func newSecretWatch() *secretWatch {
	w := &secretWatch{signatures: map[string]bool{}}
	w.logger = slog.New(slog.NewJSONHandler(&w.logs, &slog.HandlerOptions{Level: slog.LevelDebug - 100, AddSource: true}))
	return w
}

// reset forgets the logs and signatures captured so far, so that a fuzz
// target checks each input alone.
func (w *secretWatch) reset() {
	w.logs.mu.Lock()
	w.logs.buf.Reset()
	w.logs.mu.Unlock()
	w.mu.Lock()
	clear(w.signatures)
	w.mu.Unlock()
}

// lockedBuffer is a bytes.Buffer safe for concurrent writers.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// transport wraps base so that every signature sent is recorded.
func (w *secretWatch) transport(base http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if _, sig, ok := strings.Cut(r.Header.Get("Authorization"), "Signature="); ok {
			w.mu.Lock()
			w.signatures[sig] = true
			w.mu.Unlock()
		}
		return base.RoundTrip(r)
	})
}

// httpClient is an *http.Client for srv whose signatures are recorded.
func (w *secretWatch) httpClient(srv *customlabelstest.Server) *http.Client {
	hc := srv.HTTPClient()
	return &http.Client{Transport: w.transport(hc.Transport)}
}

// options sets the watch's logger and, when srv is given, its recording
// HTTP client and the hardening credentials for srv.
func (w *secretWatch) options(srv *customlabelstest.Server) func(*customlabels.Options) {
	return func(o *customlabels.Options) {
		o.Logger = w.logger
		if srv != nil {
			o.Region = srv.Region()
			o.BaseEndpoint = srv.URL
			o.Credentials = sessionCredentials()
			o.HTTPClient = w.httpClient(srv)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// hexRun64 matches what a SigV4 signature looks like, to catch one the
// watch did not record (sent through a transport it could not wrap).
var hexRun64 = regexp.MustCompile(`[0-9a-f]{64}`)

// check fails t if a secret appears in the logs so far, or in err: its
// Error text, its %v, %+v, %#v, %s and %q formatting, or any string held
// anywhere inside the error value (so no error keeps a request, whose
// headers carry the signature and the token).
func (w *secretWatch) check(t testing.TB, errs ...error) {
	t.Helper()
	w.mu.Lock()
	forbidden := []string{hSecretKey, hToken, "Signature="}
	for sig := range w.signatures {
		forbidden = append(forbidden, sig)
	}
	w.mu.Unlock()

	texts := map[string]string{"logs": w.logs.String()}
	for i, err := range errs {
		if err == nil {
			continue
		}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			texts[fmt.Sprintf("error %d formatted with %s", i, verb)] = fmt.Sprintf(verb, err)
		}
		texts[fmt.Sprintf("error %d strings held", i)] = strings.Join(deepStrings(err), "\n")
	}
	for where, text := range texts {
		for _, s := range forbidden {
			if strings.Contains(text, s) {
				t.Errorf("a secret (%.12s…) appears in the %s", s, where)
			}
		}
		if m := hexRun64.FindString(text); m != "" && !w.recordedOnly {
			t.Errorf("something shaped like a signature (%.12s…) appears in the %s", m, where)
		}
	}
}

// deepStrings returns every string and byte slice reachable from v,
// through pointers, interfaces, structs (unexported fields included),
// slices, arrays and maps.
func deepStrings(v any) []string {
	var out []string
	seen := map[uintptr]bool{}
	var walk func(rv reflect.Value, depth int)
	walk = func(rv reflect.Value, depth int) {
		if !rv.IsValid() || depth > 32 {
			return
		}
		switch rv.Kind() {
		case reflect.String:
			out = append(out, rv.String())
		case reflect.Pointer:
			if rv.IsNil() || seen[rv.Pointer()] {
				return
			}
			seen[rv.Pointer()] = true
			walk(rv.Elem(), depth+1)
		case reflect.Interface:
			walk(rv.Elem(), depth+1)
		case reflect.Struct:
			for i := 0; i < rv.NumField(); i++ {
				walk(rv.Field(i), depth+1)
			}
		case reflect.Slice:
			if rv.Type().Elem().Kind() == reflect.Uint8 {
				out = append(out, string(rv.Bytes()))
				return
			}
			fallthrough
		case reflect.Array:
			for i := 0; i < rv.Len() && i < 10000; i++ {
				walk(rv.Index(i), depth+1)
			}
		case reflect.Map:
			it := rv.MapRange()
			for it.Next() {
				walk(it.Key(), depth+1)
				walk(it.Value(), depth+1)
			}
		}
	}
	walk(reflect.ValueOf(v), 0)
	return out
}
