package main

import (
	"strings"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The demo account: one in-process customlabelstest fake per Region, each
// with its own projects, the same on every run, so that outputs can be
// checked word for word. us-east-1 has enough projects for several pages
// at --page-size 10; some Regions have none.
const (
	demoDefaultRegion = customlabelstest.DefaultRegion
	demoTokenKey      = "customlabels demo"
)

// demoAccount is what the demo account holds in one Region.
type demoRegion struct {
	projects int
	seed     int64
}

// demoRegions are the demo account's Regions; a Region of
// customLabelsRegions missing here is empty.
var demoRegions = map[string]demoRegion{
	"us-east-1":      {projects: 25, seed: 1},
	"us-west-2":      {projects: 6, seed: 2},
	"eu-west-1":      {projects: 9, seed: 3},
	"eu-central-1":   {projects: 2, seed: 4},
	"ap-northeast-1": {projects: 4, seed: 5},
	"ap-southeast-2": {projects: 1, seed: 6},
}

// demoProjects returns the demo account's projects in region.
func demoProjects(region string) []customlabels.ProjectDescription {
	d, ok := demoRegions[region]
	if !ok {
		return nil
	}
	return inRegion(customlabelstest.DemoProjects(d.projects, d.seed), region)
}

// inRegion rewrites the ARNs of ps, made for DefaultRegion, into region.
func inRegion(ps []customlabels.ProjectDescription, region string) []customlabels.ProjectDescription {
	from := ":" + customlabelstest.DefaultRegion + ":"
	to := ":" + region + ":"
	for i := range ps {
		ps[i].ProjectArn = strings.Replace(ps[i].ProjectArn, from, to, 1)
		for j := range ps[i].Datasets {
			ps[i].Datasets[j].DatasetArn = strings.Replace(ps[i].Datasets[j].DatasetArn, from, to, 1)
		}
	}
	return ps
}

// newDemo starts a fake for each of regions and returns clients for them.
func newDemo(regions []string, policy retryPolicy, optFns []func(*customlabels.Options)) *clients {
	cs := &clients{regions: regions, byRegion: map[string]*customlabels.Client{}}
	var servers []*customlabelstest.Server
	for _, r := range regions {
		srv := customlabelstest.NewServer(
			customlabelstest.WithRegion(r),
			customlabelstest.WithProjects(demoProjects(r)...),
			// A fixed key: a NextToken printed by one run works in the next.
			customlabelstest.WithTokenKey([]byte(demoTokenKey)),
		)
		servers = append(servers, srv)
		cs.byRegion[r] = srv.Client(append([]func(*customlabels.Options){policy.apply}, optFns...)...)
	}
	cs.close = func() {
		for _, s := range servers {
			s.Close()
		}
	}
	return cs
}
