package manifest

import (
	"strconv"
)

// Problem is one thing wrong with a manifest, as the service would see it.
type Problem struct {
	// Line is the 1-based number of the line, counting blank lines as
	// the service does; 0 for the manifest as a whole.
	Line int
	// Path is where in the line, as member names and indexes
	// (bounding-box.annotations[2], sport-metadata.confidence); empty
	// for the whole line or manifest.
	Path string
	// Code is the service's error code, or this package's for a rule the
	// service states without one (see [Code.Service]).
	Code Code
	// Tier is what the service does about it.
	Tier Tier
	// Message says what is wrong.
	Message string
}

// String formats the problem as "line 3: bounding-box.annotations[0]:
// ERROR_INVALID_BOUNDING_BOX (non-terminal error): message".
func (p Problem) String() string {
	s := "manifest"
	if p.Line > 0 {
		s = "line " + strconv.Itoa(p.Line)
	}
	if p.Path != "" {
		s += ": " + p.Path
	}
	return s + ": " + string(p.Code) + " (" + p.Tier.String() + "): " + p.Message
}

// UseCase is the kind of model a manifest trains, as manifest_summary.json
// names it.
type UseCase string

// Use cases.
const (
	// UseCaseImageLevelLabels is classification: labels for whole images.
	UseCaseImageLevelLabels UseCase = "IMAGE_LEVEL_LABELS"
	// UseCaseObjectLocalization is detection: labelled bounding boxes.
	UseCaseObjectLocalization UseCase = "OBJECT_LOCALIZATION"
	// UseCaseNotDetermined is a manifest with no usable line.
	UseCaseNotDetermined UseCase = "NOT_DETERMINED"
)

// Values returns the use cases this package knows, in their documented
// order.
func (UseCase) Values() []UseCase {
	return []UseCase{UseCaseImageLevelLabels, UseCaseObjectLocalization, UseCaseNotDetermined}
}

// LabelCount is a label's use in a manifest, as ListDatasetLabels reports
// it in LabelStats.
type LabelCount struct {
	// Name is the label.
	Name string
	// Images is the number of valid lines (images) that have the label
	// (EntryCount).
	Images int
	// BoundingBoxes is the number of valid bounding boxes with the label
	// (BoundingBoxCount).
	BoundingBoxes int
}

// Report is what [Validate] found in a manifest.
type Report struct {
	// Lines is the number of lines, blank ones included: the number of
	// dataset objects the service counts.
	Lines int
	// ValidLines is the number of lines the service would train with.
	ValidLines int
	// InvalidLines is the number of lines the service drops or keeps
	// with errors, blank ones included; they count towards the 20 % the
	// service tolerates.
	InvalidLines int
	// IgnoredLines is the number of lines kept but not used, with only a
	// warning (no labels, no bounding boxes); they are not invalid.
	IgnoredLines int
	// BlankLines is the number of blank lines, which are also invalid.
	BlankLines int
	// UncheckedLines is the number of lines past Options.MaxLines, which
	// the service does not check either: the manifest fails with
	// ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM.
	UncheckedLines int
	// Bytes is the size of the manifest.
	Bytes int64
	// UseCase is the kind of model the valid lines train: the kind most
	// of them have.
	UseCase UseCase
	// Bucket is the S3 bucket of the first image; every image must be in
	// it.
	Bucket string
	// Labels are the labels of the valid lines, sorted by name.
	Labels []LabelCount
	// LabelsTruncated is set when the manifest has more distinct labels
	// than the report keeps (1,000, four times the service's maximum);
	// Labels then lists the first ones met.
	LabelsTruncated bool
	// Problems lists what is wrong, in the order found: line by line, then
	// the manifest as a whole. At most Options.MaxProblems are kept.
	Problems []Problem
	// ProblemsOmitted is the number of problems found beyond
	// Options.MaxProblems.
	ProblemsOmitted int
	// Counts is the number of problems found of each code, omitted ones
	// included.
	Counts map[Code]int

	// refs holds a hash of every source-ref, for duplicates within the
	// manifest and images shared between a training and a test manifest.
	refs refSet
	// labelKinds has, for each of Labels, whether valid lines use it as
	// an image-level label (useClass), in a bounding box (useDet), or
	// both.
	labelKinds []uint8
}

// FailsDataset reports whether CreateDataset or UpdateDatasetEntries with
// this manifest would fail: whether it has a terminal file error.
func (r *Report) FailsDataset() bool {
	return r.hasTier(TierFile)
}

// FailsTraining reports whether training with this manifest would fail: a
// terminal file error, or a manifest content error such as too few labels
// or images in several buckets. The checks that need both manifests, such
// as their label overlap, are [CheckTraining]'s.
func (r *Report) FailsTraining() bool {
	return r.hasTier(TierFile) || r.hasTier(TierTraining)
}

func (r *Report) hasTier(t Tier) bool {
	for code, n := range r.Counts {
		if n > 0 && codeTier(code) == t {
			return true
		}
	}
	return false
}

// codeTier is the tier of the problems of a code. Every code has one
// tier.
func codeTier(c Code) Tier {
	switch c {
	case CodeManifestSizeTooLarge, CodeManifestRowsExceedMaximum, CodeTooManyRecordsInError,
		CodeManifestTooManyLabels, CodeManifestEmpty:
		return TierFile
	case CodeManifestTooFewLabels, CodeManifestTooFewUsableLabels, CodeImagesInMultipleS3Buckets,
		CodeInsufficientLabelOverlap, CodeInsufficientUsableOverlap, CodeTooManyInvalidRowsInManifest:
		return TierTraining
	case CodeInvalidJSONLine, CodeMissingSourceRef, CodeInvalidSourceRefFormat, CodeLineTooLong,
		CodeDuplicateSourceRef:
		return TierContent
	case CodeWarningUnannotatedRecord, CodeWarningNoAnnotations, CodeWarningNoAttributeAnnotations,
		CodeImageInTrainingAndTest, CodeMixedUseCases, CodeOrphanAttribute, CodeUnusedObjects,
		CodeHumanAnnotatedValue, CodeCreationDateFormat, CodeDuplicateMember:
		return TierWarning
	}
	return TierNonTerminal
}
