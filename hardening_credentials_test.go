package customlabels_test

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// refreshWindow is how long before expiry the client refreshes
// credentials (credentialsExpiryWindow in client.go).
const refreshWindow = time.Minute

// generations is a credentials provider whose every answer is a new
// generation: access key ID "AKIDGEN<n>", valid for fresh beyond the
// refresh window. It takes a while to answer, as STS or IMDS do, so that
// concurrent callers overlap.
type generations struct {
	fresh time.Duration
	calls atomic.Int64

	mu      sync.Mutex
	expires time.Time // of the last generation
}

func (g *generations) Retrieve(ctx context.Context) (aws.Credentials, error) {
	n := g.calls.Add(1)
	time.Sleep(50 * time.Millisecond)
	expires := time.Now().Add(refreshWindow + g.fresh)
	g.mu.Lock()
	g.expires = expires
	g.mu.Unlock()
	return aws.Credentials{
		AccessKeyID:     "AKIDGEN" + strconv.FormatInt(n, 10),
		SecretAccessKey: hSecretKey,
		SessionToken:    hToken,
		CanExpire:       true,
		Expires:         expires,
	}, nil
}

// refreshDue is when the last generation enters the refresh window.
func (g *generations) refreshDue() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.expires.Add(-refreshWindow)
}

// concurrently runs n calls of c at once and returns their errors.
func concurrently(c *customlabels.Client, n int) []error {
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = c.DescribeProjects(context.Background(), nil)
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// TestHardeningCredentialsRefresh gives the client credentials that enter
// the refresh window a second after they are issued, and makes 64
// concurrent calls before and after that. The provider is asked once for
// each group of 64 (the cache shares one refresh among all waiting
// callers), and no request is signed with credentials inside the refresh
// window: every call after the second is signed with the new generation.
func TestHardeningCredentialsRefresh(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	// The signing keys change with every generation; the fake records
	// the access key ID each request was signed with.
	srv, _ := newFake(t, customlabelstest.WithoutSignatureVerification())
	provider := &generations{fresh: time.Second}
	w := newSecretWatch()
	c := fakeClient(srv, w, func(o *customlabels.Options) { o.Credentials = provider })

	issued := time.Now()
	for _, err := range concurrently(c, 64) {
		require.NoError(t, err)
	}
	require.Less(t, time.Since(issued), provider.fresh, "the first group took too long to test a refresh")
	assert.EqualValues(t, 1, provider.calls.Load(), "64 concurrent first calls ask the provider once")

	time.Sleep(time.Until(provider.refreshDue()) + 10*time.Millisecond)
	for _, err := range concurrently(c, 64) {
		require.NoError(t, err)
	}
	assert.EqualValues(t, 2, provider.calls.Load(), "64 concurrent calls after expiry ask the provider once more")

	reqs := srv.Requests()
	require.Len(t, reqs, 128)
	keys := map[string]int{}
	for i, r := range reqs {
		keys[r.AccessKeyID]++
		if i >= 64 && r.AccessKeyID != "AKIDGEN2" {
			t.Errorf("request %d was signed with %s, credentials inside their refresh window", i, r.AccessKeyID)
		}
	}
	assert.Equal(t, map[string]int{"AKIDGEN1": 64, "AKIDGEN2": 64}, keys)
	w.check(t)
	srv.Close()
}

// TestHardeningCredentialsProviderFails covers a provider that fails: at
// the first call, and at a refresh after earlier calls succeeded. The
// caller gets an error that names the provider's failure (errors.Is
// reaches it), the call is not retried, nothing is sent, and once the
// provider recovers calls succeed again.
func TestHardeningCredentialsProviderFails(t *testing.T) {
	errNoRole := errors.New("no EC2 instance role found")
	var failing atomic.Bool
	var calls atomic.Int64
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		calls.Add(1)
		if failing.Load() {
			return aws.Credentials{}, errNoRole
		}
		// Inside the refresh window at once: every call asks again.
		return aws.Credentials{AccessKeyID: hAccessKey, SecretAccessKey: hSecretKey, SessionToken: hToken,
			CanExpire: true, Expires: time.Now().Add(refreshWindow / 2)}, nil
	})
	srv, conns := newFake(t)
	w := newSecretWatch()
	c := fakeClient(srv, w, func(o *customlabels.Options) { o.Credentials = provider })

	failing.Store(true)
	_, err := c.DescribeProjects(context.Background(), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, errNoRole)
	assert.Contains(t, err.Error(), "operation error Rekognition: DescribeProjects, get credentials: ")
	assert.Contains(t, err.Error(), errNoRole.Error())
	assert.EqualValues(t, 1, calls.Load(), "a provider failure is not retried")
	assert.Zero(t, conns.accepted.Load(), "nothing may be sent without credentials")
	w.check(t, err)

	failing.Store(false)
	_, err = c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, srv.Requests(), 1)

	failing.Store(true)
	_, err = c.DescribeProjects(context.Background(), nil)
	require.ErrorIs(t, err, errNoRole, "a failed refresh is an error, not a request with stale credentials")
	assert.Len(t, srv.Requests(), 1, "nothing sent")
	w.check(t, err)

	failing.Store(false)
	_, err = c.DescribeProjects(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, srv.Requests(), 2)
}

// TestHardeningCredentialsProviderHangs covers a provider that never
// answers and ignores its context (a metadata endpoint that does not
// respond): the call ends at its deadline with context.DeadlineExceeded and
// nothing sent.
func TestHardeningCredentialsProviderHangs(t *testing.T) {
	release := make(chan struct{})
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	defer close(release) // lets the provider return before goleak looks
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		<-release
		return aws.Credentials{}, errors.New("released")
	})
	srv, conns := newFake(t)
	defer srv.Close()
	c := fakeClient(srv, newSecretWatch(), func(o *customlabels.Options) { o.Credentials = provider })
	const deadline = 300 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	start := time.Now()
	_, err := c.DescribeProjects(ctx, nil)
	took := time.Since(start)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "get credentials")
	assert.Less(t, took, deadline+2*time.Second)
	assert.Zero(t, conns.accepted.Load(), "nothing may be sent without credentials")
}
