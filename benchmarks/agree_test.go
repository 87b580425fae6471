package benchmarks

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/google/go-cmp/cmp"
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
	clients := newClients(srv.URL, 1)

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
			if err := c.throttled(ctx); err != nil {
				t.Error(err)
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
	auth := r.Header.Get("Authorization")
	_, rest, ok := strings.Cut(auth, "SignedHeaders=")
	if !ok {
		return "no SignedHeaders"
	}
	signed, sig, ok := strings.Cut(rest, ", Signature=")
	if !ok {
		return "no Signature"
	}
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return "bad X-Amz-Date"
	}
	req, _ := http.NewRequest(http.MethodPost, "http://"+r.Host+"/", bytes.NewReader(body))
	for _, h := range strings.Split(signed, ";") {
		if h == "host" || h == "content-length" {
			continue
		}
		req.Header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
	}
	hash := sha256.Sum256(body)
	sum := hex.EncodeToString(hash[:])
	creds := aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, sum, "rekognition", region, when); err != nil {
		return err.Error()
	}
	_, want, _ := strings.Cut(req.Header.Get("Authorization"), ", Signature=")
	if want != sig {
		return "signature mismatch over " + signed
	}
	return ""
}
