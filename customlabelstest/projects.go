package customlabelstest

import (
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Projects: CreateProject and DeleteProject, and the project lifecycle
// on the models' clock (CREATING, then CREATED; DELETING, then gone).

const (
	// DefaultProjectTime is how long a project created with CreateProject
	// stays CREATING.
	DefaultProjectTime = 5 * time.Second
	// DefaultDeletingTime is how long a project, dataset or version stays
	// DELETING (DELETE_IN_PROGRESS) before it is gone.
	DefaultDeletingTime = 10 * time.Second
)

// WithProjectTime sets how long, on the models' clock, a project created
// with CreateProject stays CREATING before it is CREATED. Zero means at
// once: CreateProject still answers, and the next DescribeProjects shows
// CREATED. The default is DefaultProjectTime.
func WithProjectTime(d time.Duration) Option {
	return func(c *config) { c.projectTime = max(d, 0) }
}

// WithDeletingTime sets how long, on the models' clock, a project, dataset
// or version being deleted stays DELETING (DELETE_IN_PROGRESS for a
// dataset) before it is gone. Zero means at once. The default is
// DefaultDeletingTime.
func WithDeletingTime(d time.Duration) Option {
	return func(c *config) { c.deletingTime = max(d, 0) }
}

// projectLife is a project's transitional status and when it ends, on the
// models' clock.
type projectLife struct {
	status customlabels.ProjectStatus
	due    time.Time
}

// createProject answers CreateProject: a project named in the caller's
// account, CREATING until the project time has passed. A name the account
// already uses is ResourceInUseException (assumed: the model lists no
// other conflict error for the operation, and the API reference does not
// say); AutoUpdate on a Custom Labels project is InvalidParameterException
// (assumed: the reference says it applies only to adapters). Feature is
// kept as sent: a project created without one is listed without one, as
// Terraform's provider reports the service does.
func (s *Server) createProject(c *caller, in *customlabels.CreateProjectInput) (*customlabels.CreateProjectOutput, error) {
	feature := in.Feature
	if feature == "" {
		feature = customlabels.CustomizationFeatureCustomLabels
	}
	if in.AutoUpdate != "" && feature != customlabels.CustomizationFeatureContentModeration {
		return nil, &customlabels.InvalidParameterException{Message: "AutoUpdate applies only to projects with the Feature CONTENT_MODERATION"}
	}
	now := s.lockSettled()
	defer s.mu.Unlock()
	prefix := s.arnPrefix(c.account) + "project/" + in.ProjectName + "/"
	for _, e := range s.store.entries {
		if strings.HasPrefix(e.p.ProjectArn, prefix) {
			return nil, &customlabels.ResourceInUseException{Message: "A project named " + in.ProjectName + " already exists"}
		}
	}
	arn := prefix + strconv.FormatInt(now.UnixMilli(), 10)
	p := customlabels.ProjectDescription{
		ProjectArn:        arn,
		CreationTimestamp: now,
		Status:            customlabels.ProjectStatusCreating,
		Feature:           in.Feature,
		AutoUpdate:        in.AutoUpdate,
	}
	if p.Feature == customlabels.CustomizationFeatureContentModeration && p.AutoUpdate == "" {
		p.AutoUpdate = customlabels.ProjectAutoUpdateDisabled
	}
	s.store.put(p)
	s.projectLife[arn] = &projectLife{status: customlabels.ProjectStatusCreating, due: now.Add(s.projectTime)}
	if len(in.Tags) > 0 {
		s.tagStore.set(arn, in.Tags)
	}
	return &customlabels.CreateProjectOutput{ProjectArn: arn}, nil
}

// deleteProject answers DeleteProject: an unknown project is
// ResourceNotFoundException; a project that still has versions or
// datasets is ResourceInUseException (the API reference names versions,
// the developer guide versions and datasets: both are refused); else the
// project is DELETING until the deleting time has passed, then gone with
// its policies and tags. A project already DELETING answers DELETING
// again (assumed).
func (s *Server) deleteProject(_ *caller, in *customlabels.DeleteProjectInput) (*customlabels.DeleteProjectOutput, error) {
	arn := in.ProjectArn
	now := s.lockSettled()
	defer s.mu.Unlock()
	s.sweepVersions(now) // versions whose deletion has ended are gone
	e, ok := s.store.byArn[arn]
	if !ok {
		return nil, &customlabels.ResourceNotFoundException{Message: "The project " + arn + " does not exist"}
	}
	if e.p.Status != customlabels.ProjectStatusDeleting {
		if n := len(s.versions.versions(&versionQuery{project: projectKey(arn), limit: 1})); n > 0 {
			return nil, &customlabels.ResourceInUseException{Message: "The project " + arn + " has versions: delete them with DeleteProjectVersion first"}
		}
		if len(e.p.Datasets) > 0 {
			return nil, &customlabels.ResourceInUseException{Message: "The project " + arn + " has datasets: delete them with DeleteDataset first"}
		}
		p := e.p
		p.Status = customlabels.ProjectStatusDeleting
		s.store.put(p)
		s.projectLife[arn] = &projectLife{status: customlabels.ProjectStatusDeleting, due: now.Add(s.deletingTime)}
	}
	return &customlabels.DeleteProjectOutput{Status: customlabels.ProjectStatusDeleting}, nil
}

// lockSettled locks s.mu and settles the projects and datasets at the
// time of the models' clock, which it returns: how a handler that reads
// or changes them begins. The caller unlocks s.mu.
func (s *Server) lockSettled() time.Time {
	now := s.modelNow()
	s.mu.Lock()
	s.settleProjects(now)
	return now
}

// settleProjects ends the projects' transitional statuses whose time has
// come by now, on the models' clock, after the datasets' (which a project
// lists). s.mu is held.
func (s *Server) settleProjects(now time.Time) {
	s.settleDatasets(now)
	for arn, life := range s.projectLife {
		if now.Before(life.due) {
			continue
		}
		delete(s.projectLife, arn)
		e, ok := s.store.byArn[arn]
		if !ok {
			continue
		}
		switch life.status {
		case customlabels.ProjectStatusCreating:
			p := e.p
			p.Status = customlabels.ProjectStatusCreated
			s.store.put(p)
		case customlabels.ProjectStatusDeleting:
			s.dropProject(arn)
		}
	}
}

// dropProject removes a project with what goes with it: its versions
// (unless another project of its name remains), its project policies and
// the tags of everything removed. It reports whether the project was
// present. s.mu is held.
func (s *Server) dropProject(arn string) bool {
	if !s.store.remove(arn) {
		return false
	}
	s.removeVersionsOf(projectKey(arn))
	s.removeDatasetsOf(arn)
	s.policies.removeProject(arn)
	s.tagStore.prune(s.resourceExists)
	return true
}

// arnPrefix returns "arn:PARTITION:rekognition:REGION:ACCOUNT:" for the
// server's Region.
func (s *Server) arnPrefix(account string) string {
	partition := "aws"
	switch {
	case strings.HasPrefix(s.region, "cn-"):
		partition = "aws-cn"
	case strings.HasPrefix(s.region, "us-gov-"):
		partition = "aws-us-gov"
	}
	return "arn:" + partition + ":rekognition:" + s.region + ":" + account + ":"
}
