package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// How start --wait, stop --wait and wait wait: which delays they poll at,
// and the waits themselves.

// pollPolicy is how a wait polls DescribeProjectVersions: first is the
// delay before the second poll; later delays double up to max (the
// library's waiters draw each at random between first and that).
type pollPolicy struct{ first, max time.Duration }

// pollDefaults are the polls against AWS, by awaited state: the official
// waiters' delays for running (30 s) and trained (2 minutes), capped at
// 2 minutes as the library caps them; a stop takes about a minute, so
// 10 s doubling up to 40 s. --poll-interval D sets D up to 4×D.
var pollDefaults = map[string]pollPolicy{
	"running": {30 * time.Second, 2 * time.Minute},
	"trained": {2 * time.Minute, 2 * time.Minute},
	"stopped": {10 * time.Second, 40 * time.Second},
}

// localPoll is the poll against --demo or an --endpoint-url on this
// machine: a fake, whose models start and stop in seconds; at AWS's
// delays, an 8-second start would be seen after 30.
var localPoll = pollPolicy{500 * time.Millisecond, 2 * time.Second}

// pollIntervalHelp is the usage of --poll-interval for a subcommand that
// waits for states, made from the policies it uses.
func pollIntervalHelp(states ...string) string {
	var defaults []string
	for _, st := range states {
		p := pollDefaults[st]
		defaults = append(defaults, fmt.Sprintf("%s up to %s for %s", shortDuration(p.first), shortDuration(p.max), st))
	}
	return fmt.Sprintf("wait this long before the second poll, doubling up to 4 times as long (default %s; %s up to %s with --demo or a loopback --endpoint-url)",
		strings.Join(defaults, ", "), shortDuration(localPoll.first), shortDuration(localPoll.max))
}

// shortDuration formats d without trailing zero units: "2m", not "2m0s".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// poll returns how a wait for state polls: as --poll-interval says,
// else localPoll against a fake on this machine, else pollDefaults.
func (s *lifecycleSettings) poll(state string) pollPolicy {
	switch {
	case s.pollInterval > 0:
		return pollPolicy{s.pollInterval, 4 * s.pollInterval}
	case s.common.demo || s.common.loopbackEndpoint():
		return localPoll
	}
	return pollDefaults[state]
}

// loopbackEndpoint reports whether the run's one Region is called at an
// endpoint on this machine (--endpoint-url, AWS_ENDPOINT_URL, or the
// profile's endpoint_url): its host is localhost or a loopback address.
// connect must have run.
func (c *commonFlags) loopbackEndpoint() bool {
	u, ok := c.endpoints[""]
	if len(c.regions) == 1 {
		if ur, found := c.endpoints[c.regions[0]]; found {
			u, ok = ur, true
		}
	}
	if !ok {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	host := p.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// waitFor waits until the model of s is in state, "running", "trained"
// or "stopped", showing progress, and returns it as last described.
func waitFor(ctx context.Context, e *env, client *customlabels.Client, s *lifecycleSettings, state string) (*customlabels.ProjectVersionDescription, error) {
	prog := newProgress(e)
	defer prog.done()
	params, err := s.model.describeInput(ctx, client)
	if err != nil {
		return nil, err
	}
	p := s.poll(state)
	var out *customlabels.DescribeProjectVersionsOutput
	switch state {
	case "running":
		out, err = customlabels.NewProjectVersionRunningWaiter(client, s.waiterOptions(e, prog, state, p)).WaitForOutput(ctx, params, s.maxWait)
	case "trained":
		out, err = customlabels.NewProjectVersionTrainingCompletedWaiter(client, s.waiterOptions(e, prog, state, p)).WaitForOutput(ctx, params, s.maxWait)
	case "stopped":
		return waitStopped(ctx, e, client, s, params, p, prog)
	default:
		return nil, fmt.Errorf("no wait for state %q", state)
	}
	if err != nil {
		return nil, err
	}
	if len(out.ProjectVersionDescriptions) == 0 {
		return nil, errors.New("the waiter returned no version")
	}
	return &out.ProjectVersionDescriptions[0], nil
}

// waiterOptions sets a library waiter's delays to p and reports its polls
// as progress (and to e.onPoll).
func (s *lifecycleSettings) waiterOptions(e *env, prog *progress, state string, p pollPolicy) func(*customlabels.WaiterOptions) {
	return func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = p.first, p.max
		o.OnPoll = func(p customlabels.WaiterPoll) {
			status := "?"
			if p.Err != nil {
				status = "poll failed: " + describeError(p.Err)
			} else if len(p.Versions) > 0 {
				status = string(p.Versions[0].Status)
			}
			prog.show("waiting for %s to be %s: %s (poll %d)", versionName(s.arn), state, status, p.Attempt)
			if e.onPoll != nil {
				e.onPoll(state, p.Attempt, p.NextDelay)
			}
		}
	}
}

// waitStopped polls until the model is STOPPED. The library has no
// stopped waiter (the service model defines none); this one polls as the
// others do, at p's delays, and fails at once on any state but STOPPING.
func waitStopped(ctx context.Context, e *env, client *customlabels.Client, s *lifecycleSettings, params *customlabels.DescribeProjectVersionsInput, p pollPolicy, prog *progress) (*customlabels.ProjectVersionDescription, error) {
	delay := p.first
	ctx, cancel := context.WithTimeoutCause(ctx, s.maxWait, errStopWaitTimeout)
	defer cancel()
	for attempt := 1; ; attempt++ {
		out, err := client.DescribeProjectVersions(ctx, params)
		if context.Cause(ctx) == errStopWaitTimeout {
			return nil, fmt.Errorf("%w: waited %v for %s to stop", customlabels.ErrWaitTimeout, s.maxWait, versionName(s.arn))
		}
		if err != nil {
			return nil, err
		}
		if len(out.ProjectVersionDescriptions) == 0 {
			return nil, fmt.Errorf("model %s not found", versionName(s.arn))
		}
		v := &out.ProjectVersionDescriptions[0]
		prog.show("waiting for %s to be stopped: %s (poll %d)", versionName(s.arn), v.Status, attempt)
		switch v.Status {
		case customlabels.ProjectVersionStatusStopped:
			return v, nil
		case customlabels.ProjectVersionStatusStopping:
		default:
			return nil, fmt.Errorf("model %s is %s, not stopping (%s)", versionName(s.arn), v.Status, v.StatusMessage)
		}
		if e.onPoll != nil {
			e.onPoll("stopped", attempt, delay)
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			if context.Cause(ctx) == errStopWaitTimeout {
				return nil, fmt.Errorf("%w: waited %v for %s to stop, last seen %s", customlabels.ErrWaitTimeout, s.maxWait, versionName(s.arn), v.Status)
			}
			return nil, ctx.Err()
		}
		delay = min(2*delay, p.max)
	}
}

var errStopWaitTimeout = errors.New("stop wait timed out")
