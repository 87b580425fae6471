package benchmarks

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkRatios runs the three clients call by call in turn, rotating
// which goes first, so that a noisy machine slows all three alike, and
// reports each client's median time per call and customlabels' ratios to
// the floor and to the official SDK. BenchmarkDescribeProjects runs each
// client alone, for b.N calls in a row: on a shared machine whose load
// changes from second to second, its ratios move with the load; these do
// far less. Compare with
//
//	go test -run '^$' -bench Ratios -benchtime=2000x -count 6 . | tee ratios.txt
//	benchstat ratios.txt
func BenchmarkRatios(b *testing.B) {
	srv := newServer(b)
	ctx := context.Background()
	clients := newClients(srv.URL, 0)
	noRetry := newClients(srv.URL, 1)
	cases := []struct {
		name string
		call func(name string) error
	}{
		{"Page1", func(name string) error {
			n, err := clients[name].page(ctx, 1, "")
			if err == nil && n != 1 {
				err = fmt.Errorf("decoded %d projects, want 1", n)
			}
			return err
		}},
		{"Error400", func(name string) error { return noRetry[name].throttled(ctx, errorName) }},
		{"Throttled", func(name string) error { return noRetry[name].throttled(ctx, throttledName) }},
	}
	for _, tc := range cases {
		b.Run("case="+tc.name, func(b *testing.B) {
			times := map[string][]time.Duration{}
			for i := 0; i < b.N; i++ {
				for j := range clientNames {
					name := clientNames[(i+j)%len(clientNames)]
					start := time.Now()
					if err := tc.call(name); err != nil {
						b.Fatalf("%s: %v", name, err)
					}
					times[name] = append(times[name], time.Since(start))
				}
			}
			med := map[string]float64{}
			for _, name := range clientNames {
				ts := times[name]
				slices.Sort(ts)
				med[name] = float64(ts[len(ts)/2].Nanoseconds())
				b.ReportMetric(med[name], name+"-ns/call")
			}
			b.ReportMetric(med["customlabels"]/med["floor"], "x-floor")
			b.ReportMetric(med["customlabels"]/med["sdk"], "x-sdk")
			b.ReportMetric(0, "ns/op") // the three clients' sum; see the medians
		})
	}
}
