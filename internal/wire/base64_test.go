package wire

import (
	"bytes"
	"encoding/base64"
	"math/rand/v2"
	"testing"
)

func TestEncodeBase64AgreesWithEncodingBase64(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 200; n++ {
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(r.Uint32())
		}
		want := base64.StdEncoding.EncodeToString(src)
		got := make([]byte, len(want))
		encodeBase64(got, src)
		if string(got) != want {
			t.Fatalf("encodeBase64 of %d bytes = %q, want %q", n, got, want)
		}
	}
	all := make([]byte, 3*4096) // every 12-bit value, twice over
	for i := range 4096 {
		all[3*i], all[3*i+1], all[3*i+2] = byte(i>>4), byte(i<<4|i>>8), byte(i)
	}
	got := make([]byte, base64.StdEncoding.EncodedLen(len(all)))
	encodeBase64(got, all)
	if want := base64.StdEncoding.EncodeToString(all); string(got) != want {
		t.Fatal("encodeBase64 differs from encoding/base64 on the 12-bit table")
	}
}

func FuzzEncodeBase64(f *testing.F) {
	f.Add([]byte("any carnal pleasure."))
	f.Add(bytes.Repeat([]byte{0xff}, 17))
	f.Fuzz(func(t *testing.T, src []byte) {
		want := base64.StdEncoding.EncodeToString(src)
		got := make([]byte, len(want))
		encodeBase64(got, src)
		if string(got) != want {
			t.Fatalf("encodeBase64(%x) = %q, want %q", src, got, want)
		}
	})
}

func BenchmarkEncodeBase64(b *testing.B) {
	src := make([]byte, 4<<20)
	for i := range src {
		src[i] = byte(i * 7)
	}
	dst := make([]byte, base64.StdEncoding.EncodedLen(len(src)))
	b.Run("impl=wire", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			encodeBase64(dst, src)
		}
	})
	b.Run("impl=stdlib", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			base64.StdEncoding.Encode(dst, src)
		}
	})
}
