package customlabelstest_test

import (
	"encoding/base64"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// A test in another language sets a version's labels and an S3 image over
// the control API, then calls DetectCustomLabels.
func TestControlModelsAndS3Objects(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{})
	arn := f.running.ProjectVersionArn
	out := ctlOK(t, f.srv, http.MethodPut, "models",
		`{"ProjectVersionArn":"`+arn+`","Labels":[{"Name":"cat","Confidence":97.5,"Geometry":{"BoundingBox":{"Width":0.5,"Height":0.5,"Left":0,"Top":0.25}}},{"Name":"dog","Confidence":20}],"AssumedThreshold":10,"MaxInFlightPerInferenceUnit":3}`)
	models := out["Models"].([]any)
	require.Len(t, models, 1)
	assert.Equal(t, arn, models[0].(map[string]any)["ProjectVersionArn"])
	assert.Equal(t, 3.0, models[0].(map[string]any)["MaxInFlightPerInferenceUnit"])

	img := base64.StdEncoding.EncodeToString(jpegImage)
	assert.Equal(t, map[string]any{"Bucket": "bkt", "Name": "a.jpg", "Version": "v1"},
		ctlOK(t, f.srv, http.MethodPost, "s3objects", `{"Bucket":"bkt","Name":"a.jpg","Version":"v1","Bytes":"`+img+`"}`))
	listed := ctlOK(t, f.srv, http.MethodGet, "s3objects", "")["Objects"].([]any)
	assert.Equal(t, []any{map[string]any{"Bucket": "bkt", "Name": "a.jpg", "Version": "v1", "Size": float64(len(jpegImage))}}, listed)

	res, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "bkt", Name: "a.jpg"}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"cat", "dog"}, names(res.CustomLabels), "labels above the assumed threshold of 10")
	assert.Equal(t, float32(0.25), res.CustomLabels[0].Geometry.BoundingBox.Top)

	// HashLabels: confidences from the image.
	ctlOK(t, f.srv, http.MethodPut, "models", `{"ProjectVersionArn":"`+arn+`","HashLabels":["x","y"]}`)
	res, err = f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn, Image: customlabels.Image{Bytes: jpegImage}, MinConfidence: conf(0)})
	require.NoError(t, err)
	assert.Equal(t, customlabelstest.HashLabels("x", "y")(jpegImage)[0].Confidence, findLabel(res.CustomLabels, "x").Confidence)
	assert.Equal(t, []any{"x", "y"}, ctlOK(t, f.srv, http.MethodGet, "models", "")["Models"].([]any)[0].(map[string]any)["HashLabels"])

	assert.Equal(t, map[string]any{"Removed": true}, ctlOK(t, f.srv, http.MethodDelete, "s3objects", `{"Bucket":"bkt","Name":"a.jpg","Version":"v1"}`))
	_, err = f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: arn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "bkt", Name: "a.jpg"}}})
	assertCode(t, err, "InvalidS3ObjectException")
	assert.Equal(t, map[string]any{"Removed": 1.0}, ctlOK(t, f.srv, http.MethodDelete, "models", `{"ProjectVersionArns":["`+arn+`"]}`))
	assert.Equal(t, map[string]any{"Models": []any{}}, ctlOK(t, f.srv, http.MethodGet, "models", ""))
}

func findLabel(labels []customlabels.CustomLabel, name string) customlabels.CustomLabel {
	for _, l := range labels {
		if l.Name == name {
			return l
		}
	}
	return customlabels.CustomLabel{}
}

func TestControlModelsRefusals(t *testing.T) {
	srv := newServer(t)
	for _, tt := range []struct{ method, resource, body, field string }{
		{http.MethodPut, "models", `{}`, "ProjectVersionArn"},
		{http.MethodPut, "models", `{"ProjectVersionArn":"a","Labels":[{"Name":"x"}],"HashLabels":["y"]}`, "HashLabels"},
		{http.MethodPut, "models", `{"ProjectVersionArn":"a","AssumedThreshold":101}`, "AssumedThreshold"},
		{http.MethodPut, "models", `{"ProjectVersionArn":"a","MaxInFlightPerInferenceUnit":-1}`, "MaxInFlightPerInferenceUnit"},
		{http.MethodPut, "models", `{"ProjectVersionArn":"a","Detect":true}`, "Detect"},
		{http.MethodPut, "models", `{"ProjectVersionArn":"a","Labels":[{"Nom":"x"}]}`, "Nom"},
		{http.MethodDelete, "models", `{}`, "ProjectVersionArns"},
		{http.MethodPost, "s3objects", `{"Name":"k"}`, "Bucket"},
		{http.MethodPost, "s3objects", `{"Bucket":"b"}`, "Name"},
		{http.MethodPost, "s3objects", `{"Bucket":"b","Name":"k","Bytes":"!!"}`, "base64"},
		{http.MethodPost, "s3objects", `{"Bucket":"b","Name":"k","Size":3}`, "Size"},
	} {
		status, out := ctl(t, srv, tt.method, tt.resource, tt.body)
		assert.Equal(t, http.StatusBadRequest, status, "%s %s %s = %v", tt.method, tt.resource, tt.body, out)
		// The member at fault is named in Field, or in Error for a nested one.
		field, _ := out["Field"].(string)
		msg, _ := out["Error"].(string)
		assert.Contains(t, field+" "+msg, tt.field, "%s %s %s = %v", tt.method, tt.resource, tt.body, out)
	}
}
