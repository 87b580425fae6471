package customlabels

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
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
