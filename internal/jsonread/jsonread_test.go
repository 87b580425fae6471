package jsonread

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestValidLikeEncodingJSON(t *testing.T) {
	for _, s := range []string{
		``, ` `, `null`, `true`, `false`, `0`, `-0`, `-0.5e+10`, `1E-2`, `"s"`, `[]`, `{}`,
		`{"a":[1,{"b":null}],"c":"\u00e9\ud83d\ude00\n"}`, ` [ 1 , 2 ] `,
		`01`, `1.`, `-`, `1e`, `.5`, `+1`, `tru`, `nulls`, `[1,]`, `{"a":1,}`, `{,}`, `[,1]`,
		`{"a" 1}`, `{1:2}`, `"\x"`, `"\u12"`, "\"a\x01\"", `{}{}`, `[}`, `{]`, `"\ud800"`,
		"\"\xff\"", strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
		strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
	} {
		var d Decoder
		err := d.Valid([]byte(s))
		if (err == nil) != json.Valid([]byte(s)) {
			t.Errorf("Valid(%.40q) = %v, json.Valid = %v", s, err, json.Valid([]byte(s)))
		}
	}
}

func TestTruncatedIsUnexpectedEOF(t *testing.T) {
	doc := `{"a":[1,-2.5e3,true,false,null,"x\u00e9\"y"],"b":{"c":{}}}`
	for n := 0; n < len(doc); n++ {
		var d Decoder
		err := d.Valid([]byte(doc[:n]))
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("Valid(%q) = %v, want io.ErrUnexpectedEOF", doc[:n], err)
		}
	}
}

func TestReadString(t *testing.T) {
	for in, want := range map[string]string{
		`"plain"`:                  "plain",
		`"a\"b\\c\/d\b\f\n\r\t"`:   "a\"b\\c/d\b\f\n\r\t",
		`"\u0041\u00e9\u20ac"`:     "Aé€",
		`"\ud83d\ude00"`:           "😀",
		`"\ud83d"`:                 "\uFFFD",
		`"\ude00\ud83d\ude00"`:     "\uFFFD😀",
		"\"\xff\xe2\x82\xac\xe2\"": "\uFFFD€\uFFFD",
	} {
		var d Decoder
		d.Reset([]byte(in))
		got, err := d.ReadString()
		if err != nil || string(got) != want {
			t.Errorf("ReadString(%s) = %q, %v; want %q", in, got, err, want)
		}
		var s string
		if err := json.Unmarshal([]byte(in), &s); err != nil || s != want {
			t.Errorf("the test is wrong: json.Unmarshal(%s) = %q, %v", in, s, err)
		}
	}
}

// FuzzValid holds Valid to json.Valid, and Skip's view of truncation to
// "the input ends before the value does".
func FuzzValid(f *testing.F) {
	for _, s := range []string{`{"a":[1,"x",{"b":null}]}`, `[tru`, `"\ud83d\ude00"`, `-1.5e`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Decoder
		err := d.Valid(data)
		if (err == nil) != json.Valid(data) {
			t.Fatalf("Valid(%q) = %v, json.Valid = %v", data, err, json.Valid(data))
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// Some completion of the input must be valid: the cut was
			// inside a value.
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset != len(data) {
				t.Fatalf("Valid(%q) = %v at offset %d, want the end", data, err, se.Offset)
			}
		}
	})
}

func TestResetDropsLargeScratch(t *testing.T) {
	var d Decoder
	d.Reset([]byte(`"` + strings.Repeat(`\n`, maxKeptScratch) + `"`))
	if _, err := d.ReadString(); err != nil {
		t.Fatal(err)
	}
	if cap(d.buf) <= maxKeptScratch {
		t.Fatalf("scratch cap %d, want it grown past %d", cap(d.buf), maxKeptScratch)
	}
	d.Reset(nil)
	if d.buf != nil {
		t.Errorf("Reset kept a %d-byte scratch buffer", cap(d.buf))
	}
	d.Reset([]byte(`"a\nb"`))
	if s, err := d.ReadString(); err != nil || string(s) != "a\nb" {
		t.Errorf("ReadString = %q, %v", s, err)
	}
	d.Reset(nil)
	if d.buf == nil {
		t.Error("Reset dropped a small scratch buffer")
	}
}
