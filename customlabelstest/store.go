package customlabelstest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"hash"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// entry is one stored project with its sort key: creation time, then the
// order of first insertion.
type entry struct {
	sec     int64
	nsec    int32
	seq     uint64
	name    string
	account string
	feature customlabels.CustomizationFeature
	p       customlabels.ProjectDescription // never modified once stored
}

// position is a point in the listing order: just after the entry with
// this key.
type position struct {
	sec  int64
	nsec int32
	seq  uint64
}

func (e *entry) after(p position) bool {
	switch {
	case e.sec != p.sec:
		return e.sec > p.sec
	case e.nsec != p.nsec:
		return e.nsec > p.nsec
	}
	return e.seq > p.seq
}

func (e *entry) less(o *entry) bool {
	return o.after(position{e.sec, e.nsec, e.seq})
}

// store holds the projects sorted by creation time.
type store struct {
	entries []*entry
	byArn   map[string]*entry
	nextSeq uint64
}

func (st *store) init() { st.byArn = make(map[string]*entry) }

func (st *store) put(p customlabels.ProjectDescription) {
	e := &entry{
		sec:     p.CreationTimestamp.Unix(),
		nsec:    int32(p.CreationTimestamp.Nanosecond()),
		name:    projectName(p.ProjectArn),
		account: arnAccount(p.ProjectArn),
		feature: p.Feature,
		p:       copyProject(p),
	}
	if e.feature == "" {
		e.feature = customlabels.CustomizationFeatureCustomLabels
	}
	if old, ok := st.byArn[p.ProjectArn]; ok {
		e.seq = old.seq
		st.removeEntry(old)
	} else {
		st.nextSeq++
		e.seq = st.nextSeq
	}
	i := sort.Search(len(st.entries), func(i int) bool { return e.less(st.entries[i]) })
	st.entries = slices.Insert(st.entries, i, e)
	st.byArn[p.ProjectArn] = e
}

func (st *store) remove(arn string) bool {
	e, ok := st.byArn[arn]
	if ok {
		st.removeEntry(e)
	}
	return ok
}

func (st *store) removeEntry(e *entry) {
	delete(st.byArn, e.p.ProjectArn)
	i := sort.Search(len(st.entries), func(i int) bool { return !st.entries[i].less(e) })
	for ; i < len(st.entries); i++ {
		if st.entries[i] == e {
			st.entries = slices.Delete(st.entries, i, i+1)
			return
		}
	}
}

// query is a validated DescribeProjects request.
type query struct {
	features map[customlabels.CustomizationFeature]bool
	names    map[string]bool // nil means every name
	account  string          // "" means every account
	limit    int
	start    *position // nil means the beginning
}

// page lists the projects of q: up to q.limit entries after q.start, and
// whether more follow.
func (st *store) page(q *query) (items []*entry, more bool) {
	i := 0
	if q.start != nil {
		i = sort.Search(len(st.entries), func(i int) bool { return st.entries[i].after(*q.start) })
	}
	for ; i < len(st.entries); i++ {
		e := st.entries[i]
		if !q.features[e.feature] || q.names != nil && !q.names[e.name] || q.account != "" && e.account != q.account {
			continue
		}
		if len(items) == q.limit {
			return items, true
		}
		items = append(items, e)
	}
	return items, false
}

// projectName returns NAME of "arn:...:project/NAME/123", or "".
func projectName(arn string) string {
	_, rest, ok := strings.Cut(arn, ":project/")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	return name
}

func copyProject(p customlabels.ProjectDescription) customlabels.ProjectDescription {
	if p.Datasets != nil {
		p.Datasets = append(make([]customlabels.DatasetMetadata, 0, len(p.Datasets)), p.Datasets...)
	}
	return p
}

// Pagination tokens are base64 (standard alphabet, so '+', '/' and '='
// appear as in real tokens) of:
//
//	version (1) | filter hash (8) | seconds (8) | nanoseconds (4) | seq (8) | HMAC-SHA256 (16)
//
// The position is that of the last project returned; the filter hash binds
// the token to ProjectNames and Features (and to the caller's account on a
// server of several accounts), not to MaxResults; the HMAC under
// a per-server key makes any other token invalid.
const (
	tokenVersion = 1
	tokenBody    = 1 + 8 + 8 + 4 + 8
	tokenMAC     = 16
)

var (
	errTokenMalformed = errors.New("malformed")
	errTokenQuery     = errors.New("issued for another query")
)

// pageLimit is the page size of a listing: MaxResults, or def when it is
// not set.
func pageLimit(maxResults int32, def int) int {
	if maxResults != 0 {
		return int(maxResults)
	}
	return def
}

// nameSet is the set of names a listing selects: nil, every name, when
// names is nil.
func nameSet(names []string) map[string]bool {
	if names == nil {
		return nil
	}
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	return set
}

// paginationError is the InvalidPaginationTokenException of a token a
// listing refused; other says what differed when the token was issued for
// another query ("another ProjectArn").
func paginationError(err error, other string) error {
	msg := "Invalid pagination token"
	if errors.Is(err, errTokenQuery) {
		msg = "Invalid pagination token: it was issued for a request with " + other
	}
	return &customlabels.InvalidPaginationTokenException{Message: msg}
}

// filterHash identifies the filters of q, ignoring order and duplicates.
func filterHash(q *query) [8]byte {
	h := sha256.New()
	writeSorted(h, slices.Collect(maps.Keys(q.features)))
	writeNameSet(h, q.names)
	if q.account != "" {
		// Only a server of several accounts binds tokens to the caller's:
		// a server of one issues the tokens it always did.
		h.Write([]byte("account\x00" + q.account))
	}
	var out [8]byte
	copy(out[:], h.Sum(nil))
	return out
}

// writeSorted writes the strings of a set to h in sorted order, each
// ended by a zero byte, so that equal sets hash alike.
func writeSorted[S ~string](h hash.Hash, set []S) {
	slices.Sort(set)
	for _, v := range set {
		h.Write([]byte(v))
		h.Write([]byte{0})
	}
}

// writeNameSet writes a name filter to h: nil (no filter) and an empty
// set differ.
func writeNameSet(h hash.Hash, names map[string]bool) {
	if names == nil {
		h.Write([]byte{1})
		return
	}
	h.Write([]byte{2})
	writeSorted(h, slices.Collect(maps.Keys(names)))
}

func (s *Server) encodeToken(q *query, last *entry) string {
	return s.encodeTokenAt(filterHash(q), position{last.sec, last.nsec, last.seq})
}

func (s *Server) decodeToken(q *query, token string) (position, error) {
	return s.decodeTokenFor(filterHash(q), token)
}

// encodeTokenAt returns the token of position p in the listing whose
// filters hash to fh.
func (s *Server) encodeTokenAt(fh [8]byte, p position) string {
	var b [tokenBody + tokenMAC]byte
	b[0] = tokenVersion
	copy(b[1:9], fh[:])
	binary.BigEndian.PutUint64(b[9:17], uint64(p.sec))
	binary.BigEndian.PutUint32(b[17:21], uint32(p.nsec))
	binary.BigEndian.PutUint64(b[21:29], p.seq)
	m := hmac.New(sha256.New, s.tokenKey)
	m.Write(b[:tokenBody])
	copy(b[tokenBody:], m.Sum(nil))
	return base64.StdEncoding.EncodeToString(b[:])
}

// decodeTokenFor returns the position a token holds, checking that it
// was issued by this server for a listing whose filters hash to fh.
func (s *Server) decodeTokenFor(fh [8]byte, token string) (position, error) {
	b, err := base64.StdEncoding.DecodeString(token)
	if err != nil || len(b) != tokenBody+tokenMAC || b[0] != tokenVersion {
		return position{}, errTokenMalformed
	}
	m := hmac.New(sha256.New, s.tokenKey)
	m.Write(b[:tokenBody])
	if !hmac.Equal(m.Sum(nil)[:tokenMAC], b[tokenBody:]) {
		return position{}, errTokenMalformed
	}
	if !hmac.Equal(fh[:], b[1:9]) {
		return position{}, errTokenQuery
	}
	return position{
		sec:  int64(binary.BigEndian.Uint64(b[9:17])),
		nsec: int32(binary.BigEndian.Uint32(b[17:21])),
		seq:  binary.BigEndian.Uint64(b[21:29]),
	}, nil
}
