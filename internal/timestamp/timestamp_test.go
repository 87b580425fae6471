package timestamp

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 with nanoseconds, UTC
	}{
		{"1.700000000123E9", "2023-11-14T22:13:20.123Z"},
		{"1600000000.1239", "2020-09-13T12:26:40.1239Z"},
		{"1.6000000001235E9", "2020-09-13T12:26:40.1235Z"},
		{"1600000000", "2020-09-13T12:26:40Z"},
		{"1.6e9", "2020-09-13T12:26:40Z"},
		{"1.6E+9", "2020-09-13T12:26:40Z"},
		{"16000000000e-1", "2020-09-13T12:26:40Z"},
		{"1.609726664663E9", "2021-01-04T02:17:44.663Z"},
		{"0", "1970-01-01T00:00:00Z"},
		{"0.0", "1970-01-01T00:00:00Z"},
		{"-0", "1970-01-01T00:00:00Z"},
		{"-1.5", "1969-12-31T23:59:58.5Z"},
		{"0.000000001", "1970-01-01T00:00:00.000000001Z"},
		{"0.0000000019", "1970-01-01T00:00:00.000000001Z"}, // truncated, not rounded
		{"1.2345678901234E0", "1970-01-01T00:00:01.234567890Z"},
		{"1e-999999999999", "1970-01-01T00:00:00Z"},
		{"0e999999999999", "1970-01-01T00:00:00Z"},
		{"253402300799.999999999", "9999-12-31T23:59:59.999999999Z"},
		{"1700000000123e-3", "2023-11-14T22:13:20.123Z"},
		{"0.1700000000123e10", "2023-11-14T22:13:20.123Z"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			want, err := time.Parse(time.RFC3339Nano, tt.want)
			require.NoError(t, err)
			assert.True(t, got.Equal(want), "Parse(%q) = %s, want %s", tt.in, got.Format(time.RFC3339Nano), tt.want)
			assert.Equal(t, time.UTC, got.Location(), "Parse(%q) location", tt.in)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"", ErrSyntax},
		{"-", ErrSyntax},
		{"\"1600000000\"", ErrSyntax},
		{"01", ErrSyntax},
		{"1.", ErrSyntax},
		{".5", ErrSyntax},
		{"1e", ErrSyntax},
		{"1e+", ErrSyntax},
		{"1x", ErrSyntax},
		{"+1", ErrSyntax},
		{"NaN", ErrSyntax},
		{"Infinity", ErrSyntax},
		{"1 ", ErrSyntax},
		{"1e19", ErrRange},
		{"1234567890123456789", ErrRange},
		{"1e999999999999", ErrRange},
		{"-1e300", ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			assert.ErrorIs(t, err, tt.want, "Parse(%q)", tt.in)
		})
	}
}

func TestAppend(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.UnixMilli(1700000000123), "1.700000000123E9"},
		{time.UnixMilli(1609726664663), "1.609726664663E9"},
		{time.Unix(1600000000, 0), "1.6E9"},
		{time.Unix(1600000000, 123900000), "1.6000000001239E9"},
		{time.Unix(1234, 500000000), "1234.5"},
		{time.Unix(5, 0), "5.0"},
		{time.Unix(0, 0), "0.0"},
		{time.Unix(0, 1000000), "0.001"},
		{time.Unix(0, 100000), "1.0E-4"},
		{time.Unix(0, 1), "1.0E-9"},
		{time.Unix(-2, 500000000), "-1.5"},
		{time.Unix(-1600000000, 0), "-1.6E9"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := string(Append(nil, tt.in))
			assert.Equal(t, tt.want, got, "Append(%s)", tt.in.Format(time.RFC3339Nano))
			back, err := Parse([]byte(got))
			require.NoError(t, err)
			assert.True(t, back.Equal(tt.in), "Parse(Append(x)) = %s, want %s", back, tt.in)
		})
	}
}

// FuzzRoundTrip checks that every instant with a representable second count
// survives Append then Parse exactly, and that Parse never panics.
func FuzzRoundTrip(f *testing.F) {
	f.Add(int64(1700000000), int64(123000000), []byte("1.700000000123E9"))
	f.Add(int64(-2), int64(500000000), []byte("-1.5"))
	f.Add(int64(0), int64(1), []byte("1e-999999999"))
	f.Add(int64(1<<40), int64(999999999), []byte("0.000"))
	f.Fuzz(func(t *testing.T, sec, nsec int64, raw []byte) {
		if _, err := Parse(raw); err == nil {
			// A number Parse accepts must also be a float Go accepts.
			if _, perr := strconv.ParseFloat(string(raw), 64); perr != nil {
				if ne, ok := perr.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
					t.Fatalf("Parse(%q) accepted what strconv rejects: %v", raw, perr)
				}
			}
		}
		const limit = 999999999999999999
		if sec > limit || sec < -limit {
			return
		}
		nsec %= 1e9
		if nsec < 0 {
			nsec = -nsec
		}
		in := time.Unix(sec, nsec)
		if in.Unix() > limit || in.Unix() < -limit {
			return
		}
		text := Append(nil, in)
		got, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(Append(%v)) = %q: %v", in, text, err)
		}
		if !got.Equal(in) {
			t.Fatalf("Parse(%q) = %v, want %v", text, got, in)
		}
	})
}
