package customlabelstest_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// One fake, two accounts: the model owner's (the server's own key) and
// a trusted account's, through an access key of its own. Each sees its
// own projects; the trusted account cannot read the owner's policies,
// which only CopyProjectVersion consults.
func ExampleWithAccount() {
	srv := customlabelstest.NewServer(
		customlabelstest.WithAccount("AKIDTRUSTED", "111122223333"),
		customlabelstest.WithProjectTime(0))
	defer srv.Close()
	ctx := context.Background()
	owner := srv.Client()
	trusted := srv.Client(func(o *customlabels.Options) { o.Credentials = srv.CredentialsFor("AKIDTRUSTED") })

	src, err := owner.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "source"})
	if err != nil {
		log.Fatal(err)
	}
	dst, err := trusted.CreateProject(ctx, &customlabels.CreateProjectInput{ProjectName: "destination"})
	if err != nil {
		log.Fatal(err)
	}
	a, _ := customlabels.ParseARN(dst.ProjectArn)
	fmt.Println("trusted project in account", a.AccountID)

	out, err := trusted.DescribeProjects(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("trusted sees", len(out.ProjectDescriptions), "project")

	_, err = trusted.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: src.ProjectArn})
	var denied *customlabels.AccessDeniedException
	fmt.Println("trusted lists the owner's policies:", !errors.As(err, &denied))
	// Output:
	// trusted project in account 111122223333
	// trusted sees 1 project
	// trusted lists the owner's policies: false
}

// CredentialsFor gives any SDK the credentials of an account's key.
func ExampleServer_CredentialsFor() {
	srv := customlabelstest.NewServer(customlabelstest.WithAccount("AKIDOTHER", "444455556666"))
	defer srv.Close()

	cfg := srv.AWSConfig() // for customlabels.NewFromConfig, or an official SDK client
	cfg.Credentials = srv.CredentialsFor("AKIDOTHER")
	client := customlabels.NewFromConfig(cfg)
	p, err := client.CreateProject(context.Background(), &customlabels.CreateProjectInput{ProjectName: "p"})
	if err != nil {
		log.Fatal(err)
	}
	a, _ := customlabels.ParseARN(p.ProjectArn)
	fmt.Println(a.AccountID)
	// Output:
	// 444455556666
}
