package sdkv2_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// generatedOperation is a row of op_table_gen_test.go, which genapi writes
// from the service model: every operation the client implements, with a
// full input (every member set).
type generatedOperation struct {
	name string
	full func() any
	call func(ctx context.Context, c *customlabels.Client, in any) (any, error)
}

func ptr[T any](v T) *T { return &v }

// recorder answers every request with {} and keeps the last one.
type recorder struct {
	mu     sync.Mutex
	header http.Header
	body   []byte
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	rec.mu.Lock()
	rec.header, rec.body = r.Header.Clone(), b
	rec.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_, _ = w.Write([]byte(`{}`))
}

func (rec *recorder) last() (http.Header, []byte) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return rec.header, rec.body
}

// For the same input, this client sends what the official client sends:
// the same target, the same content type and the same JSON body, member
// for member. The official client is generated from AWS's own model of
// the service, so this holds the generated encoders to the service, not
// only to the fake. The input goes to the official client as the body
// this client sent, read into the official input type.
func TestSameRequestsAsTheOfficialClient(t *testing.T) {
	rec := &recorder{}
	ts := httptest.NewServer(rec)
	defer ts.Close()
	creds := credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")
	ours := customlabels.New(customlabels.Options{Region: "us-east-1", BaseEndpoint: ts.URL, Credentials: creds})
	sdk := rekognition.New(rekognition.Options{Region: "us-east-1", BaseEndpoint: aws.String(ts.URL), Credentials: creds})
	ctx := context.Background()
	for _, g := range generatedOperations {
		t.Run(g.name, func(t *testing.T) {
			in := g.full()
			_, err := g.call(ctx, ours, in)
			require.NoError(t, err, "%s through this client", g.name)
			ourHeader, ourBody := rec.last()

			method := reflect.ValueOf(sdk).MethodByName(g.name)
			require.True(t, method.IsValid(), "the official client has no %s", g.name)
			sdkIn := reflect.New(method.Type().In(1).Elem())
			require.NoError(t, json.Unmarshal(ourBody, sdkIn.Interface()), "%s body into %s", g.name, sdkIn.Type())
			res := method.Call([]reflect.Value{reflect.ValueOf(ctx), sdkIn})
			require.True(t, res[1].IsNil(), "%s through the official client: %v", g.name, res[1])
			sdkHeader, sdkBody := rec.last()

			assert.Equal(t, sdkHeader.Get("X-Amz-Target"), ourHeader.Get("X-Amz-Target"))
			assert.Equal(t, sdkHeader.Get("Content-Type"), ourHeader.Get("Content-Type"))
			var ourJSON, sdkJSON any
			require.NoError(t, json.Unmarshal(ourBody, &ourJSON))
			require.NoError(t, json.Unmarshal(sdkBody, &sdkJSON))
			assert.Equal(t, sdkJSON, ourJSON, "%s bodies (-official +ours):\nours:     %s\nofficial: %s", g.name, ourBody, sdkBody)
			if !bytes.Equal(ourBody, sdkBody) {
				t.Logf("%s: same JSON, other bytes:\nours:     %s\nofficial: %s", g.name, ourBody, sdkBody)
			}
		})
	}
}
