package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The control API lets a program in any language queue faults and read
// the request log over plain HTTP, with no AWS credentials. Here Go's
// net/http plays the part of curl or Python's requests.
func ExampleServer_ControlURL() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	defer srv.Close()
	hc := srv.HTTPClient()

	resp, err := hc.Post(srv.ControlURL()+"faults", "application/json",
		strings.NewReader(`{"Kind":"exception","Code":"ThrottlingException","Count":2}`))
	if err != nil {
		log.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(resp.Status, " ", string(answer))

	client := srv.Client(func(o *customlabels.Options) { o.RetryMaxAttempts = 1 })
	for range 3 {
		_, err := client.DescribeProjects(context.Background(), nil)
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) {
			fmt.Println(apiErr.ErrorCode())
		} else {
			fmt.Println("ok", err)
		}
	}

	resp, err = hc.Get(srv.ControlURL() + "faults")
	if err != nil {
		log.Fatal(err)
	}
	answer, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(string(answer))

	bad, err := http.NewRequest(http.MethodPut, srv.ControlURL()+"throttle", strings.NewReader(`{"RPS":-1}`))
	if err != nil {
		log.Fatal(err)
	}
	bad.Header.Set("Content-Type", "application/json")
	resp, err = hc.Do(bad)
	if err != nil {
		log.Fatal(err)
	}
	answer, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(resp.Status, " ", string(answer))
	// Output:
	// 200 OK {
	//   "Queued": 2,
	//   "Pending": 2
	// }
	// ThrottlingException
	// ThrottlingException
	// ok <nil>
	// {
	//   "Pending": 0,
	//   "Faults": []
	// }
	// 400 Bad Request {
	//   "Error": "RPS: must be 0 or more, got -1",
	//   "Field": "RPS"
	// }
}

func ExampleServer_Reset() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	defer srv.Close()

	srv.RemoveProjects(srv.Projects()[0].ProjectArn)
	srv.InjectFaults(5, customlabelstest.DropConnection())
	fmt.Println(len(srv.Projects()), srv.PendingFaults())

	srv.Reset() // as POST /_customlabels/reset
	fmt.Println(len(srv.Projects()), srv.PendingFaults())
	// Output:
	// 2 5
	// 3 0
}
