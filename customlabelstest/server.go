package customlabelstest

import (
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/rekognition-go/customlabels"
)

// Default settings of a Server. The credentials are fake: they only open
// this server, never an AWS account.
const (
	// DefaultAccessKeyID is the access key ID a Server accepts unless
	// WithCredentials says otherwise.
	DefaultAccessKeyID = "AKIDFAKECUSTOMLABELS"
	// DefaultSecretAccessKey is the secret key matching DefaultAccessKeyID.
	DefaultSecretAccessKey = "customlabelstest-fake-secret-not-an-aws-key"
	// DefaultRegion is the region a Server accepts in signatures unless
	// WithRegion says otherwise.
	DefaultRegion = "us-east-1"
	// DefaultAccountID is the AWS account of the ARNs DemoProjects makes.
	DefaultAccountID = "123456789012"
)

// MaxRecordedRequests is how many requests Server.Requests keeps; older
// ones are dropped first, so a long-running server's memory stays bounded.
const MaxRecordedRequests = 10000

// Option configures a Server made by NewServer.
type Option func(*config)

type config struct {
	projects    []customlabels.ProjectDescription
	accessKeyID string
	secretKey   string
	token       string
	noVerify    bool
	throttleRPS float64
	region      string
	clock       func() time.Time
	clockOffset time.Duration
	listener    net.Listener
	hook        func(Request)
	tokenKey    []byte

	projectTime  time.Duration
	deletingTime time.Duration
	datasetTime  time.Duration
	datasets     []Dataset

	versions     []customlabels.ProjectVersionDescription
	trainingTime time.Duration
	startingTime time.Duration
	stoppingTime time.Duration
	copyTime     time.Duration
	unitsLimit   int

	models map[string]Model
	s3     []s3Put

	s3Endpoint string            // WithS3Endpoint's (s3_remote.go)
	accounts   map[string]string // of WithAccount: access key ID to account
}

// WithProjects seeds the server with projects, as AddProjects does.
func WithProjects(ps ...customlabels.ProjectDescription) Option {
	return func(c *config) { c.projects = append(c.projects, ps...) }
}

// WithCredentials sets the only credentials the server accepts, instead of
// DefaultAccessKeyID and DefaultSecretAccessKey. With a non-empty
// sessionToken every request must carry it in X-Amz-Security-Token; with
// an empty one a request that carries a token is refused, as AWS refuses a
// token that does not belong to the key.
func WithCredentials(accessKeyID, secretAccessKey, sessionToken string) Option {
	return func(c *config) {
		c.accessKeyID, c.secretKey, c.token = accessKeyID, secretAccessKey, sessionToken
	}
}

// WithoutSignatureVerification accepts requests whatever their
// Authorization header says, or without one. The access key ID is still
// recorded when the header names one.
func WithoutSignatureVerification() Option {
	return func(c *config) { c.noVerify = true }
}

// WithThrottleRPS limits the server to rps requests per second, with a
// burst of rps requests (at least 1), as a token bucket refilled in real
// time. A request over the limit gets ThrottlingException "Rate exceeded"
// with HTTP status 500, the status AWS documents. Zero or less means no
// limit, the default.
func WithThrottleRPS(rps float64) Option {
	return func(c *config) { c.throttleRPS = rps }
}

// WithRegion sets the region that signatures must be scoped to, and that
// Client and AWSConfig use. The default is DefaultRegion.
func WithRegion(region string) Option {
	return func(c *config) { c.region = region }
}

// WithClock sets the server's clock, which dates responses (the Date
// header), checks signature dates, stamps projects added without a
// CreationTimestamp and, with Server.Advance, runs the models'
// lifecycles. The default is time.Now. Throttling always runs on
// real time. now must be safe for concurrent use.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.clock = now }
}

// WithClockOffset moves the server's clock by d, as a server whose clock
// is d ahead of the client's (or behind, for a negative d). Signatures
// more than 5 minutes away from the server's clock are refused with
// InvalidSignatureException "Signature expired", as AWS refuses them, and
// the Date header shows the server's time, from which clients correct
// their clock. See also Server.SetClockOffset.
func WithClockOffset(d time.Duration) Option {
	return func(c *config) { c.clockOffset = d }
}

// WithListener makes the server accept connections on l instead of a new
// listener on 127.0.0.1 with a random port: use it to serve on a fixed
// address. The server closes l on Close. NewServer panics if l's address
// is an IP address that is not a loopback address.
func WithListener(l net.Listener) Option {
	return func(c *config) { c.listener = l }
}

// WithRequestHook calls fn with every request once it has been answered,
// for logging. fn runs on the request's goroutine and must be safe for
// concurrent use.
func WithRequestHook(fn func(Request)) Option {
	return func(c *config) { c.hook = fn }
}

// WithTokenKey sets the key that authenticates the server's NextTokens,
// instead of a random key per server. Servers with the same key and the
// same projects, added in the same order, issue and accept the same
// tokens: a program that starts a new server on every run can then
// continue a listing from a NextToken an earlier run printed. An empty key
// means a random one.
func WithTokenKey(key []byte) Option {
	return func(c *config) { c.tokenKey = append([]byte(nil), key...) }
}

// Server is a fake Amazon Rekognition endpoint that serves the Custom
// Labels operations ServedOperations lists (projects, datasets, models,
// DetectCustomLabels, project policies and tags) over real HTTP on a
// loopback address, for tests and local runs. It checks SigV4 signatures,
// validates input and paginates as the service does, runs projects,
// datasets and models through their lifecycles on its clock (training and
// copying models), answers DetectCustomLabels as a running model (see
// Model), records what it receives, and can inject faults. It is safe for
// concurrent use. Close it when done.
type Server struct {
	// URL is the base URL of the server, "http://127.0.0.1:PORT", for
	// Options.BaseEndpoint or any SDK's endpoint override.
	URL string

	ts       *httptest.Server
	region   string
	keyID    string
	secret   string
	token    string
	verify   bool
	clock    func() time.Time
	hook     func(Request)
	tokenKey []byte
	done     chan struct{}
	stop     sync.Once
	initial  initialState

	mu          sync.Mutex
	store       store
	faults      []Fault
	requests    []Request
	throttle    *bucket
	clockOffset time.Duration

	// projectLife holds the projects CREATING or DELETING, by ARN.
	projectLife  map[string]*projectLife
	projectTime  time.Duration
	deletingTime time.Duration
	tagStore     tagStore
	policies     policyStore

	// datasets holds the datasets (datasets_store.go); datasetTime is
	// how long a creation or an update takes.
	datasets    datasetStore
	datasetTime time.Duration

	versions     versionStore
	advanced     time.Duration // the models' clock is ahead of now() by this
	trainingTime time.Duration
	startingTime time.Duration
	stoppingTime time.Duration
	copyTime     time.Duration
	unitsLimit   int
	// failNextTrainings are the messages the next trainings fail with
	// (FailNextTraining).
	failNextTrainings []string

	// models and the S3 objects are what DetectCustomLabels reads
	// (inference.go).
	models map[string]*model
	// s3 is the server's own S3, which it serves (s3_*.go); objects is
	// where it reads and writes the workflow's objects: s3, or the
	// remote S3 of WithS3Endpoint.
	s3      s3Store
	objects objectStore

	// accounts maps every access key ID the server accepts to the
	// account its requests act in; scoped is set when WithAccount was
	// given (see accounts.go). Both are fixed by NewServer.
	accounts map[string]string
	scoped   bool
}

// NewServer starts a fake Rekognition server on 127.0.0.1 with a random
// port (or on WithListener's listener), configured by opts. By default it
// has no projects, accepts DefaultAccessKeyID and DefaultSecretAccessKey
// in region DefaultRegion, and verifies every signature.
func NewServer(opts ...Option) *Server {
	c := config{
		accessKeyID:  DefaultAccessKeyID,
		secretKey:    DefaultSecretAccessKey,
		region:       DefaultRegion,
		clock:        time.Now,
		trainingTime: DefaultTrainingTime,
		startingTime: DefaultStartingTime,
		stoppingTime: DefaultStoppingTime,
		copyTime:     DefaultCopyTime,
		projectTime:  DefaultProjectTime,
		deletingTime: DefaultDeletingTime,
		datasetTime:  DefaultDatasetTime,
	}
	for _, o := range opts {
		o(&c)
	}
	if c.clock == nil {
		c.clock = time.Now
	}
	s := &Server{
		region:       c.region,
		keyID:        c.accessKeyID,
		secret:       c.secretKey,
		token:        c.token,
		verify:       !c.noVerify,
		clock:        c.clock,
		hook:         c.hook,
		tokenKey:     make([]byte, 32),
		done:         make(chan struct{}),
		clockOffset:  c.clockOffset,
		trainingTime: c.trainingTime,
		startingTime: c.startingTime,
		stoppingTime: c.stoppingTime,
		copyTime:     c.copyTime,
		unitsLimit:   c.unitsLimit,
		projectTime:  c.projectTime,
		deletingTime: c.deletingTime,
		datasetTime:  c.datasetTime,
		projectLife:  map[string]*projectLife{},
	}
	if len(c.tokenKey) > 0 {
		s.tokenKey = c.tokenKey
	} else {
		_, _ = rand.Read(s.tokenKey)
	}
	s.initAccounts(c.accounts)
	s.store.init()
	s.datasets.init()
	s.versions.init()
	s.SetThrottleRPS(c.throttleRPS)
	s.AddProjects(c.projects...)
	s.AddProjectVersions(c.versions...)
	s.s3.init()
	s.objects = s.newObjectStore(c.s3Endpoint)
	s.seedInference(c.models, c.s3)
	s.seedDatasets(c.datasets)
	s.initial = initialState{datasets: c.datasets, projects: s.projectsInOrderAdded(), versions: s.versionsInOrderAdded(),
		throttleRPS: c.throttleRPS, clockOffset: c.clockOffset, models: c.models, s3: c.s3}

	if c.listener != nil {
		if a, ok := c.listener.Addr().(*net.TCPAddr); ok && !a.IP.IsLoopback() {
			panic(fmt.Sprintf("customlabelstest: listener address %s is not a loopback address", a))
		}
	}
	ts := httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	if c.listener != nil {
		ts.Listener.Close()
		ts.Listener = c.listener
	}
	ts.Config.ReadHeaderTimeout = 30 * time.Second
	ts.Start()
	s.ts = ts
	s.URL = ts.URL
	return s
}

// Close stops the server: requests waiting on injected latency or a slow
// body end at once, and Close returns when every request has finished and
// its connections are closed. Close may be called more than once.
func (s *Server) Close() {
	s.stop.Do(func() { close(s.done) })
	s.ts.Close()
}

// Region returns the region signatures must be scoped to.
func (s *Server) Region() string { return s.region }

// Credentials returns a provider of the static credentials the server
// accepts.
func (s *Server) Credentials() aws.CredentialsProvider {
	creds := aws.Credentials{
		AccessKeyID:     s.keyID,
		SecretAccessKey: s.secret,
		SessionToken:    s.token,
		Source:          "customlabelstest",
	}
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil })
}

// HTTPClient returns a new HTTP client for the server. Its transport is
// the server's own, whose idle connections Close closes, so that tests
// leave no connection goroutines behind; changing the returned client
// (say, wrapping its Transport) affects no other.
func (s *Server) HTTPClient() *http.Client {
	c := *s.ts.Client()
	return &c
}

// Client returns a customlabels client for this server: its URL as
// BaseEndpoint, its region and credentials, and HTTPClient; then each
// optFn is applied, e.g. to set RetryMaxAttempts.
func (s *Server) Client(optFns ...func(*customlabels.Options)) *customlabels.Client {
	return customlabels.New(customlabels.Options{
		Region:       s.region,
		BaseEndpoint: s.URL,
		Credentials:  s.Credentials(),
		HTTPClient:   s.HTTPClient(),
	}, optFns...)
}

// AWSConfig returns an aws.Config for this server (region, credentials,
// BaseEndpoint and HTTP client), for customlabels.NewFromConfig or an
// official SDK client such as rekognition.NewFromConfig.
func (s *Server) AWSConfig() aws.Config {
	return aws.Config{
		Region:       s.region,
		Credentials:  s.Credentials(),
		BaseEndpoint: aws.String(s.URL),
		HTTPClient:   s.HTTPClient(),
	}
}

// AddProjects adds projects to the server. A project whose ProjectArn is
// already present replaces it, keeping its place among projects created at
// the same time. A project without a CreationTimestamp gets the server's
// current time. The server keeps its own copies. AddProjects panics on a
// project without a ProjectArn.
//
// The datasets a project lists in Datasets become the datasets the dataset
// operations know, without entries (WithDatasets and AddDataset give
// entries); a project that replaces another has the datasets it lists,
// and a dataset of the server it lists keeps its entries.
//
// A listing in progress neither skips nor repeats a project when others
// are added or removed: its NextToken holds the position of the last
// project returned.
func (s *Server) AddProjects(ps ...customlabels.ProjectDescription) {
	if len(ps) == 0 {
		return
	}
	now, modelNow := s.now(), s.modelNow()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range ps {
		if p.ProjectArn == "" {
			panic("customlabelstest: AddProjects: project without a ProjectArn")
		}
		if p.CreationTimestamp.IsZero() {
			p.CreationTimestamp = now
		}
		s.store.put(p)
		s.registerDatasets(p, modelNow)
	}
}

// RemoveProjects removes the projects with these ARNs, with their project
// versions, project policies and tags, and returns how many projects were
// present.
func (s *Server) RemoveProjects(arns ...string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, arn := range arns {
		if s.dropProject(arn) {
			n++
		}
	}
	return n
}

// removeVersionsOf removes the versions of the project with this key,
// unless another project with the same name remains. s.mu is held.
func (s *Server) removeVersionsOf(project string) {
	for _, e := range s.store.entries {
		if projectKey(e.p.ProjectArn) == project {
			return
		}
	}
	s.versions.removeProject(project)
}

// Projects returns copies of all the server's projects, of every feature,
// in the order DescribeProjects lists them: by creation time.
func (s *Server) Projects() []customlabels.ProjectDescription {
	s.lockSettled()
	defer s.mu.Unlock()
	out := make([]customlabels.ProjectDescription, len(s.store.entries))
	for i, e := range s.store.entries {
		out[i] = copyProject(e.p)
	}
	return out
}

// Requests returns the requests the server has answered, oldest first (at
// most MaxRecordedRequests). They hold no secrets: no signature, secret
// key or session token.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// SetThrottleRPS changes the requests-per-second limit, as WithThrottleRPS
// sets it; zero or less removes it.
func (s *Server) SetThrottleRPS(rps float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttle = newBucket(rps, time.Now())
}

// SetClockOffset moves the server's clock by d from the clock it was
// given, as WithClockOffset does.
func (s *Server) SetClockOffset(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clockOffset = d
}

// now returns the server's time.
func (s *Server) now() time.Time {
	s.mu.Lock()
	off := s.clockOffset
	s.mu.Unlock()
	return s.clock().Add(off)
}

// Request is one request as the server received and answered it. It holds
// no secrets: the Authorization and X-Amz-Security-Token headers are left
// out.
type Request struct {
	// Received is the server's time when the request arrived.
	Received time.Time
	// Method and Path are the HTTP method and URL path.
	Method string
	Path   string
	// Target is the X-Amz-Target header, e.g.
	// "RekognitionService.DescribeProjects".
	Target string
	// S3Operation is the S3 operation a request to the server's S3 was
	// routed to, e.g. "PutObject"; "" for Rekognition requests.
	S3Operation string
	// Header holds the received headers except Authorization and
	// X-Amz-Security-Token.
	Header http.Header
	// Body is the request body as received; nil for the S3 uploads
	// PutObject and UploadPart, whose data is in the store
	// (Server.S3Object).
	Body []byte
	// Input is the body of a DescribeProjects request decoded, when it
	// could be; it is zero for the other operations, whose input is in
	// Params.
	Input customlabels.DescribeProjectsInput
	// Params is the body decoded into the operation's input struct, for
	// every operation the server serves: a *customlabels.XInput for the
	// operation X, such as *customlabels.DescribeProjectsInput or
	// *customlabels.DetectCustomLabelsInput (whose Image.Bytes holds the
	// image sent). It is nil for another target or a body that is not a
	// JSON object of the members' types.
	Params any
	// AccessKeyID is the access key ID the Authorization header names.
	AccessKeyID string
	// RequestID is the X-Amzn-RequestId the server answered with, when it
	// answered as the service.
	RequestID string
	// Status is the HTTP status of the answer; 0 when the connection was
	// dropped without one.
	Status int
	// ErrorCode is the error code the server answered with (without
	// namespace), or "" for a success.
	ErrorCode string
	// Fault describes the injected fault that answered the request, or "".
	Fault string
}

// record stores rec and passes it to the hook.
func (s *Server) record(rec Request) {
	s.mu.Lock()
	if len(s.requests) >= MaxRecordedRequests {
		n := copy(s.requests, s.requests[len(s.requests)-MaxRecordedRequests+1:])
		s.requests = s.requests[:n]
	}
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
	if s.hook != nil {
		s.hook(rec)
	}
}
