package customlabelstest_test

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The model's patterns (wire spec §3).
var (
	projectArnPattern = regexp.MustCompile(`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`)
	datasetArnPattern = regexp.MustCompile(`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/dataset\/(train|test)\/[0-9]+$)`)
)

func TestDemoProjectsDeterministic(t *testing.T) {
	assert.Equal(t, customlabelstest.DemoProjects(40, 5), customlabelstest.DemoProjects(40, 5))
	assert.NotEqual(t, arns(customlabelstest.DemoProjects(40, 5)), arns(customlabelstest.DemoProjects(40, 6)))
	// A shorter listing is a prefix of a longer one with the same seed.
	assert.Equal(t, customlabelstest.DemoProjects(40, 5)[:10], customlabelstest.DemoProjects(10, 5))
	assert.Nil(t, customlabelstest.DemoProjects(0, 1))
	assert.Nil(t, customlabelstest.DemoProjects(-1, 1))
}

func TestDemoProjectsLookReal(t *testing.T) {
	for _, n := range []int{8, 9, 50, 300} {
		ps := customlabelstest.DemoProjects(n, int64(n))
		require.Len(t, ps, n)
		seen := map[string]bool{}
		statuses := map[customlabels.ProjectStatus]bool{}
		features := map[customlabels.CustomizationFeature]bool{}
		autoUpdates := map[customlabels.ProjectAutoUpdate]bool{}
		datasetTypes := map[customlabels.DatasetType]bool{}
		datasetStatuses := map[customlabels.DatasetStatus]bool{}
		messageCodes := map[customlabels.DatasetStatusMessageCode]bool{}
		datasetCounts := map[int]bool{}
		subMilli, wholeMilli := 0, 0
		for i, p := range ps {
			assert.Regexp(t, projectArnPattern, p.ProjectArn)
			assert.False(t, seen[p.ProjectArn], "duplicate ARN %s", p.ProjectArn)
			seen[p.ProjectArn] = true
			if i > 0 {
				assert.True(t, p.CreationTimestamp.After(ps[i-1].CreationTimestamp), "creation order")
			}
			assert.Equal(t, time.UTC, p.CreationTimestamp.Location())
			if p.CreationTimestamp.Nanosecond()%1e6 != 0 {
				subMilli++
			} else if p.CreationTimestamp.Nanosecond() != 0 {
				wholeMilli++
			}
			statuses[p.Status] = true
			features[p.Feature] = true
			if p.Feature == customlabels.CustomizationFeatureContentModeration {
				autoUpdates[p.AutoUpdate] = true
			} else {
				assert.Empty(t, p.AutoUpdate, "AutoUpdate applies only to adapters")
			}
			assert.LessOrEqual(t, len(p.Datasets), 2)
			datasetCounts[len(p.Datasets)] = true
			for _, d := range p.Datasets {
				assert.Regexp(t, datasetArnPattern, d.DatasetArn)
				assert.True(t, d.CreationTimestamp.After(p.CreationTimestamp))
				assert.NotEmpty(t, d.StatusMessage)
				datasetTypes[d.DatasetType] = true
				datasetStatuses[d.Status] = true
				messageCodes[d.StatusMessageCode] = true
			}
		}
		assert.Greater(t, subMilli, 0, "some timestamps are finer than a millisecond")
		assert.Greater(t, wholeMilli, 0, "some timestamps have milliseconds only")
		assert.Equal(t, map[int]bool{0: true, 1: true, 2: true}, datasetCounts)
		assertAll(t, statuses, customlabels.ProjectStatus("").Values())
		assertAll(t, features, customlabels.CustomizationFeature("").Values())
		assertAll(t, autoUpdates, customlabels.ProjectAutoUpdate("").Values())
		assertAll(t, datasetTypes, customlabels.DatasetType("").Values())
		assertAll(t, datasetStatuses, customlabels.DatasetStatus("").Values())
		assertAll(t, messageCodes, customlabels.DatasetStatusMessageCode("").Values())
	}
}

// assertAll checks that got holds exactly the values of want.
func assertAll[E ~string](t *testing.T, got map[E]bool, want []E) {
	t.Helper()
	var keys []E
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want = slices.Clone(want)
	slices.Sort(want)
	assert.Equal(t, want, keys)
}

const cliOutput = `{
    "ProjectDescriptions": [
        {
            "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/my-adapter/1699999000000",
            "CreationTimestamp": "2023-11-14T22:13:20.123000+00:00",
            "Status": "CREATED",
            "Datasets": [],
            "Feature": "CONTENT_MODERATION",
            "AutoUpdate": "ENABLED",
            "SomeFutureMember": {"x": 1}
        },
        {
            "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/flowers/1600000000000",
            "CreationTimestamp": "2020-09-13T08:26:40-04:00",
            "Status": "CREATED",
            "Datasets": [
                {
                    "CreationTimestamp": 1.6000001001239E9,
                    "DatasetType": "TRAIN",
                    "DatasetArn": "arn:aws:rekognition:us-east-1:123456789012:project/flowers/dataset/train/1600000100123",
                    "Status": "CREATE_COMPLETE",
                    "StatusMessage": "The dataset was successfully created from the manifest file.",
                    "StatusMessageCode": "SUCCESS"
                },
                {
                    "CreationTimestamp": "1600000200.5",
                    "DatasetType": "TEST",
                    "DatasetArn": "arn:aws:rekognition:us-east-1:123456789012:project/flowers/dataset/test/1600000200500",
                    "Status": "CREATE_IN_PROGRESS"
                }
            ]
        },
        {
            "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/no-time/1"
        }
    ],
    "NextToken": "ignored"
}`

func TestParseProjects(t *testing.T) {
	ps, err := customlabelstest.ParseProjects([]byte(cliOutput))
	require.NoError(t, err)
	want := []customlabels.ProjectDescription{
		{
			ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/my-adapter/1699999000000",
			CreationTimestamp: time.Date(2023, 11, 14, 22, 13, 20, 123_000_000, time.UTC),
			Status:            customlabels.ProjectStatusCreated,
			Datasets:          []customlabels.DatasetMetadata{},
			Feature:           customlabels.CustomizationFeatureContentModeration,
			AutoUpdate:        customlabels.ProjectAutoUpdateEnabled,
		},
		{
			ProjectArn:        "arn:aws:rekognition:us-east-1:123456789012:project/flowers/1600000000000",
			CreationTimestamp: time.Date(2020, 9, 13, 12, 26, 40, 0, time.UTC),
			Status:            customlabels.ProjectStatusCreated,
			Datasets: []customlabels.DatasetMetadata{
				{
					CreationTimestamp: time.Unix(1600000100, 123_900_000).UTC(),
					DatasetType:       customlabels.DatasetTypeTrain,
					DatasetArn:        "arn:aws:rekognition:us-east-1:123456789012:project/flowers/dataset/train/1600000100123",
					Status:            customlabels.DatasetStatusCreateComplete,
					StatusMessage:     "The dataset was successfully created from the manifest file.",
					StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess,
				},
				{
					CreationTimestamp: time.Unix(1600000200, 500_000_000).UTC(),
					DatasetType:       customlabels.DatasetTypeTest,
					DatasetArn:        "arn:aws:rekognition:us-east-1:123456789012:project/flowers/dataset/test/1600000200500",
					Status:            customlabels.DatasetStatusCreateInProgress,
				},
			},
		},
		{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/no-time/1"},
	}
	assert.Equal(t, want, ps)

	// A bare list works too.
	list, err := customlabelstest.ParseProjects([]byte(`[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/a/1","CreationTimestamp":1}]`))
	require.NoError(t, err)
	assert.Equal(t, time.Unix(1, 0).UTC(), list[0].CreationTimestamp)

	// Served as they are, in creation order.
	srv := newServer(t, customlabelstest.WithProjects(ps[:2]...))
	got := listAll(t, srv.Client(), customlabels.DescribeProjectsInput{Features: bothFeatures})
	assert.Equal(t, []customlabels.ProjectDescription{want[1], want[0]}, got)
}

func TestParseProjectsErrors(t *testing.T) {
	for body, msg := range map[string]string{
		`{}`:                     `no "ProjectDescriptions" member`,
		`not json`:               "parse projects",
		`[{"Status":"CREATED"}]`: "ProjectDescriptions[0].ProjectArn: is required",
		`[{"ProjectArn":"a","CreationTimestamp":"yesterday"}]`:        `ProjectDescriptions[0].CreationTimestamp: "yesterday" is neither ISO 8601`,
		`[{"ProjectArn":"a","CreationTimestamp":true}]`:               "ProjectDescriptions[0].CreationTimestamp",
		`[{"ProjectArn":"a","Datasets":[{"CreationTimestamp":"x"}]}]`: "ProjectDescriptions[0].Datasets[0].CreationTimestamp",
	} {
		_, err := customlabelstest.ParseProjects([]byte(body))
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), msg, body)
	}
}
