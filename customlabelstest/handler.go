package customlabelstest

import (
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"

	"github.com/rekognition-go/customlabels/internal/uuid"
)

// maxRequestBody caps what the server reads of a request body.
const maxRequestBody = 1 << 20

// serveHTTP answers one request: a control API request as control.go
// says; an S3 request as s3_handler.go says; else an injected fault if
// one is queued, else as the service does (authentication, routing,
// throttling, decoding, validation, then the operation).
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if isControlPath(r.URL.Path) {
		s.serveControl(w, r)
		return
	}
	if isS3Request(r) {
		s.serveS3(w, r) // s3_handler.go
		return
	}
	rec := s.newRecord(r)

	// The request is recorded before any byte of the answer goes out, so
	// that a client that has its answer finds it in Requests.
	limit := requestBodyLimit(rec.Target)
	body, err := io.ReadAll(io.LimitReader(r.Body, int64(limit)+1))
	tooLarge := len(body) > limit
	rec.Body = body
	if err != nil && !tooLarge {
		// The client went away while sending.
		s.record(rec)
		return
	}
	op := operations[rec.Target]
	var refuse func(string) *response
	if op != nil && !tooLarge {
		rec.Params, refuse = op.decode(body)
		if in, ok := rec.Params.(*customlabels.DescribeProjectsInput); ok {
			rec.Input = *in
		}
	}
	requestID := uuid.New()

	f, faulted := s.nextFault()
	if faulted {
		rec.Fault = f.String()
		if f.delay > 0 && !s.wait(r, f.delay) {
			s.record(rec)
			return
		}
	}
	if f.kind == faultDrop {
		s.record(rec)
		hijackClose(w)
		return
	}
	resp := f.response(requestID)
	if resp == nil {
		resp = s.answer(r, body, op, rec.Params, refuse, tooLarge, &caller{account: s.accountOf(rec.AccessKeyID), requestID: requestID})
	}
	if f.kind == faultLostAnswer {
		rec.Status, rec.ErrorCode = resp.status, resp.code
		s.record(rec)
		hijackClose(w)
		return
	}
	if faulted && f.retryAfter > 0 {
		resp.header.Set("X-Amz-Retry-After", strconv.FormatInt(f.retryAfter.Milliseconds(), 10))
	}
	if resp.header.Get("X-Amzn-Requestid") != "" {
		rec.RequestID = requestID
	}
	rec.Status, rec.ErrorCode = resp.status, resp.code
	s.writeResponse(w, r, resp, &f, rec)
}

// newRecord returns the record of request r as it arrives, without its
// credentials.
func (s *Server) newRecord(r *http.Request) Request {
	rec := Request{
		Received:    s.now(),
		Method:      r.Method,
		Path:        r.URL.Path,
		Target:      r.Header.Get("X-Amz-Target"),
		Header:      r.Header.Clone(),
		AccessKeyID: accessKeyID(r.Header.Get("Authorization")),
	}
	rec.Header.Del("Authorization")
	rec.Header.Del("X-Amz-Security-Token")
	return rec
}

// writeResponse records rec, then writes resp, its body as the fault f has it
// (cut short, trickled, or whole).
func (s *Server) writeResponse(w http.ResponseWriter, r *http.Request, resp *response, f *Fault, rec Request) {
	if _, ok := resp.header["Date"]; !ok {
		resp.header.Set("Date", s.now().UTC().Format(http.TimeFormat))
	}
	for k, v := range resp.header {
		w.Header()[k] = v
	}
	s.record(rec)
	w.WriteHeader(resp.status)
	switch f.kind {
	case faultTruncated:
		_, _ = w.Write(resp.body[:len(resp.body)/2])
		_ = http.NewResponseController(w).Flush()
		hijackClose(w)
	case faultSlow:
		s.trickle(w, r, resp.body, f.chunk, f.every)
	default:
		_, _ = w.Write(resp.body)
	}
}

// answer is the service's answer to a request: authentication, routing
// by X-Amz-Target to one of the operations, throttling, then the
// operation itself on the params op decoded, unless refuse answers that
// the body is malformed or invalid.
func (s *Server) answer(r *http.Request, body []byte, op *operation, params any, refuse func(string) *response, tooLarge bool, c *caller) *response {
	requestID := c.requestID
	if tooLarge {
		return errorResponse(http.StatusRequestEntityTooLarge, requestID, codeSerialization,
			"The request body is larger than "+strconv.Itoa(requestBodyLimit(r.Header.Get("X-Amz-Target")))+" bytes")
	}
	if s.verify {
		if err := s.authenticate(r, body, s.now()); err != nil {
			return errorResponse(http.StatusBadRequest, requestID, err.code, err.message)
		}
	}
	if r.Method != http.MethodPost || r.URL.Path != "/" {
		return errorResponse(http.StatusBadRequest, requestID, codeUnknownOperation,
			"Only POST / is served; got "+r.Method+" "+truncate(r.URL.Path, 128))
	}
	if op == nil {
		msg := "customlabelstest serves only " + strings.Join(servedTargets(), ", ")
		if r.Header.Get("X-Amz-Target") == "" {
			msg = "Missing X-Amz-Target header; " + msg
		}
		return errorResponse(http.StatusBadRequest, requestID, codeUnknownOperation, msg)
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != contentType {
		return errorResponse(http.StatusBadRequest, requestID, codeSerialization,
			"Content-Type must be "+contentType+", got '"+truncate(r.Header.Get("Content-Type"), 128)+"'")
	}
	if !s.takeToken() {
		return errorResponse(http.StatusInternalServerError, requestID, "ThrottlingException", "Rate exceeded")
	}
	if refuse != nil {
		return refuse(requestID)
	}
	return op.run(s, c, params)
}

// servedTargets returns the X-Amz-Target values served, sorted.
func servedTargets() []string {
	return sortedKeys(operations)
}

// describeProjects answers DescribeProjects: the projects of the features
// asked for (Custom Labels ones when none), by name when names are given,
// oldest first, one page at a time; on a server of several accounts, the
// caller's projects only.
func (s *Server) describeProjects(c *caller, in *customlabels.DescribeProjectsInput) (*customlabels.DescribeProjectsOutput, error) {
	q := query{
		features: map[customlabels.CustomizationFeature]bool{},
		names:    nameSet(in.ProjectNames),
		limit:    pageLimit(in.MaxResults, customlabels.DescribeProjectsMaxResults),
	}
	if s.scoped {
		q.account = c.account
	}
	if len(in.Features) == 0 {
		q.features[customlabels.CustomizationFeatureCustomLabels] = true
	}
	for _, f := range in.Features {
		q.features[f] = true
	}
	if in.NextToken != "" {
		pos, err := s.decodeToken(&q, in.NextToken)
		if err != nil {
			return nil, paginationError(err, "other ProjectNames or Features")
		}
		q.start = &pos
	}

	s.lockSettled()
	items, more := s.store.page(&q)
	s.mu.Unlock()
	out := &customlabels.DescribeProjectsOutput{ProjectDescriptions: make([]customlabels.ProjectDescription, len(items))}
	for i, e := range items {
		out.ProjectDescriptions[i] = e.p // stored entries are never modified: a copy is safe unlocked
	}
	if more {
		out.NextToken = s.encodeToken(&q, items[len(items)-1])
	}
	return out, nil
}

// wait sleeps d and reports whether the request should still be answered:
// false when the client went away or the server is closing.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
	case <-s.done:
	}
	return false
}

// trickle writes body chunk bytes at a time, one chunk every interval.
func (s *Server) trickle(w http.ResponseWriter, r *http.Request, body []byte, chunk int, every time.Duration) {
	rc := http.NewResponseController(w)
	for len(body) > 0 {
		n := min(chunk, len(body))
		if _, err := w.Write(body[:n]); err != nil {
			return
		}
		body = body[n:]
		if err := rc.Flush(); err != nil {
			return
		}
		if len(body) > 0 && !s.wait(r, every) {
			// Flushed above: nothing written is lost.
			hijackClose(w)
			return
		}
	}
}

// hijackClose closes the connection. What the handler wrote and did not
// flush is lost: a caller that wants it sent flushes first.
func hijackClose(w http.ResponseWriter) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Cannot hijack (HTTP/2): abort the response instead.
		panic(http.ErrAbortHandler)
	}
	_ = buf.Flush()
	_ = conn.Close()
}

// bucket is a token bucket: rate tokens per second, up to burst.
type bucket struct {
	rate, burst, tokens float64
	last                time.Time
}

func newBucket(rps float64, now time.Time) *bucket {
	if !(rps > 0) || math.IsInf(rps, 1) {
		return nil
	}
	burst := math.Max(1, math.Ceil(rps))
	return &bucket{rate: rps, burst: burst, tokens: burst, last: now}
}

// takeToken reports whether the request is within the rate limit.
func (s *Server) takeToken() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.throttle
	if b == nil {
		return true
	}
	now := time.Now()
	b.tokens = math.Min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// ServedOperations returns the names of the Rekognition operations the
// server serves, sorted ("CreateProject", "DescribeProjects", ...).
func ServedOperations() []string {
	out := make([]string, 0, len(operations))
	for _, t := range servedTargets() {
		out = append(out, strings.TrimPrefix(t, targetPrefix))
	}
	return out
}
