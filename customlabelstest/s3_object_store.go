package customlabelstest

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// objectStore is where the server reads and writes the S3 objects of the
// Custom Labels workflow (manifests and images it reads, evaluation files
// it writes): its own S3 (memoryObjects) or, with WithS3Endpoint, an
// S3-compatible server (remoteObjects). Keys are read and written without
// versions. Errors match ErrNoSuchS3Object when the bucket or key is
// missing.
type objectStore interface {
	getObject(ctx context.Context, bucket, key string) ([]byte, objectInfo, error)
	headObject(ctx context.Context, bucket, key string) (objectInfo, error)
	// putObject writes an object without a version into an existing
	// bucket.
	putObject(ctx context.Context, bucket, key string, data []byte, contentType string) error
}

// objectInfo is what a store says of an object.
type objectInfo struct {
	size         int64
	etag         string
	contentType  string
	lastModified time.Time
}

// memoryObjects is the server's own S3 as an objectStore.
type memoryObjects struct{ s *Server }

var _ objectStore = memoryObjects{}

func (m memoryObjects) getObject(_ context.Context, bucket, key string) ([]byte, objectInfo, error) {
	m.s.mu.Lock()
	o, _, err := m.s.s3.lookup(bucket, key, "")
	m.s.mu.Unlock()
	if err != nil {
		return nil, objectInfo{}, storeError(bucket, key, err)
	}
	// Stored data is never changed: safe to return unlocked.
	return o.data, o.info(), nil
}

func (m memoryObjects) headObject(ctx context.Context, bucket, key string) (objectInfo, error) {
	_, info, err := m.getObject(ctx, bucket, key)
	return info, err
}

func (m memoryObjects) putObject(_ context.Context, bucket, key string, data []byte, contentType string) error {
	o := newS3Obj(data, m.s.now())
	o.checksum = s3ChecksumOf(defaultChecksumAlgorithm, data)
	if contentType != "" {
		o.contentType = contentType
	}
	m.s.mu.Lock()
	err := m.s.s3.put(bucket, key, "", o)
	m.s.mu.Unlock()
	if err != nil {
		return storeError(bucket, key, err)
	}
	return nil
}

func (o *s3Obj) info() objectInfo {
	return objectInfo{size: int64(len(o.data)), etag: o.etag, contentType: o.contentType, lastModified: o.lastModified}
}

// storeError is the objectStore error of an S3 error.
func storeError(bucket, key string, err *s3Error) error {
	switch err.code {
	case "NoSuchBucket":
		return fmt.Errorf("s3://%s/%s: %w", bucket, key, errNoSuchS3Bucket)
	case "NoSuchKey":
		return fmt.Errorf("s3://%s/%s: %w", bucket, key, ErrNoSuchS3Object)
	}
	if err.status == http.StatusNotFound {
		return fmt.Errorf("s3://%s/%s: %w: %s", bucket, key, ErrNoSuchS3Object, err.message)
	}
	return fmt.Errorf("s3://%s/%s: %s", bucket, key, err.Error())
}

// newObjectStore returns the server's own S3 as its objectStore, or the
// remote S3 at endpoint when one is given.
func (s *Server) newObjectStore(endpoint string) objectStore {
	if endpoint == "" {
		return memoryObjects{s}
	}
	return newRemoteObjects(endpoint, s)
}
