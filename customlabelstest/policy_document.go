package customlabelstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Project policy documents: what PutProjectPolicy accepts, and how
// policyAllows reads an accepted one. The rules are the developer guide's
// ("Creating a project policy document"): every statement has Effect,
// Principal, Action and Resource; the only action is
// rekognition:CopyProjectVersion; NotAction, NotResource and NotPrincipal
// are prohibited. The rest is IAM's policy grammar, as much of it as a
// project policy can use.

// copyAction is the one action a project policy may name.
const copyAction = "rekognition:CopyProjectVersion"

// policyDocument is an accepted project policy document.
type policyDocument struct {
	statements []policyStatement
}

// policyStatement is one statement of a project policy.
type policyStatement struct {
	deny bool
	// principals are the AWS principals ("*", an account ID or an IAM
	// ARN); other kinds (Service, Federated) name no account.
	principals []string
	resources  []string
	// conditional is set when the statement has a Condition, which the
	// fake does not evaluate.
	conditional bool
}

// Elements of a policy and of a statement. Keys are case-sensitive in
// IAM's grammar.
var (
	policyElements    = []string{"Version", "Id", "Statement"}
	statementElements = []string{"Sid", "Effect", "Principal", "Action", "Resource", "Condition"}
	requiredElements  = []string{"Effect", "Principal", "Action", "Resource"}
	forbiddenElements = []string{"NotAction", "NotResource", "NotPrincipal"}
	principalKinds    = []string{"AWS", "Service", "Federated", "CanonicalUser"}
)

// parsePolicyDocument reads a project policy document, or returns the
// rule it breaks, as the message of a MalformedPolicyDocumentException.
func parsePolicyDocument(doc string) (*policyDocument, string) {
	var top map[string]json.RawMessage
	if err := strictUnmarshal([]byte(doc), &top); err != nil || top == nil {
		return nil, "The policy document must be a JSON object: " + jsonProblem(err)
	}
	for k := range top {
		if !slices.Contains(policyElements, k) {
			return nil, fmt.Sprintf("The policy document has an unknown element %q: a policy has only Version, Id and Statement", truncate(k, 64))
		}
	}
	if raw, ok := top["Version"]; ok {
		var v string
		if json.Unmarshal(raw, &v) != nil || v != "2012-10-17" && v != "2008-10-17" {
			return nil, "The policy's Version must be \"2012-10-17\" (or the older \"2008-10-17\")"
		}
	}
	if raw, ok := top["Id"]; ok {
		var id string
		if json.Unmarshal(raw, &id) != nil {
			return nil, "The policy's Id must be a string"
		}
	}
	raw, ok := top["Statement"]
	if !ok {
		return nil, "The policy document has no Statement"
	}
	var list []json.RawMessage
	if jsonKind(raw) == "an object" {
		list = []json.RawMessage{raw}
	} else if json.Unmarshal(raw, &list) != nil {
		return nil, "The policy's Statement must be an object or a list of objects"
	}
	if len(list) == 0 {
		return nil, "The policy's Statement must hold at least one statement"
	}
	d := &policyDocument{}
	for i, raw := range list {
		st, msg := parseStatement(raw, fmt.Sprintf("Statement[%d]", i))
		if msg != "" {
			return nil, msg
		}
		d.statements = append(d.statements, st)
	}
	return d, ""
}

// parseStatement reads one statement, at, for example, "Statement[0]".
func parseStatement(raw json.RawMessage, at string) (policyStatement, string) {
	var st policyStatement
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m == nil {
		return st, at + " must be an object"
	}
	for _, k := range forbiddenElements {
		if _, ok := m[k]; ok {
			return st, at + " has " + k + ": NotAction, NotResource and NotPrincipal are not allowed in a project policy"
		}
	}
	for k := range m {
		if !slices.Contains(statementElements, k) {
			return st, fmt.Sprintf("%s has an unknown element %q", at, truncate(k, 64))
		}
	}
	for _, k := range requiredElements {
		if _, ok := m[k]; !ok {
			return st, at + " has no " + k + ": Effect, Principal, Action and Resource are required in a project policy"
		}
	}
	var effect string
	if json.Unmarshal(m["Effect"], &effect) != nil || !strings.EqualFold(effect, "Allow") && !strings.EqualFold(effect, "Deny") {
		return st, at + ".Effect must be \"Allow\" or \"Deny\""
	}
	st.deny = strings.EqualFold(effect, "Deny")

	actions, ok := stringOrList(m["Action"])
	if !ok {
		return st, at + ".Action must be a string or a list of strings"
	}
	for _, a := range actions {
		if !strings.EqualFold(a, copyAction) {
			return st, fmt.Sprintf("%s.Action names %q: the only action a project policy may name is %s", at, truncate(a, 64), copyAction)
		}
	}

	if st.resources, ok = stringOrList(m["Resource"]); !ok || slices.Contains(st.resources, "") {
		return st, at + ".Resource must be a string or a list of strings, none empty"
	}

	principals, msg := parsePrincipal(m["Principal"], at+".Principal")
	if msg != "" {
		return st, msg
	}
	st.principals = principals

	if raw, ok := m["Condition"]; ok {
		if jsonKind(raw) != "an object" {
			return st, at + ".Condition must be an object"
		}
		st.conditional = true
	}
	if raw, ok := m["Sid"]; ok {
		var sid string
		if json.Unmarshal(raw, &sid) != nil {
			return st, at + ".Sid must be a string"
		}
	}
	return st, ""
}

// parsePrincipal reads a Principal: "*", or an object of principal kinds
// to a string or a list of strings. It returns the AWS principals.
func parsePrincipal(raw json.RawMessage, at string) ([]string, string) {
	var star string
	if json.Unmarshal(raw, &star) == nil {
		if star != "*" {
			return nil, at + " must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}"
		}
		return []string{"*"}, ""
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || len(m) == 0 {
		return nil, at + " must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}"
	}
	var aws []string
	for kind, raw := range m {
		if !slices.Contains(principalKinds, kind) {
			return nil, fmt.Sprintf("%s has an unknown kind %q: use AWS, Service, Federated or CanonicalUser", at, truncate(kind, 64))
		}
		names, ok := stringOrList(raw)
		if !ok {
			return nil, at + "." + kind + " must be a string or a list of strings"
		}
		if kind != "AWS" {
			continue
		}
		for _, n := range names {
			if n != "*" && principalAccount(n) == "" {
				return nil, fmt.Sprintf("%s.AWS names %q: an AWS principal is \"*\", a 12-digit account ID or an IAM ARN", at, truncate(n, 64))
			}
		}
		aws = append(aws, names...)
	}
	return aws, ""
}

// principalAccount returns the account an AWS principal names: itself for
// a 12-digit account ID, ACCOUNT of "arn:PARTITION:iam::ACCOUNT:..." or
// "arn:PARTITION:sts::ACCOUNT:...", or "" for anything else.
func principalAccount(p string) string {
	if isAccountID(p) {
		return p
	}
	f := strings.SplitN(p, ":", 6)
	if len(f) != 6 || f[0] != "arn" || f[1] == "" || f[2] != "iam" && f[2] != "sts" || f[3] != "" || !isAccountID(f[4]) || f[5] == "" {
		return ""
	}
	return f[4]
}

// isAccountID reports whether s is a 12-digit AWS account ID.
func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stringOrList reads a string or a non-empty list of strings, as IAM's
// grammar allows for Action, Resource and principals.
func stringOrList(raw json.RawMessage) ([]string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}, true
	}
	var list []string
	if json.Unmarshal(raw, &list) != nil || len(list) == 0 {
		return nil, false
	}
	return list, true
}

// strictUnmarshal decodes exactly one JSON value, refusing trailing data.
func strictUnmarshal(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return fmt.Errorf("data after the JSON value")
	}
	return nil
}

// jsonProblem words why a document is not a JSON object.
func jsonProblem(err error) string {
	if err == nil {
		return "it is null"
	}
	return err.Error()
}

// allows reports how the document judges a copy of versionArn by a
// principal of account: whether a statement allows it, and whether one
// denies it. A principal matches when it is "*" or names the account
// (the fake does not know which user or role of its account a key
// stands for, so an IAM ARN matches every caller of its account). A
// conditional statement counts as denying when it denies and not as
// allowing when it allows: the fake does not evaluate conditions and
// takes the cautious side.
func (d *policyDocument) allows(versionArn, account string) (allowed, denied bool) {
	for _, st := range d.statements {
		if !st.matchesPrincipal(account) || !st.matchesResource(versionArn) {
			continue
		}
		switch {
		case st.deny:
			denied = true
		case !st.conditional:
			allowed = true
		}
	}
	return allowed, denied
}

func (st *policyStatement) matchesPrincipal(account string) bool {
	for _, p := range st.principals {
		if p == "*" || principalAccount(p) == account {
			return true
		}
	}
	return false
}

func (st *policyStatement) matchesResource(arn string) bool {
	for _, r := range st.resources {
		if globMatch(r, arn) {
			return true
		}
	}
	return false
}

// globMatch reports whether s matches pattern, where "*" stands for any
// run of characters and "?" for any one, as IAM matches resource ARNs.
func globMatch(pattern, s string) bool {
	// The classic two-pointer match, with one backtracking point for the
	// last "*": linear in practice, never exponential.
	p, i, star, mark := 0, 0, -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
