package customlabels

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The call path: every operation takes it, from its method to the wire
// and back, in this order (validate → encode → resolve endpoint → sign →
// send → decode, with retries around sign, send and decode). The
// operation's own file is entered only for its input and output.
//
//	Client.DescribeProjectVersions  the operation's file: calls call
//	call                            call.go
//	  callOptions                   call.go: per-call options (resolve, options.go)
//	  params.validate               validate: the operation's file, rules in validate.go
//	  encodeRequest                 encode: call_request_body.go (params.appendJSON), hashed once
//	  invoke                        call.go: the retry loop
//	    configError                 options.go: endpoint (resolved by New), retryer, credentials
//	    newAttemptCall              call_attempt.go: payload hash, invocation ID
//	    attempt                     call_attempt.go, once per attempt:
//	      retrieveCredentials       the cached credentials
//	      startAttemptTimer         call_timeout.go: IdleTimeout, AttemptTimeout
//	      guardedContext            call_http_client.go: only for an HTTPClient of unknown kind
//	      buildRequest              to the resolved endpoint, with headers
//	      sign                      aws/signer/v4
//	      HTTPClient.Do             send
//	      sendError                 no response (call_scrub.go, call_echo.go)
//	      serverSkew                call_clock_skew.go: the Date header
//	      readResponse              call_response_body.go (readBody), then:
//	        newAPIError             an error response: errors.go, internal/awserr
//	        decodeResponse          decode: decode.go (out.decodeJSON: the operation's file)
//	    log                         call_log.go
//	    backOff                     call.go: retry or stop (isClockSkewError: call_clock_skew.go)
//	  operationError                call.go: every error the call returns, wrapped once
//
// Spans and metrics are recorded along the way (telemetry.go), at no cost
// when telemetry is off.

// call is the body of every operation method: it checks params, encodes
// them and runs the attempts, decoding a success into a new output. Its
// error, whatever the step that failed, is a *smithy.OperationError.
//
// A nil params is the zero input, as an operation method's doc says.
func call[O any, P interface {
	*O
	response
}, I any, PI interface {
	*I
	request
}](ctx context.Context, c *Client, op *operation, params PI, optFns []func(*Options)) (_ *O, err error) {
	if params == nil {
		params = new(I)
	}
	r, o := c.callOptions(optFns)
	ctx, tel := r.telemetry.startCall(ctx, op) // nil when off
	defer func() {
		// The one place the call's errors are wrapped.
		if err != nil {
			err = operationError(op.name, err)
		}
		tel.end(ctx, err)
	}()
	if err := params.validate(); err != nil {
		var ipe *InvalidParamError
		if errors.As(err, &ipe) && ipe.Input == "" {
			ipe.Input = op.name + "Input"
		}
		return nil, err
	}
	encodeStart := tel.now()
	body := encodeRequest(params)
	defer body.release()
	tel.serialized(ctx, encodeStart)
	out := P(new(O))
	// A create notes when the call began: what it finds after a lost
	// answer must be newer (create_recovery.go).
	rc, creates := any(params).(recoverer)
	var start time.Time
	if creates {
		start = time.Now()
	}
	maybeApplied, err := c.invoke(ctx, op, body, r, o, tel, out)
	if err != nil {
		if creates && maybeApplied && rc.conflict(err) {
			// An earlier attempt may have created what this one found
			// taken: look for it (create_recovery.go).
			if found, rerr := rc.recoverCreated(ctx, c, c.serverSince(start), out, optFns); rerr == nil && found {
				return (*O)(out), nil
			}
		}
		return nil, err
	}
	return (*O)(out), nil
}

// callOptions returns the options of one call: the client's, or a copy
// changed by optFns and resolved again, sharing what did not change.
func (c *Client) callOptions(optFns []func(*Options)) (*resolved, *Options) {
	if len(optFns) == 0 {
		return &c.res, &c.options
	}
	callOpts := c.options
	for _, fn := range optFns {
		fn(&callOpts)
	}
	callRes := resolve(callOpts, &c.options, &c.res)
	return &callRes, &callOpts
}

// operationError wraps err as the AWS SDKs do, naming service and operation.
func operationError(op string, err error) error {
	return &smithy.OperationError{ServiceID: ServiceID, OperationName: op, Err: err}
}

// invoke runs the attempts of one call: each signs the request afresh,
// sends it and decodes the response (call_attempt.go), and the retryer
// decides whether another follows. Its error is returned as it is: call
// wraps it.
//
// maybeApplied reports that a failed attempt may have reached the service
// and taken effect before the one that ended the call: an answer lost on
// the way back (see mayHaveApplied).
func (c *Client) invoke(ctx context.Context, op *operation, body *requestBody, r *resolved, o *Options, tel *callTelemetry, out response) (maybeApplied bool, _ error) {
	if err := r.configError(); err != nil {
		return false, err
	}
	call := newAttemptCall(op, body, r.retryer.MaxAttempts(), tel)
	correctSkew := !o.DisableClockSkewCorrection
	var skew time.Duration // added to the local clock to sign
	if correctSkew {
		skew = time.Duration(c.skew.Load())
	}
	// The skew measured by the last attempt is kept for later calls.
	// (A value and a flag, not a pointer to res.skew: that would move
	// each attempt's result to the heap.)
	var measured time.Duration
	var hasMeasured bool
	defer func() {
		if hasMeasured {
			c.skew.Store(int64(measured))
		}
	}()
	releaseRetry := func(error) error { return nil }
	var lastErr error
	for attempt := 1; ; attempt++ {
		releaseAttempt, err := attemptToken(ctx, r.retryer)
		if err != nil {
			return maybeApplied, stoppedError(attempt-1, call.maxAttempts, lastErr, err)
		}
		start := time.Now()
		attemptCtx := tel.startAttempt(ctx, attempt)
		res := c.attempt(attemptCtx, r, &call, out, attempt, skew)
		tel.endAttempt(attemptCtx, &res)
		_ = releaseRetry(res.err)
		_ = releaseAttempt(res.err)
		c.log(ctx, r.logger, &call, attempt, res, time.Since(start))

		if res.hasSkew && correctSkew {
			measured, hasMeasured = res.skew, true
		}
		if res.err == nil {
			return maybeApplied, nil
		}
		if res.credentialsFailed {
			return maybeApplied, stoppedError(attempt-1, call.maxAttempts, lastErr, res.err)
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return maybeApplied, contextEndedError(attempt, call.maxAttempts, res.err, lastErr, ctxErr)
		}
		lastErr = res.err

		classified := res.err
		if res.hasSkew && correctSkew && isClockSkewError(res.err, absDuration(res.skew-skew)) {
			classified = &clockSkewError{res.err}
		}
		if hasMeasured {
			skew = measured // the next attempt signs with the server's clock
		}
		releaseRetry, err = backOff(ctx, r.retryer, attempt, call.maxAttempts, res.err, classified)
		if err != nil {
			return maybeApplied, err
		}
		// Only an attempt followed by another counts: the call's own last
		// error is what the caller sees.
		maybeApplied = maybeApplied || mayHaveApplied(&res)
	}
}

// attemptToken returns the retryer's token for the next attempt, unless
// ctx has ended.
func attemptToken(ctx context.Context, retryer aws.RetryerV2) (release func(error) error, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return retryer.GetAttemptToken(ctx)
}

// contextEndedError is the error of a call whose context had ended when
// attempt returned err: no retry can follow.
func contextEndedError(attempt, max int, err, lastErr, ctxErr error) error {
	switch {
	case !errors.Is(err, ctxErr):
		// The attempt had its answer before the context ended.
		return &RetryError{Attempts: attempt, MaxAttempts: max, Err: err, Stop: ctxErr}
	case lastErr != nil:
		// The context cut this attempt short: report the last error the
		// service gave, and why the call stopped.
		return &RetryError{Attempts: attempt, MaxAttempts: max, Err: lastErr, Stop: ctxErr}
	default:
		return err
	}
}

// backOff decides whether the failed attempt is followed by another, with
// err as the attempt's error and classified as the retryer is to see it
// (see isClockSkewError). It waits the retry delay and returns the retry
// token's release, or the error that ends the call.
func backOff(ctx context.Context, retryer aws.RetryerV2, attempt, max int, err, classified error) (release func(error) error, _ error) {
	// The attempts left are checked first: classifying an error walks its
	// chain with errors.As and formats it, which an error that cannot be
	// retried anyway need not pay for.
	if attempt >= max || !retryer.IsErrorRetryable(classified) {
		return nil, finalError(attempt, max, err, nil)
	}
	release, stop := retryer.GetRetryToken(ctx, classified)
	if stop == nil {
		var delay time.Duration
		if delay, stop = retryer.RetryDelay(attempt, classified); stop == nil {
			stop = sleep(ctx, retryAfter(delay, err))
		}
	}
	if stop != nil {
		return nil, &RetryError{Attempts: attempt, MaxAttempts: max, Err: err, Stop: stop}
	}
	return release, nil
}

// finalError wraps err in a *RetryError when more than one attempt was
// made or retrying stopped for a reason of its own.
func finalError(attempts, max int, err, stop error) error {
	if attempts <= 1 && stop == nil {
		return err
	}
	return &RetryError{Attempts: attempts, MaxAttempts: max, Err: err, Stop: stop}
}

// stoppedError reports a call that ended before attempt attempts+1 could
// start: with no earlier error the reason itself is the error.
func stoppedError(attempts, max int, lastErr, reason error) error {
	if lastErr == nil {
		return reason
	}
	return &RetryError{Attempts: attempts, MaxAttempts: max, Err: lastErr, Stop: reason}
}

// retryAfter returns the delay the response's x-amz-retry-after header
// asks (milliseconds), clamped into [backoff, backoff+5s], or backoff
// without one, as AWS SDK retry behaviour 2.1 does.
func retryAfter(backoff time.Duration, err error) time.Duration {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return backoff
	}
	v := re.Response.Header.Get("X-Amz-Retry-After")
	if v == "" {
		return backoff
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil || ms < 0 || ms > int64(time.Hour/time.Millisecond) {
		return backoff
	}
	after := time.Duration(ms) * time.Millisecond
	return min(max(after, backoff), backoff+5*time.Second)
}

// sleep waits d or until ctx ends, returning ctx's error then.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
