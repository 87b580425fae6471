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

// jsonTime is a timestamp as the AWS CLI prints it: ISO 8601 in UTC with a
// "+00:00" offset, microseconds when the time has a fraction, and
// nanoseconds when it has digits below the microsecond (the CLI would
// drop them).
type jsonTime time.Time

func (t jsonTime) IsZero() bool { return time.Time(t).IsZero() }

func (t jsonTime) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%q", formatTimestamp(time.Time(t))), nil
}

// formatTimestamp formats t as the AWS CLI does, e.g.
// "2023-11-14T22:13:20.123000+00:00", keeping every digit of t.
func formatTimestamp(t time.Time) string {
	t = t.UTC()
	switch ns := t.Nanosecond(); {
	case ns == 0:
		return t.Format("2006-01-02T15:04:05+00:00")
	case ns%1000 == 0:
		return t.Format("2006-01-02T15:04:05.000000+00:00")
	default:
		return t.Format("2006-01-02T15:04:05.000000000+00:00")
	}
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
