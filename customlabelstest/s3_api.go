package customlabelstest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The Go API of the server's S3 (see the package documentation's "S3"
// section): what tests put there for DetectCustomLabels' Image.S3Object,
// and what they read back.

// ErrNoSuchS3Object is the error of Server.S3Object when the bucket or
// the key does not exist; test it with errors.Is.
var ErrNoSuchS3Object = errors.New("no such S3 object")

// errNoSuchS3Bucket is an objectStore's error for a missing bucket; it
// matches ErrNoSuchS3Object too.
var errNoSuchS3Bucket = fmt.Errorf("%w: no such bucket", ErrNoSuchS3Object)

// S3ObjectInfo describes an object of the server's S3.
type S3ObjectInfo struct {
	// Bucket and Key name the object.
	Bucket, Key string
	// Version is the version PutS3Object gave the object; "" for one
	// put without a version, as every S3 PutObject puts it.
	Version string
	// Size is the object's length in bytes.
	Size int64
	// ETag is the object's entity tag, quoted, as S3 writes it.
	ETag string
	// LastModified is when the object was put.
	LastModified time.Time
	// ContentType is the Content-Type it was put with.
	ContentType string
}

// PutS3Object stores an object in the server's S3, creating the bucket
// if needed: bucket, name (the key) and data. With a non-empty version it
// is that version of the object; a read without a version
// (DetectCustomLabels without Image.S3Object.Version, GetObject without
// versionId) gets the object put without a version, or else the version
// put last. An object put through the S3 API has no version: PutS3Object
// with version "" and an S3 PutObject of the same bucket and key replace
// each other. A DetectCustomLabels request naming an object that is not
// there gets InvalidS3ObjectException, as the service answers an object
// it cannot read. The server keeps its own copy of data. PutS3Object
// panics on an empty bucket or name, and when the object would break the
// limits of the store (MaxS3ObjectBytes, MaxS3Objects, MaxS3StoreBytes,
// MaxS3Buckets).
func (s *Server) PutS3Object(bucket, name, version string, data []byte) {
	if err := s.putS3Object(bucket, name, version, data); err != nil {
		panic(fmt.Sprintf("customlabelstest: PutS3Object(%q, %q, %q): %v", bucket, name, version, err))
	}
}

// putS3Object is PutS3Object returning its error.
func (s *Server) putS3Object(bucket, name, version string, data []byte) error {
	if bucket == "" || name == "" {
		return fmt.Errorf("bucket %q and name %q must not be empty", bucket, name)
	}
	now := s.now()
	o := newS3Obj(slices.Clone(data), now)
	o.checksum = s3ChecksumOf(defaultChecksumAlgorithm, o.data)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.s3.createBucket(bucket, now); err != nil {
		return err
	}
	if err := s.s3.put(bucket, name, version, o); err != nil {
		return err
	}
	return nil
}

// RemoveS3Object removes the object of exactly this bucket, name and
// version ("" for the one without a version) and reports whether it was
// there. Removing the version put last leaves a read without a version
// nothing to read, unless there is an object without a version.
func (s *Server) RemoveS3Object(bucket, name, version string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.s3.remove(bucket, name, version)
}

// s3Object returns the data of the object a request names, or false. An
// object's data is never changed once stored, so the caller may read it
// after unlocking. s.mu is held.
func (s *Server) s3Object(bucket, name, version string) ([]byte, bool) {
	o, _, err := s.s3.lookup(bucket, name, version)
	if err != nil {
		return nil, false
	}
	return o.data, true
}

// S3Object returns a copy of the object a read without a version gets
// (see PutS3Object), from the server's S3 or, with WithS3Endpoint, from
// the remote one. The error matches ErrNoSuchS3Object when the bucket or
// key does not exist.
func (s *Server) S3Object(bucket, key string) ([]byte, error) {
	data, _, err := s.objects.getObject(context.Background(), bucket, key)
	if err != nil {
		return nil, err
	}
	return slices.Clone(data), nil
}

// ListS3Objects describes the objects in the server's S3 whose bucket is
// bucket (every bucket for "") and whose key starts with prefix, every
// version, by bucket, key and version. It lists the server's own S3, not
// a remote one (WithS3Endpoint).
func (s *Server) ListS3Objects(bucket, prefix string) []S3ObjectInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []S3ObjectInfo
	for name, b := range s.s3.buckets {
		if bucket != "" && name != bucket {
			continue
		}
		for _, key := range b.sorted {
			if !strings.HasPrefix(key, prefix) {
				continue
			}
			e := b.keys[key]
			add := func(version string, o *s3Obj) {
				out = append(out, S3ObjectInfo{Bucket: name, Key: key, Version: version, Size: int64(len(o.data)),
					ETag: o.etag, LastModified: o.lastModified, ContentType: o.contentType})
			}
			if e.plain != nil {
				add("", e.plain)
			}
			for v, o := range e.versions {
				add(v, o)
			}
		}
	}
	slices.SortFunc(out, func(a, b S3ObjectInfo) int {
		return cmp.Or(cmp.Compare(a.Bucket, b.Bucket), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Version, b.Version))
	})
	return out
}

// WithS3Object stores an S3 object, as PutS3Object does.
func WithS3Object(bucket, name, version string, data []byte) Option {
	return func(c *config) {
		c.s3 = append(c.s3, s3Put{bucket, name, version, slices.Clone(data)})
	}
}

type s3Put struct {
	bucket, name, version string
	data                  []byte
}
