package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// modelAbout says, in the help of the subcommands that take a model, how
// a model is named.
const modelAbout = `

MODEL is the model's ARN
(arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP),
or PROJECT/VERSION: the PROJECT and VERSION columns of the models and
running tables, looked up in the Region of --region or the configuration
(also rekognition:DescribeProjects and rekognition:DescribeProjectVersions).`

// modelHelp says, in errors, how a model is named on the command line.
const modelHelp = "a model's ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP), " +
	"or PROJECT/VERSION as the models and running tables show them"

// modelRef is a model as the command line names it (MODEL of start, stop
// and wait; --model of detect): its ProjectVersionArn, or PROJECT/VERSION,
// the PROJECT and VERSION columns of the models and running tables, in
// the Region of --region or the configuration. Project and version
// names cannot hold a slash, and an ARN starts with "arn:", so the two
// forms cannot be mistaken for each other.
type modelRef struct {
	// arn is the model's ARN, given or found by resolve.
	arn string
	// project and version are the names given, when no ARN was.
	project, version string
	// params describe the model (DescribeProjectVersions): set by
	// resolve for names, found from the ARN when first needed.
	params *customlabels.DescribeProjectVersionsInput
}

// namePattern is what the service takes as a project or version name.
var namePattern = regexp.MustCompile(`^[a-zA-Z0-9_.\-]{1,255}$`)

// parseModelRef reads a model named by what (MODEL, --model) as arg. It
// returns the Region of an ARN, "" for names.
func parseModelRef(what, arg string) (modelRef, string, error) {
	if strings.HasPrefix(arg, "arn:") {
		a, err := customlabels.ParseARN(arg)
		if err != nil || a.VersionName == "" {
			return modelRef{}, "", usagef("invalid %s %q: not a model's ARN; %s must be %s", what, arg, what, modelHelp)
		}
		return modelRef{arn: arg}, a.Region, nil
	}
	project, version, ok := strings.Cut(arg, "/")
	if !ok || !namePattern.MatchString(project) || !namePattern.MatchString(version) {
		return modelRef{}, "", usagef("invalid %s %q: must be %s (names of 1 to 255 of [a-zA-Z0-9_.-])", what, arg, modelHelp)
	}
	return modelRef{project: project, version: version}, "", nil
}

// modelArg reads a model named by what (MODEL, --compare) as arg, and
// makes the Region of its ARN the run's (see regionOf).
func (c *commonFlags) modelArg(what, arg string) (modelRef, error) {
	ref, region, err := parseModelRef(what, arg)
	if err != nil {
		return modelRef{}, err
	}
	if err := c.regionOf(what, region); err != nil {
		return modelRef{}, err
	}
	return ref, nil
}

// resolve finds the ARN of a model named PROJECT/VERSION, in client's
// Region: DescribeProjects for the project's ARN (a version's ARN holds
// its project's creation time, which the names do not), then
// DescribeProjectVersions for the version's. A name that matches nothing
// is a usage error, as a mistyped --project is. A model given by its ARN
// needs nothing.
func (m *modelRef) resolve(ctx context.Context, client *customlabels.Client, what, region string) error {
	if m.arn != "" {
		return nil
	}
	projects, err := client.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{
		ProjectNames: []string{m.project},
		Features:     allFeatures(),
	})
	if err != nil {
		return err
	}
	projectArn := ""
	for _, p := range projects.ProjectDescriptions {
		if projectName(p.ProjectArn) == m.project {
			projectArn = p.ProjectArn
		}
	}
	if projectArn == "" {
		return usagef("%s %s/%s: no project %s in %s (the models subcommand lists them)", what, m.project, m.version, m.project, region)
	}
	params := &customlabels.DescribeProjectVersionsInput{ProjectArn: projectArn, VersionNames: []string{m.version}}
	versions, err := client.DescribeProjectVersions(ctx, params)
	if err != nil {
		return fromService(err, fmt.Sprintf("a project ARN (%q) in DescribeProjects", clip(projectArn, 100)))
	}
	for _, v := range versions.ProjectVersionDescriptions {
		if versionName(v.ProjectVersionArn) == m.version {
			m.arn, m.params = v.ProjectVersionArn, params
			return nil
		}
	}
	return usagef("%s %s/%s: project %s has no version %s (the models subcommand lists them)", what, m.project, m.version, m.project, m.version)
}

// describeInput returns the input that describes the model: the one
// resolve used, or one found from the ARN (ProjectVersionInput, one
// DescribeProjects call), kept for the next time.
func (m *modelRef) describeInput(ctx context.Context, client *customlabels.Client) (*customlabels.DescribeProjectVersionsInput, error) {
	if m.params == nil {
		params, err := customlabels.ProjectVersionInput(ctx, client, m.arn)
		if err != nil {
			return nil, err
		}
		m.params = params
	}
	return m.params, nil
}
