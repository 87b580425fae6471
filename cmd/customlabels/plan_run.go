package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Carrying out a plan (plan.go): phase by phase, each step's call, then
// the wait until it has taken effect, with progress on stderr.

// projectVersions lists every version of a project.
func projectVersions(ctx context.Context, client customlabels.DescribeProjectVersionsAPIClient, projectArn string) ([]customlabels.ProjectVersionDescription, error) {
	return allOfProject(customlabels.AllProjectVersions(ctx, client, &customlabels.DescribeProjectVersionsInput{ProjectArn: projectArn}), projectArn)
}

// projectPolicies lists the policies of a Custom Labels project; an
// adapter has none.
func projectPolicies(ctx context.Context, client customlabels.ListProjectPoliciesAPIClient, project customlabels.ProjectDescription) ([]customlabels.ProjectPolicy, error) {
	if project.Feature == customlabels.CustomizationFeatureContentModeration {
		return nil, nil
	}
	return allOfProject(customlabels.AllProjectPolicies(ctx, client, &customlabels.ListProjectPoliciesInput{ProjectArn: project.ProjectArn}), project.ProjectArn)
}

// planRun carries out a plan.
type planRun struct {
	e        *env
	client   *customlabels.Client
	p        *plan
	poll     pollPolicy
	deadline time.Time
	maxWait  time.Duration
	prog     *progress
	start    time.Time
	// done marks the steps carried out.
	done []bool
}

// phases are the actions of each phase, in order: a phase's calls are all
// made before its waits.
var phases = [][]action{
	{actStop, actWaitStopped},
	{actWaitOut},
	{actDeleteVersion, actWaitVersion},
	{actDeleteDataset, actWaitDataset},
	{actDeletePolicy},
	{actDeleteProject},
}

// run carries out every step, phase by phase.
func (r *planRun) run(ctx context.Context) error {
	r.done = make([]bool, len(r.p.steps))
	r.start = time.Now()
	defer r.prog.done()
	for _, phase := range phases {
		var idx []int
		for i, s := range r.p.steps {
			if slices.Contains(phase, s.action) {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		if err := r.runPhase(ctx, idx); err != nil {
			return err
		}
	}
	return nil
}

// runPhase makes the calls of the steps idx, then waits for them.
func (r *planRun) runPhase(ctx context.Context, idx []int) error {
	steps := r.p.steps
	for _, i := range idx {
		s := steps[i]
		r.prog.show("%s %s", s.action, s.name)
		var err error
		switch s.action {
		case actStop:
			_, err = r.client.StopProjectVersion(ctx, &customlabels.StopProjectVersionInput{ProjectVersionArn: s.arn})
			var inUse *customlabels.ResourceInUseException
			if errors.As(err, &inUse) {
				err = nil // stopped or stopping since the plan was made: the wait tells
			}
		case actDeleteVersion:
			_, err = r.client.DeleteProjectVersion(ctx, &customlabels.DeleteProjectVersionInput{ProjectVersionArn: s.arn})
		case actDeletePolicy:
			_, err = r.client.DeleteProjectPolicy(ctx, &customlabels.DeleteProjectPolicyInput{ProjectArn: s.arn, PolicyName: s.name, PolicyRevisionId: s.revision})
		case actDeleteProject:
			_, err = r.client.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: s.arn})
		case actDeleteDataset:
			err = r.deleteDataset(ctx, s)
		case actWaitDataset:
			err = r.waitDataset(ctx, s)
		}
		if err != nil {
			return r.failed(i, err)
		}
	}
	for _, i := range idx {
		s := steps[i]
		var err error
		switch s.action {
		case actStop, actWaitStopped:
			err = r.waitVersion(ctx, s, "stopped", func(v *customlabels.ProjectVersionDescription) (bool, error) {
				switch v.Status {
				case customlabels.ProjectVersionStatusStopped:
					return true, nil
				case customlabels.ProjectVersionStatusStopping, customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusStarting:
					return false, nil
				}
				return true, nil // FAILED, or another state it can be deleted in
			})
		case actWaitOut:
			err = r.waitVersion(ctx, s, "done", func(v *customlabels.ProjectVersionDescription) (bool, error) {
				return !slices.Contains(inProgressStates, v.Status), nil
			})
		case actDeleteVersion, actWaitVersion:
			err = r.waitVersionDeleted(ctx, s)
		case actDeleteDataset, actWaitDataset:
			err = r.waitDatasetDeleted(ctx, s)
		case actDeleteProject:
			err = r.waitProjectDeleted(ctx, s)
		}
		if err != nil {
			return r.failed(i, err)
		}
		r.done[i] = true
	}
	return nil
}

// failed returns the error of step i, saying which step failed and how
// many were done.
func (r *planRun) failed(i int, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	n := 0
	for _, d := range r.done {
		if d {
			n++
		}
	}
	s := r.p.steps[i]
	return &notedError{err: doing(err, "step %d, %s %s", i+1, s.action, s.name),
		note: fmt.Sprintf("%d of %s were carried out; the plan stopped there", n, plural(len(r.p.steps), "step"))}
}

// remaining is the time left to wait.
func (r *planRun) remaining(s step) (time.Duration, error) {
	left := time.Until(r.deadline)
	if left <= 0 {
		return 0, fmt.Errorf("%w: waited %v (--max-wait) before %s %s", customlabels.ErrWaitTimeout, r.maxWait, s.action, s.name)
	}
	return left, nil
}

// waitVersion polls a version until accept says it is done.
func (r *planRun) waitVersion(ctx context.Context, s step, what string, accept func(*customlabels.ProjectVersionDescription) (bool, error)) error {
	a, err := customlabels.ParseARN(s.arn)
	if err != nil {
		return err
	}
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: r.p.project.ProjectArn, VersionNames: []string{a.VersionName}}
	delay := r.poll.first
	for attempt := 1; ; attempt++ {
		out, err := r.client.DescribeProjectVersions(ctx, in)
		if err != nil {
			return err
		}
		if len(out.ProjectVersionDescriptions) == 0 {
			return fmt.Errorf("model %s is gone", s.name)
		}
		v := &out.ProjectVersionDescriptions[0]
		r.prog.show("waiting for %s to be %s: %s (poll %d), %s elapsed", s.name, what, v.Status, attempt, elapsed(r.start))
		done, err := accept(v)
		if done || err != nil {
			return err
		}
		left, err := r.remaining(s)
		if err != nil {
			return err
		}
		if err := sleep(ctx, min(delay, left)); err != nil {
			return err
		}
		delay = min(2*delay, r.poll.max)
	}
}

// sleep waits for d, or returns ctx's error first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// waitVersionDeleted waits with the library's ProjectVersionDeletedWaiter.
func (r *planRun) waitVersionDeleted(ctx context.Context, s step) error {
	left, err := r.remaining(s)
	if err != nil {
		return err
	}
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: r.p.project.ProjectArn, VersionNames: []string{s.name}}
	return customlabels.NewProjectVersionDeletedWaiter(r.client, waiterOptions(r.poll, func(p customlabels.WaiterPoll) {
		r.prog.show("waiting for %s to be deleted: %s (poll %d), %s elapsed", s.name, pollStatus(p), p.Attempt, elapsed(r.start))
	})).Wait(ctx, in, left)
}

// waitProjectDeleted waits with the library's ProjectDeletedWaiter.
func (r *planRun) waitProjectDeleted(ctx context.Context, s step) error {
	left, err := r.remaining(s)
	if err != nil {
		return err
	}
	in := &customlabels.DescribeProjectsInput{ProjectNames: []string{s.name}}
	return customlabels.NewProjectDeletedWaiter(r.client, waiterOptions(r.poll, func(p customlabels.WaiterPoll) {
		r.prog.show("waiting for project %s to be deleted: %s (poll %d), %s elapsed", s.name, pollStatus(p), p.Attempt, elapsed(r.start))
	})).Wait(ctx, in, left)
}

// pollStatus is what a waiter's poll saw, for progress lines.
func pollStatus(p customlabels.WaiterPoll) string {
	switch {
	case p.Err != nil:
		return "poll failed: " + describeError(p.Err)
	case len(p.Versions) > 0:
		return string(p.Versions[0].Status)
	case len(p.Projects) > 0:
		return string(p.Projects[0].Status)
	case len(p.Datasets) > 0 && p.Datasets[0].Status != "":
		return string(p.Datasets[0].Status)
	}
	return "gone"
}

// The JSON output of delete, delete-project and cleanup; doc.go
// documents it.
type planJSON struct {
	ProjectArn string `json:"ProjectArn"`
	// DryRun is true with --dry-run: nothing was changed.
	DryRun bool       `json:"DryRun"`
	Steps  []stepJSON `json:"Steps"`
	// Blocked says why the plan cannot be carried out; empty when it can.
	Blocked []string   `json:"Blocked"`
	Kept    []keptJSON `json:"Kept,omitempty"`
	// Done is true once every step has been carried out.
	Done bool `json:"Done"`
}

type stepJSON struct {
	Action string `json:"Action"`
	// Resource is the ARN of the model, dataset or project; a policy's
	// project.
	Resource string `json:"Resource"`
	Name     string `json:"Name"`
	Status   string `json:"Status"`
	Done     bool   `json:"Done"`
}

type keptJSON struct {
	ProjectVersionArn string `json:"ProjectVersionArn"`
	Status            string `json:"Status"`
	Why               string `json:"Why"`
}

func newPlanJSON(p *plan, dryRun bool, done []bool) planJSON {
	out := planJSON{ProjectArn: p.project.ProjectArn, DryRun: dryRun, Steps: make([]stepJSON, len(p.steps)), Blocked: p.blocked}
	if out.Blocked == nil {
		out.Blocked = []string{}
	}
	all := len(done) == len(p.steps)
	for i, s := range p.steps {
		d := i < len(done) && done[i]
		all = all && d
		out.Steps[i] = stepJSON{Action: s.action.String(), Resource: s.arn, Name: s.name, Status: s.status, Done: d}
	}
	out.Done = all && !dryRun && len(p.blocked) == 0
	for _, k := range p.kept {
		out.Kept = append(out.Kept, keptJSON{ProjectVersionArn: k.version.ProjectVersionArn, Status: string(k.version.Status), Why: k.why})
	}
	return out
}

// writePlanTable prints the plan, numbered, for a person to read before
// it is carried out.
func writePlanTable(w io.Writer, p *plan) error {
	fmt.Fprintf(w, "Plan for project %s:\n", p.project.Name())
	if len(p.steps) == 0 {
		fmt.Fprintln(w, "  nothing to do")
	} else {
		tw := newTable(w)
		fmt.Fprintln(tw, "STEP\tACTION\tNAME\tSTATUS")
		for i, s := range p.steps {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", i+1, s.action, cell(s.name), cell(s.status))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, k := range p.kept {
		fmt.Fprintf(w, "keep %s (%s, %s)\n", k.version.VersionName(), k.version.Status, k.why)
	}
	for _, b := range p.blocked {
		fmt.Fprintf(w, "blocked: %s\n", b)
	}
	return nil
}
