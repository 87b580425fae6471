package customlabels

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Helpers of the tests of the operations: golden files and the layers of
// their errors.

// checkGolden compares got with the golden file testdata/name, which
// go test -update rewrites.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file %s missing: run go test -run %s -update", path, t.Name())
	assert.Equal(t, string(want), got, "%s (-want +got)", path)
}

// requireInvalidParam checks that err is an *InvalidParamError of input
// for field, whose rule contains rule, inside a *smithy.OperationError of
// op when op is not empty.
func requireInvalidParam(t *testing.T, err error, op, input, field, rule string) {
	t.Helper()
	require.Error(t, err)
	pe := asInvalidParam(t, err)
	assert.Equal(t, input, pe.Input, "InvalidParamError.Input")
	assert.Equal(t, field, pe.Field, "InvalidParamError.Field")
	assert.Contains(t, pe.Rule, rule, "InvalidParamError.Rule")
	assert.Contains(t, err.Error(), input+"."+field)
	if op != "" {
		assertOperationError(t, err, op)
	}
}

// asInvalidParam returns the *InvalidParamError inside err.
func asInvalidParam(t *testing.T, err error) *InvalidParamError {
	t.Helper()
	var pe *InvalidParamError
	require.True(t, errors.As(err, &pe), "error %v (%T) is not an *InvalidParamError", err, err)
	return pe
}

// assertOperationError checks that err is a *smithy.OperationError of
// service Rekognition and operation op.
func assertOperationError(t *testing.T, err error, op string) {
	t.Helper()
	var oe *smithy.OperationError
	if assert.True(t, errors.As(err, &oe), "error %v is not a *smithy.OperationError", err) {
		assert.Equal(t, ServiceID, oe.ServiceID)
		assert.Equal(t, op, oe.OperationName)
	}
}
