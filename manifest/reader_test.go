package manifest

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refLine returns a valid-looking JSON line with source-ref s3://b/<key>,
// padded to at least n bytes with a member of pad.
func refLine(key string, n int, pad string) string {
	s := `{"source-ref":"s3://bucket/` + key + `"}`
	if len(s) >= n {
		return s
	}
	fill := strings.Repeat(pad, (n-len(s)-10)/len(pad)+1)
	return `{"source-ref":"s3://bucket/` + key + `","pad":"` + fill + `"}`
}

func TestReaderCountsLinesAsTheServiceDoes(t *testing.T) {
	in := "\n" + refLine("a", 0, "") + "\r\n  \t\n" + refLine("b", 0, "") + "\n\n" + refLine("c", 0, "")
	r := NewReader(strings.NewReader(in))
	var got []string
	var nums []int
	for l, err := range r.All() {
		require.NoError(t, err)
		got = append(got, l.SourceRef)
		nums = append(nums, r.LineNumber())
	}
	assert.Equal(t, []string{"s3://bucket/a", "s3://bucket/b", "s3://bucket/c"}, got)
	assert.Equal(t, []int{2, 4, 6}, nums, "blank lines are counted")
	_, err := r.Next()
	assert.Equal(t, io.EOF, err, "Next after the end")
}

func TestReaderLongLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
		long bool
	}{
		{"spans the buffer", padTo(70_000, "x"), false},
		{"exactly the limit", padTo(MaxLineLength, "x"), false},
		{"one over the limit", padTo(MaxLineLength+1, "x"), true},
		{"limit in two-byte characters", padTo(MaxLineLength, "é"), false},
		{"over the limit in two-byte characters", padTo(MaxLineLength+1, "é"), true},
		{"limit in four-byte characters", padTo(MaxLineLength, "😀"), false},
		{"past the buffer cap", padTo(maxLineBytes+10, "x"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := refLine("before", 0, "") + "\n" + tc.line + "\n" + refLine("after", 0, "") + "\n"
			r := NewReader(iotest.HalfReader(strings.NewReader(in)))
			l, err := r.Next()
			require.NoError(t, err)
			assert.Equal(t, "s3://bucket/before", l.SourceRef)
			l, err = r.Next()
			if tc.long {
				var le *LineError
				require.ErrorAs(t, err, &le)
				assert.Equal(t, 2, le.Line)
				assert.Equal(t, CodeLineTooLong, le.Code)
				assert.ErrorIs(t, err, ErrLineTooLong)
			} else {
				require.NoError(t, err)
				assert.Equal(t, "s3://bucket/long", l.SourceRef)
			}
			l, err = r.Next()
			require.NoError(t, err)
			assert.Equal(t, "s3://bucket/after", l.SourceRef)
			assert.Equal(t, 3, r.LineNumber())
		})
	}
}

// padTo returns a JSON line of exactly n characters of which the padding
// is made of pad.
func padTo(n int, pad string) string {
	head, tail := `{"source-ref":"s3://bucket/long","pad":"`, `"}`
	fill := n - len(head) - len(tail)
	return head + strings.Repeat(pad, fill) + tail
}

func TestReaderGoesOnAfterABadLine(t *testing.T) {
	in := refLine("a", 0, "") + "\n{not json}\n[1]\n" + refLine("b", 0, "") + "\n"
	r := NewReader(strings.NewReader(in))
	var refs []string
	var errLines []int
	for l, err := range r.All() {
		var le *LineError
		if errors.As(err, &le) {
			assert.Equal(t, CodeInvalidJSONLine, le.Code)
			assert.Equal(t, Line{}, l)
			errLines = append(errLines, le.Line)
			continue
		}
		require.NoError(t, err)
		refs = append(refs, l.SourceRef)
	}
	assert.Equal(t, []string{"s3://bucket/a", "s3://bucket/b"}, refs)
	assert.Equal(t, []int{2, 3}, errLines)
}

func TestReaderReportsReadErrorsOnce(t *testing.T) {
	boom := errors.New("connection reset")
	in := io.MultiReader(strings.NewReader(refLine("a", 0, "")+"\n"+`{"source-ref":"s3://b`), iotest.ErrReader(boom))
	r := NewReader(in)
	var errs []error
	n := 0
	for _, err := range r.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	assert.Equal(t, 1, n)
	require.Len(t, errs, 1, "the error is yielded once, as the last pair")
	assert.ErrorIs(t, errs[0], boom)
	assert.Contains(t, errs[0].Error(), "line 2")
	_, err := r.Next()
	assert.ErrorIs(t, err, boom, "the error sticks")
}

func TestReaderAllStopsOnBreak(t *testing.T) {
	r := NewReader(strings.NewReader(refLine("a", 0, "") + "\n" + refLine("b", 0, "") + "\n" + refLine("c", 0, "") + "\n"))
	for range r.All() {
		break
	}
	l, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, "s3://bucket/b", l.SourceRef, "ranging again goes on")
}
