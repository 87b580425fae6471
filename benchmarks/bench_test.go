package benchmarks

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
)

// parallelGoroutines is how many goroutines share one client in the
// Parallel64 case.
const parallelGoroutines = 64

// BenchmarkDescribeProjects runs the same calls through each library
// against one loopback server. Compare with
//
//	benchstat -col /client results.txt
//
// Every case checks that each call decoded the projects the server sent,
// so a library cannot win by doing less.
func BenchmarkDescribeProjects(b *testing.B) {
	srv := newServer(b)
	ctx := context.Background()
	clients := newClients(srv.URL, 0)
	noRetry := newClients(srv.URL, 1)

	for _, name := range clientNames {
		b.Run("case=Page1/client="+name, func(b *testing.B) { benchPage(b, ctx, clients[name], 1) })
	}
	for _, name := range clientNames {
		b.Run("case=Page100/client="+name, func(b *testing.B) { benchPage(b, ctx, clients[name], pageSize) })
	}
	for _, name := range clientNames {
		b.Run("case=List10000/client="+name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				n, err := clients[name].list(ctx, listToken(0))
				if err != nil {
					b.Fatal(err)
				}
				if n != listPages*pageSize {
					b.Fatalf("listed %d projects, want %d", n, listPages*pageSize)
				}
			}
		})
	}
	for _, name := range clientNames {
		b.Run("case=Throttled/client="+name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := noRetry[name].throttled(ctx, throttledName); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, name := range clientNames {
		b.Run("case=Error400/client="+name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := noRetry[name].throttled(ctx, errorName); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, name := range clientNames {
		b.Run("case=Parallel64/client="+name, func(b *testing.B) {
			c := clients[name]
			b.ReportAllocs()
			b.SetParallelism((parallelGoroutines + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			var errs, wrong atomic.Int64
			var firstErr atomic.Value
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n, err := c.page(ctx, 1, "")
					switch {
					case err != nil:
						errs.Add(1)
						firstErr.CompareAndSwap(nil, err)
					case n != 1:
						wrong.Add(1)
					}
				}
			})
			b.ReportMetric(float64(errs.Load()), "errors")
			if errs.Load() != 0 || wrong.Load() != 0 {
				b.Fatalf("%d calls failed (first: %v), %d decoded the wrong number of projects", errs.Load(), firstErr.Load(), wrong.Load())
			}
		})
	}
}

func benchPage(b *testing.B, ctx context.Context, c client, size int32) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		n, err := c.page(ctx, size, "")
		if err != nil {
			b.Fatal(err)
		}
		if n != int(size) {
			b.Fatalf("decoded %d projects, want %d", n, size)
		}
	}
}
