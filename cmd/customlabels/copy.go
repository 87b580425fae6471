package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/rekognition-go/customlabels"
)

// copySettings are the flags of customlabels copy.
type copySettings struct {
	common        commonFlags
	model         modelRef
	to            projectRef
	sourceProject string // --source-project, for a model of another account
	version       string
	output        s3Location
	kmsKeyID      string
	tags          tagsFlag
	wait          bool
	waits         waitFlags
}

const copyAbout = `
Copies a model (CopyProjectVersion; IAM action
rekognition:CopyProjectVersion) to the project --to, under the name
--version, with the copy's results under --output-config: to another
project of this account, or, as the destination account, from a project
of another account, whose owner allowed it with a project policy
(customlabels policy put --allow-account). Both projects are in the same
Region. The copy is COPYING_IN_PROGRESS, then COPYING_COMPLETED; --wait
waits for that (rekognition:DescribeProjectVersions), and exits 1 when it
is COPYING_FAILED. Copying avoids training again, and its bill.

--to is the destination project's ARN or name. The model's project is
found with rekognition:DescribeProjects, which sees only this account's
projects: for a model of another account, give its project's ARN with
--source-project.` + modelAbout

func parseCopy(args []string, e *env) (*copySettings, error) {
	s := &copySettings{}
	fs := flag.NewFlagSet("copy", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	to := fs.String("to", "", "the destination `PROJECT`: its ARN, or its name (required)")
	fs.StringVar(&s.version, "version", "", "the copy's version `NAME`, 1 to 255 of [a-zA-Z0-9_.-] (required)")
	output := fs.String("output-config", "", "where the copy's results go, `s3://BUCKET/PREFIX` (required)")
	fs.StringVar(&s.sourceProject, "source-project", "", "the `ARN` of the model's project, for a model of another account")
	fs.StringVar(&s.kmsKeyID, "kms-key-id", "", "the AWS KMS `KEY` that encrypts the copy (default: a key AWS owns)")
	fs.Var(&s.tags, "tag", "tag the copy with `KEY=VALUE` (repeatable)")
	fs.BoolVar(&s.wait, "wait", false, "wait until the copy is COPYING_COMPLETED")
	s.waits.register(fs, 24*time.Hour, copyPoll)
	positional, err := s.common.parse(fs, workflowOptions, args, e, "MODEL --to PROJECT --version NAME --output-config s3://BUCKET/PREFIX [flags]", copyAbout)
	if err != nil {
		return nil, err
	}
	if err := s.waits.check(s.common.set); err != nil {
		return nil, err
	}
	arg, err := oneArgument(fs, positional, "MODEL", modelHelp)
	if err != nil {
		return nil, err
	}
	if s.model, err = s.common.modelArg("MODEL", arg); err != nil {
		return nil, err
	}
	for _, f := range []string{"to", "version", "output-config"} {
		if !s.common.set[f] {
			return nil, usagef("missing --%s", f)
		}
	}
	if s.to, err = s.common.projectArg("--to", *to); err != nil {
		return nil, err
	}
	if !namePattern.MatchString(s.version) {
		return nil, usagef("invalid --version %q: must be 1 to 255 of [a-zA-Z0-9_.-]", s.version)
	}
	if s.output, err = parseS3Prefix("--output-config", *output); err != nil {
		return nil, err
	}
	if s.common.set["source-project"] {
		if s.model.arn == "" {
			return nil, usagef("--source-project needs MODEL as an ARN: a model of another account cannot be found by name")
		}
		src, err := s.common.projectArg("--source-project", s.sourceProject)
		if err != nil {
			return nil, err
		}
		if src.arn == "" {
			return nil, usagef("invalid --source-project %q: must be a project's ARN", s.sourceProject)
		}
		if a, _ := customlabels.ParseARN(s.model.arn); a.ProjectName != src.name || a.AccountID != accountOf(src.arn) {
			return nil, usagef("--source-project %s is not the project of MODEL %s", s.sourceProject, s.model.arn)
		}
	}
	return s, nil
}

// accountOf returns the account of a project ARN.
func accountOf(arn string) string {
	a, _ := customlabels.ParseARN(arn)
	return a.AccountID
}

// runCopy is customlabels copy.
func runCopy(ctx context.Context, e *env, args []string) error {
	s, err := parseCopy(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()

	sourceProject := s.sourceProject
	if sourceProject == "" {
		if err := s.model.resolve(ctx, client, "MODEL", region); err != nil {
			return err
		}
		params, err := s.model.describeInput(ctx, client)
		var notFound *customlabels.ResourceNotFoundException
		if errors.As(err, &notFound) {
			return usagef("MODEL %s: its project is not one of this account's in %s; for a model of another account, give its project's ARN with --source-project", s.model.arn, region)
		}
		if err != nil {
			return err
		}
		sourceProject = params.ProjectArn
	}
	destination := s.to.arn
	if destination == "" {
		p, err := s.to.describe(ctx, client, "--to", region)
		if err != nil {
			return err
		}
		destination = p.ProjectArn
	}
	out, err := client.CopyProjectVersion(ctx, &customlabels.CopyProjectVersionInput{
		SourceProjectArn:        sourceProject,
		SourceProjectVersionArn: s.model.arn,
		DestinationProjectArn:   destination,
		VersionName:             s.version,
		OutputConfig:            customlabels.OutputConfig{S3Bucket: s.output.bucket, S3KeyPrefix: s.output.key},
		KmsKeyId:                s.kmsKeyID,
		Tags:                    s.tags.m,
	})
	if err != nil {
		return err
	}
	if out.Recovered {
		fmt.Fprintf(e.stderr, "the answer to CopyProjectVersion was lost; %s is the copy that attempt made\n", s.version)
	}
	res := copyJSON{SourceProjectVersionArn: s.model.arn, ProjectVersionArn: out.ProjectVersionArn, Status: string(customlabels.ProjectVersionStatusCopyingInProgress)}
	if s.wait {
		prog := newProgress(e)
		start := time.Now()
		in := &customlabels.DescribeProjectVersionsInput{ProjectArn: destination, VersionNames: []string{s.version}}
		got, err := customlabels.NewProjectVersionCopyCompletedWaiter(client, waiterOptions(s.waits.policy(&s.common, copyPoll), func(p customlabels.WaiterPoll) {
			prog.show("copying %s to %s: %s (poll %d), %s elapsed", versionName(s.model.arn), s.version, pollStatus(p), p.Attempt, elapsed(start))
		})).WaitForOutput(ctx, in, s.waits.maxWait)
		prog.done()
		var failed *customlabels.WaiterStateError
		if errors.As(err, &failed) {
			return fmt.Errorf("the copy %s is %s: %s", s.version, failed.Status, failed.StatusMessage)
		}
		if err != nil {
			return err
		}
		if len(got.ProjectVersionDescriptions) > 0 {
			v := got.ProjectVersionDescriptions[0]
			res.Status, res.StatusMessage = string(v.Status), v.StatusMessage
		}
	}
	return writeOutput(e.stdout, s.common.output, res, writeCopyTable)
}

// copyJSON is the JSON output of copy; doc.go documents it.
type copyJSON struct {
	SourceProjectVersionArn string `json:"SourceProjectVersionArn"`
	ProjectVersionArn       string `json:"ProjectVersionArn"`
	Status                  string `json:"Status"`
	// StatusMessage is the service's, with --wait.
	StatusMessage string `json:"StatusMessage,omitempty"`
}

func writeCopyTable(w io.Writer, res copyJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "COPY\tPROJECT\tSTATUS\tFROM")
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(versionName(res.ProjectVersionArn)), cell(projectName(res.ProjectVersionArn)), cell(res.Status), cell(res.SourceProjectVersionArn))
	return tw.Flush()
}
