package customlabels

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Checks of input members, shared by the validate methods that
// validate_gen.go holds (generated from the service model) and the
// checkRules methods of the operation files (rules the model cannot
// state). Each returns the rule broken, or an *InvalidParamError naming
// the member; the call path adds the input's name.

// textRule returns the rule a string member breaks, or "": it must be
// valid UTF-8 (JSON could not carry it unchanged), min to max characters
// (max 0: no maximum) as the model counts them, and, when match is not
// nil, match the model's pattern, which what words.
func textRule(s string, min, max int, match func(string) bool, what string) string {
	if !utf8.ValidString(s) {
		return "must be valid UTF-8"
	}
	// The model's lengths count characters: a non-ASCII string is judged
	// by its characters, as the service judges it, not by its bytes.
	n := utf8.RuneCountInString(s)
	switch {
	case max > 0 && min > 0 && (n < min || n > max):
		return fmt.Sprintf("must be %d to %d characters, got %d", min, max, n)
	case max > 0 && n > max:
		return fmt.Sprintf("must be at most %d characters, got %d", max, n)
	case n < min:
		return fmt.Sprintf("must be at least %d characters, got %d", min, n)
	case match != nil && !match(s):
		return what + ", got " + quoteShort(s)
	}
	return ""
}

// Lengths of the model's ARN shapes (ProjectArn, ProjectVersionArn).
const (
	minArnLength = 20
	maxArnLength = 2048
)

// checkArn checks a required ARN member against its model shape: 20 to
// 2048 characters and, for want "project" or "version", the pattern of a
// project or project version ARN.
func checkArn(field, arn, want string) error {
	if arn == "" {
		return &InvalidParamError{Field: field, Rule: "is required"}
	}
	// The model's lengths count characters: a non-ASCII string is judged
	// by its characters, as the service judges it, not by its bytes.
	if n := utf8.RuneCountInString(arn); n < minArnLength || n > maxArnLength {
		return &InvalidParamError{Field: field,
			Rule: fmt.Sprintf("must be %d to %d characters, got %d", minArnLength, maxArnLength, n)}
	}
	a, err := ParseARN(arn)
	if err != nil || (want == "version") != (a.VersionName != "") {
		example := "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP"
		if want == "version" {
			example = "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP"
		}
		return &InvalidParamError{Field: field,
			Rule: fmt.Sprintf("must be a %s ARN (%s), got %s", want, example, quoteShort(arn))}
	}
	return nil
}

// enumLike reports whether s looks like an enum value ([A-Z_]+), so that a
// value the service adds later is not blocked here.
func enumLike(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}

// quoteShort quotes s for an error message, cut to its first 64 bytes
// (on a character boundary, so that the cut adds no broken character).
func quoteShort(s string) string {
	if len(s) > 64 {
		n := 64
		for n > 60 && !utf8.RuneStart(s[n]) {
			n--
		}
		return strconv.Quote(s[:n]) + "…"
	}
	return strconv.Quote(s)
}

// sortedKeys returns the keys of m in order, so that the same invalid map
// always reports the same entry.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
