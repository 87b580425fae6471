package customlabelstest

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels/internal/timestamp"
	"github.com/rekognition-go/customlabels/internal/uuid"
	"github.com/rekognition-go/customlabels/internal/wire"
)

const (
	contentType = "application/x-amz-json-1.1"
	// targetPrefix is the model's targetPrefix: X-Amz-Target is it
	// followed by the operation name.
	targetPrefix = "RekognitionService."
)

// Error codes the server answers with besides the six modeled exceptions.
const (
	codeValidation            = "ValidationException"
	codeSerialization         = "SerializationException"
	codeUnknownOperation      = "UnknownOperationException"
	codeMissingAuthentication = "MissingAuthenticationTokenException"
	codeIncompleteSignature   = "IncompleteSignatureException"
	codeInvalidSignature      = "InvalidSignatureException"
	codeUnrecognizedClient    = "UnrecognizedClientException"
)

// frameworkNamespace is the namespace AWS's request framework writes in
// the __type of the errors it raises itself, before the operation runs.
var frameworkNamespace = map[string]string{
	codeValidation:            "com.amazon.coral.validate#",
	codeSerialization:         "com.amazon.coral.service#",
	codeUnknownOperation:      "com.amazon.coral.service#",
	codeMissingAuthentication: "com.amazon.coral.service#",
	codeIncompleteSignature:   "com.amazon.coral.service#",
	codeInvalidSignature:      "com.amazon.coral.service#",
	codeUnrecognizedClient:    "com.amazon.coral.service#",
}

// response is an answer before it is written.
type response struct {
	status int
	header http.Header
	body   []byte
	code   string // the error code, for Request.ErrorCode
}

// newResponse returns a response with the headers the service sends:
// Content-Type, X-Amzn-RequestId and Content-Length (Date is added when it
// is written).
func newResponse(status int, requestID string, body []byte) *response {
	return &response{
		status: status,
		header: http.Header{
			"Content-Type":     {contentType},
			"X-Amzn-Requestid": {requestID},
			"Content-Length":   {strconv.Itoa(len(body))},
		},
		body: body,
	}
}

// errorResponse answers with code, as the service writes it: the modeled
// exceptions as Rekognition does ({"__type", "Code", "Logref",
// "Message"}), the framework's errors with their namespace
// ({"__type":"com.amazon.coral.service#X","message"}).
func errorResponse(status int, requestID, code, message string) *response {
	var b []byte
	if _, ok := modeledExceptions[code]; ok {
		b = append(b, `{"__type":`...)
		b = wire.AppendString(b, code)
		b = append(b, `,"Code":`...)
		b = wire.AppendString(b, code)
		b = append(b, `,"Logref":`...)
		b = wire.AppendString(b, uuid.New())
		b = append(b, `,"Message":`...)
		b = wire.AppendString(b, message)
		b = append(b, '}')
	} else {
		b = append(b, `{"__type":`...)
		b = wire.AppendString(b, frameworkNamespace[code]+code)
		if message != "" {
			b = append(b, `,"message":`...)
			b = wire.AppendString(b, message)
		}
		b = append(b, '}')
	}
	r := newResponse(status, requestID, b)
	r.code = code
	return r
}

// jsonObject writes the members of one JSON object, leaving out unset
// ones.
type jsonObject struct {
	b   []byte
	sep bool
}

func (o *jsonObject) key(name string) {
	if o.sep {
		o.b = append(o.b, ',')
	}
	o.sep = true
	o.b = append(o.b, '"')
	o.b = append(o.b, name...)
	o.b = append(o.b, '"', ':')
}

func (o *jsonObject) str(name, v string) {
	if v != "" {
		o.key(name)
		o.b = wire.AppendString(o.b, v)
	}
}

func (o *jsonObject) time(name string, t time.Time) {
	if !t.IsZero() {
		o.key(name)
		o.b = timestamp.Append(o.b, t)
	}
}

// int writes a non-zero integer, or any integer when always is set.
func (o *jsonObject) int(name string, v int64, always bool) {
	if v != 0 || always {
		o.key(name)
		o.b = strconv.AppendInt(o.b, v, 10)
	}
}

// float writes a non-zero float, or any float when always is set, in the
// shortest form that reads back as the same float32, as AWS's serializer
// writes a float ("0.932"). NaN and the infinities, which JSON cannot
// carry (a test's Model might return them), are written as 0.
func (o *jsonObject) float(name string, v float32, always bool) {
	if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
		v = 0
	}
	if v != 0 || always {
		o.key(name)
		o.b = wire.AppendFloat32(o.b, v)
	}
}

// bool writes true, or false too when always is set.
func (o *jsonObject) bool(name string, v, always bool) {
	if v || always {
		o.key(name)
		o.b = strconv.AppendBool(o.b, v)
	}
}

// strs writes a list of strings, when not nil.
func (o *jsonObject) strs(name string, v []string) {
	if v != nil {
		o.key(name)
		o.b = wire.AppendStrings(o.b, v)
	}
}

// stringMap writes a map of strings, when not nil.
func (o *jsonObject) stringMap(name string, v map[string]string) {
	if v != nil {
		o.key(name)
		o.b = wire.AppendStringMap(o.b, v)
	}
}

// object writes a nested object filled by fill, or nothing when fill
// writes no member.
func (o *jsonObject) object(name string, fill func(*jsonObject)) {
	mark, sep := len(o.b), o.sep
	o.key(name)
	inner := jsonObject{b: append(o.b, '{')}
	fill(&inner)
	if !inner.sep {
		o.b, o.sep = o.b[:mark], sep
		return
	}
	o.b = append(inner.b, '}')
}

// objectAlways writes a nested object filled by fill, {} when fill writes
// no member.
func (o *jsonObject) objectAlways(name string, fill func(*jsonObject)) {
	o.key(name)
	inner := jsonObject{b: append(o.b, '{')}
	fill(&inner)
	o.b = append(inner.b, '}')
}
