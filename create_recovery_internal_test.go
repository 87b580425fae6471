package customlabels

import (
	"errors"
	"io"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMayHaveApplied(t *testing.T) {
	tests := []struct {
		name string
		res  attemptResult
		want bool
	}{
		{"credentials failed", attemptResult{err: errors.New("no creds"), credentialsFailed: true}, false},
		{"dial refused", attemptResult{err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}, false},
		{"no such host", attemptResult{err: &net.DNSError{Err: "no such host", Name: "x"}}, false},
		{"connection closed unanswered", attemptResult{err: &connectionClosedError{io.EOF}}, true},
		{"reset while reading", attemptResult{err: &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}}, true},
		{"attempt timed out", attemptResult{err: &AttemptTimeoutError{}}, true},
		{"2xx body unreadable", attemptResult{status: 200, err: io.ErrUnexpectedEOF}, true},
		{"4xx refusal", attemptResult{status: 400, err: &ResourceInUseException{}}, false},
		{"throttled with 500", attemptResult{status: 500, err: &ThrottlingException{}}, false},
		{"throughput exceeded", attemptResult{status: 503, err: &ProvisionedThroughputExceededException{}}, false},
		{"internal error", attemptResult{status: 500, err: &InternalServerError{}}, true},
		{"proxy 502", attemptResult{status: 502, err: errors.New("bad gateway")}, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, mayHaveApplied(&tt.res), tt.name)
	}
}
