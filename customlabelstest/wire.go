package customlabelstest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aws/smithy-go"
)

// The hand-written half of the fake's wire layer: wire_gen.go, generated
// from the service model, reads each request into the client's Input type
// with the reader below and writes each Output with jsonObject; serve
// runs an operation's handler between the two. A handler is a method of
// Server named as the operation (lower-case first letter) that takes the
// Input and returns the Output or an error: one of the client's
// exception types, which is answered as the service answers it.

// operation is one served operation.
type operation struct {
	name string
	// decode reads a request body: the Input as the handler takes it
	// (nil when the body is not well formed), or the answer to a body the
	// service refuses before the operation runs.
	decode func(body []byte) (params any, refuse func(requestID string) *response)
	// run answers valid params.
	run func(s *Server, c *caller, params any) *response
}

// caller is who sent a request: what a handler needs to know besides the
// input.
type caller struct {
	// account is the AWS account the request acts in: the account of its
	// access key.
	account string
	// requestID is the ID the answer carries.
	requestID string
}

// serve makes an operation of its generated reader and writer and its
// handler.
func serve[I, O any](name string,
	read func(*reader, json.RawMessage, path, *I),
	handle func(*Server, *caller, *I) (*O, error),
	write func([]byte, *O) []byte,
) *operation {
	c := newCodec(read, write)
	arns := resourceFields(reflect.TypeFor[I]())
	return &operation{
		name: name,
		decode: func(body []byte) (any, func(string) *response) {
			in, serial, invalid := c.read(body)
			switch {
			case serial != "":
				return nil, func(id string) *response {
					return errorResponse(http.StatusBadRequest, id, codeSerialization, serial)
				}
			case invalid != "":
				return in, func(id string) *response {
					return errorResponse(http.StatusBadRequest, id, codeValidation, invalid)
				}
			}
			return in, nil
		},
		run: func(s *Server, c *caller, params any) *response {
			in := params.(*I)
			if err := s.authorize(c, name, in, arns); err != nil {
				return exceptionResponse(c.requestID, err)
			}
			out, err := handle(s, c, in)
			if err != nil {
				return exceptionResponse(c.requestID, err)
			}
			return newResponse(http.StatusOK, c.requestID, write(make([]byte, 0, 256), out))
		},
	}
}

// modeledException is an exception of the model: its HTTP status and the
// message Exception gives it by default.
type modeledException struct {
	status  int
	message string
}

// exceptionResponse answers a handler's error: one of the client's
// exception types with its modeled status, a *serviceError as it says,
// anything else as InternalServerError.
func exceptionResponse(requestID string, err error) *response {
	var se *serviceError
	if errors.As(err, &se) {
		return errorResponse(se.status, requestID, se.code, se.message)
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		status := http.StatusBadRequest
		if m, ok := modeledExceptions[ae.ErrorCode()]; ok {
			status = m.status
		}
		return errorResponse(status, requestID, ae.ErrorCode(), ae.ErrorMessage())
	}
	return errorResponse(http.StatusInternalServerError, requestID, "InternalServerError", err.Error())
}

// serviceError is an error a handler answers with a code the model does
// not declare for the operation, such as the framework's
// ValidationException.
type serviceError struct {
	status        int
	code, message string
}

func (e *serviceError) Error() string { return e.code + ": " + e.message }

// path locates a member in a request, in the two ways the service names
// it: as sent ("Image.S3Object.Bucket", in a SerializationException) and
// as its validation layer does ("image.s3Object.bucket", list elements
// "versionNames.1.member").
type path struct{ sent, valid string }

func (p path) member(name string) path {
	if p.sent == "" {
		return path{name, lowerFirst(name)}
	}
	return path{p.sent + "." + name, p.valid + "." + lowerFirst(name)}
}

func (p path) elem(i int) path {
	return path{p.sent + " member", p.valid + "." + strconv.Itoa(i+1) + ".member"}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// reader reads one request body: the first value of the wrong JSON type
// makes serial the message of a SerializationException (and stops the
// reading); each broken constraint adds to v, the violations of a
// ValidationException.
type reader struct {
	serial string
	v      violations
}

func (r *reader) fail(format string, args ...any) {
	if r.serial == "" {
		r.serial = fmt.Sprintf(format, args...)
	}
}

// present returns the member key of m unless it is absent or null, which
// the service's deserializer does not tell apart.
func present(m map[string]json.RawMessage, key string) (json.RawMessage, bool) {
	raw, ok := m[key]
	if !ok || isNull(raw) {
		return nil, false
	}
	return raw, true
}

// object reads a JSON object; keys match exactly and unknown ones are
// ignored, as the service's deserializer does.
func (r *reader) object(raw json.RawMessage, p path) map[string]json.RawMessage {
	if r.serial != "" {
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		switch {
		case p.sent == "" && jsonKind(raw) == "null":
			r.fail("The request body must be a JSON object, not null")
		case p.sent == "" && jsonKind(raw) != "an object":
			r.fail("The request body must be a JSON object")
		case p.sent == "":
			r.fail("Malformed JSON request body: %v", err)
		default:
			r.fail("Expected an object for %s, got %s", p.sent, jsonKind(raw))
		}
		return nil
	}
	return m
}

func (r *reader) str(raw json.RawMessage, p path) (string, bool) {
	if r.serial != "" {
		return "", false
	}
	var s string
	if jsonKind(raw) != "a string" || json.Unmarshal(raw, &s) != nil {
		r.fail("Expected a string for %s, got %s", p.sent, jsonKind(raw))
		return "", false
	}
	return s, true
}

// integer reads an integer that fits in 32 bits; an integral value
// written with a fraction or exponent is accepted, as the service's
// deserializer accepts it.
func (r *reader) integer(raw json.RawMessage, p path) (int64, bool) {
	if r.serial != "" {
		return 0, false
	}
	if jsonKind(raw) != "a number" {
		r.fail("Expected an integer for %s, got %s", p.sent, jsonKind(raw))
		return 0, false
	}
	text := string(bytes.TrimSpace(raw))
	if v, err := strconv.ParseInt(text, 10, 32); err == nil {
		return v, true
	}
	if f, err := strconv.ParseFloat(text, 64); err == nil && f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32 {
		return int64(f), true
	}
	r.fail("Expected an integer for %s, got %s", p.sent, text)
	return 0, false
}

func (r *reader) number(raw json.RawMessage, p path) (float64, bool) {
	if r.serial != "" {
		return 0, false
	}
	var f float64
	if jsonKind(raw) != "a number" || json.Unmarshal(raw, &f) != nil {
		r.fail("Expected a number for %s, got %s", p.sent, jsonKind(raw))
		return 0, false
	}
	return f, true
}

func (r *reader) boolean(raw json.RawMessage, p path) (bool, bool) {
	if r.serial != "" {
		return false, false
	}
	var b bool
	if jsonKind(raw) != "a boolean" || json.Unmarshal(raw, &b) != nil {
		r.fail("Expected a boolean for %s, got %s", p.sent, jsonKind(raw))
		return false, false
	}
	return b, true
}

// blob reads a base64 string.
func (r *reader) blob(raw json.RawMessage, p path) ([]byte, bool) {
	s, ok := r.str(raw, p)
	if !ok {
		return nil, false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		r.fail("%s is not valid base64: %v", p.sent, err)
		return nil, false
	}
	return b, true
}

// list reads a list; of names its elements in the error, e.g. "strings".
func (r *reader) list(raw json.RawMessage, p path, of string) ([]json.RawMessage, bool) {
	if r.serial != "" {
		return nil, false
	}
	var items []json.RawMessage
	if jsonKind(raw) != "a list" || json.Unmarshal(raw, &items) != nil {
		r.fail("Expected a list of %s for %s, got %s", of, p.sent, jsonKind(raw))
		return nil, false
	}
	return items, true
}

func (r *reader) stringMap(raw json.RawMessage, p path) (map[string]string, bool) {
	m := r.object(raw, p)
	if m == nil {
		return nil, false
	}
	out := make(map[string]string, len(m))
	for k, raw := range m {
		s, ok := r.str(raw, path{p.sent + "[" + strconv.Quote(k) + "]", p.valid})
		if !ok {
			return nil, false
		}
		out[k] = s
	}
	return out, true
}

// required records a missing required member.
func (r *reader) required(p path) {
	r.v = append(r.v, fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", p.valid))
}

// length checks a string's length in characters; -1 is no bound.
func (r *reader) length(s string, p path, lo, hi int) {
	r.v.length(s, p.valid, lo, hi)
}

func (r *reader) pattern(s string, p path, ok bool, pattern string) {
	if !ok {
		r.v.add(s, p.valid, "satisfy regular expression pattern: "+pattern)
	}
}

func (r *reader) enum(s string, p path, values []string) {
	if !slices.Contains(values, s) {
		r.v.add(s, p.valid, "satisfy enum value set: ["+strings.Join(values, ", ")+"]")
	}
}

// enumList checks a list of enum values, reporting the list once, as the
// service does.
func enumList[S ~string](r *reader, list []S, p path, values []string) {
	for _, v := range list {
		if !slices.Contains(values, string(v)) {
			r.v.add(javaList(list), p.valid, "satisfy constraint: [Member must satisfy enum value set: ["+strings.Join(values, ", ")+"]]")
			return
		}
	}
}

func (r *reader) intRange(n int64, p path, lo, hi int64) {
	if lo != -1 {
		r.v.atLeast(n, p.valid, lo)
	}
	if hi != -1 {
		r.v.atMost(n, p.valid, hi)
	}
}

func (r *reader) floatRange(f float64, p path, lo, hi float64) {
	text := strconv.FormatFloat(f, 'f', -1, 32)
	if lo != -1 && f < lo {
		r.v.add(text, p.valid, "have value greater than or equal to "+strconv.FormatFloat(lo, 'f', -1, 64))
	}
	if hi != -1 && f > hi {
		r.v.add(text, p.valid, "have value less than or equal to "+strconv.FormatFloat(hi, 'f', -1, 64))
	}
}

// blobLength checks a blob's length in bytes, naming the value as the
// service's Java validation layer does.
func (r *reader) blobLength(b []byte, p path, lo, hi int) {
	text := fmt.Sprintf("java.nio.HeapByteBuffer[pos=0 lim=%d cap=%d]", len(b), len(b))
	if lo >= 0 && len(b) < lo {
		r.v.add(text, p.valid, "have length greater than or equal to "+strconv.Itoa(lo))
	}
	if hi >= 0 && len(b) > hi {
		r.v.add(text, p.valid, "have length less than or equal to "+strconv.Itoa(hi))
	}
}

// listLength checks the number of a list's or map's items; value is how
// the service prints it.
func (r *reader) listLength(value string, n int, p path, lo, hi int) {
	if lo >= 0 && n < lo {
		r.v.add(value, p.valid, "have length greater than or equal to "+strconv.Itoa(lo))
	}
	if hi >= 0 && n > hi {
		r.v.add(value, p.valid, "have length less than or equal to "+strconv.Itoa(hi))
	}
}

// textConstraint is a map key's or value's constraint.
type textConstraint struct {
	min, max int
	match    func(string) bool
	pattern  string
}

// mapEntries checks a map's keys and values, in key order. A broken
// constraint is reported once for the keys and once for the values, with
// the whole map and every constraint of the key's (or value's) shape, as
// the validation layer of AWS's JSON services words it ("Map keys must
// satisfy constraint: [Member must have length less than or equal to 128,
// ...]").
func (r *reader) mapEntries(m map[string]string, p path, key, value textConstraint) {
	keys := sortedKeys(m)
	check := func(what string, c textConstraint, of func(k string) string) {
		for _, k := range keys {
			if c.broken(of(k)) {
				r.v = append(r.v, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: %s must satisfy constraint: [%s]",
					javaMap(m), p.valid, what, strings.Join(c.rules(), ", ")))
				return
			}
		}
	}
	check("Map keys", key, func(k string) string { return k })
	check("Map value", value, func(k string) string { return m[k] })
}

// broken reports whether s breaks the constraint.
func (c textConstraint) broken(s string) bool {
	n := utf8.RuneCountInString(s)
	return n < c.min || c.max > 0 && n > c.max || c.match != nil && !c.match(s)
}

// rules words every rule of the constraint, as the service lists them.
func (c textConstraint) rules() []string {
	var out []string
	if c.max > 0 {
		out = append(out, "Member must have length less than or equal to "+strconv.Itoa(c.max))
	}
	if c.min > 0 {
		out = append(out, "Member must have length greater than or equal to "+strconv.Itoa(c.min))
	}
	if c.match != nil {
		out = append(out, "Member must satisfy regular expression pattern: "+c.pattern)
	}
	return out
}

// javaMap formats a map as the service's messages do: "{a=1, b=2}", in
// key order.
func javaMap(m map[string]string) string {
	keys := sortedKeys(m)
	for i, k := range keys {
		keys[i] = k + "=" + m[k]
	}
	return "{" + strings.Join(keys, ", ") + "}"
}

// structList formats a list of structures by their count, where the
// service would print each object.
func structList(name string, n int) string {
	return "[" + strconv.Itoa(n) + " " + name + "]"
}

// isZero reports whether every field of *v is its zero value: such a
// structure is left out of a response.
func isZero[T any](v *T) bool { return reflect.ValueOf(v).Elem().IsZero() }

// codec is an operation's generated reader and writer without a handler:
// what a stub needs to read a request as the service reads it and to
// answer with a typed output as the service writes it.
type codec struct {
	// read decodes a body into a new Input: the Input, the
	// SerializationException message (the Input is then nil) and the
	// ValidationException message, "" when there is none.
	read func(body []byte) (in any, serial, invalid string)
	// write encodes an Output, which must be of the operation's type.
	write func(out any) ([]byte, error)
}

func newCodec[I, O any](read func(*reader, json.RawMessage, path, *I), write func([]byte, *O) []byte) codec {
	return codec{
		read: func(body []byte) (any, string, string) {
			if len(bytes.TrimSpace(body)) == 0 {
				body = []byte("{}")
			}
			in := new(I)
			r := &reader{}
			read(r, body, path{}, in)
			if r.serial != "" {
				return nil, r.serial, ""
			}
			return in, "", r.v.message()
		},
		write: func(out any) ([]byte, error) {
			o, ok := out.(*O)
			if !ok {
				return nil, fmt.Errorf("an output of type %T, want %T", out, o)
			}
			return write(nil, o), nil
		},
	}
}
