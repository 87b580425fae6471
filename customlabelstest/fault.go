package customlabelstest

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels/internal/wire"
)

// A Fault is how the server misbehaves for one request. Make one with a
// constructor (Exception, Latency, TruncatedBody, DropConnection,
// ProxyError, SlowBody, RawResponse, Redirect) and adjust it with its
// With methods; then queue it with Server.InjectFault or
// Server.InjectFaults. The zero Fault answers normally.
//
// Faults act before anything else: a request that meets one is answered by
// it whatever its signature, target or input, and the fault is used up.
type Fault struct {
	kind       faultKind
	status     int
	code       string
	message    string
	form       CodeForm
	delay      time.Duration
	retryAfter time.Duration
	header     http.Header
	body       []byte
	chunk      int
	every      time.Duration
}

type faultKind int

const (
	faultNone faultKind = iota
	faultException
	faultTruncated
	faultDrop
	faultProxy
	faultSlow
	faultRaw
	faultRedirect
	faultLostAnswer
)

// CodeForm is how an injected exception writes its error code. Clients
// must read every form (spec §4): the X-Amzn-ErrorType header first, then
// the body's "__type", then its "code"; a code is cut at the first ':'
// and what follows the first '#' is kept.
type CodeForm int

// CodeForm values.
const (
	// CodePlain writes {"__type":"ThrottlingException", ...}, as
	// Rekognition writes its modeled exceptions.
	CodePlain CodeForm = iota
	// CodeNamespaced writes
	// {"__type":"com.amazonaws.rekognition#ThrottlingException", ...}.
	CodeNamespaced
	// CodeSuffixed writes {"__type":"ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.rekognition/", ...}.
	CodeSuffixed
	// CodeNamespacedSuffixed writes both:
	// {"__type":"com.amazonaws.rekognition#ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.rekognition/", ...}.
	CodeNamespacedSuffixed
	// CodeInCodeMember writes {"code":"ThrottlingException","message":...}
	// with no "__type".
	CodeInCodeMember
	// CodeHeaderOnly writes the code only in the X-Amzn-ErrorType header,
	// with the body {}.
	CodeHeaderOnly
	// CodeHeaderOnlyEmptyBody writes the code only in the X-Amzn-ErrorType
	// header, with an empty body.
	CodeHeaderOnlyEmptyBody
)

const (
	codeNamespace = "com.amazonaws.rekognition#"
	codeSuffix    = ":http://internal.amazon.com/coral/com.amazonaws.rekognition/"
)

// Exception answers with the error code, as the service writes it: the
// exceptions the served operations declare (the six of DescribeProjects,
// and ResourceNotFoundException, ResourceInUseException and
// LimitExceededException) with "__type", "Code", "Logref" and "Message",
// any other code with "__type" and "message". A status of 0
// means the status AWS documents for the code (500 for
// InternalServerError and ThrottlingException, 400 otherwise); an empty
// message means a typical one for the code.
func Exception(code string, status int, message string) Fault {
	if status == 0 {
		status = http.StatusBadRequest
		if m, ok := modeledExceptions[code]; ok {
			status = m.status
		}
	}
	if message == "" {
		message = modeledExceptions[code].message
		if code == codeValidation {
			message = "1 validation error detected"
		}
	}
	return Fault{kind: faultException, code: code, status: status, message: message}
}

// Latency answers normally after d, or sooner if the client goes away or
// the server closes.
func Latency(d time.Duration) Fault { return Fault{delay: d} }

// TruncatedBody answers normally, but the body stops halfway: the
// Content-Length header announces the whole body, half is sent and the
// connection is closed.
//
// Clients differ on it: this module's client and botocore 1.43 (aws-cli
// 1.45) see the short body and retry; botocore 1.29, the
// python3-botocore of Debian 12, takes it for an empty success (status
// 200, no members) and does not retry, so a test of such a client sees
// nothing go wrong.
func TruncatedBody() Fault { return Fault{kind: faultTruncated} }

// DropConnection closes the connection without answering.
func DropConnection() Fault { return Fault{kind: faultDrop} }

// LostAnswer runs the request as the service does, then closes the
// connection without answering: the call took effect, and the client
// cannot know it. A client that resends a create then meets the resource
// its first attempt made.
func LostAnswer() Fault { return Fault{kind: faultLostAnswer} }

// ProxyError answers as a proxy or load balancer in front of the service
// does: an HTML page with the status (502 when status is 0), no request
// ID and no error code.
func ProxyError(status int) Fault {
	if status == 0 {
		status = http.StatusBadGateway
	}
	return Fault{kind: faultProxy, status: status}
}

// SlowBody answers normally, but sends the body chunk bytes at a time,
// one chunk every interval.
func SlowBody(chunk int, every time.Duration) Fault {
	return Fault{kind: faultSlow, chunk: max(chunk, 1), every: every}
}

// RawResponse answers with exactly this status, these headers and this
// body. The server adds only a Date header when header has none, and
// Content-Length.
func RawResponse(status int, header http.Header, body []byte) Fault {
	return Fault{kind: faultRaw, status: status, header: header.Clone(), body: append([]byte(nil), body...)}
}

// Redirect answers with a redirect (301, 302, 307 or 308) to location, as
// a misconfigured endpoint or proxy does. A client must not follow it: a
// signed request never goes to another host.
func Redirect(status int, location string) Fault {
	return Fault{kind: faultRedirect, status: status, header: http.Header{"Location": {location}}}
}

// WithCodeForm returns f writing its error code in form; it matters only
// for an Exception.
func (f Fault) WithCodeForm(form CodeForm) Fault {
	f.form = form
	return f
}

// WithDelay returns f acting after d, or sooner if the client goes away or
// the server closes.
func (f Fault) WithDelay(d time.Duration) Fault {
	f.delay = d
	return f
}

// WithRetryAfter returns f with an x-amz-retry-after header of d in
// milliseconds, by which the service asks clients to wait before retrying.
func (f Fault) WithRetryAfter(d time.Duration) Fault {
	f.retryAfter = d
	return f
}

// String describes the fault, as Request.Fault records it.
func (f Fault) String() string {
	var s string
	switch f.kind {
	case faultNone:
		s = "latency"
	case faultException:
		s = fmt.Sprintf("exception %s (%d", f.code, f.status)
		if f.form != CodePlain {
			s += ", " + f.form.String()
		}
		s += ")"
	case faultTruncated:
		s = "truncated body"
	case faultDrop:
		s = "dropped connection"
	case faultLostAnswer:
		s = "lost answer"
	case faultProxy:
		s = fmt.Sprintf("proxy error %d", f.status)
	case faultSlow:
		s = fmt.Sprintf("slow body (%d bytes every %s)", f.chunk, f.every)
	case faultRaw:
		s = fmt.Sprintf("raw response %d", f.status)
	case faultRedirect:
		s = fmt.Sprintf("redirect %d", f.status)
	}
	if f.delay > 0 {
		s += fmt.Sprintf(" after %s", f.delay)
	}
	if f.retryAfter > 0 {
		s += fmt.Sprintf(" with retry-after %s", f.retryAfter)
	}
	return s
}

// String returns the name of the form.
func (c CodeForm) String() string {
	switch c {
	case CodePlain:
		return "plain"
	case CodeNamespaced:
		return "namespaced"
	case CodeSuffixed:
		return "suffixed"
	case CodeNamespacedSuffixed:
		return "namespaced and suffixed"
	case CodeInCodeMember:
		return "code member"
	case CodeHeaderOnly:
		return "header only"
	case CodeHeaderOnlyEmptyBody:
		return "header only, empty body"
	}
	return "CodeForm(" + strconv.Itoa(int(c)) + ")"
}

// InjectFault queues f for the next request that has no fault queued
// before it.
func (s *Server) InjectFault(f Fault) { s.InjectFaults(1, f) }

// InjectFaults queues f for each of the next n requests, after the faults
// already queued.
func (s *Server) InjectFaults(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults = append(s.faults, f)
	}
}

// PendingFaults returns how many queued faults have not been used yet.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults)
}

// ClearFaults drops the queued faults.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

func (s *Server) nextFault() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.faults) == 0 {
		return Fault{}, false
	}
	f := s.faults[0]
	s.faults[0] = Fault{}
	s.faults = s.faults[1:]
	return f, true
}

// response returns the answer a fault gives in the service's stead, or
// nil for a fault that lets the service answer (or for no fault).
func (f *Fault) response(requestID string) *response {
	switch f.kind {
	case faultException:
		return f.exceptionResponse(requestID)
	case faultProxy:
		return f.proxyResponse()
	case faultRaw, faultRedirect:
		return f.rawResponse()
	}
	return nil
}

// exceptionResponse builds an injected exception in f's code form.
func (f *Fault) exceptionResponse(requestID string) *response {
	if f.form == CodePlain {
		return errorResponse(f.status, requestID, f.code, f.message)
	}
	code := f.code
	switch f.form {
	case CodeNamespaced:
		code = codeNamespace + code
	case CodeSuffixed:
		code += codeSuffix
	case CodeNamespacedSuffixed:
		code = codeNamespace + code + codeSuffix
	}
	var b []byte
	switch f.form {
	case CodeHeaderOnly:
		b = []byte("{}")
	case CodeHeaderOnlyEmptyBody:
		b = nil
	case CodeInCodeMember:
		b = wire.AppendString(append(b, `{"code":`...), code)
		b = wire.AppendString(append(b, `,"message":`...), f.message)
		b = append(b, '}')
	default:
		b = wire.AppendString(append(b, `{"__type":`...), code)
		b = wire.AppendString(append(b, `,"message":`...), f.message)
		b = append(b, '}')
	}
	r := newResponse(f.status, requestID, b)
	if f.form == CodeHeaderOnly || f.form == CodeHeaderOnlyEmptyBody {
		r.header.Set("X-Amzn-Errortype", code)
	}
	r.code = f.code
	return r
}

// proxyResponse is an HTML error page as a proxy writes it.
func (f *Fault) proxyResponse() *response {
	text := strconv.Itoa(f.status) + " " + http.StatusText(f.status)
	body := []byte("<html>\r\n<head><title>" + text + "</title></head>\r\n<body>\r\n<center><h1>" + text +
		"</h1></center>\r\n<hr><center>proxy</center>\r\n</body>\r\n</html>\r\n")
	return &response{
		status: f.status,
		header: http.Header{
			"Content-Type":   {"text/html"},
			"Content-Length": {strconv.Itoa(len(body))},
			"Server":         {"proxy"},
		},
		body: body,
	}
}

// rawResponse is the response a RawResponse or Redirect fault gives.
func (f *Fault) rawResponse() *response {
	h := f.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	body := f.body
	if f.kind == faultRedirect {
		body = []byte("<html><body>Moved</body></html>\n")
		h.Set("Content-Type", "text/html")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	return &response{status: f.status, header: h, body: body}
}
