package manifest

import (
	"bufio"
	"errors"
	"io"
	"unicode/utf8"
)

// maxLineBytes is the most bytes a line of MaxLineLength characters can
// take in UTF-8, with a CR LF. A longer line is too long without counting;
// a line up to this long is counted.
const maxLineBytes = 4*MaxLineLength + 2

// scanner splits a manifest into lines in constant memory: a line longer
// than maxLineBytes is read to its end but not kept. A line ends at LF; a
// CR before it is dropped; the last line may lack its LF.
type scanner struct {
	br    *bufio.Reader
	buf   []byte // a line that spans more than one buffer
	n     int    // the number of the last line returned
	bytes int64  // bytes read
}

func newScanner(r io.Reader) *scanner {
	return &scanner{br: bufio.NewReaderSize(r, 64<<10)}
}

// next returns the next line, without its line break, valid until the
// next call; long reports a line over MaxLineLength characters, whose
// text is not returned. At the end of the input it returns io.EOF.
func (s *scanner) next() (line []byte, long bool, err error) {
	spanning := false
	s.buf = s.buf[:0]
	for {
		frag, err := s.br.ReadSlice('\n')
		s.bytes += int64(len(frag))
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if !long && len(s.buf)+len(frag) > maxLineBytes {
				long, s.buf = true, s.buf[:0]
			}
			if !long {
				s.buf = append(s.buf, frag...)
			}
			spanning = true
			continue
		case err == io.EOF && len(frag) == 0 && !spanning:
			return nil, false, io.EOF
		case err != nil && err != io.EOF:
			return nil, false, err
		}
		if spanning {
			if !long && len(s.buf)+len(frag) > maxLineBytes {
				long = true
			}
			if !long {
				s.buf = append(s.buf, frag...)
				line = s.buf
			}
		} else {
			line = frag
			long = len(line) > maxLineBytes
		}
		s.n++
		if long {
			return nil, true, nil
		}
		line = trimEOL(line)
		if len(line) > MaxLineLength && utf8.RuneCount(line) > MaxLineLength {
			return nil, true, nil
		}
		return line, false, nil
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

// blank reports whether a line holds only white space.
func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
