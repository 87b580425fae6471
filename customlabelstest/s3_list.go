package customlabelstest

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
)

// ListObjectsV2 and ListObjects (version 1) of the server's S3.

// maxS3ListKeys is the most keys and common prefixes a listing returns.
const maxS3ListKeys = 1000

// s3ListQuery is what a listing asks for.
type s3ListQuery struct {
	prefix, delimiter string
	// after is where the page starts: after this key, or after every key
	// rolled up into this common prefix.
	after     string
	maxKeys   int
	encodeURL bool
}

// s3ListItem is a key or, when prefix is set, a common prefix.
type s3ListItem struct {
	key    string
	obj    *s3Obj
	prefix string
}

func (it s3ListItem) name() string {
	if it.obj == nil {
		return it.prefix
	}
	return it.key
}

// list returns the page of a bucket that q asks for, and whether more
// follows. A key rolled up into a common prefix that sorts at or before
// q.after is skipped with it, so a page that ended on a common prefix
// goes on after all its keys. s.mu is held.
func (b *s3Bucket) list(q s3ListQuery) ([]s3ListItem, bool) {
	if q.maxKeys == 0 {
		return nil, false
	}
	i, _ := slices.BinarySearch(b.sorted, q.prefix)
	if j, found := slices.BinarySearch(b.sorted, q.after); q.after != "" && j > i {
		i = j
		if found {
			i++
		}
	}
	var items []s3ListItem
	lastPrefix := ""
	for ; i < len(b.sorted); i++ {
		key := b.sorted[i]
		if !strings.HasPrefix(key, q.prefix) {
			break // keys with the prefix are contiguous
		}
		o, _ := b.keys[key].current()
		if o == nil || key <= q.after && q.after != "" {
			continue
		}
		if q.delimiter != "" {
			if d := strings.Index(key[len(q.prefix):], q.delimiter); d >= 0 {
				cp := key[:len(q.prefix)+d+len(q.delimiter)]
				if cp == lastPrefix || q.after != "" && cp <= q.after {
					continue
				}
				lastPrefix = cp
				if len(items) == q.maxKeys {
					return items, true
				}
				items = append(items, s3ListItem{prefix: cp})
				continue
			}
		}
		if len(items) == q.maxKeys {
			return items, true
		}
		items = append(items, s3ListItem{key: key, obj: o})
	}
	return items, false
}

// readListQuery reads the query shared by both versions.
func readListQuery(c *s3Call) (s3ListQuery, *s3Error) {
	q := s3ListQuery{prefix: c.query.Get("prefix"), delimiter: c.query.Get("delimiter"), maxKeys: maxS3ListKeys}
	if v := c.query.Get("max-keys"); v != "" {
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil || n < 0 {
			return q, errInvalidArgument("Provided max-keys not an integer or within integer range", "max-keys", v)
		}
		q.maxKeys = min(int(n), maxS3ListKeys)
	}
	switch e := c.query.Get("encoding-type"); e {
	case "":
	case "url":
		q.encodeURL = true
	default:
		return q, errInvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", e)
	}
	return q, nil
}

// s3URLEncode encodes a key for encoding-type=url as S3 does: every byte
// but unreserved characters and "/" percent-encoded.
func s3URLEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)+strconv.FormatUint(uint64(c)&15, 16)))
	}
	return b.String()
}

type listedObject struct {
	Key               string
	LastModified      string
	ETag              string
	ChecksumAlgorithm string `xml:",omitempty"`
	ChecksumType      string `xml:",omitempty"`
	Size              int64
	StorageClass      string
	Owner             *s3Owner `xml:",omitempty"`
}

type commonPrefix struct{ Prefix string }

type listBucketResultV2 struct {
	XMLName               xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ ListBucketResult"`
	Name                  string
	Prefix                string
	Delimiter             string `xml:",omitempty"`
	MaxKeys               int
	EncodingType          string `xml:",omitempty"`
	KeyCount              int
	IsTruncated           bool
	ContinuationToken     string `xml:",omitempty"`
	NextContinuationToken string `xml:",omitempty"`
	StartAfter            string `xml:",omitempty"`
	Contents              []listedObject
	CommonPrefixes        []commonPrefix
}

type listBucketResultV1 struct {
	XMLName        xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ ListBucketResult"`
	Name           string
	Prefix         string
	Marker         string
	NextMarker     string `xml:",omitempty"`
	MaxKeys        int
	Delimiter      string `xml:",omitempty"`
	EncodingType   string `xml:",omitempty"`
	IsTruncated    bool
	Contents       []listedObject
	CommonPrefixes []commonPrefix
}

// listPage lists a page of c's bucket.
func (s *Server) listPage(c *s3Call, q s3ListQuery) ([]s3ListItem, bool, *s3Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.s3.buckets[c.bucket]
	if b == nil {
		return nil, false, errNoSuchBucket(c.bucket)
	}
	items, more := b.list(q)
	return items, more, nil
}

// listed converts a page to its XML elements.
func listed(items []s3ListItem, q s3ListQuery, owner *s3Owner) ([]listedObject, []commonPrefix) {
	enc := func(s string) string {
		if q.encodeURL {
			return s3URLEncode(s)
		}
		return s
	}
	var objs []listedObject
	var cps []commonPrefix
	for _, it := range items {
		if it.obj == nil {
			cps = append(cps, commonPrefix{enc(it.prefix)})
			continue
		}
		o := it.obj
		class := o.storageClass
		if class == "" {
			class = "STANDARD"
		}
		objs = append(objs, listedObject{Key: enc(it.key), LastModified: o.lastModified.UTC().Format(s3TimeFormat),
			ETag: o.etag, ChecksumAlgorithm: o.checksum.algorithm, ChecksumType: o.checksum.typ,
			Size: int64(len(o.data)), StorageClass: class, Owner: owner})
	}
	return objs, cps
}

// serveListObjectsV2 answers ListObjectsV2: keys by byte order, with
// prefix, delimiter (common prefixes), max-keys (up to 1000),
// continuation-token, start-after, fetch-owner and encoding-type=url.
func serveListObjectsV2(s *Server, c *s3Call) *s3Response {
	q, err := readListQuery(c)
	if err != nil {
		return s3ErrorResponse(err)
	}
	startAfter := c.query.Get("start-after")
	q.after = startAfter
	token, hasToken := c.query.Get("continuation-token"), c.query.Has("continuation-token")
	if hasToken {
		after, derr := base64.RawURLEncoding.DecodeString(token)
		if derr != nil || len(after) == 0 {
			return s3ErrorResponse(errInvalidArgument("The continuation token provided is incorrect", "continuation-token", token))
		}
		q.after = string(after)
	}
	items, more, err := s.listPage(c, q)
	if err != nil {
		return s3ErrorResponse(err)
	}
	var owner *s3Owner
	if c.query.Get("fetch-owner") == "true" {
		o := s.owner()
		owner = &o
	}
	out := listBucketResultV2{Name: c.bucket, Prefix: q.prefix, Delimiter: q.delimiter, MaxKeys: q.maxKeys,
		KeyCount: len(items), IsTruncated: more, ContinuationToken: token, StartAfter: startAfter}
	if q.encodeURL {
		out.EncodingType = "url"
		out.Prefix, out.Delimiter, out.StartAfter = s3URLEncode(q.prefix), s3URLEncode(q.delimiter), s3URLEncode(startAfter)
	}
	if more {
		out.NextContinuationToken = base64.RawURLEncoding.EncodeToString([]byte(items[len(items)-1].name()))
	}
	out.Contents, out.CommonPrefixes = listed(items, q, owner)
	return s3XMLResponse(out)
}

// serveListObjects answers ListObjects (version 1): as ListObjectsV2,
// from marker, with NextMarker when the page is truncated.
func serveListObjects(s *Server, c *s3Call) *s3Response {
	q, err := readListQuery(c)
	if err != nil {
		return s3ErrorResponse(err)
	}
	q.after = c.query.Get("marker")
	items, more, err := s.listPage(c, q)
	if err != nil {
		return s3ErrorResponse(err)
	}
	owner := s.owner()
	out := listBucketResultV1{Name: c.bucket, Prefix: q.prefix, Marker: q.after, Delimiter: q.delimiter,
		MaxKeys: q.maxKeys, IsTruncated: more}
	if q.encodeURL {
		out.EncodingType = "url"
		out.Prefix, out.Delimiter, out.Marker = s3URLEncode(q.prefix), s3URLEncode(q.delimiter), s3URLEncode(q.after)
	}
	if more {
		out.NextMarker = items[len(items)-1].name()
		if q.encodeURL {
			out.NextMarker = s3URLEncode(out.NextMarker)
		}
	}
	out.Contents, out.CommonPrefixes = listed(items, q, &owner)
	return s3XMLResponse(out)
}
