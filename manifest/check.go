package manifest

import (
	"bytes"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsonread"
)

// Limits of a line, from the developer guide (limits, and the pages on
// errors cited in codes.go).
const (
	// MaxLineLength is the most characters (Unicode code points, as the
	// service model counts the length of a DatasetEntry) in a line; the
	// service drops a longer line.
	MaxLineLength = 100_000
	// MaxBoundingBoxes is the most bounding boxes in one image.
	MaxBoundingBoxes = 50
	// MaxLabelsPerImage is the most labels of one image.
	MaxLabelsPerImage = 50
	// MaxLabelNameLength is the most characters in a label. The service
	// model caps a label in ListDatasetEntries' ContainsLabels at 255,
	// one less, so a label of 256 characters cannot be filtered on.
	MaxLabelNameLength = 256
	// MinImageDimension and MaxImageDimension bound the width and the
	// height of an image, in pixels.
	MinImageDimension = 64
	MaxImageDimension = 4096
	// resizeDimension is the longest side the service resizes an image
	// to for training; bounding boxes must still be larger than 1 by 1
	// pixel after that.
	resizeDimension = 1280
)

// lineStatus is what the service makes of a line.
type lineStatus uint8

const (
	lineValid   lineStatus = iota // used for training
	lineInvalid                   // kept with a non-terminal error, not used
	lineIgnored                   // kept with a warning, not used, not invalid
	lineDropped                   // a terminal content error: not kept
)

// labelUse is a label that a valid part of a line uses.
type labelUse struct {
	name  []byte
	kinds uint8 // useClass and useDet bits
	boxes int
}

const (
	useClass = 1 << iota
	useDet
)

var sourceRefName = []byte("source-ref")

// checkSourceRef checks that s is an S3 URI of an object and returns its
// bucket, or a message saying what is wrong. The scheme is taken in any
// case: the guide's own prose writes "S3://" once.
func checkSourceRef(s []byte) (bucket []byte, msg string) {
	if len(s) < 5 || !bytes.EqualFold(s[:5], []byte("s3://")) {
		return nil, "source-ref must be an S3 URI, s3://bucket/key"
	}
	rest := s[5:]
	slash := bytes.IndexByte(rest, '/')
	if slash < 0 {
		slash = len(rest)
	}
	bucket = rest[:slash]
	if len(bucket) < 3 || len(bucket) > 255 {
		return nil, "the bucket of source-ref must be 3 to 255 characters long"
	}
	for _, c := range bucket {
		// Today's rules allow [a-z0-9.-]; buckets made in us-east-1
		// before March 2018 may also have capitals and underscores.
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_') {
			return nil, "the bucket of source-ref has a character an S3 bucket name cannot have"
		}
	}
	if slash+1 >= len(rest) {
		return nil, "source-ref names no object in its bucket"
	}
	return bucket, ""
}

// checkLine applies the service's rules for one line to d.v, which decoded
// without error, and returns what the service makes of it. The labels of
// its valid parts are left in d.uses, one each.
func (d *decoder) checkLine() lineStatus {
	v := &d.v
	d.uses = d.uses[:0]
	if !d.checkLineSourceRef() {
		return lineDropped
	}
	for _, name := range v.dups {
		d.prob(CodeDuplicateMember, at(name), "the line has more than one member of this name; the first is used here")
	}
	valid, invalid, boxes := d.checkAttributes()
	status := lineValid
	attrs := len(v.class) + len(v.det) + len(v.badPairs)
	switch {
	case attrs == 0 && v.other > 0:
		msg := "no member has its -metadata member"
		if len(v.orphans) > 0 {
			msg += "; " + strconv.Quote(string(v.orphans[0])) + " looks like half of one"
		}
		d.prob(CodeNoLabelAttributes, where{}, msg)
		return lineInvalid
	case attrs == 0:
		// A line with a source-ref and nothing else: an image that was
		// never labelled.
		d.prob(CodeWarningUnannotatedRecord, where{}, "the line has no labels")
		return lineIgnored
	}
	for _, name := range v.orphans {
		d.prob(CodeOrphanAttribute, at(name), "this member looks like half of a label attribute and is ignored")
	}
	switch {
	case valid == 0 && invalid == 0:
		d.prob(CodeWarningNoAnnotations, where{}, "no label attribute has a bounding box")
		status = lineIgnored
	case valid == 0:
		d.prob(CodeNoValidLabelAttributes, where{}, "no label attribute is valid")
		status = lineInvalid
	}
	// The limit is per image; the guide does not say whether the service
	// counts the boxes of each label attribute or of the whole line, so
	// the line's total is checked.
	if boxes > MaxBoundingBoxes {
		d.prob(CodeTooManyBoundingBoxes, where{}, strconv.Itoa(boxes)+" bounding boxes; an image may have "+strconv.Itoa(MaxBoundingBoxes))
		status = lineInvalid
	}
	d.mergeUses()
	if len(d.uses) > MaxLabelsPerImage {
		// The limit is documented without an error code or a tier; we
		// take the line as invalid, as for too many bounding boxes.
		d.prob(CodeTooManyLabelsPerImage, where{}, strconv.Itoa(len(d.uses))+" labels; an image may have "+strconv.Itoa(MaxLabelsPerImage))
		status = lineInvalid
	}
	if status != lineValid {
		d.uses = d.uses[:0]
	}
	return status
}

// checkLineSourceRef checks the line's source-ref, and reports whether
// the service keeps the line.
func (d *decoder) checkLineSourceRef() bool {
	v := &d.v
	switch {
	case v.sourceRefKind == jsonread.None:
		d.prob(CodeMissingSourceRef, where{}, "the line has no source-ref")
		return false
	case v.sourceRefKind != jsonread.String:
		d.prob(CodeInvalidSourceRefFormat, at(sourceRefName), "source-ref is "+article(v.sourceRefKind)+", not a string")
		return false
	}
	if _, msg := checkSourceRef(v.sourceRef); msg != "" {
		d.prob(CodeInvalidSourceRefFormat, at(sourceRefName), msg)
		return false
	}
	return true
}

// checkAttributes checks the label attributes of the line and counts the
// valid and the invalid ones (a detection without boxes is neither), and
// the line's bounding boxes.
func (d *decoder) checkAttributes() (valid, invalid, boxes int) {
	v := &d.v
	invalid = len(v.badPairs)
	for i := range v.class {
		c := &v.class[i]
		if c.formatOK && d.checkClassification(c) {
			valid++
		} else {
			invalid++
		}
	}
	for i := range v.det {
		dv := &v.det[i]
		boxes += len(dv.anns)
		if !dv.formatOK {
			invalid++
			continue
		}
		switch d.checkDetection(dv) {
		case lineValid:
			valid++
		case lineIgnored:
			// No boxes: neither valid nor invalid.
		default:
			invalid++
		}
	}
	return valid, invalid, boxes
}

// mergeUses sorts d.uses by label and merges the uses of one label.
func (d *decoder) mergeUses() {
	if len(d.uses) < 2 {
		return
	}
	slices.SortFunc(d.uses, func(a, b labelUse) int { return bytes.Compare(a.name, b.name) })
	out := d.uses[:1]
	for _, u := range d.uses[1:] {
		last := &out[len(out)-1]
		if bytes.Equal(last.name, u.name) {
			last.kinds |= u.kinds
			last.boxes += u.boxes
			continue
		}
		out = append(out, u)
	}
	d.uses = out
}

// labelLength returns a label's length in characters and whether it is
// allowed. The guide states the maximum only; an empty label is refused
// under the same code.
func labelLength(name []byte) (int, bool) {
	n := utf8.RuneCount(name)
	return n, n > 0 && n <= MaxLabelNameLength
}

func (d *decoder) labelLengthProblem(n int, w where) {
	d.prob(CodeInvalidLabelNameLength, w,
		"the label is "+strconv.Itoa(n)+" characters long; it must have 1 to "+strconv.Itoa(MaxLabelNameLength))
}

// checkCommon checks the metadata members both kinds share; they only
// give warnings.
func (d *decoder) checkCommon(m *metaView, w where) {
	if s := m.human; string(s) != "yes" && string(s) != "no" {
		d.prob(CodeHumanAnnotatedValue, w.member(".human-annotated"), "human-annotated is "+strconv.Quote(string(s))+", not \"yes\" or \"no\"")
	}
	if !dateLike(m.date) {
		d.prob(CodeCreationDateFormat, w.member(".creation-date"),
			"creation-date "+strconv.Quote(string(m.date))+" does not start with a UTC date and time such as 2020-04-15T20:17:23")
	}
}

// dateLike reports whether b starts with YYYY-MM-DDTHH:MM:SS (or a space
// for the T, as in the guide's examples of lines the service returned).
func dateLike(b []byte) bool {
	const pattern = "dddd-dd-ddTdd:dd:dd"
	if len(b) < len(pattern) {
		return false
	}
	for i := 0; i < len(pattern); i++ {
		c := b[i]
		switch pattern[i] {
		case 'd':
			if c < '0' || c > '9' {
				return false
			}
		case 'T':
			if c != 'T' && c != ' ' {
				return false
			}
		default:
			if c != pattern[i] {
				return false
			}
		}
	}
	return true
}

// checkClassification checks a well-formed classification and reports
// whether the service would use it.
func (d *decoder) checkClassification(c *classView) bool {
	mw := at(c.attr).in(metadataSuffix)
	d.checkCommon(&c.meta, mw)
	n, ok := labelLength(c.meta.className)
	if !ok {
		d.labelLengthProblem(n, mw.member(".class-name"))
	}
	if f := c.meta.confidence; !(f >= 0 && f <= 1) {
		d.prob(CodeInvalidLabelAttributeMetadata, mw.member(".confidence"),
			"confidence is "+strconv.FormatFloat(f, 'g', -1, 64)+"; it must be between 0 and 1")
		ok = false
	}
	if ok {
		d.uses = append(d.uses, labelUse{name: c.meta.className, kinds: useClass})
	}
	return ok
}

// checkDetection checks a well-formed detection and returns lineValid when
// the service would use some of its boxes, lineIgnored when it has none,
// and lineInvalid otherwise.
func (d *decoder) checkDetection(dv *detView) lineStatus {
	w := at(dv.attr)
	mw := w.in(metadataSuffix)
	d.checkCommon(&dv.meta, mw)
	iw, ih := dv.size.Width, dv.size.Height
	if iw < MinImageDimension || iw > MaxImageDimension || ih < MinImageDimension || ih > MaxImageDimension {
		d.prob(CodeInvalidImageDimension, w.in(".image_size"),
			"the image is "+strconv.Itoa(iw)+" by "+strconv.Itoa(ih)+" pixels; each side must be 64 to 4096")
		return lineInvalid
	}
	if len(dv.anns) == 0 {
		d.prob(CodeWarningNoAttributeAnnotations, w.in(".annotations"), "the label attribute has no bounding boxes")
		return lineIgnored
	}
	if extra := len(dv.meta.objects) - len(dv.anns); extra > 0 {
		d.prob(CodeUnusedObjects, w.in("-metadata.objects"), strconv.Itoa(extra)+" more objects than annotations; the extra ones are ignored")
	}
	scale := 1.0
	if long := max(iw, ih); long > resizeDimension {
		scale = float64(resizeDimension) / float64(long)
	}
	good := 0
	for i := range dv.anns {
		a := &dv.anns[i]
		aw := w.in(".annotations").elem(i)
		name, inMap := dv.meta.label(a.classID)
		switch {
		case !inMap:
			d.prob(CodeMissingClassMapID, aw, "class_id "+strconv.Itoa(a.classID)+" is not in the class-map")
			continue
		case i >= len(dv.meta.objects) || !dv.meta.objects[i].has:
			d.prob(CodeMissingBoundingBoxConfidence, aw,
				"the box has no confidence: "+w.in("-metadata.objects").elem(i).String()+" is missing or has none")
			continue
		case a.left < 0 || a.top < 0 || a.width < 0 || a.height < 0:
			d.prob(CodeInvalidBoundingBox, aw, "the box has a negative value")
			continue
		case a.left+a.width > float64(iw) || a.top+a.height > float64(ih):
			d.prob(CodeInvalidBoundingBox, aw, "the box goes past the edge of the "+strconv.Itoa(iw)+" by "+strconv.Itoa(ih)+" image")
			continue
		case a.width*scale <= 1 || a.height*scale <= 1:
			msg := "the box must be larger than 1 by 1 pixel"
			if scale < 1 {
				msg += " once the image is resized to 1280 pixels on its longer side"
			}
			d.prob(CodeBoundingBoxTooSmall, aw, msg)
			continue
		}
		if n, ok := labelLength(name); !ok {
			d.labelLengthProblem(n, mw.member(".class-map."+strconv.Quote(strconv.Itoa(a.classID))))
			continue
		}
		good++
		d.uses = append(d.uses, labelUse{name: name, kinds: useDet, boxes: 1})
	}
	if good == 0 {
		d.prob(CodeNoValidAnnotations, w.in(".annotations"), "no bounding box is valid")
		return lineInvalid
	}
	return lineValid
}
