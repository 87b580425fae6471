package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// modelsSettings are the flags of customlabels models.
type modelsSettings struct {
	common   commonFlags
	projects []string
	statuses []customlabels.ProjectVersionStatus
}

var modelsOptions = commonOptions{listing: true}

const modelsAbout = `
Lists every model (project version) of the selected projects of one
Region, default all, with its status, inference units, and when it was
created and trained (IAM actions rekognition:DescribeProjects and
rekognition:DescribeProjectVersions). Custom Moderation adapters' versions
are listed too. PROJECT/VERSION, a row's first two columns joined by a
slash, names the model for start, stop, wait and detect; --output json
shows the ARNs.`

func parseModels(args []string, e *env) (*modelsSettings, error) {
	s := &modelsSettings{}
	fs := flag.NewFlagSet("models", flag.ContinueOnError)
	s.common.register(fs, modelsOptions)
	fs.Var((*namesFlag)(&s.projects), "project", "list only this project's models (repeatable, or comma-separated)")
	fs.Func("status", "list only models in these statuses, comma-separated, e.g. RUNNING,STARTING (repeatable)", func(v string) error {
		for _, st := range strings.Split(v, ",") {
			st = strings.ToUpper(strings.TrimSpace(st))
			known := customlabels.ProjectVersionStatus("").Values()
			if !slices.Contains(known, customlabels.ProjectVersionStatus(st)) {
				names := make([]string, len(known))
				for i, k := range known {
					names[i] = string(k)
				}
				return fmt.Errorf("unknown status %q: must be one of %s", st, strings.Join(names, ", "))
			}
			if !slices.Contains(s.statuses, customlabels.ProjectVersionStatus(st)) {
				s.statuses = append(s.statuses, customlabels.ProjectVersionStatus(st))
			}
		}
		return nil
	})
	positional, err := parseFlags(fs, args, e, "[--project NAME]... [--status S,...] [flags]", modelsAbout)
	if err != nil {
		return nil, err
	}
	if len(positional) > 0 {
		return nil, usagef("unexpected argument %q: every option is a flag", positional[0])
	}
	if err := s.common.check(fs, modelsOptions); err != nil {
		return nil, err
	}
	return s, nil
}

// runModels is customlabels models.
func runModels(ctx context.Context, e *env, args []string) error {
	s, err := parseModels(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, modelsOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	models, err := listModels(ctx, region, client, s, newProgress(e))
	if err != nil {
		return err
	}
	if s.common.output == "json" {
		return writeModelsJSON(e.stdout, models)
	}
	return writeModelsTable(e.stdout, models)
}

// model is one project version and its project.
type model struct {
	project customlabels.ProjectDescription
	version customlabels.ProjectVersionDescription
}

// listModels lists the versions of the projects s selects, in the order
// of the projects, then the service's.
func listModels(ctx context.Context, region string, client *customlabels.Client, s *modelsSettings, prog *progress) ([]model, error) {
	defer prog.done()
	projects, err := selectProjects(ctx, client, s.projects)
	if err != nil {
		return nil, err
	}
	models := []model{}
	for i, p := range projects {
		in := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn}
		for v, err := range customlabels.AllProjectVersions(ctx, client, in) {
			if err != nil {
				return nil, fromService(err, fmt.Sprintf("a project ARN (%q) in DescribeProjects", clip(p.ProjectArn, 100)))
			}
			if len(s.statuses) == 0 || slices.Contains(s.statuses, v.Status) {
				models = append(models, model{project: p, version: v})
			}
		}
		prog.show("listing %s: %d of %s, %s so far", region, i+1, plural(len(projects), "project"), plural(len(models), "model"))
	}
	return models, nil
}

// selectProjects returns the projects named, all of them when names is
// empty, of both features. A name that matches no project is an error:
// a typo must not look like a project without models.
func selectProjects(ctx context.Context, client customlabels.DescribeProjectsAPIClient, names []string) ([]customlabels.ProjectDescription, error) {
	var projects []customlabels.ProjectDescription
	// The service takes at most 10 names per request.
	for chunk := range chunks(names, 10) {
		in := &customlabels.DescribeProjectsInput{ProjectNames: chunk, Features: allFeatures()}
		for p, err := range customlabels.AllProjects(ctx, client, in) {
			if err != nil {
				return nil, err
			}
			projects = append(projects, p)
		}
	}
	for _, n := range names {
		if !slices.ContainsFunc(projects, func(p customlabels.ProjectDescription) bool { return projectName(p.ProjectArn) == n }) {
			return nil, usagef("--project %s: no such project", n)
		}
	}
	return projects, nil
}

// chunks yields s in pieces of at most n, or one nil piece for an empty
// s (meaning "no filter").
func chunks(s []string, n int) func(func([]string) bool) {
	return func(yield func([]string) bool) {
		if len(s) == 0 {
			yield(nil)
			return
		}
		for c := range slices.Chunk(s, n) {
			if !yield(c) {
				return
			}
		}
	}
}

// The JSON output of customlabels models; doc.go documents it.
type modelsJSON struct {
	Models []modelJSON `json:"Models"`
}

type modelJSON struct {
	ProjectName                   string   `json:"ProjectName"`
	ProjectArn                    string   `json:"ProjectArn"`
	VersionName                   string   `json:"VersionName"`
	ProjectVersionArn             string   `json:"ProjectVersionArn"`
	Feature                       string   `json:"Feature"`
	Status                        string   `json:"Status"`
	StatusMessage                 string   `json:"StatusMessage"`
	MinInferenceUnits             int32    `json:"MinInferenceUnits"`
	MaxInferenceUnits             int32    `json:"MaxInferenceUnits"`
	CreationTimestamp             jsonTime `json:"CreationTimestamp,omitzero"`
	TrainingEndTimestamp          jsonTime `json:"TrainingEndTimestamp,omitzero"`
	BillableTrainingTimeInSeconds int64    `json:"BillableTrainingTimeInSeconds"`
	F1Score                       float32  `json:"F1Score"`
}

func writeModelsJSON(w io.Writer, models []model) error {
	out := modelsJSON{Models: make([]modelJSON, len(models))}
	for i, m := range models {
		v := m.version
		out.Models[i] = modelJSON{
			ProjectName:                   projectName(m.project.ProjectArn),
			ProjectArn:                    m.project.ProjectArn,
			VersionName:                   versionName(v.ProjectVersionArn),
			ProjectVersionArn:             v.ProjectVersionArn,
			Feature:                       string(m.project.Feature),
			Status:                        string(v.Status),
			StatusMessage:                 v.StatusMessage,
			MinInferenceUnits:             v.MinInferenceUnits,
			MaxInferenceUnits:             v.MaxInferenceUnits,
			CreationTimestamp:             jsonTime(v.CreationTimestamp),
			TrainingEndTimestamp:          jsonTime(v.TrainingEndTimestamp),
			BillableTrainingTimeInSeconds: v.BillableTrainingTimeInSeconds,
			F1Score:                       v.EvaluationResult.F1Score,
		}
	}
	return writeJSON(w, out)
}

// writeModelsTable writes one row per model.
func writeModelsTable(w io.Writer, models []model) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "PROJECT\tVERSION\tSTATUS\tUNITS\tCREATED\tTRAINED\tTRAINING\tF1")
	for _, m := range models {
		v := m.version
		units := "-"
		if v.MinInferenceUnits > 0 {
			units = span(strconv.Itoa(int(v.MinInferenceUnits)), strconv.Itoa(int(max(v.MinInferenceUnits, v.MaxInferenceUnits))))
		}
		training, f1 := "-", "-"
		if v.BillableTrainingTimeInSeconds > 0 {
			training = (timeSeconds(v.BillableTrainingTimeInSeconds)).String()
		}
		if v.EvaluationResult.F1Score > 0 {
			f1 = strconv.FormatFloat(float64(v.EvaluationResult.F1Score), 'f', 3, 32)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			cell(projectName(m.project.ProjectArn)), cell(versionName(v.ProjectVersionArn)), cell(string(v.Status)), units,
			timeCell(v.CreationTimestamp), timeCell(v.TrainingEndTimestamp), training, f1)
	}
	return tw.Flush()
}

// timeSeconds is a duration in whole seconds, printed as "1h02m03s".
type timeSeconds int64

func (s timeSeconds) String() string {
	h, m, sec := s/3600, s%3600/60, s%60
	if h > 0 {
		return fmt.Sprintf("%dh%02dm%02ds", h, m, sec)
	}
	if m > 0 {
		return fmt.Sprintf("%dm%02ds", m, sec)
	}
	return fmt.Sprintf("%ds", sec)
}
