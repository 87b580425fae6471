package manifest

import (
	"bufio"
	"io"
)

// Writer writes a manifest, one line per Write, through a buffer: call
// Flush at the end.
type Writer struct {
	w   *bufio.Writer
	buf []byte
	enc encoder
	n   int
	err error
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10)}
}

// Write writes l as one line of JSON and a line break (see
// [Line.AppendJSON] for the order of the members). A line that cannot be
// written, such as one with a NaN, gives an [*FieldError] and writes
// nothing; the Writer stays usable. An error from the underlying writer
// is returned by this and every later call.
func (w *Writer) Write(l Line) error {
	if w.err != nil {
		return w.err
	}
	var err error
	w.buf, err = w.enc.appendLine(w.buf[:0], &l)
	if err != nil {
		return err
	}
	w.buf = append(w.buf, '\n')
	if _, err := w.w.Write(w.buf); err != nil {
		w.err = err
		return err
	}
	w.n++
	if cap(w.buf) > maxLineBytes {
		w.buf = nil
	}
	return nil
}

// Lines returns the number of lines written.
func (w *Writer) Lines() int { return w.n }

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if err := w.w.Flush(); err != nil {
		w.err = err
		return err
	}
	return nil
}
