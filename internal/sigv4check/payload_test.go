package sigv4check

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The two header-signed examples of the Amazon S3 API reference
// ("Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk"), as a server receives them.
const s3ExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

func s3ExampleRequest(method, rawPath, signedHeaders, signature string, header map[string]string) *http.Request {
	r, _ := http.NewRequest(method, "https://examplebucket.s3.amazonaws.com"+rawPath, nil)
	r.Host = "examplebucket.s3.amazonaws.com"
	for k, v := range header {
		r.Header.Set(k, v)
	}
	r.Header.Set("X-Amz-Date", "20130524T000000Z")
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders="+signedHeaders+",Signature="+signature)
	return r
}

func TestComputePayloadS3Examples(t *testing.T) {
	at := time.Date(2013, 5, 24, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, method, path, signed, payload, signature string
		header                                         map[string]string
		canonicalURI                                   string
	}{
		{
			name: "GET object", method: http.MethodGet, path: "/test.txt",
			signed:    "host;range;x-amz-content-sha256;x-amz-date",
			payload:   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
			header: map[string]string{"Range": "bytes=0-9",
				"X-Amz-Content-Sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
			canonicalURI: "/test.txt",
		},
		{
			// The key "test$file.text" is escaped once in the path: S3's
			// canonical URI is the path as sent, not escaped again.
			name: "PUT object", method: http.MethodPut, path: "/test%24file.text",
			signed:    "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
			payload:   "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
			signature: "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
			header: map[string]string{"Date": "Fri, 24 May 2013 00:00:00 GMT", "X-Amz-Storage-Class": "REDUCED_REDUNDANCY",
				"X-Amz-Content-Sha256": "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"},
			canonicalURI: "/test%24file.text",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := s3ExampleRequest(tc.method, tc.path, tc.signed, tc.signature, tc.header)
			a, err := Parse(r.Header.Get("Authorization"))
			require.NoError(t, err)
			c, err := ComputePayload(r, tc.payload, a, s3ExampleSecret, at)
			require.NoError(t, err)
			assert.Equal(t, tc.signature, c.Signature, "canonical request:\n%s", c.CanonicalRequest)
			assert.Contains(t, c.CanonicalRequest, tc.method+"\n"+tc.canonicalURI+"\n")
			assert.Contains(t, c.CanonicalRequest, "\n"+tc.payload)
		})
	}
}

// Another service escapes the path a second time: the same request scoped
// to another service has another canonical URI.
func TestComputePayloadEscapesPathTwiceForOtherServices(t *testing.T) {
	r := s3ExampleRequest(http.MethodPut, "/test%24file.text", "host;x-amz-date", "00", nil)
	a, err := Parse(r.Header.Get("Authorization"))
	require.NoError(t, err)
	a.Service = "rekognition"
	c, err := ComputePayload(r, "UNSIGNED-PAYLOAD", a, s3ExampleSecret, time.Date(2013, 5, 24, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Contains(t, c.CanonicalRequest, "PUT\n/test%2524file.text\n")
	assert.Contains(t, c.CanonicalRequest, "\nUNSIGNED-PAYLOAD")
}
