// Command customlabels-fake runs the customlabelstest fake Amazon
// Rekognition endpoint as a process, so that any client (customlabels, the
// official AWS SDKs, boto3, the AWS CLI) can list Custom Labels projects
// and their models, create, fill, list and distribute datasets from
// manifests, start and stop models, and run DetectCustomLabels on running
// ones, without an AWS account. On the same address it serves the
// S3 calls of the Custom Labels workflow, in memory, so that the same
// clients upload manifests and images and read results there.
//
// Usage:
//
//	customlabels-fake [flags]
//
// It prints "listening on http://127.0.0.1:PORT" as the first line of its
// standard output, then serves until SIGINT or SIGTERM, on which it
// finishes the requests in flight and exits with status 0. One line per
// request goes to standard error unless --quiet. Point a client at it with
// the printed URL, region us-east-1 and the fake credentials:
//
//	go build -o customlabels-fake ./cmd/customlabels-fake
//	./customlabels-fake --projects 30 &
//	AWS_ACCESS_KEY_ID=AKIDFAKECUSTOMLABELS \
//	AWS_SECRET_ACCESS_KEY=customlabelstest-fake-secret-not-an-aws-key \
//	aws --endpoint-url http://127.0.0.1:PORT --region us-east-1 rekognition describe-projects
//	kill %1
//
// Run a built binary (go build -o or go install) when something else will
// stop it with a signal: "go run" does not pass SIGTERM on to the program
// it runs, so a kill of "go run" leaves the fake serving.
//
// S3 is served path-style (http://127.0.0.1:PORT/BUCKET/KEY), signed with
// the same credentials for service s3: CreateBucket, DeleteBucket,
// HeadBucket, ListBuckets, GetBucketLocation, PutObject, GetObject,
// HeadObject, DeleteObject, DeleteObjects, CopyObject, ListObjectsV2,
// ListObjects and multipart uploads (which the AWS CLI uses from 8 MiB):
//
//	aws --endpoint-url http://127.0.0.1:PORT s3 mb s3://datasets
//	aws --endpoint-url http://127.0.0.1:PORT s3 cp train.manifest s3://datasets/
//	aws --endpoint-url http://127.0.0.1:PORT s3 ls s3://datasets/
//
// Objects are at most 64 MiB, 1 GiB and 100,000 of them in all; the
// customlabelstest documentation lists the limits and what is not served.
// DetectCustomLabels reads its Image.S3Object from the same store. With
// --s3-endpoint the fake reads and writes the workflow's objects in another
// S3-compatible server (moto, MinIO) instead, and answers S3 requests made
// to it with NotImplemented naming that server; the s3objects control
// resource and DetectCustomLabels still use the in-memory objects.
//
// Under http://127.0.0.1:PORT/_customlabels/ it serves the control API of
// package customlabelstest (see its documentation, and --help): tests in
// any language queue faults (faults), set the throttle and the clock
// (throttle, clock), add and remove projects and their versions
// (projects, versions), move the models' clock on (advance), make a
// training or a start fail (failures), set the labels models answer and
// the S3 images they read (models, s3objects), seed datasets from
// manifest text and make a dataset's creation or update fail (datasets,
// datasetfailures), read the request log (requests) and reset the fake
// (reset) with plain HTTP and JSON, no AWS credentials needed:
//
//	curl -s -H 'Content-Type: application/json' \
//	  -d '{"Kind":"exception","Code":"ThrottlingException","Count":2}' \
//	  http://127.0.0.1:PORT/_customlabels/faults
//
// Models (project versions) run through their lifecycle on the server's
// clock: start-project-version answers STARTING, and the model is RUNNING
// once --starting-time has passed (then `aws rekognition wait
// project-version-running` returns); stop-project-version answers
// STOPPING, and the model is STOPPED after --stopping-time; a model
// trained with create-project-version (from manifests uploaded to the
// fake's S3) is TRAINING_COMPLETED, or TRAINING_FAILED with the reason its
// data fails, after --training-time; a copy-project-version copy is
// COPYING_COMPLETED after --copy-time. The defaults are short so that a
// demo shows every status within minutes; 0 makes a change instant.
//
// Flags:
//
//	--addr ADDR              listen address, a loopback one (default 127.0.0.1:0, a free port)
//	--projects N             serve N demo projects, with their models (default 20; 0 with --data unless given)
//	--seed N                 seed of the demo projects (default 1)
//	--data FILE              serve the projects and models of FILE: what `aws rekognition describe-projects`
//	                         prints, then what describe-project-versions prints for each project (one JSON value
//	                         or several; see customlabelstest.ParseData); a record the service would never send
//	                         (an ARN not of the model's pattern, an unknown status) is refused, naming it
//	--training-time D        how long a training in progress lasts, a Go duration (default 5m; 0 instant)
//	--starting-time D        how long a model is STARTING (default 1m; 0 instant)
//	--stopping-time D        how long a model is STOPPING (default 30s; 0 instant)
//	--copy-time D            how long a copy is COPYING_IN_PROGRESS (default 2m; 0 instant)
//	--project-time D         how long a new project is CREATING (default 5s; 0 instant)
//	--dataset-time D         how long a dataset is CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS (default 30s; 0 instant)
//	--deleting-time D        how long a project, dataset or version is being deleted (default 10s; 0 instant)
//	--inference-units-limit N  refuse starts over N inference units in use with LimitExceededException (default no limit)
//	--labels NAMES           comma-separated labels every RUNNING model finds, confidences a function of the image
//	                         (default object,background; "" for none); the control API's models resource sets others
//	--access-key-id ID       access key ID to accept
//	--secret-access-key KEY  secret access key to accept
//	--session-token TOKEN    session token to require
//	--account KEY=ACCOUNT    also accept access key ID KEY, acting in AWS account ACCOUNT (repeatable)
//	--region REGION          region signatures must be scoped to (default us-east-1)
//	--no-verify              accept requests without checking signatures
//	--throttle-rps R         answer ThrottlingException above R requests per second
//	--s3-endpoint URL        keep the workflow's S3 objects in the S3-compatible server at URL, not in memory here
//	--quiet                  do not log requests
//	--version                print the version (customlabels.Version) and exit
//
// The exit status is 0 after a clean stop, 1 when the server cannot start
// (address in use, unreadable data file) and 2 on a usage error, such as an
// address that is not a loopback address: the fake never listens on a
// network other machines reach.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usageHead = `usage: customlabels-fake [flags]

Serves a fake Amazon Rekognition (the operations below) on a loopback address,
and on the same address the S3 calls of the Custom Labels workflow. The first
line of standard output is "listening on http://127.0.0.1:PORT"; it serves
until SIGINT or SIGTERM. Run a built binary (go build -o, go install) to stop
it with kill: "go run" does not pass SIGTERM on.

Flags:
`

const usageTail = `
S3, path-style (http://127.0.0.1:PORT/BUCKET/KEY), SigV4 for service s3 with the
same credentials, in memory (objects up to 64 MiB, 1 GiB and 100,000 objects in all):
  buckets     CreateBucket, DeleteBucket, HeadBucket, ListBuckets, GetBucketLocation
  objects     PutObject, GetObject (Range, conditions), HeadObject, DeleteObject,
              DeleteObjects, CopyObject, ListObjectsV2, ListObjects
  multipart   CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
              AbortMultipartUpload (aws s3 cp uses them from 8 MiB)
  not served  versioning, ACLs, policies, tagging, presigned URLs, SSE-KMS/SSE-C,
              ListParts, ListMultipartUploads, UploadPartCopy: NotImplemented (501)
  e.g.        aws --endpoint-url http://127.0.0.1:PORT s3 cp train.manifest s3://datasets/
DetectCustomLabels reads Image.S3Object from the same objects. With --s3-endpoint
the fake reads and writes the workflow's objects in that server instead, and S3
requests here answer NotImplemented (the s3objects resource and DetectCustomLabels
still use the in-memory objects).

Control API (loopback clients only, no AWS credentials, JSON bodies with
Content-Type application/json), under http://127.0.0.1:PORT/_customlabels/:
  GET|POST|DELETE faults     list, queue ({"Kind":"exception","Code":"ThrottlingException","Count":2}), clear;
                             kinds: exception, latency, truncated-body, drop-connection, lost-answer
                             (the request takes effect, the answer is lost), proxy-error,
                             slow-body, redirect, raw-response (botocore 1.29, Debian 12's python3-botocore,
                             reads truncated-body as an empty success; newer botocore retries it)
  GET|PUT         throttle   {"RPS":5}, 0 for no limit
  GET|PUT         clock      {"Offset":"-10m"}
  GET|POST|DELETE projects   list, add (JSON as --data: projects and their versions), remove ({"ProjectArns":[...]})
  GET|POST|DELETE versions   list, add ({"ProjectVersionDescriptions":[...]}), remove ({"ProjectVersionArns":[...]})
  GET|POST        advance    the models' clock: read it, move it on ({"By":"10m"}) to end trainings, starts, stops
  POST            failures   make a training or a start fail ({"ProjectVersionArn":...,"Stage":"training"|"start"});
                             without ProjectVersionArn, Stage training: the next CreateProjectVersion's
  GET|PUT|DELETE  models     how RUNNING models answer DetectCustomLabels ({"ProjectVersionArn":...,"Labels":[...]})
  GET|POST|DELETE s3objects  images for Image.S3Object ({"Bucket":"b","Name":"k.jpg","Bytes":"<base64>"})
  GET|POST|DELETE datasets   list, add ({"ProjectArn":...,"DatasetType":"TRAIN","Manifest":"<JSON lines>"}),
                             remove ({"DatasetArns":[...]})
  POST            datasetfailures  fail the next CreateDataset, or a dataset's creation or update
                             ({"DatasetArn":...,"Message":"ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM"})
  GET|DELETE      requests   the request log (no secrets), clear it
  POST            reset      back to the start: projects, versions, datasets, models, S3 objects, no faults, empty log
GET /_customlabels/ lists them; the customlabelstest package documentation has every field.
`

// errUsage marks an error in the command line.
var errUsage = errors.New("usage")

// errVersion is --version: print the version, serve nothing.
var errVersion = errors.New("version")

type options struct {
	addr        string
	projects    int
	seed        int64
	data        string
	keyID       string
	secret      string
	token       string
	region      string
	noVerify    bool
	throttleRPS float64
	quiet       bool
	s3Endpoint  string

	trainingTime time.Duration
	startingTime time.Duration
	stoppingTime time.Duration
	copyTime     time.Duration
	projectTime  time.Duration
	datasetTime  time.Duration
	deletingTime time.Duration
	unitsLimit   int
	labels       []string
	accounts     [][2]string // of --account: access key ID, account ID
}

// newFlagSet returns the command's flags, which set o; labels and
// version are the values of --labels and --version.
func newFlagSet(o *options) (fs *flag.FlagSet, labels *string, version *bool) {
	fs = flag.NewFlagSet("customlabels-fake", flag.ContinueOnError)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "listen `address`; only loopback addresses are allowed")
	fs.IntVar(&o.projects, "projects", 20, "serve `N` demo projects, with their models; with --data, 0 unless given")
	fs.Int64Var(&o.seed, "seed", 1, "`seed` of the demo projects")
	fs.StringVar(&o.data, "data", "", "serve the projects and versions of `FILE`: what aws rekognition describe-projects prints, then describe-project-versions for each project; every record is checked as the service model has it")
	fs.StringVar(&o.keyID, "access-key-id", customlabelstest.DefaultAccessKeyID, "access key `ID` to accept")
	fs.StringVar(&o.secret, "secret-access-key", customlabelstest.DefaultSecretAccessKey, "secret access `key` to accept")
	fs.StringVar(&o.token, "session-token", "", "session `token` every request must carry (default none)")
	fs.StringVar(&o.region, "region", customlabelstest.DefaultRegion, "`region` signatures must be scoped to")
	fs.BoolVar(&o.noVerify, "no-verify", false, "accept requests without checking their signatures")
	fs.Float64Var(&o.throttleRPS, "throttle-rps", 0, "answer ThrottlingException above `R` requests per second (default no limit)")
	fs.BoolVar(&o.quiet, "quiet", false, "do not log requests to standard error")
	fs.StringVar(&o.s3Endpoint, "s3-endpoint", "", "read and write the workflow's S3 objects in the S3-compatible server at `URL` (e.g. moto) instead of in memory here; signed with the credentials above")
	fs.DurationVar(&o.trainingTime, "training-time", 5*time.Minute, "how long a training in progress lasts, a Go `duration`; 0 is instant")
	fs.DurationVar(&o.startingTime, "starting-time", time.Minute, "how long a started model is STARTING before RUNNING, a Go `duration`; 0 is instant")
	fs.DurationVar(&o.stoppingTime, "stopping-time", 30*time.Second, "how long a stopped model is STOPPING before STOPPED, a Go `duration`; 0 is instant")
	fs.DurationVar(&o.copyTime, "copy-time", 2*time.Minute, "how long a model copied with CopyProjectVersion is COPYING_IN_PROGRESS before COPYING_COMPLETED, a Go `duration`; 0 is instant")
	fs.DurationVar(&o.projectTime, "project-time", customlabelstest.DefaultProjectTime, "how long a project made with CreateProject is CREATING before CREATED, a Go `duration`; 0 is instant")
	fs.DurationVar(&o.datasetTime, "dataset-time", customlabelstest.DefaultDatasetTime, "how long a dataset is CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS, a Go `duration`; 0 is instant")
	fs.DurationVar(&o.deletingTime, "deleting-time", customlabelstest.DefaultDeletingTime, "how long a project, dataset or version being deleted lasts before it is gone, a Go `duration`; 0 is instant")
	version = fs.Bool("version", false, "print the version and exit")
	labels = fs.String("labels", "object,background", "comma-separated label `names` every RUNNING model finds in an image, with confidences a function of the image (\"\" for none)")
	fs.IntVar(&o.unitsLimit, "inference-units-limit", 0, "answer LimitExceededException to a start that would put more than `N` inference units in use (default no limit)")
	fs.Func("account", "also accept access key `KEY=ACCOUNT`, whose requests act in that 12-digit AWS account (repeatable)", func(v string) error {
		key, account, ok := strings.Cut(v, "=")
		if !ok || key == "" || len(account) != 12 || strings.Trim(account, "0123456789") != "" {
			return fmt.Errorf("want ACCESS_KEY_ID=ACCOUNT_ID with a 12-digit account ID, got %q", v)
		}
		o.accounts = append(o.accounts, [2]string{key, account})
		return nil
	})
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHead)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), "\nRekognition operations served:\n"+wrap(strings.Join(customlabelstest.ServedOperations(), ", "), 80, "  "))
		fmt.Fprint(fs.Output(), usageTail)
	}
	return fs, labels, version
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs, labels, version := newFlagSet(o)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *version {
		return nil, errVersion
	}
	for _, name := range strings.Split(*labels, ",") {
		if name = strings.TrimSpace(name); name != "" {
			o.labels = append(o.labels, name)
		}
	}
	explicit := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	if o.data != "" && !explicit["projects"] {
		o.projects = 0
	}
	switch {
	case o.projects < 0:
		return nil, fmt.Errorf("%w: --projects must be 0 or more, got %d", errUsage, o.projects)
	case o.throttleRPS < 0:
		return nil, fmt.Errorf("%w: --throttle-rps must be 0 or more, got %v", errUsage, o.throttleRPS)
	case o.trainingTime < 0 || o.startingTime < 0 || o.stoppingTime < 0 || o.copyTime < 0 ||
		o.projectTime < 0 || o.datasetTime < 0 || o.deletingTime < 0:
		return nil, fmt.Errorf("%w: --training-time, --starting-time, --stopping-time, --copy-time, --project-time, --dataset-time and --deleting-time must be 0 or more", errUsage)
	case o.unitsLimit < 0:
		return nil, fmt.Errorf("%w: --inference-units-limit must be 0 or more, got %d", errUsage, o.unitsLimit)
	case o.keyID == "" || o.secret == "":
		return nil, fmt.Errorf("%w: --access-key-id and --secret-access-key must not be empty", errUsage)
	case o.region == "":
		return nil, fmt.Errorf("%w: --region must not be empty", errUsage)
	}
	if err := checkLoopback(o.addr); err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if o.s3Endpoint != "" {
		if _, err := customlabelstest.ParseS3Endpoint(o.s3Endpoint); err != nil {
			return nil, fmt.Errorf("%w: --s3-endpoint: %v", errUsage, err)
		}
	}
	return o, nil
}

// checkLoopback refuses an address that would listen beyond this machine.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %v", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--addr %q is not a loopback address (use 127.0.0.1, [::1] or localhost): the fake must not be reachable from other machines", addr)
	}
	return nil
}

// run runs the command until ctx ends and returns its exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errVersion):
		fmt.Fprintf(stdout, "customlabels-fake %s\n", customlabels.Version)
		return 0
	case err != nil:
		if err != errUsage { // flag already printed its own message
			fmt.Fprintln(stderr, "customlabels-fake:", err)
		}
		return 2
	}
	d, err := loadData(o)
	if err != nil {
		fmt.Fprintln(stderr, "customlabels-fake:", err)
		return 1
	}
	l, code := listen(o.addr, stderr)
	if l == nil {
		return code
	}
	srv := customlabelstest.NewServer(serverOptions(o, l, d, stderr)...)
	// The banner is written whole, and before the URL that clients wait
	// for: request log lines never land in the middle of it.
	io.WriteString(stderr, banner(o, d, srv))
	fmt.Fprintf(stdout, "listening on %s\n", srv.URL)

	<-ctx.Done()
	srv.Close()
	fmt.Fprintln(stderr, "customlabels-fake: stopped")
	return 0
}

// loadData returns the projects and versions to serve: those of --data,
// then the demo ones.
func loadData(o *options) (customlabelstest.Data, error) {
	var d customlabelstest.Data
	if o.data != "" {
		data, err := os.ReadFile(o.data)
		if err != nil {
			return d, err
		}
		d, err = customlabelstest.ParseData(data)
		if err != nil {
			return d, fmt.Errorf("%s: %v", o.data, err)
		}
	}
	demo := customlabelstest.DemoData(o.region, o.projects, o.seed)
	d.Projects = append(d.Projects, demo.Projects...)
	d.ProjectVersions = append(d.ProjectVersions, demo.ProjectVersions...)
	return d, nil
}

// listen listens on addr, which must resolve to a loopback address. When
// it cannot, it says why on stderr and returns a nil listener and the
// exit status.
func listen(addr string, stderr io.Writer) (net.Listener, int) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(stderr, "customlabels-fake:", err)
		return nil, 1
	}
	if a, ok := l.Addr().(*net.TCPAddr); !ok || !a.IP.IsLoopback() {
		l.Close()
		fmt.Fprintf(stderr, "customlabels-fake: %s resolved to %s, which is not a loopback address\n", addr, l.Addr())
		return nil, 2
	}
	return l, 0
}

// serverOptions returns the options of the server the flags describe,
// serving d on l and logging requests to stderr unless --quiet.
func serverOptions(o *options, l net.Listener, d customlabelstest.Data, stderr io.Writer) []customlabelstest.Option {
	opts := []customlabelstest.Option{
		customlabelstest.WithListener(l),
		customlabelstest.WithProjects(d.Projects...),
		customlabelstest.WithProjectVersions(d.ProjectVersions...),
		customlabelstest.WithTrainingTime(o.trainingTime),
		customlabelstest.WithStartingTime(o.startingTime),
		customlabelstest.WithStoppingTime(o.stoppingTime),
		customlabelstest.WithCopyTime(o.copyTime),
		customlabelstest.WithProjectTime(o.projectTime),
		customlabelstest.WithDatasetTime(o.datasetTime),
		customlabelstest.WithDeletingTime(o.deletingTime),
		customlabelstest.WithInferenceUnitsLimit(o.unitsLimit),
		customlabelstest.WithCredentials(o.keyID, o.secret, o.token),
		customlabelstest.WithRegion(o.region),
		customlabelstest.WithThrottleRPS(o.throttleRPS),
	}
	if o.noVerify {
		opts = append(opts, customlabelstest.WithoutSignatureVerification())
	}
	if o.s3Endpoint != "" {
		opts = append(opts, customlabelstest.WithS3Endpoint(o.s3Endpoint))
	}
	for _, a := range o.accounts {
		opts = append(opts, customlabelstest.WithAccount(a[0], a[1]))
	}
	if len(o.labels) > 0 {
		for _, v := range d.ProjectVersions {
			opts = append(opts, customlabelstest.WithModel(v.ProjectVersionArn, customlabelstest.Model{Detect: customlabelstest.HashLabels(o.labels...)}))
		}
	}
	if !o.quiet {
		logger := &requestLogger{w: stderr}
		opts = append(opts, customlabelstest.WithRequestHook(logger.log))
	}
	return opts
}

// banner returns the lines that say what srv serves and how.
func banner(o *options, d customlabelstest.Data, srv *customlabelstest.Server) string {
	verify := "signatures verified"
	if o.noVerify {
		verify = "signatures not verified"
	}
	token := ""
	if o.token != "" {
		token = " with a session token"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "customlabels-fake: %d projects, %d models, region %s, access key ID %s%s, %s",
		len(d.Projects), len(d.ProjectVersions), o.region, o.keyID, token, verify)
	if o.throttleRPS > 0 {
		fmt.Fprintf(&b, ", throttled above %s requests/s", strconv.FormatFloat(o.throttleRPS, 'g', -1, 64))
	}
	fmt.Fprintf(&b, "; models train in %s, copy in %s, start in %s, stop in %s", o.trainingTime, o.copyTime, o.startingTime, o.stoppingTime)
	if o.unitsLimit > 0 {
		fmt.Fprintf(&b, ", at most %d inference units", o.unitsLimit)
	}
	b.WriteString("; stop with Ctrl-C or SIGTERM\n")
	if o.s3Endpoint != "" {
		fmt.Fprintf(&b, "customlabels-fake: S3 objects in %s (--s3-endpoint); S3 requests here answer NotImplemented\n", o.s3Endpoint)
	} else {
		fmt.Fprintf(&b, "customlabels-fake: S3 at %s/BUCKET/KEY (path-style, in memory)\n", srv.URL)
	}
	fmt.Fprintf(&b, "customlabels-fake: control API at %s (GET it for its resources)\n", srv.ControlURL())
	return b.String()
}

// wrap breaks text into lines of at most width characters, each starting
// with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > width && line != indent {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += w
	}
	return b.String() + line + "\n"
}
