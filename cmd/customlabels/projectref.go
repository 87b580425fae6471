package main

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// projectHelp says, in errors, how a project is named on the command line.
const projectHelp = "a project's ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP) or its name"

// projectAbout says, in the help of the subcommands that take a project,
// how a project is named.
const projectAbout = `

PROJECT is the project's ARN
(arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP), whose Region
is the run's, or its name, looked up in the Region of --region or the
configuration (rekognition:DescribeProjects).`

// projectRef is a project as the command line names it: its ARN, or its
// name in the Region of --region or the configuration.
type projectRef struct {
	arn  string // the ARN given, or "" for a name
	name string
}

// parseProjectRef reads a project named by what (PROJECT, --to) as arg.
// It returns the Region of an ARN, "" for a name.
func parseProjectRef(what, arg string) (projectRef, string, error) {
	if strings.HasPrefix(arg, "arn:") {
		a, err := customlabels.ParseARN(arg)
		if err != nil || a.VersionName != "" {
			return projectRef{}, "", usagef("invalid %s %q: not a project's ARN; %s must be %s", what, arg, what, projectHelp)
		}
		return projectRef{arn: arg, name: a.ProjectName}, a.Region, nil
	}
	if !namePattern.MatchString(arg) {
		return projectRef{}, "", usagef("invalid %s %q: must be %s (a name is 1 to 255 of [a-zA-Z0-9_.-])", what, arg, projectHelp)
	}
	return projectRef{name: arg}, "", nil
}

// projectArg reads a project named by what (PROJECT, --to) as arg, and
// makes the Region of its ARN the run's (see regionOf).
func (c *commonFlags) projectArg(what, arg string) (projectRef, error) {
	ref, region, err := parseProjectRef(what, arg)
	if err != nil {
		return projectRef{}, err
	}
	if err := c.regionOf(what, region); err != nil {
		return projectRef{}, err
	}
	return ref, nil
}

// allOfProject collects a listing of what the project projectArn holds.
// The ARN is the one DescribeProjects gave: an error about it is the
// service's (see fromService).
func allOfProject[T any](listing iter.Seq2[T, error], projectArn string) ([]T, error) {
	var all []T
	for item, err := range listing {
		if err != nil {
			return nil, fromService(err, fmt.Sprintf("a project ARN (%q) in DescribeProjects", clip(projectArn, 100)))
		}
		all = append(all, item)
	}
	return all, nil
}

// describe returns the project as DescribeProjects lists it, in client's
// Region. A project that is not there is a usage error: a mistyped name
// must not look like an empty project. A project named by an ARN must
// have that ARN: a project deleted and created again under the same name
// has another.
func (p projectRef) describe(ctx context.Context, client customlabels.DescribeProjectsAPIClient, what, region string) (customlabels.ProjectDescription, error) {
	in := &customlabels.DescribeProjectsInput{ProjectNames: []string{p.name}, Features: allFeatures()}
	for d, err := range customlabels.AllProjects(ctx, client, in) {
		if err != nil {
			return customlabels.ProjectDescription{}, err
		}
		if projectName(d.ProjectArn) == p.name && (p.arn == "" || d.ProjectArn == p.arn) {
			return d, nil
		}
	}
	if p.arn != "" {
		return customlabels.ProjectDescription{}, usagef("%s %s: no such project in %s (the projects subcommand lists them)", what, p.arn, region)
	}
	return customlabels.ProjectDescription{}, usagef("%s %s: no project of that name in %s (the projects subcommand lists them)", what, p.name, region)
}
