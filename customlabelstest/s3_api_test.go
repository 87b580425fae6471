package customlabelstest_test

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// An image uploaded with S3 PutObject is what DetectCustomLabels reads
// from Image.S3Object, and an object put with PutS3Object is what S3
// GetObject answers.
func TestS3StoreIsDetectCustomLabelsStore(t *testing.T) {
	f := newDetectFixture(t, customlabelstest.Model{Detect: customlabelstest.HashLabels("cat", "dog")})
	srv := f.srv
	require.Equal(t, http.StatusOK, s3Do(t, srv, s3Req{method: http.MethodPut, target: "/images"}).status)
	img := append(append([]byte(nil), jpegImage...), "uploaded through S3"...)
	require.Equal(t, http.StatusOK, s3Put(t, srv, "/images/cats/1.jpg", img, map[string]string{"Content-Type": "image/jpeg"}).status)

	out, err := f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "images", Name: "cats/1.jpg"}}, MinConfidence: ptr(float32(0))})
	require.NoError(t, err)
	assert.ElementsMatch(t, customlabelstest.HashLabels("cat", "dog")(img), out.CustomLabels, "the labels of the uploaded bytes")

	// Deleted through S3, the image is gone for DetectCustomLabels too.
	require.Equal(t, http.StatusNoContent, s3Do(t, srv, s3Req{method: http.MethodDelete, target: "/images/cats/1.jpg"}).status)
	_, err = f.detect(t, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: f.running.ProjectVersionArn,
		Image: customlabels.Image{S3Object: customlabels.S3Object{Bucket: "images", Name: "cats/1.jpg"}}})
	var e *customlabels.InvalidS3ObjectException
	assert.ErrorAs(t, err, &e)

	srv.PutS3Object("images", "seeded.jpg", "", img)
	res := s3Get(t, srv, "/images/seeded.jpg", nil)
	require.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, img, res.body)
	assert.Equal(t, "binary/octet-stream", res.header.Get("Content-Type"), "S3's type for an object put without one")
}

func TestS3ControlResourceSeesS3Objects(t *testing.T) {
	srv := newS3Server(t)
	require.Equal(t, http.StatusOK, s3Put(t, srv, "/bucket/via-s3", []byte("12345"), nil).status)
	out := ctlOK(t, srv, http.MethodGet, "s3objects", "")
	assert.Equal(t, []any{map[string]any{"Bucket": "bucket", "Name": "via-s3", "Size": float64(5)}}, out["Objects"])

	ctlOK(t, srv, http.MethodPost, "s3objects", `{"Bucket":"bucket","Name":"via-control","Bytes":"`+base64.StdEncoding.EncodeToString([]byte("ctl"))+`"}`)
	assert.Equal(t, "ctl", string(s3Get(t, srv, "/bucket/via-control", nil).body))
}

func TestListS3Objects(t *testing.T) {
	srv := newServer(t)
	srv.PutS3Object("b2", "x/1", "", []byte("1"))
	srv.PutS3Object("b1", "x/2", "v2", []byte("22"))
	srv.PutS3Object("b1", "x/2", "", []byte("333"))
	srv.PutS3Object("b1", "y/3", "", nil)
	all := srv.ListS3Objects("", "")
	var got []string
	for _, o := range all {
		got = append(got, o.Bucket+"/"+o.Key+"@"+o.Version)
	}
	assert.Equal(t, []string{"b1/x/2@", "b1/x/2@v2", "b1/y/3@", "b2/x/1@"}, got)
	assert.Equal(t, int64(3), all[0].Size)
	assert.Equal(t, quotedMD5([]byte("333")), all[0].ETag)
	assert.Equal(t, "binary/octet-stream", all[0].ContentType)
	assert.False(t, all[0].LastModified.IsZero())
	assert.Len(t, srv.ListS3Objects("b1", "x/"), 2)
	assert.Empty(t, srv.ListS3Objects("b3", ""))
}

func TestS3ResetForgetsBuckets(t *testing.T) {
	srv := newServer(t, customlabelstest.WithS3Object("seed", "k", "", []byte("seeded")))
	require.Equal(t, http.StatusOK, s3Do(t, srv, s3Req{method: http.MethodPut, target: "/made-later"}).status)
	require.Equal(t, http.StatusOK, s3Put(t, srv, "/seed/k", []byte("changed"), nil).status)
	srv.Reset()
	assert.Equal(t, "NoSuchBucket", s3ErrorOf(t, s3Get(t, srv, "/made-later?list-type=2", nil)).Code)
	got, err := srv.S3Object("seed", "k")
	require.NoError(t, err)
	assert.Equal(t, "seeded", string(got))
}

func TestS3RequestsRecorded(t *testing.T) {
	srv := newS3Server(t)
	s3Put(t, srv, "/bucket/k", []byte("data"), nil)
	s3Do(t, srv, s3Req{method: http.MethodPut, target: "/bucket/k", sign: signParams{secret: "wrong", keyID: customlabelstest.DefaultAccessKeyID}})
	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	put := reqs[1]
	assert.Equal(t, "PutObject", put.S3Operation)
	assert.Equal(t, "/bucket/k", put.Path)
	assert.Nil(t, put.Body, "object data is in the store, not the log")
	assert.Equal(t, http.StatusOK, put.Status)
	assert.Regexp(t, `^[0-9A-F]{16}$`, put.RequestID)
	assert.Equal(t, customlabelstest.DefaultAccessKeyID, put.AccessKeyID)
	assert.Empty(t, put.Target)
	assert.Equal(t, "SignatureDoesNotMatch", reqs[2].ErrorCode)
	assert.Equal(t, http.StatusForbidden, reqs[2].Status)
	assert.Empty(t, reqs[2].Header.Get("Authorization"))
}

func TestPutS3ObjectPanicsOverTheLimit(t *testing.T) {
	srv := newServer(t)
	msg := panicMessage(func() { srv.PutS3Object("b", "k", "", make([]byte, customlabelstest.MaxS3ObjectBytes+1)) })
	assert.True(t, strings.HasPrefix(msg, `customlabelstest: PutS3Object("b", "k", ""): EntityTooLarge`), msg)
	msg = panicMessage(func() { srv.PutS3Object("", "k", "", nil) })
	assert.Contains(t, msg, `bucket "" and name "k" must not be empty`)
	assert.Empty(t, srv.ListS3Objects("", ""))
}

func panicMessage(f func()) (msg string) {
	defer func() { msg, _ = recover().(string) }()
	f()
	return ""
}
