package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleImages is the folder of sample images the README's workflow
// uses: the demo account's images (demoImage), one sub-folder per label,
// for training and for testing.
const sampleImages = "../../examples/shelf-images"

// The sample images are the demo's, and images the service trains with:
// PNG, 64 by 64 pixels. go test -update writes them again.
func TestSampleImagesAreTheDemos(t *testing.T) {
	n := 0
	for _, set := range []struct {
		name  string
		count int
	}{{"train", demoTrainCount}, {"test", demoTestCount}} {
		for li, label := range demoDataLabels {
			for i := range set.count {
				path := filepath.Join(sampleImages, set.name, label, fmt.Sprintf("%02d.png", i+1))
				want := demoImage(li, i, set.name == "test")
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, want, 0o644))
				}
				got, err := os.ReadFile(path)
				require.NoError(t, err, "missing sample image: run go test -update")
				assert.True(t, bytes.Equal(want, got), "%s differs from the demo's image (-update writes it)", path)
				cfg, err := png.DecodeConfig(bytes.NewReader(got))
				require.NoError(t, err, path)
				assert.Equal(t, [2]int{64, 64}, [2]int{cfg.Width, cfg.Height}, path)
				n++
			}
		}
	}
	entries, err := filepath.Glob(filepath.Join(sampleImages, "*", "*", "*"))
	require.NoError(t, err)
	assert.Len(t, entries, n, "no other file in %s", sampleImages)
}
