// Package sdkv2 holds tests, and nothing else, that run the official
// aws-sdk-go-v2 Rekognition client (service/rekognition) against the
// customlabelstest fake server: full listings with the SDK's paginator,
// filters, typed errors through fault injection, retries, and SigV4
// verification of the SDK's own signing.
//
// It is a module of its own so that the customlabels module never
// requires service/rekognition or config. Run it from this directory:
//
//	go test -race ./...
package sdkv2
