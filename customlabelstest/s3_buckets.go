package customlabelstest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The bucket operations of the server's S3: CreateBucket, DeleteBucket,
// HeadBucket, ListBuckets and GetBucketLocation.

// validBucketName reports whether S3 accepts name for a new bucket
// (general purpose buckets): 3 to 63 lower-case letters, digits, dots and
// hyphens, beginning and ending with a letter or digit, no "..", not an
// IP address.
func validBucketName(name string) bool {
	if len(name) < 3 || len(name) > 63 || strings.Contains(name, "..") || net.ParseIP(name) != nil {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (c != '.' && c != '-' || i == 0 || i == len(name)-1) {
			return false
		}
	}
	return !strings.HasPrefix(name, "xn--") && !strings.HasSuffix(name, "-s3alias")
}

type createBucketConfiguration struct {
	XMLName            xmlName `xml:"CreateBucketConfiguration"`
	LocationConstraint string
}

// serveCreateBucket answers CreateBucket. The LocationConstraint must be
// the server's region, and absent in us-east-1, as S3 requires of the
// regional endpoint the server plays. A bucket that exists is
// BucketAlreadyOwnedByYou (409), except in us-east-1, where S3 answers
// 200 for legacy compatibility.
func serveCreateBucket(s *Server, c *s3Call) *s3Response {
	if !validBucketName(c.bucket) {
		return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "InvalidBucketName",
			message: "The specified bucket is not valid.", fields: []s3Field{{"BucketName", truncate(c.bucket, 255)}}})
	}
	if acl := c.r.Header.Get("X-Amz-Acl"); acl != "" && acl != "private" {
		return s3ErrorResponse(errNotImplemented("x-amz-acl " + truncate(acl, 32) + " (only private)"))
	}
	for _, h := range []string{"X-Amz-Bucket-Object-Lock-Enabled", "X-Amz-Grant-Full-Control", "X-Amz-Grant-Read", "X-Amz-Grant-Write"} {
		if v := c.r.Header.Get(h); v != "" && v != "false" {
			return s3ErrorResponse(errNotImplemented("the " + strings.ToLower(h) + " header"))
		}
	}
	var cfg createBucketConfiguration
	if err := readS3XMLBody(c, &cfg, true); err != nil {
		return s3ErrorResponse(err)
	}
	loc := cfg.LocationConstraint
	switch {
	case s.region == "us-east-1" && loc == "us-east-1":
		return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "InvalidLocationConstraint",
			message: "The specified location-constraint is not valid", fields: []s3Field{{"LocationConstraint", loc}}})
	case s.region == "us-east-1" && loc == "", loc == s.region:
	case loc == "":
		return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "IllegalLocationConstraintException",
			message: "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."})
	default:
		return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "IllegalLocationConstraintException",
			message: "The " + truncate(loc, 64) + " location constraint is incompatible for the region specific endpoint this request was sent to."})
	}
	now := s.now()
	s.mu.Lock()
	created, err := s.s3.createBucket(c.bucket, now)
	s.mu.Unlock()
	if err != nil {
		return s3ErrorResponse(err)
	}
	if !created && s.region != "us-east-1" {
		return s3ErrorResponse(&s3Error{status: http.StatusConflict, code: "BucketAlreadyOwnedByYou",
			message: "Your previous request to create the named bucket succeeded and you already own it.",
			fields:  []s3Field{{"BucketName", c.bucket}}})
	}
	return &s3Response{status: http.StatusOK, header: http.Header{"Location": {"/" + c.bucket}}}
}

// serveDeleteBucket answers DeleteBucket: only an empty bucket is
// deleted; its multipart uploads in progress are aborted.
func serveDeleteBucket(s *Server, c *s3Call) *s3Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.s3.buckets[c.bucket]
	switch {
	case b == nil:
		return s3ErrorResponse(errNoSuchBucket(c.bucket))
	case len(b.keys) > 0:
		return s3ErrorResponse(&s3Error{status: http.StatusConflict, code: "BucketNotEmpty",
			message: "The bucket you tried to delete is not empty", fields: []s3Field{{"BucketName", c.bucket}}})
	}
	for _, id := range s.s3.uploadsIn(c.bucket) {
		s.s3.dropUpload(id)
	}
	delete(s.s3.buckets, c.bucket)
	return &s3Response{status: http.StatusNoContent}
}

// serveHeadBucket answers HeadBucket: 200 with the bucket's region, or a
// status without a body.
func serveHeadBucket(s *Server, c *s3Call) *s3Response {
	if err := s.bucketExists(c.bucket); err != nil {
		return s3ErrorResponse(err)
	}
	return &s3Response{status: http.StatusOK, header: http.Header{"X-Amz-Bucket-Region": {s.region}}}
}

type locationConstraint struct {
	XMLName xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ LocationConstraint"`
	Region  string  `xml:",chardata"`
}

// serveGetBucketLocation answers GetBucketLocation: the server's region,
// empty for us-east-1 as S3 writes it.
func serveGetBucketLocation(s *Server, c *s3Call) *s3Response {
	if err := s.bucketExists(c.bucket); err != nil {
		return s3ErrorResponse(err)
	}
	loc := s.region
	if loc == "us-east-1" {
		loc = ""
	}
	return s3XMLResponse(locationConstraint{Region: loc})
}

type s3Owner struct {
	ID          string
	DisplayName string `xml:",omitempty"`
}

// owner is the canonical user of the server's credentials.
func (s *Server) owner() s3Owner {
	sum := sha256.Sum256([]byte("customlabelstest/" + s.keyID))
	return s3Owner{ID: hex.EncodeToString(sum[:]), DisplayName: "customlabelstest"}
}

type listAllMyBucketsResult struct {
	XMLName           xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ ListAllMyBucketsResult"`
	Owner             s3Owner
	Buckets           []listedBucket `xml:"Buckets>Bucket"`
	ContinuationToken string         `xml:",omitempty"`
	Prefix            string         `xml:",omitempty"`
}

type listedBucket struct {
	Name         string
	CreationDate string
	BucketRegion string
}

// maxListBuckets is the largest max-buckets.
const maxListBuckets = 10000

// serveListBuckets answers ListBuckets: every bucket by name, or a page of
// max-buckets from continuation-token, of those starting with prefix.
func serveListBuckets(s *Server, c *s3Call) *s3Response {
	limit := maxListBuckets
	if v := c.query.Get("max-buckets"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxListBuckets {
			return s3ErrorResponse(errInvalidArgument("max-buckets must be an integer from 1 to 10000", "max-buckets", v))
		}
		limit = n
	}
	after := ""
	if tok := c.query.Get("continuation-token"); tok != "" {
		b, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil {
			return s3ErrorResponse(errInvalidArgument("The continuation token provided is incorrect", "continuation-token", tok))
		}
		after = string(b)
	}
	if r := c.query.Get("bucket-region"); r != "" && r != s.region {
		return s3XMLResponse(listAllMyBucketsResult{Owner: s.owner(), Prefix: c.query.Get("prefix")})
	}
	prefix := c.query.Get("prefix")
	s.mu.Lock()
	names := make([]string, 0, len(s.s3.buckets))
	created := map[string]time.Time{}
	for name, b := range s.s3.buckets {
		if strings.HasPrefix(name, prefix) && name > after {
			names = append(names, name)
			created[name] = b.created
		}
	}
	s.mu.Unlock()
	slices.Sort(names)
	out := listAllMyBucketsResult{Owner: s.owner(), Prefix: prefix, Buckets: []listedBucket{}}
	if len(names) > limit {
		names = names[:limit]
		out.ContinuationToken = base64.RawURLEncoding.EncodeToString([]byte(names[limit-1]))
	}
	for _, n := range names {
		out.Buckets = append(out.Buckets, listedBucket{Name: n, CreationDate: created[n].UTC().Format(s3TimeFormat), BucketRegion: s.region})
	}
	return s3XMLResponse(out)
}
