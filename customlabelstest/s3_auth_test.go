package customlabelstest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

func TestS3Authentication(t *testing.T) {
	srv := newS3Server(t, customlabelstest.WithRegion("us-east-1"))
	srv.PutS3Object("bucket", "k", "", []byte("x"))
	get := func(sign signParams, edit func(*http.Request)) s3Result {
		return s3Do(t, srv, s3Req{method: http.MethodGet, target: "/bucket/k", sign: sign, edit: edit})
	}
	cases := []struct {
		name    string
		res     s3Result
		status  int
		code    string
		message string
	}{
		{"wrong secret", get(signParams{keyID: customlabelstest.DefaultAccessKeyID, secret: "wrong"}, nil),
			403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method."},
		{"tampered path", get(signParams{}, func(r *http.Request) { r.URL.Path = "/bucket/other" }),
			403, "SignatureDoesNotMatch", ""},
		{"unknown key", get(signParams{keyID: "AKIDOTHER", secret: customlabelstest.DefaultSecretAccessKey}, nil),
			403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."},
		{"wrong region", get(signParams{region: "eu-west-1"}, nil),
			400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'"},
		{"wrong service", get(signParams{service: "rekognition"}, nil),
			400, "AuthorizationHeaderMalformed", `incorrect service "rekognition". This endpoint belongs to "s3".`},
		{"anonymous", get(signParams{unsigned: true}, nil), 403, "AccessDenied", "Access Denied"},
		{"no date", get(signParams{}, func(r *http.Request) { r.Header.Del("X-Amz-Date") }),
			403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header"},
		{"signed 16 minutes ago", get(signParams{at: time.Now().Add(-16 * time.Minute)}, nil),
			403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large."},
		{"unexpected token", get(signParams{token: "tok"}, nil), 400, "InvalidToken", "The provided token is malformed or otherwise invalid."},
		{"no x-amz-content-sha256", get(signParams{}, func(r *http.Request) { r.Header.Del("X-Amz-Content-Sha256") }),
			400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256"},
		{"signature version 2", get(signParams{unsigned: true}, func(r *http.Request) { r.Header.Set("Authorization", "AWS AKID:c2ln") }),
			400, "InvalidRequest", "Please use AWS4-HMAC-SHA256."},
		{"presigned URL", get(signParams{unsigned: true}, func(r *http.Request) {
			r.URL.RawQuery = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=00"
		}), 501, "NotImplemented", "presigned URLs"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.status, tc.res.status, "%s", tc.res.body)
			e := s3ErrorOf(t, tc.res)
			assert.Equal(t, tc.code, e.Code)
			assert.Contains(t, e.Message, tc.message)
			assert.NotContains(t, string(tc.res.body), customlabelstest.DefaultSecretAccessKey)
		})
	}

	// A mismatch shows what the server signed, as S3 does, so that a
	// client can compare; never the signature sent.
	res := get(signParams{keyID: customlabelstest.DefaultAccessKeyID, secret: "wrong"}, nil)
	e := s3ErrorOf(t, res)
	assert.Equal(t, customlabelstest.DefaultAccessKeyID, e.AWSAccessKeyId)
	assert.True(t, strings.HasPrefix(e.CanonicalRequest, "GET\n/bucket/k\n"), e.CanonicalRequest)
	assert.True(t, strings.HasPrefix(e.StringToSign, "AWS4-HMAC-SHA256\n"), e.StringToSign)
	assert.NotContains(t, string(res.body), "Signature=")

	// Within S3's 15 minutes of skew, unlike Rekognition's 5.
	assert.Equal(t, http.StatusOK, get(signParams{at: time.Now().Add(-10 * time.Minute)}, nil).status)
	// The key is escaped once in the canonical URI.
	srv.PutS3Object("bucket", "a b/ü+(1).jpg", "", []byte("x"))
	assert.Equal(t, http.StatusOK, s3Get(t, srv, "/bucket/a%20b/%C3%BC%2B%281%29.jpg", nil).status)

	// Failures are recorded without secrets.
	last := srv.Requests()[len(srv.Requests())-1]
	assert.Empty(t, last.Header.Get("Authorization"))
}

func TestS3SessionToken(t *testing.T) {
	srv := newServer(t, customlabelstest.WithCredentials("AKIDTOKEN", "secret", "the-token"))
	ok := s3Do(t, srv, s3Req{method: http.MethodGet, target: "/", sign: signParams{keyID: "AKIDTOKEN", secret: "secret", token: "the-token"}})
	assert.Equal(t, http.StatusOK, ok.status, "%s", ok.body)
	res := s3Do(t, srv, s3Req{method: http.MethodGet, target: "/", sign: signParams{keyID: "AKIDTOKEN", secret: "secret"}})
	assert.Equal(t, "InvalidToken", s3ErrorOf(t, res).Code)
	assert.NotContains(t, string(res.body), "the-token")
}

func TestS3WithoutSignatureVerification(t *testing.T) {
	srv := newServer(t, customlabelstest.WithoutSignatureVerification())
	res := s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket", sign: signParams{unsigned: true},
		edit: func(r *http.Request) { r.Header.Del("X-Amz-Content-Sha256") }})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/k", body: []byte("data"),
		sign: signParams{keyID: "ANY", secret: "thing"}})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	// The payload is still checked against what the client said of it.
	res = s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/k", body: []byte("data"),
		payloadHash: strings.Repeat("0", 64), sign: signParams{unsigned: true}})
	assert.Equal(t, "XAmzContentSHA256Mismatch", s3ErrorOf(t, res).Code)
}

// A request goes to S3 when it has no X-Amz-Target and either is signed
// for s3 or asks for a path other than "/".
func TestS3RequestsAreToldApart(t *testing.T) {
	srv := newServer(t)
	res := s3Get(t, srv, "/", nil)
	require.Equal(t, http.StatusOK, res.status, "GET / signed for s3 is ListBuckets: %s", res.body)
	assert.Contains(t, string(res.body), "<ListAllMyBucketsResult")

	res = s3Do(t, srv, s3Req{method: http.MethodGet, target: "/", sign: signParams{service: "rekognition"}})
	assert.Equal(t, "application/x-amz-json-1.1", res.header.Get("Content-Type"), "GET / signed for rekognition is Rekognition's: %s", res.body)

	res = s3Do(t, srv, s3Req{method: http.MethodGet, target: "/bucket", sign: signParams{service: "rekognition"}})
	assert.Equal(t, "AuthorizationHeaderMalformed", s3ErrorOf(t, res).Code, "another path is S3's, whatever the scope")
}
