// Command customlabels lists every project with customlabels: the minimal
// program whose footprint benchmarks/README.md reports. Configuration
// comes from AWS_REGION, AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, alike for the three programs.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/rekognition-go/customlabels"
)

func main() {
	client := customlabels.New(customlabels.Options{
		Region:       os.Getenv("AWS_REGION"),
		BaseEndpoint: os.Getenv("AWS_ENDPOINT_URL"),
		Credentials:  credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""),
	})
	p := customlabels.NewDescribeProjectsPaginator(client, &customlabels.DescribeProjectsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		for _, d := range out.ProjectDescriptions {
			fmt.Println(d.ProjectArn, d.Status, d.CreationTimestamp)
		}
	}
}
