package customlabels_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/sigv4check"
	"github.com/rekognition-go/customlabels/internal/timestamp"
)

// Credentials the list server accepts. The secret is never printed.
const (
	listAccessKey = "AKIDLISTSERVER"
	listSecretKey = "list-server-secret-never-printed"
	listRegion    = "us-east-1"
)

// listServer is a small DescribeProjects service on 127.0.0.1 that speaks
// the real wire protocol (POST /, X-Amz-Target, awsJson1_1 bodies, epoch
// timestamps as numbers, SigV4 verified over the signed headers) and
// paginates like Rekognition: pages of MaxResults (default 100), filters on
// ProjectNames and Features (absent Features means CUSTOM_LABELS), and
// NextTokens bound to the filters but not to the page size. It counts the
// requests it receives and records their inputs.
type listServer struct {
	*httptest.Server
	projects []customlabels.ProjectDescription
	encoded  [][]byte // each project's JSON

	requests atomic.Int64

	mu      sync.Mutex
	matches map[string][]int // query key -> indexes of matching projects
	inputs  []listInput
	faults  listFaults
}

// listFaults make the server misbehave.
type listFaults struct {
	// repeatTokens answers every request that sends a NextToken with that
	// same token, as a broken service might.
	repeatTokens bool
	// fail, when set, is asked for each request (numbered from 1); true
	// answers it with a 500 InternalServerError.
	fail func(request int) bool
}

// setFaults replaces the server's faults.
func (s *listServer) setFaults(f listFaults) {
	s.mu.Lock()
	s.faults = f
	s.mu.Unlock()
}

// listInput is a request body as the server decoded it; nil means absent.
type listInput struct {
	NextToken    *string
	MaxResults   *int32
	ProjectNames []string
	Features     []string
}

// newListServer starts a server holding projects, in listing order.
func newListServer(projects []customlabels.ProjectDescription) *listServer {
	s := &listServer{projects: projects, matches: map[string][]int{}}
	s.encoded = make([][]byte, len(projects))
	for i, p := range projects {
		s.encoded[i] = encodeProject(p)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// client returns a client of s with static credentials and retries
// without backoff delay.
func (s *listServer) client(optFns ...func(*customlabels.Options)) *customlabels.Client {
	return customlabels.New(customlabels.Options{
		Region:       listRegion,
		BaseEndpoint: s.URL,
		Credentials:  credentials.NewStaticCredentialsProvider(listAccessKey, listSecretKey, ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
	}, optFns...)
}

// Requests returns the number of requests received.
func (s *listServer) Requests() int { return int(s.requests.Load()) }

// Inputs returns the request bodies received, in order.
func (s *listServer) Inputs() []listInput {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.inputs)
}

func (s *listServer) serve(w http.ResponseWriter, r *http.Request) {
	n := int(s.requests.Add(1))
	w.Header().Set("X-Amzn-RequestId", "req-"+strconv.Itoa(n))
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	switch {
	case r.Method != http.MethodPost || r.URL.Path != "/":
		writeListError(w, 404, "UnknownOperationException", "POST / only")
		return
	case r.Header.Get("X-Amz-Target") != "RekognitionService.DescribeProjects":
		writeListError(w, 400, "UnknownOperationException", "bad X-Amz-Target")
		return
	case r.Header.Get("Content-Type") != "application/x-amz-json-1.1":
		writeListError(w, 400, "SerializationException", "bad Content-Type")
		return
	case !validSignature(r, body):
		writeListError(w, 403, "InvalidSignatureException", "signature does not match")
		return
	}
	var in listInput
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeListError(w, 400, "SerializationException", err.Error())
		return
	}
	s.mu.Lock()
	s.inputs = append(s.inputs, in)
	faults := s.faults
	s.mu.Unlock()
	if faults.fail != nil && faults.fail(n) {
		writeListError(w, 500, "InternalServerError", "injected failure")
		return
	}

	size := 100
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 100 {
			writeListError(w, 400, "ValidationException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint")
			return
		}
		size = int(*in.MaxResults)
	}
	key, matching := s.match(in)
	offset := 0
	if in.NextToken != nil && *in.NextToken != "" {
		k, off, ok := strings.Cut(*in.NextToken, "~")
		o, err := strconv.Atoi(off)
		if !ok || k != key || err != nil || o < 0 || o > len(matching) {
			writeListError(w, 400, "InvalidPaginationTokenException", "Invalid pagination token.")
			return
		}
		offset = o
	}
	end := min(offset+size, len(matching))

	bufSize := 64 + 2*len(key)
	for _, idx := range matching[offset:end] {
		bufSize += len(s.encoded[idx]) + 1
	}
	out := make([]byte, 0, bufSize)
	out = append(out, `{"ProjectDescriptions":[`...)
	for i, idx := range matching[offset:end] {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, s.encoded[idx]...)
	}
	out = append(out, ']')
	next := ""
	if end < len(matching) {
		next = key + "~" + strconv.Itoa(end)
	}
	if faults.repeatTokens && in.NextToken != nil && *in.NextToken != "" {
		next = *in.NextToken
	}
	if next != "" {
		out = append(out, `,"NextToken":`...)
		out = strconv.AppendQuote(out, next)
	}
	out = append(out, '}')
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_, _ = w.Write(out)
}

// match returns the query's key, which NextTokens carry, and the indexes
// of the projects it selects, computed once per query.
func (s *listServer) match(in listInput) (string, []int) {
	features := in.Features
	if len(features) == 0 {
		features = []string{"CUSTOM_LABELS"}
	}
	sum := sha256.Sum256([]byte(strings.Join(in.ProjectNames, "/") + "|" + strings.Join(features, "/")))
	key := hex.EncodeToString(sum[:6])
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.matches[key]; ok {
		return key, m
	}
	m := []int{}
	for i, p := range s.projects {
		if slices.Contains(features, string(p.Feature)) &&
			(len(in.ProjectNames) == 0 || slices.Contains(in.ProjectNames, projectName(p.ProjectArn))) {
			m = append(m, i)
		}
	}
	s.matches[key] = m
	return key, m
}

// projectName extracts the name from a project ARN.
func projectName(arn string) string {
	_, rest, _ := strings.Cut(arn, ":project/")
	name, _, _ := strings.Cut(rest, "/")
	return name
}

func writeListError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	b, _ := json.Marshal(map[string]string{"__type": code, "message": message})
	_, _ = w.Write(b)
}

// validSignature recomputes r's SigV4 signature over exactly the headers
// it lists and compares it, as the service does, for the test server's
// key and region.
func validSignature(r *http.Request, body []byte) bool {
	a, err := sigv4check.Parse(r.Header.Get("Authorization"))
	if err != nil || a.KeyID != listAccessKey || a.Region != listRegion || a.Service != "rekognition" {
		return false
	}
	return sigv4check.Verify(r, body, listSecretKey) == nil
}

// makeProjects returns n Custom Labels projects in creation order, each
// with a training dataset and a creation time exact to the nanosecond.
func makeProjects(n int) []customlabels.ProjectDescription {
	ps := make([]customlabels.ProjectDescription, n)
	for i := range ps {
		name := fmt.Sprintf("project-%05d", i)
		created := time.Unix(1600000000+int64(i)*60, 123456789).UTC()
		arn := fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/%s/%d", name, created.UnixMilli())
		ps[i] = customlabels.ProjectDescription{
			ProjectArn:        arn,
			CreationTimestamp: created,
			Status:            customlabels.ProjectStatusCreated,
			Feature:           customlabels.CustomizationFeatureCustomLabels,
			Datasets: []customlabels.DatasetMetadata{{
				CreationTimestamp: created.Add(time.Minute),
				DatasetType:       customlabels.DatasetTypeTrain,
				DatasetArn:        fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/%s/dataset/train/%d", name, created.UnixMilli()+60000),
				Status:            customlabels.DatasetStatusCreateComplete,
				StatusMessage:     "The dataset was successfully created.",
				StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess,
			}},
		}
	}
	return ps
}

// leanProjects returns n projects with only an ARN, a creation time and a
// status: the smallest pages, for listings of many projects.
func leanProjects(n int) []customlabels.ProjectDescription {
	ps := make([]customlabels.ProjectDescription, n)
	for i := range ps {
		created := time.Unix(1600000000+int64(i)*60, 123456789).UTC()
		ps[i] = customlabels.ProjectDescription{
			ProjectArn:        fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/project-%05d/%d", i, created.UnixMilli()),
			CreationTimestamp: created,
			Status:            customlabels.ProjectStatusCreated,
			Feature:           customlabels.CustomizationFeatureCustomLabels,
		}
	}
	return ps
}

type wireDataset struct {
	CreationTimestamp json.RawMessage `json:"CreationTimestamp"`
	DatasetType       string          `json:"DatasetType"`
	DatasetArn        string          `json:"DatasetArn"`
	Status            string          `json:"Status"`
	StatusMessage     string          `json:"StatusMessage,omitempty"`
	StatusMessageCode string          `json:"StatusMessageCode,omitempty"`
}

type wireProject struct {
	ProjectArn        string          `json:"ProjectArn"`
	CreationTimestamp json.RawMessage `json:"CreationTimestamp"`
	Status            string          `json:"Status"`
	Datasets          []wireDataset   `json:"Datasets,omitempty"`
	Feature           string          `json:"Feature,omitempty"`
	AutoUpdate        string          `json:"AutoUpdate,omitempty"`
}

// encodeProject writes p as the service does, timestamps as AWS's double
// style numbers ("1.600000000123456789E9").
func encodeProject(p customlabels.ProjectDescription) []byte {
	w := wireProject{
		ProjectArn:        p.ProjectArn,
		CreationTimestamp: timestamp.Append(nil, p.CreationTimestamp),
		Status:            string(p.Status),
		Feature:           string(p.Feature),
		AutoUpdate:        string(p.AutoUpdate),
	}
	for _, d := range p.Datasets {
		w.Datasets = append(w.Datasets, wireDataset{
			CreationTimestamp: timestamp.Append(nil, d.CreationTimestamp),
			DatasetType:       string(d.DatasetType),
			DatasetArn:        d.DatasetArn,
			Status:            string(d.Status),
			StatusMessage:     d.StatusMessage,
			StatusMessageCode: string(d.StatusMessageCode),
		})
	}
	b, err := json.Marshal(w)
	if err != nil {
		panic(err)
	}
	return b
}
