package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// model is the part of the service model (botocore's JSON layout) that
// the generator reads.
type model struct {
	Metadata struct {
		TargetPrefix string `json:"targetPrefix"`
		ServiceID    string `json:"serviceId"`
	} `json:"metadata"`
	Operations map[string]*modelOperation `json:"operations"`
	Shapes     map[string]*shape          `json:"shapes"`
	// Paginators is paginators.json's "pagination" object.
	Paginators map[string]*paginator `json:"-"`
}

type modelOperation struct {
	Name   string     `json:"name"`
	Input  shapeRef   `json:"input"`
	Output shapeRef   `json:"output"`
	Errors []shapeRef `json:"errors"`
}

type shapeRef struct {
	Shape string `json:"shape"`
}

// shape is one shape of the model with the constraints it states.
type shape struct {
	Type      string              `json:"type"`
	Members   map[string]shapeRef `json:"members"`
	Required  []string            `json:"required"`
	Member    *shapeRef           `json:"member"`
	Key       *shapeRef           `json:"key"`
	Value     *shapeRef           `json:"value"`
	Min       *float64            `json:"min"`
	Max       *float64            `json:"max"`
	Pattern   string              `json:"pattern"`
	Enum      []string            `json:"enum"`
	Exception bool                `json:"exception"`
	Fault     bool                `json:"fault"`
}

type paginator struct {
	InputToken  string `json:"input_token"`
	OutputToken string `json:"output_token"`
	LimitKey    string `json:"limit_key"`
	ResultKey   string `json:"result_key"`
}

// loadModel reads the service model and its paginators from dir.
func loadModel(dir string) (*model, error) {
	var m model
	if err := readJSON(filepath.Join(dir, "rekognition-custom-labels.json"), &m); err != nil {
		return nil, err
	}
	var p struct {
		Pagination map[string]*paginator `json:"pagination"`
	}
	if err := readJSON(filepath.Join(dir, "paginators.json"), &p); err != nil {
		return nil, err
	}
	m.Paginators = p.Pagination
	for name, op := range m.Operations {
		for _, ref := range append([]shapeRef{op.Input, op.Output}, op.Errors...) {
			if m.Shapes[ref.Shape] == nil {
				return nil, fmt.Errorf("operation %s names shape %q, which the model lacks", name, ref.Shape)
			}
		}
	}
	return &m, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// memberNames returns the members of s in alphabetical order, the order
// the AWS SDKs write them in a request.
func (s *shape) memberNames() []string {
	return slices.Sorted(maps.Keys(s.Members))
}

func (s *shape) required(member string) bool {
	for _, r := range s.Required {
		if r == member {
			return true
		}
	}
	return false
}

// exceptionNames returns every exception shape of the model, sorted.
func (m *model) exceptionNames() []string {
	var names []string
	for n, s := range m.Shapes {
		if s.Exception {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}
