package customlabelstest

import (
	"bufio"
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startMoto runs "python3 -m moto.server" on a free loopback port for the
// test and returns its URL. The test fails, never skips, when moto cannot
// run: it is installed on the machines these tests run on.
func startMoto(t *testing.T) string {
	t.Helper()
	if out, err := exec.Command("python3", "-c", "import moto").CombinedOutput(); err != nil {
		t.Fatalf("this test runs moto's S3 server and needs python3 with moto (pip install 'moto[server]'): %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=x", "AWS_SECRET_ACCESS_KEY=x")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start(), "starting moto.server")
	var mu sync.Mutex
	var log strings.Builder
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			log.WriteString(sc.Text() + "\n")
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-done
		_ = cmd.Wait()
	})
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := client.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			return url
		}
		if time.Now().After(deadline) {
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("moto.server did not answer on %s within 60s: %v\n%s", url, err, log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// createRemoteBucket creates a bucket on an S3-compatible server.
func createRemoteBucket(t *testing.T, endpoint, bucket string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, endpoint+"/"+bucket, http.NoBody)
	require.NoError(t, err)
	req.Header.Set("X-Amz-Content-Sha256", emptySHA256)
	creds := aws.Credentials{AccessKeyID: DefaultAccessKeyID, SecretAccessKey: DefaultSecretAccessKey}
	require.NoError(t, v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }).
		SignHTTP(context.Background(), creds, req, emptySHA256, "s3", DefaultRegion, time.Now()))
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusOK, resp.StatusCode, "CreateBucket on %s: %s", endpoint, body)
}

// testRemoteStore runs the objectStore contract against a server in
// remote mode.
func testRemoteStore(t *testing.T, s *Server) {
	ctx := context.Background()
	data := []byte(`{"source-ref":"s3://remote/images/1.jpg"}` + "\n")
	key := "manifests/a b+ü (1).manifest"
	require.NoError(t, s.objects.putObject(ctx, "remote", key, data, "application/x-ndjson"))

	got, info, err := s.objects.getObject(ctx, "remote", key)
	require.NoError(t, err)
	assert.Equal(t, data, got)
	sum := md5.Sum(data)
	assert.Equal(t, `"`+hex.EncodeToString(sum[:])+`"`, info.etag)
	assert.Equal(t, int64(len(data)), info.size)
	assert.Equal(t, "application/x-ndjson", info.contentType)
	assert.WithinDuration(t, time.Now(), info.lastModified, time.Hour)

	head, err := s.objects.headObject(ctx, "remote", key)
	require.NoError(t, err)
	assert.Equal(t, info.size, head.size)

	exported, err := s.S3Object("remote", key)
	require.NoError(t, err)
	assert.Equal(t, data, exported)

	require.NoError(t, s.objects.putObject(ctx, "remote", "empty", nil, ""))
	got, _, err = s.objects.getObject(ctx, "remote", "empty")
	require.NoError(t, err)
	assert.Empty(t, got)

	_, _, err = s.objects.getObject(ctx, "remote", "missing")
	assert.ErrorIs(t, err, ErrNoSuchS3Object)
	assert.Contains(t, err.Error(), "s3://remote/missing")
	_, err = s.objects.headObject(ctx, "remote", "missing")
	assert.ErrorIs(t, err, ErrNoSuchS3Object)
	_, _, err = s.objects.getObject(ctx, "no-such-bucket", "k")
	assert.ErrorIs(t, err, ErrNoSuchS3Object)
	err = s.objects.putObject(ctx, "no-such-bucket", "k", data, "")
	assert.ErrorIs(t, err, ErrNoSuchS3Object, "%v", err)
}

func TestRemoteObjectsAgainstMoto(t *testing.T) {
	endpoint := startMoto(t)
	createRemoteBucket(t, endpoint, "remote")
	s := NewServer(WithS3Endpoint(endpoint))
	defer s.Close()
	testRemoteStore(t, s)

	// The server's own S3 is not served meanwhile: S3 requests are told
	// where to go.
	resp, err := http.Get(s.URL + "/remote/k")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusNotImplemented, resp.StatusCode)
	assert.Contains(t, string(body), endpoint)
}

// Another fake's S3 verifies every signature, which moto does not: the
// remote client signs as S3 requires.
func TestRemoteObjectsAgainstAnotherFake(t *testing.T) {
	remote := NewServer()
	defer remote.Close()
	createRemoteBucket(t, remote.URL, "remote")
	s := NewServer(WithS3Endpoint(remote.URL + "/"))
	defer s.Close()
	testRemoteStore(t, s)
	for _, r := range remote.Requests() {
		assert.Less(t, r.Status, 500, "%s %s", r.Method, r.Path)
		if r.Status >= 400 {
			assert.Contains(t, []string{"NoSuchKey", "NoSuchBucket", ""}, r.ErrorCode, "%s %s: only missing objects fail", r.Method, r.Path)
		}
	}

	// Wrong credentials are a clear error naming the server.
	s2 := NewServer(WithS3Endpoint(remote.URL), WithCredentials(DefaultAccessKeyID, "wrong", ""))
	defer s2.Close()
	_, err := s2.S3Object("remote", "empty")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "403 SignatureDoesNotMatch")
	assert.Contains(t, err.Error(), remote.URL)
	assert.NotContains(t, err.Error(), "wrong")
}

func TestRemoteObjectsBadServers(t *testing.T) {
	html := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html><body>proxy error</body></html>")
	}))
	defer html.Close()
	s := NewServer(WithS3Endpoint(html.URL))
	defer s.Close()
	_, err := s.S3Object("b", "k")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "502 Bad Gateway (not an S3 error document")

	short := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "10")
		io.WriteString(w, "12345")
	}))
	defer short.Close()
	s = NewServer(WithS3Endpoint(short.URL))
	defer s.Close()
	_, err = s.S3Object("b", "k")
	require.Error(t, err, "a truncated object is an error, not a partial one")

	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + l.Addr().String()
	l.Close()
	s = NewServer(WithS3Endpoint(closed))
	defer s.Close()
	_, err = s.S3Object("b", "k")
	require.Error(t, err)
	assert.Contains(t, err.Error(), closed)
}

func TestParseS3Endpoint(t *testing.T) {
	for _, bad := range []string{"", "127.0.0.1:5000", "ftp://h", "http://", "http://h/?a=b", "http://u:p@h"} {
		_, err := ParseS3Endpoint(bad)
		assert.Error(t, err, "%q", bad)
	}
	u, err := ParseS3Endpoint("http://127.0.0.1:5000/prefix/")
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:5000/prefix", u.String())
	assert.PanicsWithValue(t, `customlabelstest: WithS3Endpoint: S3 endpoint "ftp://h": the scheme must be http or https`,
		func() { NewServer(WithS3Endpoint("ftp://h")) })
}
