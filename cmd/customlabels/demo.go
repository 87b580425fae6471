package main

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The demo account: one in-process customlabelstest fake per Region, each
// with its own projects and models (customlabelstest.DemoData), the same
// on every run, so that outputs can be checked word for word. us-east-1
// has enough projects for several pages at --page-size 10; some Regions
// have projects but nothing running, some have nothing at all. Every
// Region answers: partial failures are shown in the tests, not in the
// demo.
const (
	demoDefaultRegion = customlabelstest.DefaultRegion
	demoTokenKey      = "customlabels demo"
	demoSeed          = 1

	demoStartingTime = 5 * time.Second
	demoStoppingTime = 2 * time.Second
	demoTrainingTime = 10 * time.Second
	demoCopyTime     = 5 * time.Second
	demoProjectTime  = time.Second // creating and deleting a project
	demoDeletingTime = 2 * time.Second
	demoDatasetTime  = 2 * time.Second // creating and updating a dataset
)

// demoRegionProjects is the number of projects the demo account has in
// each Region; a Region of customLabelsRegions missing here is empty.
var demoRegionProjects = map[string]int{
	"us-east-1":      25,
	"us-west-2":      12,
	"eu-west-1":      9,
	"eu-central-1":   3,
	"ap-northeast-1": 6,
	"ap-southeast-2": 2,
}

// demoStarting are the Regions where the demo account has just started
// its first trained Custom Labels model, so that STARTING models appear
// too.
var demoStarting = map[string]bool{"eu-west-1": true, "us-west-2": true}

// demoData returns the demo account's projects and models in region.
func demoData(region string) customlabelstest.Data {
	d := customlabelstest.DemoData(region, demoRegionProjects[region], demoSeed)
	if !demoStarting[region] {
		return d
	}
	for i := range d.ProjectVersions {
		v := &d.ProjectVersions[i]
		if v.Status == customlabels.ProjectVersionStatusTrainingCompleted && v.Feature != customlabels.CustomizationFeatureContentModeration {
			v.Status = customlabels.ProjectVersionStatusStarting
			v.StatusMessage = "The model is being started."
			v.MinInferenceUnits, v.MaxInferenceUnits = 2, 4
			break
		}
	}
	return d
}

// demoModels returns how the demo account's Custom Labels models answer
// DetectCustomLabels once running: each finds two labels named after its
// project's subject ("shelf-finder-1": shelf-ok and shelf-defect), with
// confidences that are a function of the image, and no boxes.
func demoModels(d customlabelstest.Data) []customlabelstest.Option {
	var opts []customlabelstest.Option
	for _, v := range d.ProjectVersions {
		if v.Feature == customlabels.CustomizationFeatureContentModeration {
			continue
		}
		opts = append(opts, customlabelstest.WithModel(v.ProjectVersionArn, customlabelstest.Model{
			Detect: customlabelstest.HashLabels(demoLabels(v)...),
		}))
	}
	return opts
}

// demoProjects returns the demo account's projects in region.
func demoProjects(region string) []customlabels.ProjectDescription {
	return demoData(region).Projects
}

// newDemo starts a fake for each of regions and returns clients for them.
func newDemo(regions []string, policy retryPolicy, optFns []func(*customlabels.Options)) *clients {
	cs := &clients{regions: regions, byRegion: map[string]*customlabels.Client{}, s3ByRegion: map[string]*s3.Client{}}
	var servers []*customlabelstest.Server
	for _, r := range regions {
		d := demoData(r)
		srv := customlabelstest.NewServer(append(append(append(append(d.Options(), demoModels(d)...), demoObjects(d)...), demoDatasetObjects()...),
			customlabelstest.WithRegion(r),
			// A fixed key: a NextToken printed by one run works in the next.
			customlabelstest.WithTokenKey([]byte(demoTokenKey)),
			// Models start, stop and train in seconds, so that --wait can
			// be tried; long enough that a listing sees them as they are.
			customlabelstest.WithStartingTime(demoStartingTime),
			customlabelstest.WithStoppingTime(demoStoppingTime),
			customlabelstest.WithTrainingTime(demoTrainingTime),
			customlabelstest.WithCopyTime(demoCopyTime),
			customlabelstest.WithProjectTime(demoProjectTime),
			customlabelstest.WithDeletingTime(demoDeletingTime),
			customlabelstest.WithDatasetTime(demoDatasetTime),
		)...)
		servers = append(servers, srv)
		cs.byRegion[r] = srv.Client(append([]func(*customlabels.Options){policy.apply}, optFns...)...)
		cs.s3ByRegion[r] = s3.NewFromConfig(srv.AWSConfig(), func(o *s3.Options) {
			o.UsePathStyle = true
			policy.applyS3(o)
		})
	}
	cs.close = func() {
		for _, s := range servers {
			s.Close()
		}
	}
	return cs
}
