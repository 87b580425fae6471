package customlabelstest_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// TestSignatureMismatchMessage checks that a signature that does not match
// is answered as AWS answers it: the sentence, then the canonical request
// (signed headers with their values, the session token included) and the
// string to sign the server computed. The server's records and its hook
// get neither the token, the secret nor the message.
func TestSignatureMismatchMessage(t *testing.T) {
	const (
		keyID  = "AKIDEXAMPLE"
		secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
		token  = "session-token-under-test-never-recorded"
		wrong  = "wrong-secret-under-test-never-shown"
	)
	at := time.Date(2015, 8, 30, 12, 36, 0, 0, time.UTC)
	var mu sync.Mutex
	var hooked []customlabelstest.Request
	cases := []struct {
		name, token, signedHeaders, tokenLine string
	}{
		{"long-term credentials", "", "content-length;content-type;host;x-amz-date;x-amz-target", ""},
		{"session token", token, "content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target",
			"x-amz-security-token:" + token + "\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t,
				customlabelstest.WithCredentials(keyID, secret, tc.token),
				customlabelstest.WithClock(func() time.Time { return at }),
				customlabelstest.WithRequestHook(func(r customlabelstest.Request) {
					mu.Lock()
					defer mu.Unlock()
					hooked = append(hooked, r)
				}))
			got := signedCall(t, srv, "{}", signParams{keyID: keyID, secret: wrong, token: tc.token, at: at},
				func(r *http.Request) { r.Host = "rekognition.us-east-1.amazonaws.com" })
			require.Equal(t, http.StatusBadRequest, got.status, got.body)
			typ, msg := errorBody(t, got.body)
			assert.Equal(t, "com.amazon.coral.service#InvalidSignatureException", typ)

			canonical := "POST\n/\n\n" +
				"content-length:2\n" +
				"content-type:application/x-amz-json-1.1\n" +
				"host:rekognition.us-east-1.amazonaws.com\n" +
				"x-amz-date:20150830T123600Z\n" +
				tc.tokenLine +
				"x-amz-target:RekognitionService.DescribeProjects\n" +
				"\n" +
				tc.signedHeaders + "\n" +
				"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
			sum := sha256.Sum256([]byte(canonical))
			toSign := "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/rekognition/aws4_request\n" + hex.EncodeToString(sum[:])
			want := "The request signature we calculated does not match the signature you provided. " +
				"Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n" +
				"\n" +
				"The Canonical String for this request should have been\n" +
				"'" + canonical + "'\n" +
				"\n" +
				"The String-to-Sign should have been\n" +
				"'" + toSign + "'\n"
			assert.Equal(t, want, msg)
			assert.NotContains(t, got.body, secret)
			assert.NotContains(t, got.body, wrong)

			reqs := srv.Requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, "InvalidSignatureException", reqs[0].ErrorCode)
			mu.Lock()
			recorded := fmt.Sprintf("%+v %+v", reqs, hooked)
			mu.Unlock()
			for _, s := range []string{token, secret, wrong, "Canonical String", "String-to-Sign"} {
				assert.NotContains(t, recorded, s, "Requests and the hook hold no secret and not the message")
			}
			if tc.token != "" {
				assert.True(t, strings.Contains(msg, "x-amz-security-token:"+token+"\n"),
					"the canonical request quotes the signed token, as AWS's does")
			}
		})
	}
}
