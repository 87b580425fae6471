package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/logging"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/endpoint"
)

// clients holds one client per Region a run works in.
type clients struct {
	// regions are the Regions in the order the output shows them.
	regions  []string
	byRegion map[string]*customlabels.Client
	// s3ByRegion are the S3 clients, for the manifests, images and
	// evaluation files of the workflow's subcommands.
	s3ByRegion map[string]*s3.Client
	// close frees what the clients hold (the demo's fake servers).
	close func()
}

// one returns the client of the run's only Region.
func (cs *clients) one() (string, *customlabels.Client) {
	return cs.regions[0], cs.byRegion[cs.regions[0]]
}

// s3 returns the S3 client of the run's only Region.
func (cs *clients) s3() *s3.Client {
	return cs.s3ByRegion[cs.regions[0]]
}

// retryPolicy is the retry mode and attempts the clients use; zero fields
// mean the SDK's defaults.
type retryPolicy struct {
	mode        aws.RetryMode
	maxAttempts int
}

// retryPolicy chooses the retry settings: the flags win, then what the
// AWS configuration chain read (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS, the
// profile's retry_mode and max_attempts), then the subcommand's default.
func (c *commonFlags) retryPolicy(cfg aws.Config, o commonOptions) retryPolicy {
	var p retryPolicy
	if o.listing {
		p = retryPolicy{listingRetry.mode, listingRetry.maxAttempts}
	}
	if cfg.RetryMode != "" {
		p.mode = cfg.RetryMode
	}
	if cfg.RetryMaxAttempts > 0 {
		p.maxAttempts = cfg.RetryMaxAttempts
	}
	if c.retryMode != "" {
		p.mode = aws.RetryMode(c.retryMode)
	}
	if c.maxAttempts > 0 {
		p.maxAttempts = c.maxAttempts
	}
	return p
}

// applyS3 sets the retry settings of an S3 client, and keeps it from
// logging to the process's stderr (that an object has no checksum to
// validate, that a body could not be drained): what goes wrong is in the
// errors the command reports.
func (p retryPolicy) applyS3(o *s3.Options) {
	o.Logger = logging.Nop{}
	o.DisableLogOutputChecksumValidationSkipped = true
	if p.mode != "" {
		o.RetryMode = p.mode
	}
	if p.maxAttempts > 0 {
		o.RetryMaxAttempts = p.maxAttempts
	}
}

func (p retryPolicy) apply(o *customlabels.Options) {
	if p.mode != "" {
		o.RetryMode = p.mode
	}
	if p.maxAttempts > 0 {
		o.RetryMaxAttempts = p.maxAttempts
	}
}

// checkRegions refuses a Region where Custom Labels is not offered (see
// customLabelsRegions), unless --endpoint-url names the endpoint to call
// there: a typo such as us-east-l would otherwise end in a DNS failure
// (exit 1), or with --demo in an empty account (exit 0). fail makes the
// error: a usage error for a flag or an ARN, a configuration error for
// the configuration's Region.
func (c *commonFlags) checkRegions(regions []string, fail func(format string, args ...any) error) error {
	for _, r := range regions {
		if slices.Contains(customLabelsRegions, r) {
			continue
		}
		if _, ok := c.endpoints[r]; ok {
			continue
		}
		if _, ok := c.endpoints[""]; ok {
			continue
		}
		from := c.regionFrom
		if from == "" {
			from = "--region"
		}
		return fail("%s: %s is not a Region where Amazon Rekognition Custom Labels is offered (%s); "+
			"to call another endpoint, pass --endpoint-url", from, r, strings.Join(customLabelsRegions, ", "))
	}
	return nil
}

// connect returns a client for each Region the flags select: demo clients
// with --demo, else AWS clients configured by the default chain
// (environment, shared files, SSO, roles) and the flags.
func (c *commonFlags) connect(ctx context.Context, e *env, o commonOptions) (*clients, error) {
	if c.demo {
		if err := c.checkRegions(c.selectedRegions(), usagef); err != nil {
			return nil, err
		}
		regions := c.selectedRegions()
		if len(regions) == 0 {
			regions = []string{demoDefaultRegion}
		}
		return newDemo(regions, c.retryPolicy(aws.Config{}, o), e.clientOptions), nil
	}

	var loadOpts []func(*config.LoadOptions) error
	if c.profile != "" {
		loadOpts = append(loadOpts, config.WithSharedConfigProfile(c.profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, loadOpts...)
	if err != nil {
		return nil, &configError{fmt.Errorf("load AWS configuration: %w", err)}
	}
	if _, ok := c.endpoints[""]; !ok && cfg.BaseEndpoint != nil {
		// AWS_ENDPOINT_URL or the profile's endpoint_url: as --endpoint-url,
		// which wins over them.
		c.endpoints[""] = *cfg.BaseEndpoint
	}
	if err := c.checkRegions(c.selectedRegions(), usagef); err != nil {
		return nil, err
	}
	regions := c.selectedRegions()
	if len(regions) == 0 {
		if cfg.Region == "" {
			return nil, &configError{fmt.Errorf("no AWS Region: pass --region, set AWS_REGION, or set region in the profile")}
		}
		if err := endpoint.ValidateRegion(cfg.Region); err != nil {
			return nil, &configError{fmt.Errorf("the Region of the AWS configuration: %w", err)}
		}
		regions = []string{cfg.Region}
		c.regionFrom = "the AWS configuration (AWS_REGION or the profile's region)"
		if err := c.checkRegions(regions, func(format string, args ...any) error {
			return &configError{fmt.Errorf(format, args...)}
		}); err != nil {
			return nil, err
		}
	}
	for _, r := range slices.Sorted(maps.Keys(c.endpoints)) {
		if r != "" && !slices.Contains(regions, r) {
			return nil, usagef("--endpoint-url %s=...: %s is not a Region this run lists", r, r)
		}
	}
	policy := c.retryPolicy(cfg, o)
	cs := &clients{regions: regions, byRegion: map[string]*customlabels.Client{}, s3ByRegion: map[string]*s3.Client{}, close: func() {}}
	for _, r := range regions {
		cs.s3ByRegion[r] = s3.NewFromConfig(cfg, func(opts *s3.Options) {
			opts.Region = r
			// The fake (and MinIO, moto) serve S3 on the endpoint given,
			// path-style: http://HOST/BUCKET/KEY.
			if u, ok := c.endpoints[r]; ok {
				opts.BaseEndpoint, opts.UsePathStyle = aws.String(u), true
			} else if u, ok := c.endpoints[""]; ok {
				opts.BaseEndpoint, opts.UsePathStyle = aws.String(u), true
			}
			policy.applyS3(opts)
		})
		cs.byRegion[r] = customlabels.NewFromConfig(cfg, append([]func(*customlabels.Options){func(opts *customlabels.Options) {
			opts.Region = r
			if u, ok := c.endpoints[r]; ok {
				opts.BaseEndpoint = u
			} else if u, ok := c.endpoints[""]; ok {
				opts.BaseEndpoint = u
			}
			policy.apply(opts)
		}}, e.clientOptions...)...)
	}
	return cs, nil
}
