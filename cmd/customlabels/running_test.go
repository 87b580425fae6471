package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// decodeRunning decodes the JSON output of customlabels running.
func decodeRunning(t *testing.T, out string) runningJSONOut {
	t.Helper()
	var v runningJSONOut
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&v), "output:\n%s", out)
	return v
}

// runningJSONOut mirrors the documented JSON output, so that a test
// decoding it with DisallowUnknownFields notices a key that is not
// documented.
type runningJSONOut struct {
	Models []struct {
		Region, ProjectName, ProjectArn, VersionName, ProjectVersionArn, Status string
		MinInferenceUnits, MaxInferenceUnits                                    int32
		MinHourlyCost, MaxHourlyCost                                            float64
	}
	Regions []struct {
		Region                               string
		Listed                               bool
		Models                               int
		MinInferenceUnits, MaxInferenceUnits int64
		MinHourlyCost, MaxHourlyCost         float64
		Error                                *struct {
			Code, Message, RequestID string
			HTTPStatusCode, Attempts int
		}
	}
	Total struct {
		Models                               int
		MinInferenceUnits, MaxInferenceUnits int64
		MinHourlyCost, MaxHourlyCost         float64
	}
	Price struct {
		PerInferenceUnitHour float64
		Currency, Basis      string
	}
}

// wantRunning is what the demo account runs in region, from the data the
// demo serves.
func wantRunning(region string) []customlabels.ProjectVersionDescription {
	var out []customlabels.ProjectVersionDescription
	for _, v := range demoData(region).ProjectVersions {
		if isRunning(v.Status) && v.Feature != customlabels.CustomizationFeatureContentModeration {
			out = append(out, v)
		}
	}
	return out
}

func TestRunningDemoAllRegions(t *testing.T) {
	r := runArgs(t, "running", "--demo", "--all-regions", "--output", "json")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	golden(t, "running-all-regions.json.golden", r.stdout)
	got := decodeRunning(t, r.stdout)

	require.Len(t, got.Regions, len(customLabelsRegions))
	var total, withModels, without int
	i := 0
	for j, reg := range got.Regions {
		assert.Equal(t, customLabelsRegions[j], reg.Region, "Regions in the documented order")
		assert.True(t, reg.Listed)
		assert.Nil(t, reg.Error)
		want := wantRunning(reg.Region)
		assert.Equal(t, len(want), reg.Models, "%s", reg.Region)
		for _, w := range want {
			require.Less(t, i, len(got.Models))
			m := got.Models[i]
			i++
			assert.Equal(t, reg.Region, m.Region)
			assert.Equal(t, w.ProjectVersionArn, m.ProjectVersionArn)
			assert.Equal(t, string(w.Status), m.Status)
			assert.Equal(t, w.MinInferenceUnits, m.MinInferenceUnits)
			assert.Equal(t, max(w.MinInferenceUnits, w.MaxInferenceUnits), m.MaxInferenceUnits)
			assert.InDelta(t, 4*float64(m.MinInferenceUnits), m.MinHourlyCost, 1e-9)
			assert.InDelta(t, 4*float64(m.MaxInferenceUnits), m.MaxHourlyCost, 1e-9)
			projectPrefix := m.ProjectArn[:strings.LastIndex(m.ProjectArn, "/")] // without the timestamp
			assert.True(t, strings.HasPrefix(m.ProjectVersionArn, projectPrefix+"/version/"+m.VersionName+"/"),
				"%s is a version of %s named %s", m.ProjectVersionArn, m.ProjectArn, m.VersionName)
		}
		total += len(want)
		if len(want) > 0 {
			withModels++
		} else {
			without++
		}
	}
	assert.Len(t, got.Models, total)
	assert.Equal(t, total, got.Total.Models)
	assert.GreaterOrEqual(t, withModels, 3, "the demo runs models in several Regions")
	assert.NotZero(t, without, "and none in some")
	assert.Equal(t, 4.0, got.Price.PerInferenceUnitHour)
	assert.Equal(t, "USD", got.Price.Currency)
	assert.Equal(t, "us-east-1 list price", got.Price.Basis)

	var status = map[string]bool{}
	for _, m := range got.Models {
		status[m.Status] = true
	}
	assert.True(t, status["RUNNING"], "the demo has running models")
}

func TestRunningDemoTable(t *testing.T) {
	r := runArgs(t, "running", "--demo", "--all-regions")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	golden(t, "running-all-regions.table.golden", r.stdout)
	assert.Contains(t, r.stdout, "per inference-unit hour (us-east-1 list price; prices differ by Region)")

	r = runArgs(t, "running", "--demo", "--region", "us-east-1", "--price-per-unit-hour", "1.5")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, "at $1.50 per inference-unit hour (--price-per-unit-hour; prices differ by Region)")
}

func TestRunningUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"zero price", []string{"--price-per-unit-hour", "0"}, "invalid --price-per-unit-hour 0"},
		{"negative price", []string{"--price-per-unit-hour", "-4"}, "invalid --price-per-unit-hour -4"},
		{"zero concurrency", []string{"--concurrency", "0"}, "invalid --concurrency 0"},
		{"all regions and a region", []string{"--all-regions", "--region", "eu-west-1"}, "--all-regions and --region cannot be combined"},
		{"bad region", []string{"--region", "us-east-1,-x"}, "invalid region"},
		{"positional", []string{"us-east-1"}, `unexpected argument "us-east-1"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"running", "--demo"}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}

// regionFakes starts one in-process fake per region with the demo data
// there and returns the --endpoint-url flags that reach them.
func regionFakes(t *testing.T, regions ...string) (map[string]*customlabelstest.Server, []string) {
	t.Helper()
	fakes := map[string]*customlabelstest.Server{}
	var args []string
	for _, r := range regions {
		fakes[r] = newFake(t, r)
		args = append(args, "--endpoint-url", r+"="+fakes[r].URL, "--region", r)
	}
	return fakes, args
}

func TestRunningPartialRegionalFailure(t *testing.T) {
	awsEnv(t)
	fakes, args := regionFakes(t, "us-east-1", "eu-west-1", "ap-northeast-1")
	// eu-west-1 refuses every request; ap-northeast-1 fails mid-way, on
	// its first DescribeProjectVersions.
	fakes["eu-west-1"].InjectFaults(20, customlabelstest.Exception("AccessDeniedException", 0, "User is not authorized to perform: rekognition:DescribeProjects"))
	fakes["ap-northeast-1"].InjectFault(customlabelstest.Latency(0))
	fakes["ap-northeast-1"].InjectFaults(20, customlabelstest.Exception("UnrecognizedClientException", 0, "The security token included in the request is invalid."))

	r := runArgs(t, append([]string{"running", "--output", "json"}, args...)...)
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "error: 2 of 3 Regions could not be listed: eu-west-1, ap-northeast-1\n", r.stderr)
	got := decodeRunning(t, r.stdout)
	require.Len(t, got.Regions, 3)
	assert.True(t, got.Regions[0].Listed)
	assert.Equal(t, len(wantRunning("us-east-1")), got.Regions[0].Models, "the Region that answered is listed in full")
	assert.Len(t, got.Models, len(wantRunning("us-east-1")))

	eu := got.Regions[1]
	assert.Equal(t, "eu-west-1", eu.Region)
	assert.False(t, eu.Listed)
	require.NotNil(t, eu.Error)
	assert.Equal(t, "AccessDeniedException", eu.Error.Code)
	assert.Equal(t, "User is not authorized to perform: rekognition:DescribeProjects", eu.Error.Message)
	assert.Equal(t, 400, eu.Error.HTTPStatusCode)
	assert.NotEmpty(t, eu.Error.RequestID)
	assert.Equal(t, 1, eu.Error.Attempts, "access denied is not retried")

	ap := got.Regions[2]
	assert.False(t, ap.Listed)
	require.NotNil(t, ap.Error)
	assert.Equal(t, "UnrecognizedClientException", ap.Error.Code)
	assert.Zero(t, ap.Models, "a Region that failed mid-way shows no partial count")

	t.Run("table", func(t *testing.T) {
		fakes["eu-west-1"].ClearFaults()
		fakes["eu-west-1"].InjectFaults(20, customlabelstest.Exception("AccessDeniedException", 0, "denied"))
		r := runArgs(t, append([]string{"running"}, args[:8]...)...) // us-east-1 and eu-west-1
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `\neu-west-1: not listed: AccessDeniedException \(request ID [0-9a-f-]+\): denied \(the caller needs rekognition:DescribeProjects and rekognition:DescribeProjectVersions\)\n$`, r.stdout)
		assert.Contains(t, r.stdout, "in 1 of 1 Region listed")
		assert.Equal(t, "error: 1 of 2 Regions could not be listed: eu-west-1\n", r.stderr)
	})
}

func TestRunningRetriesThrottling(t *testing.T) {
	awsEnv(t)
	fakes, args := regionFakes(t, "us-east-1", "eu-west-1")
	fakes["us-east-1"].InjectFaults(5, customlabelstest.Exception("ThrottlingException", 0, ""))
	fakes["eu-west-1"].InjectFaults(5, customlabelstest.Exception("ProvisionedThroughputExceededException", 0, ""))
	r := runArgs(t, append([]string{"running", "--output", "json"}, args...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	got := decodeRunning(t, r.stdout)
	assert.Len(t, got.Models, len(wantRunning("us-east-1"))+len(wantRunning("eu-west-1")))
	assert.Zero(t, fakes["us-east-1"].PendingFaults())
}

func TestRunningBoundsRequestsInFlight(t *testing.T) {
	awsEnv(t)
	// A proxy in front of every fake counts the requests in flight.
	var inFlight, peak atomic.Int32
	var mu sync.Mutex
	var args []string
	for _, region := range []string{"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"} {
		srv := newFake(t, region)
		srv.InjectFaults(3, customlabelstest.Latency(30*time.Millisecond))
		target, err := url.Parse(srv.URL)
		require.NoError(t, err)
		proxy := httputil.NewSingleHostReverseProxy(target)
		front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			mu.Lock()
			if n > peak.Load() {
				peak.Store(n)
			}
			mu.Unlock()
			defer inFlight.Add(-1)
			proxy.ServeHTTP(w, r)
		}))
		t.Cleanup(front.Close)
		args = append(args, "--region", region, "--endpoint-url", region+"="+front.URL)
	}
	r := runArgs(t, append([]string{"running", "--concurrency", "2"}, args...)...)
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, int32(2), peak.Load(), "at most --concurrency requests in flight, and that many used")
}

func TestRunningInterrupted(t *testing.T) {
	awsEnv(t)
	fakes, args := regionFakes(t, "us-east-1", "eu-west-1")
	fakes["eu-west-1"].InjectFault(customlabelstest.Latency(time.Minute))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan result)
	go func() { done <- runContext(ctx, append([]string{"running"}, args...)...) }()
	require.Eventually(t, func() bool { return fakes["eu-west-1"].PendingFaults() == 0 }, 10*time.Second, 5*time.Millisecond)
	cancel()
	select {
	case r := <-done:
		assert.Equal(t, exitInterrupted, r.code)
		assert.Equal(t, "interrupted\n", r.stderr)
		assert.Empty(t, r.stdout, "no partial answer")
	case <-time.After(10 * time.Second):
		t.Fatal("running did not return after its context was cancelled")
	}
}

// The README shows the output of its main command and of models; it must
// be the commands' output.
func TestReadmeShowsTheDemoOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	r := runArgs(t, "running", "--demo", "--all-regions")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, string(readme), "go run ./cmd/customlabels running --demo --all-regions")
	assert.Contains(t, string(readme), "```\n"+r.stdout+"```\n", "README.md shows the output of customlabels running --demo --all-regions")

	r = runArgs(t, "models", "--demo", "--region", "eu-west-1", "--status", "RUNNING,STARTING")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, string(readme), "$ customlabels models --demo --region eu-west-1 --status RUNNING,STARTING\n"+r.stdout+"```\n")
}
