package customlabelstest

import (
	"cmp"
	"slices"

	"github.com/rekognition-go/customlabels"
)

// The control resources of DetectCustomLabels: models (how each running
// version answers, [Server.SetModel]) and s3objects (the images it may
// read, [Server.PutS3Object]).

// modelJSON is one model of the models resource.
type modelJSON struct {
	ProjectVersionArn string
	// Labels is Model.Labels.
	Labels []customlabels.CustomLabel `json:",omitempty"`
	// HashLabels, when set, makes Detect HashLabels(HashLabels...):
	// labels whose confidences are a function of the image.
	HashLabels                  []string `json:",omitempty"`
	AssumedThreshold            float32  `json:",omitempty"`
	MaxInFlightPerInferenceUnit int      `json:",omitempty"`
	// Detect is true in a listing when the model has a Detect function
	// set in Go (not HashLabels); read-only.
	Detect bool `json:",omitempty"`
}

// putModel answers PUT models {"ProjectVersionArn": ..., "Labels": [...]
// or "HashLabels": [...], "AssumedThreshold": ...,
// "MaxInFlightPerInferenceUnit": ...}, as SetModel.
func putModel(s *Server, body []byte) (any, error) {
	var in modelJSON
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	switch {
	case in.ProjectVersionArn == "":
		return nil, badField("ProjectVersionArn", "is required: the ARN of the project version")
	case in.Detect:
		return nil, badField("Detect", "is read-only: set Labels or HashLabels")
	case len(in.Labels) > 0 && len(in.HashLabels) > 0:
		return nil, badField("HashLabels", "set Labels or HashLabels, not both")
	case in.AssumedThreshold < 0 || in.AssumedThreshold > 100:
		return nil, badField("AssumedThreshold", "must be 0 to 100, got %v", in.AssumedThreshold)
	case in.MaxInFlightPerInferenceUnit < 0:
		return nil, badField("MaxInFlightPerInferenceUnit", "must be 0 (no limit) or more, got %d", in.MaxInFlightPerInferenceUnit)
	}
	m := Model{Labels: in.Labels, AssumedThreshold: in.AssumedThreshold, MaxInFlightPerInferenceUnit: in.MaxInFlightPerInferenceUnit}
	if len(in.HashLabels) > 0 {
		m.Detect = HashLabels(in.HashLabels...)
	}
	s.SetModel(in.ProjectVersionArn, m)
	s.mu.Lock()
	s.models[in.ProjectVersionArn].hashLabels = slices.Clone(in.HashLabels)
	s.mu.Unlock()
	return listModels(s, nil)
}

// listModels answers GET models: {"Models": [...]} by ARN.
func listModels(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := struct{ Models []modelJSON }{Models: []modelJSON{}}
	for arn, m := range s.models {
		out.Models = append(out.Models, modelJSON{
			ProjectVersionArn:           arn,
			Labels:                      m.m.Labels,
			HashLabels:                  m.hashLabels,
			AssumedThreshold:            m.m.AssumedThreshold,
			MaxInFlightPerInferenceUnit: m.m.MaxInFlightPerInferenceUnit,
			Detect:                      m.m.Detect != nil && m.hashLabels == nil,
		})
	}
	slices.SortFunc(out.Models, func(a, b modelJSON) int { return cmp.Compare(a.ProjectVersionArn, b.ProjectVersionArn) })
	return out, nil
}

// removeModels answers DELETE models {"ProjectVersionArns": [...]}, as
// RemoveModel.
func removeModels(s *Server, body []byte) (any, error) {
	var in struct{ ProjectVersionArns []string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if len(in.ProjectVersionArns) == 0 {
		return nil, badField("ProjectVersionArns", "is required: the ARNs of the versions whose models to remove")
	}
	n := 0
	for _, arn := range in.ProjectVersionArns {
		if s.RemoveModel(arn) {
			n++
		}
	}
	return struct{ Removed int }{n}, nil
}

// s3ObjectJSON is one object of the s3objects resource. Bytes is base64
// in JSON.
type s3ObjectJSON struct {
	Bucket, Name string
	Version      string `json:",omitempty"`
	Bytes        []byte `json:",omitempty"`
	Size         int    `json:",omitempty"` // read-only, in listings
}

// putS3Object answers POST s3objects {"Bucket", "Name", "Version",
// "Bytes": base64}, as PutS3Object.
func putS3Object(s *Server, body []byte) (any, error) {
	var in s3ObjectJSON
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	switch {
	case in.Bucket == "":
		return nil, badField("Bucket", "is required")
	case in.Name == "":
		return nil, badField("Name", "is required: the object's key")
	case in.Size != 0:
		return nil, badField("Size", "is read-only: send Bytes")
	}
	if err := s.putS3Object(in.Bucket, in.Name, in.Version, in.Bytes); err != nil {
		return nil, badField("Bytes", "%v", err)
	}
	return struct{ Bucket, Name, Version string }{in.Bucket, in.Name, in.Version}, nil
}

// listS3Objects answers GET s3objects: {"Objects": [...]} without their
// bytes, by bucket, name and version.
func listS3Objects(s *Server, _ []byte) (any, error) {
	out := struct{ Objects []s3ObjectJSON }{Objects: []s3ObjectJSON{}}
	for _, o := range s.ListS3Objects("", "") {
		out.Objects = append(out.Objects, s3ObjectJSON{Bucket: o.Bucket, Name: o.Key, Version: o.Version, Size: int(o.Size)})
	}
	return out, nil
}

// removeS3Object answers DELETE s3objects {"Bucket", "Name", "Version"},
// as RemoveS3Object.
func removeS3Object(s *Server, body []byte) (any, error) {
	var in struct{ Bucket, Name, Version string }
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if in.Bucket == "" || in.Name == "" {
		return nil, badField("Name", "Bucket and Name are required")
	}
	return struct{ Removed bool }{s.RemoveS3Object(in.Bucket, in.Name, in.Version)}, nil
}
