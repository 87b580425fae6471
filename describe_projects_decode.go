package customlabels

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsonread"
	"github.com/rekognition-go/customlabels/internal/timestamp"
)

// errEmptyBody reports a 2xx response without a body; the service always
// sends a JSON object, so an empty body means the response was lost.
var errEmptyBody = errors.New("empty response body")

// decodeDescribeProjectsOutput decodes a DescribeProjects response body. It
// returns a complete output or an error, never a partial output. It keeps
// no reference to data.
//
// It walks the one shape it expects with internal/jsonread instead of
// encoding/json's reflection, and gives the same result as encoding/json
// would decode into the wire structs (describe_projects_decode_test.go
// keeps that decoder as the reference and fuzzes the two against each
// other), with one deliberate difference: member names match exactly, as
// the AWS SDK for Go matches them, where encoding/json would also accept
// "projectarn" or "PROJECTARN" for ProjectArn. Otherwise:
//   - null leaves a member unset; unknown members are skipped, whatever
//     they hold; a repeated member is decoded again over the first, as
//     encoding/json does (the last one wins);
//   - enum values the package does not know are kept as sent;
//   - timestamps are JSON numbers parsed exactly from their text, and a
//     string there is an error;
//   - strings are fully unescaped, invalid UTF-8 becoming U+FFFD;
//   - at most maxDecodedElements projects and as many datasets are
//     decoded (a page has at most 100 projects of 2 datasets), so that a
//     broken or hostile response cannot make the client allocate
//     without bound; more is an error, the third difference;
//   - a syntax error, a member of the wrong type, or anything after the
//     object is an error; input that ends early gives an error wrapping
//     io.ErrUnexpectedEOF, which the client retries. That includes input
//     cut inside a number or literal ("1.", "tr"), which encoding/json
//     reports as an invalid character: the second difference.
func decodeDescribeProjectsOutput(data []byte) (*DescribeProjectsOutput, error) {
	if len(data) == 0 {
		return nil, errEmptyBody
	}
	st := decoderPool.Get().(*outputDecoder)
	defer st.release()
	out := new(DescribeProjectsOutput)
	if err := st.decode(data, out); err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(out.NextToken); n > MaxNextTokenLength {
		return nil, fmt.Errorf("response NextToken has %d characters, over the limit of %d", n, MaxNextTokenLength)
	}
	return out, nil
}

// maxDecodedElements bounds the projects, and separately the datasets,
// decoded from one response: 100 times a full page.
const maxDecodedElements = 100 * MaxPageSize

// tooManyError is a response with more than maxDecodedElements projects
// or datasets.
type tooManyError struct{ member string }

func (e *tooManyError) Error() string {
	return "response has more than " + strconv.Itoa(maxDecodedElements) + " " + e.member
}

// outputDecoder is the reusable state of one decoding.
type outputDecoder struct {
	d jsonread.Decoder
	// Scratch slices that a fresh array is decoded into, before it is
	// copied to a slice of exactly its length.
	projects []ProjectDescription
	datasets []DatasetMetadata
	// lastMessage is the last StatusMessage decoded: datasets mostly share
	// their message, which then shares one string, within a page and,
	// while this state is reused, across pages.
	lastMessage string
	// Where the decoder is, for error messages.
	project, dataset int
	level            int // 0 output, 1 project, 2 dataset
	// Elements decoded so far, for maxDecodedElements.
	projectCount, datasetCount int
}

var decoderPool = sync.Pool{New: func() any { return new(outputDecoder) }}

// maxPooledScratch bounds the scratch kept for the next decoding.
const maxPooledScratch = 4 * MaxPageSize

// maxKeptMessage bounds the StatusMessage kept between decodings.
const maxKeptMessage = 256

func (st *outputDecoder) release() {
	if len(st.lastMessage) > maxKeptMessage {
		st.lastMessage = ""
	}
	if cap(st.projects) > maxPooledScratch || cap(st.datasets) > maxPooledScratch {
		return // let an unusually large response's scratch go
	}
	st.d.Reset(nil)
	decoderPool.Put(st)
}

func (st *outputDecoder) decode(data []byte, out *DescribeProjectsOutput) error {
	st.d.Reset(data)
	st.level = 0
	st.projectCount, st.datasetCount = 0, 0
	err := st.output(out)
	if err == nil {
		err = st.d.End()
	}
	var se *jsonread.SyntaxError
	if err != nil && !errors.As(err, &se) {
		// As encoding/json does, report a syntax error anywhere in the
		// input, or its early end, before a type error.
		if verr := st.d.Valid(data); verr != nil {
			return verr
		}
	}
	return err
}

// typeError is a member of the wrong JSON type; its text follows
// encoding/json's.
type typeError struct {
	kind  jsonread.Kind
	field string
	want  string
}

func (e *typeError) Error() string {
	return "json: cannot unmarshal " + e.kind.String() + " into " + e.field + " of type " + e.want
}

// path names a member for an error message.
func (st *outputDecoder) path(member string) string {
	switch st.level {
	case 1:
		return "ProjectDescriptions[" + strconv.Itoa(st.project) + "]." + member
	case 2:
		return "ProjectDescriptions[" + strconv.Itoa(st.project) + "].Datasets[" + strconv.Itoa(st.dataset) + "]." + member
	}
	return member
}

// mismatch reports a value of kind k where want was expected: a syntax
// error when k starts no value, a type error otherwise.
func (st *outputDecoder) mismatch(k jsonread.Kind, member, want string) error {
	if k == jsonread.None {
		return st.d.Skip() // the syntax error at this point
	}
	return &typeError{kind: k, field: st.path(member), want: want}
}

func (st *outputDecoder) output(out *DescribeProjectsOutput) error {
	d := &st.d
	switch k := d.Peek(); k {
	case jsonread.Object:
	case jsonread.Null:
		return d.Skip()
	default:
		if k == jsonread.None {
			return d.Skip()
		}
		return &typeError{kind: k, field: "DescribeProjects response", want: "object"}
	}
	if err := d.BeginObject(); err != nil {
		return err
	}
	for {
		key, ok, err := d.NextKey()
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "ProjectDescriptions":
			switch k := d.Peek(); k {
			case jsonread.Array:
				out.ProjectDescriptions, err = st.projectList(out.ProjectDescriptions)
			case jsonread.Null:
				out.ProjectDescriptions = nil
				err = d.Skip()
			default:
				err = st.mismatch(k, "ProjectDescriptions", "array")
			}
		case "NextToken":
			err = st.str(&out.NextToken, "NextToken")
		default:
			err = d.Skip()
		}
		if err != nil {
			return err
		}
	}
}

// projectList decodes an array of projects.
func (st *outputDecoder) projectList(s []ProjectDescription) ([]ProjectDescription, error) {
	return decodeList(st, s, &st.projects, &st.projectCount, &st.project, 1, "ProjectDescriptions", st.projectDescription)
}

// datasetList decodes an array of datasets.
func (st *outputDecoder) datasetList(s []DatasetMetadata) ([]DatasetMetadata, error) {
	return decodeList(st, s, &st.datasets, &st.datasetCount, &st.dataset, 2, "Datasets", st.datasetMetadata)
}

// decodeList decodes an array of objects, each with elem at the given
// nesting level. A nil s is decoded into *scratch and copied to a slice of
// the right size; a slice from a repeated member is decoded over in place,
// as encoding/json does. count bounds the elements of one response and
// index tells error messages which element failed.
func decodeList[T any](st *outputDecoder, s []T, scratch *[]T, count, index *int, level int, name string, elem func(*T) error) ([]T, error) {
	d := &st.d
	if err := d.BeginArray(); err != nil {
		return nil, err
	}
	fresh := s == nil
	if fresh {
		s = (*scratch)[:0]
	}
	i := 0
	for ; ; i++ {
		ok, err := d.NextElem()
		if err != nil {
			keepScratch(scratch, s, fresh, i+1)
			return nil, err
		}
		if !ok {
			break
		}
		if *count++; *count > maxDecodedElements {
			keepScratch(scratch, s, fresh, i)
			return nil, &tooManyError{name}
		}
		switch {
		case fresh || i >= cap(s):
			var zero T
			s = append(s[:i], zero)
		case i >= len(s):
			s = s[:i+1]
		}
		*index = i
		switch k := d.Peek(); k {
		case jsonread.Object:
			st.level = level
			err = elem(&s[i])
			st.level = level - 1
		case jsonread.Null:
			err = d.Skip()
		default:
			err = st.mismatch(k, name+"["+strconv.Itoa(i)+"]", "object")
		}
		if err != nil {
			keepScratch(scratch, s, fresh, i+1)
			return nil, err
		}
	}
	switch {
	case i == 0:
		s = []T{}
	case fresh:
		out := make([]T, i)
		copy(out, s[:i])
		keepScratch(scratch, s, fresh, i)
		s = out
	default:
		s = s[:i]
	}
	return s, nil
}

// keepScratch keeps s as scratch for the next decoding when it was
// scratch, its first n elements cleared so that it holds no strings of
// this one.
func keepScratch[T any](scratch *[]T, s []T, fresh bool, n int) {
	if fresh {
		clear(s[:min(n, len(s))])
		*scratch = s[:0]
	}
}

func (st *outputDecoder) projectDescription(p *ProjectDescription) error {
	d := &st.d
	if err := d.BeginObject(); err != nil {
		return err
	}
	for {
		key, ok, err := d.NextKey()
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "ProjectArn":
			err = st.str(&p.ProjectArn, "ProjectArn")
		case "CreationTimestamp":
			err = st.timestamp(&p.CreationTimestamp, "CreationTimestamp")
		case "Status":
			err = enum(st, &p.Status, projectStatusValues, "Status")
		case "Datasets":
			switch k := d.Peek(); k {
			case jsonread.Array:
				p.Datasets, err = st.datasetList(p.Datasets)
			case jsonread.Null:
				p.Datasets = nil
				err = d.Skip()
			default:
				err = st.mismatch(k, "Datasets", "array")
			}
		case "Feature":
			err = enum(st, &p.Feature, customizationFeatureValues, "Feature")
		case "AutoUpdate":
			err = enum(st, &p.AutoUpdate, projectAutoUpdateValues, "AutoUpdate")
		default:
			err = d.Skip()
		}
		if err != nil {
			return err
		}
	}
}

func (st *outputDecoder) datasetMetadata(m *DatasetMetadata) error {
	d := &st.d
	if err := d.BeginObject(); err != nil {
		return err
	}
	for {
		key, ok, err := d.NextKey()
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "CreationTimestamp":
			err = st.timestamp(&m.CreationTimestamp, "CreationTimestamp")
		case "DatasetType":
			err = enum(st, &m.DatasetType, datasetTypeValues, "DatasetType")
		case "DatasetArn":
			err = st.str(&m.DatasetArn, "DatasetArn")
		case "Status":
			err = enum(st, &m.Status, datasetStatusValues, "Status")
		case "StatusMessage":
			err = st.statusMessage(&m.StatusMessage)
		case "StatusMessageCode":
			err = enum(st, &m.StatusMessageCode, datasetStatusMessageCodeValues, "StatusMessageCode")
		default:
			err = d.Skip()
		}
		if err != nil {
			return err
		}
	}
}

// str decodes a string member; null leaves it unchanged.
func (st *outputDecoder) str(dst *string, member string) error {
	switch k := st.d.Peek(); k {
	case jsonread.String:
		b, err := st.d.ReadString()
		if err != nil {
			return err
		}
		*dst = string(b)
		return nil
	case jsonread.Null:
		return st.d.Skip()
	default:
		return st.mismatch(k, member, "string")
	}
}

// statusMessage decodes StatusMessage, sharing the string of the last
// one when they are equal.
func (st *outputDecoder) statusMessage(dst *string) error {
	switch k := st.d.Peek(); k {
	case jsonread.String:
		b, err := st.d.ReadString()
		if err != nil {
			return err
		}
		if string(b) != st.lastMessage {
			st.lastMessage = string(b)
		}
		*dst = st.lastMessage
		return nil
	case jsonread.Null:
		return st.d.Skip()
	default:
		return st.mismatch(k, "StatusMessage", "string")
	}
}

// enum decodes an enum member; a known value takes no allocation.
func enum[T ~string](st *outputDecoder, dst *T, known []T, member string) error {
	switch k := st.d.Peek(); k {
	case jsonread.String:
		b, err := st.d.ReadString()
		if err != nil {
			return err
		}
		for _, v := range known {
			if string(v) == string(b) {
				*dst = v
				return nil
			}
		}
		*dst = T(b)
		return nil
	case jsonread.Null:
		return st.d.Skip()
	default:
		return st.mismatch(k, member, "string")
	}
}

// Known enum values, computed once.
var (
	projectStatusValues            = ProjectStatus("").Values()
	datasetTypeValues              = DatasetType("").Values()
	datasetStatusValues            = DatasetStatus("").Values()
	datasetStatusMessageCodeValues = DatasetStatusMessageCode("").Values()
	customizationFeatureValues     = CustomizationFeature("").Values()
	projectAutoUpdateValues        = ProjectAutoUpdate("").Values()
)

// timestamp decodes an epoch-seconds number exactly; null leaves it
// unchanged and any other type is an error.
func (st *outputDecoder) timestamp(dst *time.Time, member string) error {
	switch k := st.d.Peek(); k {
	case jsonread.Number:
		b, err := st.d.ReadNumber()
		if err != nil {
			return err
		}
		t, err := timestamp.Parse(b)
		if err != nil {
			return fmt.Errorf("%s: timestamp %s: %w", st.path(member), quoteShort(string(b)), err)
		}
		*dst = t
		return nil
	case jsonread.Null:
		return st.d.Skip()
	case jsonread.None:
		return st.d.Skip()
	default:
		return fmt.Errorf("%s: timestamp must be a JSON number of epoch seconds, got a %s", st.path(member), k)
	}
}
