package customlabels_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Load of TestHardeningLoad: docs/RELIABILITY.md quotes these numbers.
const (
	loadGoroutines = 64
	// loadCalls is the calls per goroutine. Under the race detector each
	// call costs about ten times as much, so -race runs make
	// loadCallsRace per goroutine to stay within seconds on 2 cores;
	// CUSTOMLABELS_LOAD_CALLS sets another count for either.
	loadCalls     = 500
	loadCallsRace = 100
	loadRPS       = 1000
	// defaultIdleConnsPerHost is the idle pool of the client's default
	// transport (call_http_client.go): the connections it keeps, and so the
	// most a steady load should ever hold open.
	defaultIdleConnsPerHost = 100
)

func callsPerGoroutine(t *testing.T) int {
	if s := os.Getenv("CUSTOMLABELS_LOAD_CALLS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "CUSTOMLABELS_LOAD_CALLS")
		return n
	}
	if raceEnabled {
		return loadCallsRace
	}
	return loadCalls
}

// TestHardeningLoad runs 64 goroutines × 500 calls (× 100 under -race)
// through one client with its default transport and standard retryer (3
// attempts, retry quota) against the fake limited to 1,000 requests per
// second. Every call must
// end in a success or, after its retries, a typed ThrottlingException;
// nothing else. No goroutine outlives the test (goleak), the server never
// sees more connections than the client's idle pool, and memory stays
// bounded while the load runs and returns to where it was after.
func TestHardeningLoad(t *testing.T) {
	perGoroutine := callsPerGoroutine(t)
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

	srv, conns := newFake(t, customlabelstest.WithThrottleRPS(loadRPS),
		customlabelstest.WithProjects(customlabelstest.DemoProjects(4, 1)...))
	w := newSecretWatch()
	c := srv.Client(func(o *customlabels.Options) {
		o.Credentials = sessionCredentials()
		o.HTTPClient = nil // the client's own default transport and pool
		// The standard retryer, quota included, with a backoff short
		// enough for a test: up to 5ms, jittered.
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) {
				return time.Duration(rand.Int64N(int64(5 * time.Millisecond))), nil
			})
		})
	})

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	// Sample the heap and the open connections while the load runs.
	var peakHeap, peakOpen atomic.Int64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-stopSampling:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&m)
			peakHeap.Store(max(peakHeap.Load(), int64(m.HeapAlloc)))
			peakOpen.Store(max(peakOpen.Load(), conns.open()))
		}
	}()

	var ok, throttled atomic.Int64
	var mu sync.Mutex
	var others []error
	var lastThrottle error
	start := time.Now()
	var wg sync.WaitGroup
	for range loadGoroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perGoroutine {
				out, err := c.DescribeProjects(context.Background(), nil)
				var te *customlabels.ThrottlingException
				switch {
				case err == nil && len(out.ProjectDescriptions) == 2:
					ok.Add(1)
				case errors.As(err, &te) && te.Message == "Rate exceeded":
					throttled.Add(1)
					mu.Lock()
					lastThrottle = err
					mu.Unlock()
				default:
					mu.Lock()
					if err == nil {
						err = errors.New("a page without the fake's two projects")
					}
					others = append(others, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	close(stopSampling)
	<-sampled

	total := int64(loadGoroutines * perGoroutine)
	requests := len(srv.Requests()) // at most customlabelstest.MaxRecordedRequests
	t.Logf("%d goroutines × %d calls in %v: %d succeeded, %d throttled after their retries; %d connections accepted, at most %d open; peak heap %d MiB",
		loadGoroutines, perGoroutine, took.Round(time.Millisecond), ok.Load(), throttled.Load(), conns.accepted.Load(), peakOpen.Load(), peakHeap.Load()>>20)
	require.Empty(t, others, "calls that ended in neither success nor ThrottlingException; first: %v", firstErr(others))
	assert.Equal(t, total, ok.Load()+throttled.Load())
	assert.Positive(t, ok.Load())
	assert.Positive(t, requests)
	if lastThrottle != nil {
		w.check(t, lastThrottle)
	}

	assert.LessOrEqual(t, conns.accepted.Load(), int64(defaultIdleConnsPerHost),
		"the server saw more connections than the client's idle pool holds")
	assert.LessOrEqual(t, peakOpen.Load(), int64(defaultIdleConnsPerHost), "more connections open than the idle pool holds")
	assert.Less(t, peakHeap.Load(), int64(before.HeapAlloc)+256<<20, "heap grew without bound under load")

	// What the client keeps after the load: the fake's recorded requests
	// are dropped first, as they are the server's, not the client's.
	srv.ResetRequests()
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("heap after the load: %+d KiB", grown>>10)
	assert.Less(t, grown, int64(16<<20), "the client kept memory after the load")
	runtime.KeepAlive(c)

	srv.Close() // the server closes the pooled connections, ending their goroutines
	assert.Eventually(t, func() bool { return conns.open() == 0 }, 5*time.Second, 10*time.Millisecond)
}

func firstErr(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}
