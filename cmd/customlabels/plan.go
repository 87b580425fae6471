package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// What delete, delete-project and cleanup will do: a plan, made from what
// the service says of a project (its versions, datasets and policies)
// without sending anything else, in the order the service accepts. A
// running model cannot be deleted, nor one training or being copied; a
// project with models or datasets cannot be deleted. So the steps are, in
// phases: stop the running and starting models (only with --stop-running)
// and wait until they are STOPPED, wait out the trainings and copies in
// progress, delete the models and wait until they are gone, delete the
// datasets and wait, delete the policies, delete the project and wait.

// action is what a step does.
type action int

const (
	actStop          action = iota // StopProjectVersion, then wait until STOPPED
	actWaitStopped                 // a model STOPPING: wait until STOPPED
	actWaitOut                     // a training or copy in progress: wait until it ends
	actDeleteVersion               // DeleteProjectVersion, then wait until gone
	actWaitVersion                 // a model already DELETING: wait until gone
	actDeleteDataset               // DeleteDataset, then wait until gone
	actWaitDataset                 // a dataset creating, updating or deleting: wait, then delete if still there
	actDeletePolicy                // DeleteProjectPolicy
	actDeleteProject               // DeleteProject, then wait until gone
)

// actionNames are the actions as the plan prints them, and as the JSON
// output's Action.
var actionNames = map[action]string{
	actStop:          "stop model",
	actWaitStopped:   "wait until stopped",
	actWaitOut:       "wait until it ends",
	actDeleteVersion: "delete model",
	actWaitVersion:   "wait until deleted",
	actDeleteDataset: "delete dataset",
	actWaitDataset:   "wait, then delete dataset",
	actDeletePolicy:  "delete policy",
	actDeleteProject: "delete project",
}

func (a action) String() string { return actionNames[a] }

// step is one thing a plan does to one resource.
type step struct {
	action action
	// arn is the resource's ARN: a version's, a dataset's, or the
	// project's (for a policy, its project's).
	arn string
	// name is what a person calls it: the version's name, the dataset's
	// type, the policy's name, the project's name.
	name string
	// status is the resource's status when the plan was made, and more a
	// person needs ("RUNNING, 2 inference units").
	status string
	// revision is a policy's revision, deleted only if it is still the
	// current one.
	revision string
}

// plan is what a destructive subcommand will do.
type plan struct {
	project customlabels.ProjectDescription
	steps   []step
	// blocked says, for each model that stops the plan, why: a running
	// model without --stop-running.
	blocked []string
	// kept are the models cleanup keeps, each with why.
	kept []keptVersion
}

// keptVersion is a model cleanup does not delete.
type keptVersion struct {
	version customlabels.ProjectVersionDescription
	why     string
}

// Version states, by what a plan does with a model in them.
var (
	runningStates    = []customlabels.ProjectVersionStatus{customlabels.ProjectVersionStatusRunning, customlabels.ProjectVersionStatusStarting}
	inProgressStates = []customlabels.ProjectVersionStatus{customlabels.ProjectVersionStatusTrainingInProgress, customlabels.ProjectVersionStatusCopyingInProgress}
)

// versionPhases are the steps of deleting one model: what comes before
// its deletion (stop, or wait), and the deletion. blocked is set for a
// running model without stopRunning: the steps are shown, so that the
// plan says what --stop-running would do, and the plan is not carried
// out.
func versionPhases(v customlabels.ProjectVersionDescription, stopRunning bool) (before *step, del *step, blocked string) {
	s := func(a action) *step {
		return &step{action: a, arn: v.ProjectVersionArn, name: v.VersionName(), status: planStatus(v)}
	}
	switch {
	case slices.Contains(runningStates, v.Status):
		if !stopRunning {
			blocked = fmt.Sprintf("%s is %s: pass --stop-running to stop it first", v.VersionName(), planStatus(v))
		}
		return s(actStop), s(actDeleteVersion), blocked
	case v.Status == customlabels.ProjectVersionStatusStopping:
		return s(actWaitStopped), s(actDeleteVersion), ""
	case slices.Contains(inProgressStates, v.Status):
		return s(actWaitOut), s(actDeleteVersion), ""
	case v.Status == customlabels.ProjectVersionStatusDeleting:
		return nil, s(actWaitVersion), ""
	}
	return nil, s(actDeleteVersion), ""
}

// planStatus is a model's status for the plan, with its inference
// units when it runs.
func planStatus(v customlabels.ProjectVersionDescription) string {
	s := string(v.Status)
	if !slices.Contains(runningStates, v.Status) || v.MinInferenceUnits == 0 {
		return s
	}
	if v.MaxInferenceUnits > v.MinInferenceUnits {
		return fmt.Sprintf("%s, %d-%d inference units", s, v.MinInferenceUnits, v.MaxInferenceUnits)
	}
	return s + ", " + plural(int(v.MinInferenceUnits), "inference unit")
}

// addVersions adds to p the steps that delete versions, phase by phase:
// the stops, then the waits, then the deletions.
func (p *plan) addVersions(versions []customlabels.ProjectVersionDescription, stopRunning bool) {
	var before, dels []step
	for _, v := range versions {
		b, d, blocked := versionPhases(v, stopRunning)
		if blocked != "" {
			p.blocked = append(p.blocked, blocked)
		}
		if b != nil {
			before = append(before, *b)
		}
		dels = append(dels, *d)
	}
	// Stops first, so that models stop while trainings are waited out.
	slices.SortStableFunc(before, func(a, b step) int { return int(a.action) - int(b.action) })
	p.steps = append(p.steps, before...)
	p.steps = append(p.steps, dels...)
}

// projectPlan is delete-project's plan: every model, every dataset, every
// policy, then the project.
func projectPlan(project customlabels.ProjectDescription, versions []customlabels.ProjectVersionDescription, policies []customlabels.ProjectPolicy, stopRunning bool) plan {
	p := plan{project: project}
	p.addVersions(versions, stopRunning)
	for _, d := range project.Datasets {
		a := actDeleteDataset
		switch d.Status {
		case customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusUpdateInProgress, customlabels.DatasetStatusDeleteInProgress:
			a = actWaitDataset
		}
		p.steps = append(p.steps, step{action: a, arn: d.DatasetArn, name: string(d.DatasetType), status: string(d.Status)})
	}
	for _, pol := range policies {
		p.steps = append(p.steps, step{action: actDeletePolicy, arn: project.ProjectArn, name: pol.PolicyName, revision: pol.PolicyRevisionId,
			status: "allows " + allowedPrincipals(pol.PolicyDocument)})
	}
	p.steps = append(p.steps, step{action: actDeleteProject, arn: project.ProjectArn, name: project.Name(), status: string(project.Status)})
	return p
}

// versionPlan is delete's plan: one model.
func versionPlan(project customlabels.ProjectDescription, v customlabels.ProjectVersionDescription, stopRunning bool) plan {
	p := plan{project: project}
	p.addVersions([]customlabels.ProjectVersionDescription{v}, stopRunning)
	return p
}

// cleanupPlan is cleanup's plan: it keeps the models that run or start,
// those in progress (training, copying), and the keep newest of the
// others, and deletes the rest. Models already being deleted are waited
// for. versions are in any order; the newest are by CreationTimestamp.
func cleanupPlan(project customlabels.ProjectDescription, versions []customlabels.ProjectVersionDescription, keep int) plan {
	p := plan{project: project}
	sorted := slices.Clone(versions)
	slices.SortStableFunc(sorted, func(a, b customlabels.ProjectVersionDescription) int {
		return b.CreationTimestamp.Compare(a.CreationTimestamp)
	})
	var doomed []customlabels.ProjectVersionDescription
	newest := 0
	for _, v := range sorted {
		switch {
		case slices.Contains(runningStates, v.Status):
			p.kept = append(p.kept, keptVersion{v, strings.ToLower(string(v.Status))})
		case slices.Contains(inProgressStates, v.Status):
			p.kept = append(p.kept, keptVersion{v, "in progress"})
		case v.Status == customlabels.ProjectVersionStatusDeleting:
			doomed = append(doomed, v)
		case newest < keep:
			newest++
			p.kept = append(p.kept, keptVersion{v, "one of the newest " + strconv.Itoa(keep)})
		default:
			doomed = append(doomed, v)
		}
	}
	p.addVersions(doomed, false)
	return p
}
