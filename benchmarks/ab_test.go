//go:build ab

package benchmarks

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/rekognition-go/customlabels"
	base "github.com/rekognition-go/customlabelsbase"
)

// BenchmarkAB compares this commit's client with an earlier commit's (the
// module customlabelsbase, which ab.sh makes from it) call by call, in
// turn, in one binary: the ratio new/base of the median call time is what
// a change did to speed, free of the machine's load that moves both
// alike. Run it with bash ab.sh [BASE_REV].
func BenchmarkAB(b *testing.B) {
	srv, vsrv, dsrv := newServer(b), newVersionsServer(b, 100), newDetectServer(b)
	ctx := context.Background()
	newClient := func(url string, attempts int) *customlabels.Client {
		return customlabels.New(customlabels.Options{Region: region, BaseEndpoint: url, Credentials: newCredentials(),
			HTTPClient: newHTTPClient(), RetryMaxAttempts: attempts})
	}
	baseClient := func(url string, attempts int) *base.Client {
		return base.New(base.Options{Region: region, BaseEndpoint: url, Credentials: newCredentials(),
			HTTPClient: newHTTPClient(), RetryMaxAttempts: attempts})
	}
	nDef, bDef := newClient(srv.URL, 0), baseClient(srv.URL, 0)
	nOne, bOne := newClient(srv.URL, 1), baseClient(srv.URL, 1)
	nVer, bVer := newClient(vsrv.URL, 0), baseClient(vsrv.URL, 0)
	nDet, bDet := newClient(dsrv.URL, 0), baseClient(dsrv.URL, 0)
	want := func(got, n int, err error) error {
		if err == nil && got != n {
			err = fmt.Errorf("got %d items, want %d", got, n)
		}
		return err
	}
	page := func(n int32) [2]func() error {
		return [2]func() error{
			func() error {
				out, err := bDef.DescribeProjects(ctx, &base.DescribeProjectsInput{MaxResults: n})
				return want(len(out.ProjectDescriptions), int(n), err)
			},
			func() error {
				out, err := nDef.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: n})
				return want(len(out.ProjectDescriptions), int(n), err)
			},
		}
	}
	versions := [2]func() error{
		func() error {
			out, err := bVer.DescribeProjectVersions(ctx, &base.DescribeProjectVersionsInput{ProjectArn: versionsProject})
			return want(len(out.ProjectVersionDescriptions), 100, err)
		},
		func() error {
			out, err := nVer.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: versionsProject})
			return want(len(out.ProjectVersionDescriptions), 100, err)
		},
	}
	errorResponse := [2]func() error{
		func() error {
			_, err := bOne.DescribeProjects(ctx, &base.DescribeProjectsInput{ProjectNames: []string{errorName}})
			var te *base.ThrottlingException
			if !errors.As(err, &te) {
				return fmt.Errorf("got %v", err)
			}
			return nil
		},
		func() error {
			_, err := nOne.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{errorName}})
			var te *customlabels.ThrottlingException
			if !errors.As(err, &te) {
				return fmt.Errorf("got %v", err)
			}
			return nil
		},
	}
	detect := func(img []byte) [2]func() error {
		return [2]func() error{
			func() error {
				_, err := bDet.DetectCustomLabels(ctx, &base.DetectCustomLabelsInput{ProjectVersionArn: detectModelArn, Image: base.Image{Bytes: img}})
				return err
			},
			func() error {
				_, err := nDet.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectModelArn, Image: customlabels.Image{Bytes: img}})
				return err
			},
		}
	}
	cases := []struct {
		name  string
		calls [2]func() error
	}{
		{"Page1", page(1)},
		{"Page100", page(100)},
		{"Versions100", versions},
		{"Error400", errorResponse},
		{"Detect64KiB", detect(benchImage(64 << 10))},
		{"Detect4MiB", detect(benchImage(4 << 20))},
	}
	for _, tc := range cases {
		b.Run("case="+tc.name, func(b *testing.B) {
			var times [2][]time.Duration
			for i := 0; i < b.N; i++ {
				for j := 0; j < 2; j++ {
					k := (i + j) % 2 // who goes first alternates
					start := time.Now()
					if err := tc.calls[k](); err != nil {
						b.Fatalf("%s: %v", [2]string{"base", "new"}[k], err)
					}
					times[k] = append(times[k], time.Since(start))
				}
			}
			var med [2]float64
			for k := range times {
				slices.Sort(times[k])
				med[k] = float64(times[k][len(times[k])/2].Nanoseconds())
			}
			b.ReportMetric(med[0], "base-ns/call")
			b.ReportMetric(med[1], "new-ns/call")
			b.ReportMetric(med[1]/med[0], "x-base")
			b.ReportMetric(0, "ns/op")
		})
	}
}
