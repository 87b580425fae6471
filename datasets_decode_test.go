package customlabels

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference decoders of the dataset outputs the client reads from the
// network: encoding/json into structs that mirror the model's shapes, as
// for DescribeProjectVersions.

type refDatasetStats struct {
	ErrorEntries   int32 `json:"ErrorEntries"`
	LabeledEntries int32 `json:"LabeledEntries"`
	TotalEntries   int32 `json:"TotalEntries"`
	TotalLabels    int32 `json:"TotalLabels"`
}

type refDatasetDescription struct {
	CreationTimestamp    refTimestamp    `json:"CreationTimestamp"`
	DatasetStats         refDatasetStats `json:"DatasetStats"`
	LastUpdatedTimestamp refTimestamp    `json:"LastUpdatedTimestamp"`
	Status               string          `json:"Status"`
	StatusMessage        string          `json:"StatusMessage"`
	StatusMessageCode    string          `json:"StatusMessageCode"`
}

type refDescribeDatasetOutput struct {
	DatasetDescription refDatasetDescription `json:"DatasetDescription"`
}

type refEntriesOutput struct {
	DatasetEntries []string `json:"DatasetEntries"`
	NextToken      string   `json:"NextToken"`
}

type refLabelDescription struct {
	LabelName  string `json:"LabelName"`
	LabelStats struct {
		BoundingBoxCount int32 `json:"BoundingBoxCount"`
		EntryCount       int32 `json:"EntryCount"`
	} `json:"LabelStats"`
}

type refLabelsOutput struct {
	DatasetLabelDescriptions []refLabelDescription `json:"DatasetLabelDescriptions"`
	NextToken                string                `json:"NextToken"`
}

func refNextToken(token string) error {
	if n := utf8.RuneCountInString(token); n > MaxNextTokenLength {
		return fmt.Errorf("response NextToken has %d characters, over the limit of %d", n, MaxNextTokenLength)
	}
	return nil
}

func referenceDecodeDescribeDataset(data []byte) (*DescribeDatasetOutput, error) {
	var w refDescribeDatasetOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	d := w.DatasetDescription
	return &DescribeDatasetOutput{DatasetDescription: DatasetDescription{
		CreationTimestamp:    d.CreationTimestamp.t,
		LastUpdatedTimestamp: d.LastUpdatedTimestamp.t,
		Status:               DatasetStatus(d.Status),
		StatusMessage:        d.StatusMessage,
		StatusMessageCode:    DatasetStatusMessageCode(d.StatusMessageCode),
		DatasetStats: DatasetStats{LabeledEntries: d.DatasetStats.LabeledEntries, TotalEntries: d.DatasetStats.TotalEntries,
			TotalLabels: d.DatasetStats.TotalLabels, ErrorEntries: d.DatasetStats.ErrorEntries},
	}}, nil
}

func referenceDecodeEntries(data []byte) (*ListDatasetEntriesOutput, error) {
	var w refEntriesOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	if err := refNextToken(w.NextToken); err != nil {
		return nil, err
	}
	return &ListDatasetEntriesOutput{DatasetEntries: w.DatasetEntries, NextToken: w.NextToken}, nil
}

func referenceDecodeLabels(data []byte) (*ListDatasetLabelsOutput, error) {
	var w refLabelsOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	if err := refNextToken(w.NextToken); err != nil {
		return nil, err
	}
	out := &ListDatasetLabelsOutput{NextToken: w.NextToken}
	if w.DatasetLabelDescriptions != nil {
		out.DatasetLabelDescriptions = make([]DatasetLabelDescription, len(w.DatasetLabelDescriptions))
	}
	for i, l := range w.DatasetLabelDescriptions {
		out.DatasetLabelDescriptions[i] = DatasetLabelDescription{LabelName: l.LabelName,
			LabelStats: DatasetLabelStats{EntryCount: l.LabelStats.EntryCount, BoundingBoxCount: l.LabelStats.BoundingBoxCount}}
	}
	return out, nil
}

func decodeEntries(data []byte) (*ListDatasetEntriesOutput, error) {
	return decodeAs[ListDatasetEntriesOutput](opListDatasetEntries, data)
}

func decodeLabels(data []byte) (*ListDatasetLabelsOutput, error) {
	return decodeAs[ListDatasetLabelsOutput](opListDatasetLabels, data)
}

func decodeDescribeDataset(data []byte) (*DescribeDatasetOutput, error) {
	return decodeAs[DescribeDatasetOutput](opDescribeDataset, data)
}

// datasetMemberNames are the member names of the dataset outputs, at any
// level, for foldsToName.
var datasetMemberNames = []string{
	"DatasetDescription", "CreationTimestamp", "DatasetStats", "LastUpdatedTimestamp", "Status", "StatusMessage",
	"StatusMessageCode", "ErrorEntries", "LabeledEntries", "TotalEntries", "TotalLabels",
	"DatasetEntries", "NextToken", "DatasetLabelDescriptions", "LabelName", "LabelStats", "BoundingBoxCount", "EntryCount",
}

// entriesPage is a page of entries as the service writes it: JSON lines
// inside JSON strings, escaped.
const entriesPage = `{"DatasetEntries":["{\"source-ref\":\"s3://b/a.jpg\",\"label\":1,\"label-metadata\":{\"class-name\":\"caf\u00e9 \\\"au lait\\\"\",\"confidence\":1,` +
	`\"human-annotated\":\"yes\",\"creation-date\":\"2024-01-02T03:04:05\",\"type\":\"groundtruth/image-classification\"}}",` +
	`"{\"source-ref\":\"s3://b/b.jpg\",\"errors\":[{\"code\":\"ERROR_NO_LABEL_ATTRIBUTES\",\"message\":\"no labels\\n\"}]}"],"NextToken":"AYADeHhY2lUNk5S/+="}`

// The page's entries decode to exactly the JSON lines the service wrote,
// escapes resolved, as encoding/json decodes them.
func TestDecodeDatasetEntries(t *testing.T) {
	out, err := decodeAs[ListDatasetEntriesOutput](opListDatasetEntries, []byte(entriesPage))
	require.NoError(t, err)
	require.Len(t, out.DatasetEntries, 2)
	assert.Equal(t, `{"source-ref":"s3://b/a.jpg","label":1,"label-metadata":{"class-name":"café \"au lait\"","confidence":1,`+
		`"human-annotated":"yes","creation-date":"2024-01-02T03:04:05","type":"groundtruth/image-classification"}}`, out.DatasetEntries[0])
	lines, err := out.Lines()
	require.NoError(t, err)
	assert.Equal(t, []string{`café "au lait"`}, lines[0].Labels())
	assert.Equal(t, "no labels\n", lines[1].Errors[0].Message)
	checkDecodeAgainst(t, []byte(entriesPage), decodeEntries, referenceDecodeEntries, datasetMemberNames)

	// Cut anywhere, the page fails with io.ErrUnexpectedEOF, which the
	// client retries; it is never a shorter page.
	trimmed := strings.TrimSpace(entriesPage)
	for n := 1; n < len(trimmed); n++ {
		out, err := decodeAs[ListDatasetEntriesOutput](opListDatasetEntries, []byte(trimmed[:n]))
		if !errors.Is(err, io.ErrUnexpectedEOF) || out != nil {
			t.Fatalf("decode(page[:%d]) = %v, %v; want io.ErrUnexpectedEOF", n, out, err)
		}
	}
}

func FuzzDecodeListDatasetEntriesOutput(f *testing.F) {
	f.Add([]byte(entriesPage))
	for _, s := range []string{
		``, `null`, `{}`, `{"DatasetEntries":null}`, `{"DatasetEntries":[]}`, `{"DatasetEntries":[null,"{}"]}`,
		`{"DatasetEntries":["{}",1]}`, `{"DatasetEntries":["\ud83d"]}`, `{"datasetentries":["{}"]}`,
		`{"DatasetEntries":["a"],"DatasetEntries":["b"],"NextToken":"` + strings.Repeat("t", 1025) + `"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeAgainst(t, data, decodeEntries, referenceDecodeEntries, datasetMemberNames)
	})
}

func FuzzDecodeListDatasetLabelsOutput(f *testing.F) {
	for _, s := range []string{
		`{"DatasetLabelDescriptions":[{"LabelName":"cat","LabelStats":{"EntryCount":3,"BoundingBoxCount":2}},{"LabelName":"dog","LabelStats":{}}],"NextToken":"x"}`,
		``, `{}`, `{"DatasetLabelDescriptions":[null,{}]}`, `{"DatasetLabelDescriptions":[{"LabelStats":{"EntryCount":2147483648}}]}`,
		`{"DatasetLabelDescriptions":[{"LabelStats":{"EntryCount":-1,"BoundingBoxCount":1.5}}]}`, `{"DatasetLabelDescriptions":[{"LabelName":7}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeAgainst(t, data, decodeLabels, referenceDecodeLabels, datasetMemberNames)
	})
}

func FuzzDecodeDescribeDatasetOutput(f *testing.F) {
	for _, s := range []string{
		`{"DatasetDescription":{"CreationTimestamp":1.700000000123E9,"LastUpdatedTimestamp":1700000060.5,"Status":"CREATE_COMPLETE","StatusMessage":"ok","StatusMessageCode":"SUCCESS","DatasetStats":{"LabeledEntries":3,"TotalEntries":4,"TotalLabels":2,"ErrorEntries":1}}}`,
		``, `{}`, `{"DatasetDescription":null}`, `{"DatasetDescription":{"DatasetStats":null,"Status":"NEW_STATUS"}}`,
		`{"DatasetDescription":{"CreationTimestamp":"x"}}`, `{"DatasetDescription":{"DatasetStats":{"TotalEntries":1e3}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeAgainst(t, data, decodeDescribeDataset, referenceDecodeDescribeDataset, datasetMemberNames)
	})
}
