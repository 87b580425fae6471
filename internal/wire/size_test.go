package wire

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var stringLenCases = []string{"", "plain", `q"b\`, "\n\r\t\x00\x1f\x7f", "é漢字🙂", "\xff\xfe", "a\xe2\x82", "\u2028\u2029", "<&>"}

func TestStringLen(t *testing.T) {
	for _, s := range stringLenCases {
		assert.Equal(t, len(AppendString(nil, s)), StringLen(s), "StringLen(%q)", s)
	}
}

func FuzzStringLen(f *testing.F) {
	for _, s := range stringLenCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := StringLen(s), len(AppendString(nil, s)); got != want {
			t.Fatalf("StringLen(%q) = %d, want %d", s, got, want)
		}
	})
}

func TestAppendBase64(t *testing.T) {
	for _, src := range [][]byte{{}, {0}, {1, 2}, {1, 2, 3}, []byte("any carnal pleasure."), make([]byte, 1000)} {
		want, _ := json.Marshal(src) // encoding/json writes []byte as padded standard base64
		got := AppendBase64([]byte("x"), src)
		assert.Equal(t, "x"+string(want), string(got), "AppendBase64(%v)", src)
		assert.Equal(t, len(want), Base64Len(len(src)), "Base64Len(%d)", len(src))

		// With room reserved, the encoding is written in place.
		buf := make([]byte, 0, Base64Len(len(src)))
		out := AppendBase64(buf, src)
		assert.Equal(t, string(want), string(out))
		assert.Same(t, &buf[:1][0], &out[0], "AppendBase64 into a buffer with room reallocated")
	}
}

func TestAppendFloat32(t *testing.T) {
	for _, f := range []float32{0, 1, 50, 99.5, 100, 0.1, 1e-7, 3.5e-9, 12.345678, float32(math.SmallestNonzeroFloat32), 1e21, 1e-6, float32(math.Copysign(0, -1))} {
		want, err := json.Marshal(f)
		assert.NoError(t, err)
		assert.Equal(t, string(want), string(AppendFloat32(nil, f)), "AppendFloat32(%v)", f)
		assert.Equal(t, len(want), Float32Len(f), "Float32Len(%v)", f)
	}
}

func TestAppendBase64Stream(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 7, 100, 1000} {
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(i*31 + 7)
		}
		want := string(AppendBase64([]byte("x"), src))
		for _, stretch := range []int{0, 1, 3, 4, 7, 9, 96, 2000} {
			var flushed []int
			got := AppendBase64Stream([]byte("x"), src, stretch, func(b []byte) { flushed = append(flushed, len(b)) })
			assert.Equal(t, want, string(got), "AppendBase64Stream(%d bytes, stretch %d)", n, stretch)
			for i, f := range flushed {
				assert.True(t, strings.HasPrefix(want, string(got[:f])), "flush %d", i)
				if i > 0 {
					assert.Greater(t, f, flushed[i-1], "flushes grow")
				}
			}
			if n > 0 {
				assert.Equal(t, len(want)-1, flushed[len(flushed)-1], "the last flush ends the encoding")
			}
		}
	}
	assert.Equal(t, `"AQI="`, string(AppendBase64Stream(nil, []byte{1, 2}, 3, nil)))
}
