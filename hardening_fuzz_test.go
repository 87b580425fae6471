package customlabels_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels"
)

// fuzzResponse is what the server of FuzzDescribeProjectsResponse answers.
type fuzzResponse struct {
	status                                  int
	contentType, errorType, date, requestID string
	body                                    []byte
}

// FuzzDescribeProjectsResponse feeds whole responses to the client over
// real HTTP: any status from 200 to 599, any Content-Type,
// X-Amzn-ErrorType, Date and X-Amzn-RequestId, any body. Whatever arrives,
// the call returns an output or an *smithy.OperationError, never both or
// neither, never a panic; the error text and the request ID are bounded
// and hold no secret; and a skewed Date does not break the next call.
func FuzzDescribeProjectsResponse(f *testing.F) {
	f.Add(200, "application/x-amz-json-1.1", "", "", "rid", []byte(`{"ProjectDescriptions":[{"ProjectArn":"a","CreationTimestamp":1.7E9,"Datasets":[{}]}],"NextToken":"n"}`))
	f.Add(200, "", "", "", "", []byte(``))
	f.Add(200, "", "", "", "", []byte(`null`))
	f.Add(400, "application/x-amz-json-1.1", "", "Mon, 02 Jan 2006 15:04:05 GMT", "rid", []byte(`{"__type":"com.amazonaws.rekognition#InvalidSignatureException:http://x","message":"Signature expired"}`))
	f.Add(500, "", "ThrottlingException", "", "", []byte(`{}`))
	f.Add(503, "text/html", "", "", "", []byte(`<html><body>Service Unavailable</body></html>`))
	f.Add(302, "text/html", "", "", "", []byte(`moved`))
	f.Add(400, "application/json", "", "", "", []byte(`{"code":7,"Code":"AccessDeniedException","Message":"\u0000\u001b[31m"}`))
	f.Add(200, "application/x-amz-json-1.1", "", "Thu, 01 Jan 1970 00:00:00 GMT", "", []byte(`{"ProjectDescriptions":[{"CreationTimestamp":1e309}]}`))

	var mu sync.Mutex
	var next fuzzResponse
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		resp := next
		mu.Unlock()
		h := w.Header()
		for k, v := range map[string]string{"Content-Type": resp.contentType, "X-Amzn-Errortype": resp.errorType,
			"Date": resp.date, "X-Amzn-Requestid": resp.requestID} {
			if v != "" {
				h.Set(k, v)
			}
		}
		if resp.date == "" {
			h["Date"] = nil // no Date at all
		}
		if resp.status >= 300 && resp.status < 400 {
			h.Set("Location", "http://127.0.0.1:1/elsewhere")
		}
		w.WriteHeader(resp.status)
		_, _ = w.Write(resp.body)
	}))
	defer ts.Close()
	w := newSecretWatch()
	w.recordedOnly = true // the fuzzed text may hold 64 hex digits
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := customlabels.New(customlabels.Options{
		Region:           "us-east-1",
		BaseEndpoint:     ts.URL,
		Credentials:      sessionCredentials(),
		HTTPClient:       &http.Client{Transport: w.transport(tr)},
		RetryMaxAttempts: 1,
		Logger:           w.logger,
	})

	f.Fuzz(func(t *testing.T, status int, contentType, errorType, date, requestID string, body []byte) {
		status = 200 + ((status%400)+400)%400
		w.reset()
		mu.Lock()
		next = fuzzResponse{status, contentType, errorType, date, requestID, body}
		mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := c.DescribeProjects(ctx, nil)
		switch {
		case err == nil && out == nil:
			t.Fatalf("DescribeProjects = nil, nil")
		case err != nil && out != nil:
			t.Fatalf("DescribeProjects = %+v, %v: an output with an error", out, err)
		case err == nil:
			if status < 200 || status > 299 {
				t.Fatalf("DescribeProjects succeeded on status %d", status)
			}
			if len(out.RequestID) > 260 || !utf8.ValidString(out.NextToken) {
				t.Fatalf("DescribeProjects output RequestID %d bytes, NextToken %q", len(out.RequestID), out.NextToken)
			}
		default:
			var oe *smithy.OperationError
			if !errors.As(err, &oe) {
				t.Fatalf("DescribeProjects error %T %v is not an *smithy.OperationError", err, err)
			}
			msg := err.Error()
			if len(msg) > 4096 {
				t.Fatalf("DescribeProjects error is %d bytes long", len(msg))
			}
			if strings.ContainsAny(msg, "\r\n\x00\x1b") {
				t.Fatalf("DescribeProjects error holds a control character: %q", msg)
			}
			w.check(t, err)
		}
	})
}
