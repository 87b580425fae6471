package manifest

// Code names a problem. The codes that start with ERROR_ or WARNING_ are
// the service's own: the ones it puts in a dataset's StatusMessage, in the
// errors arrays of a JSON line, or in manifest_summary.json. The others
// are this package's, for rules the service documents without a code;
// [Code.Service] tells them apart.
type Code string

// Codes of the service, from the Custom Labels developer guide (the pages
// debugging-datasets-terminal-errors, debugging-datasets-non-terminal-errors,
// tm-debugging-json-line-errors and tm-debugging-aggregate-errors).
const (
	// Terminal file errors: the dataset is not created or updated.
	CodeManifestSizeTooLarge      Code = "ERROR_MANIFEST_SIZE_TOO_LARGE"
	CodeManifestRowsExceedMaximum Code = "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM"
	CodeTooManyRecordsInError     Code = "ERROR_TOO_MANY_RECORDS_IN_ERROR"
	CodeManifestTooManyLabels     Code = "ERROR_MANIFEST_TOO_MANY_LABELS"

	// Manifest content errors that make training fail (manifest_summary.json).
	CodeManifestTooFewLabels         Code = "ERROR_MANIFEST_TOO_FEW_LABELS"
	CodeManifestTooFewUsableLabels   Code = "ERROR_MANIFEST_TOO_FEW_USABLE_LABELS"
	CodeImagesInMultipleS3Buckets    Code = "ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS"
	CodeInsufficientLabelOverlap     Code = "ERROR_INSUFFICIENT_LABEL_OVERLAP"
	CodeInsufficientUsableOverlap    Code = "ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP"
	CodeTooManyInvalidRowsInManifest Code = "ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST"

	// Errors of one JSON line that make the service drop it.
	CodeInvalidJSONLine        Code = "ERROR_INVALID_JSON_LINE"
	CodeMissingSourceRef       Code = "ERROR_MISSING_SOURCE_REF"
	CodeInvalidSourceRefFormat Code = "ERROR_INVALID_SOURCE_REF_FORMAT"

	// Non-terminal errors of one JSON line, attached to it.
	CodeNoLabelAttributes             Code = "ERROR_NO_LABEL_ATTRIBUTES"
	CodeInvalidLabelAttributeFormat   Code = "ERROR_INVALID_LABEL_ATTRIBUTE_FORMAT"
	CodeInvalidLabelAttributeMetadata Code = "ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT"
	CodeNoValidLabelAttributes        Code = "ERROR_NO_VALID_LABEL_ATTRIBUTES"
	CodeInvalidBoundingBox            Code = "ERROR_INVALID_BOUNDING_BOX"
	CodeInvalidImageDimension         Code = "ERROR_INVALID_IMAGE_DIMENSION"
	CodeBoundingBoxTooSmall           Code = "ERROR_BOUNDING_BOX_TOO_SMALL"
	CodeNoValidAnnotations            Code = "ERROR_NO_VALID_ANNOTATIONS"
	CodeMissingBoundingBoxConfidence  Code = "ERROR_MISSING_BOUNDING_BOX_CONFIDENCE"
	CodeMissingClassMapID             Code = "ERROR_MISSING_CLASS_MAP_ID"
	CodeTooManyBoundingBoxes          Code = "ERROR_TOO_MANY_BOUNDING_BOXES"
	CodeUnsupportedUseCaseType        Code = "ERROR_UNSUPPORTED_USE_CASE_TYPE"
	CodeInvalidLabelNameLength        Code = "ERROR_INVALID_LABEL_NAME_LENGTH"

	// Warnings: the line is kept but not used for training, and it
	// counts as ignored rather than invalid.
	CodeWarningUnannotatedRecord      Code = "WARNING_UNANNOTATED_RECORD"
	CodeWarningNoAnnotations          Code = "WARNING_NO_ANNOTATIONS"
	CodeWarningNoAttributeAnnotations Code = "WARNING_NO_ATTRIBUTE_ANNOTATIONS"
)

// Codes of this package, for rules the service states without a code.
const (
	// CodeLineTooLong is a line over 100,000 characters, which the
	// service drops.
	CodeLineTooLong Code = "LINE_TOO_LONG"
	// CodeDuplicateSourceRef is a second line for an image already listed;
	// the service keeps one line per image and drops the others.
	CodeDuplicateSourceRef Code = "DUPLICATE_SOURCE_REF"
	// CodeTooManyLabelsPerImage is a line with more than 50 labels.
	CodeTooManyLabelsPerImage Code = "TOO_MANY_LABELS_PER_IMAGE"
	// CodeManifestEmpty is a manifest with no lines.
	CodeManifestEmpty Code = "MANIFEST_EMPTY"
	// CodeImageInTrainingAndTest is an image listed in both the training
	// and the test manifest.
	CodeImageInTrainingAndTest Code = "IMAGE_IN_TRAINING_AND_TEST"
	// CodeMixedUseCases is a manifest with both image-level labels and
	// bounding boxes: training uses one kind and ignores the other.
	CodeMixedUseCases Code = "MIXED_USE_CASES"
	// CodeOrphanAttribute is a label attribute without its -metadata
	// member, or the other way round, in a line that has other labels: the
	// service ignores it.
	CodeOrphanAttribute Code = "ORPHAN_LABEL_ATTRIBUTE"
	// CodeUnusedObjects is a detection whose metadata lists more objects
	// than the attribute has annotations.
	CodeUnusedObjects Code = "UNUSED_OBJECTS"
	// CodeHumanAnnotatedValue is a human-annotated value other than "yes"
	// or "no".
	CodeHumanAnnotatedValue Code = "HUMAN_ANNOTATED_VALUE"
	// CodeCreationDateFormat is a creation-date that does not start with a
	// date and time of the form 2006-01-02T15:04:05.
	CodeCreationDateFormat Code = "CREATION_DATE_FORMAT"
	// CodeDuplicateMember is a JSON object with the same member name twice.
	CodeDuplicateMember Code = "DUPLICATE_MEMBER"
)

// Service reports whether the code is one the service itself uses.
func (c Code) Service() bool {
	s := string(c)
	return len(s) > 6 && s[:6] == "ERROR_" || len(s) > 8 && s[:8] == "WARNING_"
}

// Tier is what the service does about a problem.
type Tier int

// Tiers, from the most to the least severe.
const (
	// TierFile is a terminal file error: CreateDataset or
	// UpdateDatasetEntries fails (CREATE_FAILED, UPDATE_FAILED), and so
	// would training with the manifest.
	TierFile Tier = iota + 1
	// TierTraining is a terminal manifest content error: the dataset is
	// created, but training with it fails (TRAINING_FAILED).
	TierTraining
	// TierContent is a terminal content error: the service drops the line
	// and says nothing about it anywhere.
	TierContent
	// TierNonTerminal is a non-terminal error: the line stays in the
	// dataset with the error attached to it, where ListDatasetEntries
	// with HasErrors finds it, and the line (or the one annotation the
	// error is about) is not used for training.
	TierNonTerminal
	// TierWarning is a warning: nothing fails, but something is not used
	// or is probably not what was meant.
	TierWarning
)

// String names the tier.
func (t Tier) String() string {
	switch t {
	case TierFile:
		return "terminal file error"
	case TierTraining:
		return "training error"
	case TierContent:
		return "terminal content error"
	case TierNonTerminal:
		return "non-terminal error"
	case TierWarning:
		return "warning"
	}
	return "unknown tier"
}
