package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// tagsFlag collects --tag KEY=VALUE values.
type tagsFlag struct{ m map[string]string }

func (f *tagsFlag) String() string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(f.m)) {
		parts = append(parts, k+"="+f.m[k])
	}
	return strings.Join(parts, ",")
}

func (f *tagsFlag) Set(v string) error {
	k, val, err := parseTag(v)
	if err != nil {
		return err
	}
	if _, dup := f.m[k]; dup {
		return fmt.Errorf("tag %s given twice", k)
	}
	if f.m == nil {
		f.m = map[string]string{}
	}
	f.m[k] = val
	return nil
}

// parseTag reads KEY=VALUE; the value may be empty, the key may not.
func parseTag(v string) (string, string, error) {
	k, val, ok := strings.Cut(v, "=")
	if !ok || k == "" {
		return "", "", fmt.Errorf("must be KEY=VALUE, got %q", v)
	}
	return k, val, nil
}

// tagSettings are the flags of tag, untag and tags.
type tagSettings struct {
	common commonFlags
	arn    string
}

const tagsARNAbout = `

ARN is the ARN of a project or a model (project version); its Region is
the run's.`

// parseTagArgs parses the flags of tag, untag or tags and the ARN, and
// returns the arguments after the ARN.
func parseTagArgs(name, synopsis, about string, args []string, e *env) (*tagSettings, []string, error) {
	s := &tagSettings{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	s.common.register(fs, workflowOptions)
	positional, err := s.common.parse(fs, workflowOptions, args, e, synopsis, about+tagsARNAbout)
	if err != nil {
		return nil, nil, err
	}
	if len(positional) == 0 {
		return nil, nil, usagef("missing ARN: %s", arnHelp)
	}
	s.arn = positional[0]
	region, err := parseResourceARN("ARN", s.arn)
	if err != nil {
		return nil, nil, err
	}
	if err := s.common.regionOf("ARN", region); err != nil {
		return nil, nil, err
	}
	return s, positional[1:], nil
}

const tagAbout = `
Adds tags to a project or a model (TagResource; IAM action
rekognition:TagResource), or changes the values of keys it has. A
resource has at most 200 tags; keys are 1 to 128 characters and may not
start with aws:, values 0 to 256.`

// runTag is customlabels tag.
func runTag(ctx context.Context, e *env, args []string) error {
	s, rest, err := parseTagArgs("tag", "ARN KEY=VALUE... [flags]", tagAbout, args, e)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("missing KEY=VALUE: the tags to add")
	}
	var tags tagsFlag
	for _, v := range rest {
		if err := tags.Set(v); err != nil {
			return usagef("invalid tag: %v", err)
		}
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	_, client := cs.one()
	if _, err := client.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: s.arn, Tags: tags.m}); err != nil {
		return err
	}
	return writeOutput(e.stdout, s.common.output, tagsJSON{ResourceArn: s.arn, Tags: tags.m}, writeTagsTable)
}

const untagAbout = `
Removes tags from a project or a model (UntagResource; IAM action
rekognition:UntagResource). A key the resource does not have is ignored.`

// runUntag is customlabels untag.
func runUntag(ctx context.Context, e *env, args []string) error {
	s, keys, err := parseTagArgs("untag", "ARN KEY... [flags]", untagAbout, args, e)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return usagef("missing KEY: the keys of the tags to remove")
	}
	for _, k := range keys {
		if strings.Contains(k, "=") {
			return usagef("invalid KEY %q: untag takes keys, not KEY=VALUE", k)
		}
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	_, client := cs.one()
	if _, err := client.UntagResource(ctx, &customlabels.UntagResourceInput{ResourceArn: s.arn, TagKeys: keys}); err != nil {
		return err
	}
	res := untagJSON{ResourceArn: s.arn, TagKeys: keys}
	if s.common.output == "json" {
		return writeJSON(e.stdout, res)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "REMOVED")
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\n", cell(k))
	}
	return tw.Flush()
}

const tagsAbout = `
Lists the tags of a project or a model (ListTagsForResource; IAM action
rekognition:ListTagsForResource), sorted by key.`

// runTags is customlabels tags.
func runTags(ctx context.Context, e *env, args []string) error {
	s, rest, err := parseTagArgs("tags", "ARN [flags]", tagsAbout, args, e)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q: tags takes one ARN", rest[0])
	}
	cs, err := s.common.connect(ctx, e, workflowOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	_, client := cs.one()
	out, err := client.ListTagsForResource(ctx, &customlabels.ListTagsForResourceInput{ResourceArn: s.arn})
	if err != nil {
		return err
	}
	tags := out.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	return writeOutput(e.stdout, s.common.output, tagsJSON{ResourceArn: s.arn, Tags: tags}, writeTagsTable)
}

// tagsJSON is the JSON output of tag (the tags added) and tags (every
// tag); doc.go documents it.
type tagsJSON struct {
	ResourceArn string            `json:"ResourceArn"`
	Tags        map[string]string `json:"Tags"` // written sorted by key
}

// untagJSON is the JSON output of untag.
type untagJSON struct {
	ResourceArn string   `json:"ResourceArn"`
	TagKeys     []string `json:"TagKeys"`
}

func writeTagsTable(w io.Writer, res tagsJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "KEY\tVALUE")
	for _, k := range slices.Sorted(maps.Keys(res.Tags)) {
		fmt.Fprintf(tw, "%s\t%s\n", cell(k), cell(res.Tags[k]))
	}
	return tw.Flush()
}
