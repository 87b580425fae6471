package customlabels

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"
	"unicode/utf8"
)

// ErrRepeatedNextToken is returned, wrapped, when a DescribeProjects
// response carries the very NextToken its request sent: requesting it again
// would return the same page forever. The page that carried the token is
// still returned; the error comes instead of the next page. Match it with
// errors.Is.
var ErrRepeatedNextToken = errors.New("customlabels: DescribeProjects returned the NextToken it was sent")

// ErrInvalidStartingToken is returned, wrapped with the reason, when
// DescribeProjectsPaginatorOptions.StartingToken is not a token that
// ResumeToken made for the same query: it is malformed, altered, cut
// short, or was made for other ProjectNames or Features. Nothing is sent.
// Match it with errors.Is.
var ErrInvalidStartingToken = errors.New("customlabels: invalid StartingToken")

// errNoMorePages is returned by NextPage when HasMorePages is false.
var errNoMorePages = errors.New("customlabels: no more pages: HasMorePages is false")

// DescribeProjectsPaginatorOptions configure a DescribeProjectsPaginator.
type DescribeProjectsPaginatorOptions struct {
	// Limit is the page size, sent as MaxResults with every request: 1 to
	// 100. Zero means the MaxResults of the params, and when that is zero
	// too, the service's default of 100.
	Limit int32

	// MaxItems caps the number of projects returned in total, across
	// pages: the page that reaches the cap is cut short and the paginator
	// ends there. Zero means no cap. ResumeToken then continues right after
	// the last project returned.
	MaxItems int

	// StartingToken continues a listing where an earlier paginator stopped:
	// pass the string its ResumeToken returned, with the same ProjectNames
	// and Features (in the same order). It may point into the middle of a
	// page. Empty means the start of the listing, or params.NextToken when
	// that is set; setting both is an error. A token that is malformed,
	// altered or made for another query makes NextPage fail with
	// ErrInvalidStartingToken before any request.
	StartingToken string
}

// DescribeProjectsPaginator lists projects page by page, following
// NextToken. Create one with NewDescribeProjectsPaginator; call NextPage
// while HasMorePages is true, or range over Pages or All.
//
// A paginator is a cursor that makes one pass over the listing; it is not
// safe for concurrent use. It never changes the params it was created with.
type DescribeProjectsPaginator struct {
	client DescribeProjectsAPIClient
	params DescribeProjectsInput // a copy; NextToken and MaxResults are set per request
	opts   DescribeProjectsPaginatorOptions
	query  queryHash

	// err, when set, is returned by NextPage without a request: an invalid
	// option or StartingToken, or a repeated NextToken.
	err error

	// The next project to return is the one after the first skip projects
	// of the page that token fetches ("" fetches the first page). ended
	// means the service has no more projects.
	token string
	skip  int
	ended bool

	// returned counts the projects returned, against MaxItems.
	returned int

	// The last page returned came from pageToken; it held the projects
	// from index pageStart of that service page, pageLen of them.
	pageToken string
	pageStart int
	pageLen   int
}

// NewDescribeProjectsPaginator returns a paginator over the projects that
// params selects (nil selects all Custom Labels projects), calling client
// once per page. It makes no request: the first happens in NextPage.
//
// params is copied, so later changes to it do not affect the paginator,
// and the paginator never changes it. params.NextToken, when set, is the
// service token to start from, as in the AWS SDK for Go; to continue after
// a MaxItems cap or a break, use StartingToken instead.
func NewDescribeProjectsPaginator(client DescribeProjectsAPIClient, params *DescribeProjectsInput, optFns ...func(*DescribeProjectsPaginatorOptions)) *DescribeProjectsPaginator {
	p := &DescribeProjectsPaginator{client: client}
	if params != nil {
		p.params = *params
		p.params.ProjectNames = append([]string(nil), params.ProjectNames...)
		p.params.Features = append([]CustomizationFeature(nil), params.Features...)
	}
	for _, fn := range optFns {
		fn(&p.opts)
	}
	p.query = hashQuery(p.params.ProjectNames, p.params.Features)
	p.token = p.params.NextToken
	switch {
	case p.opts.Limit < 0 || p.opts.Limit > MaxPageSize:
		p.err = fmt.Errorf("customlabels: invalid DescribeProjectsPaginatorOptions.Limit: must be 0 to %d, got %d", MaxPageSize, p.opts.Limit)
	case p.opts.MaxItems < 0:
		p.err = fmt.Errorf("customlabels: invalid DescribeProjectsPaginatorOptions.MaxItems: must be 0 (no cap) or more, got %d", p.opts.MaxItems)
	case p.opts.StartingToken != "" && p.params.NextToken != "":
		p.err = fmt.Errorf("%w: DescribeProjectsInput.NextToken is set too; give one or the other", ErrInvalidStartingToken)
	case p.opts.StartingToken != "":
		p.token, p.skip, p.err = decodeResumeToken(p.opts.StartingToken, p.query)
	}
	if p.opts.Limit == 0 {
		p.opts.Limit = p.params.MaxResults // checked by the client, as MaxResults
	}
	return p
}

// HasMorePages reports whether NextPage has something to return: a page,
// or an error that stops the listing (such as ErrRepeatedNextToken or an
// invalid StartingToken). It is true before the first page, and false once
// the service has sent its last page or MaxItems projects were returned.
func (p *DescribeProjectsPaginator) HasMorePages() bool {
	if p.opts.MaxItems > 0 && p.returned >= p.opts.MaxItems {
		return false
	}
	return p.err != nil || !p.ended
}

// NextPage fetches and returns the next page. optFns change the client
// options for this request only.
//
// The page is the service's output, with ProjectDescriptions cut to the
// projects not yet returned (after a StartingToken that points into a
// page) and to MaxItems. Its NextToken is left as the service sent it;
// ResumeToken, not NextToken, continues after the last project returned.
//
// On error nothing changes: calling NextPage again retries the same page.
// An error from the service is returned as the client returned it; a
// cancelled ctx returns ctx.Err() without a request. Calling NextPage when
// HasMorePages is false is an error.
func (p *DescribeProjectsPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*DescribeProjectsOutput, error) {
	if !p.HasMorePages() {
		return nil, errNoMorePages
	}
	if p.err != nil {
		return nil, p.err
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in := p.params
		in.NextToken = p.token
		in.MaxResults = p.opts.Limit
		out, err := p.client.DescribeProjects(ctx, &in, optFns...)
		if err != nil {
			return nil, err
		}
		if out == nil {
			return nil, errors.New("customlabels: DescribeProjects returned neither an output nor an error")
		}

		n := len(out.ProjectDescriptions)
		skippedAll := p.skip > 0 && p.skip >= n
		start := min(p.skip, n)
		end := n
		if p.opts.MaxItems > 0 {
			end = min(end, start+p.opts.MaxItems-p.returned)
		}
		p.pageToken, p.pageStart, p.pageLen = p.token, start, end-start
		p.returned += end - start

		switch {
		case end < n:
			// Cut by MaxItems: the rest of this page comes next.
			p.skip = end
		case out.NextToken == "":
			p.ended = true
		case out.NextToken == p.token:
			// Asking again would return this page again: stay after it
			// and fail the next call instead of looping. When MaxItems
			// ends the listing here anyway, there is no next call.
			p.skip = max(p.skip, n)
			p.err = fmt.Errorf("%w (request ID %q): stopped instead of requesting the same page again", ErrRepeatedNextToken, out.RequestID)
		default:
			p.token, p.skip = out.NextToken, p.skip-start
		}

		if skippedAll && !p.ended {
			// The whole page came before the StartingToken's project (the
			// page size changed since the token was made): go on.
			if p.err != nil {
				return nil, p.err
			}
			continue
		}
		if start > 0 || end < n {
			cut := *out
			cut.ProjectDescriptions = out.ProjectDescriptions[start:end:end]
			out = &cut
		}
		return out, nil
	}
}

// unread gives back the projects of the last page after its first k: the
// caller of NextPage used only k of them. The next page starts with the
// first project given back, and ResumeToken points at it.
func (p *DescribeProjectsPaginator) unread(k int) {
	if k >= p.pageLen {
		return
	}
	p.returned -= p.pageLen - k
	p.token, p.skip = p.pageToken, p.pageStart+k
	p.pageLen = k
	p.ended = false
	p.err = nil // a repeated token is met again when the page is fetched again
}

// ResumeToken returns an opaque token that, as
// DescribeProjectsPaginatorOptions.StartingToken of a new paginator over
// the same query, continues right after the last project this paginator
// returned (through NextPage, Pages or All), even in the middle of a page.
// Save it after MaxItems ended the listing or after a break out of a
// range loop, to continue later, in another process if need be.
//
// ResumeToken returns "" when the listing was read to its end, and also
// when nothing was returned yet from the start of the listing; as a
// StartingToken, "" starts from the beginning. Use HasMorePages to tell
// the two apart.
//
// The token holds the service's NextToken (readable by whoever holds the
// token: treat it as you would a NextToken), the number of projects of
// that page to skip, a hash of ProjectNames and Features, and a checksum.
// The checksum detects a token that was altered or cut short by accident;
// it is not a secret-keyed signature, so it does not stop anyone from
// making a token on purpose, and a made-up token gains nothing the params'
// NextToken would not give. If projects are created or deleted in between,
// the continuation follows the service's NextToken and may shift by as many
// projects.
func (p *DescribeProjectsPaginator) ResumeToken() string {
	if errors.Is(p.err, ErrInvalidStartingToken) {
		return p.opts.StartingToken // still invalid: never a silent restart
	}
	if p.ended || p.token == "" && p.skip == 0 {
		return ""
	}
	return encodeResumeToken(p.query, p.token, p.skip)
}

// Pages returns an iterator over the pages NextPage returns, with their
// errors. It makes no request until ranged, and after a break none more.
// An error is yielded once, as the last pair. optFns change the client
// options for each request.
//
// Ranging continues the paginator, so ranging Pages again goes on after
// the last page yielded (and retries after an error); once the listing
// has ended it yields nothing.
func (p *DescribeProjectsPaginator) Pages(ctx context.Context, optFns ...func(*Options)) iter.Seq2[*DescribeProjectsOutput, error] {
	return func(yield func(*DescribeProjectsOutput, error) bool) {
		for p.HasMorePages() {
			out, err := p.NextPage(ctx, optFns...)
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(out, nil) {
				return
			}
		}
	}
}

// All returns an iterator over every project of the listing, one page
// held at a time, fetched only as the range reaches it. It makes no
// request until ranged, and after a break none more: ResumeToken then
// points right after the last project yielded. An error (a failed page, a
// repeated NextToken, a cancelled ctx) is yielded once, with a zero
// ProjectDescription, as the last pair. optFns change the client options
// for each request.
//
// Ranging continues the paginator, so ranging All again goes on right
// after the last project yielded (fetching that page again when a break
// left it half read, and retrying after an error); once the listing has
// ended it yields nothing. For a listing that can be ranged afresh, use
// AllProjects.
func (p *DescribeProjectsPaginator) All(ctx context.Context, optFns ...func(*Options)) iter.Seq2[ProjectDescription, error] {
	return func(yield func(ProjectDescription, error) bool) {
		done := ctx.Done()
		for p.HasMorePages() {
			out, err := p.NextPage(ctx, optFns...)
			if err != nil {
				yield(ProjectDescription{}, err)
				return
			}
			for i := range out.ProjectDescriptions {
				if done != nil {
					select {
					case <-done:
						p.unread(i)
						yield(ProjectDescription{}, ctx.Err())
						return
					default:
					}
				}
				if !yield(out.ProjectDescriptions[i], nil) {
					p.unread(i + 1)
					return
				}
			}
		}
	}
}

// AllProjects returns an iterator over every project that params selects
// (nil selects all Custom Labels projects), fetched from client one page
// at a time as the range reaches it: the short form of
// NewDescribeProjectsPaginator(client, params, optFns...).All(ctx).
//
//	for p, err := range customlabels.AllProjects(ctx, client, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(p.ProjectArn)
//	}
//
// params and the options are read when AllProjects is called. Each range
// starts a new listing from the start (or from StartingToken), so the
// iterator can be ranged more than once; it makes no request until ranged
// and none after a break. An error is yielded once, as the last pair. To
// resume after a break, or to see pages, use the paginator.
func AllProjects(ctx context.Context, client DescribeProjectsAPIClient, params *DescribeProjectsInput, optFns ...func(*DescribeProjectsPaginatorOptions)) iter.Seq2[ProjectDescription, error] {
	start := *NewDescribeProjectsPaginator(client, params, optFns...)
	return func(yield func(ProjectDescription, error) bool) {
		p := start // a fresh cursor; the copied params are never written
		p.All(ctx)(yield)
	}
}

// The resume token is base64url (no padding) of
//
//	version (1 byte, 1) | query hash (8 bytes) | skip (uvarint) |
//	service NextToken (the remaining bytes) | checksum (8 bytes)
//
// where the checksum is the first 8 bytes of SHA-256 over a fixed prefix
// and everything before it.
const (
	resumeTokenVersion  = 1
	resumeChecksumSize  = 8
	resumeHeaderSize    = 1 + len(queryHash{})
	resumeMinSize       = resumeHeaderSize + 1 + resumeChecksumSize
	resumeMaxSize       = resumeHeaderSize + binary.MaxVarintLen32 + utf8.UTFMax*MaxNextTokenLength + resumeChecksumSize
	resumeChecksumLabel = "customlabels resume token\x00"
)

// maxResumeTokenLength bounds a StartingToken before it is decoded.
var maxResumeTokenLength = base64.RawURLEncoding.EncodedLen(resumeMaxSize)

// queryHash identifies a listing's filters: a resume token made for one
// query is refused by another.
type queryHash [8]byte

// hashQuery hashes the filters exactly as they are sent, in order. The page
// size is left out: a service NextToken stays valid when it changes.
func hashQuery(names []string, features []CustomizationFeature) queryHash {
	buf := []byte("customlabels DescribeProjects query\x00")
	buf = binary.AppendUvarint(buf, uint64(len(names)))
	for _, s := range names {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(features)))
	for _, f := range features {
		buf = binary.AppendUvarint(buf, uint64(len(f)))
		buf = append(buf, f...)
	}
	sum := sha256.Sum256(buf)
	return queryHash(sum[:len(queryHash{})])
}

func resumeChecksum(payload []byte) [resumeChecksumSize]byte {
	h := sha256.New()
	h.Write([]byte(resumeChecksumLabel))
	h.Write(payload)
	var sum [resumeChecksumSize]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func encodeResumeToken(q queryHash, token string, skip int) string {
	b := make([]byte, 0, resumeHeaderSize+binary.MaxVarintLen64+len(token)+resumeChecksumSize)
	b = append(b, resumeTokenVersion)
	b = append(b, q[:]...)
	b = binary.AppendUvarint(b, uint64(skip))
	b = append(b, token...)
	sum := resumeChecksum(b)
	b = append(b, sum[:]...)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeResumeToken checks s and returns the service token and skip count
// it holds. Errors wrap ErrInvalidStartingToken and never echo the token.
func decodeResumeToken(s string, q queryHash) (token string, skip int, err error) {
	invalid := func(format string, args ...any) (string, int, error) {
		return "", 0, fmt.Errorf("%w: "+format, append([]any{ErrInvalidStartingToken}, args...)...)
	}
	if len(s) > maxResumeTokenLength {
		return invalid("%d characters, more than any resume token (%d)", len(s), maxResumeTokenLength)
	}
	if strings.ContainsAny(s, "\r\n") {
		return invalid("not a resume token: it contains a line break")
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return invalid("not a resume token: %v", err)
	}
	if len(b) < resumeMinSize {
		return invalid("not a resume token: %d bytes, too short", len(b))
	}
	if b[0] != resumeTokenVersion {
		return invalid("unsupported resume token version %d", b[0])
	}
	payload, sum := b[:len(b)-resumeChecksumSize], b[len(b)-resumeChecksumSize:]
	if want := resumeChecksum(payload); !bytes.Equal(sum, want[:]) {
		return invalid("checksum mismatch: the token was altered or cut short")
	}
	if !bytes.Equal(payload[1:resumeHeaderSize], q[:]) {
		return invalid("the token was made for a different query; ProjectNames and Features must be the same, in the same order")
	}
	n, size := binary.Uvarint(payload[resumeHeaderSize:])
	if size <= 0 || n > math.MaxInt32 {
		return invalid("bad skip count")
	}
	token = string(payload[resumeHeaderSize+size:])
	if !utf8.ValidString(token) {
		return invalid("the NextToken inside is not valid UTF-8")
	}
	if c := utf8.RuneCountInString(token); c > MaxNextTokenLength {
		return invalid("the NextToken inside has %d characters, more than %d", c, MaxNextTokenLength)
	}
	return token, int(n), nil
}
