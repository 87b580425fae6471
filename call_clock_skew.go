package customlabels

import (
	"errors"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go"
)

// Clock-skew correction. Each response's Date header (unless an Age
// header says a cache answered) measures the server's clock against the
// local one; later attempts and calls sign with the server's time, unless
// Options.DisableClockSkewCorrection is set. An authentication error from
// an attempt signed with a time off by more than skewThreshold is retried
// (clockSkewError), with the corrected time.

// dateCache remembers the last Date header parsed, for the clock-skew
// measurement of every response: the header changes once a second, so
// most responses repeat it, and comparing 29 bytes costs far less than
// parsing them again (about 1 µs, a twentieth of an error response's
// cost on the client).
type dateCache struct {
	last atomic.Pointer[parsedDate]
}

type parsedDate struct {
	text string
	t    time.Time
}

// parse returns the time of a Date header value, as http.ParseTime does.
func (c *dateCache) parse(text string) (time.Time, bool) {
	if p := c.last.Load(); p != nil && p.text == text {
		return p.t, true
	}
	t, err := http.ParseTime(text)
	if err != nil {
		return time.Time{}, false
	}
	c.last.Store(&parsedDate{text: text, t: t})
	return t, true
}

// serverSkew returns the server's clock minus the local one, measured by
// the Date header of resp, when it has one that no cache served.
func (c *Client) serverSkew(resp *http.Response) (time.Duration, bool) {
	if date := resp.Header.Get("Date"); date != "" && resp.Header.Get("Age") == "" {
		if serverTime, ok := c.dates.parse(date); ok {
			return time.Until(serverTime), true
		}
	}
	return 0, false
}

// skewThreshold is how far the clocks must disagree for an authentication
// error to be blamed on skew, as in the AWS SDKs.
const skewThreshold = 4 * time.Minute

// isClockSkewError reports whether err is an authentication error that a
// signing time off by change explains.
func isClockSkewError(err error, change time.Duration) bool {
	if change <= skewThreshold {
		return false
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.ErrorCode() {
	case "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
		"RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "AccessDeniedException":
		return true
	}
	return false
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
