package customlabels

import (
	"errors"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// redactedMarker replaces a credential value in text the client repeats
// from a server.
const redactedMarker = "[redacted]"

// sentSecrets are the credential values one attempt sent, to be scrubbed
// from everything the server says back: when a signature does not match,
// AWS answers InvalidSignatureException (SignatureDoesNotMatch elsewhere)
// with a message that quotes the canonical request, whose
// "x-amz-security-token:<token>" line carries the session token, and the
// string to sign; a proxy or a broken server may echo the Authorization
// header (redacted whole) or anything else. The secret access key is never sent, but is
// scrubbed too should a server (or a test double) ever repeat it.
//
// The access key ID is not a secret (AWS names it in its own error
// messages) and is kept, as is the rest of the text: people need it to
// debug.
//
// It is filled from values the attempt already holds and used only on the
// error path: a successful response pays nothing but the request ID's
// check, which a request ID (36 characters) passes at once, being shorter
// than any real secret.
type sentSecrets struct {
	sessionToken  string
	secretKey     string
	authorization string // the Authorization header sent, with the signature
}

func secretsOf(creds *aws.Credentials, req *http.Request) sentSecrets {
	s := sentSecrets{sessionToken: creds.SessionToken, secretKey: creds.SecretAccessKey}
	if v := req.Header["Authorization"]; len(v) > 0 {
		s.authorization = v[0]
	}
	return s
}

// signature returns the Signature= part of the Authorization header sent.
func (s *sentSecrets) signature() string {
	_, sig, ok := strings.Cut(s.authorization, "Signature=")
	if !ok {
		return ""
	}
	if i := strings.IndexByte(sig, ','); i >= 0 {
		sig = sig[:i]
	}
	return strings.TrimSpace(sig)
}

// redact returns text with every secret replaced by redactedMarker. Text
// that holds none is returned as it is, without allocating.
func (s *sentSecrets) redact(text string) string {
	if text == "" {
		return text
	}
	// The whole Authorization value first, then its signature alone,
	// looked for only in text that can hold it (a SigV4 signature is 64
	// hex digits): a request ID cannot, so a success pays one length
	// comparison per secret.
	for _, secret := range [...]string{s.authorization, s.sessionToken, s.secretKey} {
		text = replaceSecret(text, secret)
	}
	if len(text) >= sigV4SignatureLen {
		text = replaceSecret(text, s.signature())
	}
	return text
}

// sigV4SignatureLen is the length of a SigV4 signature.
const sigV4SignatureLen = 64

func replaceSecret(text, secret string) string {
	if secret != "" && len(secret) <= len(text) && strings.Contains(text, secret) {
		return strings.ReplaceAll(text, secret, redactedMarker)
	}
	return text
}

// holds reports whether text holds a secret.
func (s *sentSecrets) holds(text string) bool {
	return s.redact(text) != text
}

// header returns h, or, when a name or value in it holds a secret, a copy
// with the secrets redacted. It is what errors keep of a response's
// header (*awshttp.ResponseError's Response.Header).
func (s *sentSecrets) header(h http.Header) http.Header {
	dirty := false
	for k, vs := range h {
		if s.holds(k) {
			dirty = true
			break
		}
		for _, v := range vs {
			if s.holds(v) {
				dirty = true
				break
			}
		}
	}
	if !dirty {
		return h
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		cp := make([]string, len(vs))
		for i, v := range vs {
			cp[i] = s.redact(v)
		}
		out[s.redact(k)] = cp
	}
	return out
}

// error returns err, or, when its text holds a secret, an error of the
// redacted text that keeps how err is retried. It is for errors whose
// text quotes what the server sent and that this package did not build:
// the HTTP client's (net/http quotes a malformed header line whole) and
// the decoder's. The original error is not kept, as it holds the secret:
// errors.Is and errors.As no longer reach it.
func (s *sentSecrets) error(err error) error {
	text := err.Error()
	redacted := s.redact(text)
	if redacted == text {
		return err
	}
	e := &redactedError{text: redacted}
	var t interface{ Timeout() bool }
	if errors.As(err, &t) {
		e.timeout = t.Timeout()
	}
	var r interface{ RetryableError() bool }
	if errors.As(err, &r) {
		e.retryable = r.RetryableError()
	} else {
		e.retryable = e.timeout
	}
	return e
}
