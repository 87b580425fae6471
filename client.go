package customlabels

import (
	"context"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Version is the version of this module, sent in the User-Agent header.
const Version = "0.1.0"

const (
	// ServiceID is the service name in errors, as the AWS SDKs spell it.
	ServiceID = "Rekognition"
	// signingName is the SigV4 service name.
	signingName = "rekognition"
	// targetPrefix is the awsJson1_1 X-Amz-Target prefix of the service.
	targetPrefix = "RekognitionService."
	// contentType is the awsJson1_1 request content type.
	contentType = "application/x-amz-json-1.1"
)

// Client calls Amazon Rekognition Custom Labels. It is safe for concurrent
// use; create one and share it.
type Client struct {
	options Options
	res     resolved
	signer  *v4.Signer
	// skew is the measured server-minus-client clock offset, in
	// nanoseconds, applied to the signing time.
	skew atomic.Int64
	// dates caches the last Date header parsed (call_clock_skew.go).
	dates dateCache
}

// New returns a Client configured by o and then by each optFn. It does no
// I/O; configuration errors, such as a missing Region, are returned by the
// first call.
func New(o Options, optFns ...func(*Options)) *Client {
	for _, fn := range optFns {
		fn(&o)
	}
	// Keep the cache in the options, so that per-call options that leave
	// Credentials alone share it, whatever the provider's type.
	o.Credentials = cachedCredentials(o.Credentials)
	c := &Client{options: o, signer: v4.NewSigner()}
	c.res = resolve(o, nil, nil)
	return c
}

// NewFromConfig returns a Client configured from an aws.Config, as loaded
// by config.LoadDefaultConfig: region, credentials, base endpoint
// (including AWS_ENDPOINT_URL_REKOGNITION), HTTP client, retry settings,
// FIPS and dual-stack. Then each optFn is applied. aws.Config carries no
// tracer or meter provider: set Options.TracerProvider and MeterProvider
// in an optFn, as for the official SDK's clients.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	o := Options{
		Region:                     cfg.Region,
		Credentials:                cfg.Credentials,
		RetryMaxAttempts:           cfg.RetryMaxAttempts,
		RetryMode:                  cfg.RetryMode,
		DisableClockSkewCorrection: cfg.DisableClockSkewCorrection,
	}
	if cfg.HTTPClient != nil {
		o.HTTPClient = cfg.HTTPClient
	}
	if cfg.Retryer != nil {
		o.Retryer = cfg.Retryer()
	}
	if cfg.BaseEndpoint != nil {
		o.BaseEndpoint = *cfg.BaseEndpoint
	}
	resolveConfigSources(cfg.ConfigSources, &o)
	return New(o, optFns...)
}

// resolveConfigSources reads the settings that config.LoadDefaultConfig
// leaves in cfg.ConfigSources (environment and shared config files).
func resolveConfigSources(sources []interface{}, o *Options) {
	ctx := context.Background()
	type fipsSource interface {
		GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
	}
	type dualStackSource interface {
		GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
	}
	type serviceEndpointSource interface {
		GetServiceBaseEndpoint(ctx context.Context, sdkID string) (string, bool, error)
	}
	var fipsDone, dualDone, endpointDone bool
	for _, s := range sources {
		if v, ok := s.(fipsSource); ok && !fipsDone {
			if state, found, err := v.GetUseFIPSEndpoint(ctx); err == nil && found {
				o.UseFIPSEndpoint = state == aws.FIPSEndpointStateEnabled
				fipsDone = true
			}
		}
		if v, ok := s.(dualStackSource); ok && !dualDone {
			if state, found, err := v.GetUseDualStackEndpoint(ctx); err == nil && found {
				o.UseDualStackEndpoint = state == aws.DualStackEndpointStateEnabled
				dualDone = true
			}
		}
		if v, ok := s.(serviceEndpointSource); ok && !endpointDone {
			if u, found, err := v.GetServiceBaseEndpoint(ctx, ServiceID); err == nil && found && u != "" {
				o.BaseEndpoint = u
				endpointDone = true
			}
		}
	}
}

// Options returns a copy of the client's options.
func (c *Client) Options() Options { return c.options }
