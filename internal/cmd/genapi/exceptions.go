package main

import "fmt"

// exceptionsFile writes exceptions_gen.go: one error type per exception of
// the model, with its fault, and the table from code to type.
func exceptionsFile(a *api) (*gen, error) {
	g := newGen("customlabels")
	g.use("github.com/aws/smithy-go")
	names := a.m.exceptionNames()
	for _, n := range names {
		e, ok := exceptions[n]
		if !ok {
			return nil, fmt.Errorf("no documentation for %s: add it to the exceptions table", n)
		}
		fault, why := "smithy.FaultClient", "the request must change or wait"
		if a.m.Shapes[n].Fault {
			fault, why = "smithy.FaultServer", "the service failed, as the model declares"
		}
		g.p("%s", comment(n+" "+e.doc))
		g.p("type %s struct {", n)
		g.p("\tMessage   string // the service's explanation")
		g.p("\tCode      string // the exception's Code member, when sent")
		g.p("\tLogref    string // a reference for AWS support, when sent")
		g.p("\tRequestID string // the request ID of the response")
		g.p("}\n")
		g.p("// Error returns %q.\nfunc (e *%s) Error() string { return apiErrorString(e) }\n", n+": <message>", n)
		g.p("// ErrorCode returns %q.\nfunc (e *%s) ErrorCode() string { return %q }\n", n, n, n)
		g.p("// ErrorMessage returns the service's message.\nfunc (e *%s) ErrorMessage() string { return e.Message }\n", n)
		g.p("// ErrorFault returns %s: %s.\nfunc (e *%s) ErrorFault() smithy.ErrorFault { return %s }\n", fault, why, n, fault)
	}
	g.p("var (")
	for _, n := range names {
		g.p("\t_ smithy.APIError = (*%s)(nil)", n)
	}
	g.p(")\n")
	g.p("// exceptions maps each exception code to the constructor of its type.")
	g.p("var exceptions = [...]struct {\n\tcode string\n\tnew  func(message, code, logref, requestID string) smithy.APIError\n}{")
	for _, n := range names {
		g.p("\t{%q, func(m, c, l, id string) smithy.APIError { return &%s{Message: m, Code: c, Logref: l, RequestID: id} }},", n, n)
	}
	g.p("}")
	return g, nil
}
