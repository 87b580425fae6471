package customlabels

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitList turns one fuzzed string into a list: "" is nil, otherwise the
// parts between newlines (a newline is never valid inside a name or a
// feature, so nothing the validator must see is lost).
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// FuzzDescribeProjectsInput checks validation against encoding: an input
// either fails validation with an *InvalidParamError naming a field, or it
// encodes to a JSON object that encoding/json reads back to exactly the
// same values, with exactly the members that are set. So nothing that
// passes validation is changed or lost on its way to the wire.
func FuzzDescribeProjectsInput(f *testing.F) {
	f.Add("", int32(0), "", "")
	f.Add("tok", int32(100), "a\nb.c_d-e", "CUSTOM_LABELS\nCONTENT_MODERATION")
	f.Add(strings.Repeat("é", MaxNextTokenLength), int32(1), strings.Repeat("x", MaxProjectNameLength), "NEW_FEATURE")
	f.Add(`"\`+"\u2028\x00\x7f", int32(-1), "bad name", "custom_labels")
	f.Add("\xff\xfe", int32(101), "a\na", "CUSTOM_LABELS\nCUSTOM_LABELS")
	f.Add("\xed\xa0\x80", int32(5), "\n", "\n")
	f.Add("\xd0", int32(0), "", "") // invalid UTF-8: must fail validation, never be sent changed
	f.Fuzz(func(t *testing.T, token string, maxResults int32, names, features string) {
		in := DescribeProjectsInput{NextToken: token, MaxResults: maxResults, ProjectNames: splitList(names)}
		for _, f := range splitList(features) {
			in.Features = append(in.Features, CustomizationFeature(f))
		}
		orig := DescribeProjectsInput{NextToken: in.NextToken, MaxResults: in.MaxResults,
			ProjectNames: slices.Clone(in.ProjectNames), Features: slices.Clone(in.Features)}

		err := in.validate()
		if !reflect.DeepEqual(in, orig) {
			t.Fatalf("validate changed its input: %#v, was %#v", in, orig)
		}
		if err != nil {
			var pe *InvalidParamError
			if !errors.As(err, &pe) || pe.Field == "" || pe.Rule == "" {
				t.Fatalf("validate(%#v) = %v, want an *InvalidParamError with Field and Rule", in, err)
			}
			if n := len(err.Error()); n > 512 { // values are quoted and cut at 64 bytes
				t.Fatalf("validate(%#v) error is %d bytes long: %q", in, n, err)
			}
			return
		}

		body := in.appendJSON(nil)
		if !json.Valid(body) {
			t.Fatalf("appendJSON(%#v) = %q, not valid JSON", in, body)
		}
		var members map[string]json.RawMessage
		if err := json.Unmarshal(body, &members); err != nil {
			t.Fatalf("appendJSON(%#v) = %q, not a JSON object: %v", in, body, err)
		}
		wantKeys := map[string]bool{
			"NextToken":    in.NextToken != "",
			"MaxResults":   in.MaxResults != 0,
			"ProjectNames": len(in.ProjectNames) > 0,
			"Features":     len(in.Features) > 0,
		}
		for k := range members {
			if !wantKeys[k] {
				t.Fatalf("appendJSON(%#v) = %q has member %q, which is unset or unknown", in, body, k)
			}
		}
		for k, set := range wantKeys {
			if _, ok := members[k]; set && !ok {
				t.Fatalf("appendJSON(%#v) = %q lacks member %q", in, body, k)
			}
		}

		var back struct {
			NextToken    string
			MaxResults   int32
			ProjectNames []string
			Features     []CustomizationFeature
		}
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&back); err != nil {
			t.Fatalf("appendJSON(%#v) = %q: encoding/json: %v", in, body, err)
		}
		got := DescribeProjectsInput{NextToken: back.NextToken, MaxResults: back.MaxResults,
			ProjectNames: back.ProjectNames, Features: back.Features}
		if !reflect.DeepEqual(got, in) {
			t.Fatalf("appendJSON(%#v) = %q, read back as %#v", in, body, got)
		}
		if !utf8.Valid(body) {
			t.Fatalf("appendJSON(%#v) = %q is not valid UTF-8", in, body)
		}
	})
}
