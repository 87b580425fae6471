package customlabelstest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// The server's S3, on the same address as Rekognition: path-style
// requests (http://127.0.0.1:PORT/BUCKET/KEY) for the calls the Custom
// Labels workflow makes of S3. The package documentation lists them.

// isS3Request reports whether r is for the server's S3 rather than
// Rekognition: S3 clients send no X-Amz-Target, and either sign for the
// service s3 or ask for a path other than "/".
func isS3Request(r *http.Request) bool {
	if r.Header.Get("X-Amz-Target") != "" {
		return false
	}
	return r.URL.Path != "/" || credentialService(r) == s3SigningService
}

// credentialService returns the service of r's credential scope, from
// the Authorization header or a presigned URL's X-Amz-Credential.
func credentialService(r *http.Request) string {
	cred := ""
	if _, rest, ok := strings.Cut(r.Header.Get("Authorization"), "Credential="); ok {
		cred, _, _ = strings.Cut(rest, ",")
	} else {
		cred = r.URL.Query().Get("X-Amz-Credential")
	}
	parts := strings.Split(strings.TrimSpace(cred), "/")
	if len(parts) != 5 {
		return ""
	}
	return parts[3]
}

// s3Call is one S3 request being answered.
type s3Call struct {
	r            *http.Request
	bucket, key  string
	query        url.Values
	auth         s3Auth
	requestID    string
	recordedBody []byte // what Request.Body records
}

// s3Response is an S3 answer. body may be stored object data, which is
// never changed.
type s3Response struct {
	status int
	header http.Header
	body   []byte
	code   string   // the error code, for Request.ErrorCode
	err    *s3Error // the error answered, whose body serveS3 writes
}

// s3Operation answers one S3 operation.
type s3Operation func(s *Server, c *s3Call) *s3Response

// serveS3 answers a request for the server's S3. S3 requests take no
// injected fault and no throttle token; they are recorded in Requests.
func (s *Server) serveS3(w http.ResponseWriter, r *http.Request) {
	requestID, hostID := newS3RequestID()
	rec := Request{
		Received:    s.now(),
		Method:      r.Method,
		Path:        r.URL.Path,
		Header:      r.Header.Clone(),
		AccessKeyID: accessKeyID(r.Header.Get("Authorization")),
		RequestID:   requestID,
	}
	rec.Header.Del("Authorization")
	rec.Header.Del("X-Amz-Security-Token")

	name, op, routeErr := routeS3(r)
	rec.S3Operation = name
	c := &s3Call{r: r, query: r.URL.Query(), requestID: requestID}
	c.bucket, c.key = splitS3Path(r.URL.Path)
	resp := s.answerS3(c, op, routeErr)
	if resp.code != "" && r.Method != http.MethodHead {
		resp.body = resp.err.body(requestID, hostID)
	}
	rec.Body = c.recordedBody
	rec.Status, rec.ErrorCode = resp.status, resp.code

	h := w.Header()
	for k, v := range resp.header {
		h[k] = v
	}
	h.Set("X-Amz-Request-Id", requestID)
	h.Set("X-Amz-Id-2", hostID)
	h.Set("Date", s.now().UTC().Format(http.TimeFormat))
	h.Set("Server", "AmazonS3")
	if resp.code != "" && r.Method != http.MethodHead {
		h.Set("Content-Type", "application/xml")
		h.Del("Content-Length")
	}
	// Recorded before any byte of the answer goes out, as for Rekognition.
	s.record(rec)
	w.WriteHeader(resp.status)
	if r.Method != http.MethodHead && len(resp.body) > 0 {
		_, _ = w.Write(resp.body)
	}
}

// answerS3 authenticates the request, then answers it with op, or with
// routeErr when it was not routed to one.
func (s *Server) answerS3(c *s3Call, op s3Operation, routeErr *s3Error) *s3Response {
	if ep, remote := s.objects.(*remoteObjects); remote {
		return s3ErrorResponse(errNotImplemented("S3 requests while it reads and writes objects in the S3 at " +
			ep.endpoint.String() + " (WithS3Endpoint, --s3-endpoint): send them there"))
	}
	a, err := s.authenticateS3(c.r)
	if err != nil {
		return s3ErrorResponse(err)
	}
	c.auth = a
	if routeErr != nil {
		return s3ErrorResponse(routeErr)
	}
	return op(s, c)
}

// s3ErrorResponse is the response of an error; its body is written with
// the request ID by serveS3.
func s3ErrorResponse(e *s3Error) *s3Response {
	h := http.Header{}
	for k, v := range e.header {
		h[k] = v
	}
	return &s3Response{status: e.status, header: h, code: e.code, err: e}
}

// s3XMLResponse is a 200 with an XML document.
func s3XMLResponse(v any) *s3Response {
	b, err := xml.Marshal(v)
	if err != nil {
		return s3ErrorResponse(&s3Error{status: http.StatusInternalServerError, code: "InternalError",
			message: "We encountered an internal error. Please try again. (" + err.Error() + ")"})
	}
	return &s3Response{status: http.StatusOK, body: append([]byte(xml.Header), b...),
		header: http.Header{"Content-Type": {"application/xml"}}}
}

// splitS3Path splits a path-style path into bucket and key: "/b/k/e.jpg"
// is bucket "b" and key "k/e.jpg"; "/b" and "/b/" are the bucket alone.
func splitS3Path(p string) (bucket, key string) {
	p = strings.TrimPrefix(p, "/")
	bucket, key, _ = strings.Cut(p, "/")
	return bucket, key
}

// newS3RequestID returns an S3-like request ID (16 upper-case hex
// digits) and extended request ID (x-amz-id-2).
func newS3RequestID() (string, string) {
	var b [40]byte
	_, _ = rand.Read(b[:])
	return strings.ToUpper(hex.EncodeToString(b[:8])), base64.StdEncoding.EncodeToString(b[8:])
}

// Query parameters that are not subresources: they only qualify the
// operation the method and path name.
var s3PlainParams = map[string]bool{
	"x-id": true, "versionId": true, "partNumber": true, "uploadId": true,
	"list-type": true, "prefix": true, "delimiter": true, "max-keys": true, "continuation-token": true,
	"start-after": true, "fetch-owner": true, "encoding-type": true, "marker": true,
	"max-buckets": true, "bucket-region": true,
	"response-content-type": true, "response-content-language": true, "response-expires": true,
	"response-cache-control": true, "response-content-disposition": true, "response-content-encoding": true,
}

// s3Subresource returns the subresource r asks for ("uploads", "delete",
// "location", "acl"…), or "".
func s3Subresource(q url.Values) string {
	var subs []string
	for k := range q {
		if !s3PlainParams[k] && !strings.HasPrefix(k, "X-Amz-") {
			subs = append(subs, k)
		}
	}
	if len(subs) == 0 {
		return ""
	}
	sort.Strings(subs)
	return subs[0]
}

// routeS3 names the operation r asks for, or says why none serves it.
func routeS3(r *http.Request) (string, s3Operation, *s3Error) {
	bucket, key := splitS3Path(r.URL.Path)
	q := r.URL.Query()
	sub := s3Subresource(q)
	notServed := func(name string) (string, s3Operation, *s3Error) {
		return name, nil, errNotImplemented(name)
	}
	switch {
	case bucket == "":
		if r.Method == http.MethodGet && sub == "" {
			return "ListBuckets", serveListBuckets, nil
		}
		return "", nil, errMethodNotAllowed(r.Method, "SERVICE", "GET")
	case key == "":
		switch r.Method + " " + sub {
		case "GET ":
			if q.Get("list-type") == "2" {
				return "ListObjectsV2", serveListObjectsV2, nil
			}
			return "ListObjects", serveListObjects, nil
		case "GET location":
			return "GetBucketLocation", serveGetBucketLocation, nil
		case "GET uploads":
			return notServed("ListMultipartUploads")
		case "GET versions":
			return notServed("ListObjectVersions")
		case "PUT ":
			return "CreateBucket", serveCreateBucket, nil
		case "DELETE ":
			return "DeleteBucket", serveDeleteBucket, nil
		case "HEAD ":
			return "HeadBucket", serveHeadBucket, nil
		case "POST delete":
			return "DeleteObjects", serveDeleteObjects, nil
		}
	default:
		uploadID := q.Has("uploadId")
		switch r.Method + " " + sub {
		case "PUT ":
			switch {
			case uploadID && r.Header.Get("X-Amz-Copy-Source") != "":
				return notServed("UploadPartCopy")
			case uploadID || q.Has("partNumber"):
				return "UploadPart", serveUploadPart, nil
			case r.Header.Get("X-Amz-Copy-Source") != "":
				return "CopyObject", serveCopyObject, nil
			}
			return "PutObject", servePutObject, nil
		case "GET ":
			if uploadID {
				return notServed("ListParts")
			}
			return "GetObject", serveGetObject, nil
		case "HEAD ":
			return "HeadObject", serveHeadObject, nil
		case "DELETE ":
			if uploadID {
				return "AbortMultipartUpload", serveAbortMultipartUpload, nil
			}
			return "DeleteObject", serveDeleteObject, nil
		case "POST uploads":
			return "CreateMultipartUpload", serveCreateMultipartUpload, nil
		case "POST ":
			if uploadID {
				return "CompleteMultipartUpload", serveCompleteMultipartUpload, nil
			}
		}
	}
	if sub != "" {
		return notServed(r.Method + " ?" + truncate(sub, 64))
	}
	resource := "OBJECT"
	if key == "" {
		resource = "BUCKET"
	}
	return "", nil, errMethodNotAllowed(r.Method, resource, "GET, PUT, DELETE, HEAD, POST")
}
