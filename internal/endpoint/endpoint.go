// Package endpoint resolves the Amazon Rekognition endpoint and the SigV4
// signing region for a region name, following the partition table of the
// AWS endpoint rules, with a stricter region check than the official SDK.
package endpoint

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Endpoint is where requests go and the region they are signed for.
type Endpoint struct {
	// URL is the absolute URL requests are sent to, ending in "/".
	URL string
	// SigningRegion is the region in the SigV4 credential scope. For a
	// pseudo-FIPS region such as "us-east-1-fips" it is the real region.
	SigningRegion string
}

// Options select the endpoint variant.
type Options struct {
	Region       string
	BaseEndpoint string
	UseFIPS      bool
	UseDualStack bool
}

// ErrMissingRegion reports that no region was configured.
var ErrMissingRegion = errors.New("missing region: set Options.Region or AWS_REGION")

// partition is one row of the AWS partition table (partitions.json).
type partition struct {
	id string
	// prefixes stand for the table's regionRegex, which for every
	// partition is ^(prefix|prefix...)-\w+-\d+$: see matches.
	prefixes     []string
	dnsSuffix    string
	dualStackDNS string
}

// matches reports whether region matches the partition's regionRegex,
// ^(prefixes)-\w+-\d+$. It is written out instead of using regexp, which
// would add about 250 KB to every program using this module.
func (p *partition) matches(region string) bool {
	for _, prefix := range p.prefixes {
		if len(region) > len(prefix) && region[len(prefix)] == '-' && region[:len(prefix)] == prefix &&
			wordsDashDigits(region[len(prefix)+1:]) {
			return true
		}
	}
	return false
}

// wordsDashDigits reports whether s matches \w+-\d+ (ASCII, as in RE2).
func wordsDashDigits(s string) bool {
	dash := strings.IndexByte(s, '-')
	if dash < 1 || dash == len(s)-1 {
		return false
	}
	for i := 0; i < dash; i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	for i := dash + 1; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// partitions lists the AWS partitions with the host suffixes for plain and
// dual-stack endpoints. Every partition supports FIPS and dual-stack in the
// rules; "aws" is the fallback for a region no pattern matches.
var partitions = []partition{
	{"aws", []string{"us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"}, "amazonaws.com", "api.aws"},
	{"aws-cn", []string{"cn"}, "amazonaws.com.cn", "api.amazonwebservices.com.cn"},
	{"aws-us-gov", []string{"us-gov"}, "amazonaws.com", "api.aws"},
	{"aws-iso", []string{"us-iso"}, "c2s.ic.gov", "api.aws.ic.gov"},
	{"aws-iso-b", []string{"us-isob"}, "sc2s.sgov.gov", "api.aws.scloud"},
	{"aws-iso-e", []string{"eu-isoe"}, "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"},
	{"aws-iso-f", []string{"us-isof"}, "csp.hci.ic.gov", "api.aws.hci.ic.gov"},
	{"aws-eusc", []string{"eusc-de"}, "amazonaws.eu", "api.amazonwebservices.eu"},
}

// Resolve returns the endpoint for o. It does no I/O.
//
// The region must be one DNS label: 1 to 63 characters of [a-z0-9-], not
// starting or ending with '-', not all digits. The pseudo-regions
// "fips-<region>" and "<region>-fips" select the FIPS endpoint of <region>
// and sign for <region>. A BaseEndpoint is used as given (http is allowed,
// for a local fake) and cannot be combined with FIPS or dual-stack.
func Resolve(o Options) (Endpoint, error) {
	if o.Region == "" {
		return Endpoint{}, ErrMissingRegion
	}
	if err := ValidateRegion(o.Region); err != nil {
		return Endpoint{}, err
	}
	region, fips := stripFIPS(o.Region)
	if fips {
		if err := ValidateRegion(region); err != nil {
			return Endpoint{}, err
		}
	}
	useFIPS := o.UseFIPS || fips

	if o.BaseEndpoint != "" {
		if useFIPS {
			return Endpoint{}, errors.New("invalid configuration: FIPS and a custom BaseEndpoint cannot be combined")
		}
		if o.UseDualStack {
			return Endpoint{}, errors.New("invalid configuration: dual-stack and a custom BaseEndpoint cannot be combined")
		}
		u, err := ParseBaseEndpoint(o.BaseEndpoint)
		if err != nil {
			return Endpoint{}, err
		}
		return Endpoint{URL: u, SigningRegion: region}, nil
	}

	p := partitions[0]
	for i := range partitions {
		if partitions[i].matches(region) {
			p = partitions[i]
			break
		}
	}
	host := "rekognition"
	if useFIPS {
		host = "rekognition-fips"
	}
	suffix := p.dnsSuffix
	if o.UseDualStack {
		suffix = p.dualStackDNS
	}
	return Endpoint{URL: "https://" + host + "." + region + "." + suffix + "/", SigningRegion: region}, nil
}

// ValidateRegion reports whether r is a single DNS label that can safely be
// placed in a host name: 1 to 63 characters of [a-z0-9-], no leading or
// trailing '-', not all digits. The error quotes at most 64 bytes of r.
func ValidateRegion(r string) error {
	bad := func(rule string) error {
		return fmt.Errorf("invalid region %s: %s", quoteShort(r), rule)
	}
	if len(r) == 0 || len(r) > 63 {
		return bad("must be 1 to 63 characters")
	}
	allDigits := true
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case 'a' <= c && c <= 'z', c == '-':
			allDigits = false
		case '0' <= c && c <= '9':
		default:
			return bad("only lower-case letters, digits and '-' are allowed")
		}
	}
	if r[0] == '-' || r[len(r)-1] == '-' {
		return bad("must not start or end with '-'")
	}
	if allDigits {
		return bad("must not be all digits")
	}
	return nil
}

// stripFIPS maps the deprecated pseudo-regions "fips-X", "X-fips" and
// "X-fips-Y" to the real region, reporting whether one was found.
func stripFIPS(r string) (string, bool) {
	switch {
	case strings.HasPrefix(r, "fips-"):
		return r[len("fips-"):], true
	case strings.HasSuffix(r, "-fips"):
		return r[:len(r)-len("-fips")], true
	case strings.Contains(r, "-fips-"):
		return strings.Replace(r, "-fips-", "-", 1), true
	}
	return r, false
}

// ParseBaseEndpoint checks a custom endpoint and returns it as a URL ending
// in "/": scheme http or https, a host, no user info, query or fragment.
// Its errors never repeat a password given in user info.
func ParseBaseEndpoint(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("invalid BaseEndpoint %s: not a URL", quoteShort(redactUserinfo(s)))
	}
	switch shown := quoteShort(u.Redacted()); {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("invalid BaseEndpoint %s: scheme must be http or https", shown)
	case u.Host == "":
		return "", fmt.Errorf("invalid BaseEndpoint %s: no host", shown)
	case u.User != nil:
		return "", fmt.Errorf("invalid BaseEndpoint: user info is not allowed")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return "", fmt.Errorf("invalid BaseEndpoint %s: query and fragment are not allowed", shown)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u.String(), nil
}

// redactUserinfo hides the user info of a URL that could not be parsed:
// what comes between "//" and the last '@' before the path, query or
// fragment, as url.URL.Redacted does for one that could.
func redactUserinfo(s string) string {
	_, rest, ok := strings.Cut(s, "//")
	if !ok {
		return s
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return s
	}
	start := len(s) - len(rest)
	return s[:start] + "xxxxx" + s[start+at:]
}

func quoteShort(s string) string {
	if len(s) > 64 {
		return fmt.Sprintf("%q…", s[:64])
	}
	return fmt.Sprintf("%q", s)
}
