package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rekognition-go/customlabels"
)

// s3Location is an S3 bucket and a key, or a key prefix.
type s3Location struct {
	bucket string
	// key is the object's key, or the prefix without a trailing slash.
	key string
}

func (l s3Location) String() string {
	if l.key == "" {
		return "s3://" + l.bucket
	}
	return "s3://" + l.bucket + "/" + l.key
}

// join returns the key of name under the prefix l.key.
func (l s3Location) join(name string) string {
	if l.key == "" {
		return name
	}
	return l.key + "/" + name
}

// object returns l as the service's S3Object.
func (l s3Location) object() customlabels.S3Object {
	return customlabels.S3Object{Bucket: l.bucket, Name: l.key}
}

// S3 limits the command checks before sending anything: a bucket name of
// 3 to 255 characters (the service model's OutputConfig.S3Bucket; S3
// makes new ones 3 to 63), an object key of 1 to 1024 bytes.
const (
	minBucketLength = 3
	maxBucketLength = 255
	maxS3KeyLength  = 1024
)

// parseS3Prefix reads s3://BUCKET or s3://BUCKET/PREFIX, the value of the
// flag named what. Trailing slashes of the prefix are dropped: keys are
// made by joining with one.
func parseS3Prefix(what, v string) (s3Location, error) {
	l, err := parseS3URI(what, v, "s3://BUCKET/PREFIX")
	if err != nil {
		return l, err
	}
	l.key = strings.TrimRight(l.key, "/")
	return l, nil
}

// parseS3Key reads s3://BUCKET/KEY, the value of what.
func parseS3Key(what, v string) (s3Location, error) {
	l, err := parseS3URI(what, v, "s3://BUCKET/KEY")
	if err != nil {
		return l, err
	}
	if l.key == "" || strings.HasSuffix(l.key, "/") {
		return l, usagef("invalid %s %q: must be s3://BUCKET/KEY, the key of an object", what, v)
	}
	return l, nil
}

func parseS3URI(what, v, form string) (s3Location, error) {
	rest, ok := strings.CutPrefix(v, "s3://")
	if !ok {
		return s3Location{}, usagef("invalid %s %q: must be %s", what, v, form)
	}
	bucket, key, _ := strings.Cut(rest, "/")
	if len(bucket) < minBucketLength || len(bucket) > maxBucketLength {
		return s3Location{}, usagef("invalid %s %q: the bucket name must be %d to %d characters", what, v, minBucketLength, maxBucketLength)
	}
	if len(key) > maxS3KeyLength {
		return s3Location{}, usagef("invalid %s: the key is longer than %d bytes", what, maxS3KeyLength)
	}
	return s3Location{bucket: bucket, key: key}, nil
}

// getObject opens an S3 object for reading. The caller closes the body.
func getObject(ctx context.Context, client *s3.Client, l s3Location) (io.ReadCloser, int64, error) {
	out, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(l.bucket), Key: aws.String(l.key)})
	if err != nil {
		return nil, 0, doing(err, "read %s", l)
	}
	return out.Body, aws.ToInt64(out.ContentLength), nil
}

// readObject reads an S3 object of at most limit bytes whole.
func readObject(ctx context.Context, client *s3.Client, l s3Location, limit int64) ([]byte, error) {
	body, _, err := getObject(ctx, client, l)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	b, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, doing(err, "read %s", l)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("read %s: larger than %d bytes", l, limit)
	}
	return b, nil
}

// errNotFound matches S3's answers for an object or bucket that does not
// exist.
func isS3NotFound(err error) bool {
	var nsk interface{ ErrorCode() string }
	if errors.As(err, &nsk) {
		switch nsk.ErrorCode() {
		case "NoSuchKey", "NoSuchBucket", "NotFound":
			return true
		}
	}
	return false
}
