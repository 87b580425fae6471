package main

import (
	"context"
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
// A read that makes no progress for s3IdleTimeout fails.
func getObject(ctx context.Context, client *s3.Client, l s3Location) (io.ReadCloser, error) {
	ctx, w := watchIdle(ctx)
	out, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(l.bucket), Key: aws.String(l.key)})
	if err != nil {
		err = w.check(err)
		w.stop()
		return nil, doing(err, "read %s", l)
	}
	w.touch()
	return &watchedBody{watchedReader: watchedReader{r: out.Body, w: w}, c: out.Body}, nil
}
