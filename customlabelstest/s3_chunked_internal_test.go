package customlabelstest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docChunkSigner is the signer of the chunked upload example of the Amazon
// S3 API reference ("Signature Calculations for the Authorization Header:
// Transferring Payload in Multiple Chunks"): 66,560 bytes of 'a' in
// chunks of 64 KiB, signed on 2013-05-24 in us-east-1, whose seed
// signature is that of the request's headers.
func docChunkSigner() *chunkSigner {
	key := []byte("AWS4wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	for _, part := range []string{"20130524", "us-east-1", "s3", "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	return &chunkSigner{key: key, amzDate: "20130524T000000Z", scope: "20130524/us-east-1/s3/aws4_request",
		prev: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"}
}

func docChunkedBody(lastSig string) string {
	return "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n" +
		strings.Repeat("a", 65536) + "\r\n" +
		"400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n" +
		strings.Repeat("a", 1024) + "\r\n" +
		"0;chunk-signature=" + lastSig + "\r\n\r\n"
}

func TestDecodeAWSChunkedSignedExample(t *testing.T) {
	const last = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"
	data, trailers, err := decodeAWSChunked(strings.NewReader(docChunkedBody(last)), 66560, MaxS3ObjectBytes, docChunkSigner(), false)
	require.Nil(t, err)
	assert.Equal(t, strings.Repeat("a", 66560), string(data))
	assert.Empty(t, trailers)

	_, _, err = decodeAWSChunked(strings.NewReader(docChunkedBody(strings.Repeat("0", 64))), 66560, MaxS3ObjectBytes, docChunkSigner(), false)
	require.NotNil(t, err)
	assert.Equal(t, "SignatureDoesNotMatch", err.code, "the final chunk is signed too")

	tampered := strings.Replace(docChunkedBody(last), "aaaa\r\n400", "aaab\r\n400", 1)
	_, _, err = decodeAWSChunked(strings.NewReader(tampered), 66560, MaxS3ObjectBytes, docChunkSigner(), false)
	require.NotNil(t, err)
	assert.Equal(t, "SignatureDoesNotMatch", err.code)
}

func TestDecodeAWSChunkedMalformed(t *testing.T) {
	cases := []struct {
		name, body string
		size       int64
		code       string
	}{
		{"size not hex", "zz\r\nab\r\n0\r\n\r\n", 2, "InvalidRequest"},
		{"no CRLF after data", "2\r\nabX0\r\n\r\n", 2, "InvalidRequest"},
		{"more than declared", "3\r\nabc\r\n0\r\n\r\n", 2, "IncompleteBody"},
		{"less than declared", "1\r\na\r\n0\r\n\r\n", 2, "IncompleteBody"},
		{"truncated", "2\r\na", 2, "IncompleteBody"},
		{"empty", "", 2, "IncompleteBody"},
		{"line too long", strings.Repeat("1", maxChunkLine+1) + "\r\n", 2, "InvalidRequest"},
		{"trailer not name:value", "0\r\nnocolon\r\n\r\n", 0, "InvalidRequest"},
		{"over the limit", "10\r\n" + strings.Repeat("a", 16) + "\r\n0\r\n\r\n", -1, "EntityTooLarge"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := decodeAWSChunked(strings.NewReader(tc.body), tc.size, 8, nil, false)
			require.NotNil(t, err)
			assert.Equal(t, tc.code, err.code, err.message)
			assert.Less(t, err.status, http.StatusInternalServerError)
		})
	}
	data, trailers, err := decodeAWSChunked(strings.NewReader("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n"), -1, 8, nil, false)
	require.Nil(t, err)
	assert.Equal(t, "abc", string(data))
	assert.Equal(t, map[string]string{"x-amz-checksum-crc32": "NSRBwg=="}, trailers)
}
