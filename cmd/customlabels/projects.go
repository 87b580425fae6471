package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// projectsSettings are the flags of customlabels projects.
type projectsSettings struct {
	common        commonFlags
	projectNames  []string
	features      []customlabels.CustomizationFeature
	pageSize      int
	maxItems      int
	startingToken string
}

var projectsOptions = commonOptions{listing: true}

const projectsAbout = `
Lists Amazon Rekognition Custom Labels projects and Custom Moderation
adapters of one Region (IAM action rekognition:DescribeProjects), as a
table or as the JSON that aws rekognition describe-projects prints.`

func parseProjects(args []string, e *env) (*projectsSettings, error) {
	s := &projectsSettings{}
	fs := flag.NewFlagSet("projects", flag.ContinueOnError)
	s.common.register(fs, projectsOptions)
	fs.Var((*namesFlag)(&s.projectNames), "project-name", "list only this project (repeatable, or comma-separated; at most 10)")
	features := &featureFlag{}
	fs.Var(features, "feature", "CUSTOM_LABELS, CONTENT_MODERATION or all (default all; repeatable)")
	fs.IntVar(&s.pageSize, "page-size", 0, fmt.Sprintf("projects per request, 1 to %d (default: the service's %d)", customlabels.DescribeProjectsMaxResults, customlabels.DescribeProjectsMaxResults))
	fs.IntVar(&s.maxItems, "max-items", 0, "stop after this many projects, 1 or more, and print a NextToken to resume (default: no limit)")
	fs.StringVar(&s.startingToken, "starting-token", "", "resume a listing from the NextToken of an earlier --max-items run")
	positional, err := parseFlags(fs, args, e, "[flags]", projectsAbout)
	if err != nil {
		return nil, err
	}
	if len(positional) > 0 {
		return nil, usagef("unexpected argument %q: every option is a flag", positional[0])
	}
	if err := s.common.check(fs, projectsOptions); err != nil {
		return nil, err
	}
	s.features = features.values()
	// Zero is refused rather than given a meaning: "--page-size 0" and
	// "--max-items 0" are more likely mistakes than requests for the
	// default, and the default is what leaving the flag out gives.
	if s.common.set["page-size"] && (s.pageSize < 1 || s.pageSize > customlabels.DescribeProjectsMaxResults) {
		return nil, usagef("invalid --page-size %d: must be 1 to %d", s.pageSize, customlabels.DescribeProjectsMaxResults)
	}
	if s.common.set["max-items"] && s.maxItems < 1 {
		return nil, usagef("invalid --max-items %d: must be 1 or more", s.maxItems)
	}
	return s, nil
}

// runProjects is customlabels projects.
func runProjects(ctx context.Context, e *env, args []string) error {
	s, err := parseProjects(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, projectsOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	_, client := cs.one()

	prog := newProgress(e)
	res, err := listProjects(ctx, client, s, prog)
	if err != nil {
		return err
	}
	if s.common.output == "json" {
		return writeProjectsJSON(e.stdout, res)
	}
	if err := writeProjectsTable(e.stdout, res.Projects); err != nil {
		return err
	}
	if res.NextToken != "" {
		fmt.Fprintf(e.stderr, "more projects follow: continue with --starting-token %s\n", res.NextToken)
	}
	return nil
}

// projectListing is what customlabels projects found.
type projectListing struct {
	// Projects are the projects listed, in the service's order.
	Projects []customlabels.ProjectDescription
	// NextToken resumes the listing after the last project when
	// --max-items cut it short; empty when the listing is complete.
	NextToken string
	// Pages is the number of pages received.
	Pages int
}

// listProjects lists the projects s selects, page by page, reporting
// progress after each page.
func listProjects(ctx context.Context, client customlabels.DescribeProjectsAPIClient, s *projectsSettings, prog *progress) (*projectListing, error) {
	defer prog.done()
	params := &customlabels.DescribeProjectsInput{
		ProjectNames: s.projectNames,
		Features:     s.features,
	}
	p := customlabels.NewDescribeProjectsPaginator(client, params, func(o *customlabels.DescribeProjectsPaginatorOptions) {
		o.Limit = int32(s.pageSize)
		o.MaxItems = s.maxItems
		o.StartingToken = s.startingToken
	})
	res := &projectListing{Projects: []customlabels.ProjectDescription{}}
	for page, err := range p.Pages(ctx) {
		if err != nil {
			return nil, err
		}
		res.Pages++
		res.Projects = append(res.Projects, page.ProjectDescriptions...)
		prog.show("listing: %s, %s so far", plural(res.Pages, "page"), plural(len(res.Projects), "project"))
	}
	res.NextToken = p.ResumeToken()
	return res, nil
}

// namesFlag collects --project-name values; each may list several names
// separated by commas (names cannot contain commas).
type namesFlag []string

func (f *namesFlag) String() string { return strings.Join(*f, ",") }

func (f *namesFlag) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		*f = append(*f, strings.TrimSpace(name))
	}
	return nil
}

// featureFlag collects --feature values without duplicates; "all" means
// both features. No --feature at all also means both, unlike the service,
// whose default is CUSTOM_LABELS only: a person listing "projects" would
// not expect adapters to be hidden.
type featureFlag struct {
	set []customlabels.CustomizationFeature
}

func (f *featureFlag) String() string {
	s := make([]string, len(f.set))
	for i, v := range f.set {
		s[i] = string(v)
	}
	return strings.Join(s, ",")
}

func (f *featureFlag) Set(v string) error {
	var add []customlabels.CustomizationFeature
	switch up := strings.ToUpper(strings.TrimSpace(v)); up {
	case "ALL":
		add = allFeatures()
	case string(customlabels.CustomizationFeatureCustomLabels), string(customlabels.CustomizationFeatureContentModeration):
		add = []customlabels.CustomizationFeature{customlabels.CustomizationFeature(up)}
	default:
		return fmt.Errorf("must be CUSTOM_LABELS, CONTENT_MODERATION or all, got %q", v)
	}
	for _, a := range add {
		if !slices.Contains(f.set, a) {
			f.set = append(f.set, a)
		}
	}
	return nil
}

func (f *featureFlag) values() []customlabels.CustomizationFeature {
	if len(f.set) == 0 {
		return allFeatures()
	}
	return f.set
}

func allFeatures() []customlabels.CustomizationFeature {
	return []customlabels.CustomizationFeature{
		customlabels.CustomizationFeatureCustomLabels,
		customlabels.CustomizationFeatureContentModeration,
	}
}
