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
	"github.com/rekognition-go/customlabels/manifest"
)

// datasetsSettings are the flags of customlabels datasets.
type datasetsSettings struct {
	common  commonFlags
	project projectRef
	labels  bool
	entries bool
	types   []customlabels.DatasetType // --type; empty for both
	// The filters of --entries, as ListDatasetEntries takes them.
	containsLabels    []string
	labeled           *bool
	hasErrors         *bool
	sourceRefContains string
	maxItems          int
}

// datasetsOptions: the listings of entries and labels retry as the other
// listings do.
var datasetsOptions = commonOptions{listing: true}

const datasetsAbout = `
Shows the TRAIN and TEST datasets of a Custom Labels project: for each,
its status and status message (the manifest's error, when creating it
failed), and its numbers of images, labeled images, labels and images
with errors (IAM actions rekognition:DescribeProjects and
rekognition:DescribeDataset).

--labels lists each dataset's labels with their images and bounding boxes
(rekognition:ListDatasetLabels). --entries lists the entries, one JSON
line per image as the service keeps it, with the non-terminal errors it
found (rekognition:ListDatasetEntries), filtered as the service filters
them: --contains-label (an entry with any of them; repeatable, at most
10), --labeled true|false, --has-errors true|false, --source-ref-contains.
The table shows each entry's image, labels and errors; --output json has
the lines. --type TRAIN or TEST selects one dataset.` + projectAbout

// boolFlag is a flag that takes true or false, and says whether it was
// given.
func boolFlag(target **bool) func(string) error {
	return func(v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("must be true or false, got %q", v)
		}
		*target = &b
		return nil
	}
}

func parseDatasets(args []string, e *env) (*datasetsSettings, error) {
	s := &datasetsSettings{}
	fs := flag.NewFlagSet("datasets", flag.ContinueOnError)
	s.common.register(fs, datasetsOptions)
	fs.BoolVar(&s.labels, "labels", false, "list the labels of the datasets, with their images and bounding boxes")
	fs.BoolVar(&s.entries, "entries", false, "list the entries (images) of the datasets, filtered by the flags below")
	fs.Func("type", "only the dataset of this `TYPE`: TRAIN or TEST (default both)", func(v string) error {
		t := customlabels.DatasetType(strings.ToUpper(v))
		if t != customlabels.DatasetTypeTrain && t != customlabels.DatasetTypeTest {
			return fmt.Errorf("must be TRAIN or TEST, got %q", v)
		}
		s.types = []customlabels.DatasetType{t}
		return nil
	})
	fs.Func("contains-label", "with --entries, only entries with this `LABEL` or another one given (repeatable, at most 10)", func(v string) error {
		s.containsLabels = append(s.containsLabels, v)
		return nil
	})
	fs.Func("labeled", "with --entries, only labeled entries (true) or only unlabeled ones (false)", boolFlag(&s.labeled))
	fs.Func("has-errors", "with --entries, only entries with errors (true) or only entries without (false)", boolFlag(&s.hasErrors))
	fs.StringVar(&s.sourceRefContains, "source-ref-contains", "", "with --entries, only entries whose image's S3 URI contains `TEXT`")
	fs.IntVar(&s.maxItems, "max-items", 0, "with --entries, stop after this many entries (default: all)")
	positional, err := s.common.parse(fs, datasetsOptions, args, e, "PROJECT [--labels | --entries [filters]] [--type TRAIN|TEST] [flags]", datasetsAbout)
	if err != nil {
		return nil, err
	}
	arg, err := oneArgument(fs, positional, "PROJECT", projectHelp)
	if err != nil {
		return nil, err
	}
	if s.project, err = s.common.projectArg("PROJECT", arg); err != nil {
		return nil, err
	}
	if s.labels && s.entries {
		return nil, usagef("--labels and --entries cannot be combined")
	}
	if !s.entries {
		for _, f := range []string{"contains-label", "labeled", "has-errors", "source-ref-contains", "max-items"} {
			if s.common.set[f] {
				return nil, usagef("--%s filters --entries: add --entries", f)
			}
		}
	}
	if len(s.containsLabels) > 10 {
		return nil, usagef("--contains-label: at most 10 labels, got %d", len(s.containsLabels))
	}
	if s.common.set["max-items"] && s.maxItems < 1 {
		return nil, usagef("invalid --max-items %d: must be 1 or more", s.maxItems)
	}
	return s, nil
}

// runDatasets is customlabels datasets.
func runDatasets(ctx context.Context, e *env, args []string) error {
	s, err := parseDatasets(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, datasetsOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	project, err := s.project.describe(ctx, client, "PROJECT", region)
	if err != nil {
		return err
	}
	var datasets []customlabels.DatasetMetadata
	for _, d := range project.Datasets {
		if len(s.types) == 0 || d.DatasetType == s.types[0] {
			datasets = append(datasets, d)
		}
	}
	prog := newProgress(e)
	defer prog.done()
	switch {
	case s.labels:
		return s.listLabels(ctx, e, client, project, datasets, prog)
	case s.entries:
		return s.listEntries(ctx, e, client, project, datasets, prog)
	}
	res := datasetsJSON{ProjectArn: project.ProjectArn, Datasets: []datasetDescriptionJSON{}}
	for _, d := range datasets {
		prog.show("describing the %s dataset", d.DatasetType)
		out, err := client.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: d.DatasetArn})
		if err != nil {
			return fromService(err, "a dataset ARN DescribeProjects listed")
		}
		dd := out.DatasetDescription
		res.Datasets = append(res.Datasets, datasetDescriptionJSON{
			DatasetType: string(d.DatasetType), DatasetArn: d.DatasetArn,
			CreationTimestamp: jsonTime(dd.CreationTimestamp), LastUpdatedTimestamp: jsonTime(dd.LastUpdatedTimestamp),
			Status: string(dd.Status), StatusMessage: dd.StatusMessage, StatusMessageCode: string(dd.StatusMessageCode),
			DatasetStats: datasetStatsJSON(dd.DatasetStats),
		})
	}
	prog.done()
	if s.common.output == "json" {
		return writeJSON(e.stdout, res)
	}
	return writeDatasetsTable(e.stdout, project, res)
}

// listLabels is datasets --labels.
func (s *datasetsSettings) listLabels(ctx context.Context, e *env, client *customlabels.Client, project customlabels.ProjectDescription, datasets []customlabels.DatasetMetadata, prog *progress) error {
	res := datasetLabelsJSON{ProjectArn: project.ProjectArn, Labels: []datasetLabelJSON{}}
	for _, d := range datasets {
		for l, err := range customlabels.AllDatasetLabels(ctx, client, &customlabels.ListDatasetLabelsInput{DatasetArn: d.DatasetArn}) {
			if err != nil {
				return fromService(err, "a dataset ARN DescribeProjects listed")
			}
			res.Labels = append(res.Labels, datasetLabelJSON{DatasetType: string(d.DatasetType), Label: l.LabelName,
				Images: l.LabelStats.EntryCount, BoundingBoxes: l.LabelStats.BoundingBoxCount})
			prog.show("listing the labels: %d so far", len(res.Labels))
		}
	}
	prog.done()
	return writeOutput(e.stdout, s.common.output, res, writeDatasetLabelsTable)
}

// listEntries is datasets --entries.
func (s *datasetsSettings) listEntries(ctx context.Context, e *env, client *customlabels.Client, project customlabels.ProjectDescription, datasets []customlabels.DatasetMetadata, prog *progress) error {
	res := datasetEntriesJSON{ProjectArn: project.ProjectArn, Entries: []datasetEntryJSON{}}
	more := false
list:
	for _, d := range datasets {
		in := &customlabels.ListDatasetEntriesInput{DatasetArn: d.DatasetArn, ContainsLabels: s.containsLabels,
			Labeled: s.labeled, HasErrors: s.hasErrors, SourceRefContains: s.sourceRefContains}
		for entry, err := range customlabels.AllDatasetEntries(ctx, client, in) {
			if err != nil {
				return err
			}
			if s.maxItems > 0 && len(res.Entries) == s.maxItems {
				more = true
				break list
			}
			res.Entries = append(res.Entries, newDatasetEntry(d.DatasetType, entry))
			prog.show("listing the entries: %d so far", len(res.Entries))
		}
	}
	prog.done()
	if s.common.output == "json" {
		return writeJSON(e.stdout, res)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "DATASET\tIMAGE\tLABELS\tERRORS")
	for _, en := range res.Entries {
		errs := "-"
		if len(en.Errors) > 0 {
			errs = strings.Join(en.Errors, ",")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", en.DatasetType, cell(en.SourceRef), cell(strings.Join(en.Labels, ",")), cell(errs))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if more {
		fmt.Fprintf(e.stderr, "more entries follow: the listing stopped at --max-items %d\n", s.maxItems)
	}
	return nil
}

// newDatasetEntry reads what a person wants to see of an entry: its
// image, its labels and the codes of the errors the service attached to
// it; an entry that is not a manifest line is shown with its line only.
func newDatasetEntry(t customlabels.DatasetType, entry string) datasetEntryJSON {
	en := datasetEntryJSON{DatasetType: string(t), Line: entry, Labels: []string{}, Errors: []string{}}
	line, err := manifest.ParseLine([]byte(entry))
	if err != nil {
		return en
	}
	en.SourceRef = line.SourceRef
	en.Labels = append(en.Labels, line.Labels()...)
	en.HasErrors = line.HasErrors()
	add := func(issues []manifest.Issue) {
		for _, is := range issues {
			if !slices.Contains(en.Errors, string(is.Code)) {
				en.Errors = append(en.Errors, string(is.Code))
			}
		}
	}
	add(line.Errors)
	for _, c := range line.Classifications {
		add(c.Errors)
	}
	for _, d := range line.Detections {
		add(d.Errors)
		add(d.MetadataErrors)
		for _, a := range d.Annotations {
			add(a.Errors)
		}
	}
	return en
}

// The JSON outputs of customlabels datasets; doc.go documents them.
type datasetsJSON struct {
	ProjectArn string                   `json:"ProjectArn"`
	Datasets   []datasetDescriptionJSON `json:"Datasets"`
}

type datasetDescriptionJSON struct {
	DatasetType          string           `json:"DatasetType"`
	DatasetArn           string           `json:"DatasetArn"`
	CreationTimestamp    jsonTime         `json:"CreationTimestamp,omitzero"`
	LastUpdatedTimestamp jsonTime         `json:"LastUpdatedTimestamp,omitzero"`
	Status               string           `json:"Status"`
	StatusMessage        string           `json:"StatusMessage"`
	StatusMessageCode    string           `json:"StatusMessageCode"`
	DatasetStats         datasetStatsJSON `json:"DatasetStats"`
}

type datasetStatsJSON struct {
	LabeledEntries int32 `json:"LabeledEntries"`
	TotalEntries   int32 `json:"TotalEntries"`
	TotalLabels    int32 `json:"TotalLabels"`
	ErrorEntries   int32 `json:"ErrorEntries"`
}

type datasetLabelsJSON struct {
	ProjectArn string             `json:"ProjectArn"`
	Labels     []datasetLabelJSON `json:"Labels"`
}

type datasetLabelJSON struct {
	DatasetType   string `json:"DatasetType"`
	Label         string `json:"Label"`
	Images        int32  `json:"Images"`
	BoundingBoxes int32  `json:"BoundingBoxes"`
}

type datasetEntriesJSON struct {
	ProjectArn string             `json:"ProjectArn"`
	Entries    []datasetEntryJSON `json:"Entries"`
}

type datasetEntryJSON struct {
	DatasetType string   `json:"DatasetType"`
	SourceRef   string   `json:"SourceRef"`
	Labels      []string `json:"Labels"`
	HasErrors   bool     `json:"HasErrors"`
	// Errors are the codes of the entry's errors.
	Errors []string `json:"Errors"`
	// Line is the entry as the service returned it.
	Line string `json:"Line"`
}

func writeDatasetsTable(w io.Writer, project customlabels.ProjectDescription, res datasetsJSON) error {
	if len(res.Datasets) == 0 {
		fmt.Fprintf(w, "project %s has no datasets (train --train MANIFEST creates them)\n", project.Name())
		return nil
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "DATASET\tSTATUS\tIMAGES\tLABELED\tLABELS\tERRORS\tMESSAGE")
	for _, d := range res.Datasets {
		st := d.DatasetStats
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", d.DatasetType, cell(d.Status), st.TotalEntries, st.LabeledEntries, st.TotalLabels, st.ErrorEntries, cell(d.StatusMessage))
	}
	return tw.Flush()
}

func writeDatasetLabelsTable(w io.Writer, res datasetLabelsJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "DATASET\tLABEL\tIMAGES\tBOXES")
	for _, l := range res.Labels {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", l.DatasetType, cell(l.Label), l.Images, l.BoundingBoxes)
	}
	return tw.Flush()
}
