package customlabels

import (
	"context"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsondec"
	"github.com/rekognition-go/customlabels/internal/wire"
)

var opDetectCustomLabels = newOperation("DetectCustomLabels",
	"ResourceNotFoundException", "ResourceNotReadyException", "InvalidS3ObjectException",
	"InvalidParameterException", "ImageTooLargeException", "LimitExceededException",
	"AccessDeniedException", "InternalServerError", "ThrottlingException",
	"ProvisionedThroughputExceededException", "InvalidImageFormatException")

// Model limits of DetectCustomLabelsInput, checked before a request is sent.
const (
	// MaxImageBytes is the largest Image.Bytes the service model allows,
	// 5 MiB. The API reference states a smaller limit for
	// DetectCustomLabels, 4 MB: the service answers a larger image with
	// ImageTooLargeException. The client checks only the model's limit, so
	// that it never refuses an image the service would take.
	MaxImageBytes = 5 * 1024 * 1024
	// MaxS3ObjectNameLength is the longest S3Object.Name, and of
	// S3Object.Version.
	MaxS3ObjectNameLength = 1024
	// MaxS3BucketLength is the longest S3Object.Bucket; the shortest is 3.
	MaxS3BucketLength = 255
)

// DetectCustomLabelsAPIClient is the method of Client that runs inference.
// Depend on it instead of *Client to substitute a fake in tests.
type DetectCustomLabelsAPIClient interface {
	DetectCustomLabels(ctx context.Context, params *DetectCustomLabelsInput, optFns ...func(*Options)) (*DetectCustomLabelsOutput, error)
}

var _ DetectCustomLabelsAPIClient = (*Client)(nil)

// DetectCustomLabelsInput is an image and the running model version to
// analyse it with.
type DetectCustomLabelsInput struct {
	// ProjectVersionArn is the ARN of the model version, which must be
	// running (see StartProjectVersion). Required.
	ProjectVersionArn string
	// Image is the JPEG or PNG image: its bytes, at most 4 MB for this
	// operation (the client checks the model's 5 MiB, see MaxImageBytes),
	// or an S3 object (up to 15 MB, in the model's region). Required.
	//
	// Image.Bytes is read once, while the request is encoded at the start
	// of the call: the client copies it, base64-encoded, into the request
	// body, and every attempt sends that copy. Changing the slice after
	// DetectCustomLabels has begun its first attempt (during a retry's
	// backoff, say) changes nothing that is sent; changing it while the
	// call starts is a data race.
	Image Image
	// MaxResults caps the labels returned, highest confidence first. Zero
	// means no cap beyond the service's own (the service default); it
	// cannot ask for zero labels. Negative values are refused.
	MaxResults int32
	// MinConfidence, 0 to 100, returns only labels of at least this
	// confidence. Nil means each label's own threshold, the one the
	// service computed in training; a pointer to 0 returns every label,
	// whatever its confidence.
	MinConfidence *float32
}

// DetectCustomLabelsOutput is what the model found in the image.
type DetectCustomLabelsOutput struct {
	// CustomLabels are the labels found, highest confidence first. Empty
	// (never an error) when none passed the confidence threshold.
	CustomLabels []CustomLabel
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DetectCustomLabels runs a running Amazon Rekognition Custom Labels model
// version on one image and returns the labels it finds (IAM action
// rekognition:DetectCustomLabels; an S3 image also needs s3:GetObject on
// the object, for the caller's credentials).
//
// Input is checked against the service model first; a violation returns an
// *InvalidParamError and sends nothing. The service answers
// *ResourceNotReadyException when the version is not running,
// *ResourceNotFoundException when it does not exist,
// *ImageTooLargeException, *InvalidImageFormatException (neither JPEG nor
// PNG), *InvalidS3ObjectException (the S3 object cannot be read) and
// *ProvisionedThroughputExceededException when the version's inference
// units are saturated. Throttling (ProvisionedThroughputExceededException
// included), 5xx responses and connection errors are retried as Options
// says; every retry sends the same encoded body. optFns change the options
// for this call only.
//
// The image is read once and written once: base64-encoded straight into
// one pooled request buffer sized exactly for the body, hashed for SigV4
// in place (a large one on another goroutine as it is encoded) and sent
// from there by every attempt.
func (c *Client) DetectCustomLabels(ctx context.Context, params *DetectCustomLabelsInput, optFns ...func(*Options)) (*DetectCustomLabelsOutput, error) {
	if params == nil {
		params = &DetectCustomLabelsInput{}
	}
	return call[DetectCustomLabelsOutput](ctx, c, opDetectCustomLabels, params, optFns)
}

func (o *DetectCustomLabelsOutput) setRequestID(id string) { o.RequestID = id }

func (o *DetectCustomLabelsOutput) decodeJSON(d *jsondec.Decoder) {
	*o = DetectCustomLabelsOutput{}
	for d.Object(); d.More(); {
		if string(d.Key()) == "CustomLabels" {
			jsondec.List(d, &o.CustomLabels, nil, decodeCustomLabel)
		}
	}
}

// validate checks the input against the model constraints of the service.
func (in *DetectCustomLabelsInput) validate() error {
	// The model's pattern, matched by hand in ParseARN (a test checks
	// it against regexp):
	// ^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$
	// Java's $, which the service presumably uses, also matches before a
	// final line terminator; a trailing newline is refused here.
	if err := checkArn("ProjectVersionArn", in.ProjectVersionArn, "version"); err != nil {
		return err
	}
	img := &in.Image
	hasS3 := img.S3Object != (S3Object{})
	switch {
	case len(img.Bytes) == 0 && !hasS3:
		return &InvalidParamError{Field: "Image", Rule: "is required: set Bytes or S3Object"}
	case len(img.Bytes) > 0 && hasS3:
		return &InvalidParamError{Field: "Image", Rule: "must set only one of Bytes and S3Object"}
	case len(img.Bytes) > MaxImageBytes:
		return &InvalidParamError{Field: "Image.Bytes",
			Rule: fmt.Sprintf("must be 1 to %d bytes, got %d", MaxImageBytes, len(img.Bytes))}
	case hasS3:
		if err := img.S3Object.validate("Image.S3Object"); err != nil {
			return err
		}
	}
	if in.MaxResults < 0 {
		return &InvalidParamError{Field: "MaxResults", Rule: fmt.Sprintf("must be at least 0, got %d", in.MaxResults)}
	}
	if mc := in.MinConfidence; mc != nil && !(*mc >= 0 && *mc <= 100) { // NaN fails both
		return &InvalidParamError{Field: "MinConfidence", Rule: fmt.Sprintf("must be 0 to 100, got %v", *mc)}
	}
	return nil
}

// validate checks an S3 object named in a request; field prefixes the
// member names in errors.
func (o *S3Object) validate(field string) error {
	if n := len(o.Bucket); n < 3 || n > MaxS3BucketLength {
		return &InvalidParamError{Field: field + ".Bucket",
			Rule: fmt.Sprintf("must be 3 to %d characters, got %d", MaxS3BucketLength, utf8.RuneCountInString(o.Bucket))}
	}
	for i := 0; i < len(o.Bucket); i++ {
		if !isNameChar(o.Bucket[i]) { // the bucket pattern has the same characters
			return &InvalidParamError{Field: field + ".Bucket",
				Rule: fmt.Sprintf("must contain only [0-9A-Za-z.\\-_], got %s", quoteShort(o.Bucket))}
		}
	}
	if rule := s3TextRule(o.Name, 1); rule != "" {
		return &InvalidParamError{Field: field + ".Name", Rule: rule}
	}
	if o.Version != "" {
		if rule := s3TextRule(o.Version, 1); rule != "" {
			return &InvalidParamError{Field: field + ".Version", Rule: rule}
		}
	}
	return nil
}

// s3TextRule checks an S3 object name or version: valid UTF-8 (JSON could
// not carry it unchanged) of min to 1024 characters.
func s3TextRule(s string, min int) string {
	if !utf8.ValidString(s) {
		return "must be valid UTF-8"
	}
	if n := utf8.RuneCountInString(s); n < min || n > MaxS3ObjectNameLength {
		return fmt.Sprintf("must be %d to %d characters, got %d", min, MaxS3ObjectNameLength, n)
	}
	return ""
}

// jsonSizeHint returns the exact length of the body appendJSON writes, so
// that the image is encoded into a buffer that never grows.
func (in *DetectCustomLabelsInput) jsonSizeHint() int {
	n := len(`{"Image":{}}`)
	if len(in.Image.Bytes) > 0 {
		n += len(`"Bytes":`) + wire.Base64Len(len(in.Image.Bytes))
	}
	if o := in.Image.S3Object; o != (S3Object{}) {
		if len(in.Image.Bytes) > 0 {
			n++ // the comma
		}
		n += len(`"S3Object":{}`)
		sep := 0
		if o.Bucket != "" {
			n += len(`"Bucket":`) + wire.StringLen(o.Bucket)
			sep++
		}
		if o.Name != "" {
			n += len(`"Name":`) + wire.StringLen(o.Name)
			sep++
		}
		if o.Version != "" {
			n += len(`"Version":`) + wire.StringLen(o.Version)
			sep++
		}
		n += max(sep-1, 0)
	}
	if in.MaxResults != 0 {
		var buf [12]byte
		n += len(`,"MaxResults":`) + len(strconv.AppendInt(buf[:0], int64(in.MaxResults), 10))
	}
	if in.MinConfidence != nil {
		n += len(`,"MinConfidence":`) + wire.Float32Len(*in.MinConfidence)
	}
	if in.ProjectVersionArn != "" {
		n += len(`,"ProjectVersionArn":`) + wire.StringLen(in.ProjectVersionArn)
	}
	return n
}

// appendJSON appends the request body: members in alphabetical order, as
// the AWS SDK for Go writes them, and unset members left out. The image is
// base64-encoded in place, into room jsonSizeHint reserved.
func (in *DetectCustomLabelsInput) appendJSON(b []byte) []byte {
	return in.appendJSONStream(b, nil)
}

// appendJSONStream is appendJSON handing the body to flush as the image is
// encoded, so that it is hashed meanwhile (request_hash.go).
func (in *DetectCustomLabelsInput) appendJSONStream(b []byte, flush func([]byte)) []byte {
	b = append(b, `{"Image":{`...)
	if len(in.Image.Bytes) > 0 {
		b = append(b, `"Bytes":`...)
		b = wire.AppendBase64Stream(b, in.Image.Bytes, 3*hashStretch/4, flush)
	}
	if o := in.Image.S3Object; o != (S3Object{}) {
		if len(in.Image.Bytes) > 0 {
			b = append(b, ',')
		}
		b = append(b, `"S3Object":{`...)
		sep := false
		member := func(name, v string) {
			if v == "" {
				return
			}
			if sep {
				b = append(b, ',')
			}
			sep = true
			b = append(b, '"')
			b = append(b, name...)
			b = append(b, '"', ':')
			b = wire.AppendString(b, v)
		}
		member("Bucket", o.Bucket)
		member("Name", o.Name)
		member("Version", o.Version)
		b = append(b, '}')
	}
	b = append(b, '}')
	if in.MaxResults != 0 {
		b = append(b, `,"MaxResults":`...)
		b = strconv.AppendInt(b, int64(in.MaxResults), 10)
	}
	if mc := in.MinConfidence; mc != nil { // finite: validate checked it
		b = append(b, `,"MinConfidence":`...)
		b = wire.AppendFloat32(b, *mc)
	}
	if in.ProjectVersionArn != "" {
		b = append(b, `,"ProjectVersionArn":`...)
		b = wire.AppendString(b, in.ProjectVersionArn)
	}
	return append(b, '}')
}
