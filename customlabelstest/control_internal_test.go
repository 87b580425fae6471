package customlabelstest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestControlRefusesNonLoopbackClients calls the server's handler with
// remote addresses no loopback listener gives, which a real connection
// cannot fake.
func TestControlRefusesNonLoopbackClients(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.InjectFault(DropConnection())
	cases := []struct {
		remote string
		status int
	}{
		{"127.0.0.1:40000", http.StatusOK},
		{"127.9.8.7:40000", http.StatusOK},
		{"[::1]:40000", http.StatusOK},
		{"192.0.2.1:1234", http.StatusForbidden},
		{"10.0.0.5:80", http.StatusForbidden},
		{"[2001:db8::1]:443", http.StatusForbidden},
		{"[::ffff:192.0.2.1]:443", http.StatusForbidden},
		{"@", http.StatusForbidden}, // a Unix socket
		{"", http.StatusForbidden},
		{"127.0.0.1", http.StatusForbidden}, // no port: not what a TCP listener gives
	}
	for _, tc := range cases {
		for _, method := range []string{http.MethodGet, http.MethodDelete} {
			r := httptest.NewRequest(method, "http://127.0.0.1"+ControlPath+"faults", nil)
			r.RemoteAddr = tc.remote
			w := httptest.NewRecorder()
			s.serveHTTP(w, r)
			assert.Equal(t, tc.status, w.Code, "%s from %q: %s", method, tc.remote, w.Body)
			if tc.status == http.StatusForbidden {
				var out struct{ Error string }
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out))
				assert.Contains(t, out.Error, "only requests from a loopback address")
				assert.Equal(t, 1, s.PendingFaults(), "a refused DELETE clears nothing")
			} else if method == http.MethodDelete {
				s.InjectFault(DropConnection())
			}
		}
	}
	assert.Empty(t, s.Requests(), "control requests are not recorded")
}
