package customlabels

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generatedOperation is a row of op_table_gen_test.go, which genapi writes
// from the service model: every operation the package implements, so that
// the tests that run every operation the same way need no list of their
// own.
type generatedOperation struct {
	op     *operation
	input  any // a zero input value, for its type
	output any // a zero output value, for its type
	// minimal returns a valid input with only the required members set;
	// full one with every member set but those of fullOmit (genapi).
	minimal, full func() request
	call          func(ctx context.Context, c *Client, in request) (any, error)
}

func ptr[T any](v T) *T { return &v }

// minimalInput and fullInput return op's generated inputs, fixed.
func minimalInput(g generatedOperation) request { return fixedInput(g, false) }
func fullInput(g generatedOperation) request    { return fixedInput(g, true) }

func fixedInput(g generatedOperation, full bool) request {
	in := g.minimal()
	if full {
		in = g.full()
	}
	return in
}

// The generated inputs are valid: the minimal ones show what a call
// needs at least, the full ones that every member can be set at once.
func TestGeneratedInputsAreValid(t *testing.T) {
	for _, g := range generatedOperations {
		t.Run(g.op.name, func(t *testing.T) {
			assert.NoError(t, minimalInput(g).validate(), "minimal %s input", g.op.name)
			assert.NoError(t, fullInput(g).validate(), "full %s input", g.op.name)
			assert.Equal(t, reflect.TypeOf(g.input), reflect.TypeOf(g.minimal()).Elem())
		})
	}
}

// Each operation's minimal and full requests are pinned by golden files
// (testdata/requests, rewritten with go test -update): a change to what
// is sent to AWS shows up in review.
func TestGeneratedRequestsGolden(t *testing.T) {
	for _, g := range generatedOperations {
		for _, variant := range []string{"minimal", "full"} {
			t.Run(g.op.name+"/"+variant, func(t *testing.T) {
				ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
				in := fixedInput(g, variant == "full")
				_, err := g.call(context.Background(), testClient(ts), in)
				require.NoError(t, err, "%s(%s)", g.op.name, variant)
				reqs := ts.Requests()
				require.Len(t, reqs, 1)
				assert.True(t, reqs[0].SignatureOK, "signature of %s(%s)", g.op.name, variant)
				checkGolden(t, "requests/"+g.op.name+"_"+variant+".golden", goldenRequest(reqs[0]))
			})
		}
	}
}

// Every operation takes a nil input as its zero input: both are checked
// alike, and the same request is sent when the zero input is valid.
func TestNilInputIsZeroInput(t *testing.T) {
	for _, g := range generatedOperations {
		t.Run(g.op.name, func(t *testing.T) {
			typ := reflect.TypeOf(g.minimal())
			send := func(in request) ([]byte, error) {
				ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
				_, err := g.call(context.Background(), testClient(ts), in)
				var body []byte
				if reqs := ts.Requests(); len(reqs) == 1 {
					body = reqs[0].Body
				}
				return body, err
			}
			nilBody, nilErr := send(reflect.Zero(typ).Interface().(request))
			zeroBody, zeroErr := send(reflect.New(typ.Elem()).Interface().(request))
			if zeroErr != nil {
				require.Error(t, nilErr, "%s(nil)", g.op.name)
				assert.Equal(t, zeroErr.Error(), nilErr.Error(), "%s(nil) and %s(zero input)", g.op.name, g.op.name)
			} else {
				require.NoError(t, nilErr, "%s(nil)", g.op.name)
			}
			assert.Equal(t, string(zeroBody), string(nilBody), "%s(nil) sent", g.op.name)
		})
	}
}
