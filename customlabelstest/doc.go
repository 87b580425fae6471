// Package customlabelstest runs a fake Amazon Rekognition endpoint that
// serves the Custom Labels operations over real HTTP on 127.0.0.1, for
// tests that need no AWS account, as net/http/httptest does for HTTP
// servers. It serves any
// client: customlabels, the official aws-sdk-go-v2 rekognition client,
// boto3 and the AWS CLI (the command cmd/customlabels-fake runs it as a
// process). On the same address it serves the S3 calls of the Custom
// Labels workflow (see S3). For unit tests without a server, [Stub] stubs
// the client's transport instead.
//
// # Operations
//
// [ServedOperations] lists them. Projects: CreateProject, DeleteProject,
// DescribeProjects. Datasets: CreateDataset, DescribeDataset,
// DeleteDataset, ListDatasetEntries, ListDatasetLabels,
// UpdateDatasetEntries, DistributeDatasetEntries. Models:
// CreateProjectVersion, CopyProjectVersion, DeleteProjectVersion,
// DescribeProjectVersions, StartProjectVersion, StopProjectVersion,
// DetectCustomLabels. Sharing: PutProjectPolicy, ListProjectPolicies,
// DeleteProjectPolicy. Tags: TagResource, UntagResource,
// ListTagsForResource. Each decodes and validates
// its input as the service does (a SerializationException for a body of
// the wrong shape, a ValidationException listing every broken constraint
// of the model), then runs on the server's state and clock.
//
// # Getting started
//
//	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(30, 1)...))
//	defer srv.Close()
//	client := srv.Client() // endpoint, region and credentials set
//	out, err := client.DescribeProjects(ctx, nil)
//
// For another client, use [Server.URL] as the endpoint, [Server.Region],
// and [DefaultAccessKeyID] with [DefaultSecretAccessKey] (or the
// credentials of [WithCredentials]); [Server.AWSConfig] returns all of it
// as an aws.Config.
//
// # A stubbed transport: Stub
//
// For unit tests that need no server at all, [NewStub] returns a [Stub]:
// an HTTP transport that answers the real client from the calls a test
// declares, in order, as botocore's Stubber does. Each [Stub.Expect]
// names an operation, optionally its input ([Call.WithInput], compared
// member by member, or [Call.Match]) and its answer: a typed output
// ([Call.Return]), an exception ([Call.ReturnError], with its modeled
// status), any response ([Call.ReturnResponse]), a transport error
// ([Call.ReturnConnectionReset], [Call.ReturnTimeout],
// [Call.ReturnTransportError]) or none ([Call.Stall]):
//
//	stub := customlabelstest.NewStub(t)
//	stub.Expect("StopProjectVersion").ReturnError(&customlabels.ThrottlingException{})
//	stub.Expect("StopProjectVersion").Return(&customlabels.StopProjectVersionOutput{Status: "STOPPING"})
//	client := stub.Client() // static test credentials, retries without backoff
//
// The Stub checks each request as the service would (the SigV4 signature,
// X-Amz-Target, Content-Type, a body the service reads and finds valid),
// reads and writes bodies with the code generated from the service model
// that the fake server uses, so every operation of the client can be
// stubbed, and fails the test (through a [TB], such as *testing.T) on an
// unexpected call, on a wrong input, showing each differing member as
// -want +got, and at the test's end on an expectation not met. Each
// request meets one expectation: a retried call is as many expectations
// as attempts, a waiter's polls one each. Calls must arrive in the
// declared order unless [Stub.InAnyOrder].
//
// A stub written by hand needs these facts of the wire protocol
// (awsJson1_1), all of which Stub and Server follow: every request is POST
// / with Content-Type application/x-amz-json-1.1, routed by the header
// X-Amz-Target: RekognitionService.<Operation>; an error is
// {"__type":"<Code>","Message":"..."} with status 400, or 500 for
// InternalServerError and ThrottlingException; timestamps are epoch
// seconds as JSON numbers. The client refuses aws.AnonymousCredentials
// before sending anything ("the AnonymousCredentials is not a valid
// credential provider"): give it static credentials, as [Stub.Client] and
// [Server.Client] do.
//
// # Faithfulness
//
// docs/FAKE-FAITHFULNESS.md lists each behaviour of the fake with its
// source: the API reference, the Custom Labels developer guide, or
// "assumed" where they are silent or disagree. The largest assumptions:
// which statuses allow a start, a stop, a copy or a delete, and the error
// codes of refusals the docs describe without one; evaluation numbers made
// from hashes of the data, not learned; and the names and places of the
// training outputs (the summary as EvaluationResultSummary-..., one of the
// two names the guide gives).
//
// # What it does as the service does
//
//   - Projects are listed by creation time, oldest first. Without Features
//     only CUSTOM_LABELS projects are listed; ProjectNames selects by the
//     NAME of the ARN "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/...".
//   - MaxResults defaults to 100. Input that breaks the model (MaxResults
//     outside 1..100, NextToken over 1024 characters, 0 or more than 10
//     ProjectNames, a name that is not 1..255 of [a-zA-Z0-9_.-], 0 or more
//     than 2 Features, an unknown feature) gets a 400 ValidationException
//     naming the member: "1 validation error detected: Value '500' at
//     'maxResults' failed to satisfy constraint: Member must have value
//     less than or equal to 100".
//   - NextToken is opaque and bound to the query's ProjectNames and
//     Features, not to MaxResults: it may be replayed and the page size
//     may change between pages. A token from another query, from another
//     server, or garbage gets a 400 InvalidPaginationTokenException. A
//     token holds the position of the last project returned, so a listing
//     in progress neither skips nor repeats a project when projects are
//     added or removed meanwhile.
//   - Only POST / with X-Amz-Target RekognitionService.OPERATION, for the
//     operations above, and Content-Type application/x-amz-json-1.1
//     is served: another target is a 400 UnknownOperationException; another content type, a body that
//     is not a JSON object or a member of the wrong JSON type is a 400
//     SerializationException. A request without X-Amz-Target that is
//     signed for s3, or asks for another path, is S3's (see S3).
//   - Responses carry X-Amzn-RequestId (a UUID), Content-Type and Date.
//     Timestamps are epoch seconds written as AWS writes doubles
//     ("1.700000000123E9"). Errors are JSON: the modeled exceptions as
//     Rekognition writes them ({"__type","Code","Logref","Message"}) with
//     the statuses AWS documents (InternalServerError and
//     ThrottlingException 500, the others 400); the request framework's
//     errors with their namespace, e.g.
//     {"__type":"com.amazon.coral.validate#ValidationException","message":...}.
//
// # Models: DescribeProjectVersions, StartProjectVersion, StopProjectVersion
//
// A project's versions (models) are seeded with [WithProjectVersions],
// [Server.AddProjectVersions] or [DemoData]; a version belongs to the
// project its ARN names ("arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/123"
// to ".../project/NAME/456").
//
//   - DescribeProjectVersions lists the versions of ProjectArn by creation
//     time, latest first, as the API reference documents; a ProjectArn the
//     server does not have is a 400 ResourceNotFoundException.
//     VersionNames selects by the VERSION of the ARN. MaxResults, NextToken
//     and the model's constraints (ProjectArn required, 20..2048 characters
//     of the model's pattern; 1..10 VersionNames of 1..255 [a-zA-Z0-9_.-])
//     are checked and paginated as for DescribeProjects, with tokens bound
//     to ProjectArn and VersionNames. Every member of the model's
//     ProjectVersionDescription that is set is written, nested structures
//     included; zero members are left out.
//   - StartProjectVersion (ProjectVersionArn and MinInferenceUnits
//     required, each inference-unit count at least 1) starts a model that
//     is TRAINING_COMPLETED, COPYING_COMPLETED, STOPPED or FAILED, records
//     its inference units and answers {"Status":"STARTING"}.
//     StopProjectVersion stops a model that is RUNNING or STARTING and
//     answers {"Status":"STOPPING"}. A model in another status is a 400
//     ResourceInUseException; an unknown one ResourceNotFoundException;
//     MaxInferenceUnits below MinInferenceUnits, or starting a Custom
//     Moderation adapter, InvalidParameterException; going over
//     [WithInferenceUnitsLimit] LimitExceededException. The reference does
//     not list which statuses allow a start or a stop: these are assumed,
//     and said so where they are decided.
//
// # Training, copies and deletes
//
// CreateProjectVersion trains a model from the project's datasets, or
// from TrainingData and TestingData manifests in S3 (the server's own, or
// [WithS3Endpoint]'s), refusing what the API reference refuses
// (manifests both or neither, manifests for a project with datasets, a
// FeatureConfig of another feature: InvalidParameterException; a version
// name taken: ResourceInUseException; an unknown project:
// ResourceNotFoundException). The version is TRAINING_IN_PROGRESS for
// [WithTrainingTime], then:
//
//   - TRAINING_FAILED when the data fails as the developer guide says it
//     does, checked with package manifest: a manifest missing, without a
//     file extension, not JSON lines ("The manifest file extension or
//     contents are invalid."), empty ("The manifest file is empty."); an
//     output bucket that does not exist ("Unable to write to output S3
//     bucket."); a content error, as "CODE: message", such as
//     "ERROR_MANIFEST_TOO_FEW_LABELS: The manifest file has too few
//     labels.", ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST,
//     ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS, ERROR_INSUFFICIENT_LABEL_OVERLAP,
//     or ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT (a label with
//     fewer than 2 images when the test data is split off the training
//     data). After a content error the validation manifests and
//     manifest_summary.json are written and named, as the service does.
//   - Else TRAINING_COMPLETED, with an EvaluationResult whose F1 score and
//     per-label metrics are made from the data (the same data gives the
//     same numbers), the evaluation summary written to the OutputConfig
//     as EvaluationResultSummary-PROJECT-VERSION.json (the name the
//     guide's example answer shows; it also names the file
//     EvaluationSummary-...), manifest_summary.json, the validation
//     manifests and the evaluation manifest snapshots under
//     PREFIX/PROJECT/VERSION/, BillableTrainingTimeInSeconds and
//     TrainingEndTimestamp. Package evaluation reads the files back.
//
// TestingData.AutoCreate, or a project without a TEST dataset, splits a
// fifth of the training images off for testing, the same way every time.
// The server reads the data when CreateProjectVersion is called and
// writes the files then; the version names them when the training ends.
// [Server.FailNextTraining] makes the next training fail with a message of
// the test's choice, and [Server.FailTraining] one in progress.
//
// A trained model knows its data: once RUNNING, DetectCustomLabels answers
// for an image of its manifests (named by Image.S3Object as its
// source-ref does, or sent as the bytes of the S3 object a source-ref
// names) the labels the manifest gives it, with boxes for a detection
// model, at confidences of 95 or more; for any other image, each of its
// labels at a confidence made from the image, kept when it reaches the
// label's assumed threshold from the evaluation (or MinConfidence when
// given). A [Model] set for the version ([Server.SetModel]) answers
// instead.
//
// CopyProjectVersion copies a trained model within the Region, from the
// caller's account or, with a project policy on the source allowing the
// caller's account, from another: COPYING_IN_PROGRESS for [WithCopyTime],
// then COPYING_COMPLETED with the source's evaluation (the summary written
// again to the copy's OutputConfig) and SourceProjectVersionArn.
// Adapters cannot be copied (InvalidParameterException); a source not
// trained is ResourceInUseException; a copy without a policy allowing it
// AccessDeniedException.
//
// DeleteProjectVersion refuses a version RUNNING or TRAINING_IN_PROGRESS,
// as the API reference says, and STARTING, STOPPING or
// COPYING_IN_PROGRESS too (assumed), with ResourceInUseException; else the
// version is DELETING for [WithDeletingTime], then gone.
//
// # Datasets
//
// A Custom Labels project has at most one TRAIN and one TEST dataset,
// listed in its Datasets by DescribeProjects as they change. The dataset
// store is the one source of truth: the datasets a seeded project lists
// ([WithProjects], [DemoData], --data) are datasets the operations know,
// without entries, their status starting its lifecycle when seeded;
// [WithDatasets], [Server.AddDataset] and the datasets control resource
// seed datasets with entries, from manifest text. Dataset ARNs are
// "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/dataset/train/MILLIS"
// (the type in lower case, as the model's pattern has it).
//
//   - CreateDataset fills the dataset from a SageMaker Ground Truth
//     manifest in the server's S3 (DatasetSource.GroundTruthManifest), a
//     copy of another dataset (DatasetSource.DatasetArn), or nothing. The
//     dataset is CREATE_IN_PROGRESS for [WithDatasetTime], then
//     CREATE_COMPLETE, or CREATE_FAILED with StatusMessageCode
//     CLIENT_ERROR and the documented terminal file error as its
//     StatusMessage: ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT for
//     a missing object or an empty manifest, ERROR_MANIFEST_SIZE_TOO_LARGE,
//     ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM (250,000 lines),
//     ERROR_TOO_MANY_RECORDS_IN_ERROR (more than 20 % of the lines
//     invalid), ERROR_MANIFEST_TOO_MANY_LABELS (250). The manifest is
//     checked with package manifest's Validate: lines with terminal
//     content errors (not JSON, no valid source-ref, an image listed
//     before) are dropped without a word; the non-terminal errors the
//     developer guide lists are attached to their line, in the errors
//     arrays of the line, label attribute, metadata or bounding box.
//     DatasetStats count the entries kept: TotalEntries, LabeledEntries
//     (with a label), TotalLabels (distinct), ErrorEntries (with an
//     error). A second dataset of a type is ResourceAlreadyExistsException.
//   - ListDatasetEntries lists the JSON lines in the order they were
//     added, with every filter (ContainsLabels, Labeled, SourceRefContains,
//     HasErrors); ListDatasetLabels the labels by name with EntryCount and
//     BoundingBoxCount (images with the label on a box). Both paginate
//     with tokens bound to the dataset and the filters. A dataset being
//     created or updated is ResourceNotReadyException, one being deleted
//     ResourceInUseException (the documentation is silent: decided here).
//   - UpdateDatasetEntries upserts the lines of its manifest by
//     source-ref: UPDATE_IN_PROGRESS, then UPDATE_COMPLETE, or
//     UPDATE_FAILED with a terminal file error, the entries unchanged. A
//     dataset being created, updated or deleted is ResourceInUseException.
//   - DistributeDatasetEntries moves a fifth of the TRAIN dataset's
//     entries, chosen by their source-ref so that a dataset always splits
//     the same way, into the project's empty TEST dataset, both
//     UPDATE_IN_PROGRESS, then UPDATE_COMPLETE; a label of fewer than two
//     images fails both with ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE.
//   - DeleteDataset makes the dataset DELETE_IN_PROGRESS for
//     [WithDeletingTime], then gone (DescribeDataset answers
//     ResourceNotFoundException); a dataset CREATE_IN_PROGRESS or
//     UPDATE_IN_PROGRESS is ResourceInUseException. DeleteProject refuses
//     a project that still lists datasets.
//
// [Server.FailDataset] makes the next CreateDataset, or a dataset's
// creation or update, fail with a chosen status message.
//
// # Driving lifecycles in tests
//
// Models move on by themselves, on the models' clock: TRAINING_IN_PROGRESS
// becomes TRAINING_COMPLETED after [WithTrainingTime], STARTING becomes
// RUNNING after [WithStartingTime], STOPPING becomes STOPPED after
// [WithStoppingTime], COPYING_IN_PROGRESS becomes COPYING_COMPLETED after
// [WithCopyTime] and a version DELETING is gone after [WithDeletingTime]
// (zero: at once). A test chooses failures: [Server.FailTraining] ends a
// training in TRAINING_FAILED, [Server.FailNextTraining] the next
// CreateProjectVersion's, and [Server.FailStart] a start in FAILED.
//
// The models' clock is the server's clock plus [Server.Advance]: a test
// moves it forward instead of sleeping, and with a frozen [WithClock] the
// transitions are exact to the nanosecond:
//
//	srv := customlabelstest.NewServer(customlabelstest.WithStartingTime(10*time.Minute), ...)
//	// StartProjectVersion answers STARTING
//	srv.Advance(10 * time.Minute)
//	// DescribeProjectVersions shows RUNNING, and an SDK waiter succeeds
//
// Advance moves no other clock: the server still checks signature dates
// and writes the Date header on its own clock, so signed requests stay
// valid however far a test advances (a manual clock given to WithClock
// would make every request after a jump of more than 5 minutes fail as
// "Signature expired"). To make a waiter see each status, advance from a
// [WithRequestHook] on each DescribeProjectVersions.
//
// # Project policies, tags and accounts
//
// PutProjectPolicy, ListProjectPolicies and DeleteProjectPolicy keep up to
// five policies per project, with a new hexadecimal revision on every put;
// a stale revision is InvalidPolicyRevisionIdException, and a document
// that breaks the developer guide's rules (Effect, Principal, Action and
// Resource in every statement, rekognition:CopyProjectVersion the only
// action, no NotAction, NotResource or NotPrincipal) is
// MalformedPolicyDocumentException naming the rule. TagResource,
// UntagResource and ListTagsForResource tag projects, versions and
// datasets, at most 200 tags each. Policies and tags go with their
// resource.
//
// By default the server is one AWS account, [DefaultAccountID], whose key
// sees every resource. [WithAccount] adds access keys of other accounts:
// each then creates and lists its own projects, and an operation on
// another account's ARN is AccessDeniedException. [Server.CredentialsFor]
// returns a key's credentials.
//
// # Signatures
//
// Every request must be signed with SigV4 for service "rekognition" and
// the server's region, unless [WithoutSignatureVerification]. The server
// recomputes the signature with aws-sdk-go-v2's signer over exactly the
// headers the request lists in SignedHeaders, with their received values
// and the hash of the received body, so clients that sign different header
// sets (the Go SDK signs content-length, boto3 does not) are all checked.
// As AWS answers, all with status 400:
//
//   - no Authorization header: MissingAuthenticationTokenException;
//   - a malformed one: IncompleteSignatureException;
//   - an unknown access key, or a session token that is missing, wrong or
//     not expected: UnrecognizedClientException;
//   - a wrong service or region in the credential scope, a signature that
//     does not match (a wrong secret or a changed body or header), or an
//     X-Amz-Date more than 5 minutes from the server's clock ("Signature
//     expired"): InvalidSignatureException.
//
// A signature that does not match is answered as AWS answers it: the
// message "The request signature we calculated does not match the
// signature you provided. ..." is followed by the canonical request and
// the string to sign the server computed, each quoted on lines of their
// own, so a client author can compare them with what was signed. The
// canonical request lists the signed headers with their values, the
// X-Amz-Security-Token included: clients must keep it out of what they
// log or show, and the server's own records keep only the error code.
//
// A signature over a header that aws-sdk-go-v2's signer never signs
// (user-agent, expect, transfer-encoding, x-amzn-trace-id) cannot be
// recomputed and is refused; no AWS SDK signs those.
//
// # S3
//
// The server serves the S3 calls the Custom Labels workflow makes, so that
// clients upload manifests and images, and read results, where the fake
// runs. A request is S3's when it has no X-Amz-Target and either is signed
// for service "s3" or asks for a path other than "/". Requests are
// path-style, [Server.URL]/BUCKET/KEY: set path-style addressing in the
// client (UsePathStyle in aws-sdk-go-v2; boto3 and the AWS CLI use it for
// an endpoint that is an IP address).
//
// Served: CreateBucket, DeleteBucket, HeadBucket, ListBuckets,
// GetBucketLocation; PutObject, GetObject (Range, partNumber, the If-*
// conditions, response-* overrides), HeadObject, DeleteObject,
// DeleteObjects, CopyObject, ListObjectsV2 (prefix, delimiter, max-keys
// up to 1000, continuation-token, start-after, fetch-owner,
// encoding-type=url) and ListObjects; CreateMultipartUpload, UploadPart,
// CompleteMultipartUpload and AbortMultipartUpload, which the AWS CLI and
// boto3 use from 8 MiB. Anything else (versioning configuration, ACLs
// other than private, policies, tagging, object lock, presigned URLs,
// SSE-KMS and SSE-C, ListParts, ListMultipartUploads, UploadPartCopy,
// SigV4a) is answered NotImplemented (501) naming it, never ignored.
//
// Signatures are checked as for Rekognition (see Signatures) with service
// "s3", S3's 15 minutes of clock skew, and the payload hash the client
// sends in X-Amz-Content-Sha256: a SHA-256, checked against the body;
// UNSIGNED-PAYLOAD; or an aws-chunked body, either
// STREAMING-UNSIGNED-PAYLOAD-TRAILER (what aws-sdk-go-v2 and boto3 send
// over TLS) or STREAMING-AWS4-HMAC-SHA256-PAYLOAD and its -TRAILER form,
// whose chunk signatures are verified. Content-MD5 and the checksum S3
// clients send by default (CRC32 today, in an x-amz-checksum-* header
// over plain HTTP or a trailer; CRC32C, CRC64NVME, SHA1, SHA256 and
// SHA512 too) are verified and kept with the object; an object uploaded
// without one gets the CRC64NVME S3 computes. GetObject and HeadObject
// return it when asked with x-amz-checksum-mode ENABLED, so SDKs validate
// what they download. ETag (the MD5, or for a multipart object the MD5 of
// the parts' MD5s and "-N"), Last-Modified, Content-Length, Content-Type,
// x-amz-meta-* and the Cache-Control, Content-Disposition,
// Content-Encoding, Content-Language and Expires sent are kept.
//
// Errors are S3's XML documents,
// <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>…</Key><RequestId>…</RequestId><HostId>…</HostId></Error>,
// with S3's statuses: 404 NoSuchBucket, NoSuchKey, NoSuchVersion and
// NoSuchUpload; 409 BucketNotEmpty, and BucketAlreadyOwnedByYou outside
// us-east-1 (in us-east-1 S3 answers 200 to creating one's own bucket
// again); 403 SignatureDoesNotMatch (with the string to sign and
// canonical request the server computed, never the signature sent),
// InvalidAccessKeyId, AccessDenied and RequestTimeTooSkewed; 400
// AuthorizationHeaderMalformed, InvalidToken, XAmzContentSHA256Mismatch,
// BadDigest, EntityTooLarge, EntityTooSmall, InvalidPart,
// InvalidBucketName, MalformedXML, InvalidArgument and InvalidRequest; 412
// PreconditionFailed; 416 InvalidRange. Answers to HEAD have no body, as
// S3's. S3 requests take no [Fault] and no throttle token; they are
// recorded in [Server.Requests] with their S3Operation.
//
// Objects are kept in memory, within limits: [MaxS3ObjectBytes] (64 MiB
// for an object or a completed multipart upload), [MaxS3StoreBytes] (1 GiB
// for all objects and uploaded parts), [MaxS3Objects] (100,000, every
// version counted), [MaxS3Buckets] (1,000) and [MaxS3Uploads] (1,000
// multipart uploads in progress). A request over one gets EntityTooLarge
// (before its body is read, when Content-Length tells), TooManyBuckets, or
// InvalidRequest naming the limit; [Server.PutS3Object] panics. As in S3,
// keys are at most 1,024 bytes, user metadata 2 KB, and parts but the last
// at least 5 MiB.
//
// This S3 is the store DetectCustomLabels reads Image.S3Object from, and
// that [Server.PutS3Object], [WithS3Object] and the s3objects control
// resource write: an image uploaded through S3 is what DetectCustomLabels
// analyses, and an object a test puts is what GetObject answers. Buckets
// have no versioning: PutObject writes the object without a version
// (PutS3Object's version ""), replacing it. The versions PutS3Object
// gives sit beside it: a read without a version (GetObject,
// DetectCustomLabels) gets the unversioned object, else the version put
// last; versionId selects one ("null" the unversioned one); DeleteObject
// without versionId removes the unversioned object only. PutS3Object
// creates the bucket it names. [Server.S3Object] and
// [Server.ListS3Objects] read the store; [Server.Reset] empties it but for
// the objects of WithS3Object.
//
// [WithS3Endpoint] (customlabels-fake --s3-endpoint) makes the server read
// and write the workflow's objects (those [Server.S3Object] reads, and
// that training will read and write) in another S3-compatible server, such
// as moto or MinIO, and answer S3 requests made to it with NotImplemented
// naming that server; PutS3Object, the s3objects resource and
// DetectCustomLabels still use the in-memory store.
//
// # Faults
//
// [Server.InjectFault] and [Server.InjectFaults] queue a [Fault] for the
// next requests: any exception, in any of the raw code forms clients must
// read ([CodeForm]), with an optional x-amz-retry-after; added latency; a
// truncated body (which clients differ on: this module's client and
// botocore 1.43 retry it, botocore 1.29, Debian 12's python3-botocore,
// takes it for an empty success); a dropped connection; an HTML error page from a proxy; a
// body trickled slowly; a redirect; any raw response. [WithThrottleRPS]
// answers requests over a rate with ThrottlingException "Rate exceeded",
// and [WithClockOffset] gives the server a skewed clock. [Server.Reset]
// undoes them all.
//
// # Inspecting requests
//
// [Server.Requests] returns what the server received and answered: target,
// headers, body, the body decoded into the operation's input struct
// (Params: a *customlabels.StartProjectVersionInput, for example), status
// and error code, never a secret. An S3 request has its S3Operation
// ("PutObject") instead of a target.
//
// # Control API
//
// Tests in other languages drive the server over HTTP, as Go tests call its
// methods: under [ControlPath] ([Server.ControlURL],
// "http://127.0.0.1:PORT/_customlabels/"), which no AWS client requests.
// It needs no AWS credentials and answers only clients on a loopback
// address that name a loopback host (403 otherwise). Bodies are JSON sent
// with Content-Type application/json (415 otherwise); members are matched
// by their exact names and durations are Go durations ("250ms", "1.5s",
// "-10m"). A bad body gets 400 {"Error":"Status: must be 400 to 599 ...",
// "Field":"Status"}; an unknown resource 404; a wrong method 405 with
// Allow. Control requests take no fault or throttle token and are not in
// Requests. GET /_customlabels/ lists the resources:
//
//   - faults: GET lists the queued faults {"Pending":2,"Faults":["exception
//     ThrottlingException (500)", ...]}; POST queues one fault object, or a
//     list of them (all or none), and answers {"Queued":2,"Pending":2};
//     DELETE clears them ({"Cleared":2}). A fault object has "Kind" and,
//     for any kind, "Count" (1 to 10000, default 1; at most 100000
//     pending), "Delay" and "RetryAfter" ([Fault.WithDelay],
//     [Fault.WithRetryAfter]). The kinds and their members: "exception" ([Exception]: "Code", "Status",
//     "Message", "CodeForm" one of "plain", "namespaced", "suffixed",
//     "namespaced-suffixed", "code-member", "header-only",
//     "header-only-empty-body"); "latency" ("Delay"); "truncated-body"
//     (botocore 1.29 reads it as an empty success; see [TruncatedBody]);
//     "drop-connection"; "lost-answer" (the request takes effect, then the
//     connection closes unanswered); "proxy-error" ("Status"); "slow-body" ("Chunk",
//     "Every"); "redirect" ("Status", "Location"); "raw-response" ("Status",
//     "Header" of strings or lists of strings, "Body").
//
//   - throttle: GET and PUT {"RPS":5} ([Server.SetThrottleRPS]; 0 for no
//     limit).
//
//   - clock: GET {"Offset":"0s","Now":"2026-03-01T12:00:00Z"} and PUT
//     {"Offset":"-10m"} ([Server.SetClockOffset]).
//
//   - projects: GET lists every project as DescribeProjects writes them
//     ({"ProjectDescriptions":[...]}); POST adds projects, and their
//     versions, given as [ParseData] reads them, as the command's --data
//     ([Server.AddProjects], [Server.AddProjectVersions]), answering
//     {"Added":1,"AddedVersions":2,"Projects":21}; DELETE
//     {"ProjectArns":[...]} removes them with their versions
//     ([Server.RemoveProjects]).
//
//   - requests: GET lists [Server.Requests] ({"Requests":[{"Received",
//     "Method", "Path", "Target", "Header", "Body", "AccessKeyID",
//     "RequestID", "Status", "ErrorCode", "Fault"}]}, never a secret);
//     DELETE clears it.
//
//   - versions: GET lists every project version as
//     DescribeProjectVersions writes them ({"ProjectVersionDescriptions":
//     [...]}, latest first); POST adds versions given the same way, with
//     timestamps as [ParseData] reads them, to projects the server has
//     ([Server.AddProjectVersions]; all or none); DELETE
//     {"ProjectVersionArns":[...]} removes them
//     ([Server.RemoveProjectVersions]).
//
//   - advance: GET {"Advanced":"10m0s","Now":...} (the models' clock) and
//     POST {"By":"10m"} ([Server.Advance]).
//
//   - failures: POST {"ProjectVersionArn":...,"Stage":"training" or
//     "start","Message":...} ([Server.FailTraining], [Server.FailStart])
//     answers {"Applied":true} when it applies; {"Stage":"training"}
//     without a ProjectVersionArn fails the next CreateProjectVersion's
//     training ([Server.FailNextTraining]) and answers {"Applied":true}.
//
//   - datasets: GET lists every dataset with its project, type and
//     description ({"Datasets":[{"DatasetArn","ProjectArn","DatasetType",
//     "DatasetDescription"}]}); POST {"ProjectArn":...,"DatasetType":"TRAIN",
//     "Manifest":"<JSON lines>"} adds one, CREATE_COMPLETE with the
//     manifest's entries, or replaces the project's dataset of that type
//     ([Server.AddDataset]), answering {"DatasetArn":...}; DELETE
//     {"DatasetArns":[...]} removes them ([Server.RemoveDatasets]).
//
//   - datasetfailures: POST {"DatasetArn":...,"Message":"ERROR_..."}
//     makes that dataset's creation or update in progress, or its next
//     one, fail; without DatasetArn, the next CreateDataset's
//     ([Server.FailDataset]); answers {"Applied":true}.
//
//   - reset: POST returns the server to its start ([Server.Reset]):
//     its seed projects, versions, datasets, models and S3 objects, no
//     faults, an empty request log.
//
//   - models: how running versions answer DetectCustomLabels. PUT
//     {"ProjectVersionArn":..., "Labels":[{"Name":"cat","Confidence":97.5,
//     "Geometry":{...}}] or "HashLabels":["cat","dog"],
//     "AssumedThreshold":50, "MaxInFlightPerInferenceUnit":2} sets one
//     ([Server.SetModel], [HashLabels]); GET lists them ({"Models":[...]});
//     DELETE {"ProjectVersionArns":[...]} removes them.
//
//   - s3objects: the objects of the server's S3 (see S3), such as the
//     images DetectCustomLabels reads. POST
//     {"Bucket":..., "Name":..., "Version":..., "Bytes":"<base64>"} puts
//     one ([Server.PutS3Object]); GET lists them without their bytes
//     ({"Objects":[{"Bucket","Name","Version","Size"}]}); DELETE {"Bucket",
//     "Name", "Version"} removes one.
//
// For example, with curl:
//
//	curl -s -H 'Content-Type: application/json' \
//	  -d '{"Kind":"exception","Code":"ThrottlingException","Count":2}' \
//	  http://127.0.0.1:PORT/_customlabels/faults
package customlabelstest
