package customlabelstest

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Limits of the server's S3, which keeps everything in memory. A request
// over one gets the error S3 answers for it where S3 has one
// (EntityTooLarge, TooManyBuckets), else InvalidRequest saying which limit
// it met.
const (
	// MaxS3ObjectBytes is the largest object the server keeps: the
	// largest PutObject body, UploadPart body and completed multipart
	// upload (S3's limits are 5 GB and 5 TB). Larger ones get
	// EntityTooLarge.
	MaxS3ObjectBytes = 64 << 20
	// MaxS3StoreBytes caps the bytes of all objects, every version
	// counted, and of the parts of multipart uploads in progress.
	MaxS3StoreBytes = 1 << 30
	// MaxS3Objects caps the objects kept, every version counted.
	MaxS3Objects = 100_000
	// MaxS3Buckets caps the buckets; one more gets TooManyBuckets.
	MaxS3Buckets = 1000
	// MaxS3Uploads caps the multipart uploads in progress.
	MaxS3Uploads = 1000
)

// s3Obj is one stored object. Its data is never changed once stored, so
// that it can be read without the lock.
type s3Obj struct {
	data         []byte
	etag         string // quoted, as S3 writes it
	lastModified time.Time
	contentType  string
	metadata     map[string]string // x-amz-meta-* without the prefix, lower-case names
	headers      map[string]string // the s3StoredHeaders sent with it
	storageClass string            // "" for STANDARD
	checksum     s3Checksum        // full-object or composite checksum; algorithm "" for none
	partSizes    []int64           // of a completed multipart upload
}

// newS3Obj returns an object of data, stored at now, with the MD5 ETag
// of a single PUT.
func newS3Obj(data []byte, now time.Time) *s3Obj {
	sum := md5.Sum(data)
	return &s3Obj{data: data, etag: `"` + hex.EncodeToString(sum[:]) + `"`,
		lastModified: now.UTC().Truncate(time.Second), contentType: "binary/octet-stream"}
}

// s3KeyEntry holds the objects stored under one key: the one without a
// version (what PutObject writes) and those of PutS3Object's versions.
type s3KeyEntry struct {
	plain    *s3Obj
	versions map[string]*s3Obj
	latest   string // the version put last, "" once it is removed
}

// current is the object a request without a version gets: the one
// without a version, else the version put last.
func (e *s3KeyEntry) current() (*s3Obj, string) {
	if e.plain != nil {
		return e.plain, ""
	}
	if o := e.versions[e.latest]; o != nil {
		return o, e.latest
	}
	return nil, ""
}

func (e *s3KeyEntry) empty() bool { return e.plain == nil && len(e.versions) == 0 }

// s3Bucket is one bucket and its keys.
type s3Bucket struct {
	created time.Time
	keys    map[string]*s3KeyEntry
	sorted  []string // the keys of keys, in byte order, for listings
}

// s3Store is the server's S3: buckets, objects and multipart uploads in
// progress. Server.mu guards it.
type s3Store struct {
	buckets map[string]*s3Bucket
	uploads map[string]*s3Upload
	objects int   // stored objects, every version counted
	bytes   int64 // their bytes and those of uploaded parts
}

func (st *s3Store) init() {
	st.buckets = map[string]*s3Bucket{}
	st.uploads = map[string]*s3Upload{}
	st.objects, st.bytes = 0, 0
}

// createBucket adds a bucket and reports whether it is new.
func (st *s3Store) createBucket(name string, now time.Time) (bool, *s3Error) {
	if st.buckets[name] != nil {
		return false, nil
	}
	if len(st.buckets) >= MaxS3Buckets {
		return false, &s3Error{status: http.StatusBadRequest, code: "TooManyBuckets",
			message: fmt.Sprintf("You have attempted to create more buckets than allowed (customlabelstest keeps at most %d)", MaxS3Buckets),
			fields:  []s3Field{{"BucketName", name}}}
	}
	st.buckets[name] = &s3Bucket{created: now.UTC().Truncate(time.Second), keys: map[string]*s3KeyEntry{}}
	return true, nil
}

// room reports whether the store can take one more object of n bytes
// replacing one of old bytes (-1 for none), or the error to answer.
func (st *s3Store) room(n, old int64) *s3Error {
	switch {
	case n > MaxS3ObjectBytes:
		return errEntityTooLarge(n)
	case old < 0 && st.objects >= MaxS3Objects:
		return errInvalidRequest(fmt.Sprintf("customlabelstest keeps at most %d objects (MaxS3Objects); delete some first", MaxS3Objects))
	case st.bytes-max(old, 0)+n > MaxS3StoreBytes:
		return errStoreFull()
	}
	return nil
}

// errStoreFull answers a write over MaxS3StoreBytes.
func errStoreFull() *s3Error {
	return errInvalidRequest(fmt.Sprintf("customlabelstest keeps at most %d bytes of objects and parts (MaxS3StoreBytes); delete some first", MaxS3StoreBytes))
}

// hasPlain reports whether bucket holds an object without a version
// under key.
func (st *s3Store) hasPlain(bucket, key string) bool {
	b := st.buckets[bucket]
	return b != nil && b.keys[key] != nil && b.keys[key].plain != nil
}

// put stores o under bucket, key and version ("" for PutObject's
// unversioned object), replacing what was there. The bucket must exist.
func (st *s3Store) put(bucket, key, version string, o *s3Obj) *s3Error {
	b := st.buckets[bucket]
	if b == nil {
		return errNoSuchBucket(bucket)
	}
	e := b.keys[key]
	old := int64(-1)
	if e != nil {
		if prev := e.get(version); prev != nil {
			old = int64(len(prev.data))
		}
	}
	if err := st.room(int64(len(o.data)), old); err != nil {
		return err
	}
	if e == nil {
		e = &s3KeyEntry{}
		b.keys[key] = e
		i, _ := slices.BinarySearch(b.sorted, key)
		b.sorted = slices.Insert(b.sorted, i, key)
	}
	if old < 0 {
		st.objects++
	} else {
		st.bytes -= old
	}
	st.bytes += int64(len(o.data))
	if version == "" {
		e.plain = o
		return nil
	}
	if e.versions == nil {
		e.versions = map[string]*s3Obj{}
	}
	e.versions[version] = o
	e.latest = version
	return nil
}

// get returns the object of exactly this version; "" is the one without
// a version.
func (e *s3KeyEntry) get(version string) *s3Obj {
	if version == "" {
		return e.plain
	}
	return e.versions[version]
}

// remove removes the object of exactly this version and reports whether
// it was there.
func (st *s3Store) remove(bucket, key, version string) bool {
	b := st.buckets[bucket]
	if b == nil {
		return false
	}
	e := b.keys[key]
	if e == nil {
		return false
	}
	o := e.get(version)
	if o == nil {
		return false
	}
	st.objects--
	st.bytes -= int64(len(o.data))
	if version == "" {
		e.plain = nil
	} else {
		delete(e.versions, version)
		if e.latest == version {
			e.latest = ""
		}
	}
	if e.empty() {
		delete(b.keys, key)
		if i, ok := slices.BinarySearch(b.sorted, key); ok {
			b.sorted = slices.Delete(b.sorted, i, i+1)
		}
	}
	return true
}

// lookup returns the object a request names: with version "", the
// current one (see s3KeyEntry.current); else exactly that version. It
// returns the version found too.
func (st *s3Store) lookup(bucket, key, version string) (*s3Obj, string, *s3Error) {
	b := st.buckets[bucket]
	if b == nil {
		return nil, "", errNoSuchBucket(bucket)
	}
	e := b.keys[key]
	if e == nil {
		return nil, "", errNoSuchKey(key)
	}
	if version == "" {
		if o, v := e.current(); o != nil {
			return o, v, nil
		}
		return nil, "", errNoSuchKey(key)
	}
	if o := e.get(s3VersionParam(version)); o != nil {
		return o, version, nil
	}
	return nil, "", &s3Error{status: http.StatusNotFound, code: "NoSuchVersion",
		message: "The specified version does not exist.", fields: []s3Field{{"Key", key}, {"VersionId", version}}}
}

// s3VersionParam maps S3's version ID "null", the version of an object
// put without versioning, to the store's "".
func s3VersionParam(v string) string {
	if v == "null" {
		return ""
	}
	return v
}

// uploadsIn returns the IDs of the multipart uploads in progress in a
// bucket.
func (st *s3Store) uploadsIn(bucket string) []string {
	var ids []string
	for id, u := range st.uploads {
		if u.bucket == bucket {
			ids = append(ids, id)
		}
	}
	return ids
}

// dropUpload forgets an upload and the bytes of its parts.
func (st *s3Store) dropUpload(id string) {
	if u := st.uploads[id]; u != nil {
		for _, p := range u.parts {
			st.bytes -= int64(len(p.data))
		}
		delete(st.uploads, id)
	}
}
