package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels"
)

// usageError is a command line the program cannot run; it exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// configError is an AWS configuration the program cannot use (an unknown
// profile, a malformed shared config file, no Region); it exits 2, as a
// usage error does: the fix is in the configuration, not in AWS.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// reportedError is a failure whose details were already written to the
// output (a Region that could not be listed); it exits 1 with a summary.
type reportedError struct{ msg string }

func (e *reportedError) Error() string { return e.msg }

// notedError is an error with what a person must know about it, printed
// after it: that a model they started is still starting, and bills.
type notedError struct {
	err  error
	note string
}

// Error is the error's own text: report prints the note after it.
func (e *notedError) Error() string { return e.err.Error() }
func (e *notedError) Unwrap() error { return e.err }

// serviceValueError is the client refusing, as input of one call, a
// value the service sent in another (a ProjectArn DescribeProjects
// listed): the person typed nothing wrong, so it exits 1, not 2.
type serviceValueError struct {
	what string // what the service sent, e.g. "a project ARN DescribeProjects listed"
	err  error
}

func (e *serviceValueError) Error() string {
	return fmt.Sprintf("the service sent %s that the client refuses as input: %v", e.what, e.err)
}
func (e *serviceValueError) Unwrap() error { return e.err }

// doingError is the error of a call made for a purpose a person must
// know, such as "read s3://shelf-images/train.manifest": describeError
// prints the purpose before the service's code and message.
type doingError struct {
	doing string
	err   error
}

func (e *doingError) Error() string { return e.doing + ": " + e.err.Error() }
func (e *doingError) Unwrap() error { return e.err }

// doing wraps err, when not nil, with its purpose.
func doing(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return &doingError{doing: fmt.Sprintf(format, args...), err: err}
}

// clip shortens s to at most n bytes for a message, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// fromService returns err as a serviceValueError when it is the client's
// refusal of input (an InvalidParamError) made of what the service sent.
func fromService(err error, what string) error {
	var pe *customlabels.InvalidParamError
	if errors.As(err, &pe) {
		return &serviceValueError{what: what, err: err}
	}
	return err
}

// report prints err for a person and returns the exit status: 0 for nil
// or a help request; 2 for a usage or configuration error, including input
// the client rejects before sending; 130 for an interruption; 1 for
// anything else. A service error is printed as
// "error: <Code> (request ID <id>): <message>".
func report(w io.Writer, subcommand string, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var noted *notedError
	if errors.As(err, &noted) {
		defer fmt.Fprintln(w, noted.note)
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(w, "usage error: %s\nrun %s %s --help for help\n", ue.msg, programName, subcommand)
		return exitUsage
	}
	var ce *configError
	if errors.As(err, &ce) {
		fmt.Fprintf(w, "configuration error: %v\n", ce.err)
		return exitUsage
	}
	var pe *customlabels.InvalidParamError
	var sv *serviceValueError
	if errors.As(err, &pe) && !errors.As(err, &sv) {
		fmt.Fprintf(w, "usage error: %s: %s %s\n", flagFor(subcommand, pe.Field), pe.Field, pe.Rule)
		return exitUsage
	}
	if errors.Is(err, customlabels.ErrInvalidStartingToken) {
		fmt.Fprintf(w, "usage error: --starting-token: %v\n", err)
		return exitUsage
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "interrupted")
		return exitInterrupted
	}
	fmt.Fprintf(w, "error: %s\n", describeError(err))
	return exitError
}

// describeError says what went wrong in one line: for a service error its
// code, request ID, message and attempts; otherwise the error's text.
func describeError(err error) string {
	var re *reportedError
	if errors.As(err, &re) {
		return re.msg
	}
	var de *doingError
	if errors.As(err, &de) && !errors.Is(err, context.Canceled) {
		return de.doing + ": " + describeError(de.err)
	}
	info := errorInfo(err)
	if info.Code == "" {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString(info.Code)
	if info.RequestID != "" {
		fmt.Fprintf(&b, " (request ID %s)", info.RequestID)
	}
	if info.Message != "" {
		b.WriteString(": ")
		b.WriteString(info.Message)
	}
	if info.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", info.Attempts)
	}
	return b.String()
}

// jsonError is an error as the JSON outputs carry it.
type jsonError struct {
	// Code is the service's error code, e.g. "AccessDeniedException";
	// empty for an error that is not the service's (a network error).
	Code string `json:"Code,omitempty"`
	// Message is the service's message, or the whole error's text when
	// Code is empty.
	Message        string `json:"Message"`
	RequestID      string `json:"RequestID,omitempty"`
	HTTPStatusCode int    `json:"HTTPStatusCode,omitempty"`
	// Attempts is the number of attempts made, retries included.
	Attempts int `json:"Attempts"`
}

// errorInfo takes err apart into the layers smithy-go and the client
// give it.
func errorInfo(err error) jsonError {
	var info jsonError
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		info.Code = apiErr.ErrorCode()
		info.Message = apiErr.ErrorMessage()
	} else {
		info.Message = err.Error()
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		info.RequestID = re.ServiceRequestID()
		info.HTTPStatusCode = re.HTTPStatusCode()
	}
	info.Attempts = 1
	var local *localError
	if errors.As(err, &local) {
		info.Attempts = 0 // refused before sending
	}
	var retried *customlabels.RetryError
	if errors.As(err, &retried) {
		info.Attempts = retried.Attempts
	}
	return info
}

// fieldFlags names, for each subcommand, the flag or argument that sets
// an input field where it differs from commonFieldFlags: the flag the
// person typed is the one an error must name.
var fieldFlags = map[string]map[string]string{
	"projects": {"ProjectNames": "--project-name"},
	"models":   {"ProjectNames": "--project"},
	"start":    {"ProjectVersionArn": "MODEL", "ProjectNames": "MODEL", "VersionNames": "MODEL"},
	"stop":     {"ProjectVersionArn": "MODEL", "ProjectNames": "MODEL", "VersionNames": "MODEL"},
	"wait":     {"ProjectVersionArn": "MODEL", "ProjectNames": "MODEL", "VersionNames": "MODEL"},
	"detect":   {"ProjectVersionArn": "--model", "ProjectNames": "--model", "VersionNames": "--model", "MaxResults": "--max-results"},

	"create-project": {"ProjectName": "NAME", "AutoUpdate": "--auto-update"},
	"evaluate":       {"ProjectVersionArn": "MODEL", "ProjectNames": "MODEL", "VersionNames": "MODEL"},
	"policy put":     {"ProjectArn": "PROJECT", "ProjectNames": "PROJECT", "PolicyName": "--name", "PolicyRevisionId": "--revision-id", "PolicyDocument": "--document", "principals": "--allow-account"},
	"policy list":    {"ProjectArn": "PROJECT", "ProjectNames": "PROJECT"},
	"policy delete":  {"ProjectArn": "PROJECT", "ProjectNames": "PROJECT", "PolicyName": "--name", "PolicyRevisionId": "--revision-id"},
	"copy":           {"SourceProjectVersionArn": "MODEL", "ProjectNames": "MODEL", "VersionNames": "MODEL", "DestinationProjectArn": "--to", "VersionName": "--version", "OutputConfig": "--output-config", "KmsKeyId": "--kms-key-id", "SourceProjectArn": "--source-project"},
	"train":          {"ProjectArn": "PROJECT", "ProjectNames": "PROJECT", "VersionName": "--version", "OutputConfig": "--output-config", "KmsKeyId": "--kms-key-id", "VersionDescription": "--description"},
	"datasets":       {"ProjectNames": "PROJECT", "ContainsLabels": "--contains-label", "SourceRefContains": "--source-ref-contains"},
	"delete":         {"ProjectVersionArn": "MODEL", "ProjectNames": "MODEL", "VersionNames": "MODEL"},
	"delete-project": {"ProjectNames": "PROJECT"},
	"cleanup":        {"ProjectNames": "PROJECT"},
	"tag":            {"ResourceArn": "ARN", "Tags": "KEY=VALUE"},
	"untag":          {"ResourceArn": "ARN", "TagKeys": "KEY"},
	"tags":           {"ResourceArn": "ARN"},
}

// commonFieldFlags names the flag that sets an input field in every
// subcommand that has it.
var commonFieldFlags = map[string]string{
	"Features":          "--feature",
	"MaxResults":        "--page-size",
	"NextToken":         "--starting-token",
	"MinInferenceUnits": "--min-units",
	"MaxInferenceUnits": "--max-units",
	"MinConfidence":     "--min-confidence",
	"Tags":              "--tag",
}

// flagFor names the flag of subcommand that sets an input field, or the
// field itself when no flag does.
func flagFor(subcommand, field string) string {
	name, _, _ := strings.Cut(field, "[")
	if f, ok := fieldFlags[subcommand][name]; ok {
		return f
	}
	if f, ok := commonFieldFlags[name]; ok {
		return f
	}
	return field
}
