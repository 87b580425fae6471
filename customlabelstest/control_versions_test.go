package customlabelstest_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func TestControlVersions(t *testing.T) {
	d := customlabelstest.DemoData(customlabelstest.DefaultRegion, 10, 1)
	srv := newServer(t, d.Options()...)

	// GET lists as DescribeProjectVersions writes, and reads back exactly.
	res := ctlRaw(t, srv, http.MethodGet, "versions", "", nil)
	require.Equal(t, http.StatusOK, res.status, res.body)
	var listed struct{ ProjectVersionDescriptions []json.RawMessage }
	require.NoError(t, json.Unmarshal([]byte(res.body), &listed))
	assert.Len(t, listed.ProjectVersionDescriptions, len(d.ProjectVersions))
	other := newServer(t, customlabelstest.WithProjects(d.Projects...))
	out := ctlOK(t, other, http.MethodPost, "versions", res.body)
	assert.Equal(t, map[string]any{"Added": 9.0, "ProjectVersions": 9.0}, out)
	assert.Equal(t, srv.ProjectVersions(), other.ProjectVersions(), "GET then POST copies every member")

	// DELETE removes.
	out = ctlOK(t, other, http.MethodDelete, "versions", `{"ProjectVersionArns":["`+d.ProjectVersions[0].ProjectVersionArn+`","arn:nope"]}`)
	assert.Equal(t, map[string]any{"Removed": 1.0, "ProjectVersions": 8.0}, out)

	// Refusals name the member; nothing is added.
	for body, field := range map[string]string{
		`{}`: "ProjectVersionDescriptions",
		`{"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/nope/version/v/1"}]}`: "ProjectVersionDescriptions",
		`{"ProjectVersionDescriptions":[{"ProjectVersionArn":"bad"}]}`:                                                                 "ProjectVersionDescriptions[0].ProjectVersionArn",
		`{"ProjectVersionDescriptions":{}}`: "ProjectVersionDescriptions",
		`{"Versions":[]}`:                   "Versions",
	} {
		status, out := ctl(t, other, http.MethodPost, "versions", body)
		assert.Equal(t, http.StatusBadRequest, status, body)
		assert.Equal(t, field, out["Field"], body)
	}
	status, out := ctl(t, other, http.MethodDelete, "versions", `{}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "ProjectVersionArns", out["Field"])
	assert.Len(t, other.ProjectVersions(), 8)
}

func TestControlAdvanceAndFailures(t *testing.T) {
	p := testProject("ctl")
	training := testVersion(p, "training", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusTrainingInProgress)
	stopped := testVersion(p, "stopped", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusStopped)
	srv := newServer(t, frozen(), customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(training, stopped),
		customlabelstest.WithTrainingTime(time.Hour), customlabelstest.WithStartingTime(time.Minute))

	assert.Equal(t, "0s", ctlOK(t, srv, http.MethodGet, "advance", "")["Advanced"])
	assert.Equal(t, map[string]any{"Applied": true},
		ctlOK(t, srv, http.MethodPost, "failures", `{"ProjectVersionArn":"`+training.ProjectVersionArn+`","Stage":"training","Message":"No labels."}`))
	assert.Equal(t, map[string]any{"Applied": true},
		ctlOK(t, srv, http.MethodPost, "failures", `{"ProjectVersionArn":"`+stopped.ProjectVersionArn+`","Stage":"start"}`))
	assert.Equal(t, map[string]any{"Applied": false},
		ctlOK(t, srv, http.MethodPost, "failures", `{"ProjectVersionArn":"`+stopped.ProjectVersionArn+`","Stage":"training"}`), "not training")

	require.Equal(t, http.StatusOK, start(t, srv, stopped.ProjectVersionArn, 1, 0).status)
	out := ctlOK(t, srv, http.MethodPost, "advance", `{"By":"1h"}`)
	assert.Equal(t, "1h0m0s", out["Advanced"])
	got := described(t, srv, p, training)
	assert.Equal(t, "TRAINING_FAILED", got.Status)
	assert.Equal(t, "No labels.", got.StatusMessage)
	assert.Equal(t, "FAILED", described(t, srv, p, stopped).Status)

	for body, field := range map[string]string{
		`{}`:            "By",
		`{"By":"-1m"}`:  "By",
		`{"By":"soon"}`: "By",
		`{"Seconds":5}`: "Seconds",
	} {
		status, out := ctl(t, srv, http.MethodPost, "advance", body)
		assert.Equal(t, http.StatusBadRequest, status, body)
		assert.Equal(t, field, out["Field"], body)
	}
	for body, field := range map[string]string{
		`{"Stage":"start"}`: "ProjectVersionArn",
		`{"ProjectVersionArn":"` + stopped.ProjectVersionArn + `","Stage":"stop"}`: "Stage",
	} {
		status, out := ctl(t, srv, http.MethodPost, "failures", body)
		assert.Equal(t, http.StatusBadRequest, status, body)
		assert.Equal(t, field, out["Field"], body)
	}
}

func TestResetRestoresVersionsAndTheModelsClock(t *testing.T) {
	p := testProject("reset")
	training := testVersion(p, "training", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusTrainingInProgress)
	undated := testVersion(p, "undated", time.Time{}, customlabels.ProjectVersionStatusStopped)
	undated.ProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/reset/version/undated/1"
	srv := newServer(t, frozen(), customlabelstest.WithProjects(p), customlabelstest.WithProjectVersions(training, undated),
		customlabelstest.WithTrainingTime(time.Hour), customlabelstest.WithStartingTime(time.Minute))
	before := srv.ProjectVersions()

	require.Equal(t, http.StatusOK, start(t, srv, undated.ProjectVersionArn, 1, 0).status)
	srv.FailTraining(training.ProjectVersionArn, "")
	srv.Advance(2 * time.Hour)
	srv.AddProjectVersions(testVersion(p, "extra", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), customlabels.ProjectVersionStatusStopped))
	require.Equal(t, "TRAINING_FAILED", described(t, srv, p, training).Status)

	assert.Equal(t, map[string]any{"Projects": 1.0, "ProjectVersions": 2.0}, ctlOK(t, srv, http.MethodPost, "reset", ""))
	assert.Equal(t, before, srv.ProjectVersions(), "the seeded versions, with the creation time they got at first")
	assert.Equal(t, "0s", ctlOK(t, srv, http.MethodGet, "advance", "")["Advanced"])
	srv.Advance(time.Hour)
	assert.Equal(t, "TRAINING_COMPLETED", described(t, srv, p, training).Status, "the training starts again, and the failure is gone")
}
