package manifest

import (
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classAt returns a classification line for image key labelled label.
func classAt(key, label string) string {
	return edit(classLine, "a.jpg", key, `"apple"`, strconv.Quote(label))
}

func validate(t *testing.T, manifest string, opts Options) *Report {
	t.Helper()
	rep, err := Validate(strings.NewReader(manifest), opts)
	require.NoError(t, err)
	// The counts always add up.
	assert.Equal(t, rep.Lines, rep.ValidLines+rep.InvalidLines+rep.IgnoredLines+rep.UncheckedLines, "line counts of %+v", rep)
	n := 0
	for _, c := range rep.Counts {
		n += c
	}
	assert.Equal(t, n, len(rep.Problems)+rep.ProblemsOmitted)
	return rep
}

func fileCodes(rep *Report) []Code {
	var out []Code
	for _, p := range rep.Problems {
		if p.Line == 0 {
			out = append(out, p.Code)
		}
	}
	return out
}

func TestValidateFixtures(t *testing.T) {
	f, err := os.Open("testdata/detection.manifest")
	require.NoError(t, err)
	defer f.Close()
	rep, err := Validate(f, Options{})
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Lines)
	assert.Equal(t, 2, rep.ValidLines)
	assert.Equal(t, 1, rep.IgnoredLines, "the empty shelf has no boxes")
	assert.Equal(t, UseCaseObjectLocalization, rep.UseCase)
	assert.Equal(t, "orchard-photos", rep.Bucket)
	assert.Equal(t, []LabelCount{{"apple", 1, 2}, {"pear", 1, 1}, {"plum", 1, 1}}, rep.Labels)
	assert.False(t, rep.FailsDataset())
	assert.False(t, rep.FailsTraining())
	assert.Equal(t, []Code{CodeWarningNoAttributeAnnotations, CodeWarningNoAnnotations}, codes(rep.Problems))
	assert.Equal(t, 3, rep.Problems[0].Line)

	f, err = os.Open("testdata/classification.manifest")
	require.NoError(t, err)
	defer f.Close()
	rep, err = Validate(f, Options{})
	require.NoError(t, err)
	assert.Equal(t, 4, rep.ValidLines)
	assert.Equal(t, UseCaseImageLevelLabels, rep.UseCase)
	assert.Equal(t, []LabelCount{{"apple", 2, 0}, {"market", 1, 0}, {"pear", 1, 0}, {"pomme verte à côté", 1, 0}}, rep.Labels)
	assert.Empty(t, rep.Problems)
}

func TestValidateInvalidShare(t *testing.T) {
	good := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(classAt(strconv.Itoa(i)+".jpg", "l"+strconv.Itoa(i%2)) + "\n")
		}
		return b.String()
	}
	// 1 invalid of 5 is 20 %: the service fails only above.
	rep := validate(t, good(4)+"not json\n", Options{})
	assert.Empty(t, fileCodes(rep))
	assert.False(t, rep.FailsDataset())
	// A blank line counts as invalid: 2 of 6.
	rep = validate(t, good(4)+"not json\n\n", Options{})
	assert.Equal(t, []Code{CodeTooManyRecordsInError}, fileCodes(rep))
	assert.Equal(t, 1, rep.BlankLines)
	assert.Equal(t, 2, rep.InvalidLines)
	assert.True(t, rep.FailsDataset())
	assert.True(t, rep.FailsTraining())
	// Non-terminal errors count too; ignored lines do not.
	rep = validate(t, good(3)+edit(classLine, `"fruit":1`, `"fruit":"x"`)+"\n"+`{"source-ref":"s3://orchard/bare.jpg"}`+"\n", Options{})
	assert.Equal(t, 1, rep.InvalidLines)
	assert.Equal(t, 1, rep.IgnoredLines)
	assert.Empty(t, fileCodes(rep))
	rep = validate(t, good(3)+edit(classLine, `"fruit":1`, `"fruit":"x"`)+"\n"+edit(classLine, `"fruit":1`, `"fruit":"y"`)+"\n", Options{})
	assert.Equal(t, []Code{CodeTooManyRecordsInError}, fileCodes(rep))
}

func TestValidateManifestRules(t *testing.T) {
	labels := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(classAt(strconv.Itoa(i)+".jpg", "label"+strconv.Itoa(i)) + "\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name          string
		manifest      string
		opts          Options
		want          []Code
		failsDataset  bool
		failsTraining bool
		useCase       UseCase
	}{
		{"empty", "", Options{}, []Code{CodeManifestEmpty}, true, true, UseCaseNotDetermined},
		{"two labels", labels(2), Options{}, nil, false, false, UseCaseImageLevelLabels},
		{"one classification label", labels(1), Options{}, []Code{CodeManifestTooFewLabels}, false, true, UseCaseImageLevelLabels},
		{"one detection label", edit(detLine, `"class_id":1`, `"class_id":0`), Options{}, nil, false, false, UseCaseObjectLocalization},
		{"no valid line", "x\n", Options{}, []Code{CodeTooManyRecordsInError, CodeManifestTooFewLabels}, true, true, UseCaseNotDetermined},
		{"250 labels", labels(250), Options{}, nil, false, false, UseCaseImageLevelLabels},
		{"251 labels", labels(251), Options{}, []Code{CodeManifestTooManyLabels}, true, true, UseCaseImageLevelLabels},
		{"more lines than allowed", labels(5), Options{MaxLines: 3}, []Code{CodeManifestRowsExceedMaximum}, true, true, UseCaseImageLevelLabels},
		{"images in two buckets", labels(2) + edit(classAt("z.jpg", "label0"), "s3://orchard/", "s3://vineyard/"), Options{}, []Code{CodeImagesInMultipleS3Buckets}, false, true, UseCaseImageLevelLabels},
		{"mixed, detection usable", detLine + "\n" + edit(detLine, "b.jpg", "c.jpg") + "\n" + classAt("d.jpg", "plum"), Options{},
			[]Code{CodeMixedUseCases}, false, false, UseCaseObjectLocalization},
		{"mixed, too few classification labels", labels(1) + edit(detLine, "b.jpg", "c.jpg", `"0":"apple","1":"pear"`, `"0":"label0","1":"pear"`), Options{},
			[]Code{CodeMixedUseCases, CodeManifestTooFewUsableLabels}, false, true, UseCaseImageLevelLabels},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := validate(t, tc.manifest, tc.opts)
			assert.Equal(t, tc.want, fileCodes(rep))
			assert.Equal(t, tc.failsDataset, rep.FailsDataset(), "FailsDataset")
			assert.Equal(t, tc.failsTraining, rep.FailsTraining(), "FailsTraining")
			assert.Equal(t, tc.useCase, rep.UseCase)
		})
	}
}

func TestValidateUncheckedLines(t *testing.T) {
	rep := validate(t, classAt("1.jpg", "a")+"\n"+classAt("2.jpg", "b")+"\nnot json\n\n", Options{MaxLines: 2})
	assert.Equal(t, 4, rep.Lines)
	assert.Equal(t, 2, rep.UncheckedLines)
	assert.Equal(t, 0, rep.InvalidLines, "lines past the maximum are not checked")
	assert.Equal(t, []Code{CodeManifestRowsExceedMaximum}, codes(rep.Problems))
}

func TestValidateDuplicateImages(t *testing.T) {
	m := classAt("1.jpg", "a") + "\n" + classAt("2.jpg", "b") + "\n" + classAt("1.jpg", "b") + "\n" + classAt("1.jpg", "c") + "\n"
	rep := validate(t, m, Options{})
	require.Equal(t, []Code{CodeDuplicateSourceRef, CodeDuplicateSourceRef, CodeTooManyRecordsInError}, codes(rep.Problems))
	assert.Equal(t, 3, rep.Problems[0].Line)
	assert.Contains(t, rep.Problems[0].Message, "line 1")
	assert.Equal(t, 4, rep.Problems[1].Line)
	assert.Equal(t, []LabelCount{{"a", 1, 0}, {"b", 1, 0}}, rep.Labels, "dropped lines count no label")
}

func TestValidateDroppedLineSaysOnlyWhy(t *testing.T) {
	m := classAt("1.jpg", "a") + "\n" + `{"fruit":1.5,"fruit-metadata":7}` + "\n"
	rep := validate(t, m, Options{})
	require.NotEmpty(t, rep.Problems)
	assert.Equal(t, Problem{Line: 2, Code: CodeMissingSourceRef, Tier: TierContent, Message: "the line has no source-ref"}, rep.Problems[0])
	assert.Equal(t, CodeTooManyRecordsInError, rep.Problems[1].Code)
}

func TestValidateByteOrderMark(t *testing.T) {
	rep := validate(t, "\uFEFF"+classAt("1.jpg", "a")+"\n"+classAt("2.jpg", "b")+"\n", Options{})
	require.NotEmpty(t, rep.Problems)
	assert.Equal(t, CodeInvalidJSONLine, rep.Problems[0].Code)
	assert.Contains(t, rep.Problems[0].Message, "byte order mark")
}

func TestValidateKeepsAtMostMaxProblems(t *testing.T) {
	var b strings.Builder
	for range 20 {
		b.WriteString("x\n")
	}
	rep := validate(t, b.String(), Options{MaxProblems: 5})
	assert.Len(t, rep.Problems, 7, "5 of lines, and the 2 of the manifest")
	assert.Equal(t, 15, rep.ProblemsOmitted)
	assert.Equal(t, 20, rep.Counts[CodeInvalidJSONLine])
	assert.Equal(t, []Code{CodeTooManyRecordsInError, CodeManifestTooFewLabels}, fileCodes(rep))

	rep = validate(t, b.String(), Options{MaxProblems: -1})
	assert.Len(t, rep.Problems, 22)
	assert.Zero(t, rep.ProblemsOmitted)
}

func TestValidateTruncatesLabels(t *testing.T) {
	var b strings.Builder
	for i := range maxTrackedLabels + 10 {
		b.WriteString(classAt(strconv.Itoa(i)+".jpg", "l"+strconv.Itoa(i)) + "\n")
	}
	rep := validate(t, b.String(), Options{})
	assert.True(t, rep.LabelsTruncated)
	assert.Len(t, rep.Labels, maxTrackedLabels)
	assert.Equal(t, []Code{CodeManifestTooManyLabels}, fileCodes(rep))
	assert.Contains(t, rep.Problems[0].Message, "more than 1000 labels")
}

func TestValidateSizeLimit(t *testing.T) {
	v := newValidator(Options{})
	v.line(1, []byte(classAt("1.jpg", "a")), false)
	v.line(2, []byte(classAt("2.jpg", "b")), false)
	v.finish(MaxManifestSize + 1)
	assert.Equal(t, []Code{CodeManifestSizeTooLarge}, fileCodes(v.rep))
	assert.True(t, v.rep.FailsDataset())
}

func TestValidateReadError(t *testing.T) {
	boom := errors.New("connection reset")
	rep, err := Validate(io.MultiReader(strings.NewReader(classAt("1.jpg", "a")+"\n"), iotest.ErrReader(boom)), Options{})
	assert.Nil(t, rep, "no partial report")
	assert.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "line 2")
}

func TestValidateLongLine(t *testing.T) {
	rep := validate(t, classAt("1.jpg", "a")+"\n"+padTo(MaxLineLength+1, "x")+"\n"+classAt("2.jpg", "b")+"\n", Options{})
	assert.Equal(t, []Code{CodeLineTooLong, CodeTooManyRecordsInError}, codes(rep.Problems))
	assert.Equal(t, 2, rep.Problems[0].Line)
}

func TestProblemString(t *testing.T) {
	assert.Equal(t, "line 3: bb.annotations[0]: ERROR_INVALID_BOUNDING_BOX (non-terminal error): the box has a negative value",
		Problem{Line: 3, Path: "bb.annotations[0]", Code: CodeInvalidBoundingBox, Tier: TierNonTerminal, Message: "the box has a negative value"}.String())
	assert.Equal(t, "manifest: MANIFEST_EMPTY (terminal file error): the manifest is empty",
		Problem{Code: CodeManifestEmpty, Tier: TierFile, Message: "the manifest is empty"}.String())
	assert.True(t, CodeInvalidBoundingBox.Service())
	assert.True(t, CodeWarningNoAnnotations.Service())
	assert.False(t, CodeDuplicateSourceRef.Service())
}
