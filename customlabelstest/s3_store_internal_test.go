package customlabelstest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The store's limits, reached by setting its counters: filling a
// gigabyte or 100,000 objects would only make the test slow.
func TestS3StoreLimits(t *testing.T) {
	s := NewServer()
	defer s.Close()
	require.NoError(t, s.putS3Object("b", "k", "", []byte("old")))

	s.mu.Lock()
	s.s3.objects = MaxS3Objects
	err := s.s3.put("b", "new", "", newS3Obj([]byte("x"), s.clock()))
	assert.Equal(t, "InvalidRequest", err.code)
	assert.Contains(t, err.message, "MaxS3Objects")
	assert.Nil(t, s.s3.put("b", "k", "", newS3Obj([]byte("replaces"), s.clock())), "replacing an object adds none")
	s.s3.objects = 1

	s.s3.bytes = MaxS3StoreBytes - 2
	err = s.s3.put("b", "new", "", newS3Obj([]byte("xyz"), s.clock()))
	assert.Contains(t, err.message, "MaxS3StoreBytes")
	assert.Nil(t, s.s3.put("b", "new", "", newS3Obj([]byte("x"), s.clock())))
	s.s3.bytes = 0
	s.s3.objects = MaxS3Objects
	s.mu.Unlock()

	// Through the control API, the limit is an error naming Bytes.
	resp, perr := http.Post(s.ControlURL()+"s3objects", "application/json",
		strings.NewReader(`{"Bucket":"b","Name":"another","Bytes":"eA=="}`))
	require.NoError(t, perr)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	var body struct{ Error, Field string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.Equal(t, "Bytes", body.Field)
	assert.Contains(t, body.Error, "MaxS3Objects")

	s.mu.Lock()
	for i := len(s.s3.buckets); i < MaxS3Buckets; i++ {
		s.s3.buckets[strings.Repeat("x", i+1)] = &s3Bucket{keys: map[string]*s3KeyEntry{}}
	}
	_, err = s.s3.createBucket("one-more", s.clock())
	s.mu.Unlock()
	require.NotNil(t, err)
	assert.Equal(t, "TooManyBuckets", err.code)
}

func TestS3UploadLimit(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.PutS3Object("b", "k", "", nil)
	s.mu.Lock()
	for i := range MaxS3Uploads {
		s.s3.uploads[strings.Repeat("u", i+1)] = &s3Upload{bucket: "b", key: "k"}
	}
	s.mu.Unlock()
	c := &s3Call{bucket: "b", key: "k", r: &http.Request{Header: http.Header{}}}
	resp := serveCreateMultipartUpload(s, c)
	assert.Equal(t, http.StatusBadRequest, resp.status)
	assert.Contains(t, resp.err.message, "MaxS3Uploads")

	// Deleting the bucket aborts its uploads and frees their parts.
	s.mu.Lock()
	s.s3.uploads["u"].parts = map[int]*s3Part{1: {data: []byte("part")}}
	s.s3.bytes += 4
	s.mu.Unlock()
	require.True(t, s.RemoveS3Object("b", "k", ""))
	resp = serveDeleteBucket(s, &s3Call{bucket: "b"})
	assert.Equal(t, http.StatusNoContent, resp.status)
	s.mu.Lock()
	defer s.mu.Unlock()
	assert.Empty(t, s.s3.uploads)
	assert.Zero(t, s.s3.bytes)
	assert.Zero(t, s.s3.objects)
}
