package pattern

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// compiled are the model's patterns that Go's regexp compiles, each with
// its matcher. Go's regexp and Java's agree on them: ASCII classes, "^",
// "$" and "+" only (Java's "$" would also match before a final line
// terminator; the matchers refuse one, as the service's whole-value match
// does).
var compiled = []struct {
	name    string
	pattern string
	match   func(string) bool
}{
	{"Name", `[a-zA-Z0-9_.\-]+`, Name},
	{"ProjectArn", `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`, ProjectArn},
	{"ProjectVersionArn", `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`, ProjectVersionArn},
	{"DatasetArn", `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/dataset\/(train|test)\/[0-9]+$)`, DatasetArn},
	{"S3Bucket", `[0-9A-Za-z\.\-_]*`, S3Bucket},
	{"VersionDescription", `[a-zA-Z0-9-_. ()':,;?]+`, VersionDescription},
	{"PolicyRevisionID", `[0-9A-Fa-f]+`, PolicyRevisionID},
}

func wholeMatch(t testing.TB, p string) *regexp.Regexp {
	return regexp.MustCompile(`\A(?:` + p + `)\z`)
}

func TestMatchersAgreeWithRegexp(t *testing.T) {
	inputs := []string{
		"", "a", "my-project_1.0", "my project", "a/b", "projé",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/1\n",
		"arn:aws:rekognition:us-east-1:12345678901:project/p/1",
		"arn:aws-cn:rekognition:cn-north-1:123456789012:project/p/version/v.1/1700000000000",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/version//1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/TRAIN/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/test/12x",
		"arn:AWS:rekognition:us-east-1:123456789012:project/p/1",
		"arn:aws:s3:us-east-1:123456789012:project/p/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/" + strings.Repeat("n", 256) + "/1",
		"arn:aws:rekognition:us-east-1:123456789012:project/" + strings.Repeat("n", 255) + "/1",
		"my.bucket-1", "my/bucket", "A version (v2): ok? yes; 'q'", "beef01", "BEEF", "xyz",
	}
	for _, c := range compiled {
		re := wholeMatch(t, c.pattern)
		for _, in := range inputs {
			assert.Equal(t, re.MatchString(in), c.match(in), "%s(%q)", c.name, in)
		}
	}
}

func FuzzMatchersAgreeWithRegexp(f *testing.F) {
	f.Add("arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1")
	f.Add("arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/test/1")
	f.Add("a b")
	res := make([]*regexp.Regexp, len(compiled))
	for i, c := range compiled {
		res[i] = wholeMatch(f, c.pattern)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, c := range compiled {
			if got, want := c.match(s), res[i].MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, regexp says %v", c.name, s, got, want)
			}
		}
	})
}

// The patterns Go's regexp cannot compile, and the Java semantics of ".",
// are checked case by case.
func TestMatchersBeyondRegexp(t *testing.T) {
	tests := []struct {
		name  string
		match func(string) bool
		in    string
		want  bool
	}{
		{"KmsKeyID", KmsKeyID, "1234abcd-12ab-34cd-56ef-1234567890ab", true},
		{"KmsKeyID", KmsKeyID, "arn:aws:kms:us-east-1:123456789012:key/1234abcd", true},
		{"KmsKeyID", KmsKeyID, "alias/my-key", true},
		{"KmsKeyID", KmsKeyID, "/alias", false},
		{"KmsKeyID", KmsKeyID, "a" + strings.Repeat("b", 2048), true},
		{"KmsKeyID", KmsKeyID, "a" + strings.Repeat("b", 2049), false},
		{"KmsKeyID", KmsKeyID, "key with space", false},
		{"KmsKeyID", KmsKeyID, "", false},
		{"DatasetLabel", DatasetLabel, "cat", true},
		{"DatasetLabel", DatasetLabel, "a cat, maybe", true},
		{"DatasetLabel", DatasetLabel, "", false},
		{"DatasetLabel", DatasetLabel, "two\nlines", false},
		{"DatasetLabel", DatasetLabel, "sep\u2028", false},
		{"QueryString", QueryString, "images/", true},
		{"QueryString", QueryString, "  x ", true},
		{"QueryString", QueryString, "   ", false},
		{"QueryString", QueryString, "\t", false},
		{"QueryString", QueryString, "a\rb", false},
		{"TagKey", TagKey, "team", true},
		{"TagKey", TagKey, "cost center/été:1=2+3-4@x", true},
		{"TagKey", TagKey, "aws:created", false},
		{"TagKey", TagKey, "AWS:created", true},
		{"TagKey", TagKey, "a*b", false},
		{"TagKey", TagKey, "", true},
		{"TagValue", TagValue, "", true},
		{"TagValue", TagValue, "aws:fine in values", true},
		{"TagValue", TagValue, "a\tb", false},
		{"TagValue", TagValue, "bad\xff", false},
		{"PolicyDocument", PolicyDocument, "{\n\t\"Version\": \"2012-10-17\"\r\n}", true},
		{"PolicyDocument", PolicyDocument, "caf\u00e9", true},
		{"PolicyDocument", PolicyDocument, "\u0100", false},
		{"PolicyDocument", PolicyDocument, "a\x00b", false},
		{"PolicyDocument", PolicyDocument, "", false},
		{"DatasetEntry", DatasetEntry, `{"source-ref":"s3://b/k"}`, true},
		{"DatasetEntry", DatasetEntry, "{}", true},
		{"DatasetEntry", DatasetEntry, "{\n}", false},
		{"DatasetEntry", DatasetEntry, "[]", false},
		{"DatasetEntry", DatasetEntry, "{", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.match(tt.in), "%s(%q)", tt.name, tt.in)
	}
}
