// Package sdkv2 holds tests, and nothing else, that run the official
// aws-sdk-go-v2 Rekognition client (service/rekognition) against the
// customlabelstest fake server: full listings with the SDK's paginators
// (DescribeProjects, DescribeProjectVersions), filters, StartProjectVersion
// and StopProjectVersion with the SDK's ProjectVersionRunning and
// ProjectVersionTrainingCompleted waiters, typed errors (from the fake's
// own checks and through fault injection), retries, SigV4 verification
// of the SDK's own signing, project policies (ListProjectPolicies with the
// SDK's paginator, stale revisions and malformed documents as typed
// errors), tags, and a second account refused another's project; and the
// official S3 client (service/s3) against the fake's S3: buckets, objects
// with the SDK's default checksums (as a header over HTTP, as an
// aws-chunked trailer over TLS), listings with its paginator, multipart
// uploads, typed errors, and an uploaded image read by DetectCustomLabels.
//
// It is a module of its own so that the customlabels module never
// requires service/rekognition, service/s3 or config. Run it from this directory:
//
//	go test -race ./...
package sdkv2
