package manifest

import (
	"slices"
	"strconv"
)

// MinLabelOverlap is the least share of the training manifest's labels
// that the test manifest must also have.
const MinLabelOverlap = 0.5

// CheckTraining checks the rules that span the training and the test
// manifest of a model, from their reports: the test manifest must have at
// least half of the training labels (ERROR_INSUFFICIENT_LABEL_OVERLAP,
// and ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP for the labels of the
// training use case), and no image should be in both. The guide defines
// the overlap as the labels the two share divided by the training labels
// (md-create-manifest-file-validation-rules).
//
// The images in both are warnings, on the lines of the test manifest: the
// guide says the two "should not" overlap but names no error. With a
// report whose LabelsTruncated is set, the overlap is of the labels it
// kept.
func CheckTraining(train, test *Report) []Problem {
	var out []Problem
	if n := len(train.Labels); n > 0 {
		common := commonLabels(train, test, 0)
		if float64(common) < MinLabelOverlap*float64(n) {
			out = append(out, Problem{Code: CodeInsufficientLabelOverlap, Tier: TierTraining,
				Message: strconv.Itoa(common) + " of the " + strconv.Itoa(n) + " training labels (" + percent(common, n) +
					") are in the test manifest; at least 50 % must be"})
		} else if want := useBit(train.UseCase); want != 0 {
			usable := 0
			for _, k := range train.labelKinds {
				if k&want != 0 {
					usable++
				}
			}
			if common := commonLabels(train, test, want); usable > 0 && float64(common) < MinLabelOverlap*float64(usable) {
				out = append(out, Problem{Code: CodeInsufficientUsableOverlap, Tier: TierTraining,
					Message: strconv.Itoa(common) + " of the " + strconv.Itoa(usable) + " usable training labels (" +
						percent(common, usable) + ") are used the same way in the test manifest; at least 50 % must be"})
			}
		}
	}
	var shared []Problem
	test.refs.each(func(h uint64, line int) {
		if first := train.refs.line(h); first != 0 {
			shared = append(shared, Problem{Line: line, Path: "source-ref", Code: CodeImageInTrainingAndTest, Tier: TierWarning,
				Message: "the image is also on line " + strconv.Itoa(first) + " of the training manifest"})
		}
	})
	slices.SortFunc(shared, func(a, b Problem) int { return a.Line - b.Line })
	return append(out, shared...)
}

// useBit returns the use bit of a use case, 0 when it is not determined.
func useBit(u UseCase) uint8 {
	switch u {
	case UseCaseImageLevelLabels:
		return useClass
	case UseCaseObjectLocalization:
		return useDet
	}
	return 0
}

// commonLabels counts the training labels that the test manifest has; with
// kind set, only those both use that way.
func commonLabels(train, test *Report, kind uint8) int {
	n := 0
	for i, l := range train.Labels {
		if kind != 0 && train.labelKinds[i]&kind == 0 {
			continue
		}
		j, ok := slices.BinarySearchFunc(test.Labels, l.Name, func(c LabelCount, name string) int {
			switch {
			case c.Name < name:
				return -1
			case c.Name > name:
				return 1
			}
			return 0
		})
		if ok && (kind == 0 || test.labelKinds[j]&kind != 0) {
			n++
		}
	}
	return n
}
