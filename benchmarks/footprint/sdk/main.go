// Command sdk lists every project with aws-sdk-go-v2 service/rekognition:
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

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/rekognition"
)

func main() {
	o := rekognition.Options{
		Region:      os.Getenv("AWS_REGION"),
		Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""),
	}
	if u := os.Getenv("AWS_ENDPOINT_URL"); u != "" {
		o.BaseEndpoint = aws.String(u)
	}
	client := rekognition.New(o)
	p := rekognition.NewDescribeProjectsPaginator(client, &rekognition.DescribeProjectsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		for _, d := range out.ProjectDescriptions {
			fmt.Println(aws.ToString(d.ProjectArn), d.Status, aws.ToTime(d.CreationTimestamp))
		}
	}
}
