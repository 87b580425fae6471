package customlabels

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	Key       *modelRef           `json:"key"`
	Value     *modelRef           `json:"value"`
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
// regexp (RE2: $ matches only at the end of the text), as goPattern
// translates it.
func (m *serviceModel) pattern(t testing.TB, name string) *regexp.Regexp {
	t.Helper()
	s := m.shape(t, name)
	require.NotEmpty(t, s.Pattern, "shape %s has no pattern", name)
	re, err := regexp.Compile(goPattern(s.Pattern))
	require.NoError(t, err, "pattern of %s", name)
	return re
}

// goPattern returns a Java pattern of the model in Go's syntax: three do
// not compile as they are. TagKey's lookahead (?!aws:) has no RE2 form:
// the tests check that prefix on their own (see reservedPrefix).
func goPattern(p string) string {
	switch p {
	case `^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`:
		return `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`
	case `^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$`:
		return `^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]*$` // the length is the shape's max
	case `[\u0009\u000A\u000D\u0020-\u00FF]+`:
		return `[\x{0009}\x{000A}\x{000D}\x{0020}-\x{00FF}]+`
	}
	return p
}

// reservedPrefix is the prefix a pattern's lookahead forbids, "" when it
// has none.
func reservedPrefix(p string) string {
	if strings.HasPrefix(p, `^(?!aws:)`) {
		return "aws:"
	}
	return ""
}
