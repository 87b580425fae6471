package customlabelstest

import (
	"bytes"
	"fmt"

	"github.com/rekognition-go/customlabels"
)

// Limits of DetectCustomLabels.
const (
	// maxDetectImageBytes is the limit the API reference states for
	// image bytes sent to DetectCustomLabels, "4MB"; read as 4 MiB
	// (assumed: the reference does not say which megabyte). A larger image,
	// within the model's limit, is ImageTooLargeException.
	maxDetectImageBytes = 4 * 1024 * 1024
	// maxDetectRequestBody is what the server reads of a
	// DetectCustomLabels request: the base64 of the model's largest
	// image, with room for the other members.
	maxDetectRequestBody = 8 << 20
)

// requestBodyLimit is what the server reads of a request body for the
// operation target names.
func requestBodyLimit(target string) int {
	switch target {
	case targetPrefix + "DetectCustomLabels", targetPrefix + "UpdateDatasetEntries":
		// The two operations that carry a blob of up to 5 MiB.
		return maxDetectRequestBody
	}
	return maxRequestBody
}

// detectCustomLabels answers DetectCustomLabels as a running model
// does. After the model's constraints (ValidationException), the checks
// run in this order (assumed; the API reference does not say): neither or
// both of Image.Bytes and Image.S3Object is InvalidParameterException; an
// unknown version is ResourceNotFoundException; a Custom Moderation
// adapter is InvalidParameterException (it answers DetectModerationLabels
// instead); a version not RUNNING is ResourceNotReadyException; more
// requests in flight than the Model's capacity is
// ProvisionedThroughputExceededException; an S3 object the test did not
// put is InvalidS3ObjectException; an image over 4 MiB as bytes, or 15 MiB
// in S3, is ImageTooLargeException; an image that is neither JPEG nor PNG
// (by its first bytes) is InvalidImageFormatException. Then the Model
// answers.
func (s *Server) detectCustomLabels(_ *caller, in *customlabels.DetectCustomLabelsInput) (*customlabels.DetectCustomLabelsOutput, error) {
	img := &in.Image
	hasS3 := img.S3Object != (customlabels.S3Object{})
	switch {
	case len(img.Bytes) == 0 && !hasS3:
		return nil, &customlabels.InvalidParameterException{Message: "Image must have either Bytes or S3Object"}
	case len(img.Bytes) > 0 && hasS3:
		return nil, &customlabels.InvalidParameterException{Message: "Image must have only one of Bytes and S3Object"}
	case hasS3 && (img.S3Object.Bucket == "" || img.S3Object.Name == ""):
		return nil, &customlabels.InvalidParameterException{Message: "Image.S3Object must have a Bucket and a Name"}
	}
	arn := in.ProjectVersionArn

	e, _, err := s.lockVersion(arn)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if e.v.Feature == customlabels.CustomizationFeatureContentModeration {
		s.mu.Unlock()
		return nil, &customlabels.InvalidParameterException{Message: "DetectCustomLabels applies only to Custom Labels models; " + arn + " is a Custom Moderation adapter"}
	}
	if e.v.Status != customlabels.ProjectVersionStatusRunning {
		s.mu.Unlock()
		return nil, &customlabels.ResourceNotReadyException{Message: "The model " + arn + " is " + string(e.v.Status) + "; start it and wait until it is RUNNING"}
	}
	m, trained := s.models[arn], e.trained
	var mm Model
	if m != nil {
		mm = m.m
		units := max(1, int(e.v.MinInferenceUnits))
		if limit := mm.MaxInFlightPerInferenceUnit; limit > 0 && m.inFlight >= limit*units {
			s.mu.Unlock()
			return nil, &customlabels.ProvisionedThroughputExceededException{Message: "The model " + arn + " is answering as many requests as its " + inferenceUnits(int64(units)) + " can"}
		}
		m.inFlight++
		defer func() {
			s.mu.Lock()
			m.inFlight--
			s.mu.Unlock()
		}()
	}
	image := img.Bytes
	limit := maxDetectImageBytes
	if o := img.S3Object; hasS3 {
		data, ok := s.s3Object(o.Bucket, o.Name, o.Version)
		if !ok {
			s.mu.Unlock()
			return nil, &customlabels.InvalidS3ObjectException{Message: "Unable to get object metadata from S3. Check object key, region and/or access permissions."}
		}
		image, limit = data, MaxS3ImageBytes // stored data is never changed: safe to read unlocked
	}
	s.mu.Unlock()

	if len(image) > limit {
		return nil, &customlabels.ImageTooLargeException{Message: fmt.Sprintf("Image size is too large: %d bytes, over the limit of %d", len(image), limit)}
	}
	if !isJPEG(image) && !isPNG(image) {
		return nil, &customlabels.InvalidImageFormatException{Message: "Request has invalid image format"}
	}
	out := &customlabels.DetectCustomLabelsOutput{CustomLabels: []customlabels.CustomLabel{}}
	var minConfidence *float64
	if in.MinConfidence != nil {
		f := float64(*in.MinConfidence)
		minConfidence = &f
	}
	var labels []customlabels.CustomLabel
	switch {
	case m != nil:
		labels = mm.labelsFor(image, minConfidence, int64(in.MaxResults))
	case trained != nil:
		// A model the server trained knows its data (trained_model.go).
		labels = trained.labelsFor(image, img.S3Object, minConfidence, int64(in.MaxResults))
	}
	if labels != nil {
		out.CustomLabels = labels
	}
	return out, nil
}

// isJPEG reports whether b starts as a JPEG file does: the SOI marker and
// the start of another marker.
func isJPEG(b []byte) bool { return len(b) >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff }

// isPNG reports whether b starts with the PNG signature.
func isPNG(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }
