package customlabels

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDateCache(t *testing.T) {
	var c dateCache
	t1 := time.Date(2026, 12, 1, 22, 0, 0, 0, time.UTC)
	t2 := t1.Add(time.Second)
	for _, tc := range []struct {
		text   string
		want   time.Time
		wantOK bool
	}{
		{t1.Format(http.TimeFormat), t1, true},
		{t1.Format(http.TimeFormat), t1, true}, // from the cache
		{t2.Format(http.TimeFormat), t2, true},
		{"Tuesday, 01-Dec-26 22:00:00 GMT", t1, true}, // RFC 850, as http.ParseTime
		{"not a date", time.Time{}, false},
		{t2.Format(http.TimeFormat), t2, true},
	} {
		got, ok := c.parse(tc.text)
		assert.Equal(t, tc.wantOK, ok, "parse(%q)", tc.text)
		assert.True(t, tc.want.Equal(got), "parse(%q) = %v, want %v", tc.text, got, tc.want)
	}
}
