package customlabelstest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxControlFaultCount caps the Count of one queued fault, and
// maxControlPending the faults pending after a POST, so that a request
// cannot fill the memory.
const (
	maxControlFaultCount = 10000
	maxControlPending    = 100000
)

// maxControlDuration caps a duration in a fault: more is a unit mistake.
const maxControlDuration = time.Hour

// faultJSON is one fault as the control API reads it. Durations are Go
// durations ("250ms", "1.5s", "2m").
type faultJSON struct {
	Kind       string
	Count      *int
	Delay      string
	RetryAfter string
	Code       string
	Status     int
	Message    string
	CodeForm   string
	Chunk      int
	Every      string
	Location   string
	Header     map[string]json.RawMessage // a string or a list of strings
	Body       string
}

// faultKinds are the Kinds the control API accepts, each with the members
// it reads besides Kind, Count, Delay and RetryAfter.
var faultKinds = map[string][]string{
	"exception":       {"Code", "Status", "Message", "CodeForm"},
	"latency":         nil,
	"truncated-body":  nil,
	"drop-connection": nil,
	"lost-answer":     nil,
	"proxy-error":     {"Status"},
	"slow-body":       {"Chunk", "Every"},
	"redirect":        {"Status", "Location"},
	"raw-response":    {"Status", "Header", "Body"},
}

// codeFormNames are the CodeForm values by their control API names.
var codeFormNames = map[string]CodeForm{
	"plain":                  CodePlain,
	"namespaced":             CodeNamespaced,
	"suffixed":               CodeSuffixed,
	"namespaced-suffixed":    CodeNamespacedSuffixed,
	"code-member":            CodeInCodeMember,
	"header-only":            CodeHeaderOnly,
	"header-only-empty-body": CodeHeaderOnlyEmptyBody,
}

// listFaults answers GET faults: how many are queued and what each is, in
// the order they will answer.
func listFaults(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := struct {
		Pending int
		Faults  []string
	}{len(s.faults), make([]string, len(s.faults))}
	for i, f := range s.faults {
		out.Faults[i] = f.String()
	}
	return out, nil
}

// queueFaults answers POST faults: a fault object, or a list of them,
// queued after those already pending. Nothing is queued unless every
// fault is valid.
func queueFaults(s *Server, body []byte) (any, error) {
	trimmed := bytes.TrimSpace(body)
	var raws []json.RawMessage
	prefix := func(int) string { return "" }
	switch {
	case len(trimmed) == 0:
		return nil, badField("", "the body must be a fault object or a list of them, e.g. {\"Kind\":\"exception\",\"Code\":\"ThrottlingException\"}")
	case trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, jsonError("", err)
		}
		if len(raws) == 0 {
			return nil, badField("", "the list of faults is empty")
		}
		prefix = func(i int) string { return "[" + strconv.Itoa(i) + "]." }
	default:
		raws = []json.RawMessage{trimmed}
	}
	type queued struct {
		f     Fault
		count int
	}
	all := make([]queued, len(raws))
	total := 0
	for i, raw := range raws {
		f, n, err := decodeFault(raw, prefix(i))
		if err != nil {
			return nil, err
		}
		all[i] = queued{f, n}
		total += n
	}
	if pending := s.PendingFaults(); total > maxControlPending-pending {
		return nil, badField("Count", "%d more faults would make more than %d pending (%d are)", total, maxControlPending, pending)
	}
	for _, q := range all {
		s.InjectFaults(q.count, q.f)
	}
	return struct{ Queued, Pending int }{total, s.PendingFaults()}, nil
}

// clearFaults answers DELETE faults.
func clearFaults(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	n := len(s.faults)
	s.faults = nil
	s.mu.Unlock()
	return struct{ Cleared int }{n}, nil
}

// decodeFault reads one fault object; p prefixes the member names of its
// errors. It returns the fault and its Count.
func decodeFault(raw json.RawMessage, p string) (Fault, int, error) {
	fj, kind, err := readFaultJSON(raw, p)
	if err != nil {
		return Fault{}, 0, err
	}
	count := 1
	if fj.Count != nil {
		count = *fj.Count
		if count < 1 || count > maxControlFaultCount {
			return Fault{}, 0, badField(p+"Count", "must be 1 to %d, got %d", maxControlFaultCount, count)
		}
	}
	delay, err := controlDuration(p+"Delay", fj.Delay, 0)
	if err != nil {
		return Fault{}, 0, err
	}
	retryAfter, err := controlDuration(p+"RetryAfter", fj.RetryAfter, time.Millisecond)
	if err != nil {
		return Fault{}, 0, err
	}
	f, err := fj.fault(kind, p, delay)
	if err != nil {
		return Fault{}, 0, err
	}
	if delay > 0 {
		f = f.WithDelay(delay)
	}
	if retryAfter > 0 {
		f = f.WithRetryAfter(retryAfter)
	}
	return f, count, nil
}

// readFaultJSON decodes a fault object and its Kind, refusing an unknown
// kind, an unknown member and a member its kind does not use.
func readFaultJSON(raw json.RawMessage, p string) (faultJSON, string, error) {
	var fj faultJSON
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil {
		return fj, "", jsonError(strings.TrimSuffix(p, "."), err)
	}
	var kind string
	if k, ok := members["Kind"]; !ok {
		return fj, "", badField(p+"Kind", "is required: one of %s", strings.Join(sortedKeys(faultKinds), ", "))
	} else if err := json.Unmarshal(k, &kind); err != nil {
		return fj, "", badField(p+"Kind", "must be a JSON string, got %s", jsonKind(k))
	}
	extra, ok := faultKinds[kind]
	if !ok {
		return fj, "", badField(p+"Kind", "unknown kind %q: one of %s", truncate(kind, 64), strings.Join(sortedKeys(faultKinds), ", "))
	}
	allowed := map[string]bool{"Kind": true, "Count": true, "Delay": true, "RetryAfter": true}
	for _, m := range extra {
		allowed[m] = true
	}
	known := fieldNames(&faultJSON{})
	for k := range members {
		switch {
		case !known[k]:
			return fj, "", badField(p+truncate(k, 64), "unknown member (members: %s)", strings.Join(sortedKeys(known), ", "))
		case !allowed[k]:
			return fj, "", badField(p+k, "is not used by kind %s (it uses %s)", kind, strings.Join(sortedKeys(allowed), ", "))
		}
	}
	if err := json.Unmarshal(raw, &fj); err != nil {
		return fj, "", jsonError(strings.TrimSuffix(p, "."), err)
	}
	return fj, kind, nil
}

// fault returns the fault of kind that fj describes, checking the members
// the kind reads; delay is fj's Delay, parsed.
func (fj *faultJSON) fault(kind, p string, delay time.Duration) (Fault, error) {
	switch kind {
	case "exception":
		return fj.exception(p)
	case "latency":
		if delay == 0 {
			return Fault{}, badField(p+"Delay", "is required for kind latency, e.g. \"2s\"")
		}
		return Latency(delay), nil
	case "truncated-body":
		return TruncatedBody(), nil
	case "drop-connection":
		return DropConnection(), nil
	case "lost-answer":
		return LostAnswer(), nil
	case "proxy-error":
		if fj.Status != 0 && (fj.Status < 400 || fj.Status > 599) {
			return Fault{}, badField(p+"Status", "must be 400 to 599, or absent for 502; got %d", fj.Status)
		}
		return ProxyError(fj.Status), nil
	case "slow-body":
		if fj.Chunk < 1 {
			return Fault{}, badField(p+"Chunk", "is required: the bytes sent at a time, 1 or more; got %d", fj.Chunk)
		}
		every, err := controlDuration(p+"Every", fj.Every, 0)
		if err != nil {
			return Fault{}, err
		}
		if every == 0 {
			return Fault{}, badField(p+"Every", "is required for kind slow-body: the pause between chunks, e.g. \"100ms\"")
		}
		return SlowBody(fj.Chunk, every), nil
	case "redirect":
		switch fj.Status {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		default:
			return Fault{}, badField(p+"Status", "must be 301, 302, 307 or 308; got %d", fj.Status)
		}
		if fj.Location == "" || strings.ContainsAny(fj.Location, "\r\n") {
			return Fault{}, badField(p+"Location", "is required: the URL redirected to, on one line")
		}
		return Redirect(fj.Status, fj.Location), nil
	case "raw-response":
		if fj.Status < 200 || fj.Status > 599 {
			return Fault{}, badField(p+"Status", "is required: 200 to 599; got %d", fj.Status)
		}
		h, err := rawHeader(fj.Header, p)
		if err != nil {
			return Fault{}, err
		}
		return RawResponse(fj.Status, h, []byte(fj.Body)), nil
	}
	return Fault{}, nil // not reached: readFaultJSON knows the kinds
}

// exception returns the exception fault fj describes.
func (fj *faultJSON) exception(p string) (Fault, error) {
	if fj.Code == "" || len(fj.Code) > 128 || strings.ContainsAny(fj.Code, "\r\n") {
		return Fault{}, badField(p+"Code", "is required: an error code of 1 to 128 characters, e.g. ThrottlingException")
	}
	if fj.Status != 0 && (fj.Status < 400 || fj.Status > 599) {
		return Fault{}, badField(p+"Status", "must be 400 to 599, or 0 or absent for the status AWS documents for the code; got %d", fj.Status)
	}
	form := CodePlain
	if fj.CodeForm != "" {
		var ok bool
		if form, ok = codeFormNames[fj.CodeForm]; !ok {
			return Fault{}, badField(p+"CodeForm", "unknown form %q: one of %s", truncate(fj.CodeForm, 64), strings.Join(sortedKeys(codeFormNames), ", "))
		}
	}
	return Exception(fj.Code, fj.Status, fj.Message).WithCodeForm(form), nil
}

// rawHeader reads the Header of a raw-response fault: each value a string
// or a list of strings.
func rawHeader(header map[string]json.RawMessage, p string) (http.Header, error) {
	h := http.Header{}
	for name, raw := range header {
		if !validHeaderName(name) {
			return nil, badField(p+"Header", "%q is not a valid header name", truncate(name, 64))
		}
		var vals []string
		if err := json.Unmarshal(raw, &vals); err != nil {
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return nil, badField(p+"Header."+name, "must be a JSON string or a list of strings, got %s", jsonKind(raw))
			}
			vals = []string{one}
		}
		for _, v := range vals {
			if strings.ContainsAny(v, "\r\n\x00") {
				return nil, badField(p+"Header."+name, "a value must not hold CR, LF or NUL")
			}
		}
		h[http.CanonicalHeaderKey(name)] = vals
	}
	return h, nil
}

// controlDuration parses a Go duration from 0 (or least, when not 0) to
// maxControlDuration; "" is 0.
func controlDuration(field, v string, least time.Duration) (time.Duration, error) {
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, badField(field, "must be a duration such as \"250ms\", \"1.5s\" or \"2m\"; got %q", truncate(v, 64))
	}
	if d < least || d < 0 || d > maxControlDuration {
		return 0, badField(field, "must be %s to %s; got %s", least, maxControlDuration, d)
	}
	return d, nil
}

// validHeaderName reports whether name is an HTTP token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range []byte(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}
