// Command describe-projects is the shortest useful program with package
// customlabels: it lists every Custom Labels project and Custom
// Moderation adapter of a Region, one line each.
//
//	go run ./examples/describe-projects --demo
//	go run ./examples/describe-projects        # AWS, with the default configuration chain
//
// For a complete tool (tables, the AWS CLI's JSON, several Regions, model
// costs), see cmd/customlabels.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func main() {
	demo := flag.Bool("demo", false, "list demo projects from an in-process fake instead of AWS")
	flag.Parse()

	ctx := context.Background()
	var client customlabels.DescribeProjectsAPIClient
	if *demo {
		srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(8, 1)...))
		defer srv.Close()
		client = srv.Client()
	} else {
		cfg, err := config.LoadDefaultConfig(ctx) // environment, shared files, SSO, roles
		if err != nil {
			log.Fatal(err)
		}
		client = customlabels.NewFromConfig(cfg)
	}
	if err := listProjects(ctx, client, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// listProjects prints each project's name, status and feature. Both
// features are asked for: without Features the service lists Custom
// Labels projects only.
func listProjects(ctx context.Context, client customlabels.DescribeProjectsAPIClient, w io.Writer) error {
	params := &customlabels.DescribeProjectsInput{
		Features: []customlabels.CustomizationFeature{
			customlabels.CustomizationFeatureCustomLabels,
			customlabels.CustomizationFeatureContentModeration,
		},
	}
	for p, err := range customlabels.AllProjects(ctx, client, params) {
		if err != nil {
			return err // yielded once, as the last pair
		}
		fmt.Fprintln(w, p.ProjectArn, p.Status, p.Feature)
	}
	return nil
}
