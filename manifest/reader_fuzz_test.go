package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzReader reads arbitrary bytes as a manifest and checks that every
// line the Reader returns writes back as the same JSON, that it refuses
// exactly the lines encoding/json refuses (or that are too long), and
// that Validate's counts add up.
func FuzzReader(f *testing.F) {
	for _, name := range []string{"classification.manifest", "detection.manifest", "service_entries.manifest"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		for _, line := range bytes.Split(data, []byte("\n")) {
			f.Add(line)
		}
	}
	for _, s := range []string{
		"", "\n", "\r\n\r\n", "{}", "[]", `{"source-ref":"s3://b/k"}` + "\r\n\n  \n{",
		`{"a":1,"a-metadata":{"type":"groundtruth/image-classification","confidence":1e400}}`,
		`{"a":-0,"a-metadata":{"type":"groundtruth/image-classification","class-name":"\ud800","confidence":-0}}`,
		`{"b":{"image_size":[{"width":1e2,"height":1,"depth":1}],"annotations":[{"class_id":0,"top":-0.0,"left":1E-7,"width":1e21,"height":0}]},"b-metadata":{"type":"groundtruth/object-detection","objects":[{"confidence":1}],"class-map":{"0":"x","00":"y","0":"z"}}}`,
		`{"x":{"errors":[{"code":"E","message":"m"}],"cl-errors":[]},"errors":[],"errors":[{"code":1}]}`,
		"{\"source-ref\":\"\xff\u2028\",\"source-ref\":null}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Split(data, []byte("\n"))
		if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
			lines = lines[:len(lines)-1]
		}
		r := NewReader(bytes.NewReader(data))
		for {
			l, err := r.Next()
			if err == io.EOF {
				break
			}
			n := r.LineNumber()
			if n < 1 || n > len(lines) {
				t.Fatalf("line number %d of %d lines", n, len(lines))
			}
			orig := bytes.TrimSuffix(lines[n-1], []byte("\r"))
			var le *LineError
			if errors.As(err, &le) {
				if le.Line != n {
					t.Fatalf("LineError.Line = %d, want %d", le.Line, n)
				}
				long := utf8.RuneCount(orig) > MaxLineLength
				if !long && json.Valid(orig) && bytes.HasPrefix(bytes.TrimLeft(orig, " \t\r"), []byte("{")) {
					t.Fatalf("line %d refused (%v), but it is a JSON object: %q", n, err, orig)
				}
				continue
			}
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if !json.Valid(orig) {
				t.Fatalf("line %d read, but it is not JSON: %q", n, orig)
			}
			out, err := l.MarshalJSON()
			var fe *FieldError
			if errors.As(err, &fe) && fe.Field == "Line" {
				continue // escaping U+2028 and U+2029 can make a line too long
			}
			if err != nil {
				t.Fatalf("line %d: MarshalJSON: %v", n, err)
			}
			if !sameJSON(t, orig, out) {
				t.Fatalf("line %d changed:\n in: %s\nout: %s", n, orig, out)
			}
			again, err := ParseLine(out)
			if err != nil {
				t.Fatalf("ParseLine(%s): %v", out, err)
			}
			out2, err := again.MarshalJSON()
			if err != nil || !bytes.Equal(out, out2) {
				t.Fatalf("writing again: %v\n 1st: %s\n 2nd: %s", err, out, out2)
			}
			_ = l.HasErrors()
			_ = l.Labels()
			_ = l.Check()
		}
		rep, err := Validate(bytes.NewReader(data), Options{})
		if err != nil {
			t.Fatalf("Validate: %v", err)
		}
		if got := rep.ValidLines + rep.InvalidLines + rep.IgnoredLines + rep.UncheckedLines; got != rep.Lines || rep.Lines != len(lines) {
			t.Fatalf("Validate counted %d lines (%+v), the input has %d", got, rep, len(lines))
		}
		_ = CheckTraining(rep, rep)
	})
}
