package customlabelstest

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"strconv"
)

// s3Error is an error answered as S3 writes it: an HTTP status and an XML
// body <Error><Code>…</Code><Message>…</Message>…</Error> (no body for
// HEAD). Codes, statuses and messages are those of S3's error reference.
type s3Error struct {
	status  int
	code    string
	message string
	// fields are the elements S3 adds after Message for this error
	// (BucketName, Key, ArgumentName…), in order.
	fields []s3Field
	header http.Header // extra response headers, e.g. Allow
}

type s3Field struct{ name, value string }

func (e *s3Error) Error() string { return e.code + ": " + e.message }

// body writes the error document with the request ID.
func (e *s3Error) body(requestID, hostID string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<Error>")
	writeXMLElement(&b, "Code", e.code)
	writeXMLElement(&b, "Message", e.message)
	for _, f := range e.fields {
		writeXMLElement(&b, f.name, f.value)
	}
	writeXMLElement(&b, "RequestId", requestID)
	writeXMLElement(&b, "HostId", hostID)
	b.WriteString("</Error>")
	return b.Bytes()
}

func writeXMLElement(b *bytes.Buffer, name, value string) {
	b.WriteString("<" + name + ">")
	_ = xml.EscapeText(b, []byte(value))
	b.WriteString("</" + name + ">")
}

func errNoSuchBucket(bucket string) *s3Error {
	return &s3Error{status: http.StatusNotFound, code: "NoSuchBucket",
		message: "The specified bucket does not exist", fields: []s3Field{{"BucketName", bucket}}}
}

func errNoSuchKey(key string) *s3Error {
	return &s3Error{status: http.StatusNotFound, code: "NoSuchKey",
		message: "The specified key does not exist.", fields: []s3Field{{"Key", key}}}
}

func errEntityTooLarge(size int64) *s3Error {
	return &s3Error{status: http.StatusBadRequest, code: "EntityTooLarge",
		message: "Your proposed upload exceeds the maximum allowed size",
		fields: []s3Field{{"ProposedSize", strconv.FormatInt(size, 10)},
			{"MaxSizeAllowed", strconv.FormatInt(MaxS3ObjectBytes, 10)}}}
}

func errMalformedXML() *s3Error {
	return &s3Error{status: http.StatusBadRequest, code: "MalformedXML",
		message: "The XML you provided was not well-formed or did not validate against our published schema"}
}

func errInvalidArgument(message, name, value string) *s3Error {
	return &s3Error{status: http.StatusBadRequest, code: "InvalidArgument", message: message,
		fields: []s3Field{{"ArgumentName", name}, {"ArgumentValue", truncate(value, 256)}}}
}

func errInvalidRequest(message string) *s3Error {
	return &s3Error{status: http.StatusBadRequest, code: "InvalidRequest", message: message}
}

// errNotImplemented answers what the fake does not serve; what names it.
func errNotImplemented(what string) *s3Error {
	return &s3Error{status: http.StatusNotImplemented, code: "NotImplemented",
		message: "A header you provided implies functionality that is not implemented (customlabelstest does not serve " + what + ")"}
}

func errMethodNotAllowed(method, resource string, allow string) *s3Error {
	return &s3Error{status: http.StatusMethodNotAllowed, code: "MethodNotAllowed",
		message: "The specified method is not allowed against this resource.",
		fields:  []s3Field{{"Method", method}, {"ResourceType", resource}},
		header:  http.Header{"Allow": {allow}}}
}
