package customlabelstest

import (
	"crypto/hmac"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels/internal/sigv4check"
)

// requestCheck is what a Stub makes of a request before it looks at its
// expectations: the operation and its input, or the service's refusal
// and what is wrong, for the test's failure.
type requestCheck struct {
	op      string
	in      any
	refusal *response
	problem string
}

// maxProblemBody caps how much of a body a failure quotes.
const maxProblemBody = 512

// checkRequest checks r as the service would before running the
// operation: POST /, the content type, an X-Amz-Target naming an
// operation of the client, a SigV4 signature, and a body the operation's
// generated reader reads and finds valid. Each refusal is the service's
// (a 400 with its code); the client never sends such a request, so each
// is also a failure of the test.
func checkRequest(r *http.Request, body []byte) requestCheck {
	target := r.Header.Get("X-Amz-Target")
	op := strings.TrimPrefix(target, targetPrefix)
	refuse := func(code, problem string) requestCheck {
		name := op
		if name == "" || !strings.HasPrefix(target, targetPrefix) {
			name = "X-Amz-Target " + truncate(fmt.Sprintf("%q", target), 128)
		}
		return requestCheck{
			op:      name,
			refusal: errorResponse(http.StatusBadRequest, newRequestID(), code, problem),
			problem: name + ": " + problem,
		}
	}
	if r.Method != http.MethodPost || (r.URL.Path != "/" && r.URL.Path != "") {
		return refuse(codeUnknownOperation, fmt.Sprintf("%s %s, want POST /", r.Method, truncate(r.URL.Path, 128)))
	}
	c, known := codecs[op]
	if !strings.HasPrefix(target, targetPrefix) || !known {
		return refuse(codeUnknownOperation, fmt.Sprintf("X-Amz-Target is %s, want %s<Operation> for one of %s",
			truncate(fmt.Sprintf("%q", target), 128), targetPrefix, strings.Join(operationNames(), ", ")))
	}
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != contentType {
		return refuse(codeSerialization, fmt.Sprintf("Content-Type is %s, want %s", truncate(fmt.Sprintf("%q", ct), 128), contentType))
	}
	if code, problem := checkSignature(r, body); code != "" {
		return refuse(code, problem)
	}
	in, serial, invalid := c.read(body)
	switch {
	case serial != "":
		return refuse(codeSerialization, fmt.Sprintf("the service cannot read the body: %s; body %s", serial, quoteBody(body)))
	case invalid != "":
		return refuse(codeValidation, fmt.Sprintf("the service would refuse the input %s: %s "+
			"(the client validates input before sending it: a bug of the client)", formatValue(in), invalid))
	}
	return requestCheck{op: op, in: in}
}

// checkSignature checks the SigV4 Authorization header of r: its form,
// X-Amz-Date, the credential scope, and, for a request signed with the
// Stub's access key, the signature itself, recomputed with
// aws-sdk-go-v2's signer. It returns the code the service would refuse
// the request with and what is wrong, or "". No message quotes the
// signature.
func checkSignature(r *http.Request, body []byte) (code, problem string) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return codeMissingAuthentication, "no Authorization header: the request is not signed"
	}
	a, err := sigv4check.Parse(h)
	if err != nil {
		return codeIncompleteSignature, "the Authorization header is not a SigV4 signature: " + err.Error()
	}
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return codeIncompleteSignature, "no X-Amz-Date header"
	}
	signingTime, err := time.Parse(sigv4check.AmzDateFormat, amzDate)
	if err != nil {
		return codeIncompleteSignature, fmt.Sprintf("X-Amz-Date %s is not in the form %s", truncate(fmt.Sprintf("%q", amzDate), 64), sigv4check.AmzDateFormat)
	}
	switch {
	case a.Terminator != "aws4_request" || a.Service != signingService || a.Date != amzDate[:8] || a.Region == "":
		return codeInvalidSignature, fmt.Sprintf("the credential scope is %s, want DATE/REGION/%s/aws4_request with the date of X-Amz-Date (%s)",
			truncate(strings.Join([]string{a.Date, a.Region, a.Service, a.Terminator}, "/"), 128), signingService, amzDate[:8])
	case a.KeyID != DefaultAccessKeyID:
		return "", "" // another key: its secret is unknown here
	case r.Header.Get("X-Amz-Security-Token") != "":
		return codeUnrecognizedClient, "the request carries a session token; the Stub's credentials have none"
	}
	rc := *r
	if rc.Host == "" {
		rc.Host = r.URL.Host
	}
	want, err := sigv4check.Compute(&rc, body, a, DefaultSecretAccessKey, signingTime)
	if err != nil {
		return codeInvalidSignature, "the signature cannot be recomputed: " + err.Error()
	}
	if !hmac.Equal([]byte(want.Signature), []byte(a.Signature)) {
		return codeInvalidSignature, "the signature does not match the request signed with the Stub's credentials"
	}
	return "", ""
}

// quoteBody quotes a body for a message, cut at maxProblemBody bytes.
func quoteBody(b []byte) string {
	if len(b) > maxProblemBody {
		return fmt.Sprintf("%q... (%d bytes)", b[:maxProblemBody], len(b))
	}
	return fmt.Sprintf("%q", b)
}
