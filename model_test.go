package customlabels

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// The service model (testdata/service-model, botocore's
// rekognition-custom-labels.json), read for the tests that hold the code
// to it: the conformance test and the ARN patterns.

type serviceModel struct {
	Operations map[string]modelOperation `json:"operations"`
	Shapes     map[string]modelShape     `json:"shapes"`
}

type modelOperation struct {
	Input  modelRef   `json:"input"`
	Output modelRef   `json:"output"`
	Errors []modelRef `json:"errors"`
}

type modelRef struct {
	Shape string `json:"shape"`
}

type modelShape struct {
	Type      string              `json:"type"`
	Members   map[string]modelRef `json:"members"`
	Member    *modelRef           `json:"member"`
	Required  []string            `json:"required"`
	Min       *int64              `json:"min"`
	Max       *int64              `json:"max"`
	Pattern   string              `json:"pattern"`
	Enum      []string            `json:"enum"`
	Exception bool                `json:"exception"`
	Fault     bool                `json:"fault"`
}

var loadModel = sync.OnceValues(func() (*serviceModel, error) {
	b, err := os.ReadFile(filepath.Join("testdata", "service-model", "rekognition-custom-labels.json"))
	if err != nil {
		return nil, err
	}
	var m serviceModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return &m, nil
})

// readModel returns the service model, failing the test if it cannot be
// read.
func readModel(t testing.TB) *serviceModel {
	t.Helper()
	m, err := loadModel()
	require.NoError(t, err, "reading the service model")
	return m
}

// shape returns the model's shape name, failing the test if it is absent.
func (m *serviceModel) shape(t testing.TB, name string) modelShape {
	t.Helper()
	s, ok := m.Shapes[name]
	require.True(t, ok, "the model has no shape %s", name)
	return s
}

// pattern compiles the pattern of the model's shape name with Go's
// regexp (RE2: $ matches only at the end of the text).
func (m *serviceModel) pattern(t testing.TB, name string) *regexp.Regexp {
	t.Helper()
	s := m.shape(t, name)
	require.NotEmpty(t, s.Pattern, "shape %s has no pattern", name)
	re, err := regexp.Compile(s.Pattern)
	require.NoError(t, err, "pattern of %s", name)
	return re
}
