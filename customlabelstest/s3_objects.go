package customlabelstest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The object operations of the server's S3: PutObject, GetObject,
// HeadObject, DeleteObject and CopyObject.

const (
	// maxS3KeyBytes is S3's limit on a key.
	maxS3KeyBytes = 1024
	// maxS3MetadataBytes is S3's limit on the user metadata of an object:
	// the names (without x-amz-meta-) and values of its headers.
	maxS3MetadataBytes = 2048
	// s3TimeFormat is how S3's XML writes times.
	s3TimeFormat = "2006-01-02T15:04:05.000Z"
)

// s3StoredHeaders are the standard headers S3 keeps with an object and
// returns with it.
var s3StoredHeaders = []string{"Cache-Control", "Content-Disposition", "Content-Language", "Expires"}

// s3Unserved are request headers of features the fake does not have:
// a request with one gets NotImplemented rather than having it ignored.
var s3Unserved = []string{
	"X-Amz-Tagging", "X-Amz-Object-Lock-Mode", "X-Amz-Object-Lock-Retain-Until-Date",
	"X-Amz-Object-Lock-Legal-Hold", "X-Amz-Website-Redirect-Location",
	"X-Amz-Server-Side-Encryption-Customer-Algorithm", "X-Amz-Server-Side-Encryption-Aws-Kms-Key-Id",
	"X-Amz-Grant-Read", "X-Amz-Grant-Read-Acp", "X-Amz-Grant-Write-Acp", "X-Amz-Grant-Full-Control",
	"X-Amz-Copy-Source-If-Match", "X-Amz-Copy-Source-If-None-Match",
	"X-Amz-Copy-Source-If-Modified-Since", "X-Amz-Copy-Source-If-Unmodified-Since",
	"X-Amz-Write-Offset-Bytes",
}

// checkS3WriteHeaders refuses the headers of a write the fake does not
// serve. The default ACL (private), server-side encryption with S3's own
// keys (AES256, what S3 applies anyway) and the storage classes are
// accepted.
func checkS3WriteHeaders(h http.Header) *s3Error {
	for _, name := range s3Unserved {
		if h.Get(name) != "" {
			return errNotImplemented("the " + strings.ToLower(name) + " header")
		}
	}
	if acl := h.Get("X-Amz-Acl"); acl != "" && acl != "private" && acl != "bucket-owner-full-control" {
		return errNotImplemented("x-amz-acl " + truncate(acl, 32) + " (only private)")
	}
	if sse := h.Get("X-Amz-Server-Side-Encryption"); sse != "" && sse != "AES256" {
		return errNotImplemented("x-amz-server-side-encryption " + truncate(sse, 32) + " (only AES256)")
	}
	return nil
}

// checkS3Write refuses a write of an object S3 refuses, or the fake does
// not serve: its key, then its headers.
func checkS3Write(c *s3Call) *s3Error {
	if err := checkS3Key(c.key); err != nil {
		return err
	}
	return checkS3WriteHeaders(c.r.Header)
}

// checkS3Key refuses a key S3 refuses.
func checkS3Key(key string) *s3Error {
	if len(key) > maxS3KeyBytes {
		return &s3Error{status: http.StatusBadRequest, code: "KeyTooLongError", message: "Your key is too long",
			fields: []s3Field{{"Size", strconv.Itoa(len(key))}, {"MaxSizeAllowed", strconv.Itoa(maxS3KeyBytes)}}}
	}
	return nil
}

// s3Attributes are what a write says of the object besides its data.
type s3Attributes struct {
	contentType  string
	metadata     map[string]string
	headers      map[string]string
	storageClass string
}

// readS3Attributes reads the Content-Type, user metadata, stored headers
// and storage class of a write.
func readS3Attributes(h http.Header) (s3Attributes, *s3Error) {
	a := s3Attributes{contentType: h.Get("Content-Type"), storageClass: h.Get("X-Amz-Storage-Class")}
	if a.contentType == "" {
		a.contentType = "binary/octet-stream"
	}
	size := 0
	for name, vals := range h {
		lower := strings.ToLower(name)
		if m, ok := strings.CutPrefix(lower, "x-amz-meta-"); ok {
			if a.metadata == nil {
				a.metadata = map[string]string{}
			}
			a.metadata[m] = strings.Join(vals, ",")
			size += len(m) + len(a.metadata[m])
		}
	}
	if size > maxS3MetadataBytes {
		return a, &s3Error{status: http.StatusBadRequest, code: "MetadataTooLarge",
			message: "Your metadata headers exceed the maximum allowed metadata size",
			fields:  []s3Field{{"Size", strconv.Itoa(size)}, {"MaxSizeAllowed", strconv.Itoa(maxS3MetadataBytes)}}}
	}
	for _, name := range s3StoredHeaders {
		if v := h.Get(name); v != "" {
			if a.headers == nil {
				a.headers = map[string]string{}
			}
			a.headers[name] = v
		}
	}
	if enc := storedContentEncoding(h); enc != "" {
		if a.headers == nil {
			a.headers = map[string]string{}
		}
		a.headers["Content-Encoding"] = enc
	}
	return a, nil
}

func (o *s3Obj) setAttributes(a s3Attributes) {
	o.contentType, o.metadata, o.headers, o.storageClass = a.contentType, a.metadata, a.headers, a.storageClass
}

// bucketExists answers NoSuchBucket for a missing bucket.
func (s *Server) bucketExists(bucket string) *s3Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.s3.buckets[bucket] == nil {
		return errNoSuchBucket(bucket)
	}
	return nil
}

// checkWritePreconditions applies If-None-Match: * (write only a new
// key) and If-Match (write only over that ETag) to a write of bucket and
// key. s.mu is held.
func (s *Server) checkWritePreconditions(h http.Header, bucket, key string) *s3Error {
	inm, im := h.Get("If-None-Match"), h.Get("If-Match")
	if inm == "" && im == "" {
		return nil
	}
	o, _, err := s.s3.lookup(bucket, key, "")
	if inm != "" {
		if inm != "*" {
			return errNotImplemented("If-None-Match other than * on writes")
		}
		if o != nil {
			return errPreconditionFailed("If-None-Match")
		}
	}
	if im != "" {
		if err != nil {
			return err
		}
		if !etagMatches(im, o.etag) {
			return errPreconditionFailed("If-Match")
		}
	}
	return nil
}

// servePutObject answers PutObject: the object without a version
// (versioning is off), with its Content-Type, user metadata and
// checksum.
func servePutObject(s *Server, c *s3Call) *s3Response {
	if err := s.bucketExists(c.bucket); err != nil {
		return s3ErrorResponse(err)
	}
	if err := checkS3Write(c); err != nil {
		return s3ErrorResponse(err)
	}
	attrs, err := readS3Attributes(c.r.Header)
	if err != nil {
		return s3ErrorResponse(err)
	}
	p, err := readS3Payload(c.r, c.auth, MaxS3ObjectBytes, false)
	if err != nil {
		return s3ErrorResponse(err)
	}
	o := newS3Obj(p.data, s.now())
	o.setAttributes(attrs)
	o.checksum = p.checksum
	if o.checksum.algorithm == "" {
		o.checksum = s3ChecksumOf(defaultChecksumAlgorithm, p.data)
	}
	s.mu.Lock()
	err = s.checkWritePreconditions(c.r.Header, c.bucket, c.key)
	if err == nil {
		err = s.s3.put(c.bucket, c.key, "", o)
	}
	s.mu.Unlock()
	if err != nil {
		return s3ErrorResponse(err)
	}
	h := http.Header{"Etag": {o.etag}}
	if p.checksum.algorithm != "" {
		h.Set(s3ChecksumHeader(p.checksum.algorithm), p.checksum.value)
		h.Set("X-Amz-Checksum-Type", p.checksum.typ)
	}
	return &s3Response{status: http.StatusOK, header: h}
}

// serveGetObject answers GetObject: the whole object, a Range of it or
// one part of a multipart object, under the conditional headers.
func serveGetObject(s *Server, c *s3Call) *s3Response { return s.readObject(c, true) }

// serveHeadObject answers HeadObject: GetObject's headers without the
// body; errors have no body either, so clients see only the status.
func serveHeadObject(s *Server, c *s3Call) *s3Response { return s.readObject(c, false) }

func (s *Server) readObject(c *s3Call, get bool) *s3Response {
	s.mu.Lock()
	o, version, err := s.s3.lookup(c.bucket, c.key, c.query.Get("versionId"))
	s.mu.Unlock()
	if err != nil {
		return s3ErrorResponse(err)
	}
	h := objectHeaders(o, version)
	if status, cond := checkReadPreconditions(c.r.Header, o); status != 0 {
		if status == http.StatusNotModified {
			return &s3Response{status: status, header: h}
		}
		return s3ErrorResponse(errPreconditionFailed(cond))
	}
	size := int64(len(o.data))
	start, end, partial := int64(0), size, false
	rangeHeader := c.r.Header.Get("Range")
	if pn := c.query.Get("partNumber"); pn != "" {
		if rangeHeader != "" {
			return s3ErrorResponse(errInvalidRequest("Cannot specify both Range header and partNumber query parameter"))
		}
		n, perr := strconv.Atoi(pn)
		if perr != nil || n < 1 || n > maxS3Parts {
			return s3ErrorResponse(errInvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", pn))
		}
		switch {
		case len(o.partSizes) > 0 && n <= len(o.partSizes):
			for _, ps := range o.partSizes[:n-1] {
				start += ps
			}
			end, partial = start+o.partSizes[n-1], true
			h.Set("X-Amz-Mp-Parts-Count", strconv.Itoa(len(o.partSizes)))
		case len(o.partSizes) == 0 && n == 1:
		default:
			return s3ErrorResponse(&s3Error{status: http.StatusRequestedRangeNotSatisfiable, code: "InvalidPartNumber",
				message: "The requested partnumber is not satisfiable", fields: []s3Field{{"PartNumberRequested", pn},
					{"ActualPartCount", strconv.Itoa(max(1, len(o.partSizes)))}}})
		}
	} else if rangeHeader != "" {
		var ok bool
		start, end, ok, partial = parseS3Range(rangeHeader, size)
		if !ok {
			return s3ErrorResponse(&s3Error{status: http.StatusRequestedRangeNotSatisfiable, code: "InvalidRange",
				message: "The requested range is not satisfiable",
				fields:  []s3Field{{"RangeRequested", truncate(rangeHeader, 64)}, {"ActualObjectSize", strconv.FormatInt(size, 10)}}})
		}
	}
	status := http.StatusOK
	if partial {
		status = http.StatusPartialContent
		h.Set("Content-Range", "bytes "+strconv.FormatInt(start, 10)+"-"+strconv.FormatInt(end-1, 10)+"/"+strconv.FormatInt(size, 10))
	} else if strings.EqualFold(c.r.Header.Get("X-Amz-Checksum-Mode"), "ENABLED") && o.checksum.algorithm != "" {
		h.Set(s3ChecksumHeader(o.checksum.algorithm), o.checksum.value)
		h.Set("X-Amz-Checksum-Type", o.checksum.typ)
	}
	if get {
		for param, header := range s3ResponseOverrides {
			if v := c.query.Get(param); v != "" {
				h.Set(header, v)
			}
		}
	}
	h.Set("Content-Length", strconv.FormatInt(end-start, 10))
	return &s3Response{status: status, header: h, body: o.data[start:end]}
}

// s3ResponseOverrides are GetObject's query parameters that set a header
// of the response.
var s3ResponseOverrides = map[string]string{
	"response-content-type": "Content-Type", "response-content-language": "Content-Language",
	"response-expires": "Expires", "response-cache-control": "Cache-Control",
	"response-content-disposition": "Content-Disposition", "response-content-encoding": "Content-Encoding",
}

// objectHeaders are the headers of an object in GetObject and HeadObject.
func objectHeaders(o *s3Obj, version string) http.Header {
	h := http.Header{
		"Etag":          {o.etag},
		"Last-Modified": {o.lastModified.UTC().Format(http.TimeFormat)},
		"Content-Type":  {o.contentType},
		"Accept-Ranges": {"bytes"},
	}
	for k, v := range o.headers {
		h.Set(k, v)
	}
	for k, v := range o.metadata {
		h["x-amz-meta-"+k] = []string{v}
	}
	if o.storageClass != "" && o.storageClass != "STANDARD" {
		h.Set("X-Amz-Storage-Class", o.storageClass)
	}
	if version != "" {
		h.Set("X-Amz-Version-Id", version)
	}
	return h
}

// parseS3Range reads a Range header "bytes=a-b", "bytes=a-" or
// "bytes=-n" against an object of size bytes: the half-open range to
// serve, whether it can be served, and whether it is a range at all (S3
// serves the whole object for a header it cannot parse, or several
// ranges).
func parseS3Range(h string, size int64) (start, end int64, ok, partial bool) {
	spec, found := strings.CutPrefix(strings.TrimSpace(h), "bytes=")
	if !found || strings.Contains(spec, ",") {
		return 0, size, true, false
	}
	first, last, found := strings.Cut(spec, "-")
	if !found {
		return 0, size, true, false
	}
	if first == "" {
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil || n < 0 {
			return 0, size, true, false
		}
		if n == 0 || size == 0 {
			return 0, 0, false, true
		}
		return max(0, size-n), size, true, true
	}
	a, err := strconv.ParseInt(first, 10, 64)
	if err != nil || a < 0 {
		return 0, size, true, false
	}
	b := size - 1
	if last != "" {
		if b, err = strconv.ParseInt(last, 10, 64); err != nil || b < a {
			return 0, size, true, false
		}
	}
	if a >= size {
		return 0, 0, false, true
	}
	return a, min(b, size-1) + 1, true, true
}

// checkReadPreconditions applies If-Match, If-Unmodified-Since,
// If-None-Match and If-Modified-Since in RFC 9110's order: it returns 412
// and the condition that failed, 304, or 0 to serve the object.
func checkReadPreconditions(h http.Header, o *s3Obj) (int, string) {
	im, inm := h.Get("If-Match"), h.Get("If-None-Match")
	if im != "" {
		if !etagMatches(im, o.etag) {
			return http.StatusPreconditionFailed, "If-Match"
		}
	} else if t, err := http.ParseTime(h.Get("If-Unmodified-Since")); err == nil && o.lastModified.After(t) {
		return http.StatusPreconditionFailed, "If-Unmodified-Since"
	}
	if inm != "" {
		if etagMatches(inm, o.etag) {
			return http.StatusNotModified, ""
		}
	} else if t, err := http.ParseTime(h.Get("If-Modified-Since")); err == nil && !o.lastModified.After(t) {
		return http.StatusNotModified, ""
	}
	return 0, ""
}

// etagMatches reports whether a list of ETags in a conditional header
// names etag; "*" names any.
func etagMatches(list, etag string) bool {
	for _, e := range strings.Split(list, ",") {
		e = strings.TrimPrefix(strings.TrimSpace(e), "W/")
		if e == "*" || strings.Trim(e, `"`) == strings.Trim(etag, `"`) {
			return true
		}
	}
	return false
}

func errPreconditionFailed(condition string) *s3Error {
	return &s3Error{status: http.StatusPreconditionFailed, code: "PreconditionFailed",
		message: "At least one of the pre-conditions you specified did not hold", fields: []s3Field{{"Condition", condition}}}
}

// serveDeleteObject answers DeleteObject: without versionId it removes
// the object without a version (as in a bucket without versioning); with
// one, that version. A missing key is no error, as in S3.
func serveDeleteObject(s *Server, c *s3Call) *s3Response {
	version, hasVersion := c.query.Get("versionId"), c.query.Has("versionId")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.s3.buckets[c.bucket] == nil {
		return s3ErrorResponse(errNoSuchBucket(c.bucket))
	}
	if im := c.r.Header.Get("If-Match"); im != "" {
		o, _, err := s.s3.lookup(c.bucket, c.key, "")
		if err != nil {
			return s3ErrorResponse(err)
		}
		if !etagMatches(im, o.etag) {
			return s3ErrorResponse(errPreconditionFailed("If-Match"))
		}
	}
	s.s3.remove(c.bucket, c.key, s3VersionParam(version))
	h := http.Header{}
	if hasVersion {
		h.Set("X-Amz-Version-Id", version)
	}
	return &s3Response{status: http.StatusNoContent, header: h}
}

// serveCopyObject answers CopyObject: the source object (or the version
// named in x-amz-copy-source) copied, with its metadata (COPY) or the
// request's (REPLACE).
func serveCopyObject(s *Server, c *s3Call) *s3Response {
	if err := checkS3Write(c); err != nil {
		return s3ErrorResponse(err)
	}
	src := c.r.Header.Get("X-Amz-Copy-Source")
	srcPath, srcVersion, _ := strings.Cut(src, "?versionId=")
	unescaped, uerr := url.PathUnescape(srcPath)
	srcBucket, srcKey := splitS3Path("/" + strings.TrimPrefix(unescaped, "/"))
	if uerr != nil || srcBucket == "" || srcKey == "" {
		return s3ErrorResponse(errInvalidArgument("Invalid copy source object key", "x-amz-copy-source", src))
	}
	directive := c.r.Header.Get("X-Amz-Metadata-Directive")
	if directive != "" && directive != "COPY" && directive != "REPLACE" {
		return s3ErrorResponse(errInvalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive))
	}
	attrs, err := readS3Attributes(c.r.Header)
	if err != nil {
		return s3ErrorResponse(err)
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.s3.buckets[c.bucket] == nil {
		return s3ErrorResponse(errNoSuchBucket(c.bucket))
	}
	from, _, err := s.s3.lookup(srcBucket, srcKey, srcVersion)
	if err != nil {
		return s3ErrorResponse(err)
	}
	if srcBucket == c.bucket && srcKey == c.key && directive != "REPLACE" && attrs.storageClass == "" {
		return s3ErrorResponse(errInvalidRequest("This copy request is illegal because it is trying to copy an object to itself " +
			"without changing the object's metadata, storage class, website redirect location or encryption attributes."))
	}
	o := *from
	o.lastModified = now.UTC().Truncate(time.Second)
	if directive == "REPLACE" {
		o.setAttributes(attrs)
	} else if attrs.storageClass != "" {
		o.storageClass = attrs.storageClass
	}
	if len(o.partSizes) > 0 {
		// A copy is one object: its ETag is its MD5, its checksum a
		// full-object one.
		fresh := newS3Obj(o.data, now)
		o.etag, o.partSizes = fresh.etag, nil
		o.checksum = s3ChecksumOf(defaultChecksumAlgorithm, o.data)
	}
	if err := s.checkWritePreconditions(c.r.Header, c.bucket, c.key); err != nil {
		return s3ErrorResponse(err)
	}
	if err := s.s3.put(c.bucket, c.key, "", &o); err != nil {
		return s3ErrorResponse(err)
	}
	out := copyObjectResult{ETag: o.etag, LastModified: o.lastModified.Format(s3TimeFormat)}
	setXMLChecksum(&out.checksumXML, o.checksum)
	return s3XMLResponse(out)
}

type copyObjectResult struct {
	XMLName      xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ CopyObjectResult"`
	ETag         string
	LastModified string
	checksumXML
}
