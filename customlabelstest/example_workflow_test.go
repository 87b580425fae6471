package customlabelstest_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// LostAnswer runs a request, then closes the connection unanswered: here
// a CreateProject whose first answer is lost. The client sends it again,
// meets the name taken, and finds the project its first attempt made.
func ExampleLostAnswer() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	srv.InjectFault(customlabelstest.LostAnswer())
	out, err := srv.Client().CreateProject(context.Background(), &customlabels.CreateProjectInput{ProjectName: "shelf"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("recovered:", out.Recovered, "projects:", len(srv.Projects()))
	for _, r := range srv.Requests() {
		fmt.Println(strings.TrimPrefix(r.Target, "RekognitionService."), r.Status)
	}
	// Output:
	// recovered: true projects: 1
	// CreateProject 200
	// CreateProject 400
	// DescribeProjects 200
}

// ServedOperations names what the fake serves: every operation of the
// client, the first few shown here.
func ExampleServedOperations() {
	ops := customlabelstest.ServedOperations()
	fmt.Println(len(ops), ops[:3])
	// Output:
	// 23 [CopyProjectVersion CreateDataset CreateProject]
}
