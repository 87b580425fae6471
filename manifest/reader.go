package manifest

import (
	"errors"
	"io"
	"iter"
	"strconv"
)

// ErrLineTooLong is the error of a [LineError] for a line longer than
// MaxLineLength characters.
var ErrLineTooLong = errors.New("the line is longer than " + strconv.Itoa(MaxLineLength) + " characters")

// LineError is a line that is not a manifest line: not JSON, JSON that is
// not an object, or too long. The service drops such a line. A Reader
// that returns one goes on with the next line.
type LineError struct {
	// Line is the 1-based number of the line, blank lines counted.
	Line int
	// Code is ERROR_INVALID_JSON_LINE, or LINE_TOO_LONG.
	Code Code
	// Err says what is wrong: a syntax error, or ErrLineTooLong.
	Err error
}

// Error returns "manifest: line N: CODE: cause".
func (e *LineError) Error() string {
	return "manifest: line " + strconv.Itoa(e.Line) + ": " + string(e.Code) + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *LineError) Unwrap() error { return e.Err }

// Reader reads the lines of a manifest one at a time, in constant memory:
// it holds one line (at most MaxLineLength characters) and a 64 KiB
// buffer, whatever the size of the manifest. It skips blank lines but
// counts them, as the service does, so line numbers match the file.
type Reader struct {
	s   *scanner
	dec decoder
	err error
}

// NewReader returns a Reader of the manifest r.
func NewReader(r io.Reader) *Reader {
	return &Reader{s: newScanner(r)}
}

// Next returns the next line that is not blank. At the end of the
// manifest it returns io.EOF. A line that is not valid gives a
// [*LineError]; the next call goes on with the following line. An error
// reading r is returned, naming the line, and again by every later call.
func (r *Reader) Next() (Line, error) {
	for {
		if r.err != nil {
			return Line{}, r.err
		}
		data, long, err := r.s.next()
		switch {
		case err == io.EOF:
			r.err = io.EOF
			continue
		case err != nil:
			r.err = &readError{line: r.s.n + 1, err: err}
			continue
		case long:
			return Line{}, &LineError{Line: r.s.n, Code: CodeLineTooLong, Err: ErrLineTooLong}
		case blank(data):
			continue
		}
		if err := r.dec.decode(data); err != nil {
			return Line{}, &LineError{Line: r.s.n, Code: CodeInvalidJSONLine, Err: err}
		}
		return r.dec.toLine(), nil
	}
}

// LineNumber returns the number of the line Next read last, blank lines
// counted; 0 before the first.
func (r *Reader) LineNumber() int { return r.s.n }

// All returns an iterator over the lines, which calls Next: each valid
// line with a nil error, and each line that is not valid as a zero Line
// with its [*LineError], going on after it. An error reading the manifest
// is yielded once, as the last pair; the end of the manifest ends the
// iteration without an error. Ranging again continues where the last
// range stopped.
func (r *Reader) All() iter.Seq2[Line, error] {
	return func(yield func(Line, error) bool) {
		for {
			l, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(l, err) {
				return
			}
			var le *LineError
			if err != nil && !errors.As(err, &le) {
				return
			}
		}
	}
}

// readError is an error reading the manifest.
type readError struct {
	line int
	err  error
}

func (e *readError) Error() string {
	return "manifest: reading line " + strconv.Itoa(e.line) + ": " + e.err.Error()
}

func (e *readError) Unwrap() error { return e.err }
