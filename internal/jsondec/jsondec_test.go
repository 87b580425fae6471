package jsondec

import (
	"errors"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type point struct{ X, Y float32 }

type shape struct {
	Name   string
	Kind   kind
	Count  int32
	Big    int64
	Ratio  float64
	On     bool
	When   time.Time
	Points []point
	Inner  struct{ Msg string }
	Msgs   []struct{ Msg string }
}

type kind string

var kinds = []kind{"A", "B"}

func decodePoint(d *Decoder, p *point) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "X":
			d.Float32(&p.X)
		case "Y":
			d.Float32(&p.Y)
		}
	}
}

func decodeShape(d *Decoder, s *shape) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Name":
			d.String(&s.Name)
		case "Kind":
			Enum(d, &s.Kind, kinds)
		case "Count":
			d.Int32(&s.Count)
		case "Big":
			d.Int64(&s.Big)
		case "Ratio":
			d.Float64(&s.Ratio)
		case "On":
			d.Bool(&s.On)
		case "When":
			d.Time(&s.When)
		case "Points":
			List(d, &s.Points, &pointScratch, decodePoint)
		case "Inner":
			for d.Object(); d.More(); {
				if string(d.Key()) == "Msg" {
					d.SharedString(&s.Inner.Msg)
				}
			}
		case "Msgs":
			List(d, &s.Msgs, nil, func(d *Decoder, m *struct{ Msg string }) {
				for d.Object(); d.More(); {
					if string(d.Key()) == "Msg" {
						d.SharedString(&m.Msg)
					}
				}
			})
		}
	}
}

var pointScratch Scratch[point]

func decode(t *testing.T, body string, budget int) (shape, error) {
	t.Helper()
	var s shape
	d := New([]byte(body), "test response", budget)
	decodeShape(d, &s)
	return s, d.Finish()
}

func TestReadersAndSkipping(t *testing.T) {
	s, err := decode(t, `{"Name":"a\u00e9","Kind":"B","Count":-7,"Big":9007199254740993,"Ratio":1.5e3,
		"On":true,"When":1.6000000001234E9,"Unknown":{"deep":[1,{"x":[null]}]},
		"Points":[{"X":0.5,"Y":1,"Z":"skipped"},null,{}],"Inner":{"Msg":"m","Other":3},
		"Msgs":[{"Msg":"same"},{"Msg":"same"}]}`, 100)
	require.NoError(t, err)
	assert.Equal(t, "aé", s.Name)
	assert.Equal(t, kind("B"), s.Kind)
	assert.Equal(t, int32(-7), s.Count)
	assert.Equal(t, int64(9007199254740993), s.Big, "int64 exact beyond float64")
	assert.Equal(t, 1500.0, s.Ratio)
	assert.True(t, s.On)
	assert.Equal(t, time.Date(2020, 9, 13, 12, 26, 40, 123400000, time.UTC), s.When)
	assert.Equal(t, []point{{0.5, 1}, {}, {}}, s.Points, "null element is a zero element")
	assert.Equal(t, "m", s.Inner.Msg)
	require.Len(t, s.Msgs, 2)
	assert.Equal(t, "same", s.Msgs[1].Msg)
}

func TestNullAndUnknownEnum(t *testing.T) {
	s, err := decode(t, `{"Name":null,"Kind":"NEW_VALUE","Points":[{"X":1}],"Points":null,"Inner":null,"On":null}`, 10)
	require.NoError(t, err)
	assert.Equal(t, kind("NEW_VALUE"), s.Kind, "unknown enum values are kept")
	assert.Nil(t, s.Points, "null sets a list to nil, as encoding/json does")

	s, err = decode(t, `{"Points":[]}`, 10)
	require.NoError(t, err)
	assert.NotNil(t, s.Points)
	assert.Empty(t, s.Points)

	s, err = decode(t, `null`, 10)
	require.NoError(t, err)
	assert.Equal(t, shape{}, s)
}

func TestRepeatedListDecodedInPlace(t *testing.T) {
	s, err := decode(t, `{"Points":[{"X":1,"Y":2},{"X":3}],"Points":[{"Y":5}]}`, 10)
	require.NoError(t, err)
	assert.Equal(t, []point{{1, 5}}, s.Points, "like encoding/json: the first element is decoded over")
}

func TestErrorsNameThePath(t *testing.T) {
	for _, tt := range []struct {
		name, body, want string
	}{
		{"top-level type", `[1]`, "json: cannot unmarshal array into test response of type object"},
		{"member type", `{"Name":5}`, "json: cannot unmarshal number into Name of type string"},
		{"list element type", `{"Points":[{},"x"]}`, "json: cannot unmarshal string into Points[1] of type object"},
		{"nested member", `{"Points":[{},{"Y":true}]}`, "json: cannot unmarshal bool into Points[1].Y of type float32"},
		{"nested object", `{"Inner":{"Msg":[]}}`, "json: cannot unmarshal array into Inner.Msg of type string"},
		{"fraction into int32", `{"Count":1.5}`, "json: cannot unmarshal number 1.5 into Count of type int32"},
		{"int32 overflow", `{"Count":2147483648}`, "json: cannot unmarshal number 2147483648 into Count of type int32"},
		{"float32 overflow", `{"Points":[{"X":1e39}]}`, "json: cannot unmarshal number 1e39 into Points[0].X of type float32"},
		{"timestamp string", `{"When":"2020-01-01"}`, "When: timestamp must be a JSON number of epoch seconds, got a string"},
		{"bool type", `{"On":"yes"}`, "json: cannot unmarshal string into On of type bool"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(t, tt.body, 10)
			require.Error(t, err)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestSyntaxErrorsComeFirst(t *testing.T) {
	_, err := decode(t, `{"Name":5,"x":tru}`, 10)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "invalid character", "a syntax error later in the input wins over a type error")

	for _, body := range []string{`{"Name":"a`, `{"Points":[{"X":1`, `{"Count":1`, `{"On":tr`, `{"Inner":{`} {
		_, err := decode(t, body, 10)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "decode(%s)", body)
	}
	_, err = decode(t, `{} {}`, 10)
	assert.ErrorContains(t, err, "after top-level value")
}

func TestBudgetCountsEveryList(t *testing.T) {
	_, err := decode(t, `{"Points":[{},{}],"Msgs":[{},{}]}`, 4)
	require.NoError(t, err)
	_, err = decode(t, `{"Points":[{},{}],"Msgs":[{},{},{}]}`, 4)
	var tooMany *TooManyError
	require.True(t, errors.As(err, &tooMany), "err = %v", err)
	assert.Equal(t, 4, tooMany.Limit)
	assert.EqualError(t, err, "response has more than 4 list elements")
}

func TestFailNamesThePath(t *testing.T) {
	var s shape
	d := New([]byte(`{"Points":[{"X":1}]}`), "test response", 10)
	for d.Object(); d.More(); {
		if string(d.Key()) == "Points" {
			List(d, &s.Points, nil, func(d *Decoder, p *point) {
				decodePoint(d, p)
				d.Fail(errors.New("a rule of the shape"))
			})
		}
	}
	assert.EqualError(t, d.Finish(), "Points[0]: a rule of the shape")
}

// A pooled Decoder keeps nothing of a finished input: neither its error
// nor its path.
func TestDecoderReuse(t *testing.T) {
	for i := 0; i < 3; i++ {
		_, err := decode(t, `{"Points":[{"X":"bad"}]}`, 10)
		require.Error(t, err)
		s, err := decode(t, `{"Name":"ok"}`, 10)
		require.NoError(t, err)
		assert.Equal(t, "ok", s.Name)
	}
}

func BenchmarkDecode(b *testing.B) {
	body := []byte(`{"Name":"a","Kind":"A","Count":3,"Points":[{"X":1,"Y":2},{"X":3,"Y":4},{"X":5,"Y":6}],"Inner":{"Msg":"m"}}`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var s shape
		d := New(body, "bench", 100)
		decodeShape(d, &s)
		if err := d.Finish(); err != nil {
			b.Fatal(err)
		}
	}
}
