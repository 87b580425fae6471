package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/rekognition-go/customlabels"
)

// runningSettings are the flags of customlabels running.
type runningSettings struct {
	common      commonFlags
	price       float64
	concurrency int
}

var runningOptions = commonOptions{multiRegion: true, listing: true}

// defaultConcurrency is the number of requests in flight across all
// Regions. Each Region's requests are sent one after another, so this is
// also the number of Regions listed at once: enough to list the 12 Regions
// in about the time of 3, few enough to stay well under any account's
// request rate.
const defaultConcurrency = 4

const runningAbout = `
Lists the models (project versions) that are RUNNING or STARTING, with
their inference units and the hourly cost those imply, in one or more
Regions, and totals them. A model that auto-scales (MaxInferenceUnits
above MinInferenceUnits) costs between its minimum and maximum; both are
shown. STARTING models are counted: they bill once running.
PROJECT/VERSION, with the row's REGION as --region, names the model for
start, stop, wait and detect; --output json shows the ARNs.

Lists Custom Labels projects only (Custom Moderation adapters run no
inference units) with rekognition:DescribeProjects and
rekognition:DescribeProjectVersions. A Region that cannot be listed (not
enabled, access denied) is reported with its error and the command exits 1;
the others are still listed.`

func parseRunning(args []string, e *env) (*runningSettings, error) {
	s := &runningSettings{}
	fs := flag.NewFlagSet("running", flag.ContinueOnError)
	s.common.register(fs, runningOptions)
	fs.Float64Var(&s.price, "price-per-unit-hour", defaultPricePerInferenceUnitHour,
		"price in USD of one inference unit for one hour; the default is the "+priceBasis)
	fs.IntVar(&s.concurrency, "concurrency", defaultConcurrency, "requests in flight at most, across all Regions")
	positional, err := parseFlags(fs, args, e, "[--region R]... [--all-regions] [flags]", runningAbout)
	if err != nil {
		return nil, err
	}
	if len(positional) > 0 {
		return nil, usagef("unexpected argument %q: every option is a flag", positional[0])
	}
	if err := s.common.check(fs, runningOptions); err != nil {
		return nil, err
	}
	if !(s.price > 0) || s.price > 1e6 {
		return nil, usagef("invalid --price-per-unit-hour %v: must be more than 0", s.price)
	}
	if s.concurrency < 1 || s.concurrency > 64 {
		return nil, usagef("invalid --concurrency %d: must be 1 to 64", s.concurrency)
	}
	return s, nil
}

// runRunning is customlabels running.
func runRunning(ctx context.Context, e *env, args []string) error {
	s, err := parseRunning(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, runningOptions)
	if err != nil {
		return err
	}
	defer cs.close()

	rep := listRunning(ctx, cs, newLimiter(s.concurrency), newProgress(e))
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep.price = price{perUnitHour: money(s.price), basis: priceBasis}
	if s.common.set["price-per-unit-hour"] {
		rep.price.basis = "--price-per-unit-hour"
	}
	if s.common.output == "json" {
		err = writeRunningJSON(e.stdout, rep)
	} else {
		err = writeRunningTable(e.stdout, rep)
	}
	if err != nil {
		return err
	}
	return rep.failure()
}

// runningModel is one running or starting model.
type runningModel struct {
	region  string
	project string // the project's ARN
	version customlabels.ProjectVersionDescription
}

// units returns the model's inference units: its minimum and its
// maximum, which is the minimum when it does not auto-scale.
func (m runningModel) units() (lo, hi int32) {
	lo, hi = m.version.MinInferenceUnits, m.version.MaxInferenceUnits
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// runningReport is what customlabels running found.
type runningReport struct {
	regions []regionResult[[]runningModel]
	price   price
}

type price struct {
	perUnitHour money
	basis       string // where perUnitHour comes from, for the output
}

// failure returns an error naming the Regions that could not be listed,
// or nil.
func (r *runningReport) failure() error {
	var failed []string
	for _, rr := range r.regions {
		if rr.err != nil {
			failed = append(failed, rr.region)
		}
	}
	if len(failed) == 0 {
		return nil
	}
	return &reportedError{msg: fmt.Sprintf("%d of %d Regions could not be listed: %s",
		len(failed), len(r.regions), strings.Join(failed, ", "))}
}

// isRunning reports whether a model in status s bills inference units (or
// will, once started).
func isRunning(s customlabels.ProjectVersionStatus) bool {
	return s == customlabels.ProjectVersionStatusRunning || s == customlabels.ProjectVersionStatusStarting
}

// listRunning lists the running models of every Region of cs, with at
// most l's requests in flight, reporting progress as Regions finish.
func listRunning(ctx context.Context, cs *clients, l *limiter, prog *progress) *runningReport {
	defer prog.done()
	var done, found atomic.Int64
	prog.show("listing: 0 of %d Regions", len(cs.regions))
	results := eachRegion(ctx, cs, func(ctx context.Context, region string) ([]runningModel, error) {
		models, err := listRunningIn(ctx, region, limitedClient{cs.byRegion[region], l})
		n := done.Add(1)
		f := found.Add(int64(len(models)))
		prog.show("listing: %d of %d Regions, %s running so far", n, len(cs.regions), plural(int(f), "model"))
		return models, err
	})
	return &runningReport{regions: results}
}

// listRunningIn lists the running and starting models of one Region:
// every Custom Labels project, then every version of each.
func listRunningIn(ctx context.Context, region string, c limitedClient) ([]runningModel, error) {
	var models []runningModel
	projects := &customlabels.DescribeProjectsInput{
		Features: []customlabels.CustomizationFeature{customlabels.CustomizationFeatureCustomLabels},
	}
	for p, err := range customlabels.AllProjects(ctx, c, projects) {
		if err != nil {
			return nil, err
		}
		versions := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn}
		for v, err := range customlabels.AllProjectVersions(ctx, c, versions) {
			if err != nil {
				var notFound *customlabels.ResourceNotFoundException
				if errors.As(err, &notFound) {
					break // the project was deleted since it was listed
				}
				return nil, err
			}
			if isRunning(v.Status) {
				models = append(models, runningModel{region: region, project: p.ProjectArn, version: v})
			}
		}
	}
	return models, nil
}

// limitedClient sends a client's requests through a limiter.
type limitedClient struct {
	c *customlabels.Client
	l *limiter
}

var (
	_ customlabels.DescribeProjectsAPIClient        = limitedClient{}
	_ customlabels.DescribeProjectVersionsAPIClient = limitedClient{}
)

func (lc limitedClient) DescribeProjects(ctx context.Context, in *customlabels.DescribeProjectsInput, optFns ...func(*customlabels.Options)) (out *customlabels.DescribeProjectsOutput, err error) {
	err = lc.l.do(ctx, func() error {
		out, err = lc.c.DescribeProjects(ctx, in, optFns...)
		return err
	})
	return out, err
}

func (lc limitedClient) DescribeProjectVersions(ctx context.Context, in *customlabels.DescribeProjectVersionsInput, optFns ...func(*customlabels.Options)) (out *customlabels.DescribeProjectVersionsOutput, err error) {
	err = lc.l.do(ctx, func() error {
		out, err = lc.c.DescribeProjectVersions(ctx, in, optFns...)
		return err
	})
	return out, err
}
