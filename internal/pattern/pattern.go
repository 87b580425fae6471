// Package pattern matches strings against the patterns of the service
// model, without regular expressions: the client checks every input before
// sending it and the fake checks every request, so each matcher is a
// short loop that allocates nothing.
//
// The model's patterns are Java regular expressions, which the service
// applies to the whole value. Three of them do not compile with Go's
// regexp (TagKey's lookahead, KmsKeyId's repeat count over 1000 and
// ProjectPolicyDocument's \u escapes); the others are checked against
// regexp by this package's tests. Where a pattern is not anchored
// ("[a-zA-Z0-9_.\-]+"), the whole value must match, as the service
// judges it: a name with a space is refused, not accepted for its first
// letter.
package pattern

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name matches [a-zA-Z0-9_.\-]+: a project, version or policy name.
func Name(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !nameChar(s[i]) {
			return false
		}
	}
	return true
}

func nameChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
}

// ResourceName matches [a-zA-Z0-9_.\-]{1,255}: the name of a project or
// version in its ARN.
func ResourceName(s string) bool { return len(s) <= 255 && Name(s) }

// LowerDigitsDash matches [a-z\d-]+: a partition or a Region.
func LowerDigitsDash(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Digits matches [0-9]+: an account ID (its length checked apart) or a
// timestamp.
func Digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// projectResource returns what follows "project/" in an ARN of the model's
// form arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project/…, or false.
func projectResource(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return "", false
	}
	partition, rest, ok := strings.Cut(rest, ":")
	if !ok || !LowerDigitsDash(partition) {
		return "", false
	}
	rest, ok = strings.CutPrefix(rest, "rekognition:")
	if !ok {
		return "", false
	}
	region, rest, ok := strings.Cut(rest, ":")
	if !ok || !LowerDigitsDash(region) {
		return "", false
	}
	account, rest, ok := strings.Cut(rest, ":")
	if !ok || len(account) != 12 || !Digits(account) {
		return "", false
	}
	return strings.CutPrefix(rest, "project/")
}

// ProjectArn matches the model's ProjectArn:
// arn:PARTITION:rekognition:REGION:ACCOUNT:project/NAME/DIGITS.
func ProjectArn(s string) bool {
	r, ok := projectResource(s)
	if !ok {
		return false
	}
	name, ts, ok := strings.Cut(r, "/")
	return ok && ResourceName(name) && Digits(ts)
}

// ProjectVersionArn matches the model's ProjectVersionArn:
// arn:PARTITION:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/DIGITS.
func ProjectVersionArn(s string) bool {
	r, ok := projectResource(s)
	if !ok {
		return false
	}
	parts := strings.Split(r, "/")
	return len(parts) == 4 && ResourceName(parts[0]) && parts[1] == "version" &&
		ResourceName(parts[2]) && Digits(parts[3])
}

// DatasetArn matches the model's DatasetArn:
// arn:PARTITION:rekognition:REGION:ACCOUNT:project/NAME/dataset/(train|test)/DIGITS.
func DatasetArn(s string) bool {
	r, ok := projectResource(s)
	if !ok {
		return false
	}
	parts := strings.Split(r, "/")
	return len(parts) == 4 && ResourceName(parts[0]) && parts[1] == "dataset" &&
		(parts[2] == "train" || parts[2] == "test") && Digits(parts[3])
}

// S3Bucket matches [0-9A-Za-z\.\-_]*.
func S3Bucket(s string) bool {
	for i := 0; i < len(s); i++ {
		if !nameChar(s[i]) {
			return false
		}
	}
	return true
}

// KmsKeyID matches ^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$: a key ID,
// key ARN, alias name or alias ARN.
func KmsKeyID(s string) bool {
	if s == "" || len(s) > 2049 {
		return false
	}
	if c := s[0]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !nameChar(c) && !strings.ContainsRune(":/+=,@", rune(c)) {
			return false
		}
	}
	return true
}

// VersionDescription matches [a-zA-Z0-9-_. ()':,;?]+.
func VersionDescription(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !nameChar(c) && !strings.ContainsRune(" ()':,;?", rune(c)) {
			return false
		}
	}
	return true
}

// lineTerminator reports whether Java's "." refuses r: \n, \r, U+0085,
// U+2028 and U+2029.
func lineTerminator(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// DatasetLabel matches .{1,}: at least one character, none a line
// terminator.
func DatasetLabel(s string) bool {
	return s != "" && !strings.ContainsFunc(s, lineTerminator)
}

// QueryString matches .*\S.*: no line terminator, and a character that is
// not white space (Java's \s: space, \t, \n, \x0B, \f, \r).
func QueryString(s string) bool {
	if strings.ContainsFunc(s, lineTerminator) {
		return false
	}
	return strings.ContainsFunc(s, func(r rune) bool {
		return !(r == ' ' || r == '\t' || r == '\n' || r == '\x0b' || r == '\f' || r == '\r')
	})
}

// tagChar matches [\p{L}\p{Z}\p{N}_.:/=+\-@].
func tagChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Z) || unicode.IsNumber(r) || strings.ContainsRune("_.:/=+-@", r)
}

// TagKey matches ^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$: tag characters,
// not starting with "aws:" (AWS reserves those keys).
func TagKey(s string) bool {
	return !strings.HasPrefix(s, "aws:") && TagValue(s)
}

// TagValue matches ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$.
func TagValue(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !tagChar(r) {
			return false
		}
	}
	return true
}

// PolicyDocument matches [\u0009\u000A\u000D\u0020-\u00FF]+: tab, line
// feed, carriage return and U+0020 to U+00FF.
func PolicyDocument(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xff) {
			return false
		}
	}
	return true
}

// PolicyRevisionID matches [0-9A-Fa-f]+.
func PolicyRevisionID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// DatasetEntry matches ^\{.*\}$: a JSON object on one line.
func DatasetEntry(s string) bool {
	return len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' && !strings.ContainsFunc(s, lineTerminator)
}
