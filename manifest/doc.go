// Package manifest reads, writes, builds and validates the manifests of
// Amazon Rekognition Custom Labels: SageMaker Ground Truth output, one JSON
// object per line, each line an image (source-ref) and its labels. It is
// what CreateDataset and CreateProjectVersion read from S3, what
// UpdateDatasetEntries takes, and what ListDatasetEntries returns, with
// the service's errors added to the lines.
//
// # Lines
//
// A [Line] holds its image-level labels as [Classification] values and its
// bounding boxes as [Detection] values. The service's conventions are
// taken care of: each label attribute's metadata is the member named after
// it plus "-metadata"; a detection's objects (the confidence of each box)
// are index-aligned with its annotations, so each [Annotation] carries its
// own Confidence; class-map keys are class IDs. The errors and warnings
// arrays the service adds to a line, its label attributes, their metadata
// and annotations are typed too ([Issue]), and [Line.HasErrors] reports
// whether there are any, as ListDatasetEntries' HasErrors filter does.
//
// Nothing is lost: members the package does not model, and label
// attributes that break the documented shape, are kept in Unknown with
// their JSON as it was, so a line the service returned writes back with
// the same members and values:
//
//	line, err := manifest.ParseLine([]byte(entry)) // an entry of ListDatasetEntries
//	...
//	line.Detections[0].Annotations[0].Width = 80
//	out, err := line.MarshalJSON() // for UpdateDatasetEntries
//
// # Reading and writing
//
// [NewReader] reads a manifest line by line in constant memory: one line
// (at most [MaxLineLength] characters) and a 64 KiB buffer. Line numbers
// count blank lines, as the service does; a line that is not a JSON object
// gives a [*LineError] and reading goes on. [NewWriter] writes lines.
//
//	r := manifest.NewReader(f)
//	for line, err := range r.All() {
//		...
//	}
//
// # Building lines
//
// [NewClassification] and [NewDetection] build a line from labels or from
// labelled boxes, with every member the service requires (the metadata's
// type, confidence, human-annotated, creation-date, the class-map) and
// with the checks it would apply, so that a bad value is an error naming
// it rather than a line the service drops without a word.
//
// # Validating
//
// [Validate] reads a manifest and reports what the service would make of
// it: each [Problem] with its 1-based line number, the path in the line,
// the service's error code ([Code]) and its [Tier], which says what the
// service does about it:
//
//   - [TierFile]: CreateDataset or UpdateDatasetEntries fails (more than 1
//     GB, more than 250,000 lines, more than 250 labels, more than 20 %
//     of the lines invalid). [Report.FailsDataset] reports these.
//   - [TierTraining]: the dataset is created but training fails (too few
//     labels, images in several buckets). [Report.FailsTraining] adds
//     these.
//   - [TierContent]: the service drops the line and says nothing (not
//     JSON, longer than 100,000 characters, no or a bad source-ref, an
//     image listed twice).
//   - [TierNonTerminal]: the line stays in the dataset with the error
//     attached, where ListDatasetEntries finds it, and is not used for
//     training, or only one bounding box of it is not.
//   - [TierWarning]: nothing fails, but something is not used.
//
// The [Report] also counts the lines as manifest_summary.json does (valid,
// invalid, ignored) and the labels as ListDatasetLabels does (images and
// bounding boxes per label). [CheckTraining] checks a training and a test
// manifest together: the test manifest must have at least half of the
// training labels, and no image should be in both.
//
//	rep, err := manifest.Validate(f, manifest.Options{})
//	if err != nil {
//		return err // reading f failed
//	}
//	if rep.FailsDataset() {
//		for _, p := range rep.Problems {
//			fmt.Println(p)
//		}
//	}
//
// Validate cannot see the images: their format, size and aspect ratio
// (ERROR_INVALID_IMAGE), S3 permissions and the owner of the buckets are
// not checked.
//
// # Where the documentation is silent or contradicts itself
//
// The rules come from the Custom Labels developer guide. Where it leaves a
// question open, this package decides, and says so in the code:
//
//   - A line's length is counted in characters (Unicode code points), as
//     the service model counts a DatasetEntry's; 1 GB is 2^30 bytes, as
//     the model writes "5 MB" as 5,242,880 bytes.
//   - More than 20 % invalid lines fails; exactly 20 % does not. Blank
//     lines count as invalid; ignored lines (no labels, no boxes) do not.
//   - The limits page asks for at least 2 labels to train a classification
//     model and 1 for detection; the page on
//     ERROR_MANIFEST_TOO_FEW_USABLE_LABELS says the reverse. We follow
//     the limits page.
//   - The limit of 50 bounding boxes is checked per line, over all its
//     label attributes; a line with more than 50 labels is invalid (the
//     guide gives the limit but no error).
//   - An empty label is refused as ERROR_INVALID_LABEL_NAME_LENGTH, whose
//     documentation states only the maximum of 256 characters. (The
//     service model caps a label filter at 255.)
//   - A bounding box must be larger than 1 by 1 pixel once the image is
//     resized so that its longer side is at most 1280 pixels; its
//     coordinates may be fractions, as the guide's own COCO conversion
//     writes them.
//   - Of two lines for one image, the first is kept.
//   - The type groundtruth/image-classification-multilabel, which the
//     guide's own multi-label conversion script writes, is reported as
//     ERROR_UNSUPPORTED_USE_CASE_TYPE, as the guide's list of errors says.
//   - Images in several buckets fail training; an image in both the
//     training and the test manifest is a warning, as the guide says they
//     "should not" overlap but names no error.
//
// # Performance
//
// Validate allocates nothing per valid line and holds, besides one line, a
// table of source-ref hashes (for duplicates: 12-byte slots, at least half
// of them free, so 6 MiB for 250,000 lines), at most 1,000 labels and
// Options.MaxProblems problems.
// On a generated manifest of 250,000 lines (126 MB), it runs at 150 MB/s of
// CPU time on one core of the development machine (README.md has the
// numbers and the command).
package manifest
