package customlabelstest

import (
	"encoding/json"

	"github.com/rekognition-go/customlabels"
)

// requestParams make the value Request.Params holds for each served
// operation. The client's input structs name their fields as the service
// names its members, so encoding/json reads a body into them as sent.
var requestParams = map[string]func() any{
	targetPrefix + "DescribeProjects":        func() any { return new(customlabels.DescribeProjectsInput) },
	targetPrefix + "DescribeProjectVersions": func() any { return new(customlabels.DescribeProjectVersionsInput) },
	targetPrefix + "StartProjectVersion":     func() any { return new(customlabels.StartProjectVersionInput) },
	targetPrefix + "StopProjectVersion":      func() any { return new(customlabels.StopProjectVersionInput) },
	targetPrefix + "DetectCustomLabels":      func() any { return new(customlabels.DetectCustomLabelsInput) },
}

// decodeParams returns the body of a request to target decoded into the
// operation's input struct, or nil when the target is not served or the
// body is not a JSON object of the members' types.
func decodeParams(target string, body []byte) any {
	newParams, ok := requestParams[target]
	if !ok {
		return nil
	}
	p := newParams()
	if err := json.Unmarshal(body, p); err != nil {
		return nil
	}
	return p
}
