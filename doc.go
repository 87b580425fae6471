// Package customlabels is a focused Go client for Amazon Rekognition
// Custom Labels: projects, their datasets, their versions (trained
// models), training, copying, deleting, starting and stopping models,
// waiting for them, and running them on images
// (DetectCustomLabels); typed input and output, SigV4-signed awsJson1_1
// requests, typed errors, retries with backoff, pagination with Go
// iterators, waiters that end, and a fake server for tests in package
// customlabelstest.
//
// # Getting started
//
// Load the usual AWS configuration (environment, shared files, roles) with
// config.LoadDefaultConfig and build a client from it:
//
//	cfg, err := config.LoadDefaultConfig(ctx)
//	if err != nil { ... }
//	client := customlabels.NewFromConfig(cfg)
//	out, err := client.DescribeProjects(ctx, &customlabels.DescribeProjectsInput{MaxResults: 10})
//
// The caller needs the IAM permission rekognition:DescribeProjects.
//
// Omitting Features lists Custom Labels projects only, as the service does:
// set Features to both [CustomizationFeatureCustomLabels] and
// [CustomizationFeatureContentModeration] to include Custom Moderation
// adapters.
//
// Input is checked against the service model before anything is sent
// (MaxResults 1 to 100, at most 10 project names of [a-zA-Z0-9_.-], ...);
// a violation is an [*InvalidParamError].
//
// # Pagination
//
// DescribeProjects returns at most 100 projects per call. Rather than
// following NextToken by hand, range over them:
//
//	for p, err := range customlabels.AllProjects(ctx, client, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(p.ProjectArn)
//	}
//
// Three forms, all lazy (no request before the first range step or
// NextPage, none after a break) and all holding one page in memory however
// many projects there are:
//
//   - [AllProjects] ranges over every project: the short form when you
//     want the whole listing in one pass. Each range starts afresh.
//   - [DescribeProjectsPaginator.All], on a paginator from
//     [NewDescribeProjectsPaginator], ranges over projects too, but the
//     paginator is a cursor you keep: cap the total with
//     [DescribeProjectsPaginatorOptions].MaxItems, stop early and continue
//     later with [DescribeProjectsPaginator.ResumeToken], or range again
//     after an error to retry the failed page.
//   - [DescribeProjectsPaginator.Pages], or the HasMorePages/NextPage loop
//     of the AWS SDK for Go, when you work page by page (batches,
//     progress, request IDs) or port code from the SDK.
//
// An error ends an iterator: it is yielded once, as the last pair; a
// cancelled context is yielded as ctx.Err(). A response that repeats the
// NextToken it was sent would make the listing loop forever (the official
// SDK does, by default); here it ends with [ErrRepeatedNextToken].
//
// ResumeToken returns a string that, as
// [DescribeProjectsPaginatorOptions].StartingToken, continues right after
// the last project returned, even in the middle of a page, in this process
// or another. It only works for the same ProjectNames and Features: a
// token for another query, or one altered or cut short, fails with
// [ErrInvalidStartingToken] before any request. Its checksum catches
// accidents, not forgery; the token is not a secret and grants nothing
// a NextToken would not.
//
// # Models
//
// A project's versions are its trained models. [Client.DescribeProjectVersions]
// lists them (IAM action rekognition:DescribeProjectVersions), newest
// first, with status, inference units, training times and evaluation;
// [AllProjectVersions] and [NewDescribeProjectVersionsPaginator] page
// through them as for projects. ProjectArn is required:
//
//	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: p.ProjectArn}
//	for v, err := range customlabels.AllProjectVersions(ctx, client, in) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(v.VersionName(), v.Status, v.MinInferenceUnits)
//	}
//
// A RUNNING model bills for every inference-unit hour, used or not, until
// [Client.StopProjectVersion] stops it (rekognition:StopProjectVersion).
// [Client.StartProjectVersion] starts a trained model with
// MinInferenceUnits (and optionally MaxInferenceUnits) units
// (rekognition:StartProjectVersion). A version ARN does not hold its
// project's ARN; [ProjectVersionInput] finds it, and [ParseARN] splits an
// ARN into its parts.
//
// # Training, copying and deleting models
//
// [Client.CreateProjectVersion] trains a new version from the project's
// datasets or, in a project without datasets, from a training and a test
// manifest in S3 (TrainingData and TestingData, both or neither; IAM
// action rekognition:CreateProjectVersion). Training takes 30 minutes to
// 24 hours and a successful one is billed; [NewProjectVersionTrainingCompletedWaiter]
// waits for it, and a failed training's reason is its StatusMessage.
// [Client.CopyProjectVersion] copies a trained model to another project
// of the same Region without training it again
// (rekognition:CopyProjectVersion; from another account, a project policy
// on the source project must allow it; adapters cannot be copied).
// [Client.DeleteProjectVersion] deletes a version that is neither running
// nor training (rekognition:DeleteProjectVersion). Neither create has an
// idempotency token: when an attempt's answer is lost and the retry meets
// the name taken, the call finds the version its attempt made and succeeds
// with Recovered set.
//
// A trained version's EvaluationResult names the evaluation summary file
// in S3. The package does not fetch it (it imports no service client):
// package evaluation parses the file you fetch, giving the overall and
// per-label F1, precision and recall and each label's assumed threshold
// as a MinConfidence, and compares two versions; it also reads
// manifest_summary.json.
//
// # Datasets
//
// A project has a training (TRAIN) and a test (TEST) dataset, the images
// and labels a model is trained and tested on. [Client.CreateDataset]
// makes one from a SageMaker Ground Truth manifest in S3, from another
// dataset, or empty (rekognition:CreateDataset); it is CREATE_IN_PROGRESS
// for a while, and [NewDatasetCreatedWaiter] waits until it is
// CREATE_COMPLETE, failing with the status message when the manifest had
// a terminal error (CREATE_FAILED). [Client.DescribeDataset] gives its
// status and counts; DescribeProjects lists a project's datasets (there is
// no operation that lists datasets).
//
// The entries of a dataset are the JSON lines of its manifest.
// [Client.ListDatasetEntries] lists them, filtered by label, by whether
// they are labeled or carry errors, and by source-ref; [AllDatasetEntries]
// ranges over all of them, and [ListDatasetEntriesOutput.Lines] parses a
// page with package manifest, which also builds, writes and validates
// manifests. [Client.ListDatasetLabels] counts the images of each label.
// [Client.UpdateDatasetEntries] adds entries or replaces those of the
// same image (source-ref); [NewDatasetChanges] writes manifest lines as
// its changes. [Client.DistributeDatasetEntries] moves 20 % of the
// training dataset into an empty test dataset. Both make the datasets
// UPDATE_IN_PROGRESS: [NewDatasetUpdatedWaiter] waits for them, several
// at once. [Client.DeleteDataset] deletes one (DELETE_IN_PROGRESS, then
// gone: [NewDatasetDeletedWaiter]); a project's datasets must be deleted
// before the project.
//
// Traps: a manifest's lines with terminal content errors (not JSON, no
// valid source-ref, an image listed twice) are dropped without a word,
// and more than 20 % of invalid lines fails the whole dataset: validate a
// manifest with manifest.Validate before you upload it. Labeled and
// HasErrors are pointers because false is a filter of its own.
//
// # Inference
//
// [Client.DetectCustomLabels] runs a RUNNING model on one JPEG or PNG image
// and returns the labels it finds, highest confidence first, with a
// bounding box for object-detection models (IAM action
// rekognition:DetectCustomLabels; an image in S3 also needs s3:GetObject):
//
//	out, err := client.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{
//		ProjectVersionArn: versionArn,
//		Image:             customlabels.Image{Bytes: jpeg}, // or S3Object
//	})
//
// Traps: MinConfidence is a pointer because its zero means something: nil
// applies each label's threshold from training, a pointer to 0 returns
// every label. The service refuses image bytes over 4 MB for this
// operation with [*ImageTooLargeException], although its model allows
// 5 MiB ([MaxImageBytes], which the client checks); a model that is not
// RUNNING answers [*ResourceNotReadyException], and one whose inference
// units are saturated [*ProvisionedThroughputExceededException], which is
// retried.
//
// The image is read once: base64-encoded straight into one pooled request
// buffer sized exactly for the body, hashed there for SigV4 (on another
// core while it is encoded, for a large image) and sent from there by
// every attempt. Changing Image.Bytes after the call has begun
// (during a retry's backoff, say) changes nothing that is sent. To send
// images read from files without an allocation per image, read each into
// one buffer you keep (io.ReadFull into a 5 MiB slice): the benchmarks
// found that as cheap as streaming the file would be, so the package has
// no reader option.
//
// # Sharing models, and tags
//
// A project policy on a project lets other accounts copy its models with
// CopyProjectVersion. [CopyPolicyDocument] writes the one document the
// developer guide gives; [Client.PutProjectPolicy] attaches it (IAM action
// rekognition:PutProjectPolicy). Traps: a project holds five policies
// ([MaxProjectPolicies]) unless the quota was raised; a new policy is put
// without PolicyRevisionId, and replacing or deleting one needs its
// current revision ([Client.ListProjectPolicies], [AllProjectPolicies]),
// any other being an [*InvalidPolicyRevisionIdException]; the only action
// a policy may name is rekognition:CopyProjectVersion, and NotAction,
// NotResource and NotPrincipal are refused with a
// [*MalformedPolicyDocumentException].
//
// [Client.TagResource], [Client.UntagResource] and
// [Client.ListTagsForResource] tag projects, models and datasets, up to
// [MaxTagsPerResource] tags each.
//
// # Cleaning up
//
// The service deletes in one order only, and nothing for you (the console
// does): stop the running models ([Client.StopProjectVersion]; a model
// bills every hour it runs), wait for trainings and copies to end, delete
// the versions ([Client.DeleteProjectVersion],
// [NewProjectVersionDeletedWaiter]), then the datasets
// ([Client.DeleteDataset], [NewDatasetDeletedWaiter]), then the project
// ([Client.DeleteProject], [NewProjectDeletedWaiter]), whose policies go
// with it. A step out of order is a [*ResourceInUseException].
//
// # Waiters
//
// [NewProjectVersionRunningWaiter] waits after a start until the model is
// RUNNING; [NewProjectVersionTrainingCompletedWaiter] waits until training
// has finished. They start from the official acceptors without their
// traps: they wait only for the versions named in VersionNames (required),
// they fail at once with a [*WaiterStateError] on a state the awaited one
// cannot come from (a STOPPED model never becomes RUNNING by waiting),
// they are bounded by a maximum wait ([ErrWaitTimeout]) and the context,
// poll with jittered delays, retry polls whose error is retryable, and
// report each poll to OnPoll for progress:
//
//	in, err := customlabels.ProjectVersionInput(ctx, client, versionArn)
//	...
//	w := customlabels.NewProjectVersionRunningWaiter(client)
//	err = w.Wait(ctx, in, 30*time.Minute)
//
// The same holds for the waiters the official SDKs lack: projects created
// and deleted ([NewProjectCreatedWaiter], [NewProjectDeletedWaiter]), and
// datasets created, updated and deleted ([NewDatasetCreatedWaiter],
// [NewDatasetUpdatedWaiter], [NewDatasetDeletedWaiter]), which take
// several dataset ARNs: a distribution is done when both of its datasets
// are.
//
// # Errors
//
// Every operation returns a *smithy.OperationError that wraps, in turn, a
// [*RetryError] when the call was retried, an *awshttp.ResponseError
// carrying HTTPStatusCode() and ServiceRequestID(), and the service error:
// one type per exception the service model documents for the operations
// ([*InvalidPaginationTokenException], [*InvalidParameterException],
// [*AccessDeniedException], [*InternalServerError], [*ThrottlingException],
// [*ProvisionedThroughputExceededException], [*ResourceNotFoundException],
// [*ResourceInUseException], [*LimitExceededException],
// [*ResourceNotReadyException], [*ImageTooLargeException],
// [*InvalidImageFormatException], [*InvalidS3ObjectException], ...), or a
// *smithy.GenericAPIError for any other code. Match any layer with
// errors.As:
//
//	var throttled *customlabels.ThrottlingException
//	if errors.As(err, &throttled) { ... }
//
// # Retries
//
// Throttling, HTTP 500/502/503/504 and connection errors are retried with
// the backoff and retry quota of aws-sdk-go-v2's aws/retry: 3 attempts by
// default ([Options].RetryMaxAttempts, RetryMode, Retryer). Every attempt
// is signed afresh, with the signing time corrected for the server's clock.
// A context deadline or cancellation ends the call at once, backoff
// included; the error then matches both the context error (errors.Is) and
// the last service error (errors.As).
//
// [NewFromConfig] takes RetryMode and RetryMaxAttempts from the aws.Config,
// so AWS_RETRY_MODE and AWS_MAX_ATTEMPTS (or retry_mode and max_attempts
// in the shared config file) choose them, as for the official SDK; a
// Retryer in the config is used as given.
//
// Pick adaptive mode (aws.RetryModeAdaptive) when the work is many calls
// that must all finish and share a rate limit: a listing of many pages,
// many goroutines sharing one client, batch jobs. After the first throttle
// it slows the client's own sending rate, so retries stop competing with
// each other: under a throttled load of issue 9 (docs/RELIABILITY.md) every
// call succeeded with about 30% fewer requests, where standard mode let 1
// to 2% fail, at the cost of a longer run. Keep standard mode where one
// call's latency matters more than its completion (a request path that
// can fail fast and be retried by its caller); there adaptive mode's
// client-side wait would only add delay.
//
// Each attempt is bounded on its own: [Options].IdleTimeout (no progress
// for 30 s) and AttemptTimeout (5 min in all) end a stalled attempt with
// an [*AttemptTimeoutError], which is retried like a dropped connection.
//
// # Telemetry
//
// [Options].TracerProvider and MeterProvider take smithy-go's tracing and
// metrics interfaces, as the official SDK's clients do, so OpenTelemetry
// plugs in with the same adapters and the same one line each
// (github.com/aws/smithy-go/tracing/smithyoteltracing and
// github.com/aws/smithy-go/metrics/smithyotelmetrics):
//
//	client := customlabels.NewFromConfig(cfg, func(o *customlabels.Options) {
//		o.TracerProvider = smithyoteltracing.Adapt(otel.GetTracerProvider())
//		o.MeterProvider = smithyotelmetrics.Adapt(otel.GetMeterProvider())
//	})
//
// Spans and metrics are named as aws-sdk-go-v2 names them, so dashboards
// and queries built on the official client keep working. Each call is a
// client span "Rekognition.<Operation>" (rpc.system "aws-api", rpc.service,
// rpc.method, error, aws.request_id; on failure exception.type,
// exception.message and, for a service error, api.error_code,
// api.error_message and api.error_fault), a child of the span in the
// call's context. Under it, each attempt is a span "Attempt"
// (operation.attempt, aws.request_id, http.status_code) with the steps
// "GetIdentity", "SignRequest", "DoHTTPRequest" (http.method,
// http.status_code, content lengths) and "OperationDeserializer". Metrics:
// client.call.duration, client.call.attempts, client.call.errors,
// client.call.attempt_duration, client.call.serialization_duration,
// client.call.deserialization_duration,
// client.call.auth.resolve_identity_duration and
// client.call.auth.signing_duration, with rpc.service and rpc.method; and,
// through net/http's httptrace hooks, client.http.do_request_duration,
// client.http.time_to_first_byte and client.http.connections.*
// (acquire, DNS lookup and TLS handshake durations, usage). The
// instrumentation scope is "github.com/rekognition-go/customlabels". The
// module compat/otel compares all of this with the official client's
// through the OpenTelemetry SDK, and lists what differs and why.
//
// Paginators, iterators and waiters add no span of their own: each page or
// poll is a call, under the span of the context they were given.
//
// Unset (or smithy-go's no-op providers), telemetry adds nothing to a
// call: no allocation, no span, no clock read beyond what the call makes
// anyway.
//
// # Testing
//
// Code that calls the client should take an interface, not *Client: the
// one-method [DescribeProjectsAPIClient] and its kin, generated for every
// operation, or a role interface that joins those one job needs:
// [ProjectsReader], [ModelController], [ProjectsManager]. *Client
// satisfies each. Then test it at one of three levels:
//
//   - Mock the methods: any mock of the interface (testify's mock, gomock,
//     a hand-written fake) stands in for the client; see the
//     [ModelController] example.
//   - Stub the transport: customlabelstest.NewStub(t) answers the real
//     client from the calls a test declares (operation, input, answer),
//     with no server and no network; the client's validation, retries,
//     paginators and waiters run for real, and an unexpected call, a
//     wrong input or a missing call fails the test.
//   - Run the fake: customlabelstest.NewServer runs a fake Rekognition
//     server on 127.0.0.1 that checks signatures, paginates like the
//     service, injects faults, and trains, starts and stops models on a
//     clock a test can advance.
//
// None needs an AWS account. A test double written by hand needs these
// facts of the wire protocol (awsJson1_1): every request is POST / with
// Content-Type application/x-amz-json-1.1 and a JSON body, routed by the
// header X-Amz-Target: RekognitionService.<Operation>; a success answers
// 200 with a JSON body of the same content type; an error answers
// {"__type":"<Code>","Message":"..."} with status 400, or 500 for
// InternalServerError and ThrottlingException (the code may also carry a
// namespace, "com.amazon.coral.validate#ValidationException", which the
// client strips); timestamps are epoch seconds as JSON numbers
// (1.7e9, fractions allowed). The client signs every request with SigV4 and
// needs credentials with keys: aws.AnonymousCredentials is refused on the
// first call, before anything is sent ("get credentials: ... the
// AnonymousCredentials is not a valid credential provider"), so give a
// test double's client static test credentials, as the Stub's and the
// fake's clients have.
package customlabels
