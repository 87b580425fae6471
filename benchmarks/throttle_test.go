package benchmarks

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// throttleLoad is the shape of BenchmarkThrottledCalls: goroutines ×
// calls against the fake limited to rps requests per second (its burst
// is rps requests).
type throttleLoad struct {
	goroutines, calls int
	rps               float64
}

// defaultThrottleLoad is small enough for CI (-benchtime=1x): about 3 s
// per client and mode. docs/RELIABILITY.md's figures are from
// CUSTOMLABELS_THROTTLE=64x100@200, the load of issue 9.
var defaultThrottleLoad = throttleLoad{goroutines: 8, calls: 8, rps: 16}

func throttleLoadFromEnv(b *testing.B) throttleLoad {
	l := defaultThrottleLoad
	if v := os.Getenv("CUSTOMLABELS_THROTTLE"); v != "" {
		if _, err := fmt.Sscanf(v, "%dx%d@%g", &l.goroutines, &l.calls, &l.rps); err != nil {
			b.Fatalf("CUSTOMLABELS_THROTTLE=%q: want GOROUTINESxCALLS@RPS, e.g. 64x100@200", v)
		}
	}
	return l
}

// BenchmarkThrottledCalls runs the same load through customlabels and the
// official SDK, each with its default retries (3 attempts, real backoff
// and retry quota) in standard and adaptive mode, one client shared by
// all goroutines, against customlabelstest limited in rate. Each
// iteration is the whole load; it reports the share of calls that
// succeeded, those that ended throttled, the requests sent and the time,
// and prints one row of the table in docs/RELIABILITY.md. Any outcome
// other than a success or a ThrottlingException fails it.
//
//	go test -run '^$' -bench ThrottledCalls -benchtime=1x .
//	CUSTOMLABELS_THROTTLE=64x100@200 go test -run '^$' -bench ThrottledCalls -benchtime=1x -timeout 30m .
func BenchmarkThrottledCalls(b *testing.B) {
	load := throttleLoadFromEnv(b)
	fmt.Printf("\n%d goroutines × %d calls, fake limited to %g requests/s\n\n", load.goroutines, load.calls, load.rps)
	fmt.Println("| client | mode | calls succeeded | throttled | requests sent | time |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, mode := range []aws.RetryMode{aws.RetryModeStandard, aws.RetryModeAdaptive} {
		for _, name := range []string{"customlabels", "sdk"} {
			b.Run("mode="+string(mode)+"/client="+name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					runThrottled(b, load, name, mode)
				}
			})
		}
	}
}

func runThrottled(b *testing.B, load throttleLoad, name string, mode aws.RetryMode) {
	b.StopTimer()
	var requests atomic.Int64
	srv := customlabelstest.NewServer(
		customlabelstest.WithThrottleRPS(load.rps),
		customlabelstest.WithRequestHook(func(customlabelstest.Request) { requests.Add(1) }),
	)
	defer srv.Close()
	creds := aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(
		customlabelstest.DefaultAccessKeyID, customlabelstest.DefaultSecretAccessKey, ""))
	hc := newHTTPClient()
	defer hc.CloseIdleConnections()

	var call func(context.Context) error
	switch name {
	case "customlabels":
		c := customlabels.New(customlabels.Options{
			Region: srv.Region(), BaseEndpoint: srv.URL, Credentials: creds, HTTPClient: hc, RetryMode: mode,
		})
		call = func(ctx context.Context) error {
			_, err := c.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: 1})
			var te *customlabels.ThrottlingException
			if errors.As(err, &te) {
				return errThrottled
			}
			return err
		}
	case "sdk":
		c := rekognition.New(rekognition.Options{
			Region: srv.Region(), BaseEndpoint: aws.String(srv.URL), Credentials: creds, HTTPClient: hc, RetryMode: mode,
		})
		call = func(ctx context.Context) error {
			_, err := c.DescribeProjects(ctx, &rekognition.DescribeProjectsInput{MaxResults: aws.Int32(1)})
			var te *types.ThrottlingException
			if errors.As(err, &te) {
				return errThrottled
			}
			return err
		}
	}

	var ok, throttled atomic.Int64
	var firstOther atomic.Value
	var wg sync.WaitGroup
	ctx := context.Background()
	b.StartTimer()
	start := time.Now()
	for g := 0; g < load.goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < load.calls; i++ {
				switch err := call(ctx); {
				case err == nil:
					ok.Add(1)
				case errors.Is(err, errThrottled):
					throttled.Add(1)
				default:
					firstOther.CompareAndSwap(nil, err)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	total := load.goroutines * load.calls
	if err := firstOther.Load(); err != nil {
		b.Fatalf("%s (%s): a call failed with neither success nor throttling: %v", name, mode, err)
	}
	b.ReportMetric(100*float64(ok.Load())/float64(total), "%succeeded")
	b.ReportMetric(float64(throttled.Load()), "throttled")
	b.ReportMetric(float64(requests.Load()), "requests")
	b.ReportMetric(elapsed.Seconds(), "s")
	fmt.Printf("| %s | %s | %d of %d (%.1f%%) | %d | %d | %.1f s |\n", name, mode,
		ok.Load(), total, 100*float64(ok.Load())/float64(total), throttled.Load(), requests.Load(), elapsed.Seconds())
}

// errThrottled marks a call that ended with a ThrottlingException after
// its retries.
var errThrottled = errors.New("throttled")
