package customlabelstest_test

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

type listResult struct {
	Name, Prefix, Delimiter, EncodingType, StartAfter string
	Marker, NextMarker                                string
	MaxKeys, KeyCount                                 int
	IsTruncated                                       bool
	ContinuationToken, NextContinuationToken          string
	Contents                                          []struct {
		Key, ETag, StorageClass, LastModified string
		Size                                  int64
		Owner                                 *struct{ ID string }
	}
	CommonPrefixes []struct{ Prefix string }
}

func list(t *testing.T, srv *customlabelstest.Server, query url.Values) (listResult, s3Result) {
	t.Helper()
	res := s3Get(t, srv, "/bucket?"+query.Encode(), nil)
	var out listResult
	if res.status == http.StatusOK {
		require.NoError(t, xml.Unmarshal(res.body, &out), "%s", res.body)
	}
	return out, res
}

func keysOf(r listResult) []string {
	var out []string
	for _, c := range r.Contents {
		out = append(out, c.Key)
	}
	for _, p := range r.CommonPrefixes {
		out = append(out, p.Prefix+"(prefix)")
	}
	return out
}

func listServer(t *testing.T, keys ...string) *customlabelstest.Server {
	srv := newS3Server(t)
	for _, k := range keys {
		srv.PutS3Object("bucket", k, "", []byte(k))
	}
	return srv
}

func TestS3ListObjectsV2(t *testing.T) {
	srv := listServer(t, "a.jpg", "b/1.jpg", "b/2.jpg", "b/c/3.jpg", "d/4.jpg", "e.jpg")
	cases := []struct {
		name  string
		query url.Values
		want  []string
	}{
		{"all", url.Values{}, []string{"a.jpg", "b/1.jpg", "b/2.jpg", "b/c/3.jpg", "d/4.jpg", "e.jpg"}},
		{"prefix", url.Values{"prefix": {"b/"}}, []string{"b/1.jpg", "b/2.jpg", "b/c/3.jpg"}},
		{"delimiter", url.Values{"delimiter": {"/"}}, []string{"a.jpg", "e.jpg", "b/(prefix)", "d/(prefix)"}},
		{"prefix and delimiter", url.Values{"prefix": {"b/"}, "delimiter": {"/"}}, []string{"b/1.jpg", "b/2.jpg", "b/c/(prefix)"}},
		{"start-after", url.Values{"start-after": {"b/2.jpg"}}, []string{"b/c/3.jpg", "d/4.jpg", "e.jpg"}},
		{"start-after before prefix", url.Values{"start-after": {"a"}, "prefix": {"d/"}}, []string{"d/4.jpg"}},
		{"no match", url.Values{"prefix": {"zz"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := url.Values{"list-type": {"2"}}
			for k, v := range tc.query {
				q[k] = v
			}
			out, res := list(t, srv, q)
			require.Equal(t, http.StatusOK, res.status, "%s", res.body)
			assert.Equal(t, tc.want, keysOf(out))
			assert.Equal(t, len(tc.want), out.KeyCount)
			assert.False(t, out.IsTruncated)
			assert.Equal(t, "bucket", out.Name)
			assert.Equal(t, 1000, out.MaxKeys)
		})
	}
	out, _ := list(t, srv, url.Values{"list-type": {"2"}, "prefix": {"a"}, "fetch-owner": {"true"}})
	require.Len(t, out.Contents, 1)
	c := out.Contents[0]
	assert.Equal(t, int64(len("a.jpg")), c.Size)
	assert.Equal(t, quotedMD5([]byte("a.jpg")), c.ETag)
	assert.Equal(t, "STANDARD", c.StorageClass)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$`, c.LastModified)
	require.NotNil(t, c.Owner)
	assert.Len(t, c.Owner.ID, 64)
}

// Pages of max-keys, keys and common prefixes together, continue with
// NextContinuationToken to the end, each item once.
func TestS3ListObjectsV2Pages(t *testing.T) {
	srv := listServer(t, "a", "b/1", "b/2", "b/3", "c", "d/1", "e")
	for _, delimiter := range []string{"", "/"} {
		var got []string
		token := ""
		for pages := 0; ; pages++ {
			require.Less(t, pages, 20)
			q := url.Values{"list-type": {"2"}, "max-keys": {"2"}, "delimiter": {delimiter}}
			if token != "" {
				q.Set("continuation-token", token)
			}
			out, res := list(t, srv, q)
			require.Equal(t, http.StatusOK, res.status, "%s", res.body)
			assert.LessOrEqual(t, out.KeyCount, 2)
			assert.Equal(t, token, out.ContinuationToken)
			got = append(got, keysOf(out)...)
			if !out.IsTruncated {
				assert.Empty(t, out.NextContinuationToken)
				break
			}
			token = out.NextContinuationToken
			require.NotEmpty(t, token)
		}
		if delimiter == "" {
			assert.Equal(t, []string{"a", "b/1", "b/2", "b/3", "c", "d/1", "e"}, got)
		} else {
			assert.Equal(t, []string{"a", "b/(prefix)", "c", "d/(prefix)", "e"}, got)
		}
	}
}

func TestS3ListObjectsV2Encoding(t *testing.T) {
	srv := listServer(t, "a b/ü+1.jpg")
	out, res := list(t, srv, url.Values{"list-type": {"2"}, "encoding-type": {"url"}, "prefix": {"a b"}})
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	assert.Equal(t, "url", out.EncodingType)
	assert.Equal(t, "a%20b", out.Prefix)
	assert.Equal(t, []string{"a%20b/%C3%BC%2B1.jpg"}, keysOf(out))
	out, _ = list(t, srv, url.Values{"list-type": {"2"}})
	assert.Equal(t, []string{"a b/ü+1.jpg"}, keysOf(out), "raw without encoding-type")
}

func TestS3ListObjectsErrors(t *testing.T) {
	srv := listServer(t, "a")
	for _, tc := range []struct {
		query url.Values
		code  string
	}{
		{url.Values{"list-type": {"2"}, "max-keys": {"-1"}}, "InvalidArgument"},
		{url.Values{"list-type": {"2"}, "max-keys": {"ten"}}, "InvalidArgument"},
		{url.Values{"list-type": {"2"}, "continuation-token": {"!!"}}, "InvalidArgument"},
		{url.Values{"list-type": {"2"}, "encoding-type": {"base64"}}, "InvalidArgument"},
	} {
		_, res := list(t, srv, tc.query)
		assert.Equal(t, http.StatusBadRequest, res.status, "%v", tc.query)
		assert.Equal(t, tc.code, s3ErrorOf(t, res).Code, "%v", tc.query)
	}
	out, res := list(t, srv, url.Values{"list-type": {"2"}, "max-keys": {"5000"}})
	require.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, 1000, out.MaxKeys, "max-keys is capped at 1000")
	out, _ = list(t, srv, url.Values{"list-type": {"2"}, "max-keys": {"0"}})
	assert.Empty(t, keysOf(out))
	assert.False(t, out.IsTruncated)
}

func TestS3ListObjectsVersion1(t *testing.T) {
	srv := listServer(t, "a", "b/1", "b/2", "c")
	var got []string
	marker := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 10)
		out, res := list(t, srv, url.Values{"max-keys": {"1"}, "delimiter": {"/"}, "marker": {marker}})
		require.Equal(t, http.StatusOK, res.status, "%s", res.body)
		assert.Equal(t, marker, out.Marker)
		got = append(got, keysOf(out)...)
		if !out.IsTruncated {
			break
		}
		marker = out.NextMarker
	}
	assert.Equal(t, []string{"a", "b/(prefix)", "c"}, got)
}
