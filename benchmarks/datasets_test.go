package benchmarks

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
	"github.com/aws/aws-sdk-go-v2/service/rekognition/types"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// datasetArn is the dataset the dataset benchmarks list and update.
const datasetArn = "arn:aws:rekognition:us-east-1:123456789012:project/bench/dataset/train/1600000000000"

// datasetEntry returns entry k of the benchmark's page: the JSON line of
// an object-detection image with 20 boxes, about 2 KB, as
// ListDatasetEntries returns it.
func datasetEntry(k int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"source-ref":"s3://bench-images/shelves/aisle-%02d/shelf-%05d.jpg","bounding-box":{"image_size":[{"width":1920,"height":1080,"depth":3}],"annotations":[`, k%20, k)
	const boxes = 20
	for i := range boxes {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"class_id":%d,"top":%d,"left":%d,"width":%d,"height":%d}`, i%4, 40+i*50, 30+i*90, 80+i, 120+i)
	}
	b.WriteString(`]},"bounding-box-metadata":{"objects":[`)
	for i := range boxes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"confidence":0.95}`)
	}
	b.WriteString(`],"class-map":{"0":"cereal","1":"pasta","2":"canned-tomatoes","3":"olive-oil"},"type":"groundtruth/object-detection",`)
	b.WriteString(`"human-annotated":"yes","creation-date":"2024-01-02T03:04:05.123456","job-name":"labeling-job/shelves-2024-01"}}`)
	return b.String()
}

// newEntriesServer answers every ListDatasetEntries request with the same
// page of n entries and a NextToken, as the service writes them: each
// entry a JSON string, its quotes escaped.
func newEntriesServer(tb testing.TB, n int) (*httptest.Server, []string) {
	entries := make([]string, n)
	for k := range entries {
		entries[k] = datasetEntry(k)
	}
	page, err := json.Marshal(struct {
		DatasetEntries []string
		NextToken      string
	}{entries, listToken(3)})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Target") != "RekognitionService.ListDatasetEntries" ||
			!strings.HasPrefix(r.Header.Get("Authorization"), authPrefix) {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header()["X-Amzn-Requestid"] = []string{requestID}
		w.Header()["Content-Type"] = []string{"application/x-amz-json-1.1"}
		w.Header()["Content-Length"] = []string{strconv.Itoa(len(page))}
		_, _ = w.Write(page)
	}))
	tb.Cleanup(srv.Close)
	return srv, entries
}

// newUpdateServer reads every UpdateDatasetEntries body to its end, as the
// service does, checks its length, and answers {}.
func newUpdateServer(tb testing.TB) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		if r.Header.Get("X-Amz-Target") != "RekognitionService.UpdateDatasetEntries" ||
			!strings.HasPrefix(r.Header.Get("Authorization"), authPrefix) || err != nil || n != r.ContentLength || n < 1000 {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header()["X-Amzn-Requestid"] = []string{requestID}
		w.Header()["Content-Type"] = []string{"application/x-amz-json-1.1"}
		w.Header()["Content-Length"] = []string{"2"}
		_, _ = w.Write([]byte("{}"))
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// datasetChanges returns a manifest of about n bytes: entries of the
// benchmark's page over and over, one per line.
func datasetChanges(n int) []byte {
	var b bytes.Buffer
	for k := 0; b.Len() < n; k++ {
		b.WriteString(datasetEntry(k))
		b.WriteByte('\n')
	}
	return b.Bytes()[:n]
}

// datasetClients are the two libraries, each with its default retries.
type datasetClients struct {
	ours *customlabels.Client
	sdk  *rekognition.Client
}

func newDatasetClients(url string) datasetClients {
	return datasetClients{
		ours: customlabels.New(customlabels.Options{Region: region, BaseEndpoint: url,
			Credentials: newCredentials(), HTTPClient: newHTTPClient()}),
		sdk: rekognition.New(rekognition.Options{Region: region, BaseEndpoint: aws.String(url),
			Credentials: newCredentials(), HTTPClient: newHTTPClient()}),
	}
}

// listOurs and listSDK fetch a page and return its last entry, so that a
// call is checked for what it decoded.
func (c datasetClients) listOurs(ctx context.Context) (int, string, error) {
	out, err := c.ours.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: datasetArn, MaxResults: pageSize})
	if err != nil || len(out.DatasetEntries) == 0 {
		return 0, "", err
	}
	return len(out.DatasetEntries), out.DatasetEntries[len(out.DatasetEntries)-1], nil
}

func (c datasetClients) listSDK(ctx context.Context) (int, string, error) {
	out, err := c.sdk.ListDatasetEntries(ctx, &rekognition.ListDatasetEntriesInput{DatasetArn: aws.String(datasetArn), MaxResults: aws.Int32(pageSize)})
	if err != nil || len(out.DatasetEntries) == 0 {
		return 0, "", err
	}
	return len(out.DatasetEntries), out.DatasetEntries[len(out.DatasetEntries)-1], nil
}

func (c datasetClients) updateOurs(ctx context.Context, changes []byte) error {
	_, err := c.ours.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: datasetArn,
		Changes: customlabels.DatasetChanges{GroundTruth: changes}})
	return err
}

func (c datasetClients) updateSDK(ctx context.Context, changes []byte) error {
	_, err := c.sdk.UpdateDatasetEntries(ctx, &rekognition.UpdateDatasetEntriesInput{DatasetArn: aws.String(datasetArn),
		Changes: &types.DatasetChanges{GroundTruth: changes}})
	return err
}

// BenchmarkListDatasetEntries fetches a page of 100 entries of about 2 KB
// each (a 230 KB body, every quote of the entries escaped) with each
// library; each call checks the count and the last entry it decoded.
// Compare with benchstat -col /client.
func BenchmarkListDatasetEntries(b *testing.B) {
	srv, entries := newEntriesServer(b, pageSize)
	ctx := context.Background()
	c := newDatasetClients(srv.URL)
	want := entries[len(entries)-1]
	for _, client := range []struct {
		name string
		list func(context.Context) (int, string, error)
	}{{"customlabels", c.listOurs}, {"sdk", c.listSDK}} {
		b.Run("case=Page100/client="+client.name, func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for i := 0; i < b.N; i++ {
				n, last, err := client.list(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if n != pageSize || last != want {
					b.Fatalf("decoded %d entries, the last %.60q", n, last)
				}
			}
		})
	}
}

// BenchmarkUpdateDatasetEntries sends a change of 4 MiB of manifest lines
// through each library, and measures the floor no client goes under:
// base64-encoding the change into a body and hashing the body with
// SHA-256 (client=limit with this module's encoder, client=limit-stdlib
// with encoding/base64's), as BenchmarkDetectCustomLabels does.
func BenchmarkUpdateDatasetEntries(b *testing.B) {
	srv := newUpdateServer(b)
	ctx := context.Background()
	c := newDatasetClients(srv.URL)
	changes := datasetChanges(4 << 20)
	for _, client := range []struct {
		name   string
		update func(context.Context, []byte) error
	}{{"customlabels", c.updateOurs}, {"sdk", c.updateSDK}} {
		b.Run("case=Changes4MiB/client="+client.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(changes)))
			defer reportCPU(b)()
			for i := 0; i < b.N; i++ {
				if err := client.update(ctx, changes); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, limit := range []struct {
		name   string
		encode func(dst, src []byte) []byte
	}{
		{"limit", wire.AppendBase64},
		{"limit-stdlib", func(dst, src []byte) []byte { return base64.StdEncoding.AppendEncode(dst, src) }},
	} {
		b.Run("case=Changes4MiB/client="+limit.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(changes)))
			body := make([]byte, 0, wire.Base64Len(len(changes)))
			defer reportCPU(b)()
			for i := 0; i < b.N; i++ {
				body = limit.encode(body[:0], changes)
				sum := sha256.Sum256(body)
				if sum[0] == 0 && sum[1] == 0 && sum[2] == 0 && sum[3] == 0 {
					b.Fatal("improbable hash")
				}
			}
		})
	}
}

// BenchmarkDatasetRatios runs both libraries call by call in turn,
// rotating which goes first, for the page of entries and the 4 MiB
// update, and reports each one's median time per call and customlabels'
// ratio to the SDK (x-sdk), as BenchmarkRatios does for DescribeProjects:
//
//	go test -run '^$' -bench DatasetRatios -benchtime=200x -count 6 . | tee dr.txt
//	benchstat dr.txt
func BenchmarkDatasetRatios(b *testing.B) {
	ctx := context.Background()
	list, entries := newEntriesServer(b, pageSize)
	lc := newDatasetClients(list.URL)
	uc := newDatasetClients(newUpdateServer(b).URL)
	changes := datasetChanges(4 << 20)
	want := entries[len(entries)-1]
	check := func(n int, last string, err error) error {
		if err == nil && (n != pageSize || last != want) {
			err = fmt.Errorf("decoded %d entries", n)
		}
		return err
	}
	cases := []struct {
		name  string
		calls map[string]func() error
	}{
		{"ListPage100", map[string]func() error{
			"customlabels": func() error { return check(lc.listOurs(ctx)) },
			"sdk":          func() error { return check(lc.listSDK(ctx)) },
		}},
		{"UpdateChanges4MiB", map[string]func() error{
			"customlabels": func() error { return uc.updateOurs(ctx, changes) },
			"sdk":          func() error { return uc.updateSDK(ctx, changes) },
		}},
	}
	names := []string{"customlabels", "sdk"}
	for _, tc := range cases {
		b.Run("case="+tc.name, func(b *testing.B) {
			times := map[string][]time.Duration{}
			for i := 0; i < b.N; i++ {
				for j := range names {
					name := names[(i+j)%len(names)]
					start := time.Now()
					if err := tc.calls[name](); err != nil {
						b.Fatalf("%s: %v", name, err)
					}
					times[name] = append(times[name], time.Since(start))
				}
			}
			med := map[string]float64{}
			for _, name := range names {
				ts := times[name]
				slices.Sort(ts)
				med[name] = float64(ts[len(ts)/2].Nanoseconds())
				b.ReportMetric(med[name], name+"-ns/call")
			}
			b.ReportMetric(med["customlabels"]/med["sdk"], "x-sdk")
			b.ReportMetric(0, "ns/op") // the two clients' sum; see the medians
		})
	}
}

// Both libraries decode the page of entries alike, and send the same
// update under a valid signature.
func TestDatasetClientsAgree(t *testing.T) {
	list, entries := newEntriesServer(t, 5)
	ctx := context.Background()
	lc := newDatasetClients(list.URL)
	ours, err := lc.ours.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: datasetArn})
	if err != nil {
		t.Fatal(err)
	}
	sdk, err := lc.sdk.ListDatasetEntries(ctx, &rekognition.ListDatasetEntriesInput{DatasetArn: aws.String(datasetArn)})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ours.DatasetEntries, entries) || !slices.Equal(sdk.DatasetEntries, entries) || ours.NextToken != aws.ToString(sdk.NextToken) {
		t.Errorf("the libraries decoded different pages")
	}
	if n := len(entries[0]); n < 1800 || n > 2300 {
		t.Errorf("an entry is %d bytes, want about 2 KB", n)
	}

	var bodies [][]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if msg := verifySignature(r, body); msg != "" {
			t.Errorf("%s: %s", r.Header.Get("User-Agent"), msg)
		}
		bodies = append(bodies, body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write([]byte("{}"))
	}))
	defer srv.Close()
	uc := newDatasetClients(srv.URL)
	changes := datasetChanges(100 << 10)
	if err := uc.updateOurs(ctx, changes); err != nil {
		t.Fatal(err)
	}
	if err := uc.updateSDK(ctx, changes); err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 || !bytes.Equal(bodies[0], bodies[1]) {
		t.Errorf("the libraries sent different bodies:\n%.200s\n%.200s", bodies[0], bodies[1])
	}
}
