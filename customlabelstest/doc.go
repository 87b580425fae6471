// Package customlabelstest runs a fake Amazon Rekognition endpoint that
// serves DescribeProjects, DescribeProjectVersions, StartProjectVersion
// and StopProjectVersion over real HTTP on 127.0.0.1, for tests that need
// no AWS account, as net/http/httptest does for HTTP servers. It serves any
// client: customlabels, the official aws-sdk-go-v2 rekognition client,
// boto3 and the AWS CLI (the command cmd/customlabels-fake runs it as a
// process). For unit tests without a server, [Stub] stubs the client's
// transport instead.
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
//     four operations above, and Content-Type application/x-amz-json-1.1
//     is served: another target is a 400 UnknownOperationException; another content type, a body that
//     is not a JSON object or a member of the wrong JSON type is a 400
//     SerializationException.
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
// # Driving lifecycles in tests
//
// Models move on by themselves, on the models' clock: TRAINING_IN_PROGRESS
// becomes TRAINING_COMPLETED after [WithTrainingTime], STARTING becomes
// RUNNING after [WithStartingTime], STOPPING becomes STOPPED after
// [WithStoppingTime] (zero: at once). A test chooses failures:
// [Server.FailTraining] ends a training in TRAINING_FAILED and
// [Server.FailStart] a start in FAILED.
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
// # Faults
//
// [Server.InjectFault] and [Server.InjectFaults] queue a [Fault] for the
// next requests: any exception, in any of the raw code forms clients must
// read ([CodeForm]), with an optional x-amz-retry-after; added latency; a
// truncated body; a dropped connection; an HTML error page from a proxy; a
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
// and error code, never a secret.
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
//     "header-only-empty-body"); "latency" ("Delay"); "truncated-body";
//     "drop-connection"; "proxy-error" ("Status"); "slow-body" ("Chunk",
//     "Every"); "redirect" ("Status", "Location"); "raw-response" ("Status",
//     "Header" of strings or lists of strings, "Body").
//   - throttle: GET and PUT {"RPS":5} ([Server.SetThrottleRPS]; 0 for no
//     limit).
//   - clock: GET {"Offset":"0s","Now":"2026-03-01T12:00:00Z"} and PUT
//     {"Offset":"-10m"} ([Server.SetClockOffset]).
//   - projects: GET lists every project as DescribeProjects writes them
//     ({"ProjectDescriptions":[...]}); POST adds projects, and their
//     versions, given as [ParseData] reads them, as the command's --data
//     ([Server.AddProjects], [Server.AddProjectVersions]), answering
//     {"Added":1,"AddedVersions":2,"Projects":21}; DELETE
//     {"ProjectArns":[...]} removes them with their versions
//     ([Server.RemoveProjects]).
//   - requests: GET lists [Server.Requests] ({"Requests":[{"Received",
//     "Method", "Path", "Target", "Header", "Body", "AccessKeyID",
//     "RequestID", "Status", "ErrorCode", "Fault"}]}, never a secret);
//     DELETE clears it.
//   - versions: GET lists every project version as
//     DescribeProjectVersions writes them ({"ProjectVersionDescriptions":
//     [...]}, latest first); POST adds versions given the same way, with
//     timestamps as [ParseData] reads them, to projects the server has
//     ([Server.AddProjectVersions]; all or none); DELETE
//     {"ProjectVersionArns":[...]} removes them
//     ([Server.RemoveProjectVersions]).
//   - advance: GET {"Advanced":"10m0s","Now":...} (the models' clock) and
//     POST {"By":"10m"} ([Server.Advance]).
//   - failures: POST {"ProjectVersionArn":...,"Stage":"training" or
//     "start","Message":...} ([Server.FailTraining], [Server.FailStart])
//     answers {"Applied":true} when it applies.
//   - reset: POST returns the server to its start ([Server.Reset]):
//     its seed projects, versions, models and S3 objects, no faults, an
//     empty request log.
//   - models: how running versions answer DetectCustomLabels. PUT
//     {"ProjectVersionArn":..., "Labels":[{"Name":"cat","Confidence":97.5,
//     "Geometry":{...}}] or "HashLabels":["cat","dog"],
//     "AssumedThreshold":50, "MaxInFlightPerInferenceUnit":2} sets one
//     ([Server.SetModel], [HashLabels]); GET lists them ({"Models":[...]});
//     DELETE {"ProjectVersionArns":[...]} removes them.
//   - s3objects: the images DetectCustomLabels may read from S3. POST
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
