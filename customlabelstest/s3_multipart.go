package customlabelstest

import (
	"bytes"
	"crypto/md5"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Multipart uploads of the server's S3: CreateMultipartUpload, UploadPart,
// CompleteMultipartUpload and AbortMultipartUpload, which the AWS CLI and
// boto3 use for files of 8 MiB and more.

const (
	// maxS3Parts is S3's highest part number.
	maxS3Parts = 10000
	// minS3PartBytes is S3's smallest part but the last.
	minS3PartBytes = 5 << 20
)

// s3Upload is a multipart upload in progress.
type s3Upload struct {
	bucket, key string
	attrs       s3Attributes
	// checksum is the algorithm and type of x-amz-checksum-algorithm and
	// x-amz-checksum-type; algorithm "" for none.
	checksum s3Checksum
	parts    map[int]*s3Part
	size     int64 // of the parts
}

type s3Part struct {
	data     []byte
	etag     string
	checksum string // base64, of the upload's algorithm
}

func errNoSuchUpload(id string) *s3Error {
	return &s3Error{status: http.StatusNotFound, code: "NoSuchUpload",
		message: "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
		fields:  []s3Field{{"UploadId", truncate(id, 128)}}}
}

// upload returns the upload c names, which must be of its bucket and
// key. s.mu is held.
func (s *Server) upload(c *s3Call) (*s3Upload, *s3Error) {
	if s.s3.buckets[c.bucket] == nil {
		return nil, errNoSuchBucket(c.bucket)
	}
	id := c.query.Get("uploadId")
	u := s.s3.uploads[id]
	if u == nil || u.bucket != c.bucket || u.key != c.key {
		return nil, errNoSuchUpload(id)
	}
	return u, nil
}

type initiateMultipartUploadResult struct {
	XMLName  xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ InitiateMultipartUploadResult"`
	Bucket   string
	Key      string
	UploadId string
}

// serveCreateMultipartUpload answers CreateMultipartUpload.
func serveCreateMultipartUpload(s *Server, c *s3Call) *s3Response {
	if err := checkS3Write(c); err != nil {
		return s3ErrorResponse(err)
	}
	attrs, err := readS3Attributes(c.r.Header)
	if err != nil {
		return s3ErrorResponse(err)
	}
	var sum s3Checksum
	if alg := strings.ToUpper(c.r.Header.Get("X-Amz-Checksum-Algorithm")); alg != "" {
		if s3ChecksumAlgorithms[alg] == nil {
			return s3ErrorResponse(errInvalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256, SHA512]"))
		}
		sum = s3Checksum{algorithm: alg, typ: "COMPOSITE"}
		if alg == "CRC64NVME" {
			sum.typ = "FULL_OBJECT"
		}
	}
	switch t := c.r.Header.Get("X-Amz-Checksum-Type"); {
	case t == "":
	case sum.algorithm == "":
		return s3ErrorResponse(errInvalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header."))
	case t == "COMPOSITE" && sum.algorithm != "CRC64NVME",
		t == "FULL_OBJECT" && strings.HasPrefix(sum.algorithm, "CRC"):
		sum.typ = t
	default:
		return s3ErrorResponse(errInvalidRequest("The " + sum.algorithm + " algorithm is not supported with the " + truncate(t, 32) + " checksum type."))
	}
	var raw [24]byte
	_, _ = rand.Read(raw[:])
	id := base64.RawURLEncoding.EncodeToString(raw[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.s3.buckets[c.bucket] == nil {
		return s3ErrorResponse(errNoSuchBucket(c.bucket))
	}
	if len(s.s3.uploads) >= MaxS3Uploads {
		return s3ErrorResponse(errInvalidRequest("customlabelstest keeps at most " + strconv.Itoa(MaxS3Uploads) +
			" multipart uploads in progress (MaxS3Uploads); complete or abort some first"))
	}
	s.s3.uploads[id] = &s3Upload{bucket: c.bucket, key: c.key, attrs: attrs, checksum: sum, parts: map[int]*s3Part{}}
	resp := s3XMLResponse(initiateMultipartUploadResult{Bucket: c.bucket, Key: c.key, UploadId: id})
	if sum.algorithm != "" {
		resp.header.Set("X-Amz-Checksum-Algorithm", sum.algorithm)
		resp.header.Set("X-Amz-Checksum-Type", sum.typ)
	}
	return resp
}

// serveUploadPart answers UploadPart. A part carries the checksum of the
// upload's algorithm, if it has one, as S3 requires.
func serveUploadPart(s *Server, c *s3Call) *s3Response {
	pn := c.query.Get("partNumber")
	n, perr := strconv.Atoi(pn)
	if perr != nil || n < 1 || n > maxS3Parts {
		return s3ErrorResponse(errInvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", pn))
	}
	s.mu.Lock()
	u, err := s.upload(c)
	s.mu.Unlock()
	if err != nil {
		return s3ErrorResponse(err)
	}
	p, err := readS3Payload(c.r, c.auth, MaxS3ObjectBytes, false)
	if err != nil {
		return s3ErrorResponse(err)
	}
	if p.checksum.algorithm != u.checksum.algorithm && u.checksum.algorithm != "" {
		got := strings.ToLower(p.checksum.algorithm)
		if got == "" {
			got = "null"
		}
		return s3ErrorResponse(errInvalidRequest("Checksum Type mismatch occurred, expected checksum Type: " +
			strings.ToLower(u.checksum.algorithm) + ", actual checksum Type: " + got))
	}
	sum := md5.Sum(p.data)
	part := &s3Part{data: p.data, etag: `"` + hex.EncodeToString(sum[:]) + `"`, checksum: p.checksum.value}
	if u.checksum.algorithm != "" && part.checksum == "" {
		part.checksum = s3ChecksumOf(u.checksum.algorithm, p.data).value
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if u, err = s.upload(c); err != nil { // aborted or completed meanwhile
		return s3ErrorResponse(err)
	}
	old := int64(0)
	if prev := u.parts[n]; prev != nil {
		old = int64(len(prev.data))
	}
	size := int64(len(p.data))
	if u.size-old+size > MaxS3ObjectBytes {
		return s3ErrorResponse(errEntityTooLarge(u.size - old + size))
	}
	if s.s3.bytes-old+size > MaxS3StoreBytes {
		return s3ErrorResponse(errStoreFull())
	}
	u.parts[n] = part
	u.size += size - old
	s.s3.bytes += size - old
	h := http.Header{"Etag": {part.etag}}
	if p.checksum.algorithm != "" {
		h.Set(s3ChecksumHeader(p.checksum.algorithm), p.checksum.value)
	}
	return &s3Response{status: http.StatusOK, header: h}
}

type completeMultipartUpload struct {
	XMLName xmlName `xml:"CompleteMultipartUpload"`
	Parts   []struct {
		PartNumber int
		ETag       string
		checksumXML
	} `xml:"Part"`
}

type completeMultipartUploadResult struct {
	XMLName  xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ CompleteMultipartUploadResult"`
	Location string
	Bucket   string
	Key      string
	ETag     string
	checksumXML
}

// serveCompleteMultipartUpload answers CompleteMultipartUpload: the parts
// listed, in ascending order, each with its ETag (and checksum, when the
// upload has an algorithm), all but the last of 5 MiB or more, make the
// object; its ETag is the MD5 of the parts' MD5s, then "-" and their
// number. Parts not listed are dropped.
func serveCompleteMultipartUpload(s *Server, c *s3Call) *s3Response {
	var in completeMultipartUpload
	if err := readS3XMLBody(c, &in, false); err != nil {
		return s3ErrorResponse(err)
	}
	if len(in.Parts) == 0 {
		return s3ErrorResponse(errMalformedXML())
	}
	for i := 1; i < len(in.Parts); i++ {
		if in.Parts[i].PartNumber <= in.Parts[i-1].PartNumber {
			return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "InvalidPartOrder",
				message: "The list of parts was not in ascending order. The parts list must be specified in order by part number."})
		}
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.upload(c)
	if err != nil {
		return s3ErrorResponse(err)
	}
	var data bytes.Buffer
	data.Grow(int(u.size))
	etags := md5.New()
	var sizes []int64
	var partSums []string
	for i, lp := range in.Parts {
		part := u.parts[lp.PartNumber]
		if part == nil || strings.Trim(lp.ETag, `"`) != strings.Trim(part.etag, `"`) ||
			u.checksum.algorithm != "" && u.checksum.typ == "COMPOSITE" && *lp.field(u.checksum.algorithm) != part.checksum {
			return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "InvalidPart",
				message: "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
				fields:  []s3Field{{"UploadId", c.query.Get("uploadId")}, {"PartNumber", strconv.Itoa(lp.PartNumber)}, {"ETag", truncate(lp.ETag, 64)}}})
		}
		if i < len(in.Parts)-1 && len(part.data) < minS3PartBytes {
			return s3ErrorResponse(&s3Error{status: http.StatusBadRequest, code: "EntityTooSmall",
				message: "Your proposed upload is smaller than the minimum allowed object size.",
				fields: []s3Field{{"ProposedSize", strconv.Itoa(len(part.data))}, {"MinSizeAllowed", strconv.Itoa(minS3PartBytes)},
					{"PartNumber", strconv.Itoa(lp.PartNumber)}, {"ETag", part.etag}}})
		}
		raw, _ := hex.DecodeString(strings.Trim(part.etag, `"`))
		etags.Write(raw)
		data.Write(part.data)
		sizes = append(sizes, int64(len(part.data)))
		partSums = append(partSums, part.checksum)
	}
	o := &s3Obj{data: data.Bytes(), lastModified: now.UTC().Truncate(time.Second), partSizes: sizes,
		etag: `"` + hex.EncodeToString(etags.Sum(nil)) + "-" + strconv.Itoa(len(in.Parts)) + `"`}
	o.setAttributes(u.attrs)
	switch {
	case u.checksum.algorithm == "":
		o.checksum = s3ChecksumOf(defaultChecksumAlgorithm, o.data)
	case u.checksum.typ == "COMPOSITE":
		o.checksum, _ = s3CompositeChecksum(u.checksum.algorithm, partSums)
	default:
		o.checksum = s3ChecksumOf(u.checksum.algorithm, o.data)
		if v := c.r.Header.Get(s3ChecksumHeader(u.checksum.algorithm)); v != "" && v != o.checksum.value {
			return s3ErrorResponse(errBadDigest(u.checksum.algorithm))
		}
	}
	if err := s.checkWritePreconditions(c.r.Header, c.bucket, c.key); err != nil {
		return s3ErrorResponse(err)
	}
	if !s.s3.hasPlain(c.bucket, c.key) && s.s3.objects >= MaxS3Objects {
		return s3ErrorResponse(s.s3.room(0, -1))
	}
	// The parts' bytes make way for the object's.
	id := c.query.Get("uploadId")
	s.s3.dropUpload(id)
	if err := s.s3.put(c.bucket, c.key, "", o); err != nil {
		return s3ErrorResponse(err)
	}
	out := completeMultipartUploadResult{Location: "http://" + c.r.Host + "/" + c.bucket + "/" + s3URLEncode(c.key),
		Bucket: c.bucket, Key: c.key, ETag: o.etag}
	setXMLChecksum(&out.checksumXML, o.checksum)
	if u.checksum.algorithm == "" {
		out.checksumXML = checksumXML{}
	}
	return s3XMLResponse(out)
}

// serveAbortMultipartUpload answers AbortMultipartUpload.
func serveAbortMultipartUpload(s *Server, c *s3Call) *s3Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.upload(c); err != nil {
		return s3ErrorResponse(err)
	}
	s.s3.dropUpload(c.query.Get("uploadId"))
	return &s3Response{status: http.StatusNoContent}
}
