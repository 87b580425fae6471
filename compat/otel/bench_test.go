package otel_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/metrics/smithyotelmetrics"
	"github.com/aws/smithy-go/tracing"
	"github.com/aws/smithy-go/tracing/smithyoteltracing"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// BenchmarkTelemetry is one DescribeProjects call (one project) against
// a loopback fake, by each client, with the providers unset and with an
// OpenTelemetry SDK behind the smithy-go adapters: every span sampled and
// recorded (no exporter, so export costs nothing), every measurement
// aggregated by a manual reader. The difference between the two is what
// telemetry costs a call. Compare with
//
//	benchstat -col /providers results.txt
//
// The case transport=inprocess answers from an http.RoundTripper in the
// process, without a connection, so that only the clients' own work is
// timed (the HTTP connection metrics then have nothing to measure).
func BenchmarkTelemetry(b *testing.B) {
	srv := customlabelstest.NewServer(customlabelstest.WithoutSignatureVerification(),
		customlabelstest.WithProjects(customlabelstest.DemoProjects(1, 1)...))
	defer srv.Close()
	b.Run("transport=loopback", func(b *testing.B) { benchTelemetry(b, srv.AWSConfig()) })
	cfg := srv.AWSConfig()
	cfg.HTTPClient = &http.Client{Transport: cannedPage{}}
	b.Run("transport=inprocess", func(b *testing.B) { benchTelemetry(b, cfg) })
}

// cannedPage answers every request with one page of one project.
type cannedPage struct{}

const cannedBody = `{"ProjectDescriptions":[{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/p/1700000000000","CreationTimestamp":1.7E9,"Status":"CREATED","Feature":"CUSTOM_LABELS"}]}`

func (cannedPage) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{
			"Content-Type":     {"application/x-amz-json-1.1"},
			"X-Amzn-Requestid": {"00000000-0000-0000-0000-000000000000"},
		},
		ContentLength: int64(len(cannedBody)),
		Body:          io.NopCloser(strings.NewReader(cannedBody)),
		Request:       r,
	}, nil
}

func benchTelemetry(b *testing.B, cfg aws.Config) {
	ctx := context.Background()

	type setup struct {
		tp tracing.TracerProvider
		mp metrics.MeterProvider
	}
	cases := map[string]func(b *testing.B) setup{
		"unset": func(*testing.B) setup { return setup{} },
		"otel": func(b *testing.B) setup {
			tp := sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.AlwaysSample()))
			mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
			b.Cleanup(func() {
				_ = tp.Shutdown(context.Background())
				_ = mp.Shutdown(context.Background())
			})
			return setup{smithyoteltracing.Adapt(tp), smithyotelmetrics.Adapt(mp)}
		},
	}
	for _, providers := range []string{"unset", "otel"} {
		b.Run("client=customlabels/providers="+providers, func(b *testing.B) {
			s := cases[providers](b)
			c := customlabels.NewFromConfig(cfg, func(o *customlabels.Options) {
				if s.tp != nil {
					o.TracerProvider, o.MeterProvider = s.tp, s.mp
				}
			})
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.DescribeProjects(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				if len(out.ProjectDescriptions) != 1 {
					b.Fatalf("DescribeProjects() listed %d projects, want 1", len(out.ProjectDescriptions))
				}
			}
		})
		b.Run("client=sdk/providers="+providers, func(b *testing.B) {
			s := cases[providers](b)
			c := rekognition.NewFromConfig(cfg, func(o *rekognition.Options) {
				if s.tp != nil {
					o.TracerProvider, o.MeterProvider = s.tp, s.mp
				}
			})
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.DescribeProjects(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				if len(out.ProjectDescriptions) != 1 {
					b.Fatalf("DescribeProjects() listed %d projects, want 1", len(out.ProjectDescriptions))
				}
			}
		})
	}
}
