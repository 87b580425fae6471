package customlabels

import (
	"context"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/jsondec"
	"github.com/rekognition-go/customlabels/internal/wire"
)

var opDescribeProjects = newOperation("DescribeProjects",
	"InvalidPaginationTokenException", "InvalidParameterException", "AccessDeniedException",
	"InternalServerError", "ThrottlingException", "ProvisionedThroughputExceededException")

// Model limits of DescribeProjectsInput, checked before a request is sent.
const (
	// MaxPageSize is the largest MaxResults the service accepts; it is also
	// the service's default page size.
	MaxPageSize = 100
	// MaxNextTokenLength is the longest NextToken the service accepts.
	MaxNextTokenLength = 1024
	// MaxProjectNames is the most project names one request may filter on.
	MaxProjectNames = 10
	// MaxProjectNameLength is the longest project name.
	MaxProjectNameLength = 255
)

// DescribeProjectsAPIClient is the one method of Client that pagination
// and most callers need. Depend on it instead of *Client to substitute a
// fake in tests.
type DescribeProjectsAPIClient interface {
	DescribeProjects(ctx context.Context, params *DescribeProjectsInput, optFns ...func(*Options)) (*DescribeProjectsOutput, error)
}

var _ DescribeProjectsAPIClient = (*Client)(nil)

// DescribeProjectsInput selects the projects to list. The zero value lists
// the first page of Custom Labels projects. A zero field is left out of the
// request.
type DescribeProjectsInput struct {
	// NextToken continues a listing: pass the NextToken of the previous
	// output. At most 1024 characters.
	NextToken string
	// MaxResults is the page size, 1 to 100. Zero means the service default
	// of 100.
	MaxResults int32
	// ProjectNames lists only the named projects: 1 to 10 names, each 1 to
	// 255 characters of [a-zA-Z0-9_.-]. Empty means every project.
	ProjectNames []string
	// Features lists only projects of these features, at most 2 and no
	// duplicates. Empty means CUSTOM_LABELS only, the service's default:
	// set both values to see Custom Moderation adapters too.
	Features []CustomizationFeature
}

// DescribeProjectsOutput is one page of projects.
type DescribeProjectsOutput struct {
	// ProjectDescriptions are the projects of this page, ordered by
	// creation time.
	ProjectDescriptions []ProjectDescription
	// NextToken is set when more projects follow; pass it as the next
	// input's NextToken. Empty at the end of the listing.
	NextToken string
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// DescribeProjects lists Amazon Rekognition Custom Labels projects and
// Custom Moderation adapters, one page per call (IAM action
// rekognition:DescribeProjects). A nil params is an empty input.
//
// Input is checked against the service model first; a violation returns an
// *InvalidParamError and sends nothing. Throttling, 5xx responses and
// connection errors are retried as Options says. optFns change the options
// for this call only.
//
// To list every project, range over AllProjects, or use
// NewDescribeProjectsPaginator, instead of following NextToken by hand.
func (c *Client) DescribeProjects(ctx context.Context, params *DescribeProjectsInput, optFns ...func(*Options)) (*DescribeProjectsOutput, error) {
	if params == nil {
		params = &DescribeProjectsInput{}
	}
	return call[DescribeProjectsOutput](ctx, c, opDescribeProjects, params, optFns)
}

func (o *DescribeProjectsOutput) setRequestID(id string) { o.RequestID = id }

func (o *DescribeProjectsOutput) decodeJSON(d *jsondec.Decoder) {
	*o = DescribeProjectsOutput{}
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "ProjectDescriptions":
			jsondec.List(d, &o.ProjectDescriptions, &projectScratch, decodeProjectDescription)
		case "NextToken":
			d.String(&o.NextToken)
		}
	}
	checkNextToken(d, o.NextToken)
}

// validate checks the input against the model constraints of the service.
func (in *DescribeProjectsInput) validate() error {
	if in.MaxResults != 0 && (in.MaxResults < 1 || in.MaxResults > MaxPageSize) {
		return &InvalidParamError{Field: "MaxResults",
			Rule: fmt.Sprintf("must be 1 to %d, got %d", MaxPageSize, in.MaxResults)}
	}
	if !utf8.ValidString(in.NextToken) {
		// JSON cannot carry it: the token sent would not be the one given.
		return &InvalidParamError{Field: "NextToken", Rule: "must be valid UTF-8"}
	}
	if n := utf8.RuneCountInString(in.NextToken); n > MaxNextTokenLength {
		return &InvalidParamError{Field: "NextToken",
			Rule: fmt.Sprintf("must be at most %d characters, got %d", MaxNextTokenLength, n)}
	}
	if len(in.ProjectNames) > MaxProjectNames {
		return &InvalidParamError{Field: "ProjectNames",
			Rule: fmt.Sprintf("must have 1 to %d names, got %d", MaxProjectNames, len(in.ProjectNames))}
	}
	for i, name := range in.ProjectNames {
		if rule := projectNameRule(name); rule != "" {
			return &InvalidParamError{Field: "ProjectNames[" + strconv.Itoa(i) + "]", Rule: rule}
		}
	}
	if len(in.Features) > 2 {
		return &InvalidParamError{Field: "Features",
			Rule: fmt.Sprintf("must have 1 to 2 values, got %d", len(in.Features))}
	}
	for i, f := range in.Features {
		field := "Features[" + strconv.Itoa(i) + "]"
		if !enumLike(string(f)) {
			return &InvalidParamError{Field: field,
				Rule: fmt.Sprintf("must be CUSTOM_LABELS or CONTENT_MODERATION, got %s", quoteShort(string(f)))}
		}
		for _, prev := range in.Features[:i] {
			if prev == f {
				return &InvalidParamError{Field: field, Rule: fmt.Sprintf("duplicates %s", f)}
			}
		}
	}
	return nil
}

// projectNameRule returns the rule name breaks, or "".
func projectNameRule(name string) string {
	if len(name) == 0 || len(name) > MaxProjectNameLength {
		return fmt.Sprintf("must be 1 to %d characters, got %d", MaxProjectNameLength, utf8.RuneCountInString(name))
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
			return fmt.Sprintf("must contain only [a-zA-Z0-9_.-], got %s", quoteShort(name))
		}
	}
	return ""
}

// enumLike reports whether s looks like an enum value ([A-Z_]+), so that a
// value the service adds later is not blocked here.
func enumLike(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}

func quoteShort(s string) string {
	if len(s) > 64 {
		return strconv.Quote(s[:64]) + "…"
	}
	return strconv.Quote(s)
}

// jsonSizeHint estimates the encoded size, to allocate the body once.
func (in *DescribeProjectsInput) jsonSizeHint() int {
	n := 64 + len(in.NextToken)
	for _, s := range in.ProjectNames {
		n += len(s) + 3
	}
	return n + 24*len(in.Features)
}

// appendJSON appends the request body: members in alphabetical order, as
// the AWS SDK for Go writes them, and unset members left out.
func (in *DescribeProjectsInput) appendJSON(b []byte) []byte {
	b = append(b, '{')
	sep := false
	key := func(name string) {
		if sep {
			b = append(b, ',')
		}
		sep = true
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	if len(in.Features) > 0 {
		key("Features")
		b = wire.AppendStrings(b, in.Features)
	}
	if in.MaxResults != 0 {
		key("MaxResults")
		b = strconv.AppendInt(b, int64(in.MaxResults), 10)
	}
	if in.NextToken != "" {
		key("NextToken")
		b = wire.AppendString(b, in.NextToken)
	}
	if len(in.ProjectNames) > 0 {
		key("ProjectNames")
		b = wire.AppendStrings(b, in.ProjectNames)
	}
	return append(b, '}')
}
