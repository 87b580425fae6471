package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

func TestFormatTimestamp(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"whole second", time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC), "2023-11-14T22:13:20+00:00"},
		{"milliseconds", time.Date(2023, 11, 14, 22, 13, 20, 123_000_000, time.UTC), "2023-11-14T22:13:20.123000+00:00"},
		{"microseconds", time.Date(2023, 11, 14, 22, 13, 20, 123_456_000, time.UTC), "2023-11-14T22:13:20.123456+00:00"},
		{"nanoseconds kept", time.Date(2023, 11, 14, 22, 13, 20, 123_456_789, time.UTC), "2023-11-14T22:13:20.123456789+00:00"},
		{"other zone to UTC", time.Date(2023, 11, 15, 0, 13, 20, 500_000_000, time.FixedZone("CEST", 2*3600)), "2023-11-14T22:13:20.500000+00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := formatTimestamp(tt.in)
			assert.Equal(t, tt.want, got, "formatTimestamp(%v)", tt.in)
			back, err := time.Parse(time.RFC3339Nano, got)
			require.NoError(t, err, "output must be RFC 3339")
			assert.True(t, back.Equal(tt.in), "round trip %v = %v, want %v", got, back, tt.in)
		})
	}
}

func TestProjectName(t *testing.T) {
	tests := []struct{ arn, want string }{
		{"arn:aws:rekognition:us-east-1:123456789012:project/my-project/1700000000123", "my-project"},
		{"arn:aws-cn:rekognition:cn-north-1:123456789012:project/a.b_c/1", "a.b_c"},
		{"arn:aws:rekognition:us-east-1:123456789012:project/only-name", "only-name"},
		{"arn:aws:rekognition:us-east-1:123456789012:model/x/1", "arn:aws:rekognition:us-east-1:123456789012:model/x/1"},
		{"arn:aws:rekognition:us-east-1:123456789012:project//1", "arn:aws:rekognition:us-east-1:123456789012:project//1"},
		{"not-an-arn", "not-an-arn"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, projectName(tt.arn), "projectName(%q)", tt.arn)
	}
}

func TestWriteTableAlignsAndSanitises(t *testing.T) {
	created := time.Date(2024, 2, 3, 4, 5, 6, 700_000_000, time.UTC)
	projects := []customlabels.ProjectDescription{
		{
			ProjectArn:        "arn:aws:rekognition:us-east-1:111122223333:project/short/1",
			CreationTimestamp: created,
			Status:            customlabels.ProjectStatusCreated,
			Feature:           customlabels.CustomizationFeatureCustomLabels,
			Datasets: []customlabels.DatasetMetadata{
				{DatasetType: customlabels.DatasetTypeTrain}, {DatasetType: customlabels.DatasetTypeTest},
			},
		},
		{
			ProjectArn: "arn:aws:rekognition:us-east-1:111122223333:project/a-much-longer-name\tx/2",
			Status:     customlabels.ProjectStatus("NEW\nSTATUS"),
		},
	}
	var buf bytes.Buffer
	require.NoError(t, writeTable(&buf, projects))
	want := "" +
		"NAME                  STATUS      FEATURE        CREATED               DATASETS\n" +
		"short                 CREATED     CUSTOM_LABELS  2024-02-03 04:05:06Z  TRAIN,TEST\n" +
		"a-much-longer-name?x  NEW?STATUS  -              -                     -\n"
	assert.Equal(t, want, buf.String())
}

func TestWriteJSONShape(t *testing.T) {
	res := &listing{
		Projects: []customlabels.ProjectDescription{
			{
				ProjectArn:        "arn:aws:rekognition:us-east-1:111122223333:project/p/1",
				CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 123_000_000, time.UTC),
				Status:            customlabels.ProjectStatusCreated,
				Feature:           customlabels.CustomizationFeatureContentModeration,
				AutoUpdate:        customlabels.ProjectAutoUpdateEnabled,
				Datasets: []customlabels.DatasetMetadata{{
					CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 21, 0, time.UTC),
					DatasetType:       customlabels.DatasetTypeTrain,
					DatasetArn:        "arn:aws:rekognition:us-east-1:111122223333:project/p/dataset/train/2",
					Status:            customlabels.DatasetStatusCreateComplete,
					StatusMessage:     "The dataset was created <ok> & ready",
					StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess,
				}},
			},
			{ProjectArn: "arn:aws:rekognition:us-east-1:111122223333:project/q/2"},
		},
		NextToken: "resume-me",
	}
	var buf bytes.Buffer
	require.NoError(t, writeJSON(&buf, res))
	want := `{
    "ProjectDescriptions": [
        {
            "ProjectArn": "arn:aws:rekognition:us-east-1:111122223333:project/p/1",
            "CreationTimestamp": "2023-11-14T22:13:20.123000+00:00",
            "Status": "CREATED",
            "Datasets": [
                {
                    "CreationTimestamp": "2023-11-14T22:13:21+00:00",
                    "DatasetType": "TRAIN",
                    "DatasetArn": "arn:aws:rekognition:us-east-1:111122223333:project/p/dataset/train/2",
                    "Status": "CREATE_COMPLETE",
                    "StatusMessage": "The dataset was created <ok> & ready",
                    "StatusMessageCode": "SUCCESS"
                }
            ],
            "Feature": "CONTENT_MODERATION",
            "AutoUpdate": "ENABLED"
        },
        {
            "ProjectArn": "arn:aws:rekognition:us-east-1:111122223333:project/q/2"
        }
    ],
    "NextToken": "resume-me"
}
`
	assert.Equal(t, want, buf.String())

	buf.Reset()
	require.NoError(t, writeJSON(&buf, &listing{}))
	assert.Equal(t, "{\n    \"ProjectDescriptions\": []\n}\n", buf.String(), "an empty listing keeps ProjectDescriptions, as the CLI does")
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, on: true}
	p.update(1, 10)
	p.update(2, 20)
	p.done()
	assert.Equal(t, "\r\x1b[Klisting: 1 page, 10 projects so far\r\x1b[Klisting: 2 pages, 20 projects so far\r\x1b[K", buf.String())

	buf.Reset()
	p = newProgress(&buf)
	p.update(1, 1)
	p.done()
	assert.Empty(t, buf.String(), "no progress when the writer is not a terminal")
}

func TestIsTerminal(t *testing.T) {
	assert.False(t, isTerminal(&bytes.Buffer{}), "a buffer")

	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a regular file")

	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	assert.False(t, isTerminal(w), "a pipe")

	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer null.Close()
	assert.False(t, isTerminal(null), "the null device is a character device but not a terminal")
}

func TestJSONOutputParsesBack(t *testing.T) {
	// Timestamps with sub-microsecond digits survive the round trip.
	ts := time.Date(2021, 1, 4, 2, 17, 44, 663_000_001, time.UTC)
	res := &listing{Projects: []customlabels.ProjectDescription{{ProjectArn: "a", CreationTimestamp: ts}}}
	var buf bytes.Buffer
	require.NoError(t, writeJSON(&buf, res))
	var got struct {
		ProjectDescriptions []struct{ CreationTimestamp time.Time }
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.Len(t, got.ProjectDescriptions, 1)
	assert.True(t, got.ProjectDescriptions[0].CreationTimestamp.Equal(ts))
	assert.False(t, strings.Contains(buf.String(), "NextToken"), "no NextToken when the listing is complete")
}
