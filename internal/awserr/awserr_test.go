package awserr

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		header string
		body   string
		want   Info
	}{
		{"type only", "", `{"__type":"ThrottlingException","message":"slow down"}`,
			Info{Code: "ThrottlingException", Message: "slow down", JSON: true}},
		{"namespaced", "", `{"__type":"com.amazonaws.rekognition#AccessDeniedException","Message":"no"}`,
			Info{Code: "AccessDeniedException", Message: "no", JSON: true}},
		{"colon suffix", "", `{"__type":"InvalidParameterException:http://internal.amazon.com/coral/com.amazon.coral.validate/"}`,
			Info{Code: "InvalidParameterException", JSON: true}},
		{"namespace and suffix", "", `{"__type":"aws.protocoltests#ThrottlingException:http://x/y"}`,
			Info{Code: "ThrottlingException", JSON: true}},
		{"header wins", "AccessDeniedException", `{"__type":"ThrottlingException","message":"m"}`,
			Info{Code: "AccessDeniedException", Message: "m", JSON: true}},
		{"header with suffix", "ThrottlingException:http://internal/", `{}`,
			Info{Code: "ThrottlingException", JSON: true}},
		{"header only, empty body", "InternalServerError", ``,
			Info{Code: "InternalServerError", JSON: true}},
		{"code member as fallback", "", `{"code":"InvalidPaginationTokenException","message":"bad"}`,
			Info{Code: "InvalidPaginationTokenException", Message: "bad", JSON: true}},
		{"code not a string", "", `{"code":42,"message":"m"}`,
			Info{Code: UnknownCode, Message: "m", JSON: true}},
		{"Code member", "", `{"__type":"InvalidParameterException","Message":"m","Code":"E123","Logref":"L9"}`,
			Info{Code: "InvalidParameterException", Message: "m", CodeMember: "E123", Logref: "L9", JSON: true}},
		{"lone Code names the error", "", `{"Code":"ThrottlingException"}`,
			Info{Code: "ThrottlingException", CodeMember: "ThrottlingException", JSON: true}},
		{"message preferred over Message", "", `{"__type":"X","message":"lower","Message":"upper"}`,
			Info{Code: "X", Message: "lower", JSON: true}},
		{"nothing", "", `{}`, Info{Code: UnknownCode, JSON: true}},
		{"html", "", `<html><body>502 Bad Gateway</body></html>`, Info{Code: UnknownCode}},
		{"html with header", "ServiceUnavailable", `<html></html>`, Info{Code: "ServiceUnavailable"}},
		{"json array", "", `["ThrottlingException"]`, Info{Code: UnknownCode}},
		{"truncated json", "", `{"__type":"Throttl`, Info{Code: UnknownCode}},
		{"hostile code", "", `{"__type":"Thrott\u001b[31mling Exception\n"}`, Info{Code: "Thrott31mlingException", JSON: true}},
		{"control chars in message", "", `{"__type":"X","message":"a\nb\u0000c"}`, Info{Code: "X", Message: "a b c", JSON: true}},
		{"null message", "", `{"__type":"X","message":null}`, Info{Code: "X", JSON: true}},
		{"keys folded", "", `{"__TYPE":"X","MESSAGE":"m","LogRef":"l"}`, Info{Code: "X", Message: "m", Logref: "l", JSON: true}},
		{"keys folded as Unicode", "", `{"__type":"X","meſſage":"long s"}`, Info{Code: "X", Message: "long s", JSON: true}},
		{"last repeated key wins", "", `{"__type":"X","message":"a","message":"b"}`, Info{Code: "X", Message: "b", JSON: true}},
		{"a later null unsets message", "", `{"__type":"X","message":"a","message":null,"Message":"up"}`, Info{Code: "X", Message: "up", JSON: true}},
		{"a later null keeps __type", "", `{"__type":"X","__type":null}`, Info{Code: "X", JSON: true}},
		{"code null blocks Code", "", `{"code":null,"Code":"ThrottlingException"}`, Info{Code: UnknownCode, CodeMember: "ThrottlingException", JSON: true}},
		{"message of the wrong type", "ThrottlingException", `{"__type":"X","message":5}`, Info{Code: "ThrottlingException"}},
		{"escaped strings", "", `{"__type":"\u0058","message":"a\/b \u00e9"}`, Info{Code: "X", Message: "a/b é", JSON: true}},
		{"unknown members skipped", "", `{"a":[1,{"b":null}],"__type":"X","c":true}`, Info{Code: "X", JSON: true}},
		{"trailing data", "", `{"__type":"X"} {}`, Info{Code: UnknownCode}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.header, []byte(tt.body), nil)
			assert.Equal(t, tt.want, got, "Parse(%q, %q)", tt.header, tt.body)
		})
	}
}

func TestParseCaps(t *testing.T) {
	got := Parse("", []byte(`{"__type":"`+strings.Repeat("A", 1000)+`","message":"`+strings.Repeat("é", 5000)+`"}`), nil)
	assert.Len(t, got.Code, maxCodeLen)
	assert.LessOrEqual(t, len(got.Message), maxMessageLen+len("…")+1)
	assert.True(t, strings.HasSuffix(got.Message, "…"))
}

func FuzzParse(f *testing.F) {
	f.Add("", []byte(`{"__type":"a#b:c","message":"m","Code":"c","Logref":"l"}`))
	f.Add("X#Y", []byte(`<html>`))
	f.Add("", []byte(`{"code":"\ud800"}`))
	f.Fuzz(func(t *testing.T, header string, data []byte) {
		info := Parse(header, data, nil)
		if info.Code == "" || len(info.Code) > maxCodeLen {
			t.Fatalf("Parse code %q", info.Code)
		}
		for i := 0; i < len(info.Code); i++ {
			if !codeByte(info.Code[i]) {
				t.Fatalf("Parse code %q has byte %q", info.Code, info.Code[i])
			}
		}
		for _, s := range []string{info.Message, info.CodeMember, info.Logref} {
			if strings.ContainsAny(s, "\n\r\x00\x1b") {
				t.Fatalf("Parse kept a control character: %q", s)
			}
		}
	})
}

func TestParseRedacts(t *testing.T) {
	const secret = "SECRET-TOKEN"
	redact := func(s string) string { return strings.ReplaceAll(s, secret, "[redacted]") }
	long := strings.Repeat("x", maxMessageLen-4)
	got := Parse("Invalid"+secret, []byte(`{"message":"`+long+secret+` tail","Code":"c `+secret+`","Logref":"`+secret+`"}`), redact)
	for _, s := range []string{got.Code, got.Message, got.CodeMember, got.Logref} {
		if strings.Contains(s, secret[:4]) {
			t.Errorf("Parse kept (part of) the secret: %q", s)
		}
	}
	assert.Equal(t, "Invalidredacted", got.Code)
	assert.Equal(t, "c [redacted]", got.CodeMember)
	assert.Equal(t, "[redacted]", got.Logref)
	assert.True(t, strings.HasPrefix(got.Message, long+"[re"), "Parse message %.20q…", got.Message)
}

// FuzzParseMatchesReference holds Parse, on internal/jsonread, to the
// encoding/json reading it replaced (reference_test.go).
func FuzzParseMatchesReference(f *testing.F) {
	for _, s := range []string{
		`{"__type":"ThrottlingException","Message":"Rate exceeded"}`,
		`{"__type":"a#b:c","message":"m","Code":"c","Logref":"l"}`,
		`{"code":null,"Code":"X","MESSAGE":"m","message":null}`,
		`{"meſſage":"s","__TYPE":"T","logreF":7}`,
		` {"__type":"X","message":"a\nb\ud800"}` + "\v",
		`{"__type":5}`, `{"a":[[[{}]]],"code":{"x":1}}`, `[]`, `{"__type":"X"`, ``, `<html>`,
	} {
		f.Add("", []byte(s))
	}
	f.Add("X#Y:z", []byte(`{"message":"m"}`))
	f.Fuzz(func(t *testing.T, header string, data []byte) {
		got, want := Parse(header, data, nil), parseReference(header, data)
		if got != want {
			t.Fatalf("Parse(%q, %q)\n got %+v\nwant %+v (encoding/json)", header, data, got, want)
		}
	})
}

// BenchmarkParse reads the 58-byte body of a ThrottlingException, with the
// encoding/json reference beside it.
func BenchmarkParse(b *testing.B) {
	data := []byte(`{"__type":"ThrottlingException","Message":"Rate exceeded"}`)
	b.Run("impl=jsonread", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Parse("", data, nil)
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = parseReference("", data)
		}
	})
}
