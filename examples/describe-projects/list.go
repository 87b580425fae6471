package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/rekognition-go/customlabels"
)

// listing is what a run found.
type listing struct {
	// Projects are the projects listed, in the service's order.
	Projects []customlabels.ProjectDescription
	// NextToken resumes the listing after the last project when --max-items
	// cut it short; empty when the listing is complete.
	NextToken string
	// Pages is the number of pages received.
	Pages int
}

// list lists the projects s selects, page by page, reporting progress
// after each page.
func list(ctx context.Context, client customlabels.DescribeProjectsAPIClient, s *settings, prog *progress) (*listing, error) {
	defer prog.done()
	params := &customlabels.DescribeProjectsInput{
		ProjectNames: s.projectNames,
		Features:     s.features,
	}
	p := customlabels.NewDescribeProjectsPaginator(client, params, func(o *customlabels.DescribeProjectsPaginatorOptions) {
		o.Limit = int32(s.pageSize)
		o.MaxItems = s.maxItems
		o.StartingToken = s.startingToken
	})
	res := &listing{Projects: []customlabels.ProjectDescription{}}
	for page, err := range p.Pages(ctx) {
		if err != nil {
			return nil, err
		}
		res.Pages++
		res.Projects = append(res.Projects, page.ProjectDescriptions...)
		prog.update(res.Pages, len(res.Projects))
	}
	res.NextToken = p.ResumeToken()
	return res, nil
}

// reportError prints err for a person and returns the exit status: 2 for
// a usage error, including input the client rejects before sending and a
// --starting-token made for another query, 130
// for an interruption, and 1 for anything else. A service error is printed
// as "error: <Code> (request ID <id>): <message>".
func reportError(w io.Writer, err error) int {
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(w, "usage error: %s\n", ue.msg)
		return exitUsage
	}
	var pe *customlabels.InvalidParamError
	if errors.As(err, &pe) {
		fmt.Fprintf(w, "usage error: %s: %s %s\n", flagFor(pe.Field), pe.Field, pe.Rule)
		return exitUsage
	}
	if errors.Is(err, customlabels.ErrInvalidStartingToken) {
		fmt.Fprintf(w, "usage error: --starting-token: %v\n", err)
		return exitUsage
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "interrupted")
		return exitInterrupted
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		var b strings.Builder
		b.WriteString("error: ")
		b.WriteString(apiErr.ErrorCode())
		var re *awshttp.ResponseError
		if errors.As(err, &re) && re.ServiceRequestID() != "" {
			fmt.Fprintf(&b, " (request ID %s)", re.ServiceRequestID())
		}
		if msg := apiErr.ErrorMessage(); msg != "" {
			b.WriteString(": ")
			b.WriteString(msg)
		}
		var retried *customlabels.RetryError
		if errors.As(err, &retried) && retried.Attempts > 1 {
			fmt.Fprintf(&b, " (after %d attempts)", retried.Attempts)
		}
		fmt.Fprintln(w, b.String())
		return exitError
	}
	fmt.Fprintf(w, "error: %v\n", err)
	return exitError
}

// flagFor names the flag that sets an input field.
func flagFor(field string) string {
	switch name, _, _ := strings.Cut(field, "["); name {
	case "ProjectNames":
		return "--project-name"
	case "Features":
		return "--feature"
	case "MaxResults":
		return "--page-size"
	case "NextToken":
		return "--starting-token"
	}
	return field
}
