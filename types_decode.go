package customlabels

import "github.com/rekognition-go/customlabels/internal/jsondec"

// Decoders of the shapes in types.go, one short switch per structure over
// the shared readers of internal/jsondec (see decode.go).

// Known enum values, computed once: a known value decodes without
// allocating.
var (
	projectStatusValues            = ProjectStatus("").Values()
	datasetTypeValues              = DatasetType("").Values()
	datasetStatusValues            = DatasetStatus("").Values()
	datasetStatusMessageCodeValues = DatasetStatusMessageCode("").Values()
	customizationFeatureValues     = CustomizationFeature("").Values()
	projectAutoUpdateValues        = ProjectAutoUpdate("").Values()
	projectVersionStatusValues     = ProjectVersionStatus("").Values()
)

// Scratch buffers of the lists that fill a page.
var (
	projectScratch jsondec.Scratch[ProjectDescription]
	datasetScratch jsondec.Scratch[DatasetMetadata]
	versionScratch jsondec.Scratch[ProjectVersionDescription]
)

func decodeProjectDescription(d *jsondec.Decoder, p *ProjectDescription) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "ProjectArn":
			d.String(&p.ProjectArn)
		case "CreationTimestamp":
			d.Time(&p.CreationTimestamp)
		case "Status":
			jsondec.Enum(d, &p.Status, projectStatusValues)
		case "Datasets":
			jsondec.List(d, &p.Datasets, &datasetScratch, decodeDatasetMetadata)
		case "Feature":
			jsondec.Enum(d, &p.Feature, customizationFeatureValues)
		case "AutoUpdate":
			jsondec.Enum(d, &p.AutoUpdate, projectAutoUpdateValues)
		}
	}
}

func decodeDatasetMetadata(d *jsondec.Decoder, m *DatasetMetadata) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "CreationTimestamp":
			d.Time(&m.CreationTimestamp)
		case "DatasetType":
			jsondec.Enum(d, &m.DatasetType, datasetTypeValues)
		case "DatasetArn":
			d.String(&m.DatasetArn)
		case "Status":
			jsondec.Enum(d, &m.Status, datasetStatusValues)
		case "StatusMessage":
			// Datasets mostly share their message: share its string.
			d.SharedString(&m.StatusMessage)
		case "StatusMessageCode":
			jsondec.Enum(d, &m.StatusMessageCode, datasetStatusMessageCodeValues)
		}
	}
}

func decodeProjectVersionDescription(d *jsondec.Decoder, v *ProjectVersionDescription) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "ProjectVersionArn":
			d.String(&v.ProjectVersionArn)
		case "CreationTimestamp":
			d.Time(&v.CreationTimestamp)
		case "MinInferenceUnits":
			d.Int32(&v.MinInferenceUnits)
		case "Status":
			jsondec.Enum(d, &v.Status, projectVersionStatusValues)
		case "StatusMessage":
			d.SharedString(&v.StatusMessage)
		case "BillableTrainingTimeInSeconds":
			d.Int64(&v.BillableTrainingTimeInSeconds)
		case "TrainingEndTimestamp":
			d.Time(&v.TrainingEndTimestamp)
		case "OutputConfig":
			decodeOutputConfig(d, &v.OutputConfig)
		case "TrainingDataResult":
			decodeTrainingDataResult(d, &v.TrainingDataResult)
		case "TestingDataResult":
			decodeTestingDataResult(d, &v.TestingDataResult)
		case "EvaluationResult":
			decodeEvaluationResult(d, &v.EvaluationResult)
		case "ManifestSummary":
			decodeGroundTruthManifest(d, &v.ManifestSummary)
		case "KmsKeyId":
			d.String(&v.KmsKeyId)
		case "MaxInferenceUnits":
			d.Int32(&v.MaxInferenceUnits)
		case "SourceProjectVersionArn":
			d.String(&v.SourceProjectVersionArn)
		case "VersionDescription":
			d.String(&v.VersionDescription)
		case "Feature":
			jsondec.Enum(d, &v.Feature, customizationFeatureValues)
		case "BaseModelVersion":
			d.String(&v.BaseModelVersion)
		case "FeatureConfig":
			decodeCustomizationFeatureConfig(d, &v.FeatureConfig)
		}
	}
}

func decodeOutputConfig(d *jsondec.Decoder, o *OutputConfig) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "S3Bucket":
			d.String(&o.S3Bucket)
		case "S3KeyPrefix":
			d.String(&o.S3KeyPrefix)
		}
	}
}

func decodeTrainingDataResult(d *jsondec.Decoder, r *TrainingDataResult) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Input":
			decodeTrainingData(d, &r.Input)
		case "Output":
			decodeTrainingData(d, &r.Output)
		case "Validation":
			decodeValidationData(d, &r.Validation)
		}
	}
}

func decodeTrainingData(d *jsondec.Decoder, t *TrainingData) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "Assets" {
			jsondec.List(d, &t.Assets, nil, decodeAsset)
		}
	}
}

func decodeTestingDataResult(d *jsondec.Decoder, r *TestingDataResult) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Input":
			decodeTestingData(d, &r.Input)
		case "Output":
			decodeTestingData(d, &r.Output)
		case "Validation":
			decodeValidationData(d, &r.Validation)
		}
	}
}

func decodeTestingData(d *jsondec.Decoder, t *TestingData) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Assets":
			jsondec.List(d, &t.Assets, nil, decodeAsset)
		case "AutoCreate":
			d.Bool(&t.AutoCreate)
		}
	}
}

func decodeValidationData(d *jsondec.Decoder, v *ValidationData) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "Assets" {
			jsondec.List(d, &v.Assets, nil, decodeAsset)
		}
	}
}

func decodeAsset(d *jsondec.Decoder, a *Asset) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "GroundTruthManifest" {
			decodeGroundTruthManifest(d, &a.GroundTruthManifest)
		}
	}
}

func decodeGroundTruthManifest(d *jsondec.Decoder, m *GroundTruthManifest) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "S3Object" {
			decodeS3Object(d, &m.S3Object)
		}
	}
}

func decodeS3Object(d *jsondec.Decoder, o *S3Object) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Bucket":
			d.String(&o.Bucket)
		case "Name":
			d.String(&o.Name)
		case "Version":
			d.String(&o.Version)
		}
	}
}

func decodeEvaluationResult(d *jsondec.Decoder, e *EvaluationResult) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "F1Score":
			d.Float32(&e.F1Score)
		case "Summary":
			decodeSummary(d, &e.Summary)
		}
	}
}

func decodeSummary(d *jsondec.Decoder, s *Summary) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "S3Object" {
			decodeS3Object(d, &s.S3Object)
		}
	}
}

func decodeCustomizationFeatureConfig(d *jsondec.Decoder, c *CustomizationFeatureConfig) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "ContentModeration" {
			decodeContentModerationConfig(d, &c.ContentModeration)
		}
	}
}

func decodeContentModerationConfig(d *jsondec.Decoder, c *CustomizationFeatureContentModerationConfig) {
	for d.Object(); d.More(); {
		if string(d.Key()) == "ConfidenceThreshold" {
			d.Float32(&c.ConfidenceThreshold)
		}
	}
}

func decodeCustomLabel(d *jsondec.Decoder, l *CustomLabel) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Name":
			d.String(&l.Name)
		case "Confidence":
			d.Float32(&l.Confidence)
		case "Geometry":
			decodeGeometry(d, &l.Geometry)
		}
	}
}

func decodeGeometry(d *jsondec.Decoder, g *Geometry) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "BoundingBox":
			decodeBoundingBox(d, &g.BoundingBox)
		case "Polygon":
			jsondec.List(d, &g.Polygon, nil, decodePoint)
		}
	}
}

func decodeBoundingBox(d *jsondec.Decoder, b *BoundingBox) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "Width":
			d.Float32(&b.Width)
		case "Height":
			d.Float32(&b.Height)
		case "Left":
			d.Float32(&b.Left)
		case "Top":
			d.Float32(&b.Top)
		}
	}
}

func decodePoint(d *jsondec.Decoder, p *Point) {
	for d.Object(); d.More(); {
		switch string(d.Key()) {
		case "X":
			d.Float32(&p.X)
		case "Y":
			d.Float32(&p.Y)
		}
	}
}
