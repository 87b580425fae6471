package customlabelstest

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// DefaultAssumedThreshold is the confidence below which a Model leaves a
// label out when the request has no MinConfidence, unless the Model's
// AssumedThreshold says otherwise. The service computes one per label in
// training; 50 is a plausible middle.
const DefaultAssumedThreshold = 50

// Model is how a RUNNING project version answers DetectCustomLabels. Its
// labels are deterministic for an image: a fixed set (Labels), or a
// function of the image's bytes (Detect). The server filters them by the
// request's MinConfidence (or AssumedThreshold without one) and
// MaxResults, and orders them by confidence, highest first, then by name.
type Model struct {
	// Labels are the labels found in every image, when Detect is nil.
	Labels []customlabels.CustomLabel
	// Detect, when set, returns the labels of an image from its bytes
	// (decoded from base64, or the S3 object's). It must be
	// deterministic and safe for concurrent use; it runs while the
	// request counts against MaxInFlightPerInferenceUnit, so a test can
	// block in it to hold a request in flight. The server does not keep
	// the slice it returns, nor the image.
	Detect func(image []byte) []customlabels.CustomLabel
	// AssumedThreshold is the confidence, 0 to 100, below which a label
	// is left out when the request sends no MinConfidence (the service's
	// per-label "assumed threshold"). Zero means DefaultAssumedThreshold.
	AssumedThreshold float32
	// MaxInFlightPerInferenceUnit caps the DetectCustomLabels requests
	// the version answers at once, per inference unit it runs on (its
	// MinInferenceUnits, at least 1: the fake does not scale up to
	// MaxInferenceUnits). A request over the cap gets
	// ProvisionedThroughputExceededException. Zero means no cap.
	MaxInFlightPerInferenceUnit int
}

// HashLabels returns a Detect function that finds every one of names in
// an image, each with a confidence from 0 to 100 derived from the SHA-256
// of the image and the name: the same image always gets the same labels,
// different images (almost always) different confidences.
func HashLabels(names ...string) func(image []byte) []customlabels.CustomLabel {
	names = slices.Clone(names)
	return func(image []byte) []customlabels.CustomLabel {
		sum := sha256.Sum256(image)
		out := make([]customlabels.CustomLabel, len(names))
		for i, name := range names {
			h := sha256.New()
			h.Write(sum[:])
			h.Write([]byte(name))
			v := binary.BigEndian.Uint32(h.Sum(nil))
			// Two decimals, as the service's confidences look.
			out[i] = customlabels.CustomLabel{Name: name, Confidence: float32(v%10001) / 100}
		}
		return out
	}
}

// model is a Model as the server keeps it.
type model struct {
	m        Model
	inFlight int // DetectCustomLabels requests being answered; s.mu guards it
	// hashLabels are the names of HashLabels when the control API set
	// the model, for its listing.
	hashLabels []string
}

// SetModel sets how the project version with this ARN answers
// DetectCustomLabels once it is RUNNING, replacing any Model it had. The
// version need not exist yet: the model waits for it. A RUNNING version
// without a Model answers no labels. The server keeps its own copy of
// m.Labels.
func (s *Server) SetModel(projectVersionArn string, m Model) {
	m.Labels = slices.Clone(m.Labels)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.models == nil {
		s.models = map[string]*model{}
	}
	if old, ok := s.models[projectVersionArn]; ok {
		old.m, old.hashLabels = m, nil // requests in flight keep counting against it
		return
	}
	s.models[projectVersionArn] = &model{m: m}
}

// RemoveModel removes the Model of a project version; it then answers no
// labels. It reports whether there was one.
func (s *Server) RemoveModel(projectVersionArn string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.models[projectVersionArn]
	delete(s.models, projectVersionArn)
	return ok
}

// WithModel sets the Model of a project version, as SetModel does.
func WithModel(projectVersionArn string, m Model) Option {
	return func(c *config) {
		if c.models == nil {
			c.models = map[string]Model{}
		}
		c.models[projectVersionArn] = m
	}
}

// MaxS3ImageBytes is the largest S3 object the server analyses, as
// Rekognition documents for images stored in S3 (15 MB); a larger one
// gets ImageTooLargeException.
const MaxS3ImageBytes = 15 * 1024 * 1024

// seedInference sets the models and S3 objects of the options.
func (s *Server) seedInference(models map[string]Model, objects []s3Put) {
	for arn, m := range models {
		s.SetModel(arn, m)
	}
	for _, o := range objects {
		s.PutS3Object(o.bucket, o.name, o.version, o.data)
	}
}

// labelsFor returns the labels m finds in image, filtered and ordered as
// the service does.
func (m *Model) labelsFor(image []byte, minConfidence *float64, maxResults int64) []customlabels.CustomLabel {
	var labels []customlabels.CustomLabel
	if m.Detect != nil {
		labels = slices.Clone(m.Detect(image))
	} else {
		labels = slices.Clone(m.Labels)
	}
	threshold := float64(m.AssumedThreshold)
	if threshold == 0 {
		threshold = DefaultAssumedThreshold
	}
	if minConfidence != nil {
		threshold = *minConfidence
	}
	// "only returns labels with a confidence that's higher than the
	// specified value" (API reference); a MinConfidence of 0 returns
	// every label, so a label at exactly the threshold is kept.
	labels = slices.DeleteFunc(labels, func(l customlabels.CustomLabel) bool { return float64(l.Confidence) < threshold })
	return topLabels(labels, maxResults)
}

// topLabels orders labels by confidence, highest first, then by name, and
// returns the first maxResults of them when it is positive.
func topLabels(labels []customlabels.CustomLabel, maxResults int64) []customlabels.CustomLabel {
	slices.SortStableFunc(labels, func(a, b customlabels.CustomLabel) int {
		switch {
		case a.Confidence > b.Confidence:
			return -1
		case a.Confidence < b.Confidence:
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	if maxResults > 0 && int64(len(labels)) > maxResults {
		labels = labels[:maxResults]
	}
	return labels
}
