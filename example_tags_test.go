package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"maps"
	"slices"
	"strings"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// printTags prints a resource's tags in key order.
func printTags(client *customlabels.Client, arn string) {
	out, err := client.ListTagsForResource(context.Background(), &customlabels.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		log.Fatal(err)
	}
	var pairs []string
	for _, k := range slices.Sorted(maps.Keys(out.Tags)) {
		pairs = append(pairs, k+"="+out.Tags[k])
	}
	fmt.Println(strings.Join(pairs, " "))
}

// Tag a project: new keys are added, existing keys take the new value.
func ExampleClient_TagResource() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	p, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{
		ProjectName: "shelf-items",
		Tags:        map[string]string{"team": "vision"},
	})
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.TagResource(ctx, &customlabels.TagResourceInput{
		ResourceArn: p.ProjectArn,
		Tags:        map[string]string{"team": "retail", "cost-center": "42"},
	})
	if err != nil {
		log.Fatal(err)
	}
	printTags(client, p.ProjectArn)

	// A resource the service does not have.
	_, err = client.TagResource(ctx, &customlabels.TagResourceInput{
		ResourceArn: "arn:aws:rekognition:us-east-1:123456789012:project/gone/1",
		Tags:        map[string]string{"team": "retail"},
	})
	var notFound *customlabels.ResourceNotFoundException
	fmt.Println("unknown resource:", errors.As(err, &notFound))
	// Output:
	// cost-center=42 team=retail
	// unknown resource: true
}

func ExampleClient_UntagResource() {
	srv := customlabelstest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	p, err := client.CreateProject(ctx, &customlabels.CreateProjectInput{
		ProjectName: "shelf-items",
		Tags:        map[string]string{"team": "vision", "stage": "test"},
	})
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.UntagResource(ctx, &customlabels.UntagResourceInput{ResourceArn: p.ProjectArn, TagKeys: []string{"stage", "absent"}})
	if err != nil {
		log.Fatal(err)
	}
	printTags(client, p.ProjectArn)
	// Output:
	// team=vision
}

func ExampleClient_ListTagsForResource() {
	const versionArn = "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/v1/1700000100000"
	srv := customlabelstest.NewServer(
		customlabelstest.WithProjects(customlabels.ProjectDescription{
			ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000",
		}),
		customlabelstest.WithProjectVersions(customlabels.ProjectVersionDescription{
			ProjectVersionArn: versionArn,
			Status:            customlabels.ProjectVersionStatusTrainingCompleted,
		}))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	// A model takes tags too.
	_, err := client.TagResource(ctx, &customlabels.TagResourceInput{ResourceArn: versionArn, Tags: map[string]string{"release": "2024-06"}})
	if err != nil {
		log.Fatal(err)
	}
	out, err := client.ListTagsForResource(ctx, &customlabels.ListTagsForResourceInput{ResourceArn: versionArn})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.Tags)
	// Output:
	// map[release:2024-06]
}
