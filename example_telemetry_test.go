package customlabels_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Options.TracerProvider takes smithy-go's tracing interface, as the
// official SDK's clients do; with OpenTelemetry the setup is one line:
//
//	o.TracerProvider = smithyoteltracing.Adapt(otel.GetTracerProvider())
//
// Here a provider of the example's own prints each span as it starts,
// indented under its parent.
func ExampleOptions_tracerProvider() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	client := srv.Client(func(o *customlabels.Options) {
		o.TracerProvider = printingTracerProvider{}
	})

	if _, err := client.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Rekognition.DescribeProjects (client) rpc.method=DescribeProjects
	//   Attempt (internal) operation.attempt=1
	//     GetIdentity (internal)
	//     SignRequest (internal)
	//     DoHTTPRequest (internal)
	//     OperationDeserializer (internal)
}

// printingTracerProvider prints spans as they start.
type printingTracerProvider struct{}

func (printingTracerProvider) Tracer(string, ...tracing.TracerOption) tracing.Tracer {
	return printingTracer{}
}

type printingTracer struct{}

func (printingTracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	depth := 0
	if parent, ok := tracing.GetSpan(ctx); ok {
		depth = parent.(printedSpan).depth + 1
	}
	kind := "internal"
	if o.Kind == tracing.SpanKindClient {
		kind = "client"
	}
	line := fmt.Sprintf("%s%s (%s)", strings.Repeat("  ", depth), name, kind)
	for _, key := range []string{"rpc.method", "operation.attempt"} {
		if v := o.Properties.Get(key); v != nil {
			line += fmt.Sprintf(" %s=%v", key, v)
		}
	}
	fmt.Println(line)
	s := printedSpan{name: name, depth: depth}
	return tracing.WithSpan(ctx, s), s
}

type printedSpan struct {
	name  string
	depth int
}

func (s printedSpan) Name() string                            { return s.name }
func (s printedSpan) Context() tracing.SpanContext            { return tracing.SpanContext{} }
func (s printedSpan) AddEvent(string, ...tracing.EventOption) {}
func (s printedSpan) SetProperty(any, any)                    {}
func (s printedSpan) SetStatus(tracing.SpanStatus)            {}
func (s printedSpan) End()                                    {}

// Options.MeterProvider takes smithy-go's metrics interface; with
// OpenTelemetry:
//
//	o.MeterProvider = smithyotelmetrics.Adapt(otel.GetMeterProvider())
//
// Here a meter of the example's own counts client.call.attempts: a
// throttled first attempt makes two.
func ExampleOptions_meterProvider() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
	attempts := &attemptCounter{}
	client := srv.Client(func(o *customlabels.Options) {
		o.MeterProvider = attempts
		o.Retryer = zeroBackoff(3) // retry at once
	})

	if _, err := client.DescribeProjects(context.Background(), &customlabels.DescribeProjectsInput{}); err != nil {
		log.Fatal(err)
	}
	fmt.Println("client.call.attempts:", attempts.n)
	// Output:
	// client.call.attempts: 2
}

// attemptCounter is a MeterProvider whose only live instrument is
// client.call.attempts; every other one is smithy-go's no-op.
type attemptCounter struct {
	metrics.NopMeter
	n int64
}

func (c *attemptCounter) Meter(string, ...metrics.MeterOption) metrics.Meter { return c }

func (c *attemptCounter) Int64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	if name != "client.call.attempts" {
		return c.NopMeter.Int64Counter(name, opts...)
	}
	return c, nil
}

func (c *attemptCounter) Add(_ context.Context, n int64, _ ...metrics.RecordMetricOption) { c.n += n }
