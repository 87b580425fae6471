package benchmarks

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// MaxImageBuffer holds the largest image the service model allows.
const MaxImageBuffer = 5 << 20

// readImage reads the file at path into buf, which it reuses: what a
// caller does instead of os.ReadFile to pay no allocation per image.
func readImage(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// BenchmarkDetectImageFromFile measures what an Image.Reader (or
// ImageFromFile) option could save a caller whose image is a file: with
// today's API the caller reads the file into memory (os.ReadFile) and
// passes the bytes; a reader option would stream the file into the
// request body instead, saving at most the difference between
// case=ReadFile and case=Stream (reading the same file through a 32 KiB
// buffer, as the client would). case=ReadIntoReusedBuffer is what a caller
// can do today without a reader option: read each file into one buffer it
// keeps. case=ReadFileAndDetect is the whole call
// as a caller makes it today, for scale.
func BenchmarkDetectImageFromFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "image.jpg")
	if err := os.WriteFile(path, benchImage(4<<20), 0o600); err != nil {
		b.Fatal(err)
	}
	b.Run("case=ReadFile", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(4 << 20)
		for i := 0; i < b.N; i++ {
			img, err := os.ReadFile(path)
			if err != nil || len(img) != 4<<20 {
				b.Fatal(err, len(img))
			}
		}
	})
	b.Run("case=Stream", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(4 << 20)
		buf := make([]byte, 32<<10)
		for i := 0; i < b.N; i++ {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			n, err := io.CopyBuffer(io.Discard, struct{ io.Reader }{f}, buf)
			f.Close()
			if err != nil || n != 4<<20 {
				b.Fatal(err, n)
			}
		}
	})
	b.Run("case=ReadIntoReusedBuffer", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(4 << 20)
		buf := make([]byte, MaxImageBuffer)
		for i := 0; i < b.N; i++ {
			img, err := readImage(path, buf)
			if err != nil || len(img) != 4<<20 {
				b.Fatal(err, len(img))
			}
		}
	})
	srv := newDetectServer(b)
	c := newDetectClients(srv.URL)
	b.Run("case=ReusedBufferAndDetect", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(4 << 20)
		buf := make([]byte, MaxImageBuffer)
		for i := 0; i < b.N; i++ {
			img, err := readImage(path, buf)
			if err != nil {
				b.Fatal(err)
			}
			if n, err := c.detectOurs(context.Background(), img); err != nil || n != 2 {
				b.Fatal(err, n)
			}
		}
	})
	b.Run("case=ReadFileAndDetect", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(4 << 20)
		for i := 0; i < b.N; i++ {
			img, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			if n, err := c.detectOurs(context.Background(), img); err != nil || n != 2 {
				b.Fatal(err, n)
			}
		}
	})
}
