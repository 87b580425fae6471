// Package sigv4check verifies AWS Signature Version 4 header signatures as
// the service does: it recomputes the signature with aws-sdk-go-v2's
// signer over exactly the headers the request lists in SignedHeaders, with
// their received values and the hash of the received body. The fake server
// and the tests share it. Its errors never echo the signature.
package sigv4check

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
)

// Algorithm is the only signing algorithm accepted.
const Algorithm = "AWS4-HMAC-SHA256"

// AmzDateFormat is the layout of the X-Amz-Date header.
const AmzDateFormat = "20060102T150405Z"

// ErrMismatch reports a signature that differs from the recomputed one.
var ErrMismatch = errors.New("signature mismatch")

// Authorization is a parsed SigV4 Authorization header.
type Authorization struct {
	KeyID, Date, Region, Service, Terminator string
	SignedHeaders                            string // as sent, ';'-separated
	Signature                                string
}

// unsignable are headers aws-sdk-go-v2's signer never signs, so a
// signature over them cannot be recomputed with it.
var unsignable = map[string]bool{
	"authorization": true, "user-agent": true, "x-amzn-trace-id": true,
	"expect": true, "transfer-encoding": true,
}

// Parse parses "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
// Signature=...". Its error messages are those AWS gives for an incomplete
// signature.
func Parse(h string) (Authorization, error) {
	var a Authorization
	alg, rest, _ := strings.Cut(strings.TrimSpace(h), " ")
	if alg != Algorithm {
		//lint:ignore ST1005 the message is AWS's, word for word
		return a, fmt.Errorf("Unsupported AWS 'algorithm': '%s'", truncate(alg, 64))
	}
	var credential string
	var haveCred, haveSigned, haveSig bool
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			credential, haveCred = v, true
		case "SignedHeaders":
			a.SignedHeaders, haveSigned = v, true
		case "Signature":
			a.Signature, haveSig = v, true
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
		return a, errors.New(strings.Join(missing, " "))
	}
	parts := strings.Split(credential, "/")
	if len(parts) != 5 {
		//lint:ignore ST1005 the message is AWS's, word for word
		return a, fmt.Errorf("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '%s'", truncate(credential, 256))
	}
	a.KeyID, a.Date, a.Region, a.Service, a.Terminator = parts[0], parts[1], parts[2], parts[3], parts[4]
	return a, nil
}

// Computed is what the service computes from a request to check its
// signature: the canonical request, the string to sign and the signature.
// The canonical request lists the signed headers with their values, the
// session token included when it was signed: it must not be logged.
type Computed struct {
	CanonicalRequest string
	StringToSign     string
	Signature        string
}

// Signature recomputes the signature of r for a with secret. Go's server
// moves the Host header to r.Host and Content-Length to r.ContentLength;
// both are put back when signed. A signed-header list the Go signer would
// not produce (one without host, one naming a header it never signs, or
// one out of order) gives ErrMismatch, with the reason.
func Signature(r *http.Request, body []byte, a Authorization, secret string, signingTime time.Time) (string, error) {
	c, err := Compute(r, body, a, secret, signingTime)
	return c.Signature, err
}

// Compute recomputes the signature of r for a with secret, as Signature
// does, and returns it with the canonical request and the string to sign
// it was computed from, exactly as aws-sdk-go-v2's signer built them.
func Compute(r *http.Request, body []byte, a Authorization, secret string, signingTime time.Time) (Computed, error) {
	sum := sha256.Sum256(body)
	return ComputePayload(r, hex.EncodeToString(sum[:]), a, secret, signingTime)
}

// ComputePayload is Compute with the payload hash of the canonical request
// given instead of the body: S3 clients sign the value of their
// X-Amz-Content-Sha256 header, which may be UNSIGNED-PAYLOAD or a
// STREAMING-... marker rather than the hash of the body. For the service
// "s3" the path is used as sent, not escaped a second time, as SigV4
// prescribes for S3 alone.
func ComputePayload(r *http.Request, payloadHash string, a Authorization, secret string, signingTime time.Time) (Computed, error) {
	req, err := http.NewRequest(r.Method, "http://localhost/", nil)
	if err != nil {
		return Computed{}, ErrMismatch
	}
	req.URL.Path, req.URL.RawPath, req.URL.RawQuery = r.URL.Path, r.URL.RawPath, r.URL.RawQuery
	req.Host = r.Host
	req.ContentLength = 0
	hasHost := false
	for _, name := range strings.Split(a.SignedHeaders, ";") {
		switch {
		case name == "host":
			hasHost = true
		case name == "content-length":
			req.ContentLength = r.ContentLength
		case unsignable[name]:
			return Computed{}, fmt.Errorf("%w: aws-sdk-go-v2's signer never signs %s", ErrMismatch, name)
		default:
			if vals := r.Header.Values(name); len(vals) > 0 {
				req.Header[http.CanonicalHeaderKey(name)] = vals
			}
		}
	}
	if !hasHost {
		return Computed{}, fmt.Errorf("%w: 'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization", ErrMismatch)
	}
	creds := aws.Credentials{AccessKeyID: a.KeyID, SecretAccessKey: secret}
	var c Computed
	capture := func(o *v4.SignerOptions) {
		o.LogSigning = true
		o.Logger = signingLog{&c}
		o.DisableURIPathEscaping = a.Service == "s3"
	}
	if err := v4.NewSigner(capture).SignHTTP(context.Background(), creds, req, payloadHash,
		a.Service, a.Region, signingTime); err != nil {
		return Computed{}, ErrMismatch
	}
	got, err := Parse(req.Header.Get("Authorization"))
	if err != nil || got.SignedHeaders != a.SignedHeaders {
		// The Go signer lists the headers it signed; a client that listed
		// others, or in another order, signed something else.
		return Computed{}, ErrMismatch
	}
	c.Signature = got.Signature
	return c, nil
}

// signingLog receives the canonical request and the string to sign from
// aws-sdk-go-v2's signer, which passes them as the first two arguments of
// the debug message it logs when LogSigning is set (the signer exposes
// them no other way). If a later version passed them otherwise, they stay
// empty; sigv4check's tests check that they are filled and agree with the
// signature.
type signingLog struct{ c *Computed }

func (l signingLog) Logf(_ logging.Classification, _ string, v ...interface{}) {
	if len(v) < 2 {
		return
	}
	canonical, ok1 := v[0].(string)
	toSign, ok2 := v[1].(string)
	if ok1 && ok2 {
		l.c.CanonicalRequest, l.c.StringToSign = canonical, toSign
	}
}

// Verify checks r's signature with secret, with no policy on key, scope or
// time: it parses the Authorization and X-Amz-Date headers, recomputes
// the signature and compares it in constant time.
func Verify(r *http.Request, body []byte, secret string) error {
	a, err := Parse(r.Header.Get("Authorization"))
	if err != nil {
		return err
	}
	at, err := time.Parse(AmzDateFormat, r.Header.Get("X-Amz-Date"))
	if err != nil {
		return fmt.Errorf("bad X-Amz-Date: %w", err)
	}
	want, err := Signature(r, body, a, secret, at)
	if err != nil {
		return err
	}
	if !hmac.Equal([]byte(want), []byte(a.Signature)) {
		return ErrMismatch
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
