package customlabelstest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

func TestWithTokenKeyTokensOutliveTheServer(t *testing.T) {
	key := []byte("a fixed key for resumable demos")
	projects := customlabelstest.DemoProjects(12, 4)
	in := &customlabels.DescribeProjectsInput{MaxResults: 5, Features: []customlabels.CustomizationFeature{
		customlabels.CustomizationFeatureCustomLabels, customlabels.CustomizationFeatureContentModeration}}
	ctx := context.Background()

	first := customlabelstest.NewServer(customlabelstest.WithTokenKey(key), customlabelstest.WithProjects(projects...))
	page1, err := first.Client().DescribeProjects(ctx, in)
	require.NoError(t, err)
	require.NotEmpty(t, page1.NextToken)
	first.Close()

	next := *in
	next.NextToken = page1.NextToken

	second := customlabelstest.NewServer(customlabelstest.WithTokenKey(key), customlabelstest.WithProjects(projects...))
	defer second.Close()
	page2, err := second.Client().DescribeProjects(ctx, &next)
	require.NoError(t, err, "a server with the same key and projects accepts the token")
	require.Len(t, page2.ProjectDescriptions, 5)
	assert.Equal(t, projects[5].ProjectArn, page2.ProjectDescriptions[0].ProjectArn, "and continues after the first page")

	for name, opts := range map[string][]customlabelstest.Option{
		"random key": nil,
		"other key":  {customlabelstest.WithTokenKey([]byte("another key"))},
	} {
		t.Run(name, func(t *testing.T) {
			other := customlabelstest.NewServer(append(opts, customlabelstest.WithProjects(projects...))...)
			defer other.Close()
			_, err := other.Client().DescribeProjects(ctx, &next)
			var invalid *customlabels.InvalidPaginationTokenException
			assert.ErrorAs(t, err, &invalid, "a server with another key refuses the token")
		})
	}
}

func ExampleWithTokenKey() {
	// Two runs of a program, each with a server of its own: the second
	// continues from the NextToken the first printed.
	key := []byte("my-demo-key")
	projects := customlabelstest.DemoProjects(6, 1)
	in := &customlabels.DescribeProjectsInput{MaxResults: 2}

	run1 := customlabelstest.NewServer(customlabelstest.WithTokenKey(key), customlabelstest.WithProjects(projects...))
	out, err := run1.Client().DescribeProjects(context.Background(), in)
	run1.Close()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range out.ProjectDescriptions {
		fmt.Println("run 1:", p.ProjectArn)
	}

	run2 := customlabelstest.NewServer(customlabelstest.WithTokenKey(key), customlabelstest.WithProjects(projects...))
	defer run2.Close()
	in.NextToken = out.NextToken
	out, err = run2.Client().DescribeProjects(context.Background(), in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range out.ProjectDescriptions {
		fmt.Println("run 2:", p.ProjectArn)
	}
	// Output:
	// run 1: arn:aws:rekognition:us-east-1:123456789012:project/shelf-finder-1/1651874450838
	// run 1: arn:aws:rekognition:us-east-1:123456789012:project/xray-counter-3/1652678886017
	// run 2: arn:aws:rekognition:us-east-1:123456789012:project/helmet-adapter-5/1653158013716
}
