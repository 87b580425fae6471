package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// destroySettings are the flags of delete, delete-project and cleanup.
type destroySettings struct {
	common      commonFlags
	confirm     confirmFlags
	waits       waitFlags
	stopRunning bool
	keep        int
	model       modelRef   // delete
	project     projectRef // delete-project, cleanup
}

// defaultDestroyWait is how long delete, delete-project and cleanup wait
// in all: a training in progress may take 24 hours to end.
const defaultDestroyWait = 24 * time.Hour

const destroyAbout = `

It first prints the plan, each step with the status of what it acts on,
then carries it out with --yes, or when yes is typed at its prompt
(standard input a terminal); --dry-run only prints it. Without --yes or
--dry-run, and without a terminal, it refuses before sending anything.
Each step waits until it has taken effect (the library's waiters:
ProjectVersionDeletedWaiter, DatasetDeletedWaiter, ProjectDeletedWaiter),
up to --max-wait in all. A model that is RUNNING or STARTING is stopped
first only with --stop-running (IAM action
rekognition:StopProjectVersion); without it the plan is blocked, and the
command exits 1 having changed nothing. A model training or being copied
is waited for, then deleted. The plan is made with
rekognition:DescribeProjects, rekognition:DescribeProjectVersions and
rekognition:ListProjectPolicies.`

// parseDestroy parses the flags of a destructive subcommand and returns
// its one argument, what, which missing says how to give.
func parseDestroy(fs *flag.FlagSet, s *destroySettings, args []string, e *env, what, missing, synopsis, about string) (string, error) {
	positional, err := s.common.parse(fs, workflowOptions, args, e, synopsis, about)
	if err != nil {
		return "", err
	}
	if err := s.waits.check(s.common.set); err != nil {
		return "", err
	}
	return oneArgument(fs, positional, what, missing)
}

// newDestroyFlags returns the flag set of a destructive subcommand.
func newDestroyFlags(name string, s *destroySettings, stopRunning bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	s.confirm.register(fs)
	s.waits.register(fs, defaultDestroyWait, deletionPoll)
	if stopRunning {
		fs.BoolVar(&s.stopRunning, "stop-running", false, "stop running and starting models first, rather than refuse to delete them")
	}
	return fs
}

const deleteAbout = `
Deletes a model (project version: DeleteProjectVersion; IAM action
rekognition:DeleteProjectVersion) and waits until it is gone.` + destroyAbout + modelAbout

// runDelete is customlabels delete.
func runDelete(ctx context.Context, e *env, args []string) error {
	s := &destroySettings{}
	fs := newDestroyFlags("delete", s, true)
	arg, err := parseDestroy(fs, s, args, e, "MODEL", modelHelp, "MODEL [--stop-running] [--yes|--dry-run] [flags]", deleteAbout)
	if err != nil {
		return err
	}
	if s.model, err = s.common.modelArg("MODEL", arg); err != nil {
		return err
	}
	if err := s.confirm.check(e, "delete"); err != nil {
		return err
	}
	return s.destroy(ctx, e, func(ctx context.Context, region string, client *customlabels.Client) (*plan, error) {
		if err := s.model.resolve(ctx, client, "MODEL", region); err != nil {
			return nil, err
		}
		params, err := s.model.describeInput(ctx, client)
		if err != nil {
			return nil, err
		}
		out, err := client.DescribeProjectVersions(ctx, params)
		if err != nil {
			return nil, err
		}
		if len(out.ProjectVersionDescriptions) == 0 {
			return nil, usagef("MODEL %s: no such model in %s", s.model.arn, region)
		}
		project := customlabels.ProjectDescription{ProjectArn: params.ProjectArn}
		p := versionPlan(project, out.ProjectVersionDescriptions[0], s.stopRunning)
		return &p, nil
	})
}

const deleteProjectAbout = `
Deletes a project with everything in it: its models (project versions),
its datasets and its policies, then the project itself (IAM actions
rekognition:DeleteProjectVersion, rekognition:DeleteDataset,
rekognition:DeleteProjectPolicy, rekognition:DeleteProject), in the order
the service accepts.` + destroyAbout + projectAbout

// runDeleteProject is customlabels delete-project.
func runDeleteProject(ctx context.Context, e *env, args []string) error {
	s := &destroySettings{}
	fs := newDestroyFlags("delete-project", s, true)
	arg, err := parseDestroy(fs, s, args, e, "PROJECT", projectHelp, "PROJECT [--stop-running] [--yes|--dry-run] [flags]", deleteProjectAbout)
	if err != nil {
		return err
	}
	if s.project, err = s.common.projectArg("PROJECT", arg); err != nil {
		return err
	}
	if err := s.confirm.check(e, "delete-project"); err != nil {
		return err
	}
	return s.destroy(ctx, e, func(ctx context.Context, region string, client *customlabels.Client) (*plan, error) {
		project, err := s.project.describe(ctx, client, "PROJECT", region)
		if err != nil {
			return nil, err
		}
		versions, err := projectVersions(ctx, client, project.ProjectArn)
		if err != nil {
			return nil, err
		}
		policies, err := projectPolicies(ctx, client, project)
		if err != nil {
			return nil, err
		}
		p := projectPlan(project, versions, policies, s.stopRunning)
		return &p, nil
	})
}

const cleanupAbout = `
Deletes the models (project versions) of a project but the newest --keep
N (by creation time) of those that are not running, starting, training or
being copied, which it keeps too (IAM action
rekognition:DeleteProjectVersion). Models are never stopped: a model
someone runs is theirs to stop.` + destroyAbout + projectAbout

// runCleanup is customlabels cleanup.
func runCleanup(ctx context.Context, e *env, args []string) error {
	s := &destroySettings{}
	fs := newDestroyFlags("cleanup", s, false)
	fs.IntVar(&s.keep, "keep", 0, "keep the newest `N` models that are not running or in progress, 0 or more (required)")
	arg, err := parseDestroy(fs, s, args, e, "PROJECT", projectHelp, "PROJECT --keep N [--yes|--dry-run] [flags]", cleanupAbout)
	if err != nil {
		return err
	}
	if s.project, err = s.common.projectArg("PROJECT", arg); err != nil {
		return err
	}
	if !s.common.set["keep"] {
		return usagef("missing --keep N: how many of the newest models to keep (0 deletes every model that is not running or in progress)")
	}
	if s.keep < 0 {
		return usagef("invalid --keep %d: must be 0 or more", s.keep)
	}
	if err := s.confirm.check(e, "cleanup"); err != nil {
		return err
	}
	return s.destroy(ctx, e, func(ctx context.Context, region string, client *customlabels.Client) (*plan, error) {
		project, err := s.project.describe(ctx, client, "PROJECT", region)
		if err != nil {
			return nil, err
		}
		versions, err := projectVersions(ctx, client, project.ProjectArn)
		if err != nil {
			return nil, err
		}
		p := cleanupPlan(project, versions, s.keep)
		return &p, nil
	})
}

// errBlocked is a plan that cannot be carried out as asked.
var errBlocked = errors.New("the plan is blocked")

// destroy makes the plan with makePlan, prints it, and carries it out
// once confirmed.
func (s *destroySettings) destroy(ctx context.Context, e *env, makePlan func(context.Context, string, *customlabels.Client) (*plan, error)) error {
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	prog := newProgress(e)
	prog.show("making the plan")
	p, err := makePlan(ctx, region, client)
	prog.done()
	if err != nil {
		return err
	}
	jsonOut := s.common.output == "json"
	planOut := e.stdout
	if jsonOut {
		planOut = e.stderr // seen before the prompt; stdout holds the JSON only
	}
	if !jsonOut || (!s.confirm.yes && !s.confirm.dryRun) {
		if err := writePlanTable(planOut, p); err != nil {
			return err
		}
	}
	finish := func(done []bool, err error) error {
		if jsonOut {
			if werr := writeJSON(e.stdout, newPlanJSON(p, s.confirm.dryRun, done)); werr != nil && err == nil {
				err = werr
			}
		}
		return err
	}
	if len(p.blocked) > 0 {
		return finish(nil, &reportedError{msg: fmt.Sprintf("%s: %s; nothing was changed", errBlocked, strings.Join(p.blocked, "; "))})
	}
	if len(p.steps) == 0 {
		if !jsonOut {
			fmt.Fprintln(e.stdout, "Nothing to do.")
		}
		return finish(nil, nil)
	}
	ok, err := s.confirm.proceed(e, fmt.Sprintf("Carry out these %d steps?", len(p.steps)))
	if err != nil {
		return err
	}
	if !ok {
		if !jsonOut {
			fmt.Fprintln(e.stdout, "Dry run: nothing was changed.")
		}
		return finish(nil, nil)
	}
	r := &planRun{e: e, client: client, p: p, poll: s.waits.policy(&s.common, deletionPoll),
		deadline: time.Now().Add(s.waits.maxWait), maxWait: s.waits.maxWait, prog: newProgress(e)}
	err = r.run(ctx)
	if errors.Is(err, context.Canceled) {
		return err
	}
	if err == nil && !jsonOut {
		fmt.Fprintf(e.stdout, "Done: %s carried out.\n", plural(len(p.steps), "step"))
	}
	return finish(r.done, err)
}
