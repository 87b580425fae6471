package customlabelstest

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/manifest"
)

// Reading a manifest as CreateDataset and UpdateDatasetEntries do
// (developer guide: debugging-datasets-terminal-errors,
// debugging-datasets-non-terminal-errors), with package manifest's
// validation:
//
//   - a terminal file error (manifest.TierFile: more than 250,000 lines,
//     more than 250 labels, more than 20 % of the lines invalid, an empty
//     manifest) fails the operation, with the error's code as the status
//     message (ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT for an
//     empty one, or one of blank lines only: its contents are invalid);
//   - a line with a terminal content error (not a JSON object, longer than
//     100,000 characters, no source-ref or a bad one, or an image listed
//     before) is dropped, without a word anywhere;
//   - the other lines are kept, each with the non-terminal errors the
//     service documents attached in the errors array of the line, of the
//     label attribute, of its metadata or of the bounding box they are
//     about, where ListDatasetEntries' HasErrors finds them. Warnings and
//     the rules package manifest adds without a service code are not
//     written.
//
// A line kept without errors is listed as it was sent; a line given errors
// (or that carried errors arrays, which are worked out again) is written
// again by package manifest, with the same members and values.

// readManifest returns the lines a dataset keeps of the manifest data, or
// the status message of the terminal file error that fails the operation.
func readManifest(data []byte) (lines []*datasetLine, failure string) {
	rep, err := manifest.Validate(bytes.NewReader(data), manifest.Options{MaxProblems: 1})
	if err != nil {
		return nil, errManifestInaccessible // reading memory does not fail
	}
	if rep.Lines == rep.BlankLines {
		// No line at all, or blank ones only: nothing in it is a manifest.
		return nil, errManifestInaccessible
	}
	if msg := fileFailure(rep); msg != "" {
		return nil, msg
	}
	seen := map[string]bool{}
	for len(data) > 0 {
		var raw []byte
		raw, data, _ = bytes.Cut(data, []byte{'\n'})
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || utf8.RuneCount(raw) > manifest.MaxLineLength {
			continue
		}
		l, ok := keptLine(raw)
		if !ok || seen[l.sourceRef] {
			continue
		}
		seen[l.sourceRef] = true
		lines = append(lines, l)
	}
	return lines, ""
}

// fileFailure returns the status message of the first terminal file
// error of rep, or "".
func fileFailure(rep *manifest.Report) string {
	for _, p := range rep.Problems {
		if p.Tier != manifest.TierFile {
			continue
		}
		return string(p.Code)
	}
	return ""
}

// keptLine parses one line of a manifest and returns it as the dataset
// keeps it, with its errors attached; ok is false when the service drops
// it.
func keptLine(raw []byte) (*datasetLine, bool) {
	l, err := manifest.ParseLine(raw)
	if err != nil {
		return nil, false
	}
	hadErrors := l.HasErrors()
	clearErrors(&l)
	probs := l.Check()
	for _, p := range probs {
		if p.Tier == manifest.TierContent {
			return nil, false
		}
	}
	attached := attachErrors(&l, probs)
	text := string(raw)
	if attached || hadErrors || bytes.IndexByte(raw, '\r') >= 0 {
		// Written again: with its errors, or without a carriage return
		// between members, which a DatasetEntry (one line) cannot hold.
		b, err := l.AppendJSON(nil)
		if err != nil || utf8.RuneCount(b) > manifest.MaxLineLength {
			return nil, false
		}
		text = string(b)
	}
	return newDatasetLine(&l, text), true
}

// newDatasetLine returns the entry of line l, whose JSON is text.
func newDatasetLine(l *manifest.Line, text string) *datasetLine {
	dl := &datasetLine{sourceRef: l.SourceRef, text: text, labels: l.Labels(), hasErrors: l.HasErrors()}
	for _, d := range l.Detections {
		for _, a := range d.Annotations {
			if name, ok := d.ClassMap[a.ClassID]; ok && !slices.Contains(dl.boxLabels, name) {
				dl.boxLabels = append(dl.boxLabels, name)
			}
		}
	}
	return dl
}

// clearErrors empties the errors arrays of the typed parts of l: the
// service works them out again.
func clearErrors(l *manifest.Line) {
	l.Errors = nil
	for i := range l.Classifications {
		l.Classifications[i].Errors = nil
	}
	for i := range l.Detections {
		d := &l.Detections[i]
		d.Errors, d.MetadataErrors = nil, nil
		for j := range d.Annotations {
			d.Annotations[j].Errors = nil
		}
	}
}

// attachErrors adds each non-terminal error of probs with a service code
// to the errors array its path points into, and reports whether it added
// any. A path into a member that package manifest keeps untyped gets the
// error on the line.
func attachErrors(l *manifest.Line, probs []manifest.Problem) bool {
	added := false
	for _, p := range probs {
		if p.Tier != manifest.TierNonTerminal || !p.Code.Service() {
			continue
		}
		*errorsAt(l, p.Path) = append(*errorsAt(l, p.Path), manifest.Issue{Code: p.Code, Message: p.Message})
		added = true
	}
	return added
}

// errorsAt returns the errors array that path (a manifest.Problem's Path)
// points into.
func errorsAt(l *manifest.Line, path string) *[]manifest.Issue {
	for i := range l.Detections {
		d := &l.Detections[i]
		rest, ok := strings.CutPrefix(path, d.Attribute)
		if !ok {
			continue
		}
		switch {
		case strings.HasPrefix(rest, "-metadata"):
			return &d.MetadataErrors
		case strings.HasPrefix(rest, ".annotations["):
			n, _, _ := strings.Cut(strings.TrimPrefix(rest, ".annotations["), "]")
			if j, err := strconv.Atoi(n); err == nil && j >= 0 && j < len(d.Annotations) {
				return &d.Annotations[j].Errors
			}
			return &d.Errors
		case rest == "" || rest[0] == '.':
			return &d.Errors
		}
	}
	for i := range l.Classifications {
		c := &l.Classifications[i]
		if rest, ok := strings.CutPrefix(path, c.Attribute); ok && (rest == "" || strings.HasPrefix(rest, "-metadata")) {
			return &c.Errors
		}
	}
	return &l.Errors
}
