package customlabelstest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// signParams overrides what sign uses; zero fields take the server's
// defaults.
type signParams struct {
	keyID, secret, token string
	region, service      string
	at                   time.Time
	// withoutContentLength signs as boto3 and the AWS CLI do, leaving
	// content-length out of SignedHeaders.
	withoutContentLength bool
	unsigned             bool
}

func sign(t *testing.T, req *http.Request, body []byte, p signParams) {
	t.Helper()
	if p.unsigned {
		return
	}
	if p.keyID == "" {
		p.keyID, p.secret = customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey
	}
	if p.region == "" {
		p.region = customlabelstest.DefaultRegion
	}
	if p.service == "" {
		p.service = "rekognition"
	}
	if p.at.IsZero() {
		p.at = time.Now()
	}
	sum := sha256.Sum256(body)
	length := req.ContentLength
	if p.withoutContentLength {
		req.ContentLength = 0
	}
	creds := aws.Credentials{AccessKeyID: p.keyID, SecretAccessKey: p.secret, SessionToken: p.token}
	require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), p.service, p.region, p.at))
	req.ContentLength = length
}

// signedCall posts body signed with p.
func signedCall(t *testing.T, srv *customlabelstest.Server, body string, p signParams, edit func(*http.Request)) rawResult {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	sign(t, req, []byte(body), p)
	if edit != nil {
		edit(req)
	}
	return do(t, srv, req)
}

// errorBody decodes an error response body.
func errorBody(t *testing.T, body string) (typ, message string) {
	t.Helper()
	var b map[string]string
	require.NoError(t, json.Unmarshal([]byte(body), &b), "body %q", body)
	return b["__type"], b["message"]
}

// TestSignatureTestVector checks the SigV4 test vector of the wire spec §6
// against the server: a request carrying exactly that signature is
// accepted at that time, and one differing hex digit is refused.
func TestSignatureTestVector(t *testing.T) {
	at := time.Date(2015, 8, 30, 12, 36, 0, 0, time.UTC)
	cases := []struct {
		name, token, signedHeaders, signature string
	}{
		{"long-term credentials", "", "content-length;content-type;host;x-amz-date;x-amz-target",
			"0486117b9f06d580e4185b386dcaf0204b7a6d35fe937c04a711616b4b77f8e0"},
		{"session token", "SESSIONTOKEN", "content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target",
			"e607ac0b951481a3cdc3c6b524fc4df0638f834b0aa0f3522a44e6f0da61aca8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t,
				customlabelstest.WithCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", tc.token),
				customlabelstest.WithClock(func() time.Time { return at }))
			call := func(signature string) rawResult {
				req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader("{}"))
				require.NoError(t, err)
				req.Host = "rekognition.us-east-1.amazonaws.com"
				req.Header.Set("Content-Type", "application/x-amz-json-1.1")
				req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
				req.Header.Set("X-Amz-Date", "20150830T123600Z")
				if tc.token != "" {
					req.Header.Set("X-Amz-Security-Token", tc.token)
				}
				req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/rekognition/aws4_request, SignedHeaders="+
					tc.signedHeaders+", Signature="+signature)
				return do(t, srv, req)
			}
			ok := call(tc.signature)
			assert.Equal(t, http.StatusOK, ok.status, ok.body)

			last := "0"
			if tc.signature[63] == '0' {
				last = "1"
			}
			bad := call(tc.signature[:63] + last)
			assert.Equal(t, http.StatusBadRequest, bad.status)
			typ, msg := errorBody(t, bad.body)
			assert.Equal(t, "com.amazon.coral.service#InvalidSignatureException", typ)
			assert.True(t, strings.HasPrefix(msg, "The request signature we calculated does not match"), msg)
		})
	}
}

// tamper is a transport that changes requests after they were signed.
type tamper struct {
	base http.RoundTripper
	edit func(*http.Request)
}

func (tp tamper) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	tp.edit(r)
	return tp.base.RoundTrip(r)
}

func TestClientSignatureFailures(t *testing.T) {
	const secret = "secret-under-test-never-shown"
	cases := []struct {
		name    string
		srvOpts []customlabelstest.Option
		optFn   func(srv *customlabelstest.Server) func(*customlabels.Options)
		code    string
		message string
	}{
		{
			name: "tampered body",
			optFn: func(srv *customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					hc := srv.HTTPClient()
					hc.Transport = tamper{hc.Transport, func(r *http.Request) {
						// Same length, other bytes: only the body hash differs.
						r.Body = io.NopCloser(strings.NewReader(`{"MaxResults":6}`))
					}}
					o.HTTPClient = hc
				}
			},
			code:    "InvalidSignatureException",
			message: "The request signature we calculated does not match the signature you provided.",
		},
		{
			name: "tampered signed header",
			optFn: func(srv *customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					hc := srv.HTTPClient()
					hc.Transport = tamper{hc.Transport, func(r *http.Request) { r.Header.Set("Amz-Sdk-Request", "attempt=9; max=9") }}
					o.HTTPClient = hc
				}
			},
			code:    "InvalidSignatureException",
			message: "The request signature we calculated does not match",
		},
		{
			name: "wrong secret key",
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
						return aws.Credentials{AccessKeyID: customlabelstest.DefaultAccessKeyID, SecretAccessKey: secret}, nil
					})
				}
			},
			code:    "InvalidSignatureException",
			message: "The request signature we calculated does not match",
		},
		{
			name: "unknown access key",
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
						return aws.Credentials{AccessKeyID: "AKIDUNKNOWN", SecretAccessKey: customlabelstest.DefaultSecretAccessKey}, nil
					})
				}
			},
			code:    "UnrecognizedClientException",
			message: "The security token included in the request is invalid.",
		},
		{
			name: "wrong region",
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) { o.Region = "eu-west-1" }
			},
			code:    "InvalidSignatureException",
			message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
		},
		{
			name:    "stale date",
			srvOpts: []customlabelstest.Option{customlabelstest.WithClockOffset(10 * time.Minute)},
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) { o.DisableClockSkewCorrection = true }
			},
			code:    "InvalidSignatureException",
			message: "Signature expired: ",
		},
		{
			name:    "date in the future",
			srvOpts: []customlabelstest.Option{customlabelstest.WithClockOffset(-10 * time.Minute)},
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) { o.DisableClockSkewCorrection = true }
			},
			code:    "InvalidSignatureException",
			message: "Signature not yet current: ",
		},
		{
			name:    "session token missing",
			srvOpts: []customlabelstest.Option{customlabelstest.WithCredentials("AKIDTOKEN", secret, "the-token")},
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
						return aws.Credentials{AccessKeyID: "AKIDTOKEN", SecretAccessKey: secret}, nil
					})
				}
			},
			code:    "UnrecognizedClientException",
			message: "The security token included in the request is invalid.",
		},
		{
			name:    "session token wrong",
			srvOpts: []customlabelstest.Option{customlabelstest.WithCredentials("AKIDTOKEN", secret, "the-token")},
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
						return aws.Credentials{AccessKeyID: "AKIDTOKEN", SecretAccessKey: secret, SessionToken: "other-token-never-shown"}, nil
					})
				}
			},
			code:    "UnrecognizedClientException",
			message: "The security token included in the request is invalid.",
		},
		{
			name: "session token not expected",
			optFn: func(*customlabelstest.Server) func(*customlabels.Options) {
				return func(o *customlabels.Options) {
					o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
						return aws.Credentials{AccessKeyID: customlabelstest.DefaultAccessKeyID,
							SecretAccessKey: customlabelstest.DefaultSecretAccessKey, SessionToken: "unexpected-token-never-shown"}, nil
					})
				}
			},
			code:    "UnrecognizedClientException",
			message: "The security token included in the request is invalid.",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, append([]customlabelstest.Option{customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...)}, tc.srvOpts...)...)
			c := srv.Client(noRetry, tc.optFn(srv))
			out, err := c.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{MaxResults: 5})
			assert.Nil(t, out)
			apiErr, status := apiError(t, err)
			assert.Equal(t, tc.code, apiErr.ErrorCode(), "DescribeProjects() error = %v", err)
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, apiErr.ErrorMessage(), tc.message)
			for _, s := range []string{secret, "other-token-never-shown", "unexpected-token-never-shown", customlabelstest.DefaultSecretAccessKey, "Signature="} {
				assert.NotContains(t, err.Error(), s)
			}
			reqs := srv.Requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, tc.code, reqs[0].ErrorCode)
		})
	}
}

// The client measures the skew from the Date header of the refusal and
// signs its retry with the server's time, as the AWS SDKs do.
func TestClockSkewIsCorrectedOnRetry(t *testing.T) {
	srv := newServer(t, customlabelstest.WithClockOffset(15*time.Minute), customlabelstest.WithProjects(customlabelstest.DemoProjects(2, 1)...))
	out, err := srv.Client().DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, 1)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "InvalidSignatureException", reqs[0].ErrorCode)
	assert.Equal(t, http.StatusOK, reqs[1].Status)

	// SetClockOffset moves the clock back: the client's correction is now
	// wrong by 15 minutes, and it corrects again.
	srv.ResetRequests()
	srv.SetClockOffset(0)
	_, err = srv.Client().DescribeProjects(context.Background(), nil)
	require.NoError(t, err, "a new client has no correction")
}

func TestSignatureWithoutContentLengthAsBoto3Signs(t *testing.T) {
	srv := newServer(t)
	var signed string
	res := signedCall(t, srv, `{"MaxResults":3}`, signParams{withoutContentLength: true}, func(r *http.Request) {
		signed = r.Header.Get("Authorization")
	})
	require.Contains(t, signed, "SignedHeaders=content-type;host;x-amz-date;x-amz-target,")
	assert.Equal(t, http.StatusOK, res.status, res.body)

	// The Go signer's set, with content-length, passes too.
	res = signedCall(t, srv, `{"MaxResults":3}`, signParams{}, func(r *http.Request) { signed = r.Header.Get("Authorization") })
	require.Contains(t, signed, "SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target,")
	assert.Equal(t, http.StatusOK, res.status, res.body)

	// An unsigned header may change; a signed one may not.
	res = signedCall(t, srv, `{}`, signParams{}, func(r *http.Request) { r.Header.Set("X-Unsigned", "later") })
	assert.Equal(t, http.StatusOK, res.status, res.body)
	res = signedCall(t, srv, `{}`, signParams{}, func(r *http.Request) { r.Header.Set("Content-Type", "application/x-amz-json-1.1; charset=utf-8") })
	assert.Equal(t, http.StatusBadRequest, res.status)
	typ, _ := errorBody(t, res.body)
	assert.Equal(t, "com.amazon.coral.service#InvalidSignatureException", typ)
}

func TestMalformedAuthentication(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		name    string
		p       signParams
		edit    func(*http.Request)
		typ     string
		message string
	}{
		{"no authorization", signParams{unsigned: true}, nil,
			"com.amazon.coral.service#MissingAuthenticationTokenException", "Missing Authentication Token"},
		{"other algorithm", signParams{}, func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", 1))
		}, "com.amazon.coral.service#IncompleteSignatureException", "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'"},
		{"no signature", signParams{}, func(r *http.Request) {
			h := r.Header.Get("Authorization")
			r.Header.Set("Authorization", h[:strings.Index(h, ", Signature=")])
		}, "com.amazon.coral.service#IncompleteSignatureException", "Authorization header requires 'Signature' parameter."},
		{"short credential", signParams{}, func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "/aws4_request", "", 1))
		}, "com.amazon.coral.service#IncompleteSignatureException", "Credential must have exactly 5 slash-delimited elements"},
		{"no date", signParams{}, func(r *http.Request) { r.Header.Del("X-Amz-Date") },
			"com.amazon.coral.service#IncompleteSignatureException", "requires existence of either a 'X-Amz-Date' or a 'Date' header"},
		{"bad date", signParams{}, func(r *http.Request) { r.Header.Set("X-Amz-Date", "yesterday") },
			"com.amazon.coral.service#IncompleteSignatureException", "Date must be in ISO-8601 'basic format'. Got 'yesterday'."},
		{"wrong service", signParams{service: "s3"}, nil,
			"com.amazon.coral.service#InvalidSignatureException", "Credential should be scoped to correct service: 'rekognition'."},
		{"wrong terminator", signParams{}, func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "/aws4_request", "/aws5_request", 1))
		}, "com.amazon.coral.service#InvalidSignatureException", "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'."},
		{"scope date differs", signParams{}, func(r *http.Request) {
			d := r.Header.Get("X-Amz-Date")
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "/"+d[:8]+"/", "/20000101/", 1))
		}, "com.amazon.coral.service#InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD"},
		{"host not signed", signParams{}, func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), ";host;", ";", 1))
		}, "com.amazon.coral.service#InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader'"},
		{"user-agent signed", signParams{}, func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), ";x-amz-target,", ";user-agent;x-amz-target,", 1))
		}, "com.amazon.coral.service#InvalidSignatureException", "never signs user-agent"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := signedCall(t, srv, `{}`, tc.p, tc.edit)
			assert.Equal(t, http.StatusBadRequest, res.status)
			typ, msg := errorBody(t, res.body)
			assert.Equal(t, tc.typ, typ)
			assert.Contains(t, msg, tc.message)
			assert.NotContains(t, msg, "Signature=")
			assert.NotContains(t, msg, customlabelstest.DefaultSecretAccessKey)
		})
	}
}

func TestWithoutSignatureVerification(t *testing.T) {
	srv := newServer(t, customlabelstest.WithoutSignatureVerification(), customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	res := signedCall(t, srv, `{}`, signParams{unsigned: true}, nil)
	assert.Equal(t, http.StatusOK, res.status, res.body)
	res = signedCall(t, srv, `{}`, signParams{keyID: "AKIDANY", secret: "anything"}, nil)
	assert.Equal(t, http.StatusOK, res.status, res.body)
	assert.Equal(t, "AKIDANY", srv.Requests()[1].AccessKeyID)
	// Other checks still apply.
	res = signedCall(t, srv, `{"MaxResults":500}`, signParams{unsigned: true}, nil)
	assert.Equal(t, http.StatusBadRequest, res.status)
}
