package customlabelstest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// generatedOperation is a row of op_table_gen_test.go, which genapi writes:
// every operation the client implements, with a full input (every member
// set) and a call through the client.
type generatedOperation struct {
	name   string
	full   func() any
	output func() any // a new, zero output
	call   func(ctx context.Context, c *customlabels.Client, in any) (any, error)
}

func ptr[T any](v T) *T { return &v }

// What the client sends, the fake reads back exactly: for every operation,
// a full input through the client, then the generated reader of the fake
// (and Request.Params, for the operations the fake serves) give the same
// value. Client encoder and fake decoder are generated from one model, so
// the two cannot drift apart; this test holds them to it.
func TestClientRequestsReadBackExactly(t *testing.T) {
	srv := NewServer()
	defer srv.Close()
	c := srv.Client()
	for _, g := range generatedOperations {
		t.Run(g.name, func(t *testing.T) {
			srv.ResetRequests()
			in := g.full()
			_, _ = g.call(context.Background(), c, in) // the answer does not matter here
			reqs := srv.Requests()
			require.Len(t, reqs, 1, "%s sent no request", g.name)
			got, serial, invalid := codecs[g.name].read(reqs[0].Body)
			require.Empty(t, serial, "%s: the fake cannot read %s", g.name, reqs[0].Body)
			assert.Empty(t, invalid, "%s: the fake finds %s invalid", g.name, reqs[0].Body)
			assert.Equal(t, in, got, "%s: the fake read %s", g.name, reqs[0].Body)
			if _, served := operations[targetPrefix+g.name]; served {
				assert.Equal(t, in, reqs[0].Params, "%s: Request.Params", g.name)
			}
		})
	}
}

// What the fake writes, the client reads back exactly: for every
// operation, an output with every member set, encoded by the fake's
// generated writer and served, decodes in the client to the same value.
func TestFakeResponsesDecodeExactly(t *testing.T) {
	c := NewServer()
	defer c.Close()
	for _, g := range generatedOperations {
		t.Run(g.name, func(t *testing.T) {
			in := g.full()
			want := reflect.ValueOf(g.output())
			fillValue(want.Elem())
			body, err := codecs[g.name].write(want.Interface())
			require.NoError(t, err)
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", contentType)
				w.Header().Set("X-Amzn-Requestid", "req-1")
				_, _ = w.Write(body)
			}))
			defer ts.Close()
			client := customlabels.New(customlabels.Options{Region: DefaultRegion, BaseEndpoint: ts.URL, Credentials: c.Credentials()})
			got, err := g.call(context.Background(), client, in)
			require.NoError(t, err, "%s answering %s", g.name, body)
			want.Elem().FieldByName("RequestID").SetString("req-1")
			assert.Equal(t, want.Interface(), got, "%s decoding %s", g.name, body)
		})
	}
}

// fillValue sets every member of v, recursively, to a value that is not
// zero; lists get two elements.
func fillValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + v.Type().Name())
	case reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Float32:
		v.SetFloat(0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillValue(v.Elem())
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		v.SetMapIndex(reflect.ValueOf("team"), reflect.ValueOf("vision"))
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("blob"))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillValue(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(1700000000, 123000000).UTC()))
			return
		}
		for i := range v.NumField() {
			if name := v.Type().Field(i).Name; name != "RequestID" && name != "Recovered" {
				fillValue(v.Field(i))
			}
		}
	}
}
