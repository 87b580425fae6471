package benchmarks

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// detectModelArn is the model version the DetectCustomLabels benchmarks
// call.
const detectModelArn = "arn:aws:rekognition:us-east-1:111122223333:project/bench/version/bench.2024-01-01T00.00.00/1704067200000"

// detectAnswer is the server's answer to every DetectCustomLabels: two
// labels, one with a box, as an object-detection model answers.
var detectAnswer = []byte(`{"CustomLabels":[{"Confidence":98.25,"Geometry":{"BoundingBox":{"Height":0.5,"Left":0.125,"Top":0.25,"Width":0.25}},"Name":"bottle"},{"Confidence":61.5,"Name":"can"}]}`)

// benchImage returns n bytes that start as a JPEG and are random after:
// base64 costs the same whatever the bytes, and random ones defeat any
// compression on the way.
func benchImage(n int) []byte {
	img := make([]byte, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img {
		img[i] = byte(r.Uint32())
	}
	copy(img, []byte{0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00})
	return img
}

// newDetectServer reads every request body to its end, as the service
// does, checks its length against Content-Length and answers
// detectAnswer. It verifies no signature: TestDetectClientsAgree does.
func newDetectServer(tb testing.TB) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		if r.Header.Get("X-Amz-Target") != "RekognitionService.DetectCustomLabels" ||
			!strings.HasPrefix(r.Header.Get("Authorization"), authPrefix) || err != nil || n != r.ContentLength || n < 1000 {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header()["X-Amzn-Requestid"] = []string{requestID}
		w.Header()["Content-Type"] = []string{"application/x-amz-json-1.1"}
		w.Header()["Content-Length"] = []string{strconv.Itoa(len(detectAnswer))}
		_, _ = w.Write(detectAnswer)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// detectClients are the two libraries, each with its default retries.
type detectClients struct {
	ours *customlabels.Client
	sdk  *rekognition.Client
}

func newDetectClients(url string) detectClients {
	return detectClients{
		ours: customlabels.New(customlabels.Options{Region: region, BaseEndpoint: url,
			Credentials: newCredentials(), HTTPClient: newHTTPClient()}),
		sdk: rekognition.New(rekognition.Options{Region: region, BaseEndpoint: aws.String(url),
			Credentials: newCredentials(), HTTPClient: newHTTPClient()}),
	}
}

func (c detectClients) detectOurs(ctx context.Context, img []byte) (int, error) {
	out, err := c.ours.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectModelArn, Image: customlabels.Image{Bytes: img}})
	if err != nil {
		return 0, err
	}
	return len(out.CustomLabels), nil
}

func (c detectClients) detectSDK(ctx context.Context, img []byte) (int, error) {
	out, err := c.sdk.DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(detectModelArn), Image: &types.Image{Bytes: img}})
	if err != nil {
		return 0, err
	}
	return len(out.CustomLabels), nil
}

// BenchmarkDetectCustomLabels sends a 4 MiB and a 64 KiB image as bytes
// through each library, and measures the floor no client can go under:
// base64-encoding the image into a body and hashing that body with
// SHA-256 (client=limit with this module's encoder, client=limit-stdlib
// with encoding/base64's). Besides ns/op it reports cpu-ns/op, the
// process's CPU time per call (client and server together), which moves
// far less than wall time on a shared machine. Run it interleaved (benchmarks/README.md):
//
//	for i in $(seq 8); do go test -run '^$' -bench DetectCustomLabels -count 1 .; done
func BenchmarkDetectCustomLabels(b *testing.B) {
	srv := newDetectServer(b)
	ctx := context.Background()
	c := newDetectClients(srv.URL)
	for _, size := range []struct {
		name string
		n    int
	}{{"Bytes4MiB", 4 << 20}, {"Bytes64KiB", 64 << 10}} {
		img := benchImage(size.n)
		for _, client := range []struct {
			name   string
			detect func(context.Context, []byte) (int, error)
		}{{"customlabels", c.detectOurs}, {"sdk", c.detectSDK}} {
			b.Run("case="+size.name+"/client="+client.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(size.n))
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					n, err := client.detect(ctx, img)
					if err != nil {
						b.Fatal(err)
					}
					if n != 2 {
						b.Fatalf("decoded %d labels, want 2", n)
					}
				}
			})
		}
		// The floor: encode the image as the body's base64 and hash the
		// body, with this module's encoder (limit) and with
		// encoding/base64 (limit-stdlib).
		for _, limit := range []struct {
			name   string
			encode func(dst, src []byte) []byte
		}{
			{"limit", wire.AppendBase64},
			{"limit-stdlib", func(dst, src []byte) []byte { return base64.StdEncoding.AppendEncode(dst, src) }},
		} {
			b.Run("case="+size.name+"/client="+limit.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(size.n))
				body := make([]byte, 0, wire.Base64Len(len(img)))
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					body = limit.encode(body[:0], img)
					sum := sha256.Sum256(body)
					if sum[0] == 0 && sum[1] == 0 && sum[2] == 0 && sum[3] == 0 {
						b.Fatal("improbable hash") // keeps the work from being optimised away
					}
				}
			})
		}
	}
}

// reportCPU starts measuring the process's CPU time; the function it
// returns reports it per op as cpu-ns/op (client and loopback server
// together, as B/op counts them).
func reportCPU(b *testing.B) func() {
	start, ok := processCPU()
	return func() {
		if end, ok2 := processCPU(); ok && ok2 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// Both libraries send the same image under a valid signature and decode
// the same labels.
func TestDetectClientsAgree(t *testing.T) {
	img := benchImage(100 << 10)
	var bodies [][]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if msg := verifySignature(r, body); msg != "" {
			t.Errorf("%s: %s", r.Header.Get("User-Agent"), msg)
		}
		bodies = append(bodies, body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write(detectAnswer)
	}))
	defer srv.Close()
	c := newDetectClients(srv.URL)
	ctx := context.Background()
	ours, err := c.ours.DetectCustomLabels(ctx, &customlabels.DetectCustomLabelsInput{ProjectVersionArn: detectModelArn, Image: customlabels.Image{Bytes: img}})
	if err != nil {
		t.Fatal(err)
	}
	sdk, err := c.sdk.DetectCustomLabels(ctx, &rekognition.DetectCustomLabelsInput{ProjectVersionArn: aws.String(detectModelArn), Image: &types.Image{Bytes: img}})
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 || !bytes.Equal(bodies[0], bodies[1]) {
		t.Errorf("the libraries sent different bodies:\n%.200s\n%.200s", bodies[0], bodies[1])
	}
	if len(ours.CustomLabels) != 2 || len(sdk.CustomLabels) != 2 {
		t.Fatalf("decoded %d and %d labels, want 2", len(ours.CustomLabels), len(sdk.CustomLabels))
	}
	for i, l := range ours.CustomLabels {
		s := sdk.CustomLabels[i]
		var box types.BoundingBox
		if s.Geometry != nil {
			box = *s.Geometry.BoundingBox
		}
		got := []any{l.Name, l.Confidence, l.Geometry.BoundingBox.Left, l.Geometry.BoundingBox.Width}
		want := []any{*s.Name, *s.Confidence, aws.ToFloat32(box.Left), aws.ToFloat32(box.Width)}
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("label %d: customlabels %v, sdk %v", i, got, want)
				break
			}
		}
	}
}
