package benchmarks

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rekognition-go/customlabels/internal/sigv4check"
)

// TestClientsAgree checks that the three libraries do the same work the
// benchmarks time: signed requests that the server verifies, the same
// projects decoded from every page, the whole listing, and the throttling
// error recognised.
func TestClientsAgree(t *testing.T) {
	srv := newServer(t)
	var mu sync.Mutex
	var badSig []string
	inner := srv.Config.Handler
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := new(bytes.Buffer)
		_, _ = body.ReadFrom(r.Body)
		if err := verifySignature(r, body.Bytes()); err != "" {
			mu.Lock()
			badSig = append(badSig, r.Header.Get("User-Agent")+": "+err)
			mu.Unlock()
		}
		r.Body = http.NoBody
		r2 := r.Clone(r.Context())
		r2.Body = io.NopCloser(bytes.NewReader(body.Bytes()))
		inner.ServeHTTP(w, r2)
	})
	ctx := context.Background()
	// Default retries for the reads: under load on loopback the official
	// SDK sometimes fails a body read with "use of closed network
	// connection" (smithy-go closes the request body early; see
	// compat/sdkv2), and this test checks what each client decodes, not
	// how often it must retry. The throttling check has retries off.
	clients := newClients(srv.URL, 0)
	noRetry := newClients(srv.URL, 1)

	want100 := wantPage(0, pageSize)
	for _, name := range clientNames {
		c := clients[name]
		t.Run(name, func(t *testing.T) {
			got, next, err := c.summary(ctx, 1, "")
			if err != nil {
				t.Fatalf("page of 1: %v", err)
			}
			if diff := cmp.Diff(want100[:1], got); diff != "" {
				t.Errorf("page of 1 (-want +got):\n%s", diff)
			}
			if next != listToken(900) {
				t.Errorf("page of 1: NextToken = %q, want %q", next, listToken(900))
			}
			got, _, err = c.summary(ctx, pageSize, "")
			if err != nil {
				t.Fatalf("page of 100: %v", err)
			}
			if diff := cmp.Diff(want100, got); diff != "" {
				t.Errorf("page of 100 (-want +got):\n%s", diff)
			}
			got, next, err = c.summary(ctx, pageSize, listToken(listPages-1))
			if err != nil {
				t.Fatalf("last page: %v", err)
			}
			if diff := cmp.Diff(wantPage((listPages-1)*pageSize, pageSize), got); diff != "" {
				t.Errorf("last page (-want +got):\n%s", diff)
			}
			if next != "" {
				t.Errorf("last page: NextToken = %q, want none", next)
			}
			n, err := c.list(ctx, listToken(0))
			if err != nil || n != listPages*pageSize {
				t.Errorf("list = %d, %v; want %d, nil", n, err, listPages*pageSize)
			}
			for _, n := range []string{throttledName, errorName} {
				if err := noRetry[name].throttled(ctx, n); err != nil {
					t.Errorf("%s: %v", n, err)
				}
			}
		})
	}
	if len(badSig) > 0 {
		t.Errorf("%d requests failed signature verification, e.g. %s", len(badSig), badSig[0])
	}
}

func wantPage(first, n int) []project {
	var ps []project
	for k := first; k < first+n; k++ {
		created, _ := epoch(k)
		feature := "CUSTOM_LABELS"
		if k%4 == 3 {
			feature = "CONTENT_MODERATION"
		}
		arn := projectArn(k)
		ps = append(ps, project{Arn: arn, Created: created, Feature: feature, Datasets: []string{
			arn + "/dataset/train/" + itoa(1_700_000_100_000+int64(k)),
			arn + "/dataset/test/" + itoa(1_700_000_100_000+int64(k)),
		}})
	}
	return ps
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// verifySignature re-signs the request over the headers it lists and
// returns a description of any mismatch, or "".
func verifySignature(r *http.Request, body []byte) string {
	a, err := sigv4check.Parse(r.Header.Get("Authorization"))
	switch {
	case err != nil:
		return err.Error()
	case a.KeyID != accessKey || a.Region != region || a.Service != "rekognition":
		return "wrong credential scope"
	}
	if err := sigv4check.Verify(r, body, secretKey); err != nil {
		return err.Error()
	}
	return ""
}
