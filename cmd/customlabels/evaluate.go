package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/evaluation"
)

// evaluateSettings are the flags of customlabels evaluate.
type evaluateSettings struct {
	common  commonFlags
	model   modelRef
	compare *modelRef // --compare, or nil
}

const evaluateAbout = `
Shows how well a trained model did on its test images: its overall F1
score, precision and recall, and for each label its F1 score, precision,
recall, assumed threshold and number of test images, read from the
evaluation summary that training wrote to S3 (IAM actions
rekognition:DescribeProjects, rekognition:DescribeProjectVersions and
s3:GetObject on the training's output bucket). Labels are in the
summary's order, the best F1 score first.

A label's assumed threshold, 0 to 1, is the confidence above which its
predictions counted, chosen for its best F1 score: detect
--min-confidence takes it as a percentage (0.512 is 51.2).

--compare MODEL puts another model beside it: MODEL is the base (the one
in use), --compare the candidate, and CHANGE is the candidate's metric
minus the base's. A label only one of them knows shows - for the other.` + modelAbout

func parseEvaluate(args []string, e *env) (*evaluateSettings, error) {
	s := &evaluateSettings{}
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	compare := fs.String("compare", "", "compare with this `MODEL`, the candidate: its ARN, or PROJECT/VERSION")
	positional, err := s.common.parse(fs, workflowOptions, args, e, "MODEL [--compare MODEL] [flags]", evaluateAbout)
	if err != nil {
		return nil, err
	}
	switch len(positional) {
	case 0:
		return nil, usagef("missing MODEL: %s", modelHelp)
	case 1:
	default:
		return nil, usagef("unexpected argument %q: evaluate takes one MODEL (and --compare another)", positional[1])
	}
	if s.model, err = s.common.modelArg("MODEL", positional[0]); err != nil {
		return nil, err
	}
	if s.common.set["compare"] {
		ref, err := s.common.modelArg("--compare", *compare)
		if err != nil {
			return nil, err
		}
		s.compare = &ref
	}
	return s, nil
}

// runEvaluate is customlabels evaluate.
func runEvaluate(ctx context.Context, e *env, args []string) error {
	s, err := parseEvaluate(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	prog := newProgress(e)
	defer prog.done()
	base, err := evaluationOf(ctx, client, cs.s3(), &s.model, "MODEL", region, prog)
	if err != nil {
		return err
	}
	if s.compare == nil {
		prog.done()
		return writeOutput(e.stdout, s.common.output, base, writeEvaluationTable)
	}
	candidate, err := evaluationOf(ctx, client, cs.s3(), s.compare, "--compare", region, prog)
	if err != nil {
		return err
	}
	prog.done()
	res := newComparisonJSON(base, candidate)
	return writeOutput(e.stdout, s.common.output, res, writeComparisonTable)
}

// evaluationOf reads the evaluation summary of a model: its location from
// DescribeProjectVersions, its body from S3.
func evaluationOf(ctx context.Context, client *customlabels.Client, s3c *s3.Client, ref *modelRef, what, region string, prog *progress) (*evaluationJSON, error) {
	if err := ref.resolve(ctx, client, what, region); err != nil {
		return nil, err
	}
	params, err := ref.describeInput(ctx, client)
	if err != nil {
		return nil, err
	}
	prog.show("describing %s", versionName(ref.arn))
	out, err := client.DescribeProjectVersions(ctx, params)
	if err != nil {
		return nil, err
	}
	if len(out.ProjectVersionDescriptions) == 0 {
		return nil, fmt.Errorf("%s %s: the model was not found", what, ref.arn)
	}
	v := out.ProjectVersionDescriptions[0]
	o := v.EvaluationResult.Summary.S3Object
	if o.Bucket == "" || o.Name == "" {
		return nil, fmt.Errorf("%s %s has no evaluation summary: it is %s (training writes one when it completes)", what, v.VersionName(), v.Status)
	}
	loc := s3Location{bucket: o.Bucket, key: o.Name}
	prog.show("reading %s", loc)
	body, err := getObject(ctx, s3c, loc)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	sum, err := evaluation.ParseSummary(body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("the evaluation summary %s: %w", loc, err)
	}
	return newEvaluationJSON(v, loc, sum), nil
}

// The JSON outputs of customlabels evaluate; doc.go documents them.
type evaluationJSON struct {
	ProjectVersionArn      string             `json:"ProjectVersionArn"`
	Summary                string             `json:"Summary"` // s3://BUCKET/KEY
	EvaluationEndTimestamp jsonTime           `json:"EvaluationEndTimestamp,omitzero"`
	NumberOfTrainingImages int                `json:"NumberOfTrainingImages"`
	NumberOfTestingImages  int                `json:"NumberOfTestingImages"`
	F1Score                float64            `json:"F1Score"`
	Precision              float64            `json:"Precision"`
	Recall                 float64            `json:"Recall"`
	AveragePrecision       *float64           `json:"AveragePrecision,omitempty"`
	AverageRecall          *float64           `json:"AverageRecall,omitempty"`
	Labels                 []labelMetricsJSON `json:"Labels"`

	summary *evaluation.Summary
}

type labelMetricsJSON struct {
	Label                 string  `json:"Label"`
	F1Score               float64 `json:"F1Score"`
	Precision             float64 `json:"Precision"`
	Recall                float64 `json:"Recall"`
	Threshold             float64 `json:"Threshold"`
	NumberOfTestingImages int     `json:"NumberOfTestingImages"`
}

func newEvaluationJSON(v customlabels.ProjectVersionDescription, loc s3Location, sum *evaluation.Summary) *evaluationJSON {
	m := sum.AggregatedEvaluationResults
	res := &evaluationJSON{
		ProjectVersionArn:      v.ProjectVersionArn,
		Summary:                loc.String(),
		EvaluationEndTimestamp: jsonTime(sum.EvaluationDetails.EvaluationEndTimestamp),
		NumberOfTrainingImages: sum.EvaluationDetails.NumberOfTrainingImages,
		NumberOfTestingImages:  sum.EvaluationDetails.NumberOfTestingImages,
		F1Score:                m.F1Score, Precision: m.Precision, Recall: m.Recall,
		AveragePrecision: m.AveragePrecision, AverageRecall: m.AverageRecall,
		Labels:  make([]labelMetricsJSON, len(sum.LabelEvaluationResults)),
		summary: sum,
	}
	for i, l := range sum.LabelEvaluationResults {
		res.Labels[i] = labelMetricsJSON{
			Label: l.Label, F1Score: l.Metrics.F1Score, Precision: l.Metrics.Precision, Recall: l.Metrics.Recall,
			Threshold: l.Metrics.Threshold, NumberOfTestingImages: l.NumberOfTestingImages,
		}
	}
	return res
}

type comparisonJSON struct {
	Base      *evaluationJSON `json:"Base"`
	Candidate *evaluationJSON `json:"Candidate"`
	F1Score   changeJSON      `json:"F1Score"`
	Precision changeJSON      `json:"Precision"`
	Recall    changeJSON      `json:"Recall"`
	Labels    []labelChange   `json:"Labels"`
}

// changeJSON is a metric of both models; Change is Candidate - Base.
type changeJSON struct {
	Base      float64 `json:"Base"`
	Candidate float64 `json:"Candidate"`
	Change    float64 `json:"Change"`
}

type labelChange struct {
	Label                  string     `json:"Label"`
	InBase                 bool       `json:"InBase"`
	InCandidate            bool       `json:"InCandidate"`
	F1Score                changeJSON `json:"F1Score"`
	Precision              changeJSON `json:"Precision"`
	Recall                 changeJSON `json:"Recall"`
	Threshold              changeJSON `json:"Threshold"`
	BaseTestingImages      int        `json:"BaseTestingImages"`
	CandidateTestingImages int        `json:"CandidateTestingImages"`
}

func change(c evaluation.Change) changeJSON {
	return changeJSON{Base: c.Base, Candidate: c.Candidate, Change: round4(c.Delta())}
}

// round4 rounds a difference of metrics to 4 decimals, so that 0.92 -
// 0.9 is 0.02 and not 0.020000000000000018.
func round4(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return r
}

func newComparisonJSON(base, candidate *evaluationJSON) comparisonJSON {
	c := evaluation.Compare(base.summary, candidate.summary)
	res := comparisonJSON{
		Base: base, Candidate: candidate,
		F1Score: change(c.F1Score), Precision: change(c.Precision), Recall: change(c.Recall),
		Labels: make([]labelChange, len(c.Labels)),
	}
	for i, l := range c.Labels {
		res.Labels[i] = labelChange{
			Label: l.Label, InBase: l.InBase, InCandidate: l.InCandidate,
			F1Score: change(l.F1Score), Precision: change(l.Precision), Recall: change(l.Recall), Threshold: change(l.Threshold),
			BaseTestingImages: l.BaseTestingImages, CandidateTestingImages: l.CandidateTestingImages,
		}
	}
	return res
}

// metric formats a metric, 0 to 1, for a table.
func metric(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// signed formats a change of a metric: "+0.020", "-0.105", "0.000".
func signed(f float64) string {
	s := strconv.FormatFloat(f, 'f', 3, 64)
	if s == "-0.000" {
		return "0.000"
	}
	if f > 0 && s != "0.000" {
		return "+" + s
	}
	return s
}

func writeEvaluationTable(w io.Writer, res *evaluationJSON) error {
	fmt.Fprintf(w, "%s: F1 score %s, precision %s, recall %s", versionName(res.ProjectVersionArn), metric(res.F1Score), metric(res.Precision), metric(res.Recall))
	if res.AveragePrecision != nil && res.AverageRecall != nil {
		fmt.Fprintf(w, ", mAP %s, mAR %s", metric(*res.AveragePrecision), metric(*res.AverageRecall))
	}
	fmt.Fprintf(w, "\ntrained on %s, tested on %d\n\n", plural(res.NumberOfTrainingImages, "image"), res.NumberOfTestingImages)
	tw := newTable(w)
	fmt.Fprintln(tw, "LABEL\tF1\tPRECISION\tRECALL\tTHRESHOLD\tTEST IMAGES")
	for _, l := range res.Labels {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", cell(l.Label), metric(l.F1Score), metric(l.Precision), metric(l.Recall), metric(l.Threshold), l.NumberOfTestingImages)
	}
	return tw.Flush()
}

func writeComparisonTable(w io.Writer, res comparisonJSON) error {
	fmt.Fprintf(w, "base      %s (tested on %s)\ncandidate %s (tested on %s)\n\n",
		versionName(res.Base.ProjectVersionArn), plural(res.Base.NumberOfTestingImages, "image"),
		versionName(res.Candidate.ProjectVersionArn), plural(res.Candidate.NumberOfTestingImages, "image"))
	tw := newTable(w)
	fmt.Fprintln(tw, "METRIC\tBASE\tCANDIDATE\tCHANGE")
	for _, m := range []struct {
		name string
		c    changeJSON
	}{{"F1 score", res.F1Score}, {"precision", res.Precision}, {"recall", res.Recall}} {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.name, metric(m.c.Base), metric(m.c.Candidate), signed(m.c.Change))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = newTable(w)
	fmt.Fprintln(tw, "LABEL\tF1 BASE\tF1 CANDIDATE\tCHANGE\tPRECISION\tRECALL\tTHRESHOLD\tTEST IMAGES")
	for _, l := range res.Labels {
		pair := func(c changeJSON) string {
			return side(l.InBase, metric(c.Base)) + "→" + side(l.InCandidate, metric(c.Candidate))
		}
		ch := "-"
		if l.InBase && l.InCandidate {
			ch = signed(l.F1Score.Change)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", cell(l.Label),
			side(l.InBase, metric(l.F1Score.Base)), side(l.InCandidate, metric(l.F1Score.Candidate)), ch,
			pair(l.Precision), pair(l.Recall), pair(l.Threshold),
			side(l.InBase, strconv.Itoa(l.BaseTestingImages))+"→"+side(l.InCandidate, strconv.Itoa(l.CandidateTestingImages)))
	}
	return tw.Flush()
}

// side is v, or "-" for a label the model does not know.
func side(known bool, v string) string {
	if !known {
		return "-"
	}
	return v
}
