// Package otel holds tests, and nothing else, that compare the traces and
// metrics of customlabels with those of the official aws-sdk-go-v2
// Rekognition client.
package otel
