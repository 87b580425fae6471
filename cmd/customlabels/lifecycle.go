package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// lifecycleSettings are the flags of start, stop and wait.
type lifecycleSettings struct {
	common       commonFlags
	model        modelRef // the MODEL argument
	arn          string   // the model's ARN, once resolved
	minUnits     int
	maxUnits     int
	wait         bool
	maxWait      time.Duration
	pollInterval time.Duration
}

// start, stop and detect keep the SDK's retry defaults (see listingRetry).
var lifecycleOptions = commonOptions{}

// Bounds of --wait and wait. The developer guide says starting a model
// "might take a few minutes" and training "from 30 minutes to 24 hours";
// the official waiters give up after 20 minutes (running) and 12 hours
// (training). Stopping takes about a minute.
const (
	defaultRunningWait  = 30 * time.Minute
	defaultTrainingWait = 24 * time.Hour
	defaultStoppedWait  = 10 * time.Minute
)

// newLifecycleFlags returns the flag set of a lifecycle subcommand that
// waits for states.
func newLifecycleFlags(name string, s *lifecycleSettings, maxWait time.Duration, states ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	s.common.register(fs, lifecycleOptions)
	s.maxWait = maxWait
	fs.DurationVar(&s.maxWait, "max-wait", maxWait, "give up waiting after this long")
	fs.DurationVar(&s.pollInterval, "poll-interval", 0, pollIntervalHelp(states...))
	return fs
}

// parseLifecycle parses the flags and the one MODEL argument of start,
// stop and wait. The Region of a model's ARN is the ARN's (--region, when
// given, must agree); PROJECT/VERSION is in the Region of --region or the
// configuration.
func parseLifecycle(fs *flag.FlagSet, s *lifecycleSettings, args []string, e *env, synopsis, about string) ([]string, error) {
	positional, err := s.common.parse(fs, lifecycleOptions, args, e, synopsis, about)
	if err != nil {
		return nil, err
	}
	if len(positional) == 0 {
		return nil, usagef("missing MODEL: %s", modelHelp)
	}
	ref, region, err := parseModelRef("MODEL", positional[len(positional)-1])
	if err != nil {
		return nil, err
	}
	s.model = ref
	if region != "" {
		if len(s.common.regions) == 1 && s.common.regions[0] != region {
			return nil, usagef("--region %s, but the model is in %s", s.common.regions[0], region)
		}
		s.common.regions, s.common.regionFrom = []string{region}, "MODEL"
	}
	if s.common.set["max-wait"] && s.maxWait <= 0 {
		return nil, usagef("invalid --max-wait %v: must be more than 0", s.maxWait)
	}
	if s.common.set["poll-interval"] && s.pollInterval <= 0 {
		return nil, usagef("invalid --poll-interval %v: must be more than 0", s.pollInterval)
	}
	return positional[:len(positional)-1], nil
}

const startAbout = `
Starts a model (StartProjectVersion; IAM action
rekognition:StartProjectVersion) with --min-units inference units, scaling
up to --max-units when given. It bills for every inference-unit hour until
stopped. With --wait, waits until it is RUNNING (also
rekognition:DescribeProjects and rekognition:DescribeProjectVersions);
a wait that ends first (Ctrl-C, --max-wait) leaves the model starting,
and start says so with the command that stops it.` + modelAbout

// runStart is customlabels start.
func runStart(ctx context.Context, e *env, args []string) error {
	s := &lifecycleSettings{}
	fs := newLifecycleFlags("start", s, defaultRunningWait, "running")
	fs.IntVar(&s.minUnits, "min-units", 0, "inference units to start with, 1 or more (required)")
	fs.IntVar(&s.maxUnits, "max-units", 0, "inference units to scale up to (default: no auto-scaling)")
	fs.BoolVar(&s.wait, "wait", false, "wait until the model is RUNNING")
	extra, err := parseLifecycle(fs, s, args, e, "MODEL --min-units N [--max-units M] [--wait] [flags]", startAbout)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		return usagef("unexpected argument %q: start takes one MODEL", extra[0])
	}
	if !s.common.set["min-units"] {
		return usagef("missing --min-units: the inference units to start with")
	}
	// The service takes 32-bit counts: a larger one must not wrap around
	// into a small one that would be started, and billed.
	if s.minUnits < 1 || s.minUnits > math.MaxInt32 {
		return usagef("invalid --min-units %d: must be 1 to %d", s.minUnits, math.MaxInt32)
	}
	if s.common.set["max-units"] && (s.maxUnits < s.minUnits || s.maxUnits > math.MaxInt32) {
		return usagef("invalid --max-units %d: must be at least --min-units %d, at most %d", s.maxUnits, s.minUnits, math.MaxInt32)
	}
	cs, err := s.common.connect(ctx, e, lifecycleOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	client, err := s.resolve(ctx, cs)
	if err != nil {
		return err
	}

	out, err := client.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{
		ProjectVersionArn: s.arn,
		MinInferenceUnits: int32(s.minUnits),
		MaxInferenceUnits: int32(s.maxUnits),
	})
	if err != nil {
		if ctx.Err() != nil && !s.common.demo {
			// The request may have reached the service before the answer
			// was given up.
			return &notedError{err, fmt.Sprintf("%s may be starting: the request was sent. Check with\n  %s\nand stop it with\n  %s",
				versionName(s.arn), s.command("wait", "running", s.arn), s.command("stop", s.arn))}
		}
		return err
	}
	res := lifecycleJSON{ProjectVersionArn: s.arn, Status: string(out.Status)}
	if s.wait {
		v, err := waitFor(ctx, e, client, s, "running")
		var failed *customlabels.WaiterStateError
		if err != nil && !errors.As(err, &failed) && !s.common.demo {
			// Interrupted, out of time, or the polls failed: the model
			// goes on starting all the same. (A model that failed or
			// stopped bills nothing; the demo ends with the run.)
			return &notedError{err, fmt.Sprintf("%s is still starting: once running, it bills for its inference units until stopped. Stop it with\n  %s",
				versionName(s.arn), s.command("stop", s.arn))}
		}
		if err != nil {
			return err
		}
		res.Status, res.StatusMessage = string(v.Status), v.StatusMessage
	}
	return writeOutput(e.stdout, s.common.output, res, writeLifecycleTable)
}

// resolve returns the client of the run's Region, and finds the ARN of a
// model named PROJECT/VERSION there.
func (s *lifecycleSettings) resolve(ctx context.Context, cs *clients) (*customlabels.Client, error) {
	region, client := cs.one()
	if err := s.model.resolve(ctx, client, "MODEL", region); err != nil {
		return nil, err
	}
	s.arn = s.model.arn
	return client, nil
}

// command returns the command line of another run against the same
// model: args, then the flags that say where the model is (--profile,
// --endpoint-url), quoted for a POSIX shell.
func (s *lifecycleSettings) command(args ...string) string {
	return s.common.command(args...)
}

// command returns the command line of another run against the same
// account: args, then the flags that say where it is (--profile,
// --endpoint-url), quoted for a POSIX shell.
func (c *commonFlags) command(args ...string) string {
	words := append([]string{programName}, args...)
	if c.profile != "" {
		words = append(words, "--profile", c.profile)
	}
	for _, u := range c.endpointArgs {
		words = append(words, "--endpoint-url", u)
	}
	for i, w := range words {
		words[i] = shellQuote(w)
	}
	return strings.Join(words, " ")
}

// shellQuote quotes w for a POSIX shell when it holds a character the
// shell would read.
func shellQuote(w string) string {
	if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@,+%") == "" {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

const stopAbout = `
Stops a running or starting model (StopProjectVersion; IAM action
rekognition:StopProjectVersion), which ends its billing. A model that is
already STOPPED or STOPPING is not an error: stop says so and succeeds.
With --wait, waits until it is STOPPED (also rekognition:DescribeProjects
and rekognition:DescribeProjectVersions).` + modelAbout

// runStop is customlabels stop.
func runStop(ctx context.Context, e *env, args []string) error {
	s := &lifecycleSettings{}
	fs := newLifecycleFlags("stop", s, defaultStoppedWait, "stopped")
	fs.BoolVar(&s.wait, "wait", false, "wait until the model is STOPPED")
	extra, err := parseLifecycle(fs, s, args, e, "MODEL [--wait] [flags]", stopAbout)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		return usagef("unexpected argument %q: stop takes one MODEL", extra[0])
	}
	cs, err := s.common.connect(ctx, e, lifecycleOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	client, err := s.resolve(ctx, cs)
	if err != nil {
		return err
	}

	res := lifecycleJSON{ProjectVersionArn: s.arn}
	out, err := client.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: s.arn})
	if err == nil {
		res.Status = string(out.Status)
	} else {
		v, stopped := alreadyStopped(ctx, client, s, err)
		if !stopped {
			return err
		}
		fmt.Fprintf(e.stderr, "%s is already %s: nothing to stop\n", versionName(s.arn), v.Status)
		res.Status, res.StatusMessage = string(v.Status), v.StatusMessage
	}
	if s.wait && res.Status != string(customlabels.ProjectVersionStatusStopped) {
		v, err := waitFor(ctx, e, client, s, "stopped")
		if err != nil {
			return err
		}
		res.Status, res.StatusMessage = string(v.Status), v.StatusMessage
	}
	return writeOutput(e.stdout, s.common.output, res, writeLifecycleTable)
}

// alreadyStopped reports whether stopErr, StopProjectVersion's error,
// means that the model is already STOPPED or STOPPING, and returns the
// model as DescribeProjectVersions describes it then. The service
// answers ResourceInUseException to a stop of a model that is not
// running or starting; only then is the model described.
func alreadyStopped(ctx context.Context, client *customlabels.Client, s *lifecycleSettings, stopErr error) (*customlabels.ProjectVersionDescription, bool) {
	var inUse *customlabels.ResourceInUseException
	if !errors.As(stopErr, &inUse) {
		return nil, false
	}
	params, err := s.model.describeInput(ctx, client)
	if err != nil {
		return nil, false
	}
	out, err := client.DescribeProjectVersions(ctx, params)
	if err != nil || len(out.ProjectVersionDescriptions) == 0 {
		return nil, false
	}
	v := &out.ProjectVersionDescriptions[0]
	switch v.Status {
	case customlabels.ProjectVersionStatusStopped, customlabels.ProjectVersionStatusStopping:
		return v, true
	}
	return nil, false
}

const waitAbout = `
Waits until a model is RUNNING (wait running), has finished training
(wait trained: TRAINING_COMPLETED, or any state only a trained model
reaches) or is STOPPED (wait stopped), polling DescribeProjectVersions
(IAM actions rekognition:DescribeProjects and
rekognition:DescribeProjectVersions). It fails at once, exit status 1,
when the model reaches a state from which the awaited one cannot come
(FAILED, TRAINING_FAILED, STOPPED for running, RUNNING for stopped, ...),
and after --max-wait.` + modelAbout

// runWait is customlabels wait.
func runWait(ctx context.Context, e *env, args []string) error {
	s := &lifecycleSettings{}
	fs := newLifecycleFlags("wait", s, 0, "running", "trained", "stopped")
	fs.Lookup("max-wait").Usage = fmt.Sprintf("give up waiting after this long (default %v for running, %v for trained, %v for stopped)", defaultRunningWait, defaultTrainingWait, defaultStoppedWait)
	extra, err := parseLifecycle(fs, s, args, e, "running|trained|stopped MODEL [flags]", waitAbout)
	if err != nil {
		return err
	}
	if len(extra) != 1 || (extra[0] != "running" && extra[0] != "trained" && extra[0] != "stopped") {
		return usagef("wait needs the state to wait for, running, trained or stopped, then MODEL")
	}
	if !s.common.set["max-wait"] {
		switch extra[0] {
		case "running":
			s.maxWait = defaultRunningWait
		case "trained":
			s.maxWait = defaultTrainingWait
		case "stopped":
			s.maxWait = defaultStoppedWait
		}
	}
	cs, err := s.common.connect(ctx, e, lifecycleOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	client, err := s.resolve(ctx, cs)
	if err != nil {
		return err
	}

	v, err := waitFor(ctx, e, client, s, extra[0])
	if err != nil {
		return err
	}
	return writeOutput(e.stdout, s.common.output, lifecycleJSON{ProjectVersionArn: s.arn, Status: string(v.Status), StatusMessage: v.StatusMessage}, writeLifecycleTable)
}

// lifecycleJSON is the JSON output of start, stop and wait.
type lifecycleJSON struct {
	ProjectVersionArn string `json:"ProjectVersionArn"`
	Status            string `json:"Status"`
	// StatusMessage is the service's explanation, from the last
	// DescribeProjectVersions (with --wait and wait); absent otherwise.
	StatusMessage string `json:"StatusMessage,omitempty"`
}

func writeLifecycleTable(w io.Writer, out lifecycleJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "VERSION\tSTATUS\tMESSAGE")
	fmt.Fprintf(tw, "%s\t%s\t%s\n", cell(versionName(out.ProjectVersionArn)), cell(out.Status), cell(out.StatusMessage))
	return tw.Flush()
}
