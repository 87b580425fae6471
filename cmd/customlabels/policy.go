package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// policySettings are the flags of policy put, list and delete.
type policySettings struct {
	common   commonFlags
	project  projectRef
	name     string
	revision string
	accounts []string
	model    string
	document string // --document's file
	confirm  confirmFlags
}

// policyNamePattern and revisionPattern are what the service takes as a
// policy's name and revision.
var (
	policyNamePattern = regexp.MustCompile(`^[a-zA-Z0-9_.\-]{1,128}$`)
	revisionPattern   = regexp.MustCompile(`^[0-9A-Fa-f]{1,64}$`)
)

// maxPolicyDocumentBytes bounds what --document reads: the service takes
// 2000 characters, each at most 2 bytes in UTF-8 (U+0020 to U+00FF).
const maxPolicyDocumentBytes = 4000

const policyAbout = `

A project policy lets other AWS accounts copy the project's models
(CopyProjectVersion, customlabels copy): it is attached to the source
project. A project has at most 5 policies. Copies within one account need
none.` + projectAbout

// parsePolicy parses the flags of a policy subcommand and its PROJECT.
func parsePolicy(fs *flag.FlagSet, s *policySettings, args []string, e *env, synopsis, about string) error {
	positional, err := s.common.parse(fs, workflowOptions, args, e, synopsis, about+policyAbout)
	if err != nil {
		return err
	}
	arg, err := oneArgument(fs, positional, "PROJECT", projectHelp)
	if err != nil {
		return err
	}
	if s.project, err = s.common.projectArg("PROJECT", arg); err != nil {
		return err
	}
	if s.common.set["name"] && !policyNamePattern.MatchString(s.name) {
		return usagef("invalid --name %q: must be 1 to 128 of [a-zA-Z0-9_.-]", s.name)
	}
	if s.common.set["revision-id"] && !revisionPattern.MatchString(s.revision) {
		return usagef("invalid --revision-id %q: must be 1 to 64 hexadecimal digits, as policy list shows it", s.revision)
	}
	return nil
}

const policyPutAbout = `
Attaches a project policy (PutProjectPolicy; IAM action
rekognition:PutProjectPolicy), or replaces one with --revision-id, the
revision policy list shows. --allow-account writes the one policy the
developer guide documents for a copy: it allows
rekognition:CopyProjectVersion of the model --model (a version of
PROJECT: its ARN or its name) to each account given, by its 12-digit ID
(its root, so that the account's own IAM policies say who may copy) or an
IAM role or user ARN. --document attaches a policy of your own, from a
file (- for standard input).`

// runPolicyPut is customlabels policy put.
func runPolicyPut(ctx context.Context, e *env, args []string) error {
	s := &policySettings{}
	fs := flag.NewFlagSet("policy put", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	fs.StringVar(&s.name, "name", "", "the policy's `NAME` in the project, 1 to 128 of [a-zA-Z0-9_.-] (required)")
	fs.Func("allow-account", "let this account `ID` (or IAM role or user ARN) copy --model (repeatable)", func(v string) error {
		s.accounts = append(s.accounts, strings.TrimSpace(v))
		return nil
	})
	fs.StringVar(&s.model, "model", "", "with --allow-account, the `MODEL` that may be copied: a version of PROJECT, by ARN or name")
	fs.StringVar(&s.document, "document", "", "attach the policy document of `FILE` (- for standard input) instead of writing one")
	fs.StringVar(&s.revision, "revision-id", "", "replace the policy of this revision (policy list shows it) instead of attaching a new one")
	if err := parsePolicy(fs, s, args, e, "PROJECT --name NAME (--allow-account ID... --model MODEL | --document FILE) [flags]", policyPutAbout); err != nil {
		return err
	}
	if !s.common.set["name"] {
		return usagef("missing --name: the policy's name in the project")
	}
	var document string
	switch {
	case s.common.set["document"] && (len(s.accounts) > 0 || s.common.set["model"]):
		return usagef("--document cannot be combined with --allow-account and --model: it is the whole policy")
	case s.common.set["document"]:
		b, err := readPolicyDocument(s.document, e.stdin)
		if err != nil {
			return err
		}
		document = string(b)
	case len(s.accounts) == 0:
		return usagef("missing --allow-account ID (with --model) or --document FILE: the policy to attach")
	case !s.common.set["model"]:
		return usagef("missing --model: the version of PROJECT that --allow-account may copy")
	}
	if len(s.accounts) > 0 {
		// Check the principals before anything is sent: the model's ARN is
		// not known yet, so check with a stand-in of the right form.
		const stand = "arn:aws:rekognition:us-east-1:111111111111:project/p/version/v/1"
		if _, err := customlabels.CopyPolicyDocument(stand, s.accounts...); err != nil {
			return usagef("invalid --allow-account: %v", policyRule(err))
		}
	}

	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	project, err := s.project.describe(ctx, client, "PROJECT", region)
	if err != nil {
		return err
	}
	if document == "" {
		versionArn, err := versionOfProject(ctx, client, project, "--model", s.model)
		if err != nil {
			return err
		}
		if document, err = customlabels.CopyPolicyDocument(versionArn, s.accounts...); err != nil {
			return fromService(err, "a version ARN (DescribeProjectVersions)")
		}
	}
	out, err := client.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{
		ProjectArn:       project.ProjectArn,
		PolicyName:       s.name,
		PolicyRevisionId: s.revision,
		PolicyDocument:   document,
	})
	if err != nil {
		return err
	}
	res := policyJSON{ProjectArn: project.ProjectArn, PolicyName: s.name, PolicyRevisionId: out.PolicyRevisionId, PolicyDocument: document}
	if s.common.output == "json" {
		return writeJSON(e.stdout, res)
	}
	return writePoliciesTable(e.stdout, []policyJSON{res})
}

// policyRule returns the rule of an InvalidParamError, or err's text.
func policyRule(err error) string {
	if pe, ok := err.(*customlabels.InvalidParamError); ok {
		return pe.Field + " " + pe.Rule
	}
	return err.Error()
}

// readPolicyDocument reads --document: a file, or - for stdin.
func readPolicyDocument(name string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, usagef("--document: %v", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxPolicyDocumentBytes+1))
	if err != nil {
		return nil, usagef("--document: %v", err)
	}
	if len(b) > maxPolicyDocumentBytes {
		return nil, usagef("--document %s: longer than the 2000 characters a policy may have", name)
	}
	if !json.Valid(b) {
		return nil, usagef("--document %s: not JSON; a policy is an IAM JSON policy document", name)
	}
	return b, nil
}

// versionOfProject finds the ARN of a version of project named by arg:
// its ARN, or its name.
func versionOfProject(ctx context.Context, client customlabels.DescribeProjectVersionsAPIClient, project customlabels.ProjectDescription, what, arg string) (string, error) {
	name := arg
	if strings.HasPrefix(arg, "arn:") {
		a, err := customlabels.ParseARN(arg)
		if err != nil || a.VersionName == "" {
			return "", usagef("invalid %s %q: must be a model's ARN or its name", what, arg)
		}
		if a.ProjectName != project.Name() {
			return "", usagef("%s %s is a model of project %s, not of %s", what, arg, a.ProjectName, project.Name())
		}
		name = a.VersionName
	} else if !namePattern.MatchString(arg) {
		return "", usagef("invalid %s %q: must be a model's ARN or its name (1 to 255 of [a-zA-Z0-9_.-])", what, arg)
	}
	out, err := client.DescribeProjectVersions(ctx, &customlabels.DescribeProjectVersionsInput{ProjectArn: project.ProjectArn, VersionNames: []string{name}})
	if err != nil {
		return "", fromService(err, fmt.Sprintf("a project ARN (%q) in DescribeProjects", clip(project.ProjectArn, 100)))
	}
	for _, v := range out.ProjectVersionDescriptions {
		if v.VersionName() == name && (!strings.HasPrefix(arg, "arn:") || v.ProjectVersionArn == arg) {
			return v.ProjectVersionArn, nil
		}
	}
	return "", usagef("%s %s: project %s has no such model (the models subcommand lists them)", what, arg, project.Name())
}

const policyListAbout = `
Lists the policies of a project (ListProjectPolicies; IAM action
rekognition:ListProjectPolicies), with the accounts each allows to copy
its models (the table's ALLOWS) and the revision that policy put
--revision-id and policy delete --revision-id take. --output json prints
what aws rekognition list-project-policies prints, documents included.`

// runPolicyList is customlabels policy list.
func runPolicyList(ctx context.Context, e *env, args []string) error {
	s := &policySettings{}
	fs := flag.NewFlagSet("policy list", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	if err := parsePolicy(fs, s, args, e, "PROJECT [flags]", policyListAbout); err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	_, policies, err := s.describeWithPolicies(ctx, client, region)
	if err != nil {
		return err
	}
	if s.common.output == "json" {
		return writeJSON(e.stdout, policiesJSON{ProjectPolicies: policies})
	}
	return writePoliciesTable(e.stdout, policies)
}

// describeWithPolicies describes PROJECT in region and lists its policies.
func (s *policySettings) describeWithPolicies(ctx context.Context, client *customlabels.Client, region string) (customlabels.ProjectDescription, []policyJSON, error) {
	project, err := s.project.describe(ctx, client, "PROJECT", region)
	if err != nil {
		return customlabels.ProjectDescription{}, nil, err
	}
	policies, err := listPolicies(ctx, client, project.ProjectArn)
	if err != nil {
		return customlabels.ProjectDescription{}, nil, err
	}
	return project, policies, nil
}

// listPolicies lists the policies of a project.
func listPolicies(ctx context.Context, client customlabels.ListProjectPoliciesAPIClient, projectArn string) ([]policyJSON, error) {
	ps, err := allOfProject(customlabels.AllProjectPolicies(ctx, client, &customlabels.ListProjectPoliciesInput{ProjectArn: projectArn}), projectArn)
	if err != nil {
		return nil, err
	}
	policies := make([]policyJSON, 0, len(ps))
	for _, p := range ps {
		policies = append(policies, policyJSON{
			ProjectArn: p.ProjectArn, PolicyName: p.PolicyName, PolicyRevisionId: p.PolicyRevisionId,
			PolicyDocument: p.PolicyDocument, CreationTimestamp: jsonTime(p.CreationTimestamp),
			LastUpdatedTimestamp: jsonTime(p.LastUpdatedTimestamp),
		})
	}
	return policies, nil
}

const policyDeleteAbout = `
Deletes a project policy (DeleteProjectPolicy; IAM actions
rekognition:DeleteProjectPolicy and rekognition:ListProjectPolicies),
after showing it: with --yes, or "yes" typed at the prompt. With
--revision-id, only if that is its current revision. The accounts it
allowed can no longer copy the project's models; copies already made are
theirs.`

// runPolicyDelete is customlabels policy delete.
func runPolicyDelete(ctx context.Context, e *env, args []string) error {
	s := &policySettings{}
	fs := flag.NewFlagSet("policy delete", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	fs.StringVar(&s.name, "name", "", "the `NAME` of the policy to delete (required)")
	fs.StringVar(&s.revision, "revision-id", "", "delete it only if this is its current revision")
	s.confirm.register(fs)
	if err := parsePolicy(fs, s, args, e, "PROJECT --name NAME [--yes|--dry-run] [flags]", policyDeleteAbout); err != nil {
		return err
	}
	if !s.common.set["name"] {
		return usagef("missing --name: the policy to delete")
	}
	if err := s.confirm.check(e, "policy delete"); err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	project, policies, err := s.describeWithPolicies(ctx, client, region)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(policies, func(p policyJSON) bool { return p.PolicyName == s.name })
	if i < 0 {
		return usagef("--name %s: project %s has no such policy (policy list shows them)", s.name, project.Name())
	}
	p := policies[i]
	fmt.Fprintf(e.stderr, "Plan: delete policy %s (revision %s) of project %s, which allows %s to copy its models.\n",
		p.PolicyName, p.PolicyRevisionId, project.Name(), allowedPrincipals(p.PolicyDocument))
	ok, err := s.confirm.proceed(e, "Delete it?")
	if err != nil {
		return err
	}
	res := policyDeleteJSON{ProjectArn: project.ProjectArn, PolicyName: s.name, Deleted: ok}
	if ok {
		if _, err := client.DeleteProjectPolicy(ctx, &customlabels.DeleteProjectPolicyInput{
			ProjectArn: project.ProjectArn, PolicyName: s.name, PolicyRevisionId: s.revision,
		}); err != nil {
			return err
		}
	}
	if s.common.output == "json" {
		return writeJSON(e.stdout, res)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "POLICY\tPROJECT\tRESULT")
	result := "deleted"
	if !ok {
		result = "not deleted (--dry-run)"
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\n", cell(s.name), cell(project.Name()), result)
	return tw.Flush()
}

// allowedPrincipals lists the principals a policy document allows, for a
// person: "accounts 111122223333, arn:aws:iam::...:role/R", or "(see the
// document)" when it is not of the usual form.
func allowedPrincipals(document string) string {
	var doc struct {
		Statement json.RawMessage
	}
	if err := json.Unmarshal([]byte(document), &doc); err != nil {
		return "(see the document)"
	}
	var statements []struct {
		Effect    string
		Principal json.RawMessage
	}
	if err := json.Unmarshal(doc.Statement, &statements); err != nil {
		var one struct {
			Effect    string
			Principal json.RawMessage
		}
		if json.Unmarshal(doc.Statement, &one) != nil {
			return "(see the document)"
		}
		statements = append(statements, one)
	}
	var out []string
	for _, st := range statements {
		if st.Effect != "Allow" {
			continue
		}
		var p struct{ AWS json.RawMessage }
		if json.Unmarshal(st.Principal, &p) != nil {
			var star string
			if json.Unmarshal(st.Principal, &star) == nil && star == "*" {
				out = append(out, "*")
			}
			continue
		}
		var list []string
		if json.Unmarshal(p.AWS, &list) != nil {
			var one string
			if json.Unmarshal(p.AWS, &one) != nil {
				continue
			}
			list = []string{one}
		}
		for _, a := range list {
			if acct, ok := strings.CutSuffix(a, ":root"); ok && strings.HasPrefix(acct, "arn:") {
				a = acct[strings.LastIndexByte(acct, ':')+1:]
			}
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	if len(out) == 0 {
		return "no one"
	}
	return strings.Join(out, ", ")
}

// The JSON outputs of the policy subcommands; doc.go documents them.
// policy list prints what aws rekognition list-project-policies prints.
type policiesJSON struct {
	ProjectPolicies []policyJSON `json:"ProjectPolicies"`
}

type policyJSON struct {
	ProjectArn           string   `json:"ProjectArn"`
	PolicyName           string   `json:"PolicyName"`
	PolicyRevisionId     string   `json:"PolicyRevisionId"`
	PolicyDocument       string   `json:"PolicyDocument"`
	CreationTimestamp    jsonTime `json:"CreationTimestamp,omitzero"`
	LastUpdatedTimestamp jsonTime `json:"LastUpdatedTimestamp,omitzero"`
}

type policyDeleteJSON struct {
	ProjectArn string `json:"ProjectArn"`
	PolicyName string `json:"PolicyName"`
	// Deleted is false with --dry-run.
	Deleted bool `json:"Deleted"`
}

func writePoliciesTable(w io.Writer, policies []policyJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "POLICY\tREVISION\tUPDATED\tALLOWS")
	for _, p := range policies {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(p.PolicyName), cell(p.PolicyRevisionId),
			timeCell(lastOf(p)), cell(allowedPrincipals(p.PolicyDocument)))
	}
	return tw.Flush()
}

// lastOf is when a policy last changed.
func lastOf(p policyJSON) time.Time {
	if !p.LastUpdatedTimestamp.IsZero() {
		return time.Time(p.LastUpdatedTimestamp)
	}
	return time.Time(p.CreationTimestamp)
}
