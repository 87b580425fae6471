// Command floor lists every project with the hand-written floor client:
// the minimal program whose footprint benchmarks/README.md reports.
// Configuration comes from AWS_REGION, AWS_ENDPOINT_URL,
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, alike for the three
// programs.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/rekognition-go/customlabels/benchmarks/floor"
)

func main() {
	endpoint := os.Getenv("AWS_ENDPOINT_URL")
	if endpoint == "" {
		endpoint = "https://rekognition." + os.Getenv("AWS_REGION") + ".amazonaws.com"
	}
	client := floor.New(endpoint, os.Getenv("AWS_REGION"),
		credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""), nil)
	in := &floor.Input{}
	for {
		out, err := client.DescribeProjects(context.Background(), in)
		if err != nil {
			log.Fatal(err)
		}
		for _, d := range out.ProjectDescriptions {
			fmt.Println(d.ProjectArn, d.Status, d.CreationTimestamp)
		}
		if out.NextToken == "" {
			return
		}
		in.NextToken = out.NextToken
	}
}
