package customlabelstest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// violations collects the model constraints a request breaks, and words
// them as the service's validation layer does. Operations check their
// members in alphabetical order and list every violation.
type violations []string

func (v *violations) add(value, member, constraint string) {
	*v = append(*v, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must %s", value, member, constraint))
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
