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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.header, []byte(tt.body))
			assert.Equal(t, tt.want, got, "Parse(%q, %q)", tt.header, tt.body)
		})
	}
}

func TestParseCaps(t *testing.T) {
	got := Parse("", []byte(`{"__type":"`+strings.Repeat("A", 1000)+`","message":"`+strings.Repeat("é", 5000)+`"}`))
	assert.Len(t, got.Code, maxCodeLen)
	assert.LessOrEqual(t, len(got.Message), maxMessageLen+len("…")+1)
	assert.True(t, strings.HasSuffix(got.Message, "…"))
}

func FuzzParse(f *testing.F) {
	f.Add("", []byte(`{"__type":"a#b:c","message":"m","Code":"c","Logref":"l"}`))
	f.Add("X#Y", []byte(`<html>`))
	f.Add("", []byte(`{"code":"\ud800"}`))
	f.Fuzz(func(t *testing.T, header string, data []byte) {
		info := Parse(header, data)
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
