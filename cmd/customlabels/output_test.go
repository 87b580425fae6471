package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
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
		{"nanoseconds rounded", time.Date(2023, 11, 14, 22, 13, 20, 123_456_789, time.UTC), "2023-11-14T22:13:20.123457+00:00"},
		// 0.0078125 and 0.0234375 are exact doubles: ties, to even.
		{"a tie, to even below", time.Date(2023, 11, 14, 22, 13, 20, 7_812_500, time.UTC), "2023-11-14T22:13:20.007812+00:00"},
		{"a tie, to even above", time.Date(2023, 11, 14, 22, 13, 20, 23_437_500, time.UTC), "2023-11-14T22:13:20.023438+00:00"},
		// 1700000000.0000015 is the double 1700000000.00000143...: below the tie.
		{"the double, not the decimal", time.Date(2023, 11, 14, 22, 13, 20, 1_500, time.UTC), "2023-11-14T22:13:20.000001+00:00"},
		{"carried into the second", time.Date(2023, 11, 14, 22, 13, 20, 999_999_600, time.UTC), "2023-11-14T22:13:21+00:00"},
		{"other zone to UTC", time.Date(2023, 11, 15, 0, 13, 20, 500_000_000, time.FixedZone("CEST", 2*3600)), "2023-11-14T22:13:20.500000+00:00"},
		{"before 1970", time.Date(1969, 12, 31, 23, 59, 58, 750_000_000, time.UTC), "1969-12-31T23:59:58.750000+00:00"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, formatTimestamp(tt.in), "%s: formatTimestamp(%v)", tt.name, tt.in)
	}
}

// TestProjectsJSONIsTheAWSCLIs compares the output of projects --output
// json with what the AWS CLI printed for the same projects, byte for
// byte. testdata/aws-cli-timestamps.describe-projects.json was made by
// aws-cli/1.45.11 (botocore 1.43.11, Python 3.11.7) with
// cli_timestamp_format = iso8601 and TZ=UTC, against customlabels-fake
// --data testdata/aws-cli-timestamps.data.json:
//
//	aws --endpoint-url URL --region us-east-1 rekognition describe-projects --features CUSTOM_LABELS CONTENT_MODERATION
//
// The data holds the rounding cases: ties to even, a decimal tie that is
// below the tie as a double, a fraction carried into the second.
func TestProjectsJSONIsTheAWSCLIs(t *testing.T) {
	awsEnv(t)
	data, err := os.ReadFile(filepath.Join(testdataDir, "aws-cli-timestamps.data.json"))
	require.NoError(t, err)
	d, err := customlabelstest.ParseData(data)
	require.NoError(t, err)
	srv := customlabelstest.NewServer(d.Options()...)
	t.Cleanup(srv.Close)
	want, err := os.ReadFile(filepath.Join(testdataDir, "aws-cli-timestamps.describe-projects.json"))
	require.NoError(t, err)

	r := runArgs(t, "projects", "--endpoint-url", srv.URL, "--region", "us-east-1", "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, string(want), r.stdout)
}

func TestMoney(t *testing.T) {
	tests := []struct {
		in         money
		json, text string
	}{
		{12, "12", "$12.00"},
		{3 * 1.1, "3.3", "$3.30"},
		{0.125, "0.125", "$0.125"},
		{4.1 * 3, "12.3", "$12.30"},
		{0, "0", "$0.00"},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.in)
		require.NoError(t, err)
		assert.Equal(t, tt.json, string(b), "json of %v", float64(tt.in))
		assert.Equal(t, tt.text, tt.in.String(), "String of %v", float64(tt.in))
	}
}

func TestProjectName(t *testing.T) {
	tests := []struct{ arn, want string }{
		{"arn:aws:rekognition:us-east-1:123456789012:project/my-project/1700000000123", "my-project"},
		{"arn:aws:rekognition:us-east-1:123456789012:project/my-project/version/v1/1700000000123", "my-project"},
		{"arn:aws:rekognition:us-east-1:123456789012:model/x/1", "arn:aws:rekognition:us-east-1:123456789012:model/x/1"},
		{"arn:aws:rekognition:us-east-1:123456789012:project//1", "arn:aws:rekognition:us-east-1:123456789012:project//1"},
		{"not-an-arn", "not-an-arn"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, projectName(tt.arn), "projectName(%q)", tt.arn)
	}
}

func TestProjectsTableSanitises(t *testing.T) {
	projects := []customlabels.ProjectDescription{
		{ProjectArn: "arn:aws:rekognition:us-east-1:111122223333:project/short/1", Status: customlabels.ProjectStatusCreated,
			Datasets: []customlabels.DatasetMetadata{{DatasetType: customlabels.DatasetTypeTrain}, {DatasetType: customlabels.DatasetTypeTest}}},
		{ProjectArn: "not\tan-arn", Status: "NEW\nSTATUS"},
	}
	var buf bytes.Buffer
	require.NoError(t, writeProjectsTable(&buf, projects))
	assert.Equal(t, ""+
		"NAME        STATUS      FEATURE  CREATED  DATASETS\n"+
		"short       CREATED     -        -        TRAIN,TEST\n"+
		"not?an-arn  NEW?STATUS  -        -        -\n", buf.String(), "a name that is not an ARN's is shown whole, made safe")
}

func TestProjectsJSONDatasets(t *testing.T) {
	res := &projectListing{Projects: []customlabels.ProjectDescription{
		{ProjectArn: "sent-empty", Datasets: []customlabels.DatasetMetadata{}},
		{ProjectArn: "not-sent"},
	}}
	var buf bytes.Buffer
	require.NoError(t, writeProjectsJSON(&buf, res))
	assert.Equal(t, `{
    "ProjectDescriptions": [
        {
            "ProjectArn": "sent-empty",
            "Datasets": []
        },
        {
            "ProjectArn": "not-sent"
        }
    ]
}
`, buf.String(), "an empty list the service sent is printed, as the AWS CLI does; a member it left out is left out")

	buf.Reset()
	require.NoError(t, writeProjectsJSON(&buf, &projectListing{}))
	assert.Equal(t, "{\n    \"ProjectDescriptions\": []\n}\n", buf.String())
}

func TestIsTerminal(t *testing.T) {
	assert.False(t, isTerminal(&bytes.Buffer{}), "a buffer")
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a regular file")
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer null.Close()
	assert.False(t, isTerminal(null), "the null device is a character device but not a terminal")
}

func TestJSONTimeReadsBack(t *testing.T) {
	in := time.Date(2023, 11, 14, 22, 13, 20, 123_456_000, time.UTC)
	b, err := json.Marshal(jsonTime(in))
	require.NoError(t, err)
	var out jsonTime
	require.NoError(t, json.Unmarshal(b, &out))
	assert.True(t, in.Equal(time.Time(out)), "%s read back as %v", b, time.Time(out))
	assert.Error(t, json.Unmarshal([]byte(`"yesterday"`), &out))
	assert.Error(t, json.Unmarshal([]byte(`12`), &out))
}
