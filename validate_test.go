package customlabels

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuoteShort(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"a\"b\n", `"a\"b\n"`},
		{strings.Repeat("x", 64), `"` + strings.Repeat("x", 64) + `"`},
		{strings.Repeat("x", 65), `"` + strings.Repeat("x", 64) + `"…`},
		// 63 bytes, then a two-byte character: cut before it, not inside.
		{strings.Repeat("x", 63) + "éé", `"` + strings.Repeat("x", 63) + `"…`},
		{"a" + strings.Repeat("é", 40), `"a` + strings.Repeat("é", 31) + `"…`},
		// Invalid UTF-8 is quoted as escapes, never dropped.
		{strings.Repeat("\xff", 70), `"` + strings.Repeat(`\xff`, 64) + `"…`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, quoteShort(tt.in), "quoteShort(%q)", tt.in)
	}
}
