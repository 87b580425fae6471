// Package jsondec decodes awsJson1_1 response bodies into the client's
// shapes. Each shape's decoder is a short switch over member names that
// calls the shared readers here:
//
//	func decodeS3Object(d *jsondec.Decoder, o *S3Object) {
//		for d.Object(); d.More(); {
//			switch string(d.Key()) {
//			case "Bucket":
//				d.String(&o.Bucket)
//			case "Name":
//				d.String(&o.Name)
//			}
//		}
//	}
//
// (Loops, not iterators: a range-over-func body is a closure, which
// would escape to the heap once per object.) A member the switch does not
// read is skipped, whatever it holds. The
// first error sticks: every reader does nothing once one has happened, and
// Finish returns it, with the member path ("ProjectDescriptions[3].Status")
// in its text. One element budget bounds the list elements of the whole
// response, so that a hostile body cannot make the client allocate without
// bound.
//
// The readers follow encoding/json's semantics for the Go types they fill,
// with the differences the client wants (see the operation decoders' doc
// comments): member names match exactly; null leaves a member unchanged;
// enums keep unknown values; timestamps are epoch-second numbers parsed
// exactly; input cut short wraps io.ErrUnexpectedEOF.
//
// It runs on internal/jsonread, a pull tokenizer that allocates nothing on
// valid input. When the module's minimum Go version reaches 1.27, whose
// standard library has encoding/json/jsontext, move the tokenizer onto it
// (measure first: go-json-experiment's jsontext was 1.6 to 2.0 times slower
// than jsonread on a page of 100 projects in 2026); the readers and the
// shape decoders above them need not change. Until then jsontext cannot be
// required while Go 1.26 is supported, and go-json-experiment asks public
// modules not to depend on it.
package jsondec

import (
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/rekognition-go/customlabels/internal/jsonread"
	"github.com/rekognition-go/customlabels/internal/timestamp"
)

// Decoder is the state of one decoding. Get one with New, read the shape
// with the readers, then call Finish.
type Decoder struct {
	r    jsonread.Decoder
	data []byte
	root string
	err  error
	// path is the member path to the value being read: a key, or a list
	// index (key nil), per level.
	path []segment
	// budget is the number of list elements left to decode.
	budget, limit int
	// used is set by every reader, so that Members can skip a value its
	// loop body did not read.
	used bool
	// last is the last string SharedString decoded: equal consecutive
	// strings share one allocation, within a response and across
	// responses while the Decoder is reused.
	last string
}

type segment struct {
	kind  segmentKind
	key   []byte
	index int
}

type segmentKind uint8

const (
	listElement  segmentKind = iota // index is set
	objectStart                     // Object began it; no member read yet
	objectMember                    // key is the member being read
	objectDone                      // null or an error: More ends it
)

var decoders = sync.Pool{New: func() any { return new(Decoder) }}

// maxKeptShared bounds the string SharedString keeps between decodings.
const maxKeptShared = 256

// New returns a pooled Decoder over data. root names the whole value in
// error messages ("DescribeProjects response"); budget is the number of
// list elements the response may hold, all lists together.
func New(data []byte, root string, budget int) *Decoder {
	d := decoders.Get().(*Decoder)
	d.r.Reset(data)
	d.data, d.root, d.err = data, root, nil
	d.path = d.path[:0]
	d.budget, d.limit = budget, budget
	return d
}

// Finish checks that nothing but white space follows the value, returns the
// Decoder to the pool and returns the first error. As encoding/json does, a
// syntax error anywhere in the input, or its early end, is reported before
// a type error. d must not be used after Finish.
func (d *Decoder) Finish() error {
	err := d.err
	if err == nil {
		err = d.r.End()
	}
	var se *jsonread.SyntaxError
	if err != nil && !errors.As(err, &se) {
		if verr := d.r.Valid(d.data); verr != nil {
			err = verr
		}
	}
	if len(d.last) > maxKeptShared {
		d.last = ""
	}
	clear(d.path[:cap(d.path)])
	d.path = d.path[:0]
	d.data = nil
	d.r.Reset(nil)
	d.err = nil
	decoders.Put(d)
	return err
}

// Err returns the first error so far.
func (d *Decoder) Err() error { return d.err }

// Fail records err, wrapped with the member path, unless an error came
// first. Shape decoders call it for rules of their own.
func (d *Decoder) Fail(err error) {
	if d.err == nil {
		d.err = &PathError{Path: d.Path(), Err: err}
	}
}

// fail records an error that already says where it is.
func (d *Decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Path returns the member path of the value being read, e.g.
// "ProjectVersionDescriptions[2].TrainingDataResult.Input.Assets[0]", or
// the root name at the top.
func (d *Decoder) Path() string {
	var b []byte
	for _, s := range d.path {
		switch s.kind {
		case listElement:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.index), 10)
			b = append(b, ']')
		case objectMember:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, s.key...)
		}
	}
	if len(b) == 0 {
		return d.root
	}
	return string(b)
}

// PathError is an error in the value at Path.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

// TypeError is a value of the wrong JSON type; its text follows
// encoding/json's.
type TypeError struct {
	Kind jsonread.Kind
	Path string
	Want string
}

func (e *TypeError) Error() string {
	return "json: cannot unmarshal " + e.Kind.String() + " into " + e.Path + " of type " + e.Want
}

// TooManyError is a response with more list elements than its budget.
type TooManyError struct{ Limit int }

func (e *TooManyError) Error() string {
	return "response has more than " + strconv.Itoa(e.Limit) + " list elements"
}

// mismatch records a value of kind k where want was expected: the syntax
// error at this point when k starts no value, a type error otherwise.
func (d *Decoder) mismatch(k jsonread.Kind, want string) {
	if k == jsonread.None {
		d.fail(d.r.Skip())
		return
	}
	d.fail(&TypeError{Kind: k, Path: d.Path(), Want: want})
}

// start begins a reader: it reports whether a value of kind want follows.
// null is consumed (leaving the member unchanged) and any other kind is a
// mismatch; both return false.
func (d *Decoder) start(want jsonread.Kind, name string) bool {
	d.used = true
	if d.err != nil {
		return false
	}
	switch k := d.r.Peek(); k {
	case want:
		return true
	case jsonread.Null:
		d.fail(d.r.Skip())
	default:
		d.mismatch(k, name)
	}
	return false
}

// Object begins the object that follows, for a loop over its members:
//
//	for d.Object(); d.More(); {
//		switch string(d.Key()) {
//		case "Name":
//			d.String(&o.Name)
//		}
//	}
//
// A member the loop does not read is skipped. null runs the loop zero
// times; another type is an error. Loops nest: a reader inside may begin
// an object of its own, which must be read to its end first (as a loop
// does).
func (d *Decoder) Object() {
	open := d.start(jsonread.Object, "object")
	if open {
		if err := d.r.BeginObject(); err != nil {
			d.fail(err)
			open = false
		}
	}
	d.path = append(d.path, segment{kind: objectStart})
	if !open {
		d.path[len(d.path)-1].kind = objectDone
	}
}

// More moves to the next member of the innermost object that Object began,
// skipping the value of the last member when the loop did not read it. It
// returns false, and ends the object, at its end or after an error.
func (d *Decoder) More() bool {
	top := len(d.path) - 1
	s := &d.path[top]
	if s.kind == objectMember && d.err == nil && !d.used {
		d.fail(d.r.Skip())
	}
	if s.kind == objectDone || d.err != nil {
		d.path = d.path[:top]
		d.used = true
		return false
	}
	key, ok, err := d.r.NextKey()
	if err != nil || !ok {
		d.fail(err)
		d.path = d.path[:top]
		d.used = true
		return false
	}
	*s = segment{kind: objectMember, key: key}
	d.used = false
	return true
}

// Key returns the name of the current member. It is valid until More is
// called again.
func (d *Decoder) Key() []byte { return d.path[len(d.path)-1].key }

// Skip skips the value that follows.
func (d *Decoder) Skip() {
	d.used = true
	if d.err == nil {
		d.fail(d.r.Skip())
	}
}

// String reads a string.
func (d *Decoder) String(dst *string) {
	if b, ok := d.stringBytes(); ok {
		*dst = string(b)
	}
}

// SharedString reads a string that often repeats from one element to the
// next (a status message): an equal string shares the last one's memory.
func (d *Decoder) SharedString(dst *string) {
	b, ok := d.stringBytes()
	if !ok {
		return
	}
	if string(b) != d.last {
		d.last = string(b)
	}
	*dst = d.last
}

// Enum reads a string enum: a value of known takes no allocation, another
// is kept as sent.
func Enum[T ~string](d *Decoder, dst *T, known []T) {
	b, ok := d.stringBytes()
	if !ok {
		return
	}
	for _, v := range known {
		if string(v) == string(b) {
			*dst = v
			return
		}
	}
	*dst = T(b)
}

// stringBytes reads the decoded bytes of a string, valid until the next
// string is read.
func (d *Decoder) stringBytes() ([]byte, bool) {
	if !d.start(jsonread.String, "string") {
		return nil, false
	}
	b, err := d.r.ReadString()
	if err != nil {
		d.fail(err)
		return nil, false
	}
	return b, true
}

// Bool reads true or false.
func (d *Decoder) Bool(dst *bool) {
	d.used = true
	if d.err != nil {
		return
	}
	switch k := d.r.Peek(); k {
	case jsonread.True, jsonread.False:
		if err := d.r.Skip(); err != nil {
			d.fail(err)
			return
		}
		*dst = k == jsonread.True
	case jsonread.Null:
		d.fail(d.r.Skip())
	default:
		d.mismatch(k, "bool")
	}
}

// number reads the text of a number.
func (d *Decoder) number(name string) ([]byte, bool) {
	if !d.start(jsonread.Number, name) {
		return nil, false
	}
	b, err := d.r.ReadNumber()
	if err != nil {
		d.fail(err)
		return nil, false
	}
	return b, true
}

// numberError is a number that does not fit its Go type; its text follows
// encoding/json's.
func (d *Decoder) numberError(b []byte, goType string) {
	d.fail(&NumberError{Number: string(b), Path: d.Path(), Type: goType})
}

// NumberError is a JSON number that the member's Go type cannot hold: a
// fraction for an integer, or a value out of range.
type NumberError struct {
	Number, Path, Type string
}

func (e *NumberError) Error() string {
	return "json: cannot unmarshal number " + e.Number + " into " + e.Path + " of type " + e.Type
}

// Int32 reads an integer that fits in an int32.
func (d *Decoder) Int32(dst *int32) { readInt(d, dst, 32, "int32") }

// Int64 reads an integer that fits in an int64.
func (d *Decoder) Int64(dst *int64) { readInt(d, dst, 64, "int64") }

// Float32 reads a number that fits in a float32.
func (d *Decoder) Float32(dst *float32) { readFloat(d, dst, 32, "float32") }

// Float64 reads a number that fits in a float64.
func (d *Decoder) Float64(dst *float64) { readFloat(d, dst, 64, "float64") }

func readInt[T int32 | int64](d *Decoder, dst *T, bits int, goType string) {
	b, ok := d.number(goType)
	if !ok {
		return
	}
	v, err := strconv.ParseInt(string(b), 10, bits)
	if err != nil {
		d.numberError(b, goType)
		return
	}
	*dst = T(v)
}

func readFloat[T float32 | float64](d *Decoder, dst *T, bits int, goType string) {
	b, ok := d.number(goType)
	if !ok {
		return
	}
	v, err := strconv.ParseFloat(string(b), bits)
	if err != nil {
		d.numberError(b, goType)
		return
	}
	*dst = T(v)
}

// Time reads a timestamp: epoch seconds as a JSON number, parsed exactly
// from its text. A string (even a numeric or ISO 8601 one) is an error, as
// in the AWS SDK for Go.
func (d *Decoder) Time(dst *time.Time) {
	d.used = true
	if d.err != nil {
		return
	}
	switch k := d.r.Peek(); k {
	case jsonread.Number:
		b, err := d.r.ReadNumber()
		if err != nil {
			d.fail(err)
			return
		}
		t, err := timestamp.Parse(b)
		if err != nil {
			d.Fail(errors.New("timestamp " + quote(b) + ": " + err.Error()))
			return
		}
		*dst = t
	case jsonread.Null, jsonread.None:
		d.fail(d.r.Skip())
	default:
		d.Fail(errors.New("timestamp must be a JSON number of epoch seconds, got a " + k.String()))
	}
}

func quote(b []byte) string {
	if len(b) > 64 {
		return strconv.Quote(string(b[:64])) + "…"
	}
	return strconv.Quote(string(b))
}

// Scratch recycles the buffers that List decodes a fresh list into before
// copying it to a slice of exactly its length. Declare one per element
// type of a large list (a page of projects); a nil *Scratch lets List
// append as it goes, which suits short lists.
type Scratch[T any] struct{ pool sync.Pool }

// maxPooledScratch bounds the buffers kept for reuse, in elements.
const maxPooledScratch = 400

// get returns a buffer and its holder, to give back with put.
func (s *Scratch[T]) get() (*[]T, []T) {
	if s == nil {
		return nil, nil
	}
	if p, ok := s.pool.Get().(*[]T); ok {
		return p, (*p)[:0]
	}
	return new([]T), nil
}

func (s *Scratch[T]) put(p *[]T, buf []T, used int) {
	if p == nil || cap(buf) > maxPooledScratch {
		return
	}
	clear(buf[:used]) // hold no strings of this response
	*p = buf[:0]
	s.pool.Put(p)
}

// List reads an array of elements, each with elem, into *dst: null sets
// it to nil, as encoding/json does, and [] gives an empty, non-nil slice. Each element counts
// against the response's element budget. Like encoding/json, a list that
// *dst already holds (from a repeated member) is decoded over in place.
func List[T any](d *Decoder, dst *[]T, scratch *Scratch[T], elem func(*Decoder, *T)) {
	if d.err == nil && d.r.Peek() == jsonread.Null {
		*dst = nil
	}
	if !d.start(jsonread.Array, "array") {
		return
	}
	if err := d.r.BeginArray(); err != nil {
		d.fail(err)
		return
	}
	s := *dst
	fresh := s == nil
	var holder *[]T
	if fresh {
		holder, s = scratch.get()
	}
	level := len(d.path)
	d.path = append(d.path, segment{})
	i := 0
	for ; ; i++ {
		ok, err := d.r.NextElem()
		if err != nil {
			d.fail(err)
			break
		}
		if !ok {
			break
		}
		if d.budget--; d.budget < 0 {
			d.fail(&TooManyError{Limit: d.limit})
			break
		}
		switch {
		case fresh || i >= cap(s):
			var zero T
			s = append(s[:i], zero)
		case i >= len(s):
			s = s[:i+1]
		}
		d.path[level] = segment{kind: listElement, index: i}
		elem(d, &s[i])
		if d.err != nil {
			i++
			break
		}
	}
	d.path = d.path[:level]
	d.used = true
	if d.err != nil {
		if fresh {
			scratch.put(holder, s, min(i, len(s)))
		}
		return
	}
	switch {
	case i == 0:
		*dst = []T{}
	case fresh && scratch != nil:
		out := make([]T, i)
		copy(out, s[:i])
		scratch.put(holder, s, i)
		*dst = out
	default:
		*dst = s[:i:i]
	}
}

// StringMap reads an object of string values into *dst, as encoding/json
// reads a map[string]string: null sets it to nil, {} gives an empty,
// non-nil map, entries are added to a map *dst already holds, and a
// repeated key keeps its last value. Each entry counts against the
// response's element budget.
func StringMap(d *Decoder, dst *map[string]string) {
	if d.err == nil && d.r.Peek() == jsonread.Null {
		*dst = nil
	}
	if d.err == nil && d.r.Peek() == jsonread.Object && *dst == nil {
		*dst = map[string]string{}
	}
	for d.Object(); d.More(); {
		if d.budget--; d.budget < 0 {
			d.fail(&TooManyError{Limit: d.limit})
			continue
		}
		var v string
		d.String(&v)
		if d.err == nil {
			(*dst)[string(d.Key())] = v
		}
	}
}
