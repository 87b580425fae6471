package customlabels

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/http/httptrace"
	"sync"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// Timeouts of the default HTTP client. A call's context bounds the whole
// call on top of these.
const (
	defaultDialTimeout           = 10 * time.Second
	defaultTLSHandshakeTimeout   = 10 * time.Second
	defaultResponseHeaderTimeout = 30 * time.Second
	defaultIdleConnTimeout       = 90 * time.Second
	// defaultMaxIdleConnsPerHost keeps enough idle connections for many
	// goroutines sharing one client (net/http's default is 2).
	defaultMaxIdleConnsPerHost = 100
)

// refuseRedirect is a CheckRedirect that never follows a redirect: a
// signed request must not go to another host.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// newDefaultHTTPClient returns the client used when Options.HTTPClient is
// nil: its own transport (never http.DefaultTransport), with timeouts and
// keep-alive pooling, refusing redirects.
func newDefaultHTTPClient() *http.Client {
	dialer := &net.Dialer{Timeout: defaultDialTimeout, KeepAlive: 30 * time.Second}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          defaultMaxIdleConnsPerHost,
			MaxIdleConnsPerHost:   defaultMaxIdleConnsPerHost,
			IdleConnTimeout:       defaultIdleConnTimeout,
			TLSHandshakeTimeout:   defaultTLSHandshakeTimeout,
			ResponseHeaderTimeout: defaultResponseHeaderTimeout,
			ExpectContinueTimeout: time.Second,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		},
		CheckRedirect: refuseRedirect,
	}
}

// withoutRedirects returns h made unable to follow redirects where that is
// possible: nil becomes the default client and an *http.Client is copied
// with refuseRedirect. Any other HTTPClient cannot replay the request body
// to another host (the request has no GetBody), and a response from
// another host is refused after the fact.
func withoutRedirects(h HTTPClient) HTTPClient {
	switch hc := h.(type) {
	case nil:
		return newDefaultHTTPClient()
	case *http.Client:
		if hc == nil {
			return newDefaultHTTPClient()
		}
		cp := *hc
		cp.CheckRedirect = refuseRedirect
		return &cp
	}
	return h
}

// errForeignHost reports that an HTTPClient tried to send the request to
// another host, following a redirect on its own.
var errForeignHost = errors.New("the HTTP client tried to follow a redirect to another host; refused before sending")

// guardedContext returns a context for a request sent through an
// HTTPClient whose redirect policy this package cannot set. If the client
// makes a second round trip to a different address (a redirect it follows
// itself), the context is cancelled and the connection is closed before
// any byte of the request is written, so the other host receives nothing.
// Behind an HTTP proxy every round trip goes to the proxy's address, so
// the Host (":authority" in HTTP/2) written is checked as well: a
// different one closes the connection before the buffered request line
// and headers are flushed. Transport-level retries to the same address
// and host are left alone.
func guardedContext(ctx context.Context) (context.Context, func() bool, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	var (
		mu        sync.Mutex
		first     string
		firstHost string
		conn      net.Conn // the connection of the latest round trip
		foreign   bool
	)
	trip := func() {
		foreign = true
		cancel(errForeignHost)
		if conn != nil {
			_ = conn.Close()
		}
	}
	trace := &httptrace.ClientTrace{
		GetConn: func(addr string) {
			mu.Lock()
			defer mu.Unlock()
			switch {
			case first == "":
				first = addr
			case addr != first:
				trip()
			}
		},
		GotConn: func(info httptrace.GotConnInfo) {
			mu.Lock()
			defer mu.Unlock()
			conn = info.Conn
			if foreign && conn != nil {
				_ = conn.Close()
			}
		},
		WroteHeaderField: func(key string, value []string) {
			if key != "Host" && key != ":authority" || len(value) != 1 {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case firstHost == "":
				firstHost = value[0]
			case value[0] != firstHost:
				trip()
			}
		},
	}
	tripped := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return foreign
	}
	return httptrace.WithClientTrace(ctx, trace), tripped, func() { cancel(nil) }
}

// redirectSafe reports whether h is known not to follow redirects: the
// clients withoutRedirects built, and aws-sdk-go-v2's BuildableClient,
// which follows only 307 and 308, and those need the GetBody we never set.
func redirectSafe(h HTTPClient) bool {
	switch h.(type) {
	case *http.Client, *awshttp.BuildableClient:
		return true
	}
	return false
}
