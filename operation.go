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
// Which operations are safe to resend: every attempt may be sent again
// after a connection closed before its response, or after a server error
// (see connectionClosedError and the retryer), and none of the operations
// has an idempotency token, so a resend is judged by its effect:
//   - the Describe and List operations and DetectCustomLabels only read:
//     safe;
//   - StartProjectVersion, StopProjectVersion and the Delete operations
//     change a state, and a second one cannot start, stop or delete twice
//     or bill twice: it answers ResourceInUseException or
//     ResourceNotFoundException when the first took effect (their doc
//     comments say so);
//   - TagResource, UntagResource, UpdateDatasetEntries (an upsert keyed on
//     source-ref) and DistributeDatasetEntries set a state, which a second
//     one sets again (Distribute then finds TEST not empty);
//   - CreateProject, CreateDataset, CreateProjectVersion,
//     CopyProjectVersion and PutProjectPolicy make a resource: a second one
//     meets the first's as a conflict error. Their inputs are recoverers
//     (create_recovery.go): the call finds the resource an earlier attempt
//     made and succeeds, with Recovered set in its output.
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
