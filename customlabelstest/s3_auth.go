package customlabelstest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels/internal/sigv4check"
)

// S3 request signing: the signature is checked as for Rekognition
// (auth.go, with service "s3" and S3's 15 minutes of clock skew), over
// the payload hash the client states in X-Amz-Content-Sha256; refusals are
// written as S3 writes them.

const (
	s3SigningService = "s3"
	// s3MaxSkew is how far S3 lets a request's date be from its clock.
	s3MaxSkew = 15 * time.Minute

	hashUnsignedPayload        = "UNSIGNED-PAYLOAD"
	hashStreamingUnsigned      = "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
	hashStreamingSigned        = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
	hashStreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"
)

// s3Auth is what authenticating a request tells the reading of its
// payload.
type s3Auth struct {
	payloadHash string // X-Amz-Content-Sha256 as sent
	// chunks verifies the chunk signatures of a
	// STREAMING-AWS4-HMAC-SHA256-PAYLOAD body; nil when signatures are
	// not verified.
	chunks *chunkSigner
}

// authenticateS3 checks r's signature, or only reads its payload hash
// when the server does not verify signatures.
func (s *Server) authenticateS3(r *http.Request) (s3Auth, *s3Error) {
	a := s3Auth{payloadHash: r.Header.Get("X-Amz-Content-Sha256")}
	if !s.verify {
		return a, checkPayloadHash(a.payloadHash, false)
	}
	if r.Header.Get("Authorization") == "" {
		if q := r.URL.Query(); q.Has("X-Amz-Signature") || q.Has("X-Amz-Credential") {
			return a, errNotImplemented("presigned URLs: sign requests with the Authorization header")
		}
		return a, &s3Error{status: http.StatusForbidden, code: "AccessDenied", message: "Access Denied"}
	}
	if a.payloadHash == "" {
		return a, errInvalidRequest("Missing required header for this request: x-amz-content-sha256")
	}
	if err := checkPayloadHash(a.payloadHash, true); err != nil {
		return a, err
	}
	if ae := s.verifySigV4(r, s3SigningService, a.payloadHash, s3MaxSkew, s.now()); ae != nil {
		return a, s.s3AuthError(r, ae)
	}
	if strings.HasPrefix(a.payloadHash, "STREAMING-AWS4-") {
		a.chunks = s.newChunkSigner(r)
	}
	return a, nil
}

// checkPayloadHash accepts the values of X-Amz-Content-Sha256 S3 accepts
// and the fake serves: a SHA-256 in hex, UNSIGNED-PAYLOAD, and aws-chunked
// payloads, unsigned with a trailer or with signed chunks. Without
// verification an absent header is fine.
func checkPayloadHash(h string, verify bool) *s3Error {
	switch h {
	case hashUnsignedPayload, hashStreamingUnsigned, hashStreamingSigned, hashStreamingSignedTrailer:
		return nil
	case "":
		if !verify {
			return nil
		}
	}
	if strings.HasPrefix(h, "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD") {
		return errNotImplemented("SigV4a (" + h + ")")
	}
	if len(h) == 64 && strings.Trim(h, "0123456789abcdef") == "" {
		return nil
	}
	return errInvalidArgument("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, "+
		"STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, "+
		"STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.",
		"x-amz-content-sha256", h)
}

// s3AuthError is S3's answer to a failed authentication.
func (s *Server) s3AuthError(r *http.Request, ae *authError) *s3Error {
	const malformed = "The authorization header is malformed; "
	bad := func(msg string, fields ...s3Field) *s3Error {
		return &s3Error{status: http.StatusBadRequest, code: "AuthorizationHeaderMalformed", message: malformed + msg, fields: fields}
	}
	a, _ := sigv4check.Parse(r.Header.Get("Authorization"))
	switch ae.kind {
	case authMalformed:
		if !strings.HasPrefix(strings.TrimSpace(r.Header.Get("Authorization")), sigv4check.Algorithm+" ") {
			return errInvalidRequest("The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.")
		}
		return bad(ae.message)
	case authNoDate, authBadDate:
		return &s3Error{status: http.StatusForbidden, code: "AccessDenied",
			message: "AWS authentication requires a valid Date or x-amz-date header"}
	case authTerminator:
		return bad(`the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`)
	case authService:
		return bad(`incorrect service "` + truncate(a.Service, 64) + `". This endpoint belongs to "s3".`)
	case authRegion:
		return bad("the region '"+truncate(a.Region, 64)+"' is wrong; expecting '"+s.region+"'", s3Field{"Region", s.region})
	case authScopeDate:
		return bad("Invalid credential date. Date is not the same as X-Amz-Date.")
	case authExpired, authNotYet:
		return &s3Error{status: http.StatusForbidden, code: "RequestTimeTooSkewed",
			message: "The difference between the request time and the current time is too large.",
			fields: []s3Field{{"RequestTime", truncate(r.Header.Get("X-Amz-Date"), 32)},
				{"ServerTime", s.now().UTC().Format(time.RFC3339)}, {"MaxAllowedSkewMilliseconds", "900000"}}}
	case authUnknownKey:
		return &s3Error{status: http.StatusForbidden, code: "InvalidAccessKeyId",
			message: "The AWS Access Key Id you provided does not exist in our records.",
			fields:  []s3Field{{"AWSAccessKeyId", truncate(a.KeyID, 128)}}}
	case authBadToken:
		return &s3Error{status: http.StatusBadRequest, code: "InvalidToken",
			message: "The provided token is malformed or otherwise invalid."}
	case authMismatch:
		e := &s3Error{status: http.StatusForbidden, code: "SignatureDoesNotMatch",
			message: "The request signature we calculated does not match the signature you provided. Check your key and signing method."}
		if ae.computed.StringToSign == "" {
			// The signed headers are not those the Go signer signs: the
			// Rekognition message says which.
			e.message += strings.TrimPrefix(ae.message, msgSignatureMismatch)
		}
		// As S3, the canonical request and string to sign the server
		// computed, for the client to compare with its own; never the
		// signature sent.
		e.fields = []s3Field{{"AWSAccessKeyId", truncate(a.KeyID, 128)},
			{"StringToSign", ae.computed.StringToSign}, {"CanonicalRequest", ae.computed.CanonicalRequest}}
		return e
	}
	return &s3Error{status: http.StatusForbidden, code: "AccessDenied", message: "Access Denied"}
}

// chunkSigner verifies the signatures of the chunks of a
// STREAMING-AWS4-HMAC-SHA256-PAYLOAD body: each signs the previous
// signature (the first, the request's) and the chunk's SHA-256; the
// trailer's signs the previous one and the trailing headers.
type chunkSigner struct {
	key     []byte
	amzDate string
	scope   string
	prev    string
}

// newChunkSigner returns the verifier of an authenticated request's
// chunks.
func (s *Server) newChunkSigner(r *http.Request) *chunkSigner {
	a, _ := sigv4check.Parse(r.Header.Get("Authorization"))
	key := []byte("AWS4" + s.secret)
	for _, part := range []string{a.Date, a.Region, a.Service, a.Terminator} {
		key = hmacSHA256(key, part)
	}
	return &chunkSigner{key: key, amzDate: r.Header.Get("X-Amz-Date"),
		scope: a.Date + "/" + a.Region + "/" + a.Service + "/" + a.Terminator, prev: a.Signature}
}

const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// chunk reports whether sig signs data as the next chunk.
func (c *chunkSigner) chunk(data []byte, sig string) bool {
	sum := sha256.Sum256(data)
	return c.next("AWS4-HMAC-SHA256-PAYLOAD\n"+c.amzDate+"\n"+c.scope+"\n"+c.prev+"\n"+emptySHA256+"\n"+hex.EncodeToString(sum[:]), sig)
}

// trailer reports whether sig signs the trailing headers, given as
// "name:value\n" lines.
func (c *chunkSigner) trailer(lines string, sig string) bool {
	sum := sha256.Sum256([]byte(lines))
	return c.next("AWS4-HMAC-SHA256-TRAILER\n"+c.amzDate+"\n"+c.scope+"\n"+c.prev+"\n"+hex.EncodeToString(sum[:]), sig)
}

func (c *chunkSigner) next(stringToSign, sig string) bool {
	want := hex.EncodeToString(hmacSHA256(c.key, stringToSign))
	c.prev = want
	return hmac.Equal([]byte(want), []byte(sig))
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

func errChunkSignature() *s3Error {
	return &s3Error{status: http.StatusForbidden, code: "SignatureDoesNotMatch",
		message: "The request signature we calculated does not match the signature you provided. Check your key and signing method. (a chunk signature of the aws-chunked payload)"}
}
