package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// writeJSON writes v as every JSON output is written: the AWS CLI's
// layout (four-space indentation, one value per line, a final newline),
// with <, > and & left as they are.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeOutput writes res to w as --output (output) asks: as JSON
// (writeJSON), or as the table that table writes of it.
func writeOutput[T any](w io.Writer, output string, res T, table func(io.Writer, T) error) error {
	if output == "json" {
		return writeJSON(w, res)
	}
	return table(w, res)
}

// jsonTime is a timestamp as the AWS CLI prints it (see formatTimestamp).
type jsonTime time.Time

func (t jsonTime) IsZero() bool { return time.Time(t).IsZero() }

func (t jsonTime) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%q", formatTimestamp(time.Time(t))), nil
}

// UnmarshalJSON reads a timestamp as MarshalJSON writes it, so that a
// program in Go reads the outputs back into their types.
func (t *jsonTime) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return err
	}
	*t = jsonTime(v)
	return nil
}

// formatTimestamp formats t as the AWS CLI prints a timestamp the service
// sent as epoch seconds, e.g. "2023-11-14T22:13:20.123000+00:00": ISO 8601
// in UTC, with microseconds when they are not zero. The CLI (botocore)
// reads the number as a double and makes a Python datetime of it, which
// rounds the double's fraction to the microsecond, half to even: so does
// this. The service sends milliseconds, printed as they are; the fake's
// finer times are rounded as the CLI rounds them (…20.1234567 is
// …20.123457, …26.9999996 is …27). The CLI prints them in the local time
// zone; this is what it prints where that is UTC.
func formatTimestamp(t time.Time) string {
	t = cliTime(t)
	if t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04:05+00:00")
	}
	return t.Format("2006-01-02T15:04:05.000000+00:00")
}

// cliTime returns t as botocore reads it from the wire: the decimal epoch
// seconds the service wrote, parsed as a double, then split as CPython's
// datetime.fromtimestamp splits it (modf; the fraction times 1e6, rounded
// half to even; carried into the seconds when it reaches 1e6).
func cliTime(t time.Time) time.Time {
	sec, ns := t.Unix(), int64(t.Nanosecond())
	text := fmt.Sprintf("%d.%09d", sec, ns)
	if sec < 0 && ns > 0 { // -1.25 s is sec -2, ns 750000000
		text = fmt.Sprintf("-%d.%09d", -(sec + 1), 1e9-ns)
	}
	d, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return t.UTC() // cannot happen: text is a decimal number
	}
	whole, frac := math.Modf(d)
	us := math.RoundToEven(frac * 1e6)
	switch {
	case us >= 1e6:
		us -= 1e6
		whole++
	case us < 0:
		us += 1e6
		whole--
	}
	return time.Unix(int64(whole), int64(us)*1000).UTC()
}

// money is an amount of US dollars. It is written in JSON as a number
// rounded to a hundredth of a cent, so that 3 × 1.1 is 3.3 and not
// 3.3000000000000003.
type money float64

func (m money) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, m.rounded(), 'f', -1, 64), nil
}

func (m money) rounded() float64 { return math.Round(float64(m)*1e4) / 1e4 }

// String formats m for a table: "$12.00", or more digits when the amount
// has them ("$0.125").
func (m money) String() string {
	r := m.rounded()
	if c := r * 100; math.Abs(c-math.Round(c)) < 1e-6 {
		return "$" + strconv.FormatFloat(r, 'f', 2, 64)
	}
	return "$" + strconv.FormatFloat(r, 'f', -1, 64)
}
