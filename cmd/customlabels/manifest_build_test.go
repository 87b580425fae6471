package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/manifest"
)

// manifestLines parses a manifest into its lines, failing on any line
// that is not one.
func manifestLines(t *testing.T, data string) []manifest.Line {
	t.Helper()
	var lines []manifest.Line
	for l, err := range manifest.NewReader(strings.NewReader(data)).All() {
		require.NoError(t, err)
		lines = append(lines, l)
	}
	return lines
}

func TestManifestBuildToStdout(t *testing.T) {
	dir := imageFolder(t, 3, "defect", "ok")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ok", ".DS_Store"), []byte("x"), 0o644))

	r := runWith(t, "", nil, "manifest", "build", dir, "--bucket", "s3://shelf-images/datasets/train/")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "manifest-build.manifest.golden", r.stdout)
	assert.Equal(t, "skipped 1 hidden file or folder whose names start with a dot\n6 images, 2 labels (defect 3, ok 3)\n", r.stderr)

	lines := manifestLines(t, r.stdout)
	require.Len(t, lines, 6)
	assert.Equal(t, "s3://shelf-images/datasets/train/defect/imga.png", lines[0].SourceRef)
	assert.Equal(t, "s3://shelf-images/datasets/train/ok/imgb.jpg", lines[4].SourceRef)
	assert.Equal(t, []string{"defect"}, lines[0].Labels())
	assert.Equal(t, []string{"ok"}, lines[5].Labels())
	rep, err := manifest.Validate(strings.NewReader(r.stdout), manifest.Options{})
	require.NoError(t, err)
	assert.Empty(t, rep.Problems, "the manifest passes the service's rules")
	assert.Equal(t, 6, rep.ValidLines)
}

func TestManifestBuildToFile(t *testing.T) {
	dir := imageFolder(t, 2, "cat", "dog", "fox")
	out := filepath.Join(t.TempDir(), "train.manifest")

	t.Run("table", func(t *testing.T) {
		r := runWith(t, "", nil, "manifest", "build", dir, "--bucket", "s3://pets", "-o", out)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Empty(t, r.stderr)
		assert.Equal(t, "LABEL  IMAGES\ncat    2\ndog    2\nfox    2\n\n6 images, 3 labels\nmanifest written to "+out+"\n", r.stdout)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		lines := manifestLines(t, string(b))
		require.Len(t, lines, 6)
		assert.Equal(t, "s3://pets/fox/imgb.jpg", lines[5].SourceRef, "no prefix: the labels are at the bucket's top")
	})

	t.Run("json", func(t *testing.T) {
		r := runWith(t, "", nil, "manifest", "build", dir, "--bucket", "s3://pets/p", "-o", out, "--output", "json")
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		var got manifestBuildJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		assert.Equal(t, manifestBuildJSON{Manifest: out, Images: 6, Problems: []problemJSON{},
			Labels: []labelCountJSON{{"cat", 2}, {"dog", 2}, {"fox", 2}}}, got)
	})
}

func TestManifestBuildWarnsOfOneLabel(t *testing.T) {
	dir := imageFolder(t, 2, "only")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "empty"), 0o755))
	r := runWith(t, "", nil, "manifest", "build", dir, "--bucket", "s3://b-1/x", "-o", filepath.Join(t.TempDir(), "m"))
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stderr, "warning: "+filepath.Join(dir, "empty")+" has no images: its label is not in the manifest\n")
	assert.Contains(t, r.stderr, "warning: manifest: ERROR_MANIFEST_TOO_FEW_LABELS (training error)")
}

func TestManifestBuildRefusesBadFolders(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"not an image", func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "ok", "notes.txt"), []byte("hello there"), 0o644))
		}, "notes.txt: not a JPEG or PNG image"},
		{"too small", func(t *testing.T, dir string) {
			writeImage(t, filepath.Join(dir, "ok", "tiny.png"), 32, 80, 9)
		}, "tiny.png: 32 by 80 pixels; each side must be 64 to 4096"},
		{"a folder in a label folder", func(t *testing.T, dir string) {
			writeImage(t, filepath.Join(dir, "ok", "nested", "a.png"), 64, 64, 9)
		}, "nested: a folder inside a label folder"},
		{"a file outside the label folders", func(t *testing.T, dir string) {
			writeImage(t, filepath.Join(dir, "stray.png"), 64, 64, 9)
		}, "stray.png: a file outside the label folders"},
		{"a cut PNG", func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "ok", "cut.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644))
		}, "cut.png: not a readable PNG image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			awsEnv(t)
			srv := newFake(t, "us-east-1")
			dir := imageFolder(t, 2, "bad", "ok")
			tt.setup(t, dir)
			out := filepath.Join(t.TempDir(), "m")
			r := runWith(t, "", nil, "manifest", "build", dir, "--bucket", "s3://b-1/x", "-o", out, "--upload", "--create-bucket", "--endpoint-url", srv.URL)
			assert.Equal(t, exitUsage, r.code)
			assert.Contains(t, r.stderr, "usage error: 1 file cannot be used; nothing was written or uploaded:\n")
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
			assert.NoFileExists(t, out)
			assert.Empty(t, srv.Requests(), "nothing was sent")
		})
	}
}

func TestManifestBuildUsageErrors(t *testing.T) {
	dir := imageFolder(t, 1, "a", "b")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{dir}, "missing --bucket"},
		{[]string{"--bucket", "s3://b-1"}, "missing DIR"},
		{[]string{dir, "--bucket", "http://b-1/x"}, `invalid --bucket "http://b-1/x": must be s3://BUCKET/PREFIX`},
		{[]string{dir, "--bucket", "s3://b/x"}, "the bucket name must be 3 to 255 characters"},
		{[]string{dir, "--bucket", "s3://b-1", "--create-bucket"}, "--create-bucket needs --upload"},
		{[]string{dir, "--bucket", "s3://b-1", "--output", "json"}, "--output json needs -o FILE or --upload"},
		{[]string{dir, dir, "--bucket", "s3://b-1"}, "manifest build takes one DIR"},
		{[]string{filepath.Join(dir, "missing"), "--bucket", "s3://b-1"}, "DIR: stat "},
		{[]string{filepath.Join(dir, "a", "img"+"a.png"), "--bucket", "s3://b-1"}, "is not a folder"},
	}
	for _, tt := range tests {
		r := runWith(t, "", nil, append([]string{"manifest", "build"}, tt.args...)...)
		assert.Equal(t, exitUsage, r.code, "%q: stderr: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
		assert.Empty(t, r.stdout)
	}
}

func TestManifestBuildUpload(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	dir := imageFolder(t, 3, "defect", "ok")
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}

	t.Run("a missing bucket: exit 1, with the flag that creates it", func(t *testing.T) {
		r := runWith(t, "", nil, append([]string{"manifest", "build", dir, "--bucket", "s3://shelf-images/train", "--upload"}, at...)...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "NoSuchBucket")
		assert.Contains(t, r.stderr, "the bucket shelf-images does not exist: create it, or pass --create-bucket\n")
		assert.Empty(t, r.stdout)
	})

	r := runWith(t, "", nil, append([]string{"manifest", "build", dir, "--bucket", "s3://shelf-images/train", "--upload", "--create-bucket", "--output", "json"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var got manifestBuildJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, "s3://shelf-images/train/dataset.manifest", got.ManifestS3)
	assert.Equal(t, 7, got.Uploaded, "6 images and the manifest")
	assert.Empty(t, got.Manifest)

	for _, name := range []string{"defect/imga.png", "defect/imgb.jpg", "ok/imgc.png"} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		b, err := srv.S3Object("shelf-images", "train/"+name)
		require.NoError(t, err, name)
		assert.Equal(t, want, b, name)
	}
	b, err := srv.S3Object("shelf-images", "train/dataset.manifest")
	require.NoError(t, err)
	lines := manifestLines(t, string(b))
	require.Len(t, lines, 6)
	for _, l := range lines {
		key := strings.TrimPrefix(l.SourceRef, "s3://shelf-images/")
		_, err := srv.S3Object("shelf-images", key)
		assert.NoError(t, err, "the manifest's %s was uploaded", l.SourceRef)
	}

	t.Run("again: the bucket is there, the objects replaced", func(t *testing.T) {
		r := runWith(t, "", nil, append([]string{"manifest", "build", dir, "--bucket", "s3://shelf-images/train", "--upload", "--create-bucket"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Contains(t, r.stdout, "uploaded 6 images and the manifest s3://shelf-images/train/dataset.manifest\n")
	})
}

func TestManifestBuildUploadInterrupted(t *testing.T) {
	awsEnv(t)
	url, reached := hangingServer(t)
	dir := imageFolder(t, 3, "defect", "ok")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() {
		done <- runContext(ctx, "manifest", "build", dir, "--bucket", "s3://shelf-images/train", "--upload", "--endpoint-url", url, "--region", "us-east-1")
	}()
	require.Eventually(t, func() bool { return reached.Load() > 0 }, 10*time.Second, 5*time.Millisecond, "an upload reached the server")
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
		assert.Empty(t, r.stdout)
	case <-time.After(10 * time.Second):
		t.Fatal("manifest build did not return after its context was cancelled")
	}
}

// The manifest uploaded by the command is one the fake reads back as a
// user would, with manifest check.
func TestManifestBuildThenCheckFromS3(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	dir := imageFolder(t, 2, "defect", "ok")
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}
	r := runWith(t, "", nil, append([]string{"manifest", "build", dir, "--bucket", "s3://shelf-images/train", "--upload", "--create-bucket"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)

	r = runWith(t, "", nil, append([]string{"manifest", "check", "s3://shelf-images/train/dataset.manifest"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "s3://shelf-images/train/dataset.manifest: 4 lines: 4 valid, 0 invalid, 0 ignored; IMAGE_LEVEL_LABELS, images in s3://shelf-images\n")
	assert.Contains(t, r.stdout, "No problems")
	var sent []string
	for _, req := range srv.Requests() {
		if req.S3Operation == "GetObject" {
			sent = append(sent, req.Path)
		}
	}
	assert.Equal(t, []string{"/shelf-images/train/dataset.manifest"}, sent)
}

func TestManifestBuildUploadStalls(t *testing.T) {
	awsEnv(t)
	withIdleTimeout(t, 200*time.Millisecond)
	srv := newFake(t, "us-east-1")
	srv.PutS3Object("shelf-images", "README", "", []byte("the bucket exists"))
	proxy := stallingProxy(t, srv.URL, func(r *http.Request) bool { return r.Method == http.MethodPut })
	dir := imageFolder(t, 1, "defect", "ok")
	start := time.Now()
	r := runArgs(t, "manifest", "build", dir, "--bucket", "s3://shelf-images/train", "--upload", "--endpoint-url", proxy, "--region", "us-east-1")
	assert.Equal(t, exitError, r.code)
	assert.Regexp(t, `^error: upload .*img[a-z]\.(png|jpg) to s3://shelf-images/train/(defect|ok)/img[a-z]\.(png|jpg): S3 made no progress for 200ms: given up\n`+
		`0 images uploaded before the error; the manifest was not uploaded\n$`, r.stderr)
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Empty(t, r.stdout)
}
