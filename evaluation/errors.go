package evaluation

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"

	"github.com/rekognition-go/customlabels/internal/jsonread"
)

// ParseError is a file that is not what the service writes: not JSON, cut
// short, too large, a member of the wrong type or a missing one.
type ParseError struct {
	// File is "summary" or "manifest summary".
	File string
	// Field is the member's path, such as
	// AggregatedEvaluationResults.Metrics.F1Score; empty for the file as
	// a whole.
	Field string
	// Rule says what is wrong.
	Rule string
	// Err is the cause, when there is one: a read error, or a syntax
	// error that wraps io.ErrUnexpectedEOF when the file is cut short.
	Err error
}

// Error returns "evaluation: file: field: rule".
func (e *ParseError) Error() string {
	s := "evaluation: " + e.File + ": "
	if e.Field != "" {
		s += e.Field + ": "
	}
	return s + e.Rule
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// parseFile reads a whole file (readFile) and parses it with the
// UnmarshalJSON of its type.
func parseFile[T any, P interface {
	*T
	UnmarshalJSON([]byte) error
}](r io.Reader, file string) (*T, error) {
	data, err := readFile(r, file)
	if err != nil {
		return nil, err
	}
	p := P(new(T))
	if err := p.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return p, nil
}

// readFile reads a whole file of at most MaxFileSize bytes.
func readFile(r io.Reader, file string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &ParseError{File: file, Rule: "reading: " + err.Error(), Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &ParseError{File: file, Rule: "the file is larger than " + strconv.Itoa(MaxFileSize>>20) + " MiB"}
	}
	return data, nil
}

// decodeFile checks that data is one JSON object and decodes it into v,
// turning encoding/json's errors into ParseErrors that name the member.
func decodeFile(data []byte, v any, file string) error {
	var d jsonread.Decoder
	if err := d.Valid(data); err != nil {
		return &ParseError{File: file, Rule: "not JSON: " + err.Error(), Err: err}
	}
	if k := jsonKind(data); k != "an object" {
		return &ParseError{File: file, Rule: "the file is " + k + ", not a JSON object"}
	}
	err := json.Unmarshal(data, v)
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &te):
		return &ParseError{File: file, Field: te.Field, Rule: "it is " + article(te.Value) + ", not " + goKind(te.Type)}
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return &ParseError{File: file, Rule: err.Error(), Err: err}
}

// jsonKind names the kind of the JSON value raw, with its article.
func jsonKind(raw []byte) string {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// article puts an article before encoding/json's name of a JSON value
// ("string", "number 1.5").
func article(v string) string {
	switch {
	case v == "":
		return "a value"
	case v[0] == 'a' || v[0] == 'o':
		return "an " + v
	}
	return "a " + v
}

// goKind names what a Go type holds, in JSON terms.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

func quote(s string) string {
	if len(s) > 64 {
		return strconv.Quote(s[:64]) + "…"
	}
	return strconv.Quote(s)
}
