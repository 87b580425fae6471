package main

import (
	"fmt"
	"strconv"
	"strings"
)

// operationsFile writes operations_gen.go: each operation's descriptor
// with the errors the model lists, its one-method client interface, and
// for paginated operations the glue to the shared pagination core.
func operationsFile(a *api) (*gen, error) {
	g := newGen("customlabels")
	g.use("context")
	g.p("// The operations of the service model that the package implements, each")
	g.p("// with the exceptions the model lists for it, in model order.")
	g.p("var (")
	for _, op := range a.ops {
		args := []string{strconv.Quote(op.name)}
		for _, e := range op.errors {
			args = append(args, strconv.Quote(e))
		}
		g.p("\top%s = newOperation(%s)", op.name, strings.Join(args, ", "))
	}
	g.p(")\n")
	for _, op := range a.ops {
		g.p("%s", comment(fmt.Sprintf("%sAPIClient is the %s method of Client. Depend on it instead of *Client to call the operation through a fake or a stub in tests.", op.name, op.name)))
		g.p("type %sAPIClient interface {", op.name)
		g.p("\t%s(ctx context.Context, params *%sInput, optFns ...func(*Options)) (*%sOutput, error)", op.name, op.name, op.name)
		g.p("}\n")
	}
	g.p("var (")
	for _, op := range a.ops {
		g.p("\t_ %sAPIClient = (*Client)(nil)", op.name)
	}
	g.p(")")
	for _, op := range a.ops {
		if op.page != nil {
			if err := paginatorGlue(g, op); err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

// paginatorGlue writes a paginated operation's types and the constructor
// that the hand-written NewXPaginator calls.
func paginatorGlue(g *gen, op *operation) error {
	item := op.items.t.elem
	itemType := item.name
	if item.kind == kString {
		itemType = "string"
	}
	if op.page.InputToken != "NextToken" || op.page.OutputToken != "NextToken" || op.page.LimitKey != "MaxResults" {
		return fmt.Errorf("%s: the pagination core handles NextToken and MaxResults only", op.name)
	}
	var limit int64
	for _, m := range op.in.wireOrder {
		if m.name == "MaxResults" {
			limit, _ = bound(m.t.shape.Max)
		}
	}
	if limit == 0 {
		return fmt.Errorf("%s: MaxResults has no maximum in the model", op.name)
	}
	n, out := op.name, op.name+"Output"
	list := lowerFirst(n) + "Listing"
	g.p("\n%s", comment(fmt.Sprintf("%sPaginator lists the results of %s page by page: see Paginator.", n, n)))
	g.p("type %sPaginator = Paginator[%s, %s]\n", n, out, itemType)
	g.p("// %sPaginatorOptions configure a %sPaginator.", n, n)
	g.p("type %sPaginatorOptions = PaginatorOptions\n", n)
	g.p("var %s = listing[%s, %s]{", list, out, itemType)
	g.p("\top:        %q,", n)
	g.p("\tlimit:     %d,", limit)
	g.p("\titems:     func(o *%s) []%s { return o.%s },", out, itemType, op.items.name)
	g.p("\tsetItems:  func(o *%s, s []%s) { o.%s = s },", out, itemType, op.items.name)
	g.p("\tnextToken: func(o *%s) string { return o.NextToken },", out)
	g.p("\trequestID: func(o *%s) string { return o.RequestID },", out)
	g.p("}\n")
	g.p("%s", comment(fmt.Sprintf("new%sPaginator returns a paginator over the results of params: a copy of params that later changes to it do not reach, and resume tokens bound to every member but NextToken and MaxResults.", n)))
	g.p("func new%sPaginator(client %sAPIClient, params *%sInput, optFns []func(*PaginatorOptions)) *%sPaginator {", n, n, n, n)
	g.p("\tvar in %sInput", n)
	g.p("\tif params != nil {")
	g.p("\t\tin = *params")
	var query []string
	for _, m := range op.in.goOrder {
		f := "in." + m.name
		switch {
		case m.t.kind == kList:
			g.use("slices")
			g.p("\t\t%s = slices.Clone(params.%s)", f, m.name)
		case m.t.kind == kMap:
			g.use("maps")
			g.p("\t\t%s = maps.Clone(params.%s)", f, m.name)
		case m.t.ptr:
			g.p("\t\tif params.%s != nil {\n\t\t\tv := *params.%s\n\t\t\t%s = &v\n\t\t}", m.name, m.name, f)
		}
		if m.name == "NextToken" || m.name == "MaxResults" {
			continue
		}
		switch {
		case m.t.kind == kString:
			query = append(query, "[]string{"+f+"}")
		case m.t.kind == kEnum:
			query = append(query, "[]string{string("+f+")}")
		case m.t.kind == kList && m.t.elem.kind == kString:
			query = append(query, f)
		case m.t.kind == kList && m.t.elem.kind == kEnum:
			query = append(query, "stringsOf("+f+")")
		case m.t.kind == kBool && m.t.ptr:
			query = append(query, "[]string{boolText("+f+")}")
		default:
			return fmt.Errorf("%s.%s: a query member of this type cannot be bound to resume tokens", op.name, m.name)
		}
	}
	g.p("\t}")
	g.p("\tp := newPaginator(&%s, in.NextToken, in.MaxResults,", list)
	g.p("\t\thashQuery(%q, %s), optFns)", n, strings.Join(query, ", "))
	g.p("\tp.fetch = func(ctx context.Context, token string, limit int32, optFns []func(*Options)) (*%s, error) {", out)
	g.p("\t\treq := in")
	g.p("\t\treq.NextToken, req.MaxResults = token, limit")
	g.p("\t\treturn client.%s(ctx, &req, optFns...)", n)
	g.p("\t}")
	g.p("\treturn p")
	g.p("}")
	return nil
}
