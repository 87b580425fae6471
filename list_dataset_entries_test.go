package customlabels_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
)

// Lines parses every entry, or fails naming the first that is not a JSON
// object, returning nothing.
func TestListDatasetEntriesOutputLines(t *testing.T) {
	out := &customlabels.ListDatasetEntriesOutput{DatasetEntries: []string{
		exampleLine("a.jpg", "cat"),
		`{"source-ref":"s3://my-images/b.jpg","errors":[{"code":"ERROR_NO_LABEL_ATTRIBUTES","message":"no labels"}],"x":1}`,
	}}
	lines, err := out.Lines()
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.Equal(t, []string{"cat"}, lines[0].Labels())
	assert.True(t, lines[1].HasErrors())
	assert.Equal(t, "ERROR_NO_LABEL_ATTRIBUTES", string(lines[1].Errors[0].Code))

	out.DatasetEntries = append(out.DatasetEntries, `["not", "an", "object"]`)
	lines, err = out.Lines()
	assert.Nil(t, lines)
	assert.ErrorContains(t, err, "DatasetEntries[2]")

	none, err := (&customlabels.ListDatasetEntriesOutput{}).Lines()
	require.NoError(t, err)
	assert.Empty(t, none)
}

// A resume token is bound to the dataset and every filter: Labeled and
// HasErrors unset, false and true are three queries.
func TestListDatasetEntriesResumeTokenBinding(t *testing.T) {
	srv, train, _ := datasetWaitServer(t, 12)
	client := srv.Client()
	ctx := context.Background()
	in := customlabels.ListDatasetEntriesInput{DatasetArn: train, Labeled: boolPtr(true), MaxResults: 5}
	p := customlabels.NewListDatasetEntriesPaginator(client, &in)
	first, err := p.NextPage(ctx)
	require.NoError(t, err)
	require.Len(t, first.DatasetEntries, 5)
	token := p.ResumeToken()
	require.NotEmpty(t, token)

	withToken := func(o *customlabels.ListDatasetEntriesPaginatorOptions) { o.StartingToken = token }
	var rest []string
	for e, err := range customlabels.AllDatasetEntries(ctx, client, &in, withToken) {
		require.NoError(t, err)
		rest = append(rest, e)
	}
	assert.Len(t, rest, 7, "the same query goes on from the token")

	for name, other := range map[string]customlabels.ListDatasetEntriesInput{
		"Labeled false":   {DatasetArn: train, Labeled: boolPtr(false)},
		"Labeled unset":   {DatasetArn: train},
		"HasErrors false": {DatasetArn: train, Labeled: boolPtr(true), HasErrors: boolPtr(false)},
		"other labels":    {DatasetArn: train, Labeled: boolPtr(true), ContainsLabels: []string{"cereal"}},
		"source-ref":      {DatasetArn: train, Labeled: boolPtr(true), SourceRefContains: "img"},
	} {
		_, err := customlabels.NewListDatasetEntriesPaginator(client, &other, withToken).NextPage(ctx)
		assert.True(t, errors.Is(err, customlabels.ErrInvalidStartingToken), "%s: %v", name, err)
	}
	// The paginator copied the input: changing it changes nothing.
	in.Labeled = boolPtr(false)
	second, err := p.NextPage(ctx)
	require.NoError(t, err)
	assert.Equal(t, rest[:5], second.DatasetEntries)
}
