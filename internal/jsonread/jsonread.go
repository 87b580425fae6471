// Package jsonread is a small pull decoder for JSON held in memory: the
// caller walks the shape it expects (objects, arrays, strings, numbers)
// and skips what it does not know. It never allocates on valid input,
// except to grow its scratch buffer for strings with escapes, and its work
// is linear in the input.
//
// It accepts exactly what encoding/json accepts (RFC 8259 with the same
// nesting limit) and decodes strings the same way: escapes including
// UTF-16 surrogate pairs, and each byte of invalid UTF-8, or a lone
// surrogate, becomes U+FFFD. Input that ends in the middle of a value
// gives a *SyntaxError that wraps io.ErrUnexpectedEOF.
package jsonread

import (
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of objects and arrays accepted, counting
// the outermost value; encoding/json has the same limit.
const MaxDepth = 10000

// Kind is the kind of the next value, from its first byte.
type Kind byte

// Kinds of values. None means the input has no further value here.
const (
	None   Kind = 0
	Null   Kind = 'n'
	False  Kind = 'f'
	True   Kind = 't'
	String Kind = '"'
	Number Kind = '0'
	Object Kind = '{'
	Array  Kind = '['
)

// String names the kind as encoding/json's errors do.
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case False, True:
		return "bool"
	case String:
		return "string"
	case Number:
		return "number"
	case Object:
		return "object"
	case Array:
		return "array"
	}
	return "end of input"
}

// SyntaxError is input that is not JSON. When the input ends too early it
// wraps io.ErrUnexpectedEOF.
type SyntaxError struct {
	// Offset is the byte offset at which the error was found.
	Offset int
	msg    string
	eof    bool
}

func (e *SyntaxError) Error() string {
	if e.eof {
		return e.msg
	}
	return e.msg + " at offset " + strconv.Itoa(e.Offset)
}

// Unwrap returns io.ErrUnexpectedEOF for input that ends too early.
func (e *SyntaxError) Unwrap() error {
	if e.eof {
		return io.ErrUnexpectedEOF
	}
	return nil
}

// Decoder reads one JSON value from a byte slice. The zero value is ready
// once Reset gives it input. It is not safe for concurrent use; reuse one
// across inputs to keep its scratch buffer.
type Decoder struct {
	data  []byte
	pos   int
	depth int
	// first is set by Begin* and cleared by anything that consumes a
	// member or element, so Next* knows whether a ',' is due.
	first bool
	buf   []byte
	// stack records, for Skip, whether each open container is an object.
	stack [MaxDepth/64 + 1]uint64
}

// maxKeptScratch bounds the scratch buffer Reset keeps for reuse.
const maxKeptScratch = 64 << 10

// Reset makes d read data from its start. A scratch buffer that a long
// escaped string grew beyond 64 KiB is let go.
func (d *Decoder) Reset(data []byte) {
	d.data, d.pos, d.depth, d.first = data, 0, 0, false
	if cap(d.buf) > maxKeptScratch {
		d.buf = nil
	}
}

// Offset is the number of bytes consumed.
func (d *Decoder) Offset() int { return d.pos }

func (d *Decoder) eof() error {
	return &SyntaxError{Offset: len(d.data), msg: "unexpected end of JSON input", eof: true}
}

func (d *Decoder) invalid(context string) error {
	if d.pos >= len(d.data) {
		return d.eof()
	}
	return &SyntaxError{Offset: d.pos, msg: "invalid character " + quoteChar(d.data[d.pos]) + " " + context}
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < utf8.RuneSelf:
		s := strconv.QuoteRune(rune(c))
		return "'" + s[1:len(s)-1] + "'"
	}
	return "byte " + strconv.Itoa(int(c))
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func (d *Decoder) skipSpace() {
	for d.pos < len(d.data) && isSpace(d.data[d.pos]) {
		d.pos++
	}
}

// Peek skips white space and returns the kind of the next value, or None
// at the end of the input or before a byte that starts no value.
func (d *Decoder) Peek() Kind {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return None
	}
	switch c := d.data[d.pos]; c {
	case 'n', 'f', 't', '"', '{', '[':
		return Kind(c)
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return Number
	}
	return None
}

// BeginObject consumes the '{' of an object; Peek must have returned
// Object.
func (d *Decoder) BeginObject() error { return d.begin('{') }

// BeginArray consumes the '[' of an array; Peek must have returned Array.
func (d *Decoder) BeginArray() error { return d.begin('[') }

func (d *Decoder) begin(c byte) error {
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != c {
		return d.invalid("looking for beginning of value")
	}
	if d.depth >= MaxDepth {
		return &SyntaxError{Offset: d.pos, msg: "exceeded max depth"}
	}
	d.pos++
	d.depth++
	d.first = true
	return nil
}

// NextKey moves to the next member of the object begun last and returns
// its key, decoded; the caller must then consume its value (Skip will
// do). At the object's '}' it returns ok false. The key is valid until the
// next call that reads a string.
func (d *Decoder) NextKey() (key []byte, ok bool, err error) {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return nil, false, d.eof()
	}
	c := d.data[d.pos]
	if c == '}' {
		// "{}" or the end after a member; "{"a":1,}" fails below, as
		// the ',' is consumed first.
		d.pos++
		d.depth--
		d.first = false
		return nil, false, nil
	}
	if !d.first {
		if c != ',' {
			return nil, false, d.invalid("after object key:value pair")
		}
		d.pos++
		d.skipSpace()
	}
	d.first = false
	if d.pos >= len(d.data) {
		return nil, false, d.eof()
	}
	if d.data[d.pos] != '"' {
		return nil, false, d.invalid("looking for beginning of object key string")
	}
	key, err = d.ReadString()
	if err != nil {
		return nil, false, err
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		return nil, false, d.eof()
	}
	if d.data[d.pos] != ':' {
		return nil, false, d.invalid("after object key")
	}
	d.pos++
	return key, true, nil
}

// NextElem moves to the next element of the array begun last; the caller
// must then consume it. At the array's ']' it returns false.
func (d *Decoder) NextElem() (bool, error) {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return false, d.eof()
	}
	c := d.data[d.pos]
	if c == ']' {
		d.pos++
		d.depth--
		d.first = false
		return false, nil
	}
	if !d.first {
		if c != ',' {
			return false, d.invalid("after array element")
		}
		d.pos++
	}
	d.first = false
	return true, nil
}

// plain marks the bytes a string may hold as they are: printable ASCII
// other than '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// ReadString consumes a string and returns its decoded bytes, which are
// valid until the next call that reads a string. Peek must have returned
// String.
func (d *Decoder) ReadString() ([]byte, error) {
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return nil, d.invalid("looking for beginning of value")
	}
	d.first = false
	data := d.data
	start := d.pos + 1
	i := start
	for i+4 <= len(data) && plain[data[i]] && plain[data[i+1]] && plain[data[i+2]] && plain[data[i+3]] {
		i += 4
	}
	for i < len(data) && plain[data[i]] {
		i++
	}
	if i < len(data) && data[i] == '"' {
		d.pos = i + 1
		return data[start:i], nil
	}
	return d.readStringSlow(start, i)
}

// readStringSlow decodes a string from i on, where the first byte that is
// not plain ASCII is; data[start:i] is plain.
func (d *Decoder) readStringSlow(start, i int) ([]byte, error) {
	data := d.data
	b := append(d.buf[:0], data[start:i]...)
	for {
		if i >= len(data) {
			d.pos = i
			return nil, d.eof()
		}
		c := data[i]
		switch {
		case plain[c]:
			b = append(b, c)
			i++
		case c == '"':
			d.pos = i + 1
			d.buf = b
			return b, nil
		case c == '\\':
			i++
			if i >= len(data) {
				d.pos = i
				return nil, d.eof()
			}
			switch e := data[i]; e {
			case '"', '\\', '/':
				b = append(b, e)
				i++
			case 'b':
				b = append(b, '\b')
				i++
			case 'f':
				b = append(b, '\f')
				i++
			case 'n':
				b = append(b, '\n')
				i++
			case 'r':
				b = append(b, '\r')
				i++
			case 't':
				b = append(b, '\t')
				i++
			case 'u':
				r, n, err := d.hex4(i + 1)
				if err != nil {
					return nil, err
				}
				i += 1 + n
				if utf16.IsSurrogate(r) {
					// A pair is a high surrogate then an escaped low one;
					// anything else leaves U+FFFD for the first.
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						if r2, n2, err := d.hex4(i + 2); err == nil {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								b = utf8.AppendRune(b, dec)
								i += 2 + n2
								continue
							}
						} else if !d.isEOF(err) {
							return nil, err
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			default:
				d.pos = i
				return nil, d.invalid("in string escape code")
			}
		case c < 0x20:
			d.pos = i
			return nil, d.invalid("in string literal")
		default:
			// Multi-byte UTF-8; each byte of an invalid sequence becomes
			// U+FFFD, as in encoding/json.
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, data[i:i+size]...)
			}
			i += size
		}
	}
}

// isEOF reports whether err is the end-of-input error: a \u escape cut by
// the end is checked again when the string is read on.
func (d *Decoder) isEOF(err error) bool {
	se, ok := err.(*SyntaxError)
	return ok && se.eof
}

// hex4 reads the four hex digits of a \u escape at data[i:].
func (d *Decoder) hex4(i int) (rune, int, error) {
	var r rune
	for k := 0; k < 4; k++ {
		if i+k >= len(d.data) {
			d.pos = len(d.data)
			return 0, 0, d.eof()
		}
		c := d.data[i+k]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			d.pos = i + k
			return 0, 0, d.invalid("in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(c)
	}
	return r, 4, nil
}

// ReadNumber consumes a number and returns its text. Peek must have
// returned Number.
func (d *Decoder) ReadNumber() ([]byte, error) {
	d.skipSpace()
	start := d.pos
	if err := d.skipNumber(); err != nil {
		return nil, err
	}
	d.first = false
	return d.data[start:d.pos], nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// skipNumber consumes -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (d *Decoder) skipNumber() error {
	data := d.data
	i := d.pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		d.pos = i
		return d.eof()
	case data[i] == '0':
		i++
	case isDigit(data[i]):
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	default:
		d.pos = i
		return d.invalid("in numeric literal")
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) {
			d.pos = i
			return d.eof()
		}
		if !isDigit(data[i]) {
			d.pos = i
			return d.invalid("after decimal point in numeric literal")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) {
			d.pos = i
			return d.eof()
		}
		if !isDigit(data[i]) {
			d.pos = i
			return d.invalid("in exponent of numeric literal")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	d.pos = i
	return nil
}

// skipLiteral consumes true, false or null.
func (d *Decoder) skipLiteral(lit string) error {
	for k := 0; k < len(lit); k++ {
		if d.pos >= len(d.data) {
			return d.eof()
		}
		if d.data[d.pos] != lit[k] {
			return d.invalid("in literal " + lit)
		}
		d.pos++
	}
	return nil
}

// skipString consumes a string without decoding it.
func (d *Decoder) skipString() error {
	data := d.data
	i := d.pos + 1
	for {
		for i < len(data) && (plain[data[i]] || data[i] >= 0x80) {
			i++
		}
		if i >= len(data) {
			d.pos = i
			return d.eof()
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return nil
		case c == '\\':
			i++
			if i >= len(data) {
				d.pos = i
				return d.eof()
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				if _, _, err := d.hex4(i + 1); err != nil {
					return err
				}
				i += 5
			default:
				d.pos = i
				return d.invalid("in string escape code")
			}
		default:
			d.pos = i
			return d.invalid("in string literal")
		}
	}
}

// Skip consumes one value of any kind, checking its syntax, without
// recursion.
func (d *Decoder) Skip() error {
	d.first = false
	level := 0 // containers opened by this call
	for {
		// A value is due.
		d.skipSpace()
		if d.pos >= len(d.data) {
			return d.eof()
		}
		var err error
		switch c := d.data[d.pos]; c {
		case '{', '[':
			if d.depth+level >= MaxDepth {
				return &SyntaxError{Offset: d.pos, msg: "exceeded max depth"}
			}
			word, bit := level/64, uint64(1)<<(level%64)
			if c == '{' {
				d.stack[word] |= bit
			} else {
				d.stack[word] &^= bit
			}
			level++
			d.pos++
			d.skipSpace()
			if d.pos >= len(d.data) {
				return d.eof()
			}
			if c == '{' && d.data[d.pos] == '}' || c == '[' && d.data[d.pos] == ']' {
				d.pos++
				level--
				break
			}
			if c == '{' {
				if err := d.skipKey(); err != nil {
					return err
				}
			}
			continue
		case '"':
			err = d.skipString()
		case 't':
			err = d.skipLiteral("true")
		case 'f':
			err = d.skipLiteral("false")
		case 'n':
			err = d.skipLiteral("null")
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			err = d.skipNumber()
		default:
			return d.invalid("looking for beginning of value")
		}
		if err != nil {
			return err
		}
		// A value ended: close containers or move to the next value.
		for {
			if level == 0 {
				return nil
			}
			inObject := d.stack[(level-1)/64]&(1<<((level-1)%64)) != 0
			d.skipSpace()
			if d.pos >= len(d.data) {
				return d.eof()
			}
			c := d.data[d.pos]
			if inObject && c == '}' || !inObject && c == ']' {
				d.pos++
				level--
				continue
			}
			if c != ',' {
				if inObject {
					return d.invalid("after object key:value pair")
				}
				return d.invalid("after array element")
			}
			d.pos++
			if inObject {
				d.skipSpace()
				if err := d.skipKey(); err != nil {
					return err
				}
			}
			break
		}
	}
}

// skipKey consumes `"key":` inside an object being skipped.
func (d *Decoder) skipKey() error {
	if d.pos >= len(d.data) {
		return d.eof()
	}
	if d.data[d.pos] != '"' {
		return d.invalid("looking for beginning of object key string")
	}
	if err := d.skipString(); err != nil {
		return err
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		return d.eof()
	}
	if d.data[d.pos] != ':' {
		return d.invalid("after object key")
	}
	d.pos++
	return nil
}

// End checks that only white space follows the value read.
func (d *Decoder) End() error {
	d.skipSpace()
	if d.pos < len(d.data) {
		return d.invalid("after top-level value")
	}
	return nil
}

// Valid checks that data is exactly one JSON value, as encoding/json's
// Valid does, and returns the first syntax error.
func (d *Decoder) Valid(data []byte) error {
	d.Reset(data)
	if err := d.Skip(); err != nil {
		return err
	}
	return d.End()
}
