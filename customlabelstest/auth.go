package customlabelstest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels/internal/sigv4check"
)

const (
	signingService = "rekognition"
	// maxSignatureSkew is how far a signature's date may be from the
	// server's clock, as AWS allows.
	maxSignatureSkew = 5 * time.Minute

	msgSignatureMismatch = "The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
	msgInvalidToken = "The security token included in the request is invalid."
)

// authError is a refusal of the request's authentication: the code and
// message Rekognition answers, and the kind of failure, from which the S3
// handler writes S3's error instead (s3_auth.go).
type authError struct {
	code    string
	message string
	kind    authFailure
	// computed is what the server computed, for authMismatch.
	computed sigv4check.Computed
}

// authFailure is why authentication failed.
type authFailure int

const (
	authMissing    authFailure = iota + 1 // no Authorization header
	authMalformed                         // an Authorization header that does not parse
	authNoDate                            // no X-Amz-Date
	authBadDate                           // an X-Amz-Date that does not parse
	authTerminator                        // a scope not ending in aws4_request
	authService                           // a scope for another service
	authRegion                            // a scope for another region
	authScopeDate                         // a scope date other than X-Amz-Date's
	authExpired                           // signed too long ago
	authNotYet                            // signed too far ahead
	authUnknownKey                        // an access key ID the server does not accept
	authBadToken                          // a missing, extra or wrong session token
	authMismatch                          // a signature that does not match
)

// accessKeyID returns the access key ID an Authorization header names, or
// "".
func accessKeyID(h string) string {
	_, rest, ok := strings.Cut(h, "Credential=")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, "/")
	if i := strings.IndexAny(id, ", "); i >= 0 {
		id = id[:i]
	}
	return truncate(id, 128)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// authenticate checks r's SigV4 signature for Rekognition, whose
// payload hash is the hash of body.
func (s *Server) authenticate(r *http.Request, body []byte, now time.Time) *authError {
	sum := sha256.Sum256(body)
	return s.verifySigV4(r, signingService, hex.EncodeToString(sum[:]), maxSignatureSkew, now)
}

// verifySigV4 checks r's SigV4 signature as AWS does, by recomputing it
// with aws-sdk-go-v2's signer over exactly the headers r lists in
// SignedHeaders, with their received values and payloadHash: scoped to
// service, signed within skew of now, with the server's credentials.
func (s *Server) verifySigV4(r *http.Request, service, payloadHash string, skew time.Duration, now time.Time) *authError {
	h := r.Header.Get("Authorization")
	if h == "" {
		return &authError{code: codeMissingAuthentication, message: "Missing Authentication Token", kind: authMissing}
	}
	a, perr := sigv4check.Parse(h)
	if perr != nil {
		return &authError{code: codeIncompleteSignature, message: perr.Error(), kind: authMalformed}
	}

	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return &authError{code: codeIncompleteSignature, kind: authNoDate,
			message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."}
	}
	signingTime, terr := time.Parse(sigv4check.AmzDateFormat, amzDate)
	if terr != nil {
		return &authError{code: codeIncompleteSignature, kind: authBadDate, message: fmt.Sprintf(
			"Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601", truncate(amzDate, 64))}
	}

	switch {
	case a.Terminator != "aws4_request":
		return &authError{code: codeInvalidSignature, kind: authTerminator, message: fmt.Sprintf(
			"Credential should be scoped with a valid terminator: 'aws4_request', not '%s'.", truncate(a.Terminator, 64))}
	case a.Service != service:
		return &authError{code: codeInvalidSignature, kind: authService, message: fmt.Sprintf(
			"Credential should be scoped to correct service: '%s'.", service)}
	case a.Region != s.region:
		return &authError{code: codeInvalidSignature, kind: authRegion, message: fmt.Sprintf(
			"Credential should be scoped to a valid region, not '%s'.", truncate(a.Region, 64))}
	case a.Date != amzDate[:8]:
		return &authError{code: codeInvalidSignature, kind: authScopeDate, message: fmt.Sprintf(
			"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
			truncate(a.Date, 16), amzDate[:8], amzDate)}
	}

	now = now.UTC().Truncate(time.Second)
	minutes := int(skew.Minutes())
	if signingTime.Before(now.Add(-skew)) {
		return &authError{code: codeInvalidSignature, kind: authExpired, message: fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - %d min.)",
			amzDate, now.Add(-skew).Format(sigv4check.AmzDateFormat), now.Format(sigv4check.AmzDateFormat), minutes)}
	}
	if signingTime.After(now.Add(skew)) {
		return &authError{code: codeInvalidSignature, kind: authNotYet, message: fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + %d min.)",
			amzDate, now.Add(skew).Format(sigv4check.AmzDateFormat), now.Format(sigv4check.AmzDateFormat), minutes)}
	}

	if _, ok := s.accounts[a.KeyID]; !ok {
		return &authError{code: codeUnrecognizedClient, message: msgInvalidToken, kind: authUnknownKey}
	}
	if token := r.Header.Get("X-Amz-Security-Token"); !hmac.Equal([]byte(token), []byte(s.token)) {
		return &authError{code: codeUnrecognizedClient, message: msgInvalidToken, kind: authBadToken}
	}

	want, serr := sigv4check.ComputePayload(r, payloadHash, a, s.secret, signingTime)
	if serr != nil {
		msg := msgSignatureMismatch
		if _, reason, ok := strings.Cut(serr.Error(), sigv4check.ErrMismatch.Error()+": "); ok {
			msg += " (customlabelstest verifies with aws-sdk-go-v2's signer: " + reason + ")"
		}
		return &authError{code: codeInvalidSignature, message: msg, kind: authMismatch}
	}
	if !hmac.Equal([]byte(want.Signature), []byte(a.Signature)) {
		return &authError{code: codeInvalidSignature, message: mismatchMessage(want), kind: authMismatch, computed: want}
	}
	return nil
}

// mismatchMessage is the message of a signature that does not match, as
// AWS's JSON services write it (seen in public reports of
// InvalidSignatureException from Coral services such as cognito-sync, and
// of API Gateway): the sentence, then the canonical request and the string
// to sign the service computed, each in single quotes on lines of their
// own, and a final newline. Rekognition is assumed to write the same, as
// it runs on the same framework.
//
// The canonical request lists every signed header with its value: the
// session token when the client signed one. That is what AWS sends back,
// so clients must scrub it from what they show; the server records only
// the error code of the answer (Request.ErrorCode), never this message.
func mismatchMessage(c sigv4check.Computed) string {
	return msgSignatureMismatch +
		"\n\nThe Canonical String for this request should have been\n'" + c.CanonicalRequest +
		"'\n\nThe String-to-Sign should have been\n'" + c.StringToSign + "'\n"
}
