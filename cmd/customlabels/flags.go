package main

import (
	"flag"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/rekognition-go/customlabels/internal/endpoint"
)

// commonFlags are the flags every subcommand has.
type commonFlags struct {
	output string
	// regions are the --region values in order, without duplicates.
	regions    []string
	allRegions bool
	profile    string
	// endpoints maps a region to its --endpoint-url; the key "" is the
	// URL for every region without its own (connect sets it from
	// AWS_ENDPOINT_URL or the profile when no --endpoint-url does).
	endpoints map[string]string
	// endpointArgs are the --endpoint-url values as given.
	endpointArgs []string
	demo         bool
	retryMode    string
	maxAttempts  int
	// set holds the names of the flags given on the command line.
	set map[string]bool
	// regionFrom names where the Regions come from, for errors: "" for
	// --region, else e.g. "MODEL" (see checkRegions).
	regionFrom string
}

// commonOptions says which of the shared flags a subcommand takes and what
// its retry defaults are.
type commonOptions struct {
	// multiRegion allows --region more than once and --all-regions.
	multiRegion bool
	// listing subcommands retry harder by default (see listingRetry).
	listing bool
}

// listingRetry is the retry policy of the listing subcommands when neither
// the flags nor the environment nor the profile choose one. A person
// listing projects or models wants the listing, not an error: adaptive
// mode slows the client down after throttling instead of spending its
// attempts at full speed, and 10 attempts ride out a burst of throttling
// (the SDK's 3 attempts with backoff cover about 1.5 s; 10 cover about
// 40 s with the standard 20 s cap). The cost of a retry is only time.
// Commands that change state (start, stop) and detect keep the SDK's
// default of standard mode with 3 attempts: a caller who scripts them
// wants a prompt answer.
var listingRetry = struct {
	mode        aws.RetryMode
	maxAttempts int
}{aws.RetryModeAdaptive, 10}

// register adds the shared flags to fs.
func (c *commonFlags) register(fs *flag.FlagSet, o commonOptions) {
	c.endpoints = map[string]string{}
	fs.StringVar(&c.output, "output", "table", "output format: table or json")
	regionHelp := "AWS Region, one where Custom Labels is offered unless --endpoint-url is given (default: from AWS_REGION or the profile)"
	if o.multiRegion {
		regionHelp = "AWS Region, one where Custom Labels is offered unless --endpoint-url is given; repeatable, or comma-separated (default: from AWS_REGION or the profile)"
		fs.BoolVar(&c.allRegions, "all-regions", false, "every Region where Custom Labels is offered")
	}
	fs.Func("region", regionHelp, func(v string) error {
		for _, r := range strings.Split(v, ",") {
			r = strings.TrimSpace(r)
			if err := endpoint.ValidateRegion(r); err != nil {
				return err
			}
			if !slices.Contains(c.regions, r) {
				c.regions = append(c.regions, r)
			}
		}
		return nil
	})
	fs.StringVar(&c.profile, "profile", "", "shared config profile (default: AWS_PROFILE or \"default\")")
	fs.Func("endpoint-url", "send requests to this `URL` instead of the Region's endpoint; REGION=URL for one Region (repeatable)", func(v string) error {
		region, u := "", v
		if before, after, ok := strings.Cut(v, "="); ok && !strings.Contains(before, "/") {
			region, u = before, after
			if err := endpoint.ValidateRegion(region); err != nil {
				return err
			}
		}
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("must be an http:// or https:// URL, or REGION=URL")
		}
		c.endpoints[region] = u
		c.endpointArgs = append(c.endpointArgs, v)
		return nil
	})
	fs.BoolVar(&c.demo, "demo", false, "call an in-process fake with a demo account instead of AWS")
	mode, attempts := "standard", 3
	if o.listing {
		mode, attempts = string(listingRetry.mode), listingRetry.maxAttempts
	}
	fs.StringVar(&c.retryMode, "retry-mode", "", fmt.Sprintf("standard or adaptive (default: AWS_RETRY_MODE, the profile's retry_mode, or %s)", mode))
	fs.IntVar(&c.maxAttempts, "max-attempts", 0, fmt.Sprintf("attempts per request, the first included (default: AWS_MAX_ATTEMPTS, the profile's max_attempts, or %d)", attempts))
}

// parse parses args with fs as parseFlags does, then checks the shared
// flags against o, the options fs was registered with. It returns the
// positional arguments.
func (c *commonFlags) parse(fs *flag.FlagSet, o commonOptions, args []string, e *env, synopsis, about string) ([]string, error) {
	positional, err := parseFlags(fs, args, e, synopsis, about)
	if err != nil {
		return nil, err
	}
	if err := c.check(fs, o); err != nil {
		return nil, err
	}
	return positional, nil
}

// oneArgument returns the one positional argument of the subcommand fs
// parsed, what (PROJECT, MODEL, NAME); missing says, when it is not
// given, what to give.
func oneArgument(fs *flag.FlagSet, positional []string, what, missing string) (string, error) {
	switch len(positional) {
	case 0:
		return "", usagef("missing %s: %s", what, missing)
	case 1:
		return positional[0], nil
	default:
		return "", usagef("unexpected argument %q: %s takes one %s", positional[1], fs.Name(), what)
	}
}

// check validates the shared flags once fs has parsed them.
func (c *commonFlags) check(fs *flag.FlagSet, o commonOptions) error {
	c.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	switch c.output {
	case "table", "json":
	default:
		return usagef("invalid --output %q: must be table or json", c.output)
	}
	switch c.retryMode {
	case "", "standard", "adaptive":
	default:
		return usagef("invalid --retry-mode %q: must be standard or adaptive", c.retryMode)
	}
	if c.set["max-attempts"] && c.maxAttempts < 1 {
		return usagef("invalid --max-attempts %d: must be 1 or more", c.maxAttempts)
	}
	if !o.multiRegion && len(c.regions) > 1 {
		return usagef("--region: this subcommand works in one Region, got %s", strings.Join(c.regions, ","))
	}
	if c.allRegions && len(c.regions) > 0 {
		return usagef("--all-regions and --region cannot be combined")
	}
	if c.demo {
		for _, name := range []string{"profile", "endpoint-url"} {
			if c.set[name] {
				return usagef("--%s applies to AWS; it cannot be combined with --demo", name)
			}
		}
	}
	return nil
}

// selectedRegions returns the Regions the flags ask for, or nil when the
// configuration's Region applies.
func (c *commonFlags) selectedRegions() []string {
	if c.allRegions {
		return customLabelsRegions
	}
	return c.regions
}

// regionOf makes region, the Region of an ARN the command line named with
// what (MODEL, PROJECT, ARN), the run's Region; --region, when given, must
// agree. An empty region (a name rather than an ARN) leaves the Region to
// --region or the configuration.
func (c *commonFlags) regionOf(what, region string) error {
	if region == "" {
		return nil
	}
	if len(c.regions) == 1 && c.regions[0] != region {
		return usagef("--region %s, but %s is in %s", c.regions[0], what, region)
	}
	c.regions, c.regionFrom = []string{region}, what
	return nil
}
