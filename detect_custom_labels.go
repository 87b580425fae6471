package customlabels

import (
	"context"
	"fmt"
	"strings"
)

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
	return call[DetectCustomLabelsOutput](ctx, c, opDetectCustomLabels, params, optFns)
}

// checkRules checks what the model cannot state: an image is either its
// bytes or an S3 object, not both.
func (img *Image) checkRules(path string) error {
	if len(img.Bytes) > 0 && !img.S3Object.isZero() {
		return &InvalidParamError{Field: strings.TrimSuffix(path, "."), Rule: "must set only one of Bytes and S3Object"}
	}
	return nil
}

// checkRules checks what the model cannot state: an S3 object named in a
// request has a bucket and a name (the model leaves both optional, the
// service cannot read an object without them).
func (o *S3Object) checkRules(path string) error {
	if o.Bucket == "" {
		return &InvalidParamError{Field: path + "Bucket", Rule: fmt.Sprintf("must be 3 to %d characters, got 0", MaxS3BucketLength)}
	}
	if o.Name == "" {
		return &InvalidParamError{Field: path + "Name", Rule: fmt.Sprintf("must be 1 to %d characters, got 0", MaxS3ObjectNameLength)}
	}
	return nil
}
