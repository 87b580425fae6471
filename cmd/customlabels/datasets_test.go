package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/manifest"
)

// datasetsFake is trainFake with the datasets of shelf created by train.
func datasetsFake(t *testing.T) []string {
	t.Helper()
	srv := trainFake(t, []string{"defect", "ok"})
	at := []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}
	r := runArgs(t, append([]string{"train", "shelf", "--version", "v1", "--output-config", "s3://shelf-images/output",
		"--train", trainManifest, "--test", testManifest, "--poll-interval", "5ms"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	return at
}

func TestDatasets(t *testing.T) {
	awsEnv(t)
	at := datasetsFake(t)

	r := runArgs(t, append([]string{"datasets", "shelf"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	header, rows := tableRows(t, r.stdout)
	assert.Equal(t, []string{"DATASET", "STATUS", "IMAGES", "LABELED", "LABELS", "ERRORS", "MESSAGE"}, header)
	require.Len(t, rows, 2)
	assert.Equal(t, []string{"TRAIN", "CREATE_COMPLETE", "12", "12", "2", "0"}, rows[0][:6])
	assert.Equal(t, []string{"TEST", "CREATE_COMPLETE", "4", "4", "2", "0"}, rows[1][:6])

	r = runArgs(t, append([]string{"datasets", "shelf", "--output", "json", "--type", "test"}, at...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	var got struct {
		ProjectArn string
		Datasets   []struct {
			DatasetType, DatasetArn, Status, StatusMessage, StatusMessageCode, CreationTimestamp string
			DatasetStats                                                                         datasetStatsJSON
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	require.Len(t, got.Datasets, 1)
	d := got.Datasets[0]
	assert.Equal(t, "TEST", d.DatasetType)
	assert.Contains(t, d.DatasetArn, ":project/shelf/dataset/test/")
	assert.Equal(t, datasetStatsJSON{LabeledEntries: 4, TotalEntries: 4, TotalLabels: 2}, d.DatasetStats)
	assert.Equal(t, "SUCCESS", d.StatusMessageCode)
	assert.NotEmpty(t, d.CreationTimestamp)

	t.Run("--labels", func(t *testing.T) {
		r := runArgs(t, append([]string{"datasets", "shelf", "--labels"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "DATASET  LABEL   IMAGES  BOXES\nTRAIN    defect  6       0\nTRAIN    ok      6       0\nTEST     defect  2       0\nTEST     ok      2       0\n", r.stdout)
	})

	t.Run("--entries", func(t *testing.T) {
		r := runArgs(t, append([]string{"datasets", "shelf", "--entries", "--type", "TRAIN", "--contains-label", "ok"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		require.Len(t, rows, 6)
		for _, row := range rows {
			assert.Equal(t, "TRAIN", row[0])
			assert.True(t, strings.HasPrefix(row[1], "s3://shelf-images/train/ok/"), row[1])
			assert.Equal(t, []string{"ok", "-"}, row[2:])
		}

		r = runArgs(t, append([]string{"datasets", "shelf", "--entries", "--source-ref-contains", "defect/imga", "--output", "json"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		var got datasetEntriesJSON
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		require.Len(t, got.Entries, 2, "imga.png of defect, in the training and the test dataset")
		for _, en := range got.Entries {
			assert.Equal(t, []string{"defect"}, en.Labels)
			line, err := manifest.ParseLine([]byte(en.Line))
			require.NoError(t, err, "Line is the entry the service returned")
			assert.Equal(t, en.SourceRef, line.SourceRef)
			assert.False(t, en.HasErrors)
			assert.Empty(t, en.Errors)
		}

		for _, tt := range []struct {
			args []string
			want int
		}{
			{[]string{"--labeled", "false"}, 0},
			{[]string{"--labeled", "true"}, 16},
			{[]string{"--has-errors", "true"}, 0},
			{[]string{"--has-errors", "false", "--type", "test"}, 4},
		} {
			r := runArgs(t, append(append([]string{"datasets", "shelf", "--entries", "--output", "json"}, tt.args...), at...)...)
			require.Equal(t, exitOK, r.code, "%q: %s", tt.args, r.stderr)
			var got datasetEntriesJSON
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
			assert.Len(t, got.Entries, tt.want, "%q", tt.args)
		}

		r = runArgs(t, append([]string{"datasets", "shelf", "--entries", "--max-items", "3"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows = tableRows(t, r.stdout)
		assert.Len(t, rows, 3)
		assert.Equal(t, "more entries follow: the listing stopped at --max-items 3\n", r.stderr)
	})

	t.Run("a project without datasets", func(t *testing.T) {
		r := runArgs(t, append([]string{"datasets", "shelf-finder-1"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, "project shelf-finder-1 has no datasets (train --train MANIFEST creates them)\n", r.stdout)
		r = runArgs(t, append([]string{"datasets", "shelf-finder-1", "--output", "json"}, at...)...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Contains(t, r.stdout, `"Datasets": []`)
	})
}

func TestDatasetsUsageErrorsSendNothing(t *testing.T) {
	awsEnv(t)
	srv := newFake(t, "us-east-1")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "missing PROJECT"},
		{[]string{"a", "b"}, "datasets takes one PROJECT"},
		{[]string{"shelf", "--labels", "--entries"}, "--labels and --entries cannot be combined"},
		{[]string{"shelf", "--labeled", "true"}, "--labeled filters --entries: add --entries"},
		{[]string{"shelf", "--entries", "--labeled", "yes"}, `must be true or false, got "yes"`},
		{[]string{"shelf", "--type", "VALIDATION"}, `must be TRAIN or TEST, got "VALIDATION"`},
		{[]string{"shelf", "--entries", "--max-items", "0"}, "invalid --max-items 0"},
		{append([]string{"shelf", "--entries"}, strings.Fields(strings.Repeat("--contains-label x ", 11))...), "at most 10 labels, got 11"},
	} {
		r := runArgs(t, append(append([]string{"datasets"}, tt.args...), "--endpoint-url", srv.URL, "--region", "us-east-1")...)
		assert.Equal(t, exitUsage, r.code, "%q: %s", tt.args, r.stderr)
		assert.Contains(t, r.stderr, tt.want, "%q", tt.args)
	}
	assert.Empty(t, srv.Requests(), "no usage error sent a request")
}
