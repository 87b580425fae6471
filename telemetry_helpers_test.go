package customlabels_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
)

// spanRecorder is a tracing.TracerProvider that keeps every span, for
// tests that check what the client traces without an OpenTelemetry SDK
// (compat/otel checks the same through one).
type spanRecorder struct {
	mu     sync.Mutex
	scopes []string
	spans  []*recordedSpan // in start order
}

type recordedSpan struct {
	rec    *spanRecorder
	name   string
	kind   tracing.SpanKind
	parent *recordedSpan
	props  map[any]any
	status tracing.SpanStatus
	ended  bool
}

func (r *spanRecorder) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scopes = append(r.scopes, scope)
	return recordingTracer{r}
}

type recordingTracer struct{ rec *spanRecorder }

func (t recordingTracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	s := &recordedSpan{rec: t.rec, name: name, kind: o.Kind, props: map[any]any{}}
	for k, v := range o.Properties.Values() {
		s.props[k] = v
	}
	if p, ok := tracing.GetSpan(ctx); ok {
		s.parent, _ = p.(*recordedSpan)
	}
	t.rec.mu.Lock()
	t.rec.spans = append(t.rec.spans, s)
	t.rec.mu.Unlock()
	return tracing.WithSpan(ctx, s), s
}

func (s *recordedSpan) Name() string                            { return s.name }
func (s *recordedSpan) Context() tracing.SpanContext            { return tracing.SpanContext{} }
func (s *recordedSpan) AddEvent(string, ...tracing.EventOption) {}
func (s *recordedSpan) SetProperty(k, v any) {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	s.props[k] = v
}
func (s *recordedSpan) SetStatus(st tracing.SpanStatus) {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	s.status = st
}
func (s *recordedSpan) End() {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	s.ended = true
}

// tree renders the spans as indented lines "name" under their parents, in
// start order, marking spans that never ended.
func (r *spanRecorder) tree() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	var walk func(parent *recordedSpan, depth int)
	walk = func(parent *recordedSpan, depth int) {
		for _, s := range r.spans {
			if s.parent != parent {
				continue
			}
			b.WriteString(strings.Repeat("  ", depth) + s.name)
			if !s.ended {
				b.WriteString(" (not ended)")
			}
			b.WriteString("\n")
			walk(s, depth+1)
		}
	}
	walk(nil, 0)
	return b.String()
}

// named returns the spans called name, in start order.
func (r *spanRecorder) named(name string) []*recordedSpan {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []*recordedSpan
	for _, s := range r.spans {
		if s.name == name {
			out = append(out, s)
		}
	}
	return out
}

// attrs returns a copy of the span's properties.
func (s *recordedSpan) attrs() map[any]any {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	out := make(map[any]any, len(s.props))
	for k, v := range s.props {
		out[k] = v
	}
	return out
}

// meterRecorder is a metrics.MeterProvider that keeps every instrument
// and measurement. Instruments it does not need are smithy-go's no-ops.
type meterRecorder struct {
	mu          sync.Mutex
	scopes      []string
	instruments map[string]*instrument
	fail        string // an instrument name whose creation fails
}

type instrument struct {
	rec          *meterRecorder
	name, kind   string
	unit, desc   string
	measurements []measurement
}

type measurement struct {
	value float64
	attrs map[any]any
}

func (r *meterRecorder) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scopes = append(r.scopes, scope)
	return recordingMeter{rec: r}
}

type recordingMeter struct {
	metrics.NopMeter
	rec *meterRecorder
}

func (m recordingMeter) instrument(name, kind string, opts []metrics.InstrumentOption) (*instrument, error) {
	var o metrics.InstrumentOptions
	for _, fn := range opts {
		fn(&o)
	}
	m.rec.mu.Lock()
	defer m.rec.mu.Unlock()
	if name == m.rec.fail {
		return nil, fmt.Errorf("instrument %s refused by the test", name)
	}
	if m.rec.instruments == nil {
		m.rec.instruments = map[string]*instrument{}
	}
	in := &instrument{rec: m.rec, name: name, kind: kind, unit: o.UnitLabel, desc: o.Description}
	m.rec.instruments[name] = in
	return in, nil
}

func (m recordingMeter) Float64Histogram(name string, opts ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	in, err := m.instrument(name, "histogram", opts)
	if err != nil {
		return nil, err
	}
	return float64Recorder{in}, nil
}

func (m recordingMeter) Int64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	in, err := m.instrument(name, "counter", opts)
	if err != nil {
		return nil, err
	}
	return int64Recorder{in}, nil
}

func (m recordingMeter) Int64UpDownCounter(name string, opts ...metrics.InstrumentOption) (metrics.Int64UpDownCounter, error) {
	in, err := m.instrument(name, "updowncounter", opts)
	if err != nil {
		return nil, err
	}
	return int64Recorder{in}, nil
}

type float64Recorder struct{ in *instrument }

func (r float64Recorder) Record(_ context.Context, v float64, opts ...metrics.RecordMetricOption) {
	r.in.record(v, opts)
}

type int64Recorder struct{ in *instrument }

func (r int64Recorder) Add(_ context.Context, v int64, opts ...metrics.RecordMetricOption) {
	r.in.record(float64(v), opts)
}

func (in *instrument) record(v float64, opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	attrs := map[any]any{}
	for k, v := range o.Properties.Values() {
		attrs[k] = v
	}
	in.rec.mu.Lock()
	defer in.rec.mu.Unlock()
	in.measurements = append(in.measurements, measurement{v, attrs})
}

// get returns the instrument called name, or nil.
func (r *meterRecorder) get(name string) *instrument {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.instruments[name]
}

// recorded returns the names of the instruments with measurements, sorted.
func (r *meterRecorder) recorded() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for name, in := range r.instruments {
		if len(in.measurements) > 0 {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// values returns the instrument's measurements.
func (in *instrument) values() []measurement {
	in.rec.mu.Lock()
	defer in.rec.mu.Unlock()
	return append([]measurement(nil), in.measurements...)
}

// sum adds up the instrument's measurements.
func (in *instrument) sum() float64 {
	var total float64
	for _, m := range in.values() {
		total += m.value
	}
	return total
}
