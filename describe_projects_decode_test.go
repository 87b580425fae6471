package customlabels

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/internal/timestamp"
)

// The reference decoder: encoding/json into wire structs, as the client
// decoded responses before internal/jsonread. The fuzz target below holds
// decodeDescribeProjectsOutput to its results.

type refTimestamp struct{ t time.Time }

func (w *refTimestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	t, err := timestamp.Parse(b)
	if err != nil {
		return fmt.Errorf("timestamp %s: %w", quoteShort(string(b)), err)
	}
	w.t = t
	return nil
}

type refDataset struct {
	CreationTimestamp refTimestamp `json:"CreationTimestamp"`
	DatasetType       string       `json:"DatasetType"`
	DatasetArn        string       `json:"DatasetArn"`
	Status            string       `json:"Status"`
	StatusMessage     string       `json:"StatusMessage"`
	StatusMessageCode string       `json:"StatusMessageCode"`
}

type refProject struct {
	ProjectArn        string       `json:"ProjectArn"`
	CreationTimestamp refTimestamp `json:"CreationTimestamp"`
	Status            string       `json:"Status"`
	Datasets          []refDataset `json:"Datasets"`
	Feature           string       `json:"Feature"`
	AutoUpdate        string       `json:"AutoUpdate"`
}

type refOutput struct {
	ProjectDescriptions []refProject `json:"ProjectDescriptions"`
	NextToken           string       `json:"NextToken"`
}

func referenceDecode(data []byte) (*DescribeProjectsOutput, error) {
	var w refOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(w.NextToken); n > MaxNextTokenLength {
		return nil, fmt.Errorf("response NextToken has %d characters, over the limit of %d", n, MaxNextTokenLength)
	}
	out := &DescribeProjectsOutput{NextToken: w.NextToken}
	if w.ProjectDescriptions != nil {
		out.ProjectDescriptions = make([]ProjectDescription, len(w.ProjectDescriptions))
	}
	for i, p := range w.ProjectDescriptions {
		d := &out.ProjectDescriptions[i]
		d.ProjectArn = p.ProjectArn
		d.CreationTimestamp = p.CreationTimestamp.t
		d.Status = ProjectStatus(p.Status)
		d.Feature = CustomizationFeature(p.Feature)
		d.AutoUpdate = ProjectAutoUpdate(p.AutoUpdate)
		if p.Datasets != nil {
			d.Datasets = make([]DatasetMetadata, len(p.Datasets))
		}
		for j, ds := range p.Datasets {
			d.Datasets[j] = DatasetMetadata{
				CreationTimestamp: ds.CreationTimestamp.t,
				DatasetType:       DatasetType(ds.DatasetType),
				DatasetArn:        ds.DatasetArn,
				Status:            DatasetStatus(ds.Status),
				StatusMessage:     ds.StatusMessage,
				StatusMessageCode: DatasetStatusMessageCode(ds.StatusMessageCode),
			}
		}
	}
	return out, nil
}

// memberNames are the keys the decoder knows, at any level.
var memberNames = []string{
	"ProjectDescriptions", "NextToken", "ProjectArn", "CreationTimestamp", "Status", "Datasets",
	"Feature", "AutoUpdate", "DatasetType", "DatasetArn", "StatusMessage", "StatusMessageCode",
}

// foldsToMember reports whether data has a key that encoding/json would
// match to a member name without being that name, such as "nexttoken":
// the one place where the two decoders differ by design.
func foldsToMember(data []byte) bool { return foldsToName(data, memberNames) }

// foldsToName reports whether data has a key that encoding/json would
// match to one of names without being that name.
func foldsToName(data []byte, names []string) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	// A key is a string token that directly follows '{' or a value in an
	// object; track it with a stack of container kinds and a key flag.
	type frame struct {
		object bool
		key    bool // the next string is a key
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		top := len(stack) - 1
		isKey := false
		if s, ok := tok.(string); ok && top >= 0 && stack[top].object && stack[top].key {
			isKey = true
			for _, m := range names {
				if s != m && strings.EqualFold(s, m) { // encoding/json folds names as bytes.EqualFold does
					return true
				}
			}
		}
		switch tok {
		case json.Delim('{'):
			if top >= 0 && stack[top].object {
				stack[top].key = true
			}
			stack = append(stack, frame{object: true, key: true})
			continue
		case json.Delim('['):
			if top >= 0 && stack[top].object {
				stack[top].key = true
			}
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:top]
			continue
		}
		if top >= 0 && stack[top].object {
			stack[top].key = !isKey
		}
	}
}

// checkSameAsReference decodes data with both decoders and fails unless
// both succeed with equal outputs or both fail, alike in whether the input
// was cut short.
func checkSameAsReference(t *testing.T, data []byte) {
	t.Helper()
	checkDecodeAgainst(t, data, decodeDescribeProjectsOutput, referenceDecode, memberNames)
}

// cutInToken reports the second deliberate difference: input cut inside a
// number or literal ("1.", "-", "tr") is truncated for
// decodeDescribeProjectsOutput, while encoding/json, which checks the end
// of input by feeding it a space, reports "invalid character ' '" at the
// end of the input.
func cutInToken(data []byte, err, refErr error) bool {
	var se *json.SyntaxError
	return errors.Is(err, io.ErrUnexpectedEOF) && errors.As(refErr, &se) &&
		se.Offset == int64(len(data)) && strings.HasPrefix(se.Error(), "invalid character ' '")
}

// samplePage is a realistic page: every member, escapes, an unknown enum
// value, unknown members, a null.
const samplePage = `{
  "ProjectDescriptions": [
    {
      "ProjectArn": "arn:aws:rekognition:us-east-1:111122223333:project/my-project/1700000000123",
      "CreationTimestamp": 1.700000000123E9,
      "Status": "CREATED",
      "Datasets": [
        {"CreationTimestamp": 1.700000100456E9, "DatasetType": "TRAIN",
         "DatasetArn": "arn:aws:rekognition:us-east-1:111122223333:project/my-project/dataset/train/1700000100456",
         "Status": "CREATE_COMPLETE", "StatusMessage": "The dataset was successfully created.",
         "StatusMessageCode": "SUCCESS"},
        {"CreationTimestamp": 1600000000.1239, "DatasetType": "TEST",
         "DatasetArn": "arn:aws:rekognition:us-east-1:111122223333:project/my-project/dataset/test/1700000100457",
         "Status": "UPDATE_FAILED", "StatusMessage": "Bad manifest: \"line 3\"\n\u00e9\ud83d\ude00",
         "StatusMessageCode": "CLIENT_ERROR", "Unknown": {"a": [1, 2, {"b": null}]}}
      ],
      "Feature": "CUSTOM_LABELS"
    },
    {
      "ProjectArn": "arn:aws:rekognition:us-east-1:111122223333:project/adapter/1700000000999",
      "CreationTimestamp": 1700000000,
      "Status": "ARCHIVING",
      "Datasets": null,
      "Feature": "CONTENT_MODERATION",
      "AutoUpdate": "ENABLED",
      "Tags": {"x": "y"}
    }
  ],
  "NextToken": "tok\/en+/=",
  "ExtraTopLevel": [true, false, -1.5e-3]
}`

func TestDecodeSamplePage(t *testing.T) {
	out, err := decodeDescribeProjectsOutput([]byte(samplePage))
	require.NoError(t, err)
	want := &DescribeProjectsOutput{
		NextToken: "tok/en+/=",
		ProjectDescriptions: []ProjectDescription{
			{
				ProjectArn:        "arn:aws:rekognition:us-east-1:111122223333:project/my-project/1700000000123",
				CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 123000000, time.UTC),
				Status:            ProjectStatusCreated,
				Feature:           CustomizationFeatureCustomLabels,
				Datasets: []DatasetMetadata{
					{
						CreationTimestamp: time.Date(2023, 11, 14, 22, 15, 0, 456000000, time.UTC),
						DatasetType:       DatasetTypeTrain,
						DatasetArn:        "arn:aws:rekognition:us-east-1:111122223333:project/my-project/dataset/train/1700000100456",
						Status:            DatasetStatusCreateComplete,
						StatusMessage:     "The dataset was successfully created.",
						StatusMessageCode: DatasetStatusMessageCodeSuccess,
					},
					{
						CreationTimestamp: time.Date(2020, 9, 13, 12, 26, 40, 123900000, time.UTC),
						DatasetType:       DatasetTypeTest,
						DatasetArn:        "arn:aws:rekognition:us-east-1:111122223333:project/my-project/dataset/test/1700000100457",
						Status:            DatasetStatusUpdateFailed,
						StatusMessage:     "Bad manifest: \"line 3\"\né😀",
						StatusMessageCode: DatasetStatusMessageCodeClientError,
					},
				},
			},
			{
				ProjectArn:        "arn:aws:rekognition:us-east-1:111122223333:project/adapter/1700000000999",
				CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
				Status:            "ARCHIVING",
				Feature:           CustomizationFeatureContentModeration,
				AutoUpdate:        ProjectAutoUpdateEnabled,
			},
		},
	}
	assert.Equal(t, want, out)
	checkSameAsReference(t, []byte(samplePage))
}

// TestDecodeLikeEncodingJSON pins the cases where a hand-written decoder
// most easily parts from encoding/json; each is also checked against the
// reference decoder.
func TestDecodeLikeEncodingJSON(t *testing.T) {
	tests := []struct {
		name string
		body string
		want *DescribeProjectsOutput // nil: an error
	}{
		{"empty object", `{}`, &DescribeProjectsOutput{}},
		{"top-level null", ` null `, nil}, // the fourth difference: see decode.go
		{"empty list is not nil", `{"ProjectDescriptions":[]}`, &DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{}}},
		{"null list", `{"ProjectDescriptions":null}`, &DescribeProjectsOutput{}},
		{"null element", `{"ProjectDescriptions":[null]}`, &DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{}}}},
		{"null members", `{"NextToken":null,"ProjectDescriptions":[{"ProjectArn":null,"CreationTimestamp":null,"Status":null,"Datasets":null}]}`,
			&DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{}}}},
		{"empty datasets", `{"ProjectDescriptions":[{"Datasets":[]}]}`,
			&DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{Datasets: []DatasetMetadata{}}}}},
		{"escapes", `{"NextToken":"\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude00"}`, &DescribeProjectsOutput{NextToken: "\"\\/\b\f\n\r\tAé€😀"}},
		{"lone high surrogate", `{"NextToken":"a\ud83db"}`, &DescribeProjectsOutput{NextToken: "a\uFFFDb"}},
		{"lone low surrogate", `{"NextToken":"a\ude00b"}`, &DescribeProjectsOutput{NextToken: "a\uFFFDb"}},
		{"high surrogate then escape", `{"NextToken":"\ud83d\u0041"}`, &DescribeProjectsOutput{NextToken: "\uFFFDA"}},
		{"two high surrogates", `{"NextToken":"\ud83d\ud83d\ude00"}`, &DescribeProjectsOutput{NextToken: "\uFFFD😀"}},
		{"invalid UTF-8", "{\"NextToken\":\"a\xff\xfeb\xe2\x82\"}", &DescribeProjectsOutput{NextToken: "a\uFFFD\uFFFDb\uFFFD\uFFFD"}},
		{"valid UTF-8", `{"NextToken":"žluťoučký kůň 🐴"}`, &DescribeProjectsOutput{NextToken: "žluťoučký kůň 🐴"}},
		{"escaped key", `{"Next\u0054oken":"t"}`, &DescribeProjectsOutput{NextToken: "t"}},
		{"duplicate key, last wins", `{"NextToken":"a","NextToken":"b"}`, &DescribeProjectsOutput{NextToken: "b"}},
		{"duplicate key, null keeps", `{"NextToken":"a","NextToken":null}`, &DescribeProjectsOutput{NextToken: "a"}},
		{"duplicate list decoded over the first", `{"ProjectDescriptions":[{"ProjectArn":"a","Status":"CREATED"},{"ProjectArn":"b"}],"ProjectDescriptions":[{"ProjectArn":"c"}]}`,
			&DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{ProjectArn: "c", Status: ProjectStatusCreated}}}},
		{"duplicate list, null then list", `{"ProjectDescriptions":[{"ProjectArn":"a"}],"ProjectDescriptions":null,"ProjectDescriptions":[{}]}`,
			&DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{}}}},
		{"unknown members of every type", `{"a":{"b":[{"c":[[],{}]},"s",1e5,-0.0,true,false,null]},"NextToken":"t","z":[]}`, &DescribeProjectsOutput{NextToken: "t"}},
		{"unknown enum values kept", `{"ProjectDescriptions":[{"Status":"NEW_STATE","Feature":"NEW_FEATURE","AutoUpdate":"SOMETIMES","Datasets":[{"DatasetType":"VALIDATION","Status":"NEW","StatusMessageCode":"NEW_CODE"}]}]}`,
			&DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{Status: "NEW_STATE", Feature: "NEW_FEATURE", AutoUpdate: "SOMETIMES",
				Datasets: []DatasetMetadata{{DatasetType: "VALIDATION", Status: "NEW", StatusMessageCode: "NEW_CODE"}}}}}},
		{"white space everywhere", " \t\r\n{ \"NextToken\" : \"t\" , \"ProjectDescriptions\" : [ ] } \n", &DescribeProjectsOutput{NextToken: "t", ProjectDescriptions: []ProjectDescription{}}},

		{"timestamp string", `{"ProjectDescriptions":[{"CreationTimestamp":"1700000000"}]}`, nil},
		{"timestamp bool", `{"ProjectDescriptions":[{"Datasets":[{"CreationTimestamp":true}]}]}`, nil},
		{"timestamp out of range", `{"ProjectDescriptions":[{"CreationTimestamp":1e19}]}`, nil},
		{"string as number", `{"NextToken":5}`, nil},
		{"enum as object", `{"ProjectDescriptions":[{"Status":{}}]}`, nil},
		{"list as object", `{"ProjectDescriptions":{}}`, nil},
		{"element as string", `{"ProjectDescriptions":["x"]}`, nil},
		{"top-level array", `[]`, nil},
		{"top-level string", `"x"`, nil},
		{"trailing garbage", `{} x`, nil},
		{"two values", `{}{}`, nil},
		{"trailing comma", `{"NextToken":"t",}`, nil},
		{"trailing comma in list", `{"ProjectDescriptions":[{},]}`, nil},
		{"leading zero", `{"x":01}`, nil},
		{"bad escape", `{"NextToken":"\x"}`, nil},
		{"bad unicode escape", `{"NextToken":"\u12G4"}`, nil},
		{"control character", "{\"NextToken\":\"a\nb\"}", nil},
		{"single quotes", `{'NextToken':'t'}`, nil},
		{"bare word", `{"x":nul}`, nil},
		{"missing colon", `{"NextToken" "t"}`, nil},
		{"type error before syntax error", `{"NextToken":5,"x":tru}`, nil},
		{"token too long", `{"NextToken":"` + strings.Repeat("é", MaxNextTokenLength+1) + `"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeDescribeProjectsOutput([]byte(tt.body))
			if tt.want == nil {
				require.Error(t, err, "decode(%s)", tt.body)
				assert.Nil(t, got, "no partial output")
				assert.NotErrorIs(t, err, io.ErrUnexpectedEOF, "a complete body is not truncated")
			} else {
				require.NoError(t, err, "decode(%s)", tt.body)
				assert.Equal(t, tt.want, got, "decode(%s)", tt.body)
			}
			checkSameAsReference(t, []byte(tt.body))
		})
	}
}

// TestDecodeKeysAreCaseSensitive documents the one difference from
// encoding/json: "nexttoken" is not NextToken, as in the AWS SDK for Go.
func TestDecodeKeysAreCaseSensitive(t *testing.T) {
	body := []byte(`{"nexttoken":"t","projectDescriptions":[{"ProjectArn":"a"}],"ProjectDescriptions":[{"projectarn":"b","ProjectArn":"c"}]}`)
	got, err := decodeDescribeProjectsOutput(body)
	require.NoError(t, err)
	assert.Equal(t, &DescribeProjectsOutput{ProjectDescriptions: []ProjectDescription{{ProjectArn: "c"}}}, got)

	ref, err := referenceDecode(body)
	require.NoError(t, err)
	assert.Equal(t, "t", ref.NextToken, "encoding/json folds case")
	assert.True(t, foldsToMember(body))
	assert.False(t, foldsToMember([]byte(samplePage)))
}

// TestDecodeTruncated cuts a full page at every byte: each prefix fails
// with io.ErrUnexpectedEOF, which the client retries.
func TestDecodeTruncated(t *testing.T) {
	page := []byte(samplePage)
	for n := 1; n < len(page); n++ {
		prefix := page[:n]
		if len(bytes.TrimSpace(prefix)) == len(bytes.TrimSpace(page)) {
			continue // only white space was cut
		}
		out, err := decodeDescribeProjectsOutput(prefix)
		if !errors.Is(err, io.ErrUnexpectedEOF) || out != nil {
			t.Fatalf("decode(page[:%d] = %q) = %v, %v; want io.ErrUnexpectedEOF", n, prefix, out, err)
		}
	}
	_, err := decodeDescribeProjectsOutput([]byte("  "))
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	_, err = decodeDescribeProjectsOutput(nil)
	assert.ErrorIs(t, err, errEmptyBody)
}

// TestDecodeDepthBounded nests unknown arrays as deep as encoding/json
// allows, and one deeper.
func TestDecodeDepthBounded(t *testing.T) {
	nest := func(depth int) []byte {
		// The outer object is one level.
		return []byte(`{"x":` + strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`)
	}
	ok := nest(10000)
	_, err := decodeDescribeProjectsOutput(ok)
	require.NoError(t, err)
	checkSameAsReference(t, ok)

	deep := nest(10001)
	_, err = decodeDescribeProjectsOutput(deep)
	require.ErrorContains(t, err, "exceeded max depth")
	checkSameAsReference(t, deep)

	// Far deeper, and cut short: still an error, no panic, no recursion.
	_, err = decodeDescribeProjectsOutput([]byte(`{"x":` + strings.Repeat(`[{"a":`, 1<<20)))
	require.Error(t, err)
}

// TestDecodeBoundsElements checks the third difference: at most
// maxDecodedElements projects, and as many datasets, per response.
func TestDecodeBoundsElements(t *testing.T) {
	list := func(n int, elem string) string { return strings.TrimSuffix(strings.Repeat(elem+",", n), ",") }
	ok := []byte(`{"ProjectDescriptions":[` + list(maxDecodedElements, `{}`) + `]}`)
	out, err := decodeDescribeProjectsOutput(ok)
	require.NoError(t, err)
	assert.Len(t, out.ProjectDescriptions, maxDecodedElements)

	for name, body := range map[string]string{
		"projects": `{"ProjectDescriptions":[` + list(maxDecodedElements+1, `null`) + `]}`,
		"datasets": `{"ProjectDescriptions":[` + list(2, `{"Datasets":[`+list(maxDecodedElements/2+1, `{}`)+`]}`) + `]}`,
	} {
		out, err := decodeDescribeProjectsOutput([]byte(body))
		var tooMany *tooManyError
		assert.True(t, errors.As(err, &tooMany), "%s: decode = %v, want a tooManyError", name, err)
		assert.Nil(t, out)
		ref, err := referenceDecode([]byte(body))
		assert.NoError(t, err, "encoding/json has no such bound")
		assert.NotNil(t, ref)
	}
	// A syntax error still comes first, as everywhere else.
	_, err = decodeDescribeProjectsOutput([]byte(`{"ProjectDescriptions":[` + list(maxDecodedElements+1, `{}`) + `],x}`))
	assert.ErrorContains(t, err, "invalid character 'x'")
}

func TestDecodeDoesNotKeepInput(t *testing.T) {
	body := []byte(samplePage)
	out, err := decodeDescribeProjectsOutput(body)
	require.NoError(t, err)
	before := fmt.Sprintf("%+v", out)
	for i := range body {
		body[i] = 'X'
	}
	assert.Equal(t, before, fmt.Sprintf("%+v", out), "the output must not alias the response body")
}

// FuzzDecodeDescribeProjectsOutput holds the decoder to encoding/json: on
// any input both succeed with equal outputs or both fail, alike in whether
// the input was cut short, except where a key differs from a member name
// only in case (see TestDecodeKeysAreCaseSensitive).
func FuzzDecodeDescribeProjectsOutput(f *testing.F) {
	f.Add([]byte(samplePage))
	for _, s := range []string{
		``, ` `, `null`, `{}`, `[]`, `{"ProjectDescriptions":[null,{}]}`,
		`{"NextToken":"\ud83d\ude00\ud800\udc00\u00e9\\\/"}`,
		`{"ProjectDescriptions":[{"ProjectArn":"a","Status":"X"}],"ProjectDescriptions":[{"ProjectArn":"b"}]}`,
		`{"ProjectDescriptions":[{},{}],"ProjectDescriptions":[{}],"ProjectDescriptions":[{},{"Status":"S"}]}`,
		`{"ProjectDescriptions":[{"Datasets":[{"Status":"A"},{}]}],"ProjectDescriptions":[{"Datasets":[{}]}]}`,
		`{"ProjectDescriptions":[{"CreationTimestamp":-1.5e-3,"Datasets":[{"CreationTimestamp":0}]}]}`,
		`{"ProjectDescriptions":[{"CreationTimestamp":"1"}]}`,
		"{\"NextToken\":\"\xff\xc3\x28\"}",
		`{"x":[1,{"y":[true,false,null,"s\n"]}]}`,
		`{"nexttoken":"t"}`,
		`{"ProjectDescriptions":[{"Datasets":[1]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSameAsReference(t, data)
	})
}

// BenchmarkDecodeDescribeProjectsOutput compares the decoder with the
// encoding/json reference on a page of 100 projects.
func BenchmarkDecodeDescribeProjectsOutput(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"ProjectDescriptions":[`)
	for i := 0; i < DescribeProjectsMaxResults; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"ProjectArn":"arn:aws:rekognition:us-east-1:111122223333:project/project-%05d/1700000000123","CreationTimestamp":1.700000%03d123E9,"Status":"CREATED","Datasets":[`+
			`{"CreationTimestamp":1.700000100456E9,"DatasetType":"TRAIN","DatasetArn":"arn:aws:rekognition:us-east-1:111122223333:project/project-%05d/dataset/train/1700000100456","Status":"CREATE_COMPLETE","StatusMessage":"The dataset was successfully created.","StatusMessageCode":"SUCCESS"},`+
			`{"CreationTimestamp":1.700000100457E9,"DatasetType":"TEST","DatasetArn":"arn:aws:rekognition:us-east-1:111122223333:project/project-%05d/dataset/test/1700000100457","Status":"CREATE_COMPLETE","StatusMessage":"The dataset was successfully created.","StatusMessageCode":"SUCCESS"}],"Feature":"CUSTOM_LABELS"}`,
			i, i, i, i)
	}
	sb.WriteString(`],"NextToken":"` + strings.Repeat("AYADeHhY2lUNk5S", 12) + `"}`)
	body := []byte(sb.String())
	for _, bc := range []struct {
		name   string
		decode func([]byte) (*DescribeProjectsOutput, error)
	}{{"decoder=jsonread", decodeDescribeProjectsOutput}, {"decoder=encoding_json", referenceDecode}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for i := 0; i < b.N; i++ {
				out, err := bc.decode(body)
				if err != nil || len(out.ProjectDescriptions) != DescribeProjectsMaxResults {
					b.Fatalf("decode = %d projects, %v", len(out.ProjectDescriptions), err)
				}
			}
		})
	}
}
