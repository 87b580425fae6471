// Package awserr reads the error code, message and members of an awsJson1_1
// error response, following the rules of the AWS SDKs: the code comes from
// the X-Amzn-ErrorType header, then the body's "__type", then its "code";
// it is cut at the first ':' and what follows the first '#' is kept.
package awserr

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// UnknownCode is the code of an error response that names none.
const UnknownCode = "UnknownError"

// Limits on what is kept from a response, so that a hostile or broken
// server cannot fill logs and error strings.
const (
	maxCodeLen    = 128
	maxMessageLen = 2048
)

// Info is what an error response says about the error.
type Info struct {
	// Code is the sanitised error code, or UnknownCode.
	Code string
	// Message is the "message" or "Message" member, sanitised.
	Message string
	// CodeMember and Logref are the exception's "Code" and "Logref" members.
	CodeMember string
	Logref     string
	// JSON reports whether the body was a JSON object (or empty).
	JSON bool
}

// body is the union of the members the protocol and the modeled exceptions
// use. encoding/json prefers an exact key match, so "message" and "Message"
// land in their own fields.
type body struct {
	Type         string          `json:"__type"`
	MessageLower *string         `json:"message"`
	MessageUpper *string         `json:"Message"`
	CodeLower    json.RawMessage `json:"code"`
	CodeUpper    json.RawMessage `json:"Code"`
	Logref       json.RawMessage `json:"Logref"`
}

// Parse reads the error of a response from its X-Amzn-ErrorType header and
// its body. An empty body is accepted. A body that is not a JSON object
// gives Info.JSON false, with the code taken from the header alone.
func Parse(headerType string, data []byte) Info {
	var info Info
	var b body
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		info.JSON = true
	case trimmed[0] == '{' && json.Unmarshal(trimmed, &b) == nil:
		info.JSON = true
	default:
		b = body{}
	}

	code := headerType
	if code == "" {
		code = b.Type
	}
	if code == "" {
		code = jsonString(b.CodeLower)
	}
	if code == "" && len(b.CodeLower) == 0 {
		// encoding/json matches keys without regard to case, as the SDK's
		// decoder does: a lone "Code" string also names the error.
		code = jsonString(b.CodeUpper)
	}
	info.Code = SanitizeCode(code)

	switch {
	case b.MessageLower != nil:
		info.Message = sanitizeText(*b.MessageLower, maxMessageLen)
	case b.MessageUpper != nil:
		info.Message = sanitizeText(*b.MessageUpper, maxMessageLen)
	}
	info.CodeMember = sanitizeText(jsonString(b.CodeUpper), maxMessageLen)
	info.Logref = sanitizeText(jsonString(b.Logref), maxMessageLen)
	return info
}

// SanitizeCode reduces a raw error code to its name: the part before the
// first ':', then the part after the first '#'. Anything outside
// [A-Za-z0-9_.-] is dropped and the result is capped at 128 bytes. An empty
// result is UnknownCode.
func SanitizeCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	clean := true
	for i := 0; i < len(code); i++ {
		if !codeByte(code[i]) {
			clean = false
			break
		}
	}
	if !clean {
		var sb strings.Builder
		for i := 0; i < len(code); i++ {
			if codeByte(code[i]) {
				sb.WriteByte(code[i])
			}
		}
		code = sb.String()
	}
	if len(code) > maxCodeLen {
		code = code[:maxCodeLen]
	}
	if code == "" {
		return UnknownCode
	}
	return code
}

func codeByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
}

// sanitizeText replaces control characters and invalid UTF-8 with spaces
// and U+FFFD, and cuts the text at max bytes on a rune boundary, marking
// the cut with "…".
func sanitizeText(s string, max int) string {
	clean := len(s) <= max && utf8.ValidString(s)
	if clean {
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] == 0x7f {
				clean = false
				break
			}
		}
	}
	if clean {
		return s
	}
	var sb strings.Builder
	for i, r := range s {
		if i >= max {
			sb.WriteString("…")
			break
		}
		switch {
		case r < 0x20 || r == 0x7f:
			sb.WriteByte(' ')
		default:
			sb.WriteRune(r) // invalid bytes arrive as utf8.RuneError
		}
	}
	return sb.String()
}

// jsonString returns raw's value if it is a JSON string, else "".
func jsonString(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}
