package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// echoed is what a server repeats of the request it received: the session
// token, the signature and, should a server know it, the secret key.
type echoed struct {
	token, signature, authorization, secretKey string
}

func echoedFrom(r *http.Request) echoed {
	auth := r.Header.Get("Authorization")
	_, sig, _ := strings.Cut(auth, "Signature=")
	return echoed{token: r.Header.Get("X-Amz-Security-Token"), signature: sig, authorization: auth, secretKey: hSecretKey}
}

// canonicalRequestMessage is the message AWS sends with
// InvalidSignatureException: the canonical request it computed (whose
// x-amz-security-token line carries the token) and the string to sign.
func canonicalRequestMessage(r *http.Request, e echoed) string {
	return "The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n" +
		"The Canonical String for this request should have been\n'POST\n/\n\n" +
		"content-type:application/x-amz-json-1.1\nhost:" + r.Host + "\n" +
		"x-amz-date:" + r.Header.Get("X-Amz-Date") + "\n" +
		"x-amz-security-token:" + e.token + "\n" +
		"x-amz-target:" + r.Header.Get("X-Amz-Target") + "\n\n" +
		"content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n" +
		"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'\n\n" +
		"The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n" + r.Header.Get("X-Amz-Date") + "\n" +
		"20150830/us-east-1/rekognition/aws4_request\n" +
		"0000000000000000000000000000000000000000000000000000000000000000'\n" +
		"(you sent signature " + e.signature + " and, somehow, key " + e.secretKey + ")"
}

// TestScrubEchoedSecrets sends session-signed requests to servers that
// echo the token, the signature and the secret key back in every place a
// client repeats: the message of an InvalidSignatureException (as AWS
// does), the message's cap boundary, the other members, X-Amzn-ErrorType,
// the request ID, other headers, and a non-JSON body. No secret may reach
// Error(), ErrorMessage(), %+v, %#v, the kept headers or a JSON slog
// handler's output; the rest of the message is kept.
func TestScrubEchoedSecrets(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		respond func(w http.ResponseWriter, r *http.Request, e echoed)
		// wantMessage is text the error message must keep.
		wantMessage []string
		wantCode    string
	}{
		{
			name:   "InvalidSignatureException quoting the canonical request",
			status: http.StatusBadRequest,
			respond: func(w http.ResponseWriter, r *http.Request, e echoed) {
				w.Header().Set("Content-Type", "application/x-amz-json-1.1")
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprintf(w, `{"__type":"InvalidSignatureException","message":%q}`, canonicalRequestMessage(r, e))
			},
			wantMessage: []string{
				"The request signature we calculated does not match",
				"x-amz-security-token:[redacted] x-amz-target:RekognitionService.DescribeProjects",
				"you sent signature [redacted]", "key [redacted])",
				"AWS4-HMAC-SHA256",
			},
			wantCode: "InvalidSignatureException",
		},
		{
			name:   "the token across the message cap",
			status: http.StatusBadRequest,
			respond: func(w http.ResponseWriter, r *http.Request, e echoed) {
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprintf(w, `{"__type":"InvalidSignatureException","message":%q}`, strings.Repeat("x", 2040)+e.token)
			},
			wantMessage: []string{strings.Repeat("x", 2040) + "[re"},
			wantCode:    "InvalidSignatureException",
		},
		{
			name:   "every member, the code header, the request ID and other headers",
			status: http.StatusBadRequest,
			respond: func(w http.ResponseWriter, r *http.Request, e echoed) {
				h := w.Header()
				h.Set("X-Amzn-Errortype", "AccessDeniedException:"+e.token)
				h.Set("X-Amzn-Requestid", "rid-"+e.token)
				h.Set("X-Echo-Authorization", e.authorization)
				h.Set("X-Echo-"+e.signature[:20], e.token)
				h.Add("Www-Authenticate", "token="+e.token)
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprintf(w, `{"Message":"denied for %s","Code":%q,"Logref":%q}`, e.token, e.signature, e.secretKey)
			},
			wantMessage: []string{"denied for [redacted]"},
			wantCode:    "AccessDeniedException",
		},
		{
			name:   "a non-JSON body and content type echoing the request",
			status: http.StatusForbidden,
			respond: func(w http.ResponseWriter, r *http.Request, e echoed) {
				w.Header().Set("Content-Type", "text/plain; token="+e.token)
				w.WriteHeader(http.StatusForbidden)
				fmt.Fprintf(w, "Authorization: %s\nX-Amz-Security-Token: %s\n", e.authorization, e.token)
			},
			wantMessage: []string{"non-JSON error response", "token=[redacted]"},
			wantCode:    "UnknownError",
		},
		{
			name:   "a 200 whose body is not JSON, echoing the token",
			status: http.StatusOK,
			respond: func(w http.ResponseWriter, r *http.Request, e echoed) {
				w.Header().Set("X-Echo", e.token)
				fmt.Fprintf(w, `{"ProjectDescriptions":[{"CreationTimestamp":"%s"}]}`, e.token)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var requests int
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				requests++
				e := echoedFrom(r)
				if e.token != hToken || len(e.signature) != 64 {
					t.Errorf("request not signed with the session credentials: token %q, signature %q", e.token, e.signature)
				}
				tt.respond(w, r, e)
			}))
			defer ts.Close()
			w := newSecretWatch()
			w.recordedOnly = true // the canonical request quotes the payload hash
			tr := &http.Transport{}
			defer tr.CloseIdleConnections()
			client := customlabels.New(customlabels.Options{
				Region:       "us-east-1",
				BaseEndpoint: ts.URL,
				Credentials:  sessionCredentials(),
				HTTPClient:   &http.Client{Transport: w.transport(tr)},
				Retryer:      zeroBackoff(1),
				Logger:       w.logger,
			})

			_, err := client.DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			require.Equal(t, 1, requests)
			w.check(t, err)

			var re *awshttp.ResponseError
			require.ErrorAs(t, err, &re, "DescribeProjects(...) = %v, want an *awshttp.ResponseError", err)
			assert.Equal(t, tt.status, re.HTTPStatusCode())
			for name, vs := range re.Response.Header {
				for _, v := range append([]string{name}, vs...) {
					assert.NotContains(t, v, hToken, "kept header %s", name)
					assert.NotContains(t, v, "Signature=", "kept header %s", name)
				}
			}
			assert.NotContains(t, re.ServiceRequestID(), hToken)

			if tt.wantCode != "" {
				var apiErr smithy.APIError
				require.True(t, errors.As(err, &apiErr), "DescribeProjects(...) = %v, want a smithy.APIError", err)
				assert.Equal(t, tt.wantCode, apiErr.ErrorCode())
				msg := apiErr.ErrorMessage()
				for _, want := range tt.wantMessage {
					assert.Contains(t, msg, want, "ErrorMessage()")
				}
				for _, s := range []string{msg, apiErr.Error(), fmt.Sprintf("%+v", apiErr), fmt.Sprintf("%#v", apiErr)} {
					assert.NotContains(t, s, hToken[:12])
					assert.NotContains(t, s, hSecretKey)
				}
			}
			logs := w.logs.String()
			assert.Contains(t, logs, `"msg":"customlabels attempt"`)
			assert.NotContains(t, logs, hToken)
		})
	}
}

// TestScrubFakeSignatureMismatch: customlabelstest answers a signature
// that does not match as AWS does, quoting the canonical request with
// x-amz-security-token:<token>. The client signs with a wrong secret key
// and the right session token: the error keeps the explanation and the
// canonical request, without the token or the signature, and nothing
// reaches the logs.
func TestScrubFakeSignatureMismatch(t *testing.T) {
	const wrongSecret = "wrong-secret-key-must-never-leak-either"
	srv, _ := newFake(t)
	w := newSecretWatch()
	client := customlabels.New(customlabels.Options{}, w.options(srv), func(o *customlabels.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(hAccessKey, wrongSecret, hToken)
		o.RetryMaxAttempts = 1
	})
	_, err := client.DescribeProjects(context.Background(), nil)
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr, "DescribeProjects(...) = %v, want a smithy.APIError", err)
	assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode())
	msg := apiErr.ErrorMessage()
	assert.Contains(t, msg, "The request signature we calculated does not match the signature you provided")
	assert.Contains(t, msg, "x-amz-security-token:[redacted]")
	assert.Contains(t, msg, "AWS4-HMAC-SHA256")
	w.recordedOnly = true // the canonical request quotes the payload hash
	w.check(t, err)
	for _, s := range []string{msg, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), w.logs.String()} {
		assert.NotContains(t, s, hToken)
		assert.NotContains(t, s, wrongSecret)
	}
}
