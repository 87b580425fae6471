package otel_test

import (
	"context"
	"testing"

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
func BenchmarkTelemetry(b *testing.B) {
	srv := customlabelstest.NewServer(customlabelstest.WithoutSignatureVerification(),
		customlabelstest.WithProjects(customlabelstest.DemoProjects(1, 1)...))
	defer srv.Close()
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
			c := customlabels.NewFromConfig(srv.AWSConfig(), func(o *customlabels.Options) {
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
			c := rekognition.NewFromConfig(srv.AWSConfig(), func(o *rekognition.Options) {
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
