package customlabels

import "strings"

// maxEchoedHeader caps a response header value that the client repeats in
// an output, an error or a log record. Request IDs are 36 characters; a
// hostile server could otherwise send megabytes, repeated in every error
// and log record, as it cannot with a body (see maxErrorBodyBytes and
// internal/awserr).
const maxEchoedHeader = 256

// capEchoed returns s, cut to maxEchoedHeader bytes and marked "…" when
// longer.
func capEchoed(s string) string { return capText(s, maxEchoedHeader) }

func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// maxTransportErrorText caps the text of an HTTP client's error. net/http
// quotes what the server sent in some (a malformed header line, whole),
// so a hostile server could make them as long as its headers.
const maxTransportErrorText = 1024
