package customlabelstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeObject reads a request body as a JSON object, as the service's
// deserializer does: an empty body counts as {}. The error, if any, is the
// message of a SerializationException.
func decodeObject(body []byte) (map[string]json.RawMessage, string) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]json.RawMessage{}, ""
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		if bytes.TrimSpace(body)[0] != '{' {
			return nil, "The request body must be a JSON object"
		}
		return nil, "Malformed JSON request body: " + err.Error()
	}
	if m == nil {
		return nil, "The request body must be a JSON object, not null"
	}
	return m, ""
}

// A member is one input member an operation reads: its JSON key and how
// to decode it.
type member struct {
	key  string
	read func(raw json.RawMessage, key string) string
}

// decodeMembers decodes the members of body that are present and not
// null, in the order given; keys match exactly and unknown keys are
// ignored, as the service's deserializer does. The error, if any, is the
// message of a SerializationException.
func decodeMembers(body []byte, members ...member) string {
	m, msg := decodeObject(body)
	if msg != "" {
		return msg
	}
	for _, mem := range members {
		raw, ok := m[mem.key]
		if !ok || isNull(raw) {
			continue
		}
		if msg := mem.read(raw, mem.key); msg != "" {
			return msg
		}
	}
	return ""
}

// stringMember decodes a string member into *dst, which stays nil when the
// member is absent.
func stringMember(key string, dst **string) member {
	return member{key, func(raw json.RawMessage, key string) string {
		*dst = new(string)
		return decodeString(raw, *dst, key)
	}}
}

// integerMember decodes an integer member into *dst, which stays nil when
// the member is absent.
func integerMember(key string, dst **int64) member {
	return member{key, func(raw json.RawMessage, key string) string {
		*dst = new(int64)
		return decodeInteger(raw, *dst, key)
	}}
}

// stringsMember decodes a list of strings into *dst, which stays nil when
// the member is absent.
func stringsMember(key string, dst *[]string) member {
	return member{key, func(raw json.RawMessage, key string) string {
		var msg string
		*dst, msg = decodeStrings(raw, key)
		return msg
	}}
}

// violations collects the model constraints a request breaks, and words
// them as the service's validation layer does. Operations check their
// members in alphabetical order and list every violation.
type violations []string

func (v *violations) add(value, member, constraint string) {
	*v = append(*v, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must %s", value, member, constraint))
}

// required records a missing required member.
func (v *violations) required(member string) {
	*v = append(*v, fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", member))
}

// length checks a string's length in characters.
func (v *violations) length(s, member string, lo, hi int) {
	n := utf8.RuneCountInString(s)
	if n < lo {
		v.add(s, member, "have length greater than or equal to "+strconv.Itoa(lo))
	}
	if hi > 0 && n > hi {
		v.add(s, member, "have length less than or equal to "+strconv.Itoa(hi))
	}
}

// atLeast checks an integer's minimum.
func (v *violations) atLeast(n int64, member string, lo int64) {
	if n < lo {
		v.add(strconv.FormatInt(n, 10), member, "have value greater than or equal to "+strconv.FormatInt(lo, 10))
	}
}

// atMost checks an integer's maximum.
func (v *violations) atMost(n int64, member string, hi int64) {
	if n > hi {
		v.add(strconv.FormatInt(n, 10), member, "have value less than or equal to "+strconv.FormatInt(hi, 10))
	}
}

// names checks a list of 1..maxItems names, each 1..255 characters of
// [a-zA-Z0-9_.-], as ProjectNames and VersionNames are constrained.
func (v *violations) names(list []string, member string, maxItems int) {
	value := javaList(list)
	if len(list) < 1 {
		v.add(value, member, "have length greater than or equal to 1")
	}
	if len(list) > maxItems {
		v.add(value, member, "have length less than or equal to "+strconv.Itoa(maxItems))
	}
	for i, name := range list {
		m := member + "." + strconv.Itoa(i+1) + ".member"
		v.length(name, m, 1, 255)
		if !validName(name) {
			v.add(name, m, "satisfy regular expression pattern: "+patternName)
		}
	}
}

// message is the ValidationException message, or "" when nothing was
// violated.
func (v violations) message() string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return "1 validation error detected: " + v[0]
	}
	return strconv.Itoa(len(v)) + " validation errors detected: " + strings.Join(v, "; ")
}
