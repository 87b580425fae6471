package customlabelstest

import (
	"bytes"
	"context"
	"crypto/sha256"
	pathpkg "path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/manifest"
)

// What a training reads: the training and test manifests, from S3 or
// from the project's datasets, checked and split as the service does
// before it trains (the developer guide's tm-debugging pages).

// The status messages of manifest file errors, the service's words
// (tm-debugging, "Terminal manifest file errors"). They are written
// without a code, as the guide shows them.
const (
	msgManifestInvalid  = "The manifest file extension or contents are invalid."
	msgManifestEmpty    = "The manifest file is empty."
	msgManifestTooLarge = "The manifest file size exceeds the maximum supported size."
	msgOutputBucket     = "Unable to write to output S3 bucket."
)

// contentMessages are the service's messages of the manifest content
// errors that fail a training (tm-debugging-aggregate-errors), by code.
// ERROR_INSUFFICIENT_LABEL_OVERLAP's "{}" is the 50 % the guide states.
var contentMessages = map[manifest.Code]string{
	manifest.CodeManifestRowsExceedMaximum:    "The manifest file has too many rows.",
	manifest.CodeTooManyInvalidRowsInManifest: "The manifest file contains too many invalid rows.",
	manifest.CodeImagesInMultipleS3Buckets:    "The manifest file contains images from multiple S3 buckets.",
	codeInsufficientImagesForAutosplit:        "The manifest file contains insufficient labeled images per label to perform auto-split.",
	manifest.CodeManifestTooFewLabels:         "The manifest file has too few labels.",
	manifest.CodeManifestTooManyLabels:        "The manifest file has too many labels.",
	manifest.CodeInsufficientLabelOverlap:     "Less than 50% label overlap between the training and testing manifest files.",
	manifest.CodeManifestTooFewUsableLabels:   "The manifest file has too few usable labels.",
	manifest.CodeInsufficientUsableOverlap:    "Less than 50% usable label overlap between the training and testing manifest files.",
}

// codeInsufficientImagesForAutosplit is the content error of a training
// manifest that cannot be split for testing; package manifest has no code
// for it, as it is not a property of one manifest.
const codeInsufficientImagesForAutosplit manifest.Code = "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT"

// minImagesPerLabelForSplit is the fewest images of a label that a
// training-time split accepts: one to train on and one to test with. The
// guide names the error, not the number: assumed.
const minImagesPerLabelForSplit = 2

// statusOfContentError returns the status message of a content error:
// "CODE: message". The guide gives the code and the message but not how
// the status message joins them: assumed.
func statusOfContentError(code manifest.Code) string {
	return string(code) + ": " + contentMessages[code]
}

// manifestLine is one line of a manifest as read for training.
type manifestLine struct {
	n    int    // its number, blank lines counted
	raw  []byte // its text, without the line break
	line manifest.Line
	// parsed is set when raw is a JSON object of at most
	// manifest.MaxLineLength characters.
	parsed bool
	// used is set when training uses the line: parsed, valid, labelled,
	// and the first of its image.
	used bool
}

// trainingManifest is one manifest of a training: its bytes, its lines
// and what manifest.Validate made of it.
type trainingManifest struct {
	data  []byte
	lines []manifestLine
	rep   *manifest.Report
}

// readManifest reads and joins the manifests of assets, for a training.
// It returns the file error of the first that cannot be read as the
// status message to fail with, or "". An asset with a Version is read
// from the server's own S3; the objects of WithS3Endpoint are read
// without one, so a versioned asset there is a manifest that cannot be
// read.
func (s *Server) readManifest(ctx context.Context, assets []customlabels.Asset) ([]byte, string) {
	var out []byte
	for _, a := range assets {
		o := a.GroundTruthManifest.S3Object
		if pathpkg.Ext(o.Name) == "" {
			// "The manifest file is missing a file extension"
			// (debugging-datasets-terminal-errors).
			return nil, msgManifestInvalid
		}
		var data []byte
		switch {
		case o.Version == "":
			d, _, err := s.objects.getObject(ctx, o.Bucket, o.Name)
			if err != nil {
				return nil, msgManifestInvalid
			}
			data = d
		default:
			if _, own := s.objects.(memoryObjects); !own {
				return nil, msgManifestInvalid
			}
			s.mu.Lock()
			d, ok := s.s3Object(o.Bucket, o.Name, o.Version)
			s.mu.Unlock()
			if !ok {
				return nil, msgManifestInvalid
			}
			data = d
		}
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		out = append(out, data...)
		if len(out) > manifest.MaxManifestSize {
			return nil, msgManifestTooLarge
		}
	}
	return out, ""
}

// encodeLines writes lines as a manifest, for a training from datasets.
func encodeLines(lines []manifest.Line) []byte {
	var b bytes.Buffer
	w := manifest.NewWriter(&b)
	for _, l := range lines {
		// A dataset holds only lines the service could write; one that
		// cannot be written is left out of the training, as the
		// service would drop it.
		_ = w.Write(l)
	}
	_ = w.Flush()
	return b.Bytes()
}

// newTrainingManifest reads data as the service does: its lines, which
// of them training uses, and its validation report. It returns the file
// error that fails the training, or "": a manifest with no line but blank
// ones is empty, and one with no JSON object is not a manifest.
func newTrainingManifest(data []byte) (*trainingManifest, string) {
	m := &trainingManifest{data: data, lines: splitLines(data)}
	objects := 0
	seen := map[string]bool{}
	for i := range m.lines {
		l := &m.lines[i]
		if len(bytes.TrimSpace(l.raw)) == 0 || utf8.RuneCount(l.raw) > manifest.MaxLineLength {
			continue
		}
		line, err := manifest.ParseLine(l.raw)
		if err != nil {
			continue
		}
		l.line, l.parsed = line, true
		objects++
		used, dropped := lineStatus(&line)
		if !dropped {
			// The service keeps the first line of an image.
			used = used && !seen[line.SourceRef]
			seen[line.SourceRef] = true
		}
		l.used = used
	}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, msgManifestEmpty
	case objects == 0:
		return nil, msgManifestInvalid
	}
	rep, err := manifest.Validate(bytes.NewReader(data), manifest.Options{MaxProblems: -1})
	if err != nil {
		return nil, msgManifestInvalid // reading memory does not fail
	}
	m.rep = rep
	return m, ""
}

// splitLines splits a manifest into its lines as package manifest numbers
// them: a line ends at LF, a CR before it is dropped, and the last line
// may lack its LF.
func splitLines(data []byte) []manifestLine {
	var out []manifestLine
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		out = append(out, manifestLine{n: n, raw: bytes.TrimSuffix(line, []byte("\r"))})
	}
	return out
}

// lineStatus says what training makes of a line, as far as the line
// alone tells (manifest.Line.Check, whose codes say what the service does
// with it): used for training, or dropped before anything else.
func lineStatus(l *manifest.Line) (used, dropped bool) {
	used = len(l.Labels()) > 0
	for _, p := range l.Check() {
		switch p.Code {
		case manifest.CodeNoLabelAttributes, manifest.CodeNoValidLabelAttributes, manifest.CodeTooManyBoundingBoxes,
			manifest.CodeTooManyLabelsPerImage, manifest.CodeWarningUnannotatedRecord, manifest.CodeWarningNoAnnotations:
			used = false
		}
		if p.Tier == manifest.TierContent {
			return false, true
		}
	}
	return used, false
}

// failures returns the problems of m that fail a training, in the
// order found: its terminal file and content errors.
func (m *trainingManifest) failures() []manifest.Problem {
	var out []manifest.Problem
	for _, p := range m.rep.Problems {
		if p.Line == 0 && (p.Tier == manifest.TierFile || p.Tier == manifest.TierTraining) && p.Code.Service() {
			if p.Code == manifest.CodeTooManyRecordsInError {
				// A dataset's ERROR_TOO_MANY_RECORDS_IN_ERROR is
				// training's ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST.
				p.Code = manifest.CodeTooManyInvalidRowsInManifest
			}
			out = append(out, p)
		}
	}
	return out
}

// failureStatus returns the status message of the first problem of ps:
// the file error's message for a manifest that is too large, the content
// error's code and message for the others.
func failureStatus(ps []manifest.Problem) string {
	if ps[0].Code == manifest.CodeManifestSizeTooLarge {
		return msgManifestTooLarge
	}
	if _, ok := contentMessages[ps[0].Code]; ok {
		return statusOfContentError(ps[0].Code)
	}
	return string(ps[0].Code) + ": " + ps[0].Message
}

// splitForTesting splits the lines training uses into a training and a
// test manifest, as a training without test data does ("a temporary
// split of the training dataset", 80 % and 20 %). The split is
// deterministic: lines are grouped by their first label, and in each
// group, ordered by the SHA-256 of their source-ref, a fifth of them (at
// least one) is taken for testing. Lines training does not use stay in
// the training manifest. ok is false when a label has fewer than
// minImagesPerLabelForSplit images.
func splitForTesting(m *trainingManifest) (train, test []byte, ok bool) {
	images := map[string]int{}
	groups := map[string][]int{}
	for i, l := range m.lines {
		if !l.used {
			continue
		}
		labels := l.line.Labels()
		for _, name := range labels {
			images[name]++
		}
		groups[labels[0]] = append(groups[labels[0]], i)
	}
	for _, n := range images {
		if n < minImagesPerLabelForSplit {
			return nil, nil, false
		}
	}
	toTest := map[int]bool{}
	for _, idx := range groups {
		slices.SortFunc(idx, func(a, b int) int {
			ha, hb := sha256.Sum256([]byte(m.lines[a].line.SourceRef)), sha256.Sum256([]byte(m.lines[b].line.SourceRef))
			return bytes.Compare(ha[:], hb[:])
		})
		for _, i := range idx[:max(1, len(idx)/5)] {
			toTest[i] = true
		}
	}
	for i, l := range m.lines {
		if toTest[i] {
			test = append(append(test, l.raw...), '\n')
		} else {
			train = append(append(train, l.raw...), '\n')
		}
	}
	return train, test, true
}

// validationManifest returns m with the service's errors and warnings
// added to each line: the copy training writes as
// training_manifest_with_validation.json (or its testing twin), one line
// for each line of m, so that the line numbers of manifest_summary.json
// point into it. A problem is added to its line's errors (its warnings
// for a warning), with the path in the line before its message; a line
// that is not a JSON object is written as an object with its errors
// alone. Only the service's own codes are written.
func (m *trainingManifest) validationManifest() []byte {
	byLine := map[int][]manifest.Problem{}
	for _, p := range m.rep.Problems {
		if p.Line > 0 && p.Code.Service() {
			byLine[p.Line] = append(byLine[p.Line], p)
		}
	}
	var b bytes.Buffer
	w := manifest.NewWriter(&b)
	for _, ml := range m.lines {
		var l manifest.Line
		if ml.parsed {
			l = ml.line
			l.Errors, l.Warnings = slices.Clone(l.Errors), slices.Clone(l.Warnings)
		}
		for _, p := range byLine[ml.n] {
			msg := p.Message
			if p.Path != "" {
				msg = p.Path + ": " + msg
			}
			if p.Tier == manifest.TierWarning {
				l.Warnings = append(l.Warnings, manifest.Issue{Code: p.Code, Message: msg})
			} else {
				l.Errors = append(l.Errors, manifest.Issue{Code: p.Code, Message: msg})
			}
		}
		if err := w.Write(l); err != nil {
			// A line the package parsed writes back; anything else is
			// written as its errors alone.
			_ = w.Write(manifest.Line{Errors: l.Errors})
		}
	}
	_ = w.Flush()
	return b.Bytes()
}

// usedLines returns the lines training uses.
func (m *trainingManifest) usedLines() []manifest.Line {
	var out []manifest.Line
	for _, l := range m.lines {
		if l.used {
			out = append(out, l.line)
		}
	}
	return out
}

// splitS3URI returns the bucket and key of "s3://bucket/key" (any case
// of the scheme, as package manifest accepts), or false.
func splitS3URI(uri string) (bucket, key string, ok bool) {
	if len(uri) < 5 || !strings.EqualFold(uri[:5], "s3://") {
		return "", "", false
	}
	bucket, key, ok = strings.Cut(uri[5:], "/")
	return bucket, key, ok && bucket != "" && key != ""
}
