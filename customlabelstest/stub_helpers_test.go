package customlabelstest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/require"
)

// fakeTB records what a Stub reports, so that a test can assert that the
// Stub fails a test without failing its own. Fatalf ends the goroutine
// that calls it, as testing.T's does: declarations that may fail run
// through declare.
type fakeTB struct {
	mu       sync.Mutex
	errs     []string
	fatals   []string
	cleanups []func()
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatals = append(f.fatals, sprintf(format, args...))
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

// finish runs the cleanups, last first, as the end of a test does.
func (f *fakeTB) finish() {
	f.mu.Lock()
	fns := f.cleanups
	f.cleanups = nil
	f.mu.Unlock()
	for i := len(fns) - 1; i >= 0; i-- {
		fns[i]()
	}
}

// errors returns the Errorf messages so far and forgets them.
func (f *fakeTB) takeErrors() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	errs := f.errs
	f.errs = nil
	return errs
}

// declare runs fn as a test's goroutine would and returns the Fatalf
// message that ended it, or "".
func (f *fakeTB) declare(fn func()) string {
	done := make(chan struct{})
	f.mu.Lock()
	before := len(f.fatals)
	f.mu.Unlock()
	go func() {
		defer close(done)
		fn()
	}()
	<-done
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.fatals) > before {
		return f.fatals[len(f.fatals)-1]
	}
	return ""
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// newStubTB returns a Stub reporting to a fakeTB, and the fakeTB; at the
// end of t, the fakeTB's cleanups run, and t fails if any report was not
// taken by the test.
func newStubTB(t *testing.T) (*Stub, *fakeTB) {
	t.Helper()
	tb := &fakeTB{}
	s := NewStub(tb)
	t.Cleanup(func() {
		tb.finish()
		if errs := tb.takeErrors(); len(errs) > 0 {
			t.Errorf("the stub reported what the test did not check:\n%s", strings.Join(errs, "\n"))
		}
	})
	return s, tb
}

// signedRequest returns a POST of body to the Stub's client endpoint,
// with target and content type, signed with the Stub's credentials
// (unless secret says another).
func signedRequest(t *testing.T, target, ctype, body, secret string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, "https://rekognition.us-east-1.amazonaws.com/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("X-Amz-Target", target)
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: DefaultAccessKeyID, SecretAccessKey: secret}
	require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "rekognition", DefaultRegion, time.Now()))
	return req
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// credentialsOf returns static credentials other than the Stub's.
func credentialsOf(id, secret string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: id, SecretAccessKey: secret}, nil
	})
}
