package customlabels

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Checks of input members against the service model, shared by the
// operations' validate methods. Each returns the rule broken, or an
// *InvalidParamError naming the member; the call path adds the input's
// name.

// checkPage checks the MaxResults and NextToken of a listing.
func checkPage(maxResults, limit int32, nextToken string) error {
	if maxResults != 0 && (maxResults < 1 || maxResults > limit) {
		return &InvalidParamError{Field: "MaxResults",
			Rule: fmt.Sprintf("must be 1 to %d, got %d", limit, maxResults)}
	}
	return checkNextToken(nextToken)
}

// checkNextToken checks a request's NextToken.
func checkNextToken(token string) error {
	if !utf8.ValidString(token) {
		// JSON cannot carry it: the token sent would not be the one given.
		return &InvalidParamError{Field: "NextToken", Rule: "must be valid UTF-8"}
	}
	if n := utf8.RuneCountInString(token); n > MaxNextTokenLength {
		return &InvalidParamError{Field: "NextToken",
			Rule: fmt.Sprintf("must be at most %d characters, got %d", MaxNextTokenLength, n)}
	}
	return nil
}

// checkNames checks a list of 1 to max names (project or version names)
// of 1 to maxLen characters of [a-zA-Z0-9_.-] each; an empty list means
// the member is unset.
func checkNames(field string, names []string, max, maxLen int) error {
	if len(names) > max {
		return &InvalidParamError{Field: field,
			Rule: fmt.Sprintf("must have 1 to %d names, got %d", max, len(names))}
	}
	for i, name := range names {
		if rule := nameRule(name, maxLen); rule != "" {
			return &InvalidParamError{Field: field + "[" + strconv.Itoa(i) + "]", Rule: rule}
		}
	}
	return nil
}

// nameRule returns the rule a project or version name breaks, or "". The
// model's pattern [a-zA-Z0-9_.\-]+ is not anchored; the service accepts
// only names made of those characters, so the whole name is checked.
func nameRule(name string, maxLen int) string {
	if n := utf8.RuneCountInString(name); n == 0 || n > maxLen {
		return fmt.Sprintf("must be 1 to %d characters, got %d", maxLen, n)
	}
	if !allNameChars(name) {
		return fmt.Sprintf("must contain only [a-zA-Z0-9_.-], got %s", quoteShort(name))
	}
	return ""
}

func allNameChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameChar(s[i]) {
			return false
		}
	}
	return true
}

func isNameChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
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
