package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classificationLine is a manifest line of an image with one label.
func classificationLine(ref, label string) string {
	return fmt.Sprintf(`{"source-ref":%q,"l":0,"l-metadata":{"confidence":1,"class-name":%q,"human-annotated":"yes","creation-date":"2024-03-01T12:00:00.000000","type":"groundtruth/image-classification"}}`, ref, label)
}

// writeManifest writes lines as a manifest file and returns its path.
func writeManifest(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "train.manifest")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return path
}

// goodLines returns n lines of images with labels a and b in turn.
func goodLines(n int) []string {
	var lines []string
	for i := range n {
		lines = append(lines, classificationLine(fmt.Sprintf("s3://shelf-images/train/%d.jpg", i), []string{"a", "b"}[i%2]))
	}
	return lines
}

func TestManifestCheckAcceptsWithWarnings(t *testing.T) {
	lines := goodLines(10)
	lines = append(lines,
		`{"source-ref":"s3://shelf-images/train/nolabel.jpg"}`,               // kept, ignored
		classificationLine("s3://shelf-images/train/0.jpg", "a"),             // a duplicate, dropped
		`{"source-ref":"s3://shelf-images/train/x.jpg","l":0,"l-metadata":{`, // not JSON, dropped
	)
	path := writeManifest(t, lines...)

	r := runWith(t, "", nil, "manifest", "check", path)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	header, rows := tableRows(t, r.stdout)
	assert.Equal(t, []string{"LINE", "CODE", "TIER", "PATH", "MESSAGE"}, header)
	assert.Contains(t, r.stdout, "\n11    WARNING_UNANNOTATED_RECORD")
	assert.Contains(t, r.stdout, "\n12    DUPLICATE_SOURCE_REF")
	assert.Contains(t, r.stdout, "\n13    ERROR_INVALID_JSON_LINE")
	assert.GreaterOrEqual(t, len(rows), 3)
	assert.Contains(t, r.stdout, path+": 13 lines: 10 valid, 2 invalid, 1 ignored; IMAGE_LEVEL_LABELS, images in s3://shelf-images\n")
	assert.Contains(t, r.stdout, "2 labels, images each: a 5, b 5\n")
	assert.Contains(t, r.stdout, "The service would accept this manifest, with the problems above.\n")
	assert.Contains(t, r.stdout, "(Codes without ERROR_ or WARNING_ are this tool's")

	r = runWith(t, "", nil, "manifest", "check", path, "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var got manifestCheckJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, 13, got.Lines)
	assert.Equal(t, 10, got.ValidLines)
	assert.False(t, got.FailsDataset)
	assert.False(t, got.FailsTraining)
	assert.Equal(t, []labelStatsJSON{{"a", 5, 0}, {"b", 5, 0}}, got.Labels)
	var codes []string
	for _, p := range got.Problems {
		codes = append(codes, fmt.Sprintf("%d %s %v", p.Line, p.Code, p.ServiceCode))
	}
	assert.Equal(t, []string{"11 WARNING_UNANNOTATED_RECORD true", "12 DUPLICATE_SOURCE_REF false", "13 ERROR_INVALID_JSON_LINE true"}, codes)
}

func TestManifestCheckFails(t *testing.T) {
	t.Run("training: one label", func(t *testing.T) {
		var lines []string
		for i := range 4 {
			lines = append(lines, classificationLine(fmt.Sprintf("s3://shelf-images/%d.png", i), "only"))
		}
		r := runWith(t, "", nil, "manifest", "check", writeManifest(t, lines...))
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stdout, "-     ERROR_MANIFEST_TOO_FEW_LABELS  training error")
		assert.Contains(t, r.stdout, "The dataset would be created, but training would fail.\n")
		assert.Equal(t, "error: training would fail with this manifest: ERROR_MANIFEST_TOO_FEW_LABELS\n", r.stderr)
	})

	t.Run("dataset: more than 20% invalid", func(t *testing.T) {
		lines := goodLines(6)
		lines = append(lines, "not json", "{}", "[1]")
		r := runWith(t, "", nil, "manifest", "check", writeManifest(t, lines...), "--output", "json")
		assert.Equal(t, exitError, r.code)
		assert.Equal(t, "error: CreateDataset would fail with this manifest: ERROR_TOO_MANY_RECORDS_IN_ERROR\n", r.stderr)
		var got manifestCheckJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "the JSON is printed before the error")
		assert.True(t, got.FailsDataset)
		assert.True(t, got.FailsTraining)
	})

	t.Run("--max-lines", func(t *testing.T) {
		r := runWith(t, "", nil, "manifest", "check", writeManifest(t, goodLines(6)...), "--max-lines", "4")
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stdout, ", 2 not checked (past --max-lines)")
		assert.Contains(t, r.stderr, "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM")
	})

	t.Run("--max-problems", func(t *testing.T) {
		lines := goodLines(20)
		lines = append(lines, `{"source-ref":"s3://shelf-images/a.png"}`, `{"source-ref":"s3://shelf-images/b.png"}`, `{"source-ref":"s3://shelf-images/c.png"}`)
		r := runWith(t, "", nil, "manifest", "check", writeManifest(t, lines...), "--max-problems", "1")
		assert.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, strings.SplitN(r.stdout, "\n\n", 2)[0])
		assert.Len(t, rows, 2, "one problem, and the line counting the others")
		assert.Contains(t, r.stdout, "... and 2 more problems (--max-problems)\n")
	})
}

func TestManifestCheckStdinAndErrors(t *testing.T) {
	data := strings.Join(goodLines(4), "\n")
	r := runWith(t, data, nil, "manifest", "check", "-")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, "-: 4 lines: 4 valid, 0 invalid, 0 ignored; IMAGE_LEVEL_LABELS, images in s3://shelf-images\n2 labels, images each: a 2, b 2\nNo problems: the service would accept this manifest.\n", r.stdout)

	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "missing the manifest"},
		{[]string{"a", "b"}, "manifest check takes one manifest"},
		{[]string{filepath.Join(t.TempDir(), "missing")}, "no such file or directory"},
		{[]string{t.TempDir()}, "is a folder, not a manifest"},
		{[]string{"s3://shelf-images/"}, "must be s3://BUCKET/KEY"},
		{[]string{"-", "--max-problems", "0"}, "invalid --max-problems 0"},
		{[]string{"-", "--max-lines", "-1"}, "invalid --max-lines -1"},
	} {
		r := runWith(t, "", nil, append([]string{"manifest", "check"}, tt.args...)...)
		assert.Equal(t, exitUsage, r.code, "%q", tt.args)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
		assert.Empty(t, r.stdout)
	}
}

func TestManifestCheckFromS3(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "eu-west-1")
	at := []string{"--endpoint-url", srv.URL, "--region", "eu-west-1"}
	srv.PutS3Object("shelf-images", "train.manifest", "", []byte(strings.Join(goodLines(6), "\n")))

	r := runWith(t, "", nil, append([]string{"manifest", "check", "s3://shelf-images/train.manifest"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "6 lines: 6 valid")

	r = runWith(t, "", nil, append([]string{"manifest", "check", "s3://shelf-images/missing.manifest"}, at...)...)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "error: read s3://shelf-images/missing.manifest: ")
	assert.Contains(t, r.stderr, "NoSuchKey")
	assert.Empty(t, r.stdout)
}
