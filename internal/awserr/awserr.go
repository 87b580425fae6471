// Package awserr reads the error code, message and members of an awsJson1_1
// error response, following the rules of the AWS SDKs: the code comes from
// the X-Amzn-ErrorType header, then the body's "__type", then its "code";
// it is cut at the first ':' and what follows the first '#' is kept.
package awserr

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsonread"
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

// Parse reads the error of a response from its X-Amzn-ErrorType header and
// its body. An empty body is accepted. A body that is not a JSON object
// gives Info.JSON false, with the code taken from the header alone.
//
// redact, when not nil, is applied to the header and to every text taken
// from the body before it is cut to its cap, so that a secret the server
// quotes is removed whole however long the text.
//
// The body is read as encoding/json would read it into a struct of the
// members "__type", "message", "Message", "code", "Code" and "Logref" (the
// reference in reference_test.go, held to this by
// FuzzParseMatchesReference): keys match exactly first, then without
// regard to case (Unicode simple folding, as encoding/json does); the last
// of repeated keys wins; a member of the wrong type, or any syntax error,
// makes the whole body not JSON.
func Parse(headerType string, data []byte, redact func(string) string) Info {
	var info Info
	var b body
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		info.JSON = true
	case trimmed[0] == '{' && b.read(trimmed):
		info.JSON = true
	default:
		b = body{}
	}
	if redact == nil {
		redact = noRedact
	}

	code := redact(headerType)
	if code == "" {
		code = redact(b.typ)
	}
	if code == "" {
		code = redact(b.codeLower.str)
	}
	if code == "" && !b.codeLower.set {
		// encoding/json matches keys without regard to case, as the SDK's
		// decoder does: a lone "Code" string also names the error.
		code = redact(b.codeUpper.str)
	}
	info.Code = SanitizeCode(code)

	switch {
	case b.messageLower.set:
		info.Message = sanitizeText(redact(b.messageLower.str), maxMessageLen)
	case b.messageUpper.set:
		info.Message = sanitizeText(redact(b.messageUpper.str), maxMessageLen)
	}
	info.CodeMember = sanitizeText(redact(b.codeUpper.str), maxMessageLen)
	info.Logref = sanitizeText(redact(b.logref.str), maxMessageLen)
	return info
}

func noRedact(s string) string { return s }

// body is the union of the members the protocol and the modeled exceptions
// use, read as encoding/json reads them into the reference's struct.
type body struct {
	typ                        string
	messageLower, messageUpper member // *string there: set unless null
	codeLower, codeUpper       member // json.RawMessage there: set by any value
	logref                     member
}

// member is a member's value: str holds it when it is a JSON string; set
// reports whether it counts as present (see body).
type member struct {
	str string
	set bool
}

// Folded names of the members, as encoding/json folds names: ASCII upper
// case, any other rune to the smallest of its Unicode fold set.
const (
	foldedType    = "__TYPE"
	foldedMessage = "MESSAGE"
	foldedCode    = "CODE"
	foldedLogref  = "LOGREF"
)

// read decodes data into b, reporting false for a syntax error or a
// member of the wrong type.
func (b *body) read(data []byte) bool {
	var d jsonread.Decoder
	d.Reset(data)
	if d.Peek() != jsonread.Object || d.BeginObject() != nil {
		return false
	}
	for {
		key, more, err := d.NextKey()
		if err != nil {
			return false
		}
		if !more {
			break
		}
		var ok bool
		switch string(key) { // an exact match first, as encoding/json
		case "__type":
			ok = readString(&d, &b.typ)
		case "message":
			ok = readStringPointer(&d, &b.messageLower)
		case "Message":
			ok = readStringPointer(&d, &b.messageUpper)
		case "code":
			ok = readRaw(&d, &b.codeLower)
		case "Code":
			ok = readRaw(&d, &b.codeUpper)
		case "Logref":
			ok = readRaw(&d, &b.logref)
		default:
			// Between names that differ only in case, encoding/json
			// picks the field declared first: "message" and "code".
			switch {
			case foldEqual(key, foldedType):
				ok = readString(&d, &b.typ)
			case foldEqual(key, foldedMessage):
				ok = readStringPointer(&d, &b.messageLower)
			case foldEqual(key, foldedCode):
				ok = readRaw(&d, &b.codeLower)
			case foldEqual(key, foldedLogref):
				ok = readRaw(&d, &b.logref)
			default:
				ok = d.Skip() == nil
			}
		}
		if !ok {
			return false
		}
	}
	return d.End() == nil
}

// readString reads a string into s, as into a string field: null leaves s
// as it was; any other kind is a type error.
func readString(d *jsonread.Decoder, s *string) bool {
	switch d.Peek() {
	case jsonread.Null:
		return d.Skip() == nil
	case jsonread.String:
		v, err := d.ReadString()
		if err != nil {
			return false
		}
		*s = string(v)
		return true
	}
	return false
}

// readStringPointer reads a string into m, as into a *string field: null
// unsets it.
func readStringPointer(d *jsonread.Decoder, m *member) bool {
	if d.Peek() == jsonread.Null {
		*m = member{}
		return d.Skip() == nil
	}
	m.set = true
	return readString(d, &m.str)
}

// readRaw reads any value into m, as into a json.RawMessage field: it is
// set whatever the value, and str holds the value when it is a string.
func readRaw(d *jsonread.Decoder, m *member) bool {
	*m = member{set: true}
	if d.Peek() == jsonread.String {
		return readString(d, &m.str)
	}
	return d.Skip() == nil
}

// foldEqual reports whether key, folded as encoding/json folds names,
// equals folded (upper-case ASCII).
func foldEqual(key []byte, folded string) bool {
	j := 0
	for i := 0; i < len(key); j++ {
		c := key[i]
		if c < utf8.RuneSelf {
			i++
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
		} else {
			r, n := utf8.DecodeRune(key[i:])
			i += n
			r = foldRune(r)
			if r >= utf8.RuneSelf {
				return false
			}
			c = byte(r)
		}
		if j >= len(folded) || folded[j] != c {
			return false
		}
	}
	return j == len(folded)
}

// foldRune returns the smallest rune of r's Unicode fold set.
func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
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
