package customlabels_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// The project of the policy examples, in the fake's account, and a
// version of it to share.
const (
	policyProjectArn = "arn:aws:rekognition:us-east-1:123456789012:project/shared-model/1700000000000"
	policyVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/shared-model/version/v1/1700000100000"
)

// policyServer starts a fake holding the project of the policy examples.
func policyServer() *customlabelstest.Server {
	return customlabelstest.NewServer(customlabelstest.WithProjects(customlabels.ProjectDescription{
		ProjectArn: policyProjectArn,
		Status:     customlabels.ProjectStatusCreated,
	}))
}

// Attach a policy that lets another account copy a model, then replace
// it: the replacement names the revision it replaces, and a stale
// revision is refused.
func ExampleClient_PutProjectPolicy() {
	srv := policyServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	doc, err := customlabels.CopyPolicyDocument(policyVersionArn, "111122223333")
	if err != nil {
		log.Fatal(err)
	}
	first, err := client.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{
		ProjectArn:     policyProjectArn,
		PolicyName:     "copy-to-prod",
		PolicyDocument: doc, // no PolicyRevisionId: a new policy
	})
	if err != nil {
		log.Fatal(err)
	}

	// Allow a second account: replace the policy, naming its revision.
	doc, err = customlabels.CopyPolicyDocument(policyVersionArn, "111122223333", "444455556666")
	if err != nil {
		log.Fatal(err)
	}
	second, err := client.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{
		ProjectArn:       policyProjectArn,
		PolicyName:       "copy-to-prod",
		PolicyRevisionId: first.PolicyRevisionId,
		PolicyDocument:   doc,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("new revision:", second.PolicyRevisionId != first.PolicyRevisionId)

	// The first revision is stale now.
	_, err = client.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{
		ProjectArn:       policyProjectArn,
		PolicyName:       "copy-to-prod",
		PolicyRevisionId: first.PolicyRevisionId,
		PolicyDocument:   doc,
	})
	var stale *customlabels.InvalidPolicyRevisionIdException
	fmt.Println("stale revision refused:", errors.As(err, &stale))

	// A policy may allow nothing but rekognition:CopyProjectVersion.
	_, err = client.PutProjectPolicy(ctx, &customlabels.PutProjectPolicyInput{
		ProjectArn: policyProjectArn,
		PolicyName: "too-broad",
		PolicyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
			`"Principal":{"AWS":"111122223333"},"Action":"rekognition:*","Resource":"*"}]}`,
	})
	var malformed *customlabels.MalformedPolicyDocumentException
	if errors.As(err, &malformed) {
		fmt.Println("malformed:", malformed.Message)
	}
	// Output:
	// new revision: true
	// stale revision refused: true
	// malformed: Statement[0].Action names "rekognition:*": the only action a project policy may name is rekognition:CopyProjectVersion
}

// The one policy document a cross-account copy needs.
func ExampleCopyPolicyDocument() {
	doc, err := customlabels.CopyPolicyDocument(
		"arn:aws:rekognition:us-east-1:123456789012:project/shared-model/version/v1/1700000100000",
		"111122223333", "arn:aws:iam::444455556666:role/ModelCopier")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc)

	// A project ARN is not a version ARN.
	_, err = customlabels.CopyPolicyDocument(policyProjectArn, "111122223333")
	var bad *customlabels.InvalidParamError
	if errors.As(err, &bad) {
		fmt.Println(bad.Input, bad.Field)
	}
	// Output:
	// {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:role/ModelCopier"]},"Action":"rekognition:CopyProjectVersion","Resource":"arn:aws:rekognition:us-east-1:123456789012:project/shared-model/version/v1/1700000100000"}]}
	// CopyPolicyDocument sourceVersionArn
}

// putPolicies attaches n policies named policy-1, policy-2, ... to the
// project of the policy examples.
func putPolicies(client *customlabels.Client, n int) {
	doc, err := customlabels.CopyPolicyDocument(policyVersionArn, "111122223333")
	if err != nil {
		log.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		_, err := client.PutProjectPolicy(context.Background(), &customlabels.PutProjectPolicyInput{
			ProjectArn: policyProjectArn, PolicyName: fmt.Sprintf("policy-%d", i), PolicyDocument: doc,
		})
		if err != nil {
			log.Fatal(err)
		}
	}
}

// List a project's policies one page at a time, then find the revision a
// replacement or a delete needs.
func ExampleClient_ListProjectPolicies() {
	srv := policyServer()
	defer srv.Close()
	client := srv.Client()
	putPolicies(client, 3)
	ctx := context.Background()

	in := &customlabels.ListProjectPoliciesInput{ProjectArn: policyProjectArn, MaxResults: 2}
	for {
		out, err := client.ListProjectPolicies(ctx, in)
		if err != nil {
			log.Fatal(err)
		}
		for _, p := range out.ProjectPolicies {
			fmt.Println(p.PolicyName, len(p.PolicyRevisionId) > 0)
		}
		if out.NextToken == "" {
			break
		}
		in.NextToken = out.NextToken
	}
	// Output:
	// policy-1 true
	// policy-2 true
	// policy-3 true
}

func ExampleNewListProjectPoliciesPaginator() {
	srv := policyServer()
	defer srv.Close()
	client := srv.Client()
	putPolicies(client, 5)

	p := customlabels.NewListProjectPoliciesPaginator(client, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProjectArn},
		func(o *customlabels.ListProjectPoliciesPaginatorOptions) { o.Limit = 2 })
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(len(out.ProjectPolicies), "policies")
	}
	// Output:
	// 2 policies
	// 2 policies
	// 1 policies
}

func ExampleAllProjectPolicies() {
	srv := policyServer()
	defer srv.Close()
	client := srv.Client()
	putPolicies(client, 2)

	in := &customlabels.ListProjectPoliciesInput{ProjectArn: policyProjectArn}
	for p, err := range customlabels.AllProjectPolicies(context.Background(), client, in) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.PolicyName, p.ProjectArn == policyProjectArn)
	}
	// Output:
	// policy-1 true
	// policy-2 true
}

// Delete a policy only if nobody changed it since it was read: pass the
// revision read.
func ExampleClient_DeleteProjectPolicy() {
	srv := policyServer()
	defer srv.Close()
	client := srv.Client()
	putPolicies(client, 1)
	ctx := context.Background()

	list, err := client.ListProjectPolicies(ctx, &customlabels.ListProjectPoliciesInput{ProjectArn: policyProjectArn})
	if err != nil {
		log.Fatal(err)
	}
	p := list.ProjectPolicies[0]
	_, err = client.DeleteProjectPolicy(ctx, &customlabels.DeleteProjectPolicyInput{
		ProjectArn:       p.ProjectArn,
		PolicyName:       p.PolicyName,
		PolicyRevisionId: p.PolicyRevisionId,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("deleted", p.PolicyName)

	_, err = client.DeleteProjectPolicy(ctx, &customlabels.DeleteProjectPolicyInput{ProjectArn: p.ProjectArn, PolicyName: p.PolicyName})
	var notFound *customlabels.ResourceNotFoundException
	fmt.Println("again:", errors.As(err, &notFound))
	// Output:
	// deleted policy-1
	// again: true
}
