package benchmarks

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	region    = "us-east-1"
	accessKey = "AKIDBENCHMARK"
	secretKey = "benchmark-secret-key"
	account   = "111122223333"
	requestID = "4c1a5b0e-6a8e-4b6e-9d7e-6f2f4d5c3b2a"

	// listPages × pageSize projects make the full listing.
	listPages = 100
	pageSize  = 100
	// throttledName in ProjectNames asks the server for a ThrottlingException
	// with HTTP status 500, the documented one.
	throttledName = "throttled"
	// errorName in ProjectNames asks for a ThrottlingException with HTTP
	// status 400, as the service also sends it.
	errorName = "error400"
	// listTokenPrefix starts every token of the full listing; the page
	// number follows it.
	listTokenPrefix = "list-"
)

// tokenTail pads tokens to the length of real ones (about 200 characters
// of base64).
var tokenTail = strings.Repeat("AYADeHhY2lUNk5SaE9aR2NvbVdzZkFBQUFBQUFB", 5)

// listToken is the NextToken that asks for page i of the full listing.
func listToken(i int) string { return fmt.Sprintf("%s%03d-%s", listTokenPrefix, i, tokenTail) }

// epoch returns project or dataset k's creation time and its wire form,
// written as AWS writes doubles (1.700000037123E9).
func epoch(k int) (time.Time, string) {
	sec := int64(1_700_000_000 + 37*k)
	ms := int64(k*123%1000 + 1)
	digits := strings.TrimRight(strconv.FormatInt(sec, 10)+fmt.Sprintf("%03d", ms), "0")
	return time.UnixMilli(sec*1000 + ms).UTC(), digits[:1] + "." + digits[1:] + "E9"
}

// projectArn is project k's ARN.
func projectArn(k int) string {
	return fmt.Sprintf("arn:aws:rekognition:%s:%s:project/custom-labels-project-%05d/%d", region, account, k, 1_700_000_000_000+int64(k))
}

// appendProject writes project k: two datasets; every fourth project is a
// Custom Moderation adapter with AutoUpdate.
func appendProject(b []byte, k int) []byte {
	_, created := epoch(k)
	feature, autoUpdate := "CUSTOM_LABELS", ""
	if k%4 == 3 {
		feature, autoUpdate = "CONTENT_MODERATION", `,"AutoUpdate":"ENABLED"`
	}
	b = fmt.Appendf(b, `{"ProjectArn":%q,"CreationTimestamp":%s,"Status":"CREATED","Datasets":[`, projectArn(k), created)
	for i, typ := range []string{"TRAIN", "TEST"} {
		if i > 0 {
			b = append(b, ',')
		}
		_, dsCreated := epoch(k + 1 + i)
		b = fmt.Appendf(b, `{"CreationTimestamp":%s,"DatasetType":%q,"DatasetArn":"%s/dataset/%s/%d","Status":"CREATE_COMPLETE","StatusMessage":"The dataset was successfully created.","StatusMessageCode":"SUCCESS"}`,
			dsCreated, typ, projectArn(k), strings.ToLower(typ), 1_700_000_100_000+int64(k))
	}
	return fmt.Appendf(b, `],"Feature":%q%s}`, feature, autoUpdate)
}

// renderPage renders projects [first, first+n) and next (if not empty).
func renderPage(first, n int, next string) []byte {
	b := []byte(`{"ProjectDescriptions":[`)
	for k := first; k < first+n; k++ {
		if k > first {
			b = append(b, ',')
		}
		b = appendProject(b, k)
	}
	b = append(b, ']')
	if next != "" {
		b = fmt.Appendf(b, `,"NextToken":%q`, next)
	}
	return append(b, '}')
}

// server answers DescribeProjects with pre-rendered bodies, chosen by a
// cheap look at the request body:
//   - "NextToken":"list-NNN…": page NNN of the 10,000-project listing;
//   - "ProjectNames":["throttled"]: a ThrottlingException (HTTP 500);
//   - "ProjectNames":["error400"]: the same ThrottlingException, HTTP 400;
//   - "MaxResults":1: a page of 1 project (with a NextToken);
//   - "MaxResults":100: a page of 100 projects (with a NextToken).
//
// It checks the operation and the credential scope of each request, not
// the signature (TestClientsAgree does that once per client).
type server struct {
	*httptest.Server
	page1, page100, throttled []byte
	list                      [listPages][]byte
	bufs                      sync.Pool
}

var (
	matchToken      = []byte(`"NextToken":"` + listTokenPrefix)
	matchThrottled  = []byte(`"ProjectNames":["` + throttledName + `"]`)
	matchError      = []byte(`"ProjectNames":["` + errorName + `"]`)
	matchMaxResults = []byte(`"MaxResults":`)
	authPrefix      = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/"
	authScope       = "/" + region + "/rekognition/aws4_request, "
)

func newServer(tb testing.TB) *server {
	s := &server{
		page1:     renderPage(0, 1, listToken(900)),
		page100:   renderPage(0, pageSize, listToken(901)),
		throttled: []byte(`{"__type":"ThrottlingException","Message":"Rate exceeded"}`),
	}
	for i := range s.list {
		next := ""
		if i < listPages-1 {
			next = listToken(i + 1)
		}
		s.list[i] = renderPage(i*pageSize, pageSize, next)
	}
	s.bufs.New = func() any { return new(bytes.Buffer) }
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	buf := s.bufs.Get().(*bytes.Buffer)
	defer s.bufs.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(r.Body); err != nil {
		return
	}
	body := buf.Bytes()
	h := w.Header()
	h["X-Amzn-Requestid"] = []string{requestID}
	h["Content-Type"] = []string{"application/x-amz-json-1.1"}
	auth := r.Header.Get("Authorization")
	if r.Method != http.MethodPost || r.URL.Path != "/" ||
		r.Header.Get("X-Amz-Target") != "RekognitionService.DescribeProjects" ||
		!strings.HasPrefix(auth, authPrefix) || !strings.Contains(auth, authScope) {
		s.write(w, http.StatusBadRequest, []byte(`{"__type":"ValidationException","Message":"unexpected request"}`))
		return
	}
	switch {
	case bytes.Contains(body, matchToken):
		i := bytes.Index(body, matchToken) + len(matchToken)
		n := 0
		for ; i < len(body) && '0' <= body[i] && body[i] <= '9'; i++ {
			n = n*10 + int(body[i]-'0')
		}
		if n >= listPages {
			s.write(w, http.StatusBadRequest, []byte(`{"__type":"InvalidPaginationTokenException","Message":"bad token"}`))
			return
		}
		s.write(w, http.StatusOK, s.list[n])
	case bytes.Contains(body, matchThrottled):
		// The documented status of ThrottlingException.
		s.write(w, http.StatusInternalServerError, s.throttled)
	case bytes.Contains(body, matchError):
		s.write(w, http.StatusBadRequest, s.throttled)
	case maxResults(body) == 1:
		s.write(w, http.StatusOK, s.page1)
	case maxResults(body) == pageSize:
		s.write(w, http.StatusOK, s.page100)
	default:
		s.write(w, http.StatusBadRequest, []byte(`{"__type":"ValidationException","Message":"unexpected body"}`))
	}
}

func maxResults(body []byte) int {
	i := bytes.Index(body, matchMaxResults)
	if i < 0 {
		return 0
	}
	n := 0
	for i += len(matchMaxResults); i < len(body) && '0' <= body[i] && body[i] <= '9'; i++ {
		n = n*10 + int(body[i]-'0')
	}
	return n
}

func (s *server) write(w http.ResponseWriter, status int, body []byte) {
	w.Header()["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
