package endpoint

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// FuzzParseBaseEndpoint feeds arbitrary BaseEndpoint strings (they come
// from configuration files and AWS_ENDPOINT_URL_REKOGNITION). What is
// accepted is an http or https URL with a host, no user info, query or
// fragment, a path ending in "/", the same host as given, and parses to
// itself again; what is refused never echoes a password from user info.
func FuzzParseBaseEndpoint(f *testing.F) {
	for _, s := range []string{
		"http://127.0.0.1:8080", "https://rekognition.us-east-1.amazonaws.com/", "http://h/p%2Fq",
		"https://user:hunter2@host/", "ftp://user:hunter2@host/", "http://user:hunter2@host/%zz",
		"http://[::1]:80/a b", "https://h?x", "https://h#f", "//h", "http:///p", "\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseBaseEndpoint(s)
		if err != nil {
			if u, perr := url.Parse(s); perr == nil && u.User != nil {
				if pw, ok := u.User.Password(); ok && pw != "xxxxx" && echoes(err, s, pw) {
					t.Fatalf("ParseBaseEndpoint(%q) error %q echoes the password", s, err)
				}
			}
			// Unparsable too: the user info is what lies between "//" and
			// the last '@' of the authority (RFC 3986), its password what
			// follows its first ':'.
			if scheme, rest, ok := strings.Cut(s, "//"); ok && isSchemePrefix(scheme) {
				if i := strings.IndexAny(rest, "/?#"); i >= 0 {
					rest = rest[:i]
				}
				if at := strings.LastIndex(rest, "@"); at >= 0 {
					if _, pw, ok := strings.Cut(rest[:at], ":"); ok && pw != "xxxxx" && echoes(err, s, pw) {
						t.Fatalf("ParseBaseEndpoint(%q) error %q echoes the password", s, err)
					}
				}
			}
			if len(err.Error()) > 512 { // the input is quoted and cut at 64 bytes
				t.Fatalf("ParseBaseEndpoint(%q) error is %d bytes long", s, len(err.Error()))
			}
			return
		}
		u, perr := url.Parse(got)
		if perr != nil {
			t.Fatalf("ParseBaseEndpoint(%q) = %q, which does not parse: %v", s, got, perr)
		}
		in, _ := url.Parse(s)
		switch {
		case u.Scheme != "http" && u.Scheme != "https", u.Host == "", u.User != nil,
			u.RawQuery != "" || u.ForceQuery || u.Fragment != "", !strings.HasSuffix(u.Path, "/"):
			t.Fatalf("ParseBaseEndpoint(%q) = %q", s, got)
		case u.Host != in.Host:
			t.Fatalf("ParseBaseEndpoint(%q) = %q: host %q, given %q", s, got, u.Host, in.Host)
		}
		if again, err := ParseBaseEndpoint(got); err != nil || again != got {
			t.Fatalf("ParseBaseEndpoint(%q) = %q; again: %q, %v", s, got, again, err)
		}
	})
}

// isSchemePrefix reports whether p is "" or "scheme:", what may come before
// the "//" of an authority.
func isSchemePrefix(p string) bool {
	if p == "" {
		return true
	}
	name, ok := strings.CutSuffix(p, ":")
	if !ok || name == "" {
		return false
	}
	for i, c := range name {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// echoes reports whether err repeats the password pw of s as it stands in
// s, after a ':' and before an '@' (Go-quoted, as errors show s).
func echoes(err error, s, pw string) bool {
	quoted := strings.Trim(fmt.Sprintf("%q", ":"+pw+"@"), `"`)
	return strings.Contains(s, ":"+pw+"@") && strings.Contains(err.Error(), quoted)
}
