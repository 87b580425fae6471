// Package usertest is code as a user of customlabels writes it, in a
// module of its own that reaches the library only through its public API
// (a replace directive points at this repository), and its tests at the
// three levels the README describes: a testify mock of a role interface,
// customlabelstest's Stub transport, and customlabelstest's fake server.
// Run it from this directory:
//
//	go test -race ./...
package usertest

import (
	"context"
	"fmt"

	"github.com/rekognition-go/customlabels"
)

// Fleet is what StartStopped needs of Rekognition: it lists projects and
// their models, and starts models. *customlabels.Client satisfies it.
type Fleet interface {
	customlabels.ProjectsReader
	customlabels.ModelController
}

// StartStopped starts every STOPPED model of every Custom Labels project
// with units inference units, and returns the ARNs of the models it
// started, in the order listed. It stops at the first error, returning
// the models started until then.
func StartStopped(ctx context.Context, fleet Fleet, units int32) ([]string, error) {
	var started []string
	for p, err := range customlabels.AllProjects(ctx, fleet, nil) {
		if err != nil {
			return started, fmt.Errorf("list projects: %w", err)
		}
		in := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn}
		for v, err := range customlabels.AllProjectVersions(ctx, fleet, in) {
			if err != nil {
				return started, fmt.Errorf("list the models of %s: %w", p.ProjectArn, err)
			}
			if v.Status != customlabels.ProjectVersionStatusStopped {
				continue
			}
			_, err := fleet.StartProjectVersion(ctx, &customlabels.StartProjectVersionInput{
				ProjectVersionArn: v.ProjectVersionArn,
				MinInferenceUnits: units,
			})
			if err != nil {
				return started, fmt.Errorf("start %s: %w", v.ProjectVersionArn, err)
			}
			started = append(started, v.ProjectVersionArn)
		}
	}
	return started, nil
}
