package customlabelstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels"
)

// wireInput is a DescribeProjects request body as received, with what was
// present. Keys match exactly, as the service's deserializer does; unknown
// keys are ignored.
type wireInput struct {
	nextToken    *string
	maxResults   *int64
	projectNames []string // nil when absent
	features     []string // nil when absent
}

// input returns the body as a customlabels.DescribeProjectsInput. Present
// but empty lists stay empty non-nil slices.
func (w *wireInput) input() customlabels.DescribeProjectsInput {
	var in customlabels.DescribeProjectsInput
	if w.nextToken != nil {
		in.NextToken = *w.nextToken
	}
	if w.maxResults != nil && *w.maxResults >= math.MinInt32 && *w.maxResults <= math.MaxInt32 {
		in.MaxResults = int32(*w.maxResults)
	}
	in.ProjectNames = w.projectNames
	if w.features != nil {
		in.Features = make([]customlabels.CustomizationFeature, len(w.features))
		for i, f := range w.features {
			in.Features[i] = customlabels.CustomizationFeature(f)
		}
	}
	return in
}

// decodeInput decodes a request body. An empty body counts as {}. The
// error, if any, is the message of a SerializationException.
func decodeInput(body []byte) (wireInput, string) {
	var w wireInput
	m, msg := decodeObject(body)
	if msg != "" {
		return w, msg
	}
	for _, key := range [...]string{"Features", "MaxResults", "NextToken", "ProjectNames"} {
		raw, ok := m[key]
		if !ok || isNull(raw) {
			continue
		}
		var msg string
		switch key {
		case "NextToken":
			w.nextToken = new(string)
			msg = decodeString(raw, w.nextToken, key)
		case "MaxResults":
			w.maxResults = new(int64)
			msg = decodeInteger(raw, w.maxResults, key)
		case "ProjectNames":
			w.projectNames, msg = decodeStrings(raw, key)
		case "Features":
			w.features, msg = decodeStrings(raw, key)
		}
		if msg != "" {
			return wireInput{}, msg
		}
	}
	return w, ""
}

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

func decodeString(raw json.RawMessage, dst *string, key string) string {
	if jsonKind(raw) != "a string" || json.Unmarshal(raw, dst) != nil {
		return fmt.Sprintf("Expected a string for %s, got %s", key, jsonKind(raw))
	}
	return ""
}

func decodeInteger(raw json.RawMessage, dst *int64, key string) string {
	if jsonKind(raw) != "a number" {
		return fmt.Sprintf("Expected an integer for %s, got %s", key, jsonKind(raw))
	}
	text := string(bytes.TrimSpace(raw))
	if v, err := strconv.ParseInt(text, 10, 32); err == nil {
		*dst = v
		return ""
	}
	// An integral value written with a fraction or exponent is accepted,
	// as the service's deserializer accepts it.
	if f, err := strconv.ParseFloat(text, 64); err == nil && f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32 {
		*dst = int64(f)
		return ""
	}
	return fmt.Sprintf("Expected an integer for %s, got %s", key, text)
}

func decodeStrings(raw json.RawMessage, key string) ([]string, string) {
	if jsonKind(raw) != "a list" {
		return nil, fmt.Sprintf("Expected a list of strings for %s, got %s", key, jsonKind(raw))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Sprintf("Expected a list of strings for %s: %v", key, err)
	}
	out := make([]string, len(items))
	for i, item := range items {
		if msg := decodeString(item, &out[i], key+" member"); msg != "" {
			return nil, msg
		}
	}
	return out, ""
}

// Model limits the server enforces, as the service's validation layer
// does.
const (
	maxFeatures = 2
	patternName = `[a-zA-Z0-9_.\-]+`
)

// validate checks w against the model and returns the message of a
// ValidationException, or "". Members are checked in alphabetical order
// and every violation is listed, as the service does.
func validate(w *wireInput) string {
	var errs []string
	add := func(value, member, constraint string) {
		errs = append(errs, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must %s", value, member, constraint))
	}
	if w.features != nil {
		v := javaList(w.features)
		if len(w.features) < 1 {
			add(v, "features", "have length greater than or equal to 1")
		}
		if len(w.features) > maxFeatures {
			add(v, "features", "have length less than or equal to 2")
		}
		for _, f := range w.features {
			if !knownFeature(f) {
				add(v, "features", "satisfy constraint: [Member must satisfy enum value set: [CONTENT_MODERATION, CUSTOM_LABELS]]")
				break
			}
		}
	}
	if w.maxResults != nil {
		v := strconv.FormatInt(*w.maxResults, 10)
		if *w.maxResults < 1 {
			add(v, "maxResults", "have value greater than or equal to 1")
		}
		if *w.maxResults > customlabels.DescribeProjectsMaxResults {
			add(v, "maxResults", "have value less than or equal to 100")
		}
	}
	if w.nextToken != nil && utf8.RuneCountInString(*w.nextToken) > customlabels.MaxNextTokenLength {
		add(*w.nextToken, "nextToken", "have length less than or equal to 1024")
	}
	if w.projectNames != nil {
		v := javaList(w.projectNames)
		if len(w.projectNames) < 1 {
			add(v, "projectNames", "have length greater than or equal to 1")
		}
		if len(w.projectNames) > customlabels.MaxProjectNames {
			add(v, "projectNames", "have length less than or equal to 10")
		}
		for i, name := range w.projectNames {
			member := "projectNames." + strconv.Itoa(i+1) + ".member"
			n := utf8.RuneCountInString(name)
			if n < 1 {
				add(name, member, "have length greater than or equal to 1")
			}
			if n > customlabels.MaxProjectNameLength {
				add(name, member, "have length less than or equal to 255")
			}
			if !validName(name) {
				add(name, member, "satisfy regular expression pattern: "+patternName)
			}
		}
	}
	switch len(errs) {
	case 0:
		return ""
	case 1:
		return "1 validation error detected: " + errs[0]
	}
	return strconv.Itoa(len(errs)) + " validation errors detected: " + strings.Join(errs, "; ")
}

// javaList formats a list as the service's messages do: "[a, b]".
func javaList(items []string) string { return "[" + strings.Join(items, ", ") + "]" }

func knownFeature(f string) bool {
	return f == string(customlabels.CustomizationFeatureCustomLabels) ||
		f == string(customlabels.CustomizationFeatureContentModeration)
}

// validName reports whether name wholly matches [a-zA-Z0-9_.\-]+.
func validName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
