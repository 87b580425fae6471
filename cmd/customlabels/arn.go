package main

import (
	"strings"

	"github.com/rekognition-go/customlabels/internal/endpoint"
)

// arnHelp says, in errors, what ARN tag, untag and tags take.
const arnHelp = "the ARN of a project, a model or a dataset (arn:aws:rekognition:REGION:ACCOUNT:project/...)"

// parseResourceARN reads the ARN of a Rekognition resource,
// arn:PARTITION:rekognition:REGION:ACCOUNT:RESOURCE, and returns its
// Region. Its resource part is the service's to check.
func parseResourceARN(what, arn string) (string, error) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" || parts[1] == "" || parts[2] != "rekognition" || parts[5] == "" {
		return "", usagef("invalid %s %q: must be %s", what, clip(arn, 200), arnHelp)
	}
	if err := endpoint.ValidateRegion(parts[3]); err != nil {
		return "", usagef("invalid %s %q: its Region: %v", what, clip(arn, 200), err)
	}
	return parts[3], nil
}
