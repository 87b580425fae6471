package wire

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", `q"b\`, "\n\r\t\x00\x1f", "é漢字", "\xff\xfe", "\u2028\u2029", "<&>"} {
		got := AppendString(nil, s)
		var back string
		if assert.NoError(t, json.Unmarshal(got, &back), "AppendString(%q) = %s", s, got) {
			want, _ := json.Marshal(s)
			var wantBack string
			_ = json.Unmarshal(want, &wantBack)
			assert.Equal(t, wantBack, back, "AppendString(%q) round trip", s)
		}
	}
}

func TestAppendStrings(t *testing.T) {
	assert.Equal(t, `["a","b\"c"]`, string(AppendStrings(nil, []string{"a", `b"c`})))
	assert.Equal(t, `[]`, string(AppendStrings[string](nil, nil)))
}

func FuzzAppendString(f *testing.F) {
	f.Add("a\"\\\x00\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		got := AppendString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("AppendString(%q) = %s: %v", s, got, err)
		}
		var want string
		enc, _ := json.Marshal(s)
		_ = json.Unmarshal(enc, &want)
		if back != want {
			t.Fatalf("AppendString(%q) decodes to %q, want %q", s, back, want)
		}
	})
}
