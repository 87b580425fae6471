package customlabelstest

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/aws/smithy-go"
)

// A Call is one request a Stub expects, made by Stub.Expect: its
// operation, what its input must be and what it answers. Its methods
// fail the test at once (Fatalf) when the declaration itself is wrong: an
// input or output of another operation's type, a second answer.
type Call struct {
	stub     *Stub
	op       string
	codec    codec
	inType   reflect.Type // the operation's *Input type
	index    int          // its place among the Stub's calls, from 1
	declared string       // file:line of the Expect

	// Guarded by stub.mu.
	want     any                 // the input to compare with, or nil
	match    func(in any) string // a matcher's verdict, "" when it matches
	respond  func(*http.Request) (*http.Response, error)
	answers  string // what respond answers, for messages
	met      bool
	got      any // the input received
	reported bool
}

// WithInput makes the call expect this input: a *Input of the operation
// (or the Input value), compared member by member with what the request
// carries, as the service reads it. A nil and an empty list or map are
// equal, as they are on the wire. A difference fails the test with each
// differing member, -want +got, and the call answers with an error.
func (c *Call) WithInput(in any) *Call {
	c.stub.t.Helper()
	v := reflect.ValueOf(in)
	switch {
	case in == nil:
		c.stub.t.Fatalf("customlabelstest: %s: WithInput(nil); leave WithInput out to accept any input", c.op)
		return c
	case v.Type() == c.inType.Elem():
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		in = p.Interface()
	case v.Type() != c.inType:
		c.stub.t.Fatalf("customlabelstest: %s: WithInput(%T), want a %v", c.op, in, c.inType)
		return c
	case v.IsNil():
		c.stub.t.Fatalf("customlabelstest: %s: WithInput(nil %T); leave WithInput out to accept any input", c.op, in)
		return c
	}
	in = cloneValue(in)
	c.stub.mu.Lock()
	defer c.stub.mu.Unlock()
	c.want = in
	return c
}

// Match makes the call accept only inputs fn accepts. fn is a function
// of the operation's *Input that returns a bool (true to accept) or an
// error (nil to accept; its message says why not), such as
//
//	func(in *customlabels.StartProjectVersionInput) bool { return in.MinInferenceUnits >= 1 }
//
// With WithInput too, both must accept. fn runs in the goroutine that
// sends the request, with the Stub's lock held: it must not call the
// Stub.
func (c *Call) Match(fn any) *Call {
	c.stub.t.Helper()
	f := reflect.ValueOf(fn)
	errType := reflect.TypeFor[error]()
	if fn == nil || f.Kind() != reflect.Func || f.IsNil() || f.Type().NumIn() != 1 || f.Type().In(0) != c.inType ||
		f.Type().NumOut() != 1 || (f.Type().Out(0).Kind() != reflect.Bool && f.Type().Out(0) != errType) {
		c.stub.t.Fatalf("customlabelstest: %s: Match(%T), want a func(%v) bool or func(%v) error", c.op, fn, c.inType, c.inType)
		return c
	}
	match := func(in any) string {
		out := f.Call([]reflect.Value{reflect.ValueOf(in)})[0]
		if out.Kind() == reflect.Bool {
			if out.Bool() {
				return ""
			}
			return "    the Match function refused " + formatValue(in)
		}
		if err, _ := out.Interface().(error); err != nil {
			return "    the Match function refused " + formatValue(in) + ": " + err.Error()
		}
		return ""
	}
	c.stub.mu.Lock()
	defer c.stub.mu.Unlock()
	c.match = match
	return c
}

// Return makes the call answer HTTP 200 with out, a *Output of the
// operation (or the Output value), encoded as the service writes it. The
// output is encoded now: later changes to out are not sent. Its RequestID,
// when set, is sent as X-Amzn-RequestId (the client gives it back in the
// output); otherwise each answer gets a new one.
func (c *Call) Return(out any) {
	c.stub.t.Helper()
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer {
			p := reflect.New(v.Type())
			p.Elem().Set(v)
			out = p.Interface()
		}
	}
	var body []byte
	var err error
	if v := reflect.ValueOf(out); out == nil || v.IsNil() {
		err = errors.New("a nil output")
	} else {
		body, err = c.codec.write(out)
	}
	if err != nil {
		c.stub.t.Fatalf("customlabelstest: %s: Return(%T): %v", c.op, out, err)
		return
	}
	id := ""
	if f := reflect.ValueOf(out).Elem().FieldByName("RequestID"); f.IsValid() && f.Kind() == reflect.String {
		id = f.String()
	}
	c.setAnswer(fmt.Sprintf("a %T", out), func(req *http.Request) (*http.Response, error) {
		rid := id
		if rid == "" {
			rid = newRequestID()
		}
		return httpResponse(req, newResponse(http.StatusOK, rid, body)), nil
	})
}

// ReturnError makes the call answer with an exception, as the service
// writes it: err is one of the client's exception types, such as
// &customlabels.ThrottlingException{Message: "Rate exceeded"}, answered
// with the status of its fault in the service model (500 for
// ThrottlingException and InternalServerError, 400 for the others).
// Any other smithy.APIError (a *smithy.GenericAPIError with the code
// "ValidationException", say) is answered with its code and message and
// status 400, or 500 for a server fault. An empty message is the
// exception's usual one ("Rate exceeded"). For an error without a
// response, use ReturnTransportError.
func (c *Call) ReturnError(err error) {
	c.stub.t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		c.stub.t.Fatalf("customlabelstest: %s: ReturnError(%T): want an exception such as *customlabels.ThrottlingException (a smithy.APIError); "+
			"for an error without a response, use ReturnTransportError", c.op, err)
		return
	}
	code, msg := ae.ErrorCode(), ae.ErrorMessage()
	status := http.StatusBadRequest
	if m, ok := modeledExceptions[code]; ok {
		status = m.status
		if msg == "" {
			msg = m.message
		}
	} else if ae.ErrorFault() == smithy.FaultServer {
		status = http.StatusInternalServerError
	}
	c.setAnswer(fmt.Sprintf("%s (%d)", code, status), func(req *http.Request) (*http.Response, error) {
		return httpResponse(req, errorResponse(status, newRequestID(), code, msg)), nil
	})
}

// ReturnResponse makes the call answer with any status, header and body:
// an HTML page from a proxy, a malformed or truncated body, a status the
// model does not know. Content-Type (application/x-amz-json-1.1),
// X-Amzn-RequestId, Content-Length and Date are added unless header sets
// them; a Content-Length that differs from the body's length is kept, as
// a server that cut its body short would send it.
func (c *Call) ReturnResponse(status int, header http.Header, body string) {
	c.stub.t.Helper()
	if status < 100 || status > 999 {
		c.stub.t.Fatalf("customlabelstest: %s: ReturnResponse(%d, ...): a status must have 3 digits", c.op, status)
		return
	}
	header = header.Clone()
	c.setAnswer(fmt.Sprintf("a response with status %d", status), func(req *http.Request) (*http.Response, error) {
		r := newResponse(status, newRequestID(), []byte(body))
		for k, v := range header {
			r.header[http.CanonicalHeaderKey(k)] = slices.Clone(v)
		}
		return httpResponse(req, r), nil
	})
}

// ReturnTransportError makes the call fail without a response: the
// HTTPClient's Do returns err, wrapped in a *url.Error as *http.Client
// wraps it. The client retries the errors aws-sdk-go-v2 deems retryable,
// such as those of ReturnConnectionReset and ReturnTimeout.
func (c *Call) ReturnTransportError(err error) {
	c.stub.t.Helper()
	if err == nil {
		c.stub.t.Fatalf("customlabelstest: %s: ReturnTransportError(nil)", c.op)
		return
	}
	c.setAnswer("the transport error "+strconv.Quote(err.Error()), func(*http.Request) (*http.Response, error) { return nil, err })
}

// ReturnConnectionReset makes the call fail as a connection the server
// reset: "read tcp: read: connection reset by peer", a *net.OpError
// wrapping syscall.ECONNRESET, which the client retries.
func (c *Call) ReturnConnectionReset() {
	c.stub.t.Helper()
	c.ReturnTransportError(&net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)})
}

// ReturnTimeout makes the call fail as a read that timed out: "read tcp:
// i/o timeout", a *net.OpError whose Timeout method reports true (it
// wraps os.ErrDeadlineExceeded), which the client retries.
func (c *Call) ReturnTimeout() {
	c.stub.t.Helper()
	c.ReturnTransportError(&net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded})
}

// Stall makes the call answer nothing until the request's context ends,
// as a server that never responds: the client's IdleTimeout or
// AttemptTimeout (an *customlabels.AttemptTimeoutError, retried), or the
// caller's deadline, ends it. Give the client a short IdleTimeout in such
// a test.
func (c *Call) Stall() {
	c.stub.t.Helper()
	c.setAnswer("no answer (stalled)", func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done()
		return nil, req.Context().Err()
	})
}

// Input returns the input the call received, a *Input of its operation,
// or nil while it has not been called. A test may inspect it once the
// code under test has returned.
func (c *Call) Input() any {
	c.stub.mu.Lock()
	defer c.stub.mu.Unlock()
	return c.got
}

func (c *Call) setAnswer(what string, respond func(*http.Request) (*http.Response, error)) {
	c.stub.t.Helper()
	c.stub.mu.Lock()
	prev := c.answers
	if prev == "" {
		c.answers, c.respond = what, respond
	}
	c.stub.mu.Unlock()
	if prev != "" {
		c.stub.t.Fatalf("customlabelstest: expectation %d, %s, answers %s already; declare another Expect for another answer", c.index, c.op, prev)
	}
}

// answer answers req as declared: by default, {} (the zero output).
func (c *Call) answer(req *http.Request) (*http.Response, error) {
	c.stub.mu.Lock()
	respond := c.respond
	c.stub.mu.Unlock()
	if respond == nil {
		return httpResponse(req, newResponse(http.StatusOK, newRequestID(), []byte("{}"))), nil
	}
	return respond(req)
}

// mismatch says how in differs from what the call expects, or "".
// Called with stub.mu held.
func (c *Call) mismatch(in any) string {
	var lines []string
	if c.want != nil {
		if d := diff(c.want, in); len(d) > 0 {
			lines = append(lines, "    (-want +got)")
			for _, l := range d {
				lines = append(lines, "    "+l)
			}
		}
	}
	if c.match != nil {
		if why := c.match(in); why != "" {
			lines = append(lines, why)
		}
	}
	return strings.Join(lines, "\n")
}

// describe names the call for messages. Called with stub.mu held.
func (c *Call) describe() string {
	s := c.op
	if c.want != nil {
		s += " " + formatValue(c.want)
	}
	if c.match != nil {
		s += " (with a Match function)"
	}
	return s
}

func (c *Call) declaredAt() string {
	if c.declared == "" {
		return ""
	}
	return " (declared at " + c.declared + ")"
}

// callerLine returns file:line of the caller of Expect: where the test
// declared the call; and, when that is a helper in a test file, where
// the helper was called from ("a_test.go:12 called from a_test.go:40"),
// up to three helpers.
func callerLine() string {
	var at []string
	for skip := 2; len(at) < 4; skip++ {
		_, file, line, ok := runtime.Caller(skip)
		if !ok || len(at) > 0 && !strings.HasSuffix(file, "_test.go") {
			break
		}
		at = append(at, filepath.Base(file)+":"+strconv.Itoa(line))
	}
	return strings.Join(at, " called from ")
}

// inputType returns the *Input type an operation's codec reads.
func inputType(c codec) reflect.Type {
	in, _, _ := c.read([]byte("{}"))
	return reflect.TypeOf(in)
}

// operationNames returns the names of the operations the client
// implements, sorted.
func operationNames() []string {
	return sortedKeys(codecs)
}
