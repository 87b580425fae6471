package sigv4check

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vectorRequest is the request of the wire spec's SigV4 test vector, as a
// server receives it.
func vectorRequest(signature, token string) *http.Request {
	r, _ := http.NewRequest(http.MethodPost, "https://rekognition.us-east-1.amazonaws.com/", nil)
	r.Host = "rekognition.us-east-1.amazonaws.com"
	r.ContentLength = 2
	r.Header.Set("Content-Type", "application/x-amz-json-1.1")
	r.Header.Set("X-Amz-Date", "20150830T123600Z")
	r.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	signed := "content-length;content-type;host;x-amz-date;x-amz-target"
	if token != "" {
		r.Header.Set("X-Amz-Security-Token", token)
		signed = "content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target"
	}
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/rekognition/aws4_request, SignedHeaders="+signed+", Signature="+signature)
	return r
}

const vectorSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

func TestVerifyTestVector(t *testing.T) {
	const plain = "0486117b9f06d580e4185b386dcaf0204b7a6d35fe937c04a711616b4b77f8e0"
	const session = "e607ac0b951481a3cdc3c6b524fc4df0638f834b0aa0f3522a44e6f0da61aca8"
	assert.NoError(t, Verify(vectorRequest(plain, ""), []byte("{}"), vectorSecret))
	assert.NoError(t, Verify(vectorRequest(session, "SESSIONTOKEN"), []byte("{}"), vectorSecret))

	assert.ErrorIs(t, Verify(vectorRequest(plain, ""), []byte(`{ }`), vectorSecret), ErrMismatch, "changed body")
	assert.ErrorIs(t, Verify(vectorRequest(plain, ""), []byte("{}"), vectorSecret+"x"), ErrMismatch, "wrong secret")
	r := vectorRequest(plain, "")
	r.Header.Set("X-Amz-Target", "RekognitionService.DeleteProject")
	assert.ErrorIs(t, Verify(r, []byte("{}"), vectorSecret), ErrMismatch, "changed signed header")
	r = vectorRequest(plain, "")
	r.Header.Set("X-Amz-Date", "20150830T123700Z")
	assert.ErrorIs(t, Verify(r, []byte("{}"), vectorSecret), ErrMismatch, "changed date")
}

func TestParseErrorsDoNotEchoSignature(t *testing.T) {
	for _, h := range []string{
		"",
		"AWS4-HMAC-SHA1 Credential=a/b/c/d/e, SignedHeaders=host, Signature=deadbeef",
		"AWS4-HMAC-SHA256 SignedHeaders=host, Signature=deadbeef",
		"AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=deadbeef",
	} {
		_, err := Parse(h)
		require.Error(t, err, "Parse(%q)", h)
		assert.NotContains(t, err.Error(), "deadbeef")
	}
}

func TestUnsignableHeader(t *testing.T) {
	r := vectorRequest("00", "")
	r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "SignedHeaders=", "SignedHeaders=user-agent;", 1))
	err := Verify(r, []byte("{}"), vectorSecret)
	assert.True(t, errors.Is(err, ErrMismatch))
	assert.Contains(t, err.Error(), "never signs user-agent")
}

func TestComputeReturnsCanonicalRequestAndStringToSign(t *testing.T) {
	const session = "e607ac0b951481a3cdc3c6b524fc4df0638f834b0aa0f3522a44e6f0da61aca8"
	r := vectorRequest(session, "SESSIONTOKEN")
	a, err := Parse(r.Header.Get("Authorization"))
	require.NoError(t, err)
	c, err := Compute(r, []byte("{}"), a, vectorSecret, time.Date(2015, 8, 30, 12, 36, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, session, c.Signature)
	assert.Equal(t, "POST\n/\n\n"+
		"content-length:2\n"+
		"content-type:application/x-amz-json-1.1\n"+
		"host:rekognition.us-east-1.amazonaws.com\n"+
		"x-amz-date:20150830T123600Z\n"+
		"x-amz-security-token:SESSIONTOKEN\n"+
		"x-amz-target:RekognitionService.DescribeProjects\n"+
		"\n"+
		"content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n"+
		"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", c.CanonicalRequest)
	sum := sha256.Sum256([]byte(c.CanonicalRequest))
	assert.Equal(t, "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/rekognition/aws4_request\n"+
		hex.EncodeToString(sum[:]), c.StringToSign)

	// The signature follows from the string to sign by the documented key
	// derivation, so the two strings are the ones the signature was made of.
	key := []byte("AWS4" + vectorSecret)
	for _, part := range []string{"20150830", "us-east-1", "rekognition", "aws4_request", c.StringToSign} {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(part))
		key = m.Sum(nil)
	}
	assert.Equal(t, c.Signature, hex.EncodeToString(key))
}
