package customlabelstest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels"
)

const (
	stubProjectArn = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000"
	stubVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/shelf.v1/1700000000001"
)

var bg = context.Background()

// A call for another operation than the next expectation is reported,
// answered with an error that is not retried, and leaves the expectation
// waiting for the call that follows.
func TestStubUnexpectedOperation(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{})
	client := stub.Client()

	_, err := client.StopProjectVersion(bg, &customlabels.StopProjectVersionInput{ProjectVersionArn: stubVersionArn})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "StopProjectVersion")
	errs := tb.takeErrors()
	require.Len(t, errs, 1, "one report, no retry")
	assert.Contains(t, errs[0], `request 1, StopProjectVersion {ProjectVersionArn:"`+stubVersionArn+`"}, was not expected: expectation 1 is DescribeProjects`)
	assert.Regexp(t, `declared at stub_test\.go:\d+`, errs[0])

	_, err = client.DescribeProjects(bg, nil)
	require.NoError(t, err, "the expectation was still waiting")
	assert.True(t, stub.AssertExpectations(tb))
}

// A call with the wrong input meets the expectation it was compared with,
// is reported member by member (-want +got), and gets an error.
func TestStubWrongInput(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("DescribeProjects").
		WithInput(&customlabels.DescribeProjectsInput{MaxResults: 10, ProjectNames: []string{"a", "b"}}).
		Return(&customlabels.DescribeProjectsOutput{})

	_, err := stub.Client().DescribeProjects(bg, &customlabels.DescribeProjectsInput{MaxResults: 20, ProjectNames: []string{"a", "c", "d"}})
	require.Error(t, err)
	var se *stubErr
	require.ErrorAs(t, err, &se)
	errs := tb.takeErrors()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "request 1, DescribeProjects, meets expectation 1")
	assert.Contains(t, errs[0], "with the wrong input:\n    (-want +got)\n")
	assert.Contains(t, errs[0], "    MaxResults: -10 +20\n")
	assert.Contains(t, errs[0], `    ProjectNames[1]: -"b" +"c"`)
	assert.Contains(t, errs[0], `    ProjectNames[2]: +"d"`)
	assert.True(t, stub.AssertExpectations(tb), "the expectation was met, wrongly")
}

// A value input is taken as its pointer; nil and empty lists are equal;
// an input changed after WithInput is compared as it was declared.
func TestStubInputIsCopied(t *testing.T) {
	stub, tb := newStubTB(t)
	in := customlabels.DescribeProjectsInput{ProjectNames: []string{"a"}}
	stub.Expect("DescribeProjects").WithInput(in)
	stub.Expect("DescribeProjects").WithInput(&customlabels.DescribeProjectsInput{ProjectNames: []string{}})
	in.ProjectNames[0] = "changed"
	client := stub.Client()
	_, err := client.DescribeProjects(bg, &customlabels.DescribeProjectsInput{ProjectNames: []string{"a"}})
	require.NoError(t, err)
	_, err = client.DescribeProjects(bg, nil)
	require.NoError(t, err)
	assert.True(t, stub.AssertExpectations(tb))
}

// Expectations not called are reported once: by AssertExpectations, or
// by the test's cleanup.
func TestStubMissingCall(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("DescribeProjects")
	stub.Expect("StartProjectVersion").WithInput(&customlabels.StartProjectVersionInput{ProjectVersionArn: stubVersionArn, MinInferenceUnits: 1})
	stub.Expect("StopProjectVersion")
	_, err := stub.Client().DescribeProjects(bg, nil)
	require.NoError(t, err)

	assert.False(t, stub.AssertExpectations(tb))
	errs := tb.takeErrors()
	require.Len(t, errs, 2)
	assert.Regexp(t, `^customlabelstest: expectation 2, StartProjectVersion \{ProjectVersionArn:"`+stubVersionArn+`" MinInferenceUnits:1\}, was not called \(declared at stub_test\.go:\d+\)$`, errs[0])
	assert.Regexp(t, `^customlabelstest: expectation 3, StopProjectVersion, was not called`, errs[1])

	assert.False(t, stub.AssertExpectations(tb), "still unmet")
	assert.Empty(t, tb.takeErrors(), "reported once")

	stub3, tb3 := newStubTB(t)
	expectStop := func() { stub3.Expect("StopProjectVersion") } // a test's helper
	expectStop()
	assert.False(t, stub3.AssertExpectations(tb3))
	assert.Regexp(t, `\(declared at stub_test\.go:\d+ called from stub_test\.go:\d+\)$`, tb3.takeErrors()[0], "the helper's line, and its caller's")

	stub2, tb2 := newStubTB(t)
	stub2.Expect("DetectCustomLabels")
	tb2.finish()
	errs = tb2.takeErrors()
	require.Len(t, errs, 1, "the cleanup reports")
	assert.Contains(t, errs[0], "expectation 1, DetectCustomLabels, was not called")
}

// A call after every expectation was met, or with none declared, is
// reported and gets an error.
func TestStubExtraCall(t *testing.T) {
	stub, tb := newStubTB(t)
	client := stub.Client()
	_, err := client.DescribeProjects(bg, nil)
	require.Error(t, err)
	assert.Contains(t, tb.takeErrors()[0], "request 1, DescribeProjects {}, was not expected: no call was declared with Expect")

	stub.Expect("DescribeProjects")
	_, err = client.DescribeProjects(bg, nil)
	require.NoError(t, err)
	_, err = client.DescribeProjects(bg, &customlabels.DescribeProjectsInput{MaxResults: 5})
	require.Error(t, err)
	errs := tb.takeErrors()
	require.Len(t, errs, 1, "one report, no retry")
	assert.Contains(t, errs[0], "request 3, DescribeProjects {MaxResults:5}, was not expected: all 1 expectations were met")
}

// A transport error is what Do returns, wrapped in a *url.Error; a
// connection reset and a timeout are retried, another error is not.
func TestStubTransportErrors(t *testing.T) {
	t.Run("reset then success", func(t *testing.T) {
		stub, tb := newStubTB(t)
		stub.Expect("DescribeProjects").ReturnConnectionReset()
		stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{NextToken: "t"})
		out, err := stub.Client().DescribeProjects(bg, nil)
		require.NoError(t, err)
		assert.Equal(t, "t", out.NextToken)
		assert.True(t, stub.AssertExpectations(tb))
	})
	t.Run("timeouts until the attempts run out", func(t *testing.T) {
		stub, tb := newStubTB(t)
		for range 3 {
			stub.Expect("DescribeProjects").ReturnTimeout()
		}
		_, err := stub.Client().DescribeProjects(bg, nil)
		var ne net.Error
		require.ErrorAs(t, err, &ne)
		assert.True(t, ne.Timeout())
		var re *customlabels.RetryError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, 3, re.Attempts)
		assert.True(t, stub.AssertExpectations(tb))
	})
	t.Run("an error of the test's own", func(t *testing.T) {
		stub, tb := newStubTB(t)
		mine := errors.New("proxy refused")
		stub.Expect("DescribeProjects").ReturnTransportError(mine)
		_, err := stub.Client().DescribeProjects(bg, nil)
		require.ErrorIs(t, err, mine)
		assert.Contains(t, err.Error(), `Post "https://rekognition.us-east-1.amazonaws.com/": proxy refused`)
		assert.True(t, stub.AssertExpectations(tb))
	})
	t.Run("stall until the idle timeout", func(t *testing.T) {
		defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
		stub, tb := newStubTB(t)
		stub.Expect("DescribeProjects").Stall()
		client := stub.Client(func(o *customlabels.Options) {
			o.IdleTimeout = 20 * time.Millisecond
			o.RetryMaxAttempts = 1
		})
		_, err := client.DescribeProjects(bg, nil)
		var te *customlabels.AttemptTimeoutError
		require.ErrorAs(t, err, &te)
		assert.True(t, te.Idle)
		assert.True(t, stub.AssertExpectations(tb))
	})
}

// Any status, header and body: the client reads them as it reads the
// service's.
func TestStubReturnResponse(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("DescribeProjects").ReturnResponse(400, nil, `{"__type":"BrandNewException","message":"new"}`)
	stub.Expect("DescribeProjects").ReturnResponse(200, http.Header{"Content-Length": {"100"}}, `{"NextToken":"t"}`)
	stub.Expect("DescribeProjects").ReturnResponse(200, http.Header{"X-Amzn-Requestid": {"mine"}}, `{"NextToken":"t"}`)
	client := stub.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })

	_, err := client.DescribeProjects(bg, nil)
	var ae *smithy.GenericAPIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "BrandNewException", ae.Code)
	assert.Equal(t, "new", ae.Message)

	_, err = client.DescribeProjects(bg, nil)
	require.Error(t, err, "a body shorter than its Content-Length")
	var re *awshttp.ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 200, re.HTTPStatusCode())

	out, err := client.DescribeProjects(bg, nil)
	require.NoError(t, err)
	assert.Equal(t, "mine", out.RequestID)
	assert.True(t, stub.AssertExpectations(tb))
}

// A paginator and an iterator go through three pages: three expectations
// whose inputs carry the tokens the answers gave.
func TestStubPaginatorThreePages(t *testing.T) {
	stub, tb := newStubTB(t)
	page := func(token, next string, names ...string) {
		var ps []customlabels.ProjectDescription
		for _, n := range names {
			ps = append(ps, customlabels.ProjectDescription{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/" + n + "/1"})
		}
		stub.Expect("DescribeProjects").
			WithInput(&customlabels.DescribeProjectsInput{NextToken: token, MaxResults: 2}).
			Return(&customlabels.DescribeProjectsOutput{ProjectDescriptions: ps, NextToken: next})
	}
	page("", "t1", "a", "b")
	page("t1", "t2", "c", "d")
	page("t2", "", "e")

	var got []string
	for p, err := range customlabels.AllProjects(bg, stub.Client(), &customlabels.DescribeProjectsInput{MaxResults: 2}) {
		require.NoError(t, err)
		arn, err := customlabels.ParseARN(p.ProjectArn)
		require.NoError(t, err)
		got = append(got, arn.ProjectName)
	}
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, got)
	assert.True(t, stub.AssertExpectations(tb))
}

// A waiter polls through the stub: each poll is an expectation.
func TestStubWaiter(t *testing.T) {
	stub, tb := newStubTB(t)
	in := &customlabels.DescribeProjectVersionsInput{ProjectArn: stubProjectArn, VersionNames: []string{"shelf.v1"}}
	for _, status := range []customlabels.ProjectVersionStatus{
		customlabels.ProjectVersionStatusStarting, customlabels.ProjectVersionStatusStarting, customlabels.ProjectVersionStatusRunning,
	} {
		stub.Expect("DescribeProjectVersions").WithInput(in).Return(&customlabels.DescribeProjectVersionsOutput{
			ProjectVersionDescriptions: []customlabels.ProjectVersionDescription{{ProjectVersionArn: stubVersionArn, Status: status}},
		})
	}
	var polls []string
	w := customlabels.NewProjectVersionRunningWaiter(stub.Client(), func(o *customlabels.WaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
		o.OnPoll = func(p customlabels.WaiterPoll) { polls = append(polls, string(p.Versions[0].Status)) }
	})
	require.NoError(t, w.Wait(bg, in, time.Minute))
	assert.Equal(t, []string{"STARTING", "STARTING", "RUNNING"}, polls)
	assert.True(t, stub.AssertExpectations(tb))
}

// Match takes a typed function returning bool or error; its refusal is
// reported with its reason.
func TestStubMatch(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("StartProjectVersion").
		Match(func(in *customlabels.StartProjectVersionInput) bool { return in.MinInferenceUnits == 2 }).
		Return(&customlabels.StartProjectVersionOutput{Status: customlabels.ProjectVersionStatusStarting})
	stub.Expect("StartProjectVersion").
		Match(func(in *customlabels.StartProjectVersionInput) error {
			if in.MaxInferenceUnits < in.MinInferenceUnits {
				return fmt.Errorf("no room to scale: max %d", in.MaxInferenceUnits)
			}
			return nil
		})
	client := stub.Client()
	out, err := client.StartProjectVersion(bg, &customlabels.StartProjectVersionInput{ProjectVersionArn: stubVersionArn, MinInferenceUnits: 2})
	require.NoError(t, err)
	assert.Equal(t, customlabels.ProjectVersionStatusStarting, out.Status)

	_, err = client.StartProjectVersion(bg, &customlabels.StartProjectVersionInput{ProjectVersionArn: stubVersionArn, MinInferenceUnits: 3})
	require.Error(t, err)
	errs := tb.takeErrors()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], `the Match function refused {ProjectVersionArn:"`+stubVersionArn+`" MinInferenceUnits:3}: no room to scale: max 0`)
}

// Declarations that cannot be right stop the test at once, naming what
// is wrong.
func TestStubDeclarationErrors(t *testing.T) {
	stub, tb := newStubTB(t)
	for _, tc := range []struct {
		name string
		fn   func()
		want string
	}{
		{"unknown operation", func() { stub.Expect("DescribeDatasets") },
			`Stub.Expect("DescribeDatasets"): no such operation; the client implements `},
		{"input of another operation", func() { stub.Expect("DescribeProjects").WithInput(&customlabels.StopProjectVersionInput{}) },
			"DescribeProjects: WithInput(*customlabels.StopProjectVersionInput), want a *customlabels.DescribeProjectsInput"},
		{"nil input", func() { stub.Expect("DescribeProjects").WithInput((*customlabels.DescribeProjectsInput)(nil)) },
			"WithInput(nil *customlabels.DescribeProjectsInput)"},
		{"matcher of another type", func() {
			stub.Expect("DescribeProjects").Match(func(*customlabels.StopProjectVersionInput) bool { return true })
		},
			"Match(func(*customlabels.StopProjectVersionInput) bool), want a func(*customlabels.DescribeProjectsInput) bool or func(*customlabels.DescribeProjectsInput) error"},
		{"output of another operation", func() { stub.Expect("DescribeProjects").Return(&customlabels.StopProjectVersionOutput{}) },
			"DescribeProjects: Return(*customlabels.StopProjectVersionOutput): an output of type *customlabels.StopProjectVersionOutput, want *customlabels.DescribeProjectsOutput"},
		{"nil output", func() { stub.Expect("DescribeProjects").Return((*customlabels.DescribeProjectsOutput)(nil)) },
			"Return(*customlabels.DescribeProjectsOutput): a nil output"},
		{"not an exception", func() { stub.Expect("DescribeProjects").ReturnError(io.EOF) },
			"ReturnError(*errors.errorString): want an exception such as *customlabels.ThrottlingException"},
		{"two answers", func() {
			c := stub.Expect("DescribeProjects")
			c.Return(&customlabels.DescribeProjectsOutput{})
			c.ReturnConnectionReset()
		}, "answers a *customlabels.DescribeProjectsOutput already; declare another Expect for another answer"},
		{"bad status", func() { stub.Expect("DescribeProjects").ReturnResponse(42, nil, "") }, "ReturnResponse(42, ...): a status must have 3 digits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Contains(t, tb.declare(tc.fn), tc.want)
		})
	}
	// The half-declared expectations above are not part of this test.
	stub.mu.Lock()
	stub.calls = nil
	stub.mu.Unlock()
}

// A request the client would never send is refused as the service
// refuses it, and fails the test: unsigned, signed with the wrong secret,
// of another content type or target, or with a body the service cannot
// read or finds invalid.
func TestStubRefusesBadRequests(t *testing.T) {
	good := func(t *testing.T) *http.Request {
		return signedRequest(t, "RekognitionService.DescribeProjects", contentType, `{}`, DefaultSecretAccessKey)
	}
	for _, tc := range []struct {
		name        string
		req         func(t *testing.T) *http.Request
		code, fails string
	}{
		{"unsigned", func(t *testing.T) *http.Request {
			r := good(t)
			r.Header.Del("Authorization")
			return r
		}, "MissingAuthenticationTokenException", "no Authorization header: the request is not signed"},
		{"not SigV4", func(t *testing.T) *http.Request {
			r := good(t)
			r.Header.Set("Authorization", "Basic abc")
			return r
		}, "IncompleteSignatureException", "the Authorization header is not a SigV4 signature"},
		{"no date", func(t *testing.T) *http.Request {
			r := good(t)
			r.Header.Del("X-Amz-Date")
			return r
		}, "IncompleteSignatureException", "no X-Amz-Date header"},
		{"wrong secret", func(t *testing.T) *http.Request {
			return signedRequest(t, "RekognitionService.DescribeProjects", contentType, `{}`, "another secret")
		}, "InvalidSignatureException", "the signature does not match the request signed with the Stub's credentials"},
		{"changed after signing", func(t *testing.T) *http.Request {
			r := good(t)
			r.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjectVersions")
			r.Body = io.NopCloser(stringsReader(`{"ProjectArn":"` + stubProjectArn + `"}`))
			return r
		}, "InvalidSignatureException", "the signature does not match"},
		{"content type", func(t *testing.T) *http.Request {
			return signedRequest(t, "RekognitionService.DescribeProjects", "application/json", `{}`, DefaultSecretAccessKey)
		}, "SerializationException", `Content-Type is "application/json", want application/x-amz-json-1.1`},
		{"unknown target", func(t *testing.T) *http.Request {
			return signedRequest(t, "RekognitionService.DescribeDatasets", contentType, `{}`, DefaultSecretAccessKey)
		}, "UnknownOperationException", `X-Amz-Target is "RekognitionService.DescribeDatasets", want RekognitionService.<Operation> for one of `},
		{"GET", func(t *testing.T) *http.Request {
			r := good(t)
			r.Method = http.MethodGet
			return r
		}, "UnknownOperationException", "GET /, want POST /"},
		{"malformed body", func(t *testing.T) *http.Request {
			return signedRequest(t, "RekognitionService.DescribeProjects", contentType, `{"MaxResults":"ten"}`, DefaultSecretAccessKey)
		}, "SerializationException", `the service cannot read the body: Expected an integer for MaxResults, got a string; body "{\"MaxResults\":\"ten\"}"`},
		{"invalid input", func(t *testing.T) *http.Request {
			return signedRequest(t, "RekognitionService.DescribeProjects", contentType, `{"MaxResults":500}`, DefaultSecretAccessKey)
		}, "ValidationException", "the service would refuse the input {MaxResults:500}: 1 validation error detected: Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100 (the client validates input before sending it: a bug of the client)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stub, tb := newStubTB(t)
			stub.Expect("DescribeProjects")
			resp, err := stub.Do(tc.req(t))
			require.NoError(t, err)
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			assert.Equal(t, 400, resp.StatusCode)
			assert.Contains(t, string(body), tc.code)
			errs := tb.takeErrors()
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0], "request 1")
			assert.Contains(t, errs[0], tc.fails)
			assert.NotContains(t, errs[0], "Signature=", "no signature in a report")
			stub.mu.Lock()
			stub.calls = nil // the refused request met nothing
			stub.mu.Unlock()
		})
	}
}

// A client with credentials of its own (the Stub as its HTTPClient, or as
// the Transport of an *http.Client) is checked in shape only.
func TestStubAsHTTPClientAndTransport(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{NextToken: "a"})
	stub.Expect("DescribeProjects").Return(&customlabels.DescribeProjectsOutput{NextToken: "b"})
	own := customlabels.New(customlabels.Options{
		Region:      "eu-west-1",
		Credentials: credentialsOf("AKIDMYOWNTESTKEY", "my own secret"),
		HTTPClient:  stub,
	})
	out, err := own.DescribeProjects(bg, nil)
	require.NoError(t, err)
	assert.Equal(t, "a", out.NextToken)

	viaTransport := stub.Client(func(o *customlabels.Options) { o.HTTPClient = &http.Client{Transport: stub} })
	out, err = viaTransport.DescribeProjects(bg, nil)
	require.NoError(t, err)
	assert.Equal(t, "b", out.NextToken)
	assert.True(t, stub.AssertExpectations(tb))
}

// Concurrent calls in any order each meet the expectation of their
// input; in the declared order they would not.
func TestStubInAnyOrderConcurrent(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	stub, tb := newStubTB(t)
	stub.InAnyOrder()
	const n = 16
	arn := func(i int) string {
		return fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/p%d/1700000000000", i)
	}
	for i := range n {
		stub.Expect("DescribeProjectVersions").
			WithInput(&customlabels.DescribeProjectVersionsInput{ProjectArn: arn(i)}).
			Return(&customlabels.DescribeProjectVersionsOutput{NextToken: fmt.Sprint(i)})
	}
	client := stub.Client()
	var wg sync.WaitGroup
	tokens := make([]string, n)
	errs := make([]error, n)
	for i := n - 1; i >= 0; i-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := client.DescribeProjectVersions(bg, &customlabels.DescribeProjectVersionsInput{ProjectArn: arn(i)})
			if err == nil {
				tokens[i] = out.NextToken
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i])
		assert.Equal(t, fmt.Sprint(i), tokens[i])
	}
	assert.True(t, stub.AssertExpectations(tb))

	_, err := client.DescribeProjectVersions(bg, &customlabels.DescribeProjectVersionsInput{ProjectArn: arn(99)})
	require.Error(t, err)
	assert.Contains(t, tb.takeErrors()[0], "matches no unmet expectation: all 16 expectations were met")
}

// In any order, a call that matches nothing is shown beside the unmet
// expectations of its operation.
func TestStubInAnyOrderMismatch(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.InAnyOrder()
	stub.Expect("DescribeProjects").WithInput(&customlabels.DescribeProjectsInput{MaxResults: 1})
	stub.Expect("DescribeProjects").WithInput(&customlabels.DescribeProjectsInput{MaxResults: 2})
	_, err := stub.Client().DescribeProjects(bg, &customlabels.DescribeProjectsInput{MaxResults: 3})
	require.Error(t, err)
	errs := tb.takeErrors()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "request 1, DescribeProjects {MaxResults:3}, matches no unmet expectation; of the same operation:\nexpectation 1")
	assert.Contains(t, errs[0], "    MaxResults: -1 +3\nexpectation 2")
	assert.Contains(t, errs[0], "    MaxResults: -2 +3")
	assert.False(t, stub.AssertExpectations(tb))
	assert.Len(t, tb.takeErrors(), 2)
}

// After the test's cleanup, requests get an error and nothing is
// reported: testing.T must not be used once its test has ended.
func TestStubAfterTheTestEnded(t *testing.T) {
	tb := &fakeTB{}
	stub := NewStub(tb)
	stub.Expect("DescribeProjects")
	client := stub.Client()
	_, err := client.DescribeProjects(bg, nil)
	require.NoError(t, err)
	tb.finish()
	_, err = client.DescribeProjects(bg, nil)
	require.ErrorContains(t, err, "request 2, DescribeProjects, after the test ended")
	assert.Empty(t, tb.takeErrors())
}

// A cancelled context sends nothing: no expectation is met.
func TestStubCancelledContext(t *testing.T) {
	stub, tb := newStubTB(t)
	stub.Expect("DescribeProjects")
	req := signedRequest(t, "RekognitionService.DescribeProjects", contentType, `{}`, DefaultSecretAccessKey)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	_, err := stub.Do(req.WithContext(ctx))
	require.ErrorIs(t, err, context.Canceled)
	assert.False(t, stub.AssertExpectations(tb))
	assert.Len(t, tb.takeErrors(), 1)
}
