package customlabelstest_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// Any S3 client reaches the server's S3 at its URL, path-style, signing
// for service s3 with the server's credentials: here a PutObject signed
// with aws-sdk-go-v2's signer. The test then reads the object back.
func ExampleServer_S3Object() {
	srv := customlabelstest.NewServer(customlabelstest.WithS3Object("datasets", "README", "", nil)) // creates the bucket
	defer srv.Close()

	manifest := []byte(`{"source-ref":"s3://datasets/images/1.jpg"}` + "\n")
	req, _ := http.NewRequest(http.MethodPut, srv.URL+"/datasets/manifests/train.manifest", bytes.NewReader(manifest))
	sum := sha256.Sum256(manifest)
	req.Header.Set("X-Amz-Content-Sha256", hex.EncodeToString(sum[:]))
	creds, _ := srv.Credentials().Retrieve(context.Background())
	signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	if err := signer.SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "s3", srv.Region(), time.Now()); err != nil {
		log.Fatal(err)
	}
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println("PutObject:", resp.Status)

	data, err := srv.S3Object("datasets", "manifests/train.manifest")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", data)
	_, err = srv.S3Object("datasets", "manifests/test.manifest")
	fmt.Println(errors.Is(err, customlabelstest.ErrNoSuchS3Object))
	// Output:
	// PutObject: 200 OK
	// {"source-ref":"s3://datasets/images/1.jpg"}
	// true
}

// ListS3Objects lists what a test or a client stored, every version.
func ExampleServer_ListS3Objects() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.PutS3Object("datasets", "images/1.jpg", "", exampleJPEG)
	srv.PutS3Object("datasets", "images/2.jpg", "v1", exampleJPEG)
	srv.PutS3Object("datasets", "manifests/train.manifest", "", []byte("{}\n"))
	for _, o := range srv.ListS3Objects("datasets", "images/") {
		fmt.Printf("s3://%s/%s version %q: %d bytes, ETag %s\n", o.Bucket, o.Key, o.Version, o.Size, o.ETag)
	}
	// Output:
	// s3://datasets/images/1.jpg version "": 5 bytes, ETag "4d8ff5c1d78e57bae5a1001b2fba0f47"
	// s3://datasets/images/2.jpg version "v1": 5 bytes, ETag "4d8ff5c1d78e57bae5a1001b2fba0f47"
}

// With WithS3Endpoint the server reads the workflow's objects from
// another S3-compatible server: here a second fake, standing in for moto
// or MinIO.
func ExampleWithS3Endpoint() {
	remote := customlabelstest.NewServer(customlabelstest.WithS3Object("datasets", "manifests/train.manifest", "", []byte("{}\n")))
	defer remote.Close()
	srv := customlabelstest.NewServer(customlabelstest.WithS3Endpoint(remote.URL))
	defer srv.Close()
	data, err := srv.S3Object("datasets", "manifests/train.manifest")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q\n", data)
	// Output:
	// "{}\n"
}

func ExampleParseS3Endpoint() {
	u, err := customlabelstest.ParseS3Endpoint("http://127.0.0.1:5000/")
	fmt.Println(u, err)
	_, err = customlabelstest.ParseS3Endpoint("127.0.0.1:5000")
	fmt.Println(err)
	// Output:
	// http://127.0.0.1:5000 <nil>
	// S3 endpoint "127.0.0.1:5000": the scheme must be http or https
}
