package customlabelstest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzControlFaults posts arbitrary bodies to the control API's faults
// resource: it answers 200 or a 400 naming what is wrong, always in JSON,
// and every fault it accepts then answers a request without a panic (an
// aborted response, as a dropped connection is on a recorder, is fine).
// Requests run with an ended context, so no injected delay waits.
func FuzzControlFaults(f *testing.F) {
	for _, seed := range []string{
		`{"Kind":"exception","Code":"ThrottlingException","Count":2,"CodeForm":"header-only-empty-body","RetryAfter":"1.5s"}`,
		`[{"Kind":"latency","Delay":"1h"},{"Kind":"slow-body","Chunk":1,"Every":"1ms"}]`,
		`{"Kind":"raw-response","Status":204,"Header":{"Content-Length":"99","X":["é","\u0000"]},"Body":"\ud800"}`,
		`{"Kind":"redirect","Status":308,"Location":"//evil"}`,
		`{"Kind":"proxy-error","Status":599}`,
		`{"Kind":"truncated-body"}`,
		`{"Kind":"drop-connection","Delay":"-0s"}`,
		`[{}]`, `null`, `{"Kind":null}`, `[[]]`, `{"Kind":"exception","Code":"A","Count":1e9}`,
	} {
		f.Add([]byte(seed))
	}
	s := NewServer(WithoutSignatureVerification(), WithProjects(DemoProjects(3, 1)...))
	defer s.Close()
	ended, cancel := context.WithCancel(context.Background())
	cancel()

	f.Fuzz(func(t *testing.T, body []byte) {
		s.ClearFaults()
		r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1"+ControlPath+"faults", bytes.NewReader(body))
		r.RemoteAddr = "127.0.0.1:40000"
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.serveHTTP(w, r)
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("status %d with a body that is not JSON: %q", w.Code, w.Body)
		}
		switch w.Code {
		case http.StatusOK:
		case http.StatusBadRequest:
			var e struct{ Error string }
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("400 without an Error: %q", w.Body)
			}
			if s.PendingFaults() != 0 {
				t.Fatalf("a refused body queued %d faults", s.PendingFaults())
			}
			return
		default:
			t.Fatalf("status %d: %q", w.Code, w.Body)
		}
		for range min(s.PendingFaults(), 20) {
			answer(t, s, ended)
		}
	})
}

// answer sends one DescribeProjects to s's handler.
func answer(t *testing.T, s *Server, ctx context.Context) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			if err, ok := v.(error); !ok || !errors.Is(err, http.ErrAbortHandler) {
				t.Fatalf("the handler panicked: %v", v)
			}
		}
	}()
	r := httptest.NewRequestWithContext(ctx, http.MethodPost, "http://127.0.0.1/", bytes.NewReader([]byte("{}")))
	r.Header.Set("Content-Type", contentType)
	r.Header.Set("X-Amz-Target", targetPrefix+"DescribeProjects")
	s.serveHTTP(httptest.NewRecorder(), r)
}
