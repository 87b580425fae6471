package customlabels

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// The waiters of projects: created (CREATING → CREATED) and deleted
// (DELETING → gone). The official SDKs have neither; Terraform's provider
// polls DescribeProjects by hand for both.

var projectCreatedSpec = waiterSpec[ProjectStatus]{
	name:     "ProjectCreated",
	minDelay: 5 * time.Second,
	maxWait:  10 * time.Minute,
	gone:     waitFailure,
	accept: func(s ProjectStatus) (waitState, string) {
		switch s {
		case ProjectStatusCreated:
			return waitSuccess, ""
		case ProjectStatusCreating:
			return waitRetry, ""
		case ProjectStatusDeleting:
			return waitFailure, "it is being deleted"
		}
		return waitRetry, ""
	},
}

var projectDeletedSpec = waiterSpec[ProjectStatus]{
	name:     "ProjectDeleted",
	minDelay: 5 * time.Second,
	maxWait:  30 * time.Minute,
	gone:     waitSuccess,
	accept: func(s ProjectStatus) (waitState, string) {
		if s == ProjectStatusDeleting {
			return waitRetry, ""
		}
		return waitFailure, "it is not being deleted: call DeleteProject first (after deleting its versions and datasets)"
	},
}

// ProjectCreatedWaiter waits until named projects are CREATED.
type ProjectCreatedWaiter struct{ w projectWaiter }

// NewProjectCreatedWaiter returns a waiter that polls client until the
// projects named in the params are CREATED, after CreateProject, failing
// at once on a project that is missing or being deleted.
func NewProjectCreatedWaiter(client DescribeProjectsAPIClient, optFns ...func(*WaiterOptions)) *ProjectCreatedWaiter {
	return &ProjectCreatedWaiter{newProjectWaiter(client, &projectCreatedSpec, optFns)}
}

// Wait polls until every project named in params.ProjectNames (1 to 10,
// required) is CREATED, and returns nil then. Without Features in params
// it looks among Custom Labels projects and Custom Moderation adapters.
// It returns a *WaiterStateError when a project cannot become CREATED or
// is missing, an error matching ErrWaitTimeout after maxWait (zero means
// 10 minutes), the poll's error when it is not retryable, or ctx's error.
func (w *ProjectCreatedWaiter) Wait(ctx context.Context, params *DescribeProjectsInput, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, params, maxWait, optFns)
	return err
}

// WaitForOutput is Wait, returning also the projects as the last poll
// saw them.
func (w *ProjectCreatedWaiter) WaitForOutput(ctx context.Context, params *DescribeProjectsInput, maxWait time.Duration, optFns ...func(*WaiterOptions)) (*DescribeProjectsOutput, error) {
	return w.w.wait(ctx, params, maxWait, optFns)
}

// ProjectDeletedWaiter waits until named projects are gone.
type ProjectDeletedWaiter struct{ w projectWaiter }

// NewProjectDeletedWaiter returns a waiter that polls client until the
// projects named in the params are no longer listed, after DeleteProject,
// failing at once on a project that is not DELETING.
func NewProjectDeletedWaiter(client DescribeProjectsAPIClient, optFns ...func(*WaiterOptions)) *ProjectDeletedWaiter {
	return &ProjectDeletedWaiter{newProjectWaiter(client, &projectDeletedSpec, optFns)}
}

// Wait polls until no project named in params.ProjectNames (1 to 10,
// required) is listed, and returns nil then. Errors are as for
// ProjectCreatedWaiter.Wait; zero maxWait means 30 minutes.
func (w *ProjectDeletedWaiter) Wait(ctx context.Context, params *DescribeProjectsInput, maxWait time.Duration, optFns ...func(*WaiterOptions)) error {
	_, err := w.w.wait(ctx, params, maxWait, optFns)
	return err
}

// projectWaiter polls DescribeProjects until spec accepts.
type projectWaiter struct {
	client DescribeProjectsAPIClient
	spec   *waiterSpec[ProjectStatus]
	opts   WaiterOptions
}

func newProjectWaiter(client DescribeProjectsAPIClient, spec *waiterSpec[ProjectStatus], optFns []func(*WaiterOptions)) projectWaiter {
	return projectWaiter{client: client, spec: spec, opts: waiterOptions(optFns)}
}

func (w *projectWaiter) wait(ctx context.Context, params *DescribeProjectsInput, maxWait time.Duration, optFns []func(*WaiterOptions)) (*DescribeProjectsOutput, error) {
	if params == nil || len(params.ProjectNames) == 0 {
		return nil, &InvalidParamError{Input: "DescribeProjectsInput", Field: "ProjectNames",
			Rule: "must name the projects to wait for"}
	}
	in := *params
	in.NextToken = ""
	if len(in.Features) == 0 {
		in.Features = []CustomizationFeature{CustomizationFeatureCustomLabels, CustomizationFeatureContentModeration}
	}
	var last DescribeProjectsOutput
	l := loop[DescribeProjectsOutput]{
		name: w.spec.name, minDelay: w.spec.minDelay, maxWait: w.spec.maxWait, opts: w.opts,
		poll: func(ctx context.Context, poll *WaiterPoll) (*DescribeProjectsOutput, bool, error) {
			last = DescribeProjectsOutput{}
			for p, err := range AllProjects(ctx, w.client, &in) {
				if err != nil {
					return nil, false, err
				}
				last.ProjectDescriptions = append(last.ProjectDescriptions, p)
			}
			poll.Projects = last.ProjectDescriptions
			done, err := w.judge(in.ProjectNames, last.ProjectDescriptions)
			return &last, done, err
		},
		state: func(poll *WaiterPoll) string {
			state := ""
			for _, p := range poll.Projects {
				state += fmt.Sprintf(", %s is %s", p.Name(), p.Status)
			}
			return state
		},
	}
	return l.run(ctx, maxWait, optFns)
}

// judge applies the acceptors to the named projects.
func (w *projectWaiter) judge(names []string, projects []ProjectDescription) (bool, error) {
	allDone := true
	for _, name := range names {
		var p ProjectDescription
		i := slices.IndexFunc(projects, func(p ProjectDescription) bool { return p.Name() == name })
		if i >= 0 {
			p = projects[i]
		}
		switch state, why := w.spec.verdict(p.Status, i >= 0); state {
		case waitFailure:
			return true, &WaiterStateError{Waiter: w.spec.name, Resource: "project " + quoteShort(name),
				ResourceStatus: string(p.Status), Reason: why}
		case waitRetry:
			allDone = false
		}
	}
	return allDone, nil
}
