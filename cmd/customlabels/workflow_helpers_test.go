package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// fixedNow is the clock of the runs that write manifests in tests.
var fixedNow = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

// runWith runs the program in-process with args, in an env that set
// changes; stdin reads input.
func runWith(t *testing.T, input string, set func(*env), args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{stdin: bytes.NewBufferString(input), stdout: &stdout, stderr: &stderr,
		clientOptions: []func(*customlabels.Options){noBackoff}, now: func() time.Time { return fixedNow }}
	if set != nil {
		set(e)
	}
	code := runEnv(context.Background(), e, args)
	return result{code, stdout.String(), stderr.String()}
}

// testImage returns an image of w by h pixels whose colours depend on
// seed, so that images differ.
func testImage(w, h, seed int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(seed * 37), uint8(x + seed), uint8(y * seed), 255})
		}
	}
	return img
}

// writeImage writes a PNG (or, for a name ending in .jpg, a JPEG) image
// of w by h pixels at path, making its folder.
func writeImage(t *testing.T, path string, w, h, seed int) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	var buf bytes.Buffer
	if filepath.Ext(path) == ".jpg" {
		require.NoError(t, jpeg.Encode(&buf, testImage(w, h, seed), nil))
	} else {
		require.NoError(t, png.Encode(&buf, testImage(w, h, seed)))
	}
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// imageFolder makes a folder of label folders: for each label, n images
// of 64 by 64 pixels, PNG and JPEG in turn.
func imageFolder(t *testing.T, n int, labels ...string) string {
	t.Helper()
	dir := t.TempDir()
	seed := 1
	for _, l := range labels {
		for i := range n {
			name := filepath.Join(dir, l, "img"+string(rune('a'+i))+".png")
			if i%2 == 1 {
				name = name[:len(name)-len(".png")] + ".jpg"
			}
			writeImage(t, name, 64, 64, seed)
			seed++
		}
	}
	return dir
}

// hangingServer is an HTTP server that answers no request until the
// request is given up; reached counts the requests it received.
func hangingServer(t *testing.T) (url string, reached *atomic.Int32) {
	t.Helper()
	reached = &atomic.Int32{}
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		// Read the body, so that the server sees the client go away.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) }) // first: no handler outlives the test
	return srv.URL, reached
}

// stallingProxy is a proxy to target that answers the requests stall
// matches with the start of a body, then nothing more; it returns its
// URL. The fake checks signatures over the Host header, which the proxy
// keeps.
func stallingProxy(t *testing.T, target string, stall func(*http.Request) bool) string {
	t.Helper()
	u, err := url.Parse(target)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(u)
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !stall(r) {
			proxy.ServeHTTP(w, r)
			return
		}
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Length", "100000")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"Version": 1, `))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	return srv.URL
}

// withIdleTimeout sets s3IdleTimeout for a test.
func withIdleTimeout(t *testing.T, d time.Duration) {
	old := s3IdleTimeout
	s3IdleTimeout = d
	t.Cleanup(func() { s3IdleTimeout = old })
}
