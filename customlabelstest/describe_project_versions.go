package customlabelstest

import (
	"errors"
	"net/http"
	"regexp"

	"github.com/rekognition-go/customlabels"
)

// The model's patterns of project and version ARNs.
const (
	patternProjectArn        = `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`
	patternProjectVersionArn = `(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`
)

var (
	projectArnRE        = regexp.MustCompile(patternProjectArn)
	projectVersionArnRE = regexp.MustCompile(patternProjectVersionArn)
)

// Model limits of DescribeProjectVersions.
const (
	maxVersionNames        = 10
	maxVersionsPageSize    = 100
	minArnLength           = 20
	maxArnLength           = 2048
	defaultVersionPageSize = 100
)

// describeProjectVersionsInput is a DescribeProjectVersions request body
// as received; nil members were absent.
type describeProjectVersionsInput struct {
	maxResults   *int64
	nextToken    *string
	projectArn   *string
	versionNames []string
}

// validate checks in against the model and returns the message of a
// ValidationException, or "".
func (in *describeProjectVersionsInput) validate() string {
	var v violations
	if in.maxResults != nil {
		v.atLeast(*in.maxResults, "maxResults", 1)
		v.atMost(*in.maxResults, "maxResults", maxVersionsPageSize)
	}
	if in.nextToken != nil {
		v.length(*in.nextToken, "nextToken", 0, customlabels.MaxNextTokenLength)
	}
	if in.projectArn == nil {
		v.required("projectArn")
	} else {
		v.arn(*in.projectArn, "projectArn", projectArnRE, patternProjectArn)
	}
	if in.versionNames != nil {
		v.names(in.versionNames, "versionNames", maxVersionNames)
	}
	return v.message()
}

// arn checks an ARN's length and pattern.
func (v *violations) arn(arn, member string, re *regexp.Regexp, pattern string) {
	v.length(arn, member, minArnLength, maxArnLength)
	if !re.MatchString(arn) {
		v.add(arn, member, "satisfy regular expression pattern: "+pattern)
	}
}

// serveDescribeProjectVersions answers DescribeProjectVersions: the
// versions of one project, latest first, as they are now on the models'
// clock.
func (s *Server) serveDescribeProjectVersions(body []byte, requestID string) *response {
	var in describeProjectVersionsInput
	if msg := decodeMembers(body,
		integerMember("MaxResults", &in.maxResults),
		stringMember("NextToken", &in.nextToken),
		stringMember("ProjectArn", &in.projectArn),
		stringsMember("VersionNames", &in.versionNames),
	); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeSerialization, msg)
	}
	if msg := in.validate(); msg != "" {
		return errorResponse(http.StatusBadRequest, requestID, codeValidation, msg)
	}

	q := versionQuery{
		projectArn: *in.projectArn,
		project:    projectKey(*in.projectArn),
		limit:      defaultVersionPageSize,
	}
	if in.versionNames != nil {
		q.names = map[string]bool{}
		for _, n := range in.versionNames {
			q.names[n] = true
		}
	}
	if in.maxResults != nil {
		q.limit = int(*in.maxResults)
	}
	if in.nextToken != nil && *in.nextToken != "" {
		pos, err := s.decodeTokenFor(q.filterHash(), *in.nextToken)
		if err != nil {
			msg := "Invalid pagination token"
			if errors.Is(err, errTokenQuery) {
				msg = "Invalid pagination token: it was issued for a request with another ProjectArn or other VersionNames"
			}
			return errorResponse(http.StatusBadRequest, requestID, "InvalidPaginationTokenException", msg)
		}
		q.start = &pos
	}

	now := s.modelNow()
	s.mu.Lock()
	if _, ok := s.store.byArn[q.projectArn]; !ok {
		s.mu.Unlock()
		return errorResponse(http.StatusBadRequest, requestID, "ResourceNotFoundException",
			"The project "+q.projectArn+" does not exist")
	}
	entries := s.versions.versions(&q)
	more := len(entries) > q.limit
	entries = entries[:min(len(entries), q.limit)]
	items := make([]customlabels.ProjectVersionDescription, len(entries))
	for i, e := range entries {
		s.settle(e, now)
		items[i] = e.v // lists are never changed in place: a shallow copy is safe
	}
	var token string
	if more {
		token = s.encodeTokenAt(q.filterHash(), entries[len(entries)-1].key())
	}
	s.mu.Unlock()

	b := appendVersionPage(make([]byte, 0, 64+1200*len(items)), items, token)
	return newResponse(http.StatusOK, requestID, b)
}
