package customlabelstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"reflect"
	"slices"
	"strings"
)

// ControlPath is the path under which the server answers its control API:
// HTTP requests that change or read the server's state (faults, throttle,
// clock, projects, versions and their lifecycles, the request log), so that a test in any language drives
// it as a Go test drives Server's methods. No AWS client sends a request
// under it: AWS JSON clients always POST /.
//
// The control API needs no AWS credentials, and answers only requests from
// a loopback address to a loopback host: any other gets 403 Forbidden.
// Requests with a body must send Content-Type application/json (else 415),
// which a web page cannot send to it without a CORS preflight, and
// preflights are refused. Control requests take no fault, no throttle
// token and are not recorded in Requests. See the package documentation
// for its resources.
const ControlPath = "/_customlabels/"

// maxControlBody caps what the control API reads of a request body: a
// snapshot of many projects fits.
const maxControlBody = 32 << 20

// ControlURL returns the base URL of the control API,
// "http://127.0.0.1:PORT/_customlabels/".
func (s *Server) ControlURL() string { return s.URL + ControlPath }

// controlFunc answers one method of one control resource: it returns the
// value to write as JSON with status 200, or an error.
type controlFunc func(s *Server, body []byte) (any, error)

// controlResources maps each control resource (the path after ControlPath)
// to its methods. A new resource is one entry here and its handlers in a
// control_<resource>.go file.
var controlResources = map[string]map[string]controlFunc{
	"faults":    {http.MethodGet: listFaults, http.MethodPost: queueFaults, http.MethodDelete: clearFaults},
	"throttle":  {http.MethodGet: getThrottle, http.MethodPut: putThrottle},
	"clock":     {http.MethodGet: getClock, http.MethodPut: putClock},
	"projects":  {http.MethodGet: listProjects, http.MethodPost: addProjects, http.MethodDelete: removeProjects},
	"requests":  {http.MethodGet: listRequests, http.MethodDelete: clearRequests},
	"reset":     {http.MethodPost: resetServer},
	"versions":  {http.MethodGet: listVersions, http.MethodPost: addVersions, http.MethodDelete: removeVersions},
	"advance":   {http.MethodGet: getAdvance, http.MethodPost: postAdvance},
	"failures":  {http.MethodPost: postFailure},
	"models":    {http.MethodGet: listModels, http.MethodPut: putModel, http.MethodDelete: removeModels},
	"s3objects": {http.MethodGet: listS3Objects, http.MethodPost: putS3Object, http.MethodDelete: removeS3Object},
	"datasets":  {http.MethodGet: listDatasets, http.MethodPost: addDatasetJSON, http.MethodDelete: removeDatasetsJSON},

	"datasetfailures": {http.MethodPost: postDatasetFailure},
}

// isControlPath reports whether a request is for the control API.
func isControlPath(path string) bool {
	return path == strings.TrimSuffix(ControlPath, "/") || strings.HasPrefix(path, ControlPath)
}

// controlError is a control request refused with an HTTP status. Field
// names the member of the request body at fault, when one is.
type controlError struct {
	status  int
	field   string
	message string
}

func (e *controlError) Error() string {
	if e.field != "" {
		return e.field + ": " + e.message
	}
	return e.message
}

// badField is a 400 naming the member at fault.
func badField(field, format string, args ...any) *controlError {
	return &controlError{status: http.StatusBadRequest, field: field, message: fmt.Sprintf(format, args...)}
}

// serveControl answers a request for the control API.
func (s *Server) serveControl(w http.ResponseWriter, r *http.Request) {
	v, err := s.control(w, r)
	if err != nil {
		ce := &controlError{status: http.StatusInternalServerError, message: err.Error()}
		errors.As(err, &ce)
		body := struct {
			Error string
			Field string `json:",omitempty"`
		}{ce.Error(), ce.field}
		writeControlJSON(w, ce.status, body)
		return
	}
	writeControlJSON(w, http.StatusOK, v)
}

func (s *Server) control(w http.ResponseWriter, r *http.Request) (any, error) {
	if !loopbackRemote(r.RemoteAddr) {
		return nil, &controlError{status: http.StatusForbidden,
			message: "the control API answers only requests from a loopback address, not " + truncate(r.RemoteAddr, 64)}
	}
	if !loopbackHost(r.Host) {
		// A web page the user visits could otherwise reach the control API
		// through a DNS name rebound to 127.0.0.1.
		return nil, &controlError{status: http.StatusForbidden,
			message: "the control API answers only requests to a loopback host (127.0.0.1, [::1] or localhost), not " + truncate(r.Host, 64)}
	}
	name := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, strings.TrimSuffix(ControlPath, "/")), "/")
	methods, ok := controlResources[name]
	if name == "" {
		methods, ok = map[string]controlFunc{http.MethodGet: controlIndex}, true
	}
	if !ok {
		return nil, &controlError{status: http.StatusNotFound,
			message: "no control resource " + truncate(r.URL.Path, 128) + "; see GET " + ControlPath}
	}
	fn, ok := methods[r.Method]
	if !ok {
		allowed := sortedKeys(methods)
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		return nil, &controlError{status: http.StatusMethodNotAllowed,
			message: r.Method + " is not allowed on " + ControlPath + name + "; allowed: " + strings.Join(allowed, ", ")}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxControlBody+1))
	if err != nil {
		return nil, &controlError{status: http.StatusBadRequest, message: "reading the body: " + err.Error()}
	}
	if len(body) > maxControlBody {
		return nil, &controlError{status: http.StatusRequestEntityTooLarge,
			message: fmt.Sprintf("the body is larger than %d bytes", maxControlBody)}
	}
	if len(bytes.TrimSpace(body)) > 0 {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			return nil, &controlError{status: http.StatusUnsupportedMediaType,
				message: "a body must be sent with Content-Type application/json, not '" + truncate(r.Header.Get("Content-Type"), 64) + "'"}
		}
	}
	return fn(s, body)
}

// loopbackRemote reports whether a request's RemoteAddr is a loopback IP
// address. A listener that is not TCP (say, a Unix socket) gives none.
func loopbackRemote(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func writeControlJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(map[string]string{"Error": "encoding the answer: " + err.Error()})
	}
	b = append(b, '\n')
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// decodeControl decodes a JSON object body into dst, which must be a
// pointer to a struct: an empty body leaves dst as it is. An unknown
// member, a member of the wrong type or trailing data is a 400 naming the
// member. Members are matched by their exact names.
func decodeControl(body []byte, dst any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		return jsonError("", err)
	}
	known := fieldNames(dst)
	for k := range members {
		if !known[k] {
			return badField(k, "unknown member (members: %s)", strings.Join(sortedKeys(known), ", "))
		}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError("", err)
	}
	return nil
}

// jsonError turns an encoding/json error into a 400 naming the member;
// prefix is prepended to the member's name.
func jsonError(prefix string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if prefix != "" && field != "" {
			field = prefix + "." + field
		} else if field == "" {
			field = prefix
		}
		return badField(field, "must be a JSON %s, got %s", jsonTypeName(te.Type.Kind().String()), gotKind(te.Value))
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return badField(prefix, "the body is not valid JSON: %v (at byte %d)", err, se.Offset)
	}
	return badField(prefix, "the body is not valid JSON: %v", err)
}

// gotKind names the kind of JSON value of an UnmarshalTypeError's Value,
// as jsonKind does.
func gotKind(v string) string {
	switch {
	case v == "string":
		return "a string"
	case v == "bool":
		return "a boolean"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	case strings.HasPrefix(v, "number"):
		return "a number"
	}
	return v
}

func jsonTypeName(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "int", "int32", "int64", "float64", "float32":
		return "number"
	case "bool":
		return "boolean"
	case "slice":
		return "array"
	case "map", "struct":
		return "object"
	}
	return goKind
}

// fieldNames returns the JSON member names of the struct dst points to.
func fieldNames(dst any) map[string]bool {
	t := reflect.TypeOf(dst).Elem()
	names := make(map[string]bool, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names[name] = true
	}
	return names
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// controlIndex lists the control resources and their methods.
func controlIndex(*Server, []byte) (any, error) {
	type resource struct {
		Path    string
		Methods []string
	}
	var out struct{ Resources []resource }
	for _, name := range sortedKeys(controlResources) {
		out.Resources = append(out.Resources, resource{ControlPath + name, sortedKeys(controlResources[name])})
	}
	return out, nil
}
