package customlabels

import "github.com/rekognition-go/customlabels/internal/jsondec"

// operation describes one API operation: what the shared call path needs
// to know of it. Each operation file declares one with newOperation.
type operation struct {
	// name is the operation's name, as in X-Amz-Target and errors.
	name string
	// target is the X-Amz-Target header value, computed once.
	target []string
	// errors are the codes of the exceptions the service model lists for
	// the operation, in model order. Any exception code is decoded to its
	// type whichever operation returns it; the list documents the
	// operation and is checked against the model by the conformance test.
	errors []string
	// root names the response in decoding errors.
	root string
}

// newOperation declares an operation and the exceptions it documents.
//
// Every attempt of every operation may be sent again after a connection
// closed before its response (see connectionClosedError): that is safe
// for all the operations of this package. The Describe operations and
// DetectCustomLabels only read. StartProjectVersion and StopProjectVersion
// change a version's state, but sending one twice cannot start or stop it
// twice or bill twice: the second answers ResourceInUseException when the
// first took effect (their doc comments say so).
func newOperation(name string, errors ...string) *operation {
	return &operation{
		name:   name,
		target: []string{targetPrefix + name},
		errors: errors,
		root:   name + " response",
	}
}

// request is an operation's input: checked, then encoded as the body.
type request interface {
	// validate checks the input against the service model; it returns
	// an *InvalidParamError.
	validate() error
	// appendJSON appends the request body to b.
	appendJSON(b []byte) []byte
}

// response is an operation's output, decoded from a 2xx body.
type response interface {
	// decodeJSON reads the output from d; errors stay in d.
	decodeJSON(d *jsondec.Decoder)
	// setRequestID records the response's request ID.
	setRequestID(id string)
}
