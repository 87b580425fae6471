package main

import (
	"context"
	"fmt"
	"os"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// listProjects against a fake with three demo projects.
func Example() {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(3, 1)...))
	defer srv.Close()
	if err := listProjects(context.Background(), srv.Client(), os.Stdout); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// arn:aws:rekognition:us-east-1:123456789012:project/shelf-finder-1/1651874450838 CREATED CUSTOM_LABELS
	// arn:aws:rekognition:us-east-1:123456789012:project/helmet-inspector-2/1652192214328 CREATED CONTENT_MODERATION
	// arn:aws:rekognition:us-east-1:123456789012:project/xray-counter-3/1652678886017 CREATING CUSTOM_LABELS
}
