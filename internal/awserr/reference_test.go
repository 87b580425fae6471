package awserr

import (
	"bytes"
	"encoding/json"
)

// This file keeps the encoding/json reading of an error body that Parse
// replaced: the reference FuzzParseMatchesReference holds Parse to.

// refBody is the union of the members the protocol and the modeled
// exceptions use. encoding/json prefers an exact key match, so "message"
// and "Message" land in their own fields.
type refBody struct {
	Type         string          `json:"__type"`
	MessageLower *string         `json:"message"`
	MessageUpper *string         `json:"Message"`
	CodeLower    json.RawMessage `json:"code"`
	CodeUpper    json.RawMessage `json:"Code"`
	Logref       json.RawMessage `json:"Logref"`
}

// parseReference is Parse on encoding/json, without redaction.
func parseReference(headerType string, data []byte) Info {
	var info Info
	var b refBody
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		info.JSON = true
	case trimmed[0] == '{' && json.Unmarshal(trimmed, &b) == nil:
		info.JSON = true
	default:
		b = refBody{}
	}

	code := headerType
	if code == "" {
		code = b.Type
	}
	if code == "" {
		code = refJSONString(b.CodeLower)
	}
	if code == "" && len(b.CodeLower) == 0 {
		code = refJSONString(b.CodeUpper)
	}
	info.Code = SanitizeCode(code)

	switch {
	case b.MessageLower != nil:
		info.Message = sanitizeText(*b.MessageLower, maxMessageLen)
	case b.MessageUpper != nil:
		info.Message = sanitizeText(*b.MessageUpper, maxMessageLen)
	}
	info.CodeMember = sanitizeText(refJSONString(b.CodeUpper), maxMessageLen)
	info.Logref = sanitizeText(refJSONString(b.Logref), maxMessageLen)
	return info
}

// refJSONString returns raw's value if it is a JSON string, else "".
func refJSONString(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}
