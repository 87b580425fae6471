package customlabelstest

// maxS3DeleteObjects is S3's limit on the keys of one DeleteObjects.
const maxS3DeleteObjects = 1000

type deleteRequest struct {
	XMLName xmlName `xml:"Delete"`
	Quiet   bool
	Objects []struct {
		Key       string
		VersionId string
	} `xml:"Object"`
}

type deleteResult struct {
	XMLName xmlName `xml:"http://s3.amazonaws.com/doc/2006-03-01/ DeleteResult"`
	Deleted []deletedObject
}

type deletedObject struct {
	Key       string
	VersionId string `xml:",omitempty"`
}

// serveDeleteObjects answers DeleteObjects (POST ?delete, which `aws s3
// rm --recursive` sends): up to 1000 keys, each removed as DeleteObject
// removes it, so each is Deleted; Quiet leaves them out. S3 requires
// Content-MD5 or a checksum header on it.
func serveDeleteObjects(s *Server, c *s3Call) *s3Response {
	if err := s.bucketExists(c.bucket); err != nil {
		return s3ErrorResponse(err)
	}
	want, err := requestedS3Checksum(c.r.Header)
	if err != nil {
		return s3ErrorResponse(err)
	}
	if c.r.Header.Get("Content-MD5") == "" && want.algorithm == "" {
		return s3ErrorResponse(errInvalidRequest("Missing required header for this request: Content-MD5 OR x-amz-checksum-*"))
	}
	var in deleteRequest
	if err := readS3XMLBody(c, &in, false); err != nil {
		return s3ErrorResponse(err)
	}
	if len(in.Objects) == 0 || len(in.Objects) > maxS3DeleteObjects {
		return s3ErrorResponse(errMalformedXML())
	}
	out := deleteResult{Deleted: []deletedObject{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.s3.buckets[c.bucket] == nil {
		return s3ErrorResponse(errNoSuchBucket(c.bucket))
	}
	for _, o := range in.Objects {
		s.s3.remove(c.bucket, o.Key, s3VersionParam(o.VersionId))
		if !in.Quiet {
			out.Deleted = append(out.Deleted, deletedObject(o))
		}
	}
	return s3XMLResponse(out)
}
