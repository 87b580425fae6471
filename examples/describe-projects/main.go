// Command describe-projects lists Amazon Rekognition Custom Labels projects
// and Custom Moderation adapters with package customlabels, as a table or
// as the JSON that `aws rekognition describe-projects` prints.
//
// Try it without an AWS account: --demo serves demo projects from an
// in-process customlabelstest fake.
//
//	go run ./examples/describe-projects --demo
//	go run ./examples/describe-projects --demo --output json --max-items 3
//
// Without --demo it calls real AWS with the usual configuration chain
// (environment, shared config and credentials files, SSO, roles):
//
//	go run ./examples/describe-projects --region eu-west-1 --profile dev
//
// Exit status: 0 on success, 1 when the listing fails (an API error, a
// network error, missing credentials), 2 on a usage error (a bad flag or a
// flag value the service would reject), 130 when interrupted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report it
)

// Demo data: enough projects for several pages at --page-size 10, the same
// on every run.
const (
	defaultDemoProjects = 25
	demoSeed            = 1
	demoTokenKey        = "describe-projects demo"
)

func main() {
	// Ctrl-C cancels the listing; a second Ctrl-C kills the program at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// settings are the parsed command line.
type settings struct {
	demo          bool
	demoProjects  int
	region        string
	profile       string
	endpointURL   string
	projectNames  []string
	features      []customlabels.CustomizationFeature
	pageSize      int
	maxItems      int
	startingToken string
	output        string
}

// usageError is a command line the program cannot run; it exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// run is the whole program: it parses args, lists the projects, writes
// them to stdout and diagnostics to stderr, and returns the exit status.
// Cancelling ctx stops the listing.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	s, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "usage error: %v\n", err)
		fmt.Fprintf(stderr, "run %s -h for help\n", programName)
		return exitUsage
	}

	client, cleanup, err := newClient(ctx, s)
	if err != nil {
		return reportError(stderr, err)
	}
	defer cleanup()

	res, err := list(ctx, client, s, newProgress(stderr))
	if err != nil {
		return reportError(stderr, err)
	}

	switch s.output {
	case "json":
		err = writeJSON(stdout, res)
	default:
		err = writeTable(stdout, res.Projects)
		if err == nil && res.NextToken != "" {
			fmt.Fprintf(stderr, "more projects follow: continue with --starting-token %s\n", res.NextToken)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "error: write output: %v\n", err)
		return exitError
	}
	return exitOK
}

const programName = "describe-projects"

// parseArgs parses and checks the command line. It returns flag.ErrHelp
// after printing the help for -h, or a *usageError.
func parseArgs(args []string, stderr io.Writer) (*settings, error) {
	s := &settings{}
	fs := flag.NewFlagSet(programName, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by run; -h prints below
	fs.BoolVar(&s.demo, "demo", false, "list demo projects from an in-process fake server instead of AWS")
	fs.IntVar(&s.demoProjects, "demo-projects", defaultDemoProjects, "number of demo projects with --demo")
	fs.StringVar(&s.region, "region", "", "AWS Region (default: from AWS_REGION or the profile)")
	fs.StringVar(&s.profile, "profile", "", "shared config profile (default: AWS_PROFILE or \"default\")")
	fs.StringVar(&s.endpointURL, "endpoint-url", "", "send requests to this URL instead of the Region's endpoint")
	fs.Var((*namesFlag)(&s.projectNames), "project-name", "list only this project (repeatable, or comma-separated; at most 10)")
	features := &featureFlag{}
	fs.Var(features, "feature", "CUSTOM_LABELS, CONTENT_MODERATION or all (default all; repeatable)")
	fs.IntVar(&s.pageSize, "page-size", 0, "projects per request, 1 to 100 (default: the service's 100)")
	fs.IntVar(&s.maxItems, "max-items", 0, "stop after this many projects and print a NextToken to resume (default: no limit)")
	fs.StringVar(&s.startingToken, "starting-token", "", "resume a listing from the NextToken of an earlier --max-items run")
	fs.StringVar(&s.output, "output", "table", "output format: table or json")

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stderr, fs)
			return nil, err
		}
		return nil, &usageError{msg: err.Error()}
	}
	if fs.NArg() > 0 {
		return nil, usagef("unexpected argument %q: every option is a flag", fs.Arg(0))
	}
	s.features = features.values()

	switch s.output {
	case "table", "json":
	default:
		return nil, usagef("invalid --output %q: must be table or json", s.output)
	}
	if s.pageSize < 0 || s.pageSize > customlabels.MaxPageSize {
		return nil, usagef("invalid --page-size %d: must be 1 to %d", s.pageSize, customlabels.MaxPageSize)
	}
	if s.maxItems < 0 {
		return nil, usagef("invalid --max-items %d: must be 1 or more", s.maxItems)
	}
	if s.demoProjects < 0 {
		return nil, usagef("invalid --demo-projects %d: must be 0 or more", s.demoProjects)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, name := range []string{"region", "profile", "endpoint-url"} {
		if s.demo && set[name] {
			return nil, usagef("--%s applies to AWS; it cannot be combined with --demo", name)
		}
	}
	if set["demo-projects"] && !s.demo {
		return nil, usagef("--demo-projects applies only with --demo")
	}
	if s.endpointURL != "" {
		u, err := url.Parse(s.endpointURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, usagef("invalid --endpoint-url %q: must be an http:// or https:// URL", s.endpointURL)
		}
	}
	return s, nil
}

func printHelp(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, `Usage: %s [flags]

Lists Amazon Rekognition Custom Labels projects and Custom Moderation
adapters (IAM action rekognition:DescribeProjects).

  --demo        serve demo projects from an in-process fake; no AWS account needed
  otherwise     call AWS with the default configuration chain (environment,
                shared files, SSO, roles), adjusted by --region and --profile

Flags:
`, programName)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprint(w, `
Exit status: 0 on success, 1 when the listing fails, 2 on a usage error,
130 when interrupted.
`)
}

// namesFlag collects --project-name values; each may list several names
// separated by commas (names cannot contain commas).
type namesFlag []string

func (f *namesFlag) String() string { return strings.Join(*f, ",") }

func (f *namesFlag) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		*f = append(*f, strings.TrimSpace(name))
	}
	return nil
}

// featureFlag collects --feature values without duplicates; "all" means
// both features. No --feature at all also means both, unlike the service,
// whose default is CUSTOM_LABELS only: a person listing "projects" would not
// expect adapters to be hidden.
type featureFlag struct {
	set []customlabels.CustomizationFeature
}

func (f *featureFlag) String() string {
	s := make([]string, len(f.set))
	for i, v := range f.set {
		s[i] = string(v)
	}
	return strings.Join(s, ",")
}

func (f *featureFlag) Set(v string) error {
	var add []customlabels.CustomizationFeature
	switch up := strings.ToUpper(strings.TrimSpace(v)); up {
	case "ALL":
		add = allFeatures()
	case string(customlabels.CustomizationFeatureCustomLabels), string(customlabels.CustomizationFeatureContentModeration):
		add = []customlabels.CustomizationFeature{customlabels.CustomizationFeature(up)}
	default:
		return fmt.Errorf("must be CUSTOM_LABELS, CONTENT_MODERATION or all, got %q", v)
	}
	for _, a := range add {
		if !containsFeature(f.set, a) {
			f.set = append(f.set, a)
		}
	}
	return nil
}

func (f *featureFlag) values() []customlabels.CustomizationFeature {
	if len(f.set) == 0 {
		return allFeatures()
	}
	return f.set
}

func allFeatures() []customlabels.CustomizationFeature {
	return []customlabels.CustomizationFeature{
		customlabels.CustomizationFeatureCustomLabels,
		customlabels.CustomizationFeatureContentModeration,
	}
}

func containsFeature(fs []customlabels.CustomizationFeature, f customlabels.CustomizationFeature) bool {
	for _, v := range fs {
		if v == f {
			return true
		}
	}
	return false
}

// newClient returns the client that s asks for and a function that frees
// what it holds (the demo server).
func newClient(ctx context.Context, s *settings) (customlabels.DescribeProjectsAPIClient, func(), error) {
	if s.demo {
		srv := customlabelstest.NewServer(
			customlabelstest.WithProjects(customlabelstest.DemoProjects(s.demoProjects, demoSeed)...),
			// A fixed key: a NextToken printed by one run works in the next.
			customlabelstest.WithTokenKey([]byte(demoTokenKey)),
		)
		return srv.Client(), srv.Close, nil
	}

	var loadOpts []func(*config.LoadOptions) error
	if s.region != "" {
		loadOpts = append(loadOpts, config.WithRegion(s.region))
	}
	if s.profile != "" {
		loadOpts = append(loadOpts, config.WithSharedConfigProfile(s.profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, loadOpts...)
	if err != nil {
		return nil, nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return nil, nil, usagef("no AWS Region: pass --region, set AWS_REGION, or set region in the profile")
	}
	client := customlabels.NewFromConfig(cfg, func(o *customlabels.Options) {
		if s.endpointURL != "" {
			o.BaseEndpoint = s.endpointURL
		}
	})
	return client, func() {}, nil
}
