package customlabelstest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/rekognition-go/customlabels"
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

// modeledCodes are the exceptions the served operations' models declare,
// with the HTTP status AWS documents for each.
var modeledCodes = map[string]int{
	"AccessDeniedException":                  http.StatusBadRequest,
	"ImageTooLargeException":                 http.StatusBadRequest,
	"InvalidImageFormatException":            http.StatusBadRequest,
	"InvalidS3ObjectException":               http.StatusBadRequest,
	"ResourceNotReadyException":              http.StatusBadRequest,
	"InternalServerError":                    http.StatusInternalServerError,
	"InvalidPaginationTokenException":        http.StatusBadRequest,
	"InvalidParameterException":              http.StatusBadRequest,
	"LimitExceededException":                 http.StatusBadRequest,
	"ProvisionedThroughputExceededException": http.StatusBadRequest,
	"ResourceInUseException":                 http.StatusBadRequest,
	"ResourceNotFoundException":              http.StatusBadRequest,
	"ThrottlingException":                    http.StatusInternalServerError,
}

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
	if _, ok := modeledCodes[code]; ok {
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

// appendPage appends a DescribeProjects response body.
func appendPage(b []byte, items []*entry, nextToken string) []byte {
	b = append(b, `{"ProjectDescriptions":[`...)
	for i, e := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendProject(b, &e.p)
	}
	b = append(b, ']')
	if nextToken != "" {
		b = append(b, `,"NextToken":`...)
		b = wire.AppendString(b, nextToken)
	}
	return append(b, '}')
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

func appendProject(b []byte, p *customlabels.ProjectDescription) []byte {
	o := jsonObject{b: append(b, '{')}
	o.str("ProjectArn", p.ProjectArn)
	o.time("CreationTimestamp", p.CreationTimestamp)
	o.str("Status", string(p.Status))
	if p.Datasets != nil {
		o.key("Datasets")
		o.b = append(o.b, '[')
		for i := range p.Datasets {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			d := &p.Datasets[i]
			do := jsonObject{b: append(o.b, '{')}
			do.time("CreationTimestamp", d.CreationTimestamp)
			do.str("DatasetType", string(d.DatasetType))
			do.str("DatasetArn", d.DatasetArn)
			do.str("Status", string(d.Status))
			do.str("StatusMessage", d.StatusMessage)
			do.str("StatusMessageCode", string(d.StatusMessageCode))
			o.b = append(do.b, '}')
		}
		o.b = append(o.b, ']')
	}
	o.str("Feature", string(p.Feature))
	o.str("AutoUpdate", string(p.AutoUpdate))
	return append(o.b, '}')
}
