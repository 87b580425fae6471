package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// createProjectSettings are the flags of customlabels create-project.
type createProjectSettings struct {
	common     commonFlags
	name       string
	feature    customlabels.CustomizationFeature
	autoUpdate string
	tags       tagsFlag
	wait       bool
	waits      waitFlags
}

var workflowOptions = commonOptions{}

const createProjectAbout = `
Creates a project (CreateProject; IAM action rekognition:CreateProject, and
rekognition:TagResource with --tag): a Custom Labels project, or with
--feature CONTENT_MODERATION a Custom Moderation adapter. The project is
CREATING for a few seconds; --wait waits until it is CREATED
(rekognition:DescribeProjects). A name already taken in the Region is
refused by the service (ResourceInUseException, exit status 1).`

func parseCreateProject(args []string, e *env) (*createProjectSettings, error) {
	s := &createProjectSettings{}
	fs := flag.NewFlagSet("create-project", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	feature := fs.String("feature", "CUSTOM_LABELS", "CUSTOM_LABELS (a model) or CONTENT_MODERATION (an adapter)")
	fs.StringVar(&s.autoUpdate, "auto-update", "", "ENABLED or DISABLED: retrain an adapter on new base models (CONTENT_MODERATION only; default: the service's)")
	fs.Var(&s.tags, "tag", "tag the project with `KEY=VALUE` (repeatable)")
	fs.BoolVar(&s.wait, "wait", false, "wait until the project is CREATED")
	s.waits.register(fs, 10*time.Minute, projectPoll)
	positional, err := s.common.parse(fs, workflowOptions, args, e, "NAME [--feature F] [--tag KEY=VALUE]... [--wait] [flags]", createProjectAbout)
	if err != nil {
		return nil, err
	}
	if err := s.waits.check(s.common.set); err != nil {
		return nil, err
	}
	if s.name, err = oneArgument(fs, positional, "NAME", "the new project's name, 1 to 255 of [a-zA-Z0-9_.-]"); err != nil {
		return nil, err
	}
	if !namePattern.MatchString(s.name) {
		return nil, usagef("invalid NAME %q: must be 1 to 255 of [a-zA-Z0-9_.-]", s.name)
	}
	switch f := customlabels.CustomizationFeature(strings.ToUpper(*feature)); f {
	case customlabels.CustomizationFeatureCustomLabels, customlabels.CustomizationFeatureContentModeration:
		s.feature = f
	default:
		return nil, usagef("invalid --feature %q: must be CUSTOM_LABELS or CONTENT_MODERATION", *feature)
	}
	if s.autoUpdate != "" {
		s.autoUpdate = strings.ToUpper(s.autoUpdate)
		if s.autoUpdate != "ENABLED" && s.autoUpdate != "DISABLED" {
			return nil, usagef("invalid --auto-update %q: must be ENABLED or DISABLED", s.autoUpdate)
		}
		if s.feature != customlabels.CustomizationFeatureContentModeration {
			return nil, usagef("--auto-update applies to adapters only: add --feature CONTENT_MODERATION")
		}
	}
	return s, nil
}

// runCreateProject is customlabels create-project.
func runCreateProject(ctx context.Context, e *env, args []string) error {
	s, err := parseCreateProject(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	_, client := cs.one()
	out, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{
		ProjectName: s.name,
		Feature:     s.feature,
		AutoUpdate:  customlabels.ProjectAutoUpdate(s.autoUpdate),
		Tags:        s.tags.m,
	})
	if err != nil {
		return err
	}
	if out.Recovered {
		fmt.Fprintf(e.stderr, "the answer to CreateProject was lost; %s is the project that attempt created\n", s.name)
	}
	res := createProjectJSON{ProjectArn: out.ProjectArn, Status: string(customlabels.ProjectStatusCreating)}
	if s.wait {
		p := s.waits.policy(&s.common, projectPoll)
		prog := newProgress(e)
		start := time.Now()
		got, err := customlabels.NewProjectCreatedWaiter(client, waiterOptions(p, func(poll customlabels.WaiterPoll) {
			prog.show("waiting for %s to be CREATED: %s, %s elapsed", s.name, projectStatus(poll.Projects, s.name, poll.Err), elapsed(start))
		})).WaitForOutput(ctx, &customlabels.DescribeProjectsInput{ProjectNames: []string{s.name}}, s.waits.maxWait)
		prog.done()
		if err != nil {
			return err
		}
		res.Status = projectStatus(got.ProjectDescriptions, s.name, nil)
	}
	return writeOutput(e.stdout, s.common.output, res, writeCreateProjectTable)
}

// projectStatus returns the status of the project named name among ps,
// for progress lines.
func projectStatus(ps []customlabels.ProjectDescription, name string, err error) string {
	if err != nil {
		return "poll failed: " + describeError(err)
	}
	for _, p := range ps {
		if p.Name() == name {
			return string(p.Status)
		}
	}
	return "not listed"
}

// createProjectJSON is the JSON output of create-project; doc.go
// documents it.
type createProjectJSON struct {
	ProjectArn string `json:"ProjectArn"`
	// Status is CREATING, or with --wait the status reached.
	Status string `json:"Status"`
}

func writeCreateProjectTable(w io.Writer, res createProjectJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "PROJECT\tSTATUS\tARN")
	fmt.Fprintf(tw, "%s\t%s\t%s\n", cell(projectName(res.ProjectArn)), cell(res.Status), cell(res.ProjectArn))
	return tw.Flush()
}
