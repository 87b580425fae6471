package customlabelstest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	signingAlgorithm = "AWS4-HMAC-SHA256"
	signingService   = "rekognition"
	amzDateFormat    = "20060102T150405Z"
	// maxSignatureSkew is how far a signature's date may be from the
	// server's clock, as AWS allows.
	maxSignatureSkew = 5 * time.Minute

	msgSignatureMismatch = "The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
	msgInvalidToken = "The security token included in the request is invalid."
)

// unsignableHeaders are headers aws-sdk-go-v2's signer never signs, so a
// signature over them cannot be recomputed with it.
var unsignableHeaders = map[string]bool{
	"authorization": true, "user-agent": true, "x-amzn-trace-id": true,
	"expect": true, "transfer-encoding": true,
}

// authError is a refusal of the request's authentication.
type authError struct {
	code    string
	message string
}

// authorization is a parsed SigV4 Authorization header.
type authorization struct {
	keyID, date, region, service, terminator string
	signedHeaders                            string
	signature                                string
}

// parseAuthorization parses "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...".
// Its errors never echo the header, which holds the signature.
func parseAuthorization(h string) (authorization, *authError) {
	var a authorization
	alg, rest, _ := strings.Cut(strings.TrimSpace(h), " ")
	if alg != signingAlgorithm {
		return a, &authError{codeIncompleteSignature, fmt.Sprintf("Unsupported AWS 'algorithm': '%s'", truncate(alg, 64))}
	}
	var credential string
	var haveCred, haveSigned, haveSig bool
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			credential, haveCred = v, true
		case "SignedHeaders":
			a.signedHeaders, haveSigned = v, true
		case "Signature":
			a.signature, haveSig = v, true
		}
	}
	var missing []string
	if !haveCred {
		missing = append(missing, "Authorization header requires 'Credential' parameter.")
	}
	if !haveSig {
		missing = append(missing, "Authorization header requires 'Signature' parameter.")
	}
	if !haveSigned {
		missing = append(missing, "Authorization header requires 'SignedHeaders' parameter.")
	}
	if len(missing) > 0 {
		return a, &authError{codeIncompleteSignature, strings.Join(missing, " ")}
	}
	parts := strings.Split(credential, "/")
	if len(parts) != 5 {
		return a, &authError{codeIncompleteSignature, fmt.Sprintf(
			"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '%s'", truncate(credential, 256))}
	}
	a.keyID, a.date, a.region, a.service, a.terminator = parts[0], parts[1], parts[2], parts[3], parts[4]
	return a, nil
}

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

// authenticate checks r's SigV4 signature as AWS does, by recomputing it
// with aws-sdk-go-v2's signer over exactly the headers r lists in
// SignedHeaders, with their received values and the hash of body.
func (s *Server) authenticate(r *http.Request, body []byte, now time.Time) *authError {
	h := r.Header.Get("Authorization")
	if h == "" {
		return &authError{codeMissingAuthentication, "Missing Authentication Token"}
	}
	a, err := parseAuthorization(h)
	if err != nil {
		return err
	}

	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return &authError{codeIncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."}
	}
	signingTime, perr := time.Parse(amzDateFormat, amzDate)
	if perr != nil {
		return &authError{codeIncompleteSignature, fmt.Sprintf(
			"Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601", truncate(amzDate, 64))}
	}

	switch {
	case a.terminator != "aws4_request":
		return &authError{codeInvalidSignature, fmt.Sprintf(
			"Credential should be scoped with a valid terminator: 'aws4_request', not '%s'.", truncate(a.terminator, 64))}
	case a.service != signingService:
		return &authError{codeInvalidSignature, fmt.Sprintf(
			"Credential should be scoped to correct service: '%s'.", signingService)}
	case a.region != s.region:
		return &authError{codeInvalidSignature, fmt.Sprintf(
			"Credential should be scoped to a valid region, not '%s'.", truncate(a.region, 64))}
	case a.date != amzDate[:8]:
		return &authError{codeInvalidSignature, fmt.Sprintf(
			"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
			truncate(a.date, 16), amzDate[:8], amzDate)}
	}

	now = now.UTC().Truncate(time.Second)
	if signingTime.Before(now.Add(-maxSignatureSkew)) {
		return &authError{codeInvalidSignature, fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - 5 min.)",
			amzDate, now.Add(-maxSignatureSkew).Format(amzDateFormat), now.Format(amzDateFormat))}
	}
	if signingTime.After(now.Add(maxSignatureSkew)) {
		return &authError{codeInvalidSignature, fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + 5 min.)",
			amzDate, now.Add(maxSignatureSkew).Format(amzDateFormat), now.Format(amzDateFormat))}
	}

	if !hmac.Equal([]byte(a.keyID), []byte(s.keyID)) {
		return &authError{codeUnrecognizedClient, msgInvalidToken}
	}
	if token := r.Header.Get("X-Amz-Security-Token"); !hmac.Equal([]byte(token), []byte(s.token)) {
		return &authError{codeUnrecognizedClient, msgInvalidToken}
	}

	want, serr := s.signature(r, body, a, signingTime)
	if serr != nil {
		return serr
	}
	if !hmac.Equal([]byte(want), []byte(a.signature)) {
		return &authError{codeInvalidSignature, msgSignatureMismatch}
	}
	return nil
}

// signature recomputes the signature of r with aws-sdk-go-v2's signer.
// Go's server moves the Host header to r.Host and Content-Length to
// r.ContentLength; both are put back when signed. A signed-header list the
// Go signer would not produce (one without host or x-amz-date, one naming
// a header it never signs, or one out of order) cannot match.
func (s *Server) signature(r *http.Request, body []byte, a authorization, signingTime time.Time) (string, *authError) {
	names := strings.Split(a.signedHeaders, ";")
	req, err := http.NewRequest(r.Method, "http://localhost/", nil)
	if err != nil {
		return "", &authError{codeInvalidSignature, msgSignatureMismatch}
	}
	req.URL.Path, req.URL.RawPath, req.URL.RawQuery = r.URL.Path, r.URL.RawPath, r.URL.RawQuery
	req.Host = r.Host
	req.ContentLength = 0
	var hasHost bool
	for _, name := range names {
		switch {
		case name == "host":
			hasHost = true
		case name == "content-length":
			req.ContentLength = r.ContentLength
		case unsignableHeaders[name]:
			return "", &authError{codeInvalidSignature, msgSignatureMismatch +
				" (customlabelstest verifies with aws-sdk-go-v2's signer, which never signs " + name + ")"}
		default:
			if vals := r.Header.Values(name); len(vals) > 0 {
				req.Header[http.CanonicalHeaderKey(name)] = vals
			}
		}
	}
	if !hasHost {
		return "", &authError{codeInvalidSignature, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."}
	}
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: a.keyID, SecretAccessKey: s.secret}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]),
		a.service, a.region, signingTime); err != nil {
		return "", &authError{codeInvalidSignature, msgSignatureMismatch}
	}
	got, perr := parseAuthorization(req.Header.Get("Authorization"))
	if perr != nil || got.signedHeaders != a.signedHeaders {
		// The Go signer lists the headers it signed; a client that listed
		// others, or in another order, signed something else.
		return "", &authError{codeInvalidSignature, msgSignatureMismatch}
	}
	return got.signature, nil
}
