package customlabels

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/aws/smithy-go"
)

// Creates that survive a lost answer. None of the Custom Labels operations
// has an idempotency token: a CreateProject, CreateDataset,
// CreateProjectVersion, CopyProjectVersion or PutProjectPolicy sent again
// after its first answer was lost can meet what the first attempt made,
// as a conflict error. When an attempt of such a call may have reached the
// service (mayHaveApplied) and a later one meets the operation's conflict
// error, the call looks for the resource it asked for: one that matches
// what the input says and that the service made after the call began. If
// it finds one, the call succeeds as if the first answer had arrived, with
// Recovered set in its output; else the conflict stands.

// recoverer is an input whose operation makes a resource and can find it
// again.
type recoverer interface {
	request
	// conflict reports whether err is the error the operation answers
	// when the resource exists already.
	conflict(err error) bool
	// recoverCreated looks for the resource the input asks for, made by
	// the service at since or later (on the service's clock), and when it
	// finds it fills out as the operation's answer would have, with
	// Recovered set.
	recoverCreated(ctx context.Context, c *Client, since time.Time, out response, optFns []func(*Options)) (bool, error)
}

// recoveryMargin is how much earlier than the call's start (on the
// service's clock, as the client measures it from Date headers, to the
// second) a found resource may have been made and still count as this
// call's.
const recoveryMargin = 2 * time.Second

// serverSince returns start on the service's clock, less recoveryMargin.
func (c *Client) serverSince(start time.Time) time.Time {
	return start.Add(time.Duration(c.skew.Load())).Add(-recoveryMargin)
}

// mayHaveApplied reports whether a failed attempt may have taken effect:
// its request may have reached the service and its answer was lost (a
// connection closed or reset, a timeout), the answer was a success the
// client could not read, or a server error other than throttling.
// Refusals (4xx answers, throttling) and requests that never left (a
// dial or signing error) did not.
func mayHaveApplied(res *attemptResult) bool {
	switch {
	case res.credentialsFailed:
		return false
	case res.status == 0:
		var op *net.OpError
		if errors.As(res.err, &op) && op.Op == "dial" {
			return false
		}
		var dns *net.DNSError
		return !errors.As(res.err, &dns)
	case res.status < 300:
		return true
	case res.status < 500:
		return false
	}
	var ae smithy.APIError
	if errors.As(res.err, &ae) {
		switch ae.ErrorCode() {
		case "ThrottlingException", "ProvisionedThroughputExceededException", "LimitExceededException":
			return false
		}
	}
	return true
}

// isCode reports whether err holds an API error of this code.
func isCode(err error, code string) bool {
	var ae smithy.APIError
	return errors.As(err, &ae) && ae.ErrorCode() == code
}
