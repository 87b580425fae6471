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

// ErrRepeatedNextToken is returned, wrapped, when a listing's response
// carries the very NextToken its request sent: requesting it again would
// return the same page forever. The page that carried the token is still
// returned; the error comes instead of the next page. Match it with
// errors.Is.
var ErrRepeatedNextToken = errors.New("customlabels: the service returned the NextToken it was sent")

// ErrInvalidStartingToken is returned, wrapped with the reason, when
// PaginatorOptions.StartingToken is not a token that ResumeToken made for
// the same query: it is malformed, altered, cut short, or was made for
// other filters (ProjectNames and Features; ProjectArn and VersionNames).
// Nothing is sent. Match it with errors.Is.
var ErrInvalidStartingToken = errors.New("customlabels: invalid StartingToken")

// errNoMorePages is returned by NextPage when HasMorePages is false.
var errNoMorePages = errors.New("customlabels: no more pages: HasMorePages is false")

// PaginatorOptions configure a paginator of any listing.
type PaginatorOptions struct {
	// Limit is the page size, sent as MaxResults with every request: 1 to
	// 100. Zero means the MaxResults of the params, and when that is zero
	// too, the service's default of 100.
	Limit int32

	// MaxItems caps the number of items returned in total, across pages:
	// the page that reaches the cap is cut short and the paginator ends
	// there. Zero means no cap. ResumeToken then continues right after the
	// last item returned.
	MaxItems int

	// StartingToken continues a listing where an earlier paginator stopped:
	// pass the string its ResumeToken returned, with the same filters (in
	// the same order). It may point into the middle of a page. Empty means
	// the start of the listing, or params.NextToken when that is set;
	// setting both is an error. A token that is malformed, altered or made
	// for another query makes NextPage fail with ErrInvalidStartingToken
	// before any request.
	StartingToken string
}

// Paginator lists the items of a listing operation page by page, following
// NextToken: DescribeProjectsPaginator and DescribeProjectVersionsPaginator
// are its instances. Create one with NewDescribeProjectsPaginator or
// NewDescribeProjectVersionsPaginator; call NextPage while HasMorePages is
// true, or range over Pages or All.
//
// A paginator is a cursor that makes one pass over the listing; it is not
// safe for concurrent use. It never changes the params it was created with.
type Paginator[Out, Item any] struct {
	list *listing[Out, Item]
	// fetch requests one page: the params with NextToken and MaxResults
	// set. It reads the paginator's copy of the params and never writes it.
	fetch func(ctx context.Context, token string, limit int32, optFns []func(*Options)) (*Out, error)
	opts  PaginatorOptions
	query queryHash

	// err, when set, is returned by NextPage without a request: an invalid
	// option or StartingToken, or a repeated NextToken.
	err error

	// The next item to return is the one after the first skip items of
	// the page that token fetches ("" fetches the first page). ended means
	// the service has no more items.
	token string
	skip  int
	ended bool

	// returned counts the items returned, against MaxItems.
	returned int

	// The last page returned came from pageToken; it held the items from
	// index pageStart of that service page, pageLen of them.
	pageToken string
	pageStart int
	pageLen   int
}

// listing describes a listing operation to the shared paginator: which
// member holds the items, and the token.
type listing[Out, Item any] struct {
	op string
	// limit is the largest MaxResults.
	limit     int32
	items     func(*Out) []Item
	setItems  func(*Out, []Item)
	nextToken func(*Out) string
	requestID func(*Out) string
}

// newPaginator returns a paginator over list, starting at the params'
// NextToken and page size, for the query whose filters hash to query.
func newPaginator[Out, Item any](list *listing[Out, Item], nextToken string, maxResults int32, query queryHash, optFns []func(*PaginatorOptions)) *Paginator[Out, Item] {
	p := &Paginator[Out, Item]{list: list, query: query, token: nextToken}
	for _, fn := range optFns {
		fn(&p.opts)
	}
	optionsName := list.op + "PaginatorOptions"
	switch {
	case p.opts.Limit < 0 || p.opts.Limit > list.limit:
		p.err = &InvalidParamError{Input: optionsName, Field: "Limit",
			Rule: fmt.Sprintf("must be 0 to %d, got %d", list.limit, p.opts.Limit)}
	case p.opts.MaxItems < 0:
		p.err = &InvalidParamError{Input: optionsName, Field: "MaxItems",
			Rule: fmt.Sprintf("must be 0 (no cap) or more, got %d", p.opts.MaxItems)}
	case p.opts.StartingToken != "" && nextToken != "":
		p.err = fmt.Errorf("%w: %sInput.NextToken is set too; give one or the other", ErrInvalidStartingToken, list.op)
	case p.opts.StartingToken != "":
		p.token, p.skip, p.err = decodeResumeToken(p.opts.StartingToken, p.query)
	}
	if p.opts.Limit == 0 {
		p.opts.Limit = maxResults // checked by the client, as MaxResults
	}
	return p
}

// HasMorePages reports whether NextPage has something to return: a page,
// or an error that stops the listing (such as ErrRepeatedNextToken or an
// invalid StartingToken). It is true before the first page, and false once
// the service has sent its last page or MaxItems items were returned.
func (p *Paginator[Out, Item]) HasMorePages() bool {
	if p.opts.MaxItems > 0 && p.returned >= p.opts.MaxItems {
		return false
	}
	return p.err != nil || !p.ended
}

// NextPage fetches and returns the next page. optFns change the client
// options for this request only.
//
// The page is the service's output, with its items cut to those not yet
// returned (after a StartingToken that points into a page) and to
// MaxItems. Its NextToken is left as the service sent it; ResumeToken, not
// NextToken, continues after the last item returned.
//
// On error nothing changes: calling NextPage again retries the same page.
// An error from the service is returned as the client returned it; a
// cancelled ctx returns ctx.Err() without a request. Calling NextPage when
// HasMorePages is false is an error.
func (p *Paginator[Out, Item]) NextPage(ctx context.Context, optFns ...func(*Options)) (*Out, error) {
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
		out, err := p.fetch(ctx, p.token, p.opts.Limit, optFns)
		if err != nil {
			return nil, err
		}
		if out == nil {
			return nil, fmt.Errorf("customlabels: %s returned neither an output nor an error", p.list.op)
		}

		items := p.list.items(out)
		next := p.list.nextToken(out)
		n := len(items)
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
		case next == "":
			p.ended = true
		case next == p.token:
			// Asking again would return this page again: stay after it
			// and fail the next call instead of looping. When MaxItems
			// ends the listing here anyway, there is no next call.
			p.skip = max(p.skip, n)
			p.err = fmt.Errorf("%w (%s, request ID %q): stopped instead of requesting the same page again",
				ErrRepeatedNextToken, p.list.op, p.list.requestID(out))
		default:
			p.token, p.skip = next, p.skip-start
		}

		if skippedAll && !p.ended {
			// The whole page came before the StartingToken's item (the
			// page size changed since the token was made): go on.
			if p.err != nil {
				return nil, p.err
			}
			continue
		}
		if start > 0 || end < n {
			cut := *out
			p.list.setItems(&cut, items[start:end:end])
			out = &cut
		}
		return out, nil
	}
}

// unread gives back the items of the last page after its first k: the
// caller of NextPage used only k of them. The next page starts with the
// first item given back, and ResumeToken points at it.
func (p *Paginator[Out, Item]) unread(k int) {
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
// PaginatorOptions.StartingToken of a new paginator over the same query,
// continues right after the last item this paginator returned (through
// NextPage, Pages or All), even in the middle of a page. Save it after
// MaxItems ended the listing or after a break out of a range loop, to
// continue later, in another process if need be.
//
// ResumeToken returns "" when the listing was read to its end, and also
// when nothing was returned yet from the start of the listing; as a
// StartingToken, "" starts from the beginning. Use HasMorePages to tell
// the two apart.
//
// The token holds the service's NextToken (readable by whoever holds the
// token: treat it as you would a NextToken), the number of items of that
// page to skip, a hash of the query's filters, and a checksum. The
// checksum detects a token that was altered or cut short by accident; it
// is not a secret-keyed signature, so it does not stop anyone from making
// a token on purpose, and a made-up token gains nothing the params'
// NextToken would not give. If items are created or deleted in between,
// the continuation follows the service's NextToken and may shift by as
// many items.
func (p *Paginator[Out, Item]) ResumeToken() string {
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
func (p *Paginator[Out, Item]) Pages(ctx context.Context, optFns ...func(*Options)) iter.Seq2[*Out, error] {
	return func(yield func(*Out, error) bool) {
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

// All returns an iterator over every item of the listing, one page held
// at a time, fetched only as the range reaches it. It makes no request
// until ranged, and after a break none more: ResumeToken then points right
// after the last item yielded. An error (a failed page, a repeated
// NextToken, a cancelled ctx) is yielded once, with a zero item, as the
// last pair. optFns change the client options for each request.
//
// Ranging continues the paginator, so ranging All again goes on right
// after the last item yielded (fetching that page again when a break left
// it half read, and retrying after an error); once the listing has ended
// it yields nothing. For a listing that can be ranged afresh, use
// AllProjects or AllProjectVersions.
func (p *Paginator[Out, Item]) All(ctx context.Context, optFns ...func(*Options)) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		var zero Item
		done := ctx.Done()
		for p.HasMorePages() {
			out, err := p.NextPage(ctx, optFns...)
			if err != nil {
				yield(zero, err)
				return
			}
			items := p.list.items(out)
			for i := range items {
				if done != nil {
					select {
					case <-done:
						p.unread(i)
						yield(zero, ctx.Err())
						return
					default:
					}
				}
				if !yield(items[i], nil) {
					p.unread(i + 1)
					return
				}
			}
		}
	}
}

// fresh returns an iterator that ranges a copy of p, so that each range
// starts the listing afresh: the short forms AllProjects and
// AllProjectVersions.
func (p *Paginator[Out, Item]) fresh(ctx context.Context) iter.Seq2[Item, error] {
	start := *p
	return func(yield func(Item, error) bool) {
		c := start // a fresh cursor; the copied params are never written
		c.All(ctx)(yield)
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

// hashQuery hashes an operation's filters exactly as they are sent, in
// order, each list as its length and its strings. The page size is left
// out: a service NextToken stays valid when it changes.
func hashQuery(op string, lists ...[]string) queryHash {
	buf := []byte("customlabels " + op + " query\x00")
	for _, l := range lists {
		buf = binary.AppendUvarint(buf, uint64(len(l)))
		for _, s := range l {
			buf = binary.AppendUvarint(buf, uint64(len(s)))
			buf = append(buf, s...)
		}
	}
	sum := sha256.Sum256(buf)
	return queryHash(sum[:len(queryHash{})])
}

// stringsOf returns a list of enum values as strings, for hashQuery.
func stringsOf[S ~string](vals []S) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// boolText returns an optional boolean filter as text, for hashQuery:
// "" when unset, so that nil, false and true are three queries.
func boolText(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "true"
	}
	return "false"
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
		return invalid("the token was made for a different query; its filters must be the same, in the same order")
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
