package customlabelstest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// Limits of DetectCustomLabels.
const (
	// maxImageBytesModel is the model's limit on Image.Bytes (5 MiB): a
	// larger image is a ValidationException.
	maxImageBytesModel = 5 * 1024 * 1024
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
	if target == targetPrefix+"DetectCustomLabels" {
		return maxDetectRequestBody
	}
	return maxRequestBody
}

// detectCustomLabelsInput is a DetectCustomLabels request body as
// received; nil members were absent.
type detectCustomLabelsInput struct {
	image             *detectImage
	maxResults        *int64
	minConfidence     *float64
	projectVersionArn *string
}

type detectImage struct {
	bytes    []byte // nil when absent
	s3Object *struct {
		bucket, name, version *string
	}
}

// decodeDetectInput reads the body; the error is a SerializationException
// message.
func decodeDetectInput(body []byte) (*detectCustomLabelsInput, string) {
	var in detectCustomLabelsInput
	msg := decodeMembers(body,
		member{"Image", func(raw json.RawMessage, key string) string {
			img, msg := decodeDetectImage(raw)
			in.image = img
			return msg
		}},
		integerMember("MaxResults", &in.maxResults),
		member{"MinConfidence", func(raw json.RawMessage, key string) string {
			var f float64
			if jsonKind(raw) != "a number" || json.Unmarshal(raw, &f) != nil {
				return fmt.Sprintf("Expected a number for %s, got %s", key, jsonKind(raw))
			}
			in.minConfidence = &f
			return ""
		}},
		stringMember("ProjectVersionArn", &in.projectVersionArn),
	)
	return &in, msg
}

func decodeDetectImage(raw json.RawMessage) (*detectImage, string) {
	if jsonKind(raw) != "an object" {
		return nil, "Expected an object for Image, got " + jsonKind(raw)
	}
	var img detectImage
	msg := decodeMembers(raw,
		member{"Bytes", func(raw json.RawMessage, key string) string {
			var s string
			if jsonKind(raw) != "a string" || json.Unmarshal(raw, &s) != nil {
				return fmt.Sprintf("Expected a base64 string for Image.%s, got %s", key, jsonKind(raw))
			}
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return "Image.Bytes is not valid base64: " + err.Error()
			}
			img.bytes = b
			return ""
		}},
		member{"S3Object", func(raw json.RawMessage, key string) string {
			if jsonKind(raw) != "an object" {
				return "Expected an object for Image.S3Object, got " + jsonKind(raw)
			}
			img.s3Object = new(struct{ bucket, name, version *string })
			o := img.s3Object
			return decodeMembers(raw,
				stringMember("Bucket", &o.bucket),
				stringMember("Name", &o.name),
				stringMember("Version", &o.version))
		}},
	)
	return &img, msg
}

// validate checks in against the model and returns the message of a
// ValidationException, or "".
func (in *detectCustomLabelsInput) validate() string {
	var v violations
	if in.image == nil {
		v.required("image")
	} else {
		if b := in.image.bytes; b != nil {
			if len(b) < 1 {
				v.add("java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]", "image.bytes", "have length greater than or equal to 1")
			}
			if len(b) > maxImageBytesModel {
				v.add(fmt.Sprintf("java.nio.HeapByteBuffer[pos=0 lim=%d cap=%d]", len(b), len(b)), "image.bytes",
					"have length less than or equal to "+strconv.Itoa(maxImageBytesModel))
			}
		}
		if o := in.image.s3Object; o != nil {
			if o.bucket != nil {
				v.length(*o.bucket, "image.s3Object.bucket", 3, 255)
				if !validBucket(*o.bucket) {
					v.add(*o.bucket, "image.s3Object.bucket", `satisfy regular expression pattern: [0-9A-Za-z\.\-_]*`)
				}
			}
			if o.name != nil {
				v.length(*o.name, "image.s3Object.name", 1, 1024)
			}
			if o.version != nil {
				v.length(*o.version, "image.s3Object.version", 1, 1024)
			}
		}
	}
	if in.maxResults != nil {
		v.atLeast(*in.maxResults, "maxResults", 0)
	}
	if mc := in.minConfidence; mc != nil {
		if *mc < 0 {
			v.add(strconv.FormatFloat(*mc, 'f', -1, 32), "minConfidence", "have value greater than or equal to 0")
		}
		if *mc > 100 {
			v.add(strconv.FormatFloat(*mc, 'f', -1, 32), "minConfidence", "have value less than or equal to 100")
		}
	}
	if in.projectVersionArn == nil {
		v.required("projectVersionArn")
	} else {
		v.arn(*in.projectVersionArn, "projectVersionArn", projectVersionArnRE, patternProjectVersionArn)
	}
	return v.message()
}

func validBucket(b string) bool {
	for i := 0; i < len(b); i++ {
		if !validName(b[i : i+1]) {
			return false
		}
	}
	return true
}

// serveDetectCustomLabels answers DetectCustomLabels as a running model
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
func (s *Server) serveDetectCustomLabels(body []byte, requestID string) *response {
	in, msg := decodeDetectInput(body)
	if msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeSerialization, msg)
	}
	if msg := in.validate(); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeValidation, msg)
	}
	img := in.image
	switch {
	case img.bytes == nil && img.s3Object == nil:
		return errorResponse(http.StatusBadRequest, requestID, "InvalidParameterException",
			"Image must have either Bytes or S3Object")
	case img.bytes != nil && img.s3Object != nil:
		return errorResponse(http.StatusBadRequest, requestID, "InvalidParameterException",
			"Image must have only one of Bytes and S3Object")
	case img.s3Object != nil && (img.s3Object.bucket == nil || img.s3Object.name == nil):
		return errorResponse(http.StatusBadRequest, requestID, "InvalidParameterException",
			"Image.S3Object must have a Bucket and a Name")
	}
	arn := *in.projectVersionArn

	now := s.modelNow()
	s.mu.Lock()
	e, ok := s.versions.byArn[arn]
	if !ok {
		s.mu.Unlock()
		return errorResponse(http.StatusBadRequest, requestID, "ResourceNotFoundException",
			"The model "+arn+" does not exist")
	}
	s.settle(e, now)
	if e.v.Feature == customlabels.CustomizationFeatureContentModeration {
		s.mu.Unlock()
		return errorResponse(http.StatusBadRequest, requestID, "InvalidParameterException",
			"DetectCustomLabels applies only to Custom Labels models; "+arn+" is a Custom Moderation adapter")
	}
	if e.v.Status != customlabels.ProjectVersionStatusRunning {
		s.mu.Unlock()
		return errorResponse(http.StatusBadRequest, requestID, "ResourceNotReadyException",
			"The model "+arn+" is "+string(e.v.Status)+"; start it and wait until it is RUNNING")
	}
	m := s.models[arn]
	var mm Model
	if m != nil {
		mm = m.m
		units := max(1, int(e.v.MinInferenceUnits))
		if limit := mm.MaxInFlightPerInferenceUnit; limit > 0 && m.inFlight >= limit*units {
			s.mu.Unlock()
			return errorResponse(http.StatusBadRequest, requestID, "ProvisionedThroughputExceededException",
				"The model "+arn+" is answering as many requests as its "+inferenceUnits(int64(units))+" can")
		}
		m.inFlight++
		defer func() {
			s.mu.Lock()
			m.inFlight--
			s.mu.Unlock()
		}()
	}
	image := img.bytes
	limit := maxDetectImageBytes
	if o := img.s3Object; o != nil {
		version := ""
		if o.version != nil {
			version = *o.version
		}
		data, ok := s.s3Object(*o.bucket, *o.name, version)
		if !ok {
			s.mu.Unlock()
			return errorResponse(http.StatusBadRequest, requestID, "InvalidS3ObjectException",
				"Unable to get object metadata from S3. Check object key, region and/or access permissions.")
		}
		image, limit = data, MaxS3ImageBytes // stored data is never changed: safe to read unlocked
	}
	s.mu.Unlock()

	if len(image) > limit {
		return errorResponse(http.StatusBadRequest, requestID, "ImageTooLargeException",
			fmt.Sprintf("Image size is too large: %d bytes, over the limit of %d", len(image), limit))
	}
	if !isJPEG(image) && !isPNG(image) {
		return errorResponse(http.StatusBadRequest, requestID, "InvalidImageFormatException",
			"Request has invalid image format")
	}
	var labels []customlabels.CustomLabel
	if m != nil {
		maxResults := int64(0)
		if in.maxResults != nil {
			maxResults = *in.maxResults
		}
		labels = mm.labelsFor(image, in.minConfidence, maxResults)
	}
	return newResponse(http.StatusOK, requestID, appendDetectOutput(make([]byte, 0, 32+128*len(labels)), labels))
}

// isJPEG reports whether b starts as a JPEG file does: the SOI marker and
// the start of another marker.
func isJPEG(b []byte) bool { return len(b) >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff }

// isPNG reports whether b starts with the PNG signature.
func isPNG(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }

// appendDetectOutput writes {"CustomLabels":[...]}: Geometry only when a
// label has one, as the service sends it only for object detection.
func appendDetectOutput(b []byte, labels []customlabels.CustomLabel) []byte {
	b = append(b, `{"CustomLabels":[`...)
	for i, l := range labels {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"Confidence":`...)
		b = appendFloat(b, l.Confidence)
		if g := l.Geometry; g.BoundingBox != (customlabels.BoundingBox{}) || len(g.Polygon) > 0 {
			bb := g.BoundingBox
			b = append(b, `,"Geometry":{"BoundingBox":{"Height":`...)
			b = appendFloat(b, bb.Height)
			b = append(b, `,"Left":`...)
			b = appendFloat(b, bb.Left)
			b = append(b, `,"Top":`...)
			b = appendFloat(b, bb.Top)
			b = append(b, `,"Width":`...)
			b = appendFloat(b, bb.Width)
			b = append(b, '}')
			if len(g.Polygon) > 0 {
				b = append(b, `,"Polygon":[`...)
				for j, p := range g.Polygon {
					if j > 0 {
						b = append(b, ',')
					}
					b = append(b, `{"X":`...)
					b = appendFloat(b, p.X)
					b = append(b, `,"Y":`...)
					b = appendFloat(b, p.Y)
					b = append(b, '}')
				}
				b = append(b, ']')
			}
			b = append(b, '}')
		}
		b = append(b, `,"Name":`...)
		b = wire.AppendString(b, l.Name)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// appendFloat writes a float the way JSON can carry it: NaN and the
// infinities, which a test's Detect might return, become 0.
func appendFloat(b []byte, f float32) []byte {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		f = 0
	}
	return wire.AppendFloat32(b, f)
}
