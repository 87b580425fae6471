package customlabels_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// redirectStatuses are every redirect a server can answer a POST with.
var redirectStatuses = []int{301, 302, 303, 307, 308}

// TestHardeningRedirectNotFollowed answers the signed request with a
// redirect to another fake server that holds the same credentials and
// would answer it. Whatever the HTTPClient, the redirect is not followed,
// the other server reads not one byte, the redirect is not retried, and
// the error says what happened without a secret.
func TestHardeningRedirectNotFollowed(t *testing.T) {
	clients := []struct {
		name string
		make func(t *testing.T, w *secretWatch, srv *customlabelstest.Server) customlabels.HTTPClient
	}{
		{"default client", func(*testing.T, *secretWatch, *customlabelstest.Server) customlabels.HTTPClient { return nil }},
		{"user *http.Client", func(t *testing.T, w *secretWatch, srv *customlabelstest.Server) customlabels.HTTPClient {
			return w.httpClient(srv)
		}},
		{"aws BuildableClient", func(*testing.T, *secretWatch, *customlabelstest.Server) customlabels.HTTPClient {
			return awshttp.NewBuildableClient()
		}},
		{"opaque Doer over a client that follows redirects", func(t *testing.T, w *secretWatch, srv *customlabelstest.Server) customlabels.HTTPClient {
			return doer(w.httpClient(srv).Do)
		}},
	}
	for _, status := range redirectStatuses {
		for _, hc := range clients {
			t.Run(strconv.Itoa(status)+"/"+hc.name, func(t *testing.T) {
				other, otherConns := newFake(t, customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
				srv, _ := newFake(t)
				srv.InjectFaults(3, customlabelstest.Redirect(status, other.URL+"/"))
				w := newSecretWatch()
				c := srv.Client(w.options(srv), func(o *customlabels.Options) {
					o.HTTPClient = hc.make(t, w, srv)
					o.Retryer = zeroBackoff(3)
				})

				out, err := c.DescribeProjects(context.Background(), nil)
				require.Error(t, err, "DescribeProjects after a %d redirect", status)
				assert.Nil(t, out)
				assert.Contains(t, err.Error(), "redirect")
				assert.Len(t, srv.Requests(), 1, "a redirect is not retried")
				assert.Empty(t, other.Requests(), "the other host answered a request")
				assert.Zero(t, otherConns.bytesRead.Load(), "the other host received bytes")
				if hc.name != "opaque Doer over a client that follows redirects" {
					var re *awshttp.ResponseError
					require.ErrorAs(t, err, &re)
					assert.Equal(t, status, re.HTTPStatusCode())
				}
				w.check(t, err)
			})
		}
	}
}

// TestHardeningRedirectNotFollowedThroughProxy puts the endpoint behind an
// HTTP proxy, as HTTP_PROXY does in many companies, and plugs in an
// opaque HTTPClient that follows redirects. Every round trip then goes to
// the proxy's address, so only the Host written shows that a redirect is
// being followed. The proxy must not receive the redirected request:
// before the fix, 301, 302 and 303 were followed as a GET carrying
// X-Amz-Security-Token to the other host.
func TestHardeningRedirectNotFollowedThroughProxy(t *testing.T) {
	for _, status := range redirectStatuses {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			var origin, elsewhere atomic.Int64
			proxy := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Host == "rekognition.origin.invalid" {
					origin.Add(1)
					http.Redirect(w, r, "http://elsewhere.invalid/", status)
					return
				}
				elsewhere.Add(1)
				_, _ = w.Write([]byte(`{"ProjectDescriptions":[]}`))
			}))
			proxyConns := listenCounted(t, true)
			proxy.Listener.Close()
			proxy.Listener = proxyConns
			proxy.Start()
			defer proxy.Close()
			proxyURL, err := url.Parse(proxy.URL)
			require.NoError(t, err)

			w := newSecretWatch()
			tr := &http.Transport{Proxy: http.ProxyURL(proxyURL)}
			defer tr.CloseIdleConnections()
			following := &http.Client{Transport: w.transport(tr)}
			c := customlabels.New(customlabels.Options{
				Region:       "us-east-1",
				BaseEndpoint: "http://rekognition.origin.invalid",
				Credentials:  sessionCredentials(),
				HTTPClient:   doer(following.Do),
				Retryer:      zeroBackoff(3),
				Logger:       w.logger,
			})

			out, err := c.DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Nil(t, out)
			assert.Contains(t, err.Error(), "redirect")
			assert.EqualValues(t, 1, origin.Load(), "a redirect is not retried")
			assert.Zero(t, elsewhere.Load(), "the proxy forwarded a request to the other host")
			assert.False(t, bytes.Contains(proxyConns.received(), []byte("elsewhere.invalid")),
				"the proxy received bytes of a request to the other host; request lines: %q", requestLines(proxyConns.received()))
			assert.False(t, errors.Is(err, context.Canceled), "the caller's context was not cancelled: %v", err)
			w.check(t, err)
		})
	}
}

// requestLines returns the HTTP/1.1 request lines in b, and nothing else of
// it: the headers carry the session token, which test output must not.
func requestLines(b []byte) []string {
	var lines []string
	for _, line := range bytes.Split(b, []byte("\r\n")) {
		if bytes.HasSuffix(line, []byte(" HTTP/1.1")) {
			lines = append(lines, string(line))
		}
	}
	return lines
}
