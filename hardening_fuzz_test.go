package customlabels_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
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

// FuzzFakeServerRequest sends arbitrary requests to customlabelstest, which
// also runs as a process that boto3, the AWS CLI and other SDKs talk to:
// any X-Amz-Target, Content-Type, Authorization and X-Amz-Date, any body,
// unsigned or signed with the fake's credentials (so that the body is
// decoded and validated, NextToken included). The fake always answers
// (net/http would turn a panic into a dropped connection) with a success
// or a JSON error carrying a code and a request ID, and never records a
// secret.
func FuzzFakeServerRequest(f *testing.F) {
	const target = "RekognitionService.DescribeProjects"
	const ct = "application/x-amz-json-1.1"
	f.Add(target, ct, "", "", true, []byte(`{}`))
	f.Add(target, ct, "", "", true, []byte(`{"MaxResults":5,"NextToken":"eyJ0b2tlbiI6MX0","ProjectNames":["a"],"Features":["CUSTOM_LABELS"]}`))
	f.Add(target, ct, "", "", true, []byte(`{"MaxResults":1e3,"NextToken":7,"ProjectNames":[null],"Features":"X"}`))
	f.Add(target, ct, "", "", true, []byte(`null`))
	f.Add(target, "application/json; charset=utf-8", "", "", true, []byte(`{"NextToken":"\ud800"}`))
	f.Add("RekognitionService.DetectLabels", ct, "", "", true, []byte(`{}`))
	f.Add(target, ct, "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/rekognition/aws4_request, SignedHeaders=host;x-amz-date, Signature=00", "20240101T000000Z", false, []byte(`{}`))
	f.Add(target, ct, "AWS4-HMAC-SHA256 Credential=/, SignedHeaders=;;;, Signature=", "", false, []byte(`{}`))
	f.Add("", "", "Bearer x", "garbage", false, []byte(`<xml/>`))
	demo := customlabelstest.DemoData(customlabelstest.DefaultRegion, 12, 1)
	project, model := demo.Projects[0].ProjectArn, demo.ProjectVersions[0].ProjectVersionArn
	f.Add("RekognitionService.DescribeProjectVersions", ct, "", "", true, []byte(`{"ProjectArn":"`+project+`","MaxResults":2,"VersionNames":["v"]}`))
	f.Add("RekognitionService.DescribeProjectVersions", ct, "", "", true, []byte(`{"ProjectArn":"`+project+`","NextToken":"AQ=="}`))
	f.Add("RekognitionService.DescribeProjectVersions", ct, "", "", true, []byte(`{"ProjectArn":null,"VersionNames":[1]}`))
	f.Add("RekognitionService.StartProjectVersion", ct, "", "", true, []byte(`{"ProjectVersionArn":"`+model+`","MinInferenceUnits":1,"MaxInferenceUnits":2}`))
	f.Add("RekognitionService.StartProjectVersion", ct, "", "", true, []byte(`{"ProjectVersionArn":"`+model+`","MinInferenceUnits":3,"MaxInferenceUnits":1}`))
	f.Add("RekognitionService.StopProjectVersion", ct, "", "", true, []byte(`{"ProjectVersionArn":"`+model+`"}`))
	f.Add("RekognitionService.StopProjectVersion", ct, "", "", true, []byte(`{"ProjectVersionArn":""}`))
	running := model
	for _, v := range demo.ProjectVersions {
		if v.Status == customlabels.ProjectVersionStatusRunning {
			running = v.ProjectVersionArn
			break
		}
	}
	f.Add("RekognitionService.DetectCustomLabels", ct, "", "", true, []byte(`{"ProjectVersionArn":"`+running+`","Image":{"Bytes":"/9j/4AAQ"},"MinConfidence":0,"MaxResults":1}`))
	f.Add("RekognitionService.DetectCustomLabels", ct, "", "", true, []byte(`{"ProjectVersionArn":"`+running+`","Image":{"S3Object":{"Bucket":"b.c","Name":"k","Version":"v"}}}`))
	f.Add("RekognitionService.DetectCustomLabels", ct, "", "", true, []byte(`{"ProjectVersionArn":"`+model+`","Image":{"Bytes":"R0lGODlh","S3Object":{}},"MinConfidence":"x"}`))

	srv := customlabelstest.NewServer(append(demo.Options(), customlabelstest.WithStartingTime(0), customlabelstest.WithStoppingTime(0),
		customlabelstest.WithModel(running, customlabelstest.Model{Detect: customlabelstest.HashLabels("a", "b")}))...)
	defer srv.Close()
	hc := srv.HTTPClient()
	signer := v4.NewSigner()
	creds := aws.Credentials{AccessKeyID: customlabelstest.DefaultAccessKeyID, SecretAccessKey: customlabelstest.DefaultSecretAccessKey}

	f.Fuzz(func(t *testing.T, target, contentType, authorization, amzDate string, sign bool, body []byte) {
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/", bytes.NewReader(body))
		if err != nil {
			t.Fatalf("NewRequest: %v", err)
		}
		for k, v := range map[string]string{"X-Amz-Target": target, "Content-Type": contentType,
			"Authorization": authorization, "X-Amz-Date": amzDate} {
			if v != "" {
				if !validHeaderValue(v) {
					return // net/http would refuse to send it
				}
				req.Header.Set(k, v)
			}
		}
		if sign {
			req.Header.Del("Authorization")
			req.Header.Del("X-Amz-Date")
			sum := sha256.Sum256(body)
			if err := signer.SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "rekognition", srv.Region(), time.Now()); err != nil {
				t.Fatalf("SignHTTP: %v", err)
			}
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatalf("the fake did not answer (a panic drops the connection): %v", err)
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("reading the fake's answer: %v", err)
		}
		if resp.Header.Get("X-Amzn-Requestid") == "" {
			t.Fatalf("status %d without a request ID: %q", resp.StatusCode, data)
		}
		if !json.Valid(data) {
			t.Fatalf("status %d with a body that is not JSON: %q", resp.StatusCode, data)
		}
		if resp.StatusCode != http.StatusOK {
			var e struct {
				Type string `json:"__type"`
			}
			if err := json.Unmarshal(data, &e); err != nil || e.Type == "" || resp.StatusCode < 400 {
				t.Fatalf("status %d with error body %q", resp.StatusCode, data)
			}
		}
		if sign && resp.StatusCode == http.StatusOK {
			switch target {
			case "RekognitionService.DescribeProjects":
				var out struct{ ProjectDescriptions []json.RawMessage }
				if err := json.Unmarshal(data, &out); err != nil || out.ProjectDescriptions == nil {
					t.Fatalf("a success that is not a page: %q", data)
				}
			case "RekognitionService.DescribeProjectVersions":
				var out struct{ ProjectVersionDescriptions []json.RawMessage }
				if err := json.Unmarshal(data, &out); err != nil || out.ProjectVersionDescriptions == nil {
					t.Fatalf("a success that is not a page of versions: %q", data)
				}
			case "RekognitionService.StartProjectVersion", "RekognitionService.StopProjectVersion":
				var out struct{ Status string }
				if err := json.Unmarshal(data, &out); err != nil || out.Status == "" {
					t.Fatalf("a success without a status: %q", data)
				}
			}
		}
		for _, r := range srv.Requests() {
			if r.Header.Get("Authorization") != "" || r.Header.Get("X-Amz-Security-Token") != "" {
				t.Fatalf("the fake recorded a credential header")
			}
		}
		srv.ResetRequests()
	})
}

// validHeaderValue reports whether net/http would send v as a header value:
// no control bytes but tab.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
