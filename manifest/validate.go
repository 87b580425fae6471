package manifest

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Limits of a manifest, from the developer guide (limits,
// md-create-manifest-file-validation-rules).
const (
	// DefaultMaxLines is the most lines a manifest may have by default.
	DefaultMaxLines = 250_000
	// MaxManifestSize is the largest manifest, in bytes: "1 GB", which we
	// take as 2^30 bytes, as the service model writes UpdateDatasetEntries'
	// "5 MB" as 5,242,880 bytes.
	MaxManifestSize = 1 << 30
	// MaxLabels is the most distinct labels in a manifest.
	MaxLabels = 250
	// MinClassificationLabels and MinDetectionLabels are the fewest
	// distinct labels a manifest needs for training, by use case. (The
	// page on ERROR_MANIFEST_TOO_FEW_USABLE_LABELS states them the other
	// way round; the limits page, followed here, agrees with the page on
	// ERROR_MANIFEST_TOO_FEW_LABELS.)
	MinClassificationLabels = 2
	MinDetectionLabels      = 1
	// maxTrackedLabels is the most distinct labels a Report keeps.
	maxTrackedLabels = 4 * MaxLabels
	// defaultMaxProblems is the most problems a Report keeps by default.
	defaultMaxProblems = 1000
)

// Options adjusts [Validate]. The zero value checks as the service does
// with its default quotas.
type Options struct {
	// MaxLines is the most lines the manifest may have; 0 means
	// DefaultMaxLines. A classification dataset may have up to 500,000
	// with a quota increase; in Mumbai and London the limit is 28,000
	// for training and 7,000 for testing. Lines beyond it are counted
	// but not checked, as the service does not check them.
	MaxLines int
	// MaxProblems is the most problems the Report keeps, besides those of
	// the manifest as a whole, which it always keeps; 0 means 1,000.
	// Negative keeps them all: memory then grows with their number.
	MaxProblems int
}

// Validate reads a manifest and checks it against the service's
// documented rules, line by line and as a whole, in constant memory: a
// line, a table of the hashes of the source-refs of at most MaxLines lines
// (6 MiB for 250,000), at most 1,000 labels and MaxProblems problems. It returns an error only
// when reading r fails.
//
// What Validate cannot see is not checked: the images themselves (format,
// size, aspect ratio: ERROR_INVALID_IMAGE), S3 permissions and bucket
// owners, and the rules that span the training and the test manifest (see
// [CheckTraining]).
func Validate(r io.Reader, opts Options) (*Report, error) {
	v := newValidator(opts)
	s := newScanner(r)
	for {
		data, long, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &readError{line: s.n + 1, err: err}
		}
		v.line(s.n, data, long)
	}
	v.finish(s.bytes)
	return v.rep, nil
}

// validator holds the state of one Validate.
type validator struct {
	rep         *Report
	dec         decoder
	maxLines    int
	maxProblems int
	labels      map[string]int // index into rep.Labels
	kinds       []uint8        // per label: useClass, useDet
	classLines  int            // valid lines with an image-level label
	detLines    int            // valid lines with a bounding box
	// Lines whose image is not in rep.Bucket: how many, and the first.
	otherBuckets int
	otherLine    int
	otherBucket  string
}

func newValidator(opts Options) *validator {
	v := &validator{
		rep:         &Report{Counts: map[Code]int{}, UseCase: UseCaseNotDetermined},
		maxLines:    opts.MaxLines,
		maxProblems: opts.MaxProblems,
		labels:      map[string]int{},
	}
	if v.maxLines <= 0 {
		v.maxLines = DefaultMaxLines
	}
	if v.maxProblems == 0 {
		v.maxProblems = defaultMaxProblems
	}
	return v
}

// add records a problem; those of lines count towards MaxProblems.
func (v *validator) add(p Problem) {
	v.rep.Counts[p.Code]++
	if p.Line > 0 && v.maxProblems >= 0 && len(v.rep.Problems) >= v.maxProblems {
		v.rep.ProblemsOmitted++
		return
	}
	v.rep.Problems = append(v.rep.Problems, p)
}

var bom = []byte("\uFEFF")

// line checks line n.
func (v *validator) line(n int, data []byte, long bool) {
	rep := v.rep
	rep.Lines = n
	if n > v.maxLines {
		rep.UncheckedLines++
		return
	}
	switch {
	case long:
		rep.InvalidLines++
		v.add(Problem{Line: n, Code: CodeLineTooLong, Tier: TierContent,
			Message: "the line is longer than " + strconv.Itoa(MaxLineLength) + " characters"})
		return
	case blank(data):
		rep.InvalidLines++
		rep.BlankLines++
		v.add(Problem{Line: n, Code: CodeInvalidJSONLine, Tier: TierContent,
			Message: "the line is blank; the service counts it as an invalid line"})
		return
	}
	d := &v.dec
	if err := d.decode(data); err != nil {
		rep.InvalidLines++
		msg := err.Error()
		if bytes.HasPrefix(data, bom) {
			msg = "the line starts with a UTF-8 byte order mark: " + msg
		}
		v.add(Problem{Line: n, Code: CodeInvalidJSONLine, Tier: TierContent, Message: msg})
		return
	}
	status := d.checkLine()
	if status != lineDropped {
		if first := rep.refs.add(hashRef(d.v.sourceRef), n); first != 0 {
			status = lineDropped
			d.probs = append(d.probs[:0], Problem{Code: CodeDuplicateSourceRef, Tier: TierContent, Path: "source-ref",
				Message: "the image is on line " + strconv.Itoa(first) + " already; the service keeps one line per image"})
		}
		bucket, _ := checkSourceRef(d.v.sourceRef)
		switch {
		case rep.Bucket == "":
			rep.Bucket = string(bucket)
		case string(bucket) != rep.Bucket:
			if v.otherBuckets == 0 {
				v.otherLine, v.otherBucket = n, string(bucket)
			}
			v.otherBuckets++
		}
	}
	for _, p := range d.probs {
		if status == lineDropped && p.Tier != TierContent {
			continue // the service drops the line before anything else
		}
		p.Line = n
		v.add(p)
	}
	switch status {
	case lineValid:
		rep.ValidLines++
		v.count(d.uses)
	case lineIgnored:
		rep.IgnoredLines++
	default:
		rep.InvalidLines++
	}
}

// count adds the labels of a valid line.
func (v *validator) count(uses []labelUse) {
	rep := v.rep
	var kinds uint8
	for _, u := range uses {
		kinds |= u.kinds
		i, ok := v.labels[string(u.name)]
		if !ok {
			if len(rep.Labels) >= maxTrackedLabels {
				rep.LabelsTruncated = true
				continue
			}
			i = len(rep.Labels)
			name := string(u.name)
			v.labels[name] = i
			rep.Labels = append(rep.Labels, LabelCount{Name: name})
			v.kinds = append(v.kinds, 0)
		}
		rep.Labels[i].Images++
		rep.Labels[i].BoundingBoxes += u.boxes
		v.kinds[i] |= u.kinds
	}
	if kinds&useClass != 0 {
		v.classLines++
	}
	if kinds&useDet != 0 {
		v.detLines++
	}
}

// finish checks the manifest as a whole.
func (v *validator) finish(size int64) {
	rep := v.rep
	rep.Bytes = size
	file := func(code Code, msg string) {
		v.add(Problem{Code: code, Tier: codeTier(code), Message: msg})
	}
	if rep.Lines == 0 {
		file(CodeManifestEmpty, "the manifest is empty")
		return
	}
	if size > MaxManifestSize {
		file(CodeManifestSizeTooLarge, "the manifest is "+strconv.FormatInt(size, 10)+" bytes; the most is "+strconv.Itoa(MaxManifestSize)+" (1 GB)")
	}
	if rep.Lines > v.maxLines {
		file(CodeManifestRowsExceedMaximum, "the manifest has "+strconv.Itoa(rep.Lines)+" lines; the most is "+strconv.Itoa(v.maxLines))
	}
	// The 20 % is cumulative across every rule, and blank lines count
	// (md-create-manifest-file-validation-rules); more than 20 % fails.
	// Ignored lines do not count (tm-debugging-scope-json-line).
	if checked := rep.Lines - rep.UncheckedLines; rep.InvalidLines*5 > checked {
		file(CodeTooManyRecordsInError, strconv.Itoa(rep.InvalidLines)+" of "+strconv.Itoa(checked)+" lines ("+
			percent(rep.InvalidLines, checked)+") are invalid; the service fails a manifest with more than 20 %")
	}
	// Sort the labels, carrying their kinds along.
	order := make([]int, len(rep.Labels))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(rep.Labels[a].Name, rep.Labels[b].Name) })
	labels, kinds := make([]LabelCount, len(order)), make([]uint8, len(order))
	for i, j := range order {
		labels[i], kinds[i] = rep.Labels[j], v.kinds[j]
	}
	rep.Labels, v.kinds = labels, kinds
	rep.labelKinds = kinds

	if len(rep.Labels) > MaxLabels || rep.LabelsTruncated {
		n := strconv.Itoa(len(rep.Labels))
		if rep.LabelsTruncated {
			n = "more than " + n
		}
		file(CodeManifestTooManyLabels, "the manifest has "+n+" labels; the most is "+strconv.Itoa(MaxLabels))
	}
	switch {
	case v.classLines > 0 && v.classLines >= v.detLines:
		rep.UseCase = UseCaseImageLevelLabels
	case v.detLines > 0:
		rep.UseCase = UseCaseObjectLocalization
	}
	if v.classLines > 0 && v.detLines > 0 {
		file(CodeMixedUseCases, strconv.Itoa(v.classLines)+" valid lines have image-level labels and "+strconv.Itoa(v.detLines)+
			" have bounding boxes; training uses only the kind most lines have, "+string(rep.UseCase))
	}
	usable, minimum := rep.usableLabels(), MinClassificationLabels
	if rep.UseCase == UseCaseObjectLocalization {
		minimum = MinDetectionLabels
	}
	switch {
	case rep.UseCase == UseCaseNotDetermined:
		file(CodeManifestTooFewLabels, "no valid line has a label")
	case usable < minimum && len(rep.Labels) >= minimum:
		file(CodeManifestTooFewUsableLabels, "the lines of use case "+string(rep.UseCase)+" have "+strconv.Itoa(usable)+
			" distinct labels; training needs "+strconv.Itoa(minimum))
	case usable < minimum:
		file(CodeManifestTooFewLabels, "the valid lines have "+strconv.Itoa(usable)+" distinct label; training needs "+strconv.Itoa(minimum))
	}
	if v.otherBuckets > 0 {
		file(CodeImagesInMultipleS3Buckets, strconv.Itoa(v.otherBuckets)+" lines name images outside bucket "+
			strconv.Quote(rep.Bucket)+" of the first image, from line "+strconv.Itoa(v.otherLine)+" (bucket "+strconv.Quote(v.otherBucket)+")")
	}
}

// usableLabels counts the labels of the report's use case.
func (r *Report) usableLabels() int {
	want := useBit(r.UseCase)
	n := 0
	for _, k := range r.labelKinds {
		if k&want != 0 {
			n++
		}
	}
	return n
}

// percent formats n/total as a percentage with one decimal.
func percent(n, total int) string {
	if total == 0 {
		return "0 %"
	}
	return strconv.FormatFloat(100*float64(n)/float64(total), 'f', 1, 64) + " %"
}
