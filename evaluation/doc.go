// Package evaluation reads and writes the files Amazon Rekognition Custom
// Labels writes to S3 after training a model: the evaluation summary
// ([Summary]: overall and per-label F1 score, precision, recall, and each
// label's assumed threshold) and manifest_summary.json ([ManifestSummary]:
// what training made of each manifest's lines). It does not fetch them:
// DescribeProjectVersions gives their S3 locations (EvaluationResult.Summary
// and ManifestSummary), and the caller reads them with an S3 client and
// hands the body to [ParseSummary] or [ParseManifestSummary].
//
// # Choosing MinConfidence per label
//
// Each label has an assumed threshold: the confidence above which the
// service counts a prediction, chosen for the label's best F1 score on the
// test dataset. The summary writes it from 0 to 1; DetectCustomLabels'
// MinConfidence and the confidences it returns are percentages, 0 to 100.
// [Summary.Thresholds] converts them. To hold each label to its own
// threshold, call DetectCustomLabels with a MinConfidence of
// [Thresholds.Min] (or 0) and keep the labels [Thresholds.Keep] keeps.
//
// # Comparing versions
//
// [Compare] sets the metrics of two summaries side by side, overall and
// per label, with labels only one of them has marked as such.
//
// # Layouts and what is decided here
//
// The developer guide documents two layouts of the aggregated metrics:
// nested in AggregatedEvaluationResults.Metrics (the reference page,
// im-summary-file) and directly in AggregatedEvaluationResults (an example
// file from 2019). Both are read, and [Summary.Layout] records which, so
// that a summary writes back as it was read. A new [Summary] writes the
// nested one.
//
//   - EvaluationEndTimestamp is read with or without a zone (no zone is
//     UTC, as the service writes it) and written in UTC without one, to
//     the microsecond.
//   - The file name is not fixed here: the guide names the summary both
//     EvaluationSummary-<project>-<version>.json and
//     EvaluationResultSummary-<project>-<version>.json.
//   - error_json_line_indices start at 1: the guide calls them line
//     numbers, and its example lists 15 for a manifest of 15 lines.
//
// Bad input (not JSON, cut short, HTML from a proxy, a member of the wrong
// type, a missing section, more than [MaxFileSize] bytes) gives a
// [*ParseError] naming the member and the rule; members the package does
// not know are ignored, as the service may add some.
package evaluation
