package customlabels

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The constant header values computed once must equal what formatting
// them per request gives, inside and outside the precomputed range.
func TestPrecomputedHeaders(t *testing.T) {
	for max := 0; max <= 12; max++ {
		for attempt := 0; attempt <= max+1; attempt++ {
			want := "attempt=" + strconv.Itoa(attempt) + "; max=" + strconv.Itoa(max)
			got := sdkRequestHeader(attempt, max)
			assert.Equal(t, []string{want}, got, "sdkRequestHeader(%d, %d)", attempt, max)
		}
	}
	assert.Equal(t, []string{"RekognitionService.DescribeProjects"}, opDescribeProjects.target)
	assert.Equal(t, []string{"RekognitionService.Other"}, newOperation("Other").target)
}

// newRequest builds, from an endpoint URL parsed once, the request that
// http.NewRequestWithContext would build from the URL text, but with no
// GetBody (so no client can replay the body elsewhere); and each request
// has its own copy of the URL.
func TestNewRequestMatchesNewRequestWithContext(t *testing.T) {
	type ctxKey struct{}
	ctx := context.WithValue(context.Background(), ctxKey{}, "v")
	body := []byte(`{"MaxResults":1}`)
	for _, raw := range []string{
		"https://rekognition.us-east-1.amazonaws.com/",
		"http://127.0.0.1:4566/",
		"http://127.0.0.1:/",
		"https://[::1]:8443/",
		"http://localhost:4566/prefix/",
	} {
		t.Run(raw, func(t *testing.T) {
			u, err := parseRequestURL(raw)
			require.NoError(t, err)
			want, err := http.NewRequestWithContext(ctx, http.MethodPost, raw, bytes.NewReader(body))
			require.NoError(t, err)
			got := newRequest(ctx, u, body, http.Header{"X-Amz-Target": {"T"}})

			assert.Equal(t, want.Method, got.Method)
			assert.Equal(t, want.URL, got.URL)
			assert.Equal(t, want.Host, got.Host)
			assert.Equal(t, want.Proto, got.Proto)
			assert.Equal(t, want.ProtoMajor, got.ProtoMajor)
			assert.Equal(t, want.ProtoMinor, got.ProtoMinor)
			assert.Equal(t, want.ContentLength, got.ContentLength)
			assert.Equal(t, "v", got.Context().Value(ctxKey{}))
			assert.Nil(t, got.GetBody)
			assert.Equal(t, http.Header{"X-Amz-Target": {"T"}}, got.Header)
			sent, err := io.ReadAll(got.Body)
			require.NoError(t, err)
			assert.Equal(t, body, sent)

			// A signer or RoundTripper that changes the request's URL
			// changes nothing for the next request.
			got.URL.RawQuery = "changed"
			got.URL.Host = "elsewhere"
			again := newRequest(ctx, u, body, http.Header{})
			assert.Equal(t, want.URL, again.URL)
		})
	}
}
