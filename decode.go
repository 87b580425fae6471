package customlabels

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsondec"
)

// Decoding of every operation's response, on the shared readers of
// internal/jsondec (see its package comment for the style: each shape's
// decoder is a short switch over member names, generated from the
// service model into codec_gen.go).
//
// The result is the same as encoding/json would decode into the wire
// structs (each operation's tests keep a decoder on encoding/json as the
// reference and fuzz the two against each other), with deliberate
// differences:
//   - member names match exactly, as the AWS SDK for Go matches them,
//     where encoding/json would also accept "projectarn" for ProjectArn;
//   - input cut short, even inside a number or literal ("1.", "tr"),
//     gives an error wrapping io.ErrUnexpectedEOF, which the client
//     retries (encoding/json reports an invalid character there);
//   - at most maxDecodedElements list elements, all lists of the response
//     together, so that a broken or hostile body cannot make the client
//     allocate without bound;
//   - a body that is empty or JSON null is an error, never an empty page.
//
// Otherwise, as encoding/json: null leaves a member unset; unknown members
// are skipped, whatever they hold; a repeated member is decoded again over
// the first; enum values the package does not know are kept as sent;
// timestamps are JSON numbers parsed exactly from their text, and a string
// there is an error; strings are fully unescaped, invalid UTF-8 becoming
// U+FFFD; a syntax error, a member of the wrong type, or anything after
// the object is an error. A decoder keeps no reference to the body.

// maxDecodedElements bounds the list elements decoded from one response:
// 100 times a full page of 100 projects.
const maxDecodedElements = 100 * 100

// errEmptyBody reports a 2xx response without a body; the service always
// sends a JSON object, so an empty body means the response was lost.
var errEmptyBody = errors.New("empty response body")

// errNullBody reports a 2xx body that is JSON null. The service always
// answers with an object; decoded as encoding/json would, null would be an
// empty page, a listing that silently lost its items.
var errNullBody = errors.New("response body is JSON null, not an object")

// decodeResponse decodes a 2xx body into out, which it first resets: out
// is complete when it returns nil.
func decodeResponse(op *operation, data []byte, out response) error {
	if len(data) == 0 {
		return errEmptyBody
	}
	if string(bytes.Trim(data, " \t\r\n")) == "null" {
		return errNullBody
	}
	d := jsondec.New(data, op.root, maxDecodedElements)
	out.decodeJSON(d)
	return d.Finish()
}

// checkResponseNextToken fails the decoding of a NextToken longer than any
// request may send back: the listing could not go on with it.
func checkResponseNextToken(d *jsondec.Decoder, token string) {
	if n := utf8.RuneCountInString(token); n > MaxNextTokenLength {
		d.Fail(fmt.Errorf("response NextToken has %d characters, over the limit of %d", n, MaxNextTokenLength))
	}
}
