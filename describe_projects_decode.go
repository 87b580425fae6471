package customlabels

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rekognition-go/customlabels/internal/timestamp"
)

// errEmptyBody reports a 2xx response without a body; the service always
// sends a JSON object, so an empty body means the response was lost.
var errEmptyBody = errors.New("empty response body")

// wireTimestamp decodes an awsJson1_1 timestamp: a JSON number of epoch
// seconds, parsed exactly from its text. null leaves it unset; a string or
// any other type is an error, as in the AWS SDK for Go.
type wireTimestamp struct{ t time.Time }

func (w *wireTimestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	t, err := timestamp.Parse(b)
	if err != nil {
		return fmt.Errorf("timestamp %s: %w", quoteShort(string(b)), err)
	}
	w.t = t
	return nil
}

type wireDataset struct {
	CreationTimestamp wireTimestamp `json:"CreationTimestamp"`
	DatasetType       string        `json:"DatasetType"`
	DatasetArn        string        `json:"DatasetArn"`
	Status            string        `json:"Status"`
	StatusMessage     string        `json:"StatusMessage"`
	StatusMessageCode string        `json:"StatusMessageCode"`
}

type wireProject struct {
	ProjectArn        string        `json:"ProjectArn"`
	CreationTimestamp wireTimestamp `json:"CreationTimestamp"`
	Status            string        `json:"Status"`
	Datasets          []wireDataset `json:"Datasets"`
	Feature           string        `json:"Feature"`
	AutoUpdate        string        `json:"AutoUpdate"`
}

type wireOutput struct {
	ProjectDescriptions []wireProject `json:"ProjectDescriptions"`
	NextToken           string        `json:"NextToken"`
}

// decodeDescribeProjectsOutput decodes a DescribeProjects response body. It
// returns a complete output or an error, never a partial output.
func decodeDescribeProjectsOutput(data []byte) (*DescribeProjectsOutput, error) {
	if len(data) == 0 {
		return nil, errEmptyBody
	}
	var w wireOutput
	if err := json.Unmarshal(data, &w); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) && strings.HasPrefix(se.Error(), "unexpected end of JSON input") {
			// The JSON ends early: the body was cut short.
			return nil, fmt.Errorf("%w: %v", io.ErrUnexpectedEOF, err)
		}
		return nil, err
	}
	if n := utf8.RuneCountInString(w.NextToken); n > MaxNextTokenLength {
		return nil, fmt.Errorf("response NextToken has %d characters, over the limit of %d", n, MaxNextTokenLength)
	}
	out := &DescribeProjectsOutput{NextToken: w.NextToken}
	if w.ProjectDescriptions != nil {
		out.ProjectDescriptions = make([]ProjectDescription, len(w.ProjectDescriptions))
	}
	for i, p := range w.ProjectDescriptions {
		d := &out.ProjectDescriptions[i]
		d.ProjectArn = p.ProjectArn
		d.CreationTimestamp = p.CreationTimestamp.t
		d.Status = ProjectStatus(p.Status)
		d.Feature = CustomizationFeature(p.Feature)
		d.AutoUpdate = ProjectAutoUpdate(p.AutoUpdate)
		if p.Datasets != nil {
			d.Datasets = make([]DatasetMetadata, len(p.Datasets))
		}
		for j, ds := range p.Datasets {
			d.Datasets[j] = DatasetMetadata{
				CreationTimestamp: ds.CreationTimestamp.t,
				DatasetType:       DatasetType(ds.DatasetType),
				DatasetArn:        ds.DatasetArn,
				Status:            DatasetStatus(ds.Status),
				StatusMessage:     ds.StatusMessage,
				StatusMessageCode: DatasetStatusMessageCode(ds.StatusMessageCode),
			}
		}
	}
	return out, nil
}
