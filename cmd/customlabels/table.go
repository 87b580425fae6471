package main

import (
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rekognition-go/customlabels"
)

// newTable returns a writer that aligns tab-separated columns with two
// spaces between them. Flush it at the end.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// cell makes a value safe for one table cell: "-" when empty, and no tab,
// newline or other control character that would break the alignment or
// the terminal.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}

// timeCell formats t for a table in UTC to the second, or "-".
func timeCell(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}

// projectName returns the project's name from a project or version ARN,
// or the whole ARN when it has another form.
func projectName(arn string) string {
	a, err := customlabels.ParseARN(arn)
	if err != nil {
		return arn
	}
	return a.ProjectName
}

// plural returns "1 page" or "n pages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// versionName returns the version's name from its ARN,
// arn:aws:rekognition:REGION:ACCOUNT:project/PROJECT/version/NAME/TIMESTAMP,
// or the whole ARN when it has another form.
func versionName(arn string) string {
	a, err := customlabels.ParseARN(arn)
	if err != nil || a.VersionName == "" {
		return arn
	}
	return a.VersionName
}
