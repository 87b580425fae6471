package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/rekognition-go/customlabels/manifest"
)

// manifestCheckSettings are the flags of customlabels manifest check.
type manifestCheckSettings struct {
	common      commonFlags
	source      string      // FILE, - or s3://BUCKET/KEY
	object      *s3Location // the object, for s3://
	maxProblems int
	maxLines    int
}

const manifestCheckAbout = `
Checks a manifest (FILE, - for standard input, or s3://BUCKET/KEY, read
with s3:GetObject in the Region of --region or the configuration) against
the rules the service applies to a dataset's manifest and to training,
without sending it to Rekognition, and prints each problem with its line
number, where in the line, and the service's error code, the one
CreateDataset, ListDatasetEntries or manifest_summary.json would give.
Codes that start with neither ERROR_ nor WARNING_ are this tool's, for
rules the service states without a code.

The tier says what the service does about a problem: a terminal file
error fails CreateDataset; a training error fails training; a terminal
content error drops the line without a word; a non-terminal error keeps
the line, with the error, out of training; a warning changes nothing
that fails. The images themselves (format, size) are not read.

Exit status 1 when the service would fail the dataset or the training,
after printing the problems; 0 when it would accept the manifest, warnings
and dropped lines included.`

func parseManifestCheck(args []string, e *env) (*manifestCheckSettings, error) {
	s := &manifestCheckSettings{}
	fs := flag.NewFlagSet("manifest check", flag.ContinueOnError)
	s.common.register(fs, manifestOptions)
	fs.IntVar(&s.maxProblems, "max-problems", 1000, "list at most this many problems, 1 or more (the others are counted)")
	fs.IntVar(&s.maxLines, "max-lines", manifest.DefaultMaxLines, "the most lines the account may have in a manifest (a quota; 500,000 for classification with an increase)")
	positional, err := s.common.parse(fs, manifestOptions, args, e, "FILE|-|s3://BUCKET/KEY [flags]", manifestCheckAbout)
	if err != nil {
		return nil, err
	}
	switch len(positional) {
	case 0:
		return nil, usagef("missing the manifest: FILE, - for standard input, or s3://BUCKET/KEY")
	case 1:
		s.source = positional[0]
	default:
		return nil, usagef("unexpected argument %q: manifest check takes one manifest", positional[1])
	}
	if strings.HasPrefix(s.source, "s3://") {
		l, err := parseS3Key("manifest", s.source)
		if err != nil {
			return nil, err
		}
		s.object = &l
	}
	if s.maxProblems < 1 {
		return nil, usagef("invalid --max-problems %d: must be 1 or more", s.maxProblems)
	}
	if s.maxLines < 1 {
		return nil, usagef("invalid --max-lines %d: must be 1 or more", s.maxLines)
	}
	return s, nil
}

// runManifestCheck is customlabels manifest check.
func runManifestCheck(ctx context.Context, e *env, args []string) error {
	s, err := parseManifestCheck(args, e)
	if err != nil {
		return err
	}
	var r io.Reader
	switch {
	case s.object != nil:
		cs, err := s.common.connect(ctx, e, manifestOptions)
		if err != nil {
			return err
		}
		defer cs.close()
		body, err := getObject(ctx, cs.s3(), *s.object)
		if err != nil {
			return err
		}
		defer body.Close()
		r = body
	case s.source == "-":
		r = e.stdin
	default:
		f, err := os.Open(s.source)
		if err != nil {
			return usagef("%v", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return usagef("%s is a folder, not a manifest (manifest build makes one of a folder)", s.source)
		}
		r = f
	}

	prog := newProgress(e)
	prog.show("checking %s", s.source)
	rep, err := manifest.Validate(contextReader{ctx, r}, manifest.Options{MaxLines: s.maxLines, MaxProblems: s.maxProblems})
	prog.done()
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("read %s: %w", s.source, err)
	}
	res := newManifestCheckJSON(s.source, rep)
	if s.common.output == "json" {
		err = writeJSON(e.stdout, res)
	} else {
		err = writeManifestCheckTable(e.stdout, res)
	}
	if err != nil {
		return err
	}
	switch {
	case rep.FailsDataset():
		return &reportedError{msg: "CreateDataset would fail with this manifest: " + tierCodes(rep, manifest.TierFile)}
	case rep.FailsTraining():
		return &reportedError{msg: "training would fail with this manifest: " + tierCodes(rep, manifest.TierTraining)}
	}
	return nil
}

// contextReader is a reader that fails once ctx is done, so that Ctrl-C
// stops a check of a large manifest.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// tierCodes lists the codes of a tier the report found, sorted.
func tierCodes(rep *manifest.Report, t manifest.Tier) string {
	var codes []string
	for _, p := range rep.Problems {
		if p.Tier == t && !slices.Contains(codes, string(p.Code)) {
			codes = append(codes, string(p.Code))
		}
	}
	slices.Sort(codes)
	return strings.Join(codes, ", ")
}

// The JSON output of customlabels manifest check; doc.go documents it.
type manifestCheckJSON struct {
	Manifest        string           `json:"Manifest"`
	Lines           int              `json:"Lines"`
	ValidLines      int              `json:"ValidLines"`
	InvalidLines    int              `json:"InvalidLines"`
	IgnoredLines    int              `json:"IgnoredLines"`
	BlankLines      int              `json:"BlankLines"`
	UncheckedLines  int              `json:"UncheckedLines"`
	Bytes           int64            `json:"Bytes"`
	UseCase         string           `json:"UseCase"`
	Bucket          string           `json:"Bucket"`
	Labels          []labelStatsJSON `json:"Labels"`
	LabelsTruncated bool             `json:"LabelsTruncated"`
	Problems        []problemJSON    `json:"Problems"`
	ProblemsOmitted int              `json:"ProblemsOmitted"`
	FailsDataset    bool             `json:"FailsDataset"`
	FailsTraining   bool             `json:"FailsTraining"`
}

type labelStatsJSON struct {
	Label         string `json:"Label"`
	Images        int    `json:"Images"`
	BoundingBoxes int    `json:"BoundingBoxes"`
}

type problemJSON struct {
	// Line is the 1-based line number, 0 for the manifest as a whole.
	Line int    `json:"Line"`
	Path string `json:"Path,omitempty"`
	Code string `json:"Code"`
	// ServiceCode is true for a code the service itself uses.
	ServiceCode bool   `json:"ServiceCode"`
	Tier        string `json:"Tier"`
	Message     string `json:"Message"`
}

func problemsJSON(ps []manifest.Problem) []problemJSON {
	out := make([]problemJSON, len(ps))
	for i, p := range ps {
		out[i] = problemJSON{Line: p.Line, Path: p.Path, Code: string(p.Code), ServiceCode: p.Code.Service(), Tier: p.Tier.String(), Message: p.Message}
	}
	return out
}

func newManifestCheckJSON(source string, rep *manifest.Report) manifestCheckJSON {
	res := manifestCheckJSON{
		Manifest: source, Lines: rep.Lines, ValidLines: rep.ValidLines, InvalidLines: rep.InvalidLines,
		IgnoredLines: rep.IgnoredLines, BlankLines: rep.BlankLines, UncheckedLines: rep.UncheckedLines,
		Bytes: rep.Bytes, UseCase: string(rep.UseCase), Bucket: rep.Bucket,
		Labels: make([]labelStatsJSON, len(rep.Labels)), LabelsTruncated: rep.LabelsTruncated,
		Problems: problemsJSON(rep.Problems), ProblemsOmitted: rep.ProblemsOmitted,
		FailsDataset: rep.FailsDataset(), FailsTraining: rep.FailsTraining(),
	}
	for i, l := range rep.Labels {
		res.Labels[i] = labelStatsJSON{Label: l.Name, Images: l.Images, BoundingBoxes: l.BoundingBoxes}
	}
	return res
}

// writeManifestCheckTable writes one row per problem, then the counts and
// the verdict.
func writeManifestCheckTable(w io.Writer, res manifestCheckJSON) error {
	if len(res.Problems) > 0 {
		tw := newTable(w)
		fmt.Fprintln(tw, "LINE\tCODE\tTIER\tPATH\tMESSAGE")
		for _, p := range res.Problems {
			line := "-"
			if p.Line > 0 {
				line = strconv.Itoa(p.Line)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", line, cell(p.Code), p.Tier, cell(p.Path), cell(p.Message))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if res.ProblemsOmitted > 0 {
			more := "problems"
			if res.ProblemsOmitted == 1 {
				more = "problem"
			}
			fmt.Fprintf(w, "... and %d more %s (--max-problems)\n", res.ProblemsOmitted, more)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s: %s: %d valid, %d invalid, %d ignored", res.Manifest, plural(res.Lines, "line"), res.ValidLines, res.InvalidLines, res.IgnoredLines)
	if res.UncheckedLines > 0 {
		fmt.Fprintf(w, ", %d not checked (past --max-lines)", res.UncheckedLines)
	}
	fmt.Fprintf(w, "; %s", res.UseCase)
	if res.Bucket != "" {
		fmt.Fprintf(w, ", images in s3://%s", res.Bucket)
	}
	fmt.Fprintln(w)
	if len(res.Labels) > 0 {
		parts := make([]string, len(res.Labels))
		for i, l := range res.Labels {
			parts[i] = fmt.Sprintf("%s %d", cell(l.Label), l.Images)
			if l.BoundingBoxes > 0 {
				parts[i] += fmt.Sprintf(" (%d boxes)", l.BoundingBoxes)
			}
		}
		more := ""
		if res.LabelsTruncated {
			more = ", and more"
		}
		fmt.Fprintf(w, "%s, images each: %s%s\n", plural(len(res.Labels), "label"), strings.Join(parts, ", "), more)
	}
	switch {
	case res.FailsDataset:
		fmt.Fprintln(w, "CreateDataset would fail with this manifest.")
	case res.FailsTraining:
		fmt.Fprintln(w, "The dataset would be created, but training would fail.")
	case len(res.Problems) == 0:
		fmt.Fprintln(w, "No problems: the service would accept this manifest.")
	default:
		fmt.Fprintln(w, "The service would accept this manifest, with the problems above.")
	}
	if slices.ContainsFunc(res.Problems, func(p problemJSON) bool { return !p.ServiceCode }) {
		fmt.Fprintln(w, "(Codes without ERROR_ or WARNING_ are this tool's, for rules the service states without a code.)")
	}
	return nil
}
