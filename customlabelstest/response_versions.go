package customlabelstest

import (
	"strconv"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/internal/wire"
)

// appendVersionPage appends a DescribeProjectVersions response body.
func appendVersionPage(b []byte, items []customlabels.ProjectVersionDescription, nextToken string) []byte {
	b = append(b, `{"ProjectVersionDescriptions":[`...)
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendProjectVersion(b, &items[i])
	}
	b = append(b, ']')
	if nextToken != "" {
		b = append(b, `,"NextToken":`...)
		b = wire.AppendString(b, nextToken)
	}
	return append(b, '}')
}

// appendProjectVersion appends one ProjectVersionDescription with every
// member of the model that is set, in the API reference's order; zero members,
// and structures all of whose members are zero, are left out. A list
// that is empty but not nil is written as [].
func appendProjectVersion(b []byte, v *customlabels.ProjectVersionDescription) []byte {
	o := jsonObject{b: append(b, '{')}
	o.str("ProjectVersionArn", v.ProjectVersionArn)
	o.time("CreationTimestamp", v.CreationTimestamp)
	o.int("MinInferenceUnits", int64(v.MinInferenceUnits))
	o.str("Status", string(v.Status))
	o.str("StatusMessage", v.StatusMessage)
	o.int("BillableTrainingTimeInSeconds", v.BillableTrainingTimeInSeconds)
	o.time("TrainingEndTimestamp", v.TrainingEndTimestamp)
	o.object("OutputConfig", func(o *jsonObject) {
		o.str("S3Bucket", v.OutputConfig.S3Bucket)
		o.str("S3KeyPrefix", v.OutputConfig.S3KeyPrefix)
	})
	o.object("TrainingDataResult", func(o *jsonObject) {
		r := &v.TrainingDataResult
		o.object("Input", func(o *jsonObject) { o.assets(r.Input.Assets) })
		o.object("Output", func(o *jsonObject) { o.assets(r.Output.Assets) })
		o.object("Validation", func(o *jsonObject) { o.assets(r.Validation.Assets) })
	})
	o.object("TestingDataResult", func(o *jsonObject) {
		r := &v.TestingDataResult
		o.object("Input", func(o *jsonObject) { o.assets(r.Input.Assets); o.bool("AutoCreate", r.Input.AutoCreate) })
		o.object("Output", func(o *jsonObject) { o.assets(r.Output.Assets); o.bool("AutoCreate", r.Output.AutoCreate) })
		o.object("Validation", func(o *jsonObject) { o.assets(r.Validation.Assets) })
	})
	o.object("EvaluationResult", func(o *jsonObject) {
		o.float("F1Score", v.EvaluationResult.F1Score)
		o.object("Summary", func(o *jsonObject) { o.s3Object("S3Object", &v.EvaluationResult.Summary.S3Object) })
	})
	o.object("ManifestSummary", func(o *jsonObject) { o.s3Object("S3Object", &v.ManifestSummary.S3Object) })
	o.str("KmsKeyId", v.KmsKeyId)
	o.int("MaxInferenceUnits", int64(v.MaxInferenceUnits))
	o.str("SourceProjectVersionArn", v.SourceProjectVersionArn)
	o.str("VersionDescription", v.VersionDescription)
	o.str("Feature", string(v.Feature))
	o.str("BaseModelVersion", v.BaseModelVersion)
	o.object("FeatureConfig", func(o *jsonObject) {
		o.object("ContentModeration", func(o *jsonObject) {
			o.float("ConfidenceThreshold", v.FeatureConfig.ContentModeration.ConfidenceThreshold)
		})
	})
	return append(o.b, '}')
}

// int writes a non-zero integer.
func (o *jsonObject) int(name string, v int64) {
	if v != 0 {
		o.key(name)
		o.b = strconv.AppendInt(o.b, v, 10)
	}
}

// float writes a non-zero float, in the shortest form that reads back as
// the same float32, as AWS's serializer writes a float ("0.932").
func (o *jsonObject) float(name string, v float32) {
	if v != 0 {
		o.key(name)
		o.b = strconv.AppendFloat(o.b, float64(v), 'g', -1, 32)
	}
}

// bool writes true; false is the zero value and is left out.
func (o *jsonObject) bool(name string, v bool) {
	if v {
		o.key(name)
		o.b = append(o.b, "true"...)
	}
}

// object writes a nested object filled by fill, or nothing when fill
// writes no member.
func (o *jsonObject) object(name string, fill func(*jsonObject)) {
	mark, sep := len(o.b), o.sep
	o.key(name)
	inner := jsonObject{b: append(o.b, '{')}
	fill(&inner)
	if !inner.sep {
		o.b, o.sep = o.b[:mark], sep
		return
	}
	o.b = append(inner.b, '}')
}

// s3Object writes an S3Object.
func (o *jsonObject) s3Object(name string, s *customlabels.S3Object) {
	o.object(name, func(o *jsonObject) {
		o.str("Bucket", s.Bucket)
		o.str("Name", s.Name)
		o.str("Version", s.Version)
	})
}

// assets writes a list of assets, when not nil.
func (o *jsonObject) assets(assets []customlabels.Asset) {
	if assets == nil {
		return
	}
	o.key("Assets")
	o.b = append(o.b, '[')
	for i := range assets {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		inner := jsonObject{b: append(o.b, '{')}
		inner.object("GroundTruthManifest", func(o *jsonObject) {
			o.s3Object("S3Object", &assets[i].GroundTruthManifest.S3Object)
		})
		o.b = append(inner.b, '}')
	}
	o.b = append(o.b, ']')
}
