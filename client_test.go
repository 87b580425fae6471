package customlabels

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSigning(t *testing.T) {
	tests := []struct {
		name       string
		creds      aws.CredentialsProvider
		region     string
		wantScope  string
		wantToken  bool
		wantSigned string
	}{
		{"session credentials", credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, testToken), "us-east-1",
			"/us-east-1/rekognition/aws4_request", true,
			"amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target"},
		{"long-term credentials", credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, ""), "eu-west-1",
			"/eu-west-1/rekognition/aws4_request", false,
			"amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-target"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, nil)
			c := New(Options{Region: tt.region, BaseEndpoint: ts.URL, Credentials: tt.creds})
			_, err := c.DescribeProjects(context.Background(), &DescribeProjectsInput{MaxResults: 7})
			require.NoError(t, err)
			r := ts.Requests()[0]
			assert.True(t, r.SignatureOK, "signature does not verify")
			auth := r.Header.Get("Authorization")
			assert.True(t, strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential="+testAccessKey+"/"), auth)
			assert.Contains(t, auth, tt.wantScope)
			assert.Contains(t, auth, "SignedHeaders="+tt.wantSigned+",")
			assert.Equal(t, tt.wantToken, r.Header.Get("X-Amz-Security-Token") == testToken)
			assert.Empty(t, r.Header.Get("X-Amz-Content-Sha256"), "the SDK sends no payload hash header for this operation")
		})
	}
}

func TestSignatureCoversBody(t *testing.T) {
	// A request whose body is changed after signing no longer verifies:
	// the check in the test server is real.
	ts := newTestServer(t, nil)
	tamper := &tamperingClient{inner: http.DefaultTransport}
	c := testClient(ts, func(o *Options) { o.HTTPClient = &http.Client{Transport: tamper} })
	_, err := c.DescribeProjects(context.Background(), &DescribeProjectsInput{MaxResults: 5})
	require.NoError(t, err)
	assert.False(t, ts.Requests()[0].SignatureOK)
}

type tamperingClient struct{ inner http.RoundTripper }

func (tc *tamperingClient) RoundTrip(r *http.Request) (*http.Response, error) {
	body, _ := io.ReadAll(r.Body)
	body = bytes.Replace(body, []byte("5"), []byte("6"), 1)
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	return tc.inner.RoundTrip(r2)
}

func TestCredentialsErrors(t *testing.T) {
	tests := []struct {
		name  string
		creds aws.CredentialsProvider
		want  string
	}{
		{"provider fails", aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{}, errors.New("no EC2 instance role found")
		}), "get credentials: failed to refresh cached credentials, no EC2 instance role found"},
		{"no keys", aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{Source: "empty"}, nil
		}), "credentials have no access key ID or secret access key"},
		{"nil provider", nil, "no credentials provider"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, nil)
			c := New(Options{Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: tt.creds})
			_, err := c.DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), "operation error Rekognition: DescribeProjects")
			assert.Zero(t, ts.count.Load(), "nothing may be sent without credentials")
		})
	}
}

func TestCredentialsCachedAndRefreshed(t *testing.T) {
	ts := newTestServer(t, nil)
	var calls atomic.Int64
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		calls.Add(1)
		return aws.Credentials{AccessKeyID: testAccessKey, SecretAccessKey: testSecretKey}, nil
	})
	c := New(Options{Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: provider})
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.DescribeProjects(context.Background(), nil)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, calls.Load(), "credentials that never expire are retrieved once")
	assert.EqualValues(t, 16, ts.count.Load())
}

func TestExpiringCredentialsRefreshedBeforeUse(t *testing.T) {
	ts := newTestServer(t, nil)
	var calls atomic.Int64
	lifetime := 30 * time.Second // inside the refresh window
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		n := calls.Add(1)
		return aws.Credentials{AccessKeyID: testAccessKey + itoa(int(n)), SecretAccessKey: testSecretKey,
			CanExpire: true, Expires: time.Now().Add(lifetime)}, nil
	})
	c := New(Options{Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: provider})
	for i := 0; i < 3; i++ {
		_, err := c.DescribeProjects(context.Background(), nil)
		require.NoError(t, err)
	}
	assert.EqualValues(t, 3, calls.Load(), "credentials about to expire are refreshed before each use")
	reqs := ts.Requests()
	assert.Contains(t, reqs[2].Header.Get("Authorization"), "Credential="+testAccessKey+"3/")

	lifetime = time.Hour
	calls.Store(0)
	c = New(Options{Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: provider})
	for i := 0; i < 3; i++ {
		_, err := c.DescribeProjects(context.Background(), nil)
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, calls.Load(), "fresh credentials are reused")
}

func TestPerCallOptionsKeepCredentialCache(t *testing.T) {
	ts := newTestServer(t, nil)
	var calls atomic.Int64
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		calls.Add(1)
		return aws.Credentials{AccessKeyID: testAccessKey, SecretAccessKey: testSecretKey}, nil
	})
	c := New(Options{Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: provider})
	for i := 0; i < 5; i++ {
		_, err := c.DescribeProjects(context.Background(), nil, func(o *Options) { o.RetryMaxAttempts = 1 })
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, calls.Load(), "per-call options that leave Credentials alone share the client's cache")
	assert.IsType(t, &aws.CredentialsCache{}, c.Options().Credentials)
}

// dialTo returns an HTTP client that sends every request, whatever its
// host, to addr over TLS, so that real endpoint URLs can be exercised
// against a local server.
func dialTo(addr string) *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, //nolint:gosec // test server
	}}
}

func TestEndpoints(t *testing.T) {
	tests := []struct {
		name      string
		opts      Options
		wantHost  string
		wantScope string
	}{
		{"aws", Options{Region: "us-west-2"}, "rekognition.us-west-2.amazonaws.com", "us-west-2"},
		{"fips", Options{Region: "us-east-1", UseFIPSEndpoint: true}, "rekognition-fips.us-east-1.amazonaws.com", "us-east-1"},
		{"dual-stack", Options{Region: "eu-west-1", UseDualStackEndpoint: true}, "rekognition.eu-west-1.api.aws", "eu-west-1"},
		{"fips dual-stack", Options{Region: "us-east-2", UseFIPSEndpoint: true, UseDualStackEndpoint: true}, "rekognition-fips.us-east-2.api.aws", "us-east-2"},
		{"pseudo-FIPS suffix signs for the real region", Options{Region: "us-east-1-fips"}, "rekognition-fips.us-east-1.amazonaws.com", "us-east-1"},
		{"pseudo-FIPS prefix", Options{Region: "fips-us-gov-west-1"}, "rekognition-fips.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
		{"china", Options{Region: "cn-north-1"}, "rekognition.cn-north-1.amazonaws.com.cn", "cn-north-1"},
		{"gov cloud", Options{Region: "us-gov-west-1"}, "rekognition.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
		{"iso", Options{Region: "us-iso-east-1"}, "rekognition.us-iso-east-1.c2s.ic.gov", "us-iso-east-1"},
		{"iso-b", Options{Region: "us-isob-east-1"}, "rekognition.us-isob-east-1.sc2s.sgov.gov", "us-isob-east-1"},
		{"iso-e", Options{Region: "eu-isoe-west-1"}, "rekognition.eu-isoe-west-1.cloud.adc-e.uk", "eu-isoe-west-1"},
		{"iso-f", Options{Region: "us-isof-south-1"}, "rekognition.us-isof-south-1.csp.hci.ic.gov", "us-isof-south-1"},
		{"eusc", Options{Region: "eusc-de-east-1"}, "rekognition.eusc-de-east-1.amazonaws.eu", "eusc-de-east-1"},
		{"unknown region falls back to aws", Options{Region: "mars-1"}, "rekognition.mars-1.amazonaws.com", "mars-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got recorded
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				got = recorded{Host: r.Host, Header: r.Header.Clone(), SignatureOK: verifySignature(r, body, testSecretKey)}
				writeJSON(w, 200, `{}`)
			}))
			defer srv.Close()
			o := tt.opts
			o.Credentials = credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, "")
			o.HTTPClient = dialTo(srv.Listener.Addr().String())
			_, err := New(o).DescribeProjects(context.Background(), nil)
			require.NoError(t, err)
			assert.Equal(t, tt.wantHost, got.Host)
			assert.Contains(t, got.Header.Get("Authorization"), "/"+tt.wantScope+"/rekognition/aws4_request")
			assert.True(t, got.SignatureOK)
		})
	}
}

func TestEndpointErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"missing region", Options{}, "missing region"},
		{"region with dots", Options{Region: "us-east-1.evil.com"}, `invalid region "us-east-1.evil.com"`},
		{"region with slash", Options{Region: "us-east-1/x"}, "invalid region"},
		{"upper-case region", Options{Region: "US-EAST-1"}, "invalid region"},
		{"all-digit region", Options{Region: "123"}, "must not be all digits"},
		{"base endpoint with FIPS", Options{Region: "us-east-1", UseFIPSEndpoint: true, BaseEndpoint: "http://127.0.0.1:1"}, "FIPS and a custom BaseEndpoint"},
		{"base endpoint with dual-stack", Options{Region: "us-east-1", UseDualStackEndpoint: true, BaseEndpoint: "http://127.0.0.1:1"}, "dual-stack and a custom BaseEndpoint"},
		{"bad base endpoint", Options{Region: "us-east-1", BaseEndpoint: "localhost:8080"}, "invalid BaseEndpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent atomic.Int64
			o := tt.opts
			o.Credentials = credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, "")
			o.HTTPClient = doerFunc(func(*http.Request) (*http.Response, error) {
				sent.Add(1)
				return nil, errors.New("must not be called")
			})
			_, err := New(o).DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Zero(t, sent.Load(), "no request may be sent")
		})
	}
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func TestBaseEndpointPath(t *testing.T) {
	ts := newTestServer(t, nil)
	c := testClient(ts, func(o *Options) { o.BaseEndpoint = ts.URL + "/proxy/rekognition" })
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	r := ts.Requests()[0]
	assert.Equal(t, "/proxy/rekognition/", r.Path)
	assert.True(t, r.SignatureOK)
}

func TestRedirectsNeverFollowed(t *testing.T) {
	clients := map[string]func() HTTPClient{
		"default client":      func() HTTPClient { return nil },
		"user *http.Client":   func() HTTPClient { return &http.Client{} },
		"aws BuildableClient": func() HTTPClient { return awshttp.NewBuildableClient() },
		"user Doer wrapping a following client": func() HTTPClient {
			hc := &http.Client{}
			return doerFunc(func(r *http.Request) (*http.Response, error) { return hc.Do(r) })
		},
	}
	for _, status := range []int{301, 302, 303, 307, 308} {
		for name, mk := range clients {
			t.Run(itoa(status)+"/"+name, func(t *testing.T) {
				var elsewhere atomic.Int64
				other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					elsewhere.Add(1)
					writeJSON(w, 200, `{}`)
				}))
				defer other.Close()
				ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
					http.Redirect(w, r, other.URL+"/", status)
				})
				c := testClient(ts, func(o *Options) { o.HTTPClient = mk() })
				_, err := c.DescribeProjects(context.Background(), nil)
				require.Error(t, err)
				assert.Zero(t, elsewhere.Load(), "the other host must receive nothing")
				assert.Contains(t, err.Error(), "redirect")
				assert.EqualValues(t, 1, ts.count.Load(), "a redirect is not retried")
				assert.NotContains(t, err.Error(), testToken)
			})
		}
	}
}

// closeCounter counts response bodies opened and closed.
type closeCounter struct {
	inner          http.RoundTripper
	opened, closed atomic.Int64
}

type countedBody struct {
	io.ReadCloser
	c    *closeCounter
	once sync.Once
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.c.closed.Add(1) })
	return b.ReadCloser.Close()
}

func (cc *closeCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := cc.inner.RoundTrip(r)
	if err == nil {
		cc.opened.Add(1)
		resp.Body = &countedBody{ReadCloser: resp.Body, c: cc}
	}
	return resp, err
}

func TestEveryResponseBodyClosed(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch n % 4 {
		case 0:
			writeJSON(w, 200, `{"ProjectDescriptions":[]}`)
		case 1:
			writeError(w, 500, "ThrottlingException", "slow")
		case 2:
			writeJSON(w, 200, `not json`)
		default:
			writeError(w, 400, "AccessDeniedException", "no")
		}
	})
	cc := &closeCounter{inner: &http.Transport{}}
	c := testClient(ts, func(o *Options) { o.HTTPClient = &http.Client{Transport: cc} })
	for i := 0; i < 20; i++ {
		_, _ = c.DescribeProjects(context.Background(), nil)
	}
	assert.Positive(t, cc.opened.Load())
	assert.Equal(t, cc.opened.Load(), cc.closed.Load(), "every response body must be closed")
}

func TestConcurrentUse(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		// Throttle the first attempt of some calls: each call succeeds
		// on its retry.
		if n%5 == 0 && strings.HasPrefix(r.Header.Get("Amz-Sdk-Request"), "attempt=1;") {
			writeError(w, 500, "ThrottlingException", "slow")
			return
		}
		writeJSON(w, 200, `{"ProjectDescriptions":[{"ProjectArn":"a","CreationTimestamp":1.5E9}],"NextToken":"n"}`)
	})
	c := testClient(ts)
	var wg sync.WaitGroup
	var failures atomic.Int64
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				out, err := c.DescribeProjects(context.Background(), &DescribeProjectsInput{MaxResults: 10})
				if err != nil || len(out.ProjectDescriptions) != 1 || out.NextToken != "n" {
					failures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	assert.Zero(t, failures.Load())
	for _, r := range ts.Requests() {
		if !r.SignatureOK {
			t.Fatal("a concurrent request was not signed correctly")
		}
	}
}

func TestLoggerOneRecordPerAttemptWithoutSecrets(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeError(w, 500, "ThrottlingException", "slow down")
			return
		}
		writeJSON(w, 200, `{}`)
	})
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := testClient(ts, func(o *Options) { o.Logger = logger })
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2, buf.String())
	assert.Contains(t, lines[0], `"attempt":1`)
	assert.Contains(t, lines[0], `"status":500`)
	assert.Contains(t, lines[0], `"request_id":"req-1"`)
	assert.Contains(t, lines[0], `"error_code":"ThrottlingException"`)
	assert.Contains(t, lines[1], `"attempt":2`)
	assert.Contains(t, lines[1], `"status":200`)
	for _, secret := range []string{testSecretKey, testToken, "Signature=", "Authorization"} {
		assert.NotContains(t, buf.String(), secret)
	}
}

func TestPerCallOptions(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 500, "InternalServerError", "boom")
	})
	c := testClient(ts)
	_, err := c.DescribeProjects(context.Background(), nil, func(o *Options) { o.RetryMaxAttempts = 1 })
	require.Error(t, err)
	assert.EqualValues(t, 1, ts.count.Load(), "RetryMaxAttempts: 1 disables retries for the call")
	_, err = c.DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.EqualValues(t, 4, ts.count.Load(), "the client's own options are unchanged")
	assert.Zero(t, c.Options().RetryMaxAttempts)

	// Per-call region: signs for the new region.
	ok := newTestServer(t, nil)
	c2 := testClient(ok)
	_, err = c2.DescribeProjects(context.Background(), nil, func(o *Options) { o.Region = "eu-central-1" })
	require.NoError(t, err)
	assert.Contains(t, ok.Requests()[0].Header.Get("Authorization"), "/eu-central-1/rekognition/")
	_, err = c2.DescribeProjects(context.Background(), nil, func(o *Options) { o.Region = "bad.region" })
	assert.ErrorContains(t, err, "invalid region")
}

// fakeConfigSource answers the lookups config.LoadDefaultConfig's sources do.
type fakeConfigSource struct{}

func (fakeConfigSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	return aws.FIPSEndpointStateEnabled, true, nil
}

func (fakeConfigSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	return aws.DualStackEndpointStateEnabled, true, nil
}

type fakeEndpointSource struct{ url string }

func (s fakeEndpointSource) GetServiceBaseEndpoint(_ context.Context, sdkID string) (string, bool, error) {
	if sdkID != "Rekognition" {
		return "", false, nil
	}
	return s.url, true, nil
}

func TestNewFromConfig(t *testing.T) {
	ts := newTestServer(t, nil)
	hc := &http.Client{}
	cfg := aws.Config{
		Region:           "ap-southeast-2",
		Credentials:      credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, ""),
		HTTPClient:       hc,
		RetryMaxAttempts: 5,
		RetryMode:        aws.RetryModeAdaptive,
		BaseEndpoint:     aws.String(ts.URL),
	}
	c := NewFromConfig(cfg)
	o := c.Options()
	assert.Equal(t, "ap-southeast-2", o.Region)
	assert.Equal(t, ts.URL, o.BaseEndpoint)
	assert.Equal(t, 5, o.RetryMaxAttempts)
	assert.Equal(t, aws.RetryModeAdaptive, o.RetryMode)
	assert.Same(t, hc, o.HTTPClient)
	_, err := c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Contains(t, ts.Requests()[0].Header.Get("Authorization"), "/ap-southeast-2/rekognition/")
	assert.Equal(t, "attempt=1; max=5", ts.Requests()[0].Header.Get("Amz-Sdk-Request"))

	// FIPS and dual-stack from the config sources.
	c = NewFromConfig(aws.Config{Region: "us-east-1", ConfigSources: []interface{}{fakeConfigSource{}}})
	assert.True(t, c.Options().UseFIPSEndpoint)
	assert.True(t, c.Options().UseDualStackEndpoint)

	// AWS_ENDPOINT_URL_REKOGNITION, as the config sources report it.
	c = NewFromConfig(aws.Config{Region: "us-east-1", ConfigSources: []interface{}{fakeEndpointSource{"http://127.0.0.1:9"}}})
	assert.Equal(t, "http://127.0.0.1:9", c.Options().BaseEndpoint)

	// A Retryer from the config is used.
	c = NewFromConfig(aws.Config{Region: "us-east-1", Retryer: func() aws.Retryer { return aws.NopRetryer{} }})
	assert.IsType(t, aws.NopRetryer{}, c.Options().Retryer)

	// optFns apply last.
	c = NewFromConfig(cfg, func(o *Options) { o.Region = "eu-west-1" })
	assert.Equal(t, "eu-west-1", c.Options().Region)
}

func TestInvalidRetrySettings(t *testing.T) {
	ts := newTestServer(t, nil)
	for _, fn := range []func(*Options){
		func(o *Options) { o.Retryer = nil; o.RetryMode = "sometimes" },
		func(o *Options) { o.Retryer = nil; o.RetryMaxAttempts = -1 },
	} {
		_, err := testClient(ts, fn).DescribeProjects(context.Background(), nil)
		assert.Error(t, err)
	}
	assert.Zero(t, ts.count.Load())
}
