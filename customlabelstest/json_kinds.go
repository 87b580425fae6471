package customlabelstest

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Shapes of raw JSON that the request reader (wire.go) and the control
// API share.

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// javaList formats a list as the service's messages do: "[a, b]".
func javaList[S ~string](items []S) string {
	s := make([]string, len(items))
	for i, v := range items {
		s[i] = string(v)
	}
	return "[" + strings.Join(s, ", ") + "]"
}
