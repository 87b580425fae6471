package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// exceptions.go must be what the generator makes of the model copy in
// testdata: a model update or a new operation shows up here.
func TestExceptionsUpToDate(t *testing.T) {
	want, err := generate("../../../testdata/service-model/rekognition-custom-labels.json")
	require.NoError(t, err)
	got, err := os.ReadFile("../../../exceptions.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "exceptions.go is stale: run go generate in the module root")
}
