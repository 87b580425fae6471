package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/rekognition-go/customlabels"
)

// How the workflow's subcommands (create-project, train, copy, delete,
// delete-project, cleanup) wait: the flags they share, the delays they
// poll at, and the progress they show.

// waitFlags are --max-wait and --poll-interval.
type waitFlags struct {
	maxWait      time.Duration
	pollInterval time.Duration
}

// register adds the flags to fs; maxWait is the default of --max-wait,
// first and max the delays against AWS that --poll-interval's help names.
func (w *waitFlags) register(fs *flag.FlagSet, maxWait time.Duration, aws pollPolicy) {
	w.maxWait = maxWait
	fs.DurationVar(&w.maxWait, "max-wait", maxWait, "give up waiting after this long")
	fs.DurationVar(&w.pollInterval, "poll-interval", 0, fmt.Sprintf(
		"wait this long before the second poll, doubling up to 4 times as long (default %s up to %s; %s up to %s with --demo or a loopback --endpoint-url)",
		shortDuration(aws.first), shortDuration(aws.max), shortDuration(localPoll.first), shortDuration(localPoll.max)))
}

// check validates the flags once parsed.
func (w *waitFlags) check(set map[string]bool) error {
	if set["max-wait"] && w.maxWait <= 0 {
		return usagef("invalid --max-wait %v: must be more than 0", w.maxWait)
	}
	if set["poll-interval"] && w.pollInterval <= 0 {
		return usagef("invalid --poll-interval %v: must be more than 0", w.pollInterval)
	}
	return nil
}

// policy returns how to poll: as --poll-interval says, else localPoll
// against a fake on this machine, else aws.
func (w *waitFlags) policy(c *commonFlags, aws pollPolicy) pollPolicy {
	switch {
	case w.pollInterval > 0:
		return pollPolicy{w.pollInterval, 4 * w.pollInterval}
	case c.demo || c.loopbackEndpoint():
		return localPoll
	}
	return aws
}

// waiterOptions sets a library waiter's delays to p and calls onPoll
// after each poll.
func waiterOptions(p pollPolicy, onPoll func(customlabels.WaiterPoll)) func(*customlabels.WaiterOptions) {
	return func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = p.first, p.max
		o.OnPoll = onPoll
	}
}

// elapsed formats the time since start for progress lines: "3m12s".
func elapsed(start time.Time) string {
	return timeSeconds(time.Since(start) / time.Second).String()
}

// The delays against AWS of the workflow's waits. Projects are created
// and deleted in seconds (the library's waiters poll every 5 s); a
// dataset is created from a manifest in minutes (the developer guide's
// examples poll every 5 s); a deletion of a version takes about a minute;
// a copy takes as long as a training, minutes to hours.
var (
	projectPoll  = pollPolicy{5 * time.Second, 20 * time.Second}
	datasetPoll  = pollPolicy{5 * time.Second, 30 * time.Second}
	deletionPoll = pollPolicy{10 * time.Second, 40 * time.Second}
	copyPoll     = pollPolicy{30 * time.Second, 2 * time.Minute}
)
