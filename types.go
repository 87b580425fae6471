package customlabels

import "time"

// ProjectDescription describes one Amazon Rekognition Custom Labels project
// or Custom Moderation adapter, as DescribeProjects returns it. Fields the
// service leaves out keep their zero value.
type ProjectDescription struct {
	// ProjectArn is the Amazon Resource Name of the project.
	ProjectArn string
	// CreationTimestamp is when the project was created, in UTC, exact to
	// the digit the service sent.
	CreationTimestamp time.Time
	// Status is the project's state.
	Status ProjectStatus
	// Datasets lists the project's training and test datasets.
	Datasets []DatasetMetadata
	// Feature says whether the project is a Custom Labels project or a
	// Custom Moderation adapter.
	Feature CustomizationFeature
	// AutoUpdate says whether new base-model versions retrain the project
	// automatically. It applies only to adapters.
	AutoUpdate ProjectAutoUpdate
}

// DatasetMetadata summarises one dataset of a project.
type DatasetMetadata struct {
	// CreationTimestamp is when the dataset was created, in UTC.
	CreationTimestamp time.Time
	// DatasetType is TRAIN or TEST.
	DatasetType DatasetType
	// DatasetArn is the Amazon Resource Name of the dataset.
	DatasetArn string
	// Status is the dataset's state.
	Status DatasetStatus
	// StatusMessage explains Status in words.
	StatusMessage string
	// StatusMessageCode classifies StatusMessage.
	StatusMessageCode DatasetStatusMessageCode
}

// ProjectPolicy is a project policy attached to a project, as
// ListProjectPolicies returns it: a resource-based policy that lets other
// accounts (or denies roles of this one) copy the project's model
// versions with CopyProjectVersion.
type ProjectPolicy struct {
	// ProjectArn is the project the policy is attached to.
	ProjectArn string
	// PolicyName is the policy's name, unique in the project.
	PolicyName string
	// PolicyRevisionId is the policy's current revision: pass it to
	// PutProjectPolicy to update the policy and to DeleteProjectPolicy to
	// delete it. Every update makes a new one.
	PolicyRevisionId string
	// PolicyDocument is the policy, an IAM JSON policy document.
	PolicyDocument string
	// CreationTimestamp is when the policy was first attached, in UTC.
	CreationTimestamp time.Time
	// LastUpdatedTimestamp is when the policy last changed, in UTC.
	LastUpdatedTimestamp time.Time
}

// DatasetDescription describes a dataset, as DescribeDataset returns it.
// Its status fields tell of the last operation on the dataset: its
// creation, or the last UpdateDatasetEntries or DistributeDatasetEntries.
type DatasetDescription struct {
	// CreationTimestamp is when the dataset was created, in UTC.
	CreationTimestamp time.Time
	// LastUpdatedTimestamp is when the dataset last changed, in UTC.
	LastUpdatedTimestamp time.Time
	// Status is the dataset's state: CREATE_COMPLETE or UPDATE_COMPLETE
	// once it can be used, CREATE_FAILED or UPDATE_FAILED when its last
	// operation failed.
	Status DatasetStatus
	// StatusMessage explains Status; after a failure caused by the
	// manifest, it names the terminal file error, such as
	// ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM.
	StatusMessage string
	// StatusMessageCode says whose fault a failure was: CLIENT_ERROR (the
	// manifest or its S3 permissions) or SERVICE_ERROR; SUCCESS otherwise.
	StatusMessageCode DatasetStatusMessageCode
	// DatasetStats counts the dataset's images and labels.
	DatasetStats DatasetStats
}

// DatasetStats counts the entries (images) and labels of a dataset.
type DatasetStats struct {
	// LabeledEntries is the number of images that have at least one label.
	LabeledEntries int32
	// TotalEntries is the number of images.
	TotalEntries int32
	// TotalLabels is the number of distinct labels.
	TotalLabels int32
	// ErrorEntries is the number of images whose JSON line carries at
	// least one non-terminal error (see ListDatasetEntries' HasErrors).
	ErrorEntries int32
}

// DatasetSource is what CreateDataset fills the new dataset from: a
// SageMaker Ground Truth manifest in S3, or another dataset, which is
// copied. Set one of the two; the zero DatasetSource (no source) creates
// an empty dataset.
type DatasetSource struct {
	// GroundTruthManifest is the manifest to read, in an S3 bucket of the
	// caller's account.
	GroundTruthManifest GroundTruthManifest
	// DatasetArn is the dataset to copy (which also needs the IAM action
	// rekognition:ListDatasetEntries).
	DatasetArn string
}

// DatasetChanges are the entries UpdateDatasetEntries adds to or changes
// in a dataset.
type DatasetChanges struct {
	// GroundTruth is the entries as a manifest: JSON lines in the
	// SageMaker Ground Truth format, 1 byte to 5 MiB (MaxDatasetChangesBytes).
	// An entry whose source-ref the dataset has replaces it; any other is
	// added. NewDatasetChanges writes it from manifest lines.
	GroundTruth []byte
}

// DatasetLabelDescription is one label of a dataset and how much it is
// used, as ListDatasetLabels returns it.
type DatasetLabelDescription struct {
	// LabelName is the label.
	LabelName string
	// LabelStats counts its use.
	LabelStats DatasetLabelStats
}

// DatasetLabelStats counts the use of one label in a dataset.
type DatasetLabelStats struct {
	// EntryCount is the number of images that have the label.
	EntryCount int32
	// BoundingBoxCount is, as the API reference words it, the number of
	// images that have the label on a bounding box.
	BoundingBoxCount int32
}

// DistributeDataset names one of the two datasets of
// DistributeDatasetEntries.
type DistributeDataset struct {
	// Arn is the dataset's ARN: required.
	Arn string
}

// ProjectStatus is the state of a project. The service may add values
// before this package knows them; they are kept as sent.
type ProjectStatus string

// ProjectStatus values.
const (
	ProjectStatusCreating ProjectStatus = "CREATING"
	ProjectStatusCreated  ProjectStatus = "CREATED"
	ProjectStatusDeleting ProjectStatus = "DELETING"
)

// Values returns the ProjectStatus values this package knows. The service
// may send others.
func (ProjectStatus) Values() []ProjectStatus {
	return []ProjectStatus{ProjectStatusCreating, ProjectStatusCreated, ProjectStatusDeleting}
}

// DatasetType says whether a dataset is used to train or to test a model.
type DatasetType string

// DatasetType values.
const (
	DatasetTypeTrain DatasetType = "TRAIN"
	DatasetTypeTest  DatasetType = "TEST"
)

// Values returns the DatasetType values this package knows. The service
// may send others.
func (DatasetType) Values() []DatasetType {
	return []DatasetType{DatasetTypeTrain, DatasetTypeTest}
}

// DatasetStatus is the state of a dataset.
type DatasetStatus string

// DatasetStatus values.
const (
	DatasetStatusCreateInProgress DatasetStatus = "CREATE_IN_PROGRESS"
	DatasetStatusCreateComplete   DatasetStatus = "CREATE_COMPLETE"
	DatasetStatusCreateFailed     DatasetStatus = "CREATE_FAILED"
	DatasetStatusUpdateInProgress DatasetStatus = "UPDATE_IN_PROGRESS"
	DatasetStatusUpdateComplete   DatasetStatus = "UPDATE_COMPLETE"
	DatasetStatusUpdateFailed     DatasetStatus = "UPDATE_FAILED"
	DatasetStatusDeleteInProgress DatasetStatus = "DELETE_IN_PROGRESS"
)

// Values returns the DatasetStatus values this package knows. The service
// may send others.
func (DatasetStatus) Values() []DatasetStatus {
	return []DatasetStatus{
		DatasetStatusCreateInProgress, DatasetStatusCreateComplete, DatasetStatusCreateFailed,
		DatasetStatusUpdateInProgress, DatasetStatusUpdateComplete, DatasetStatusUpdateFailed,
		DatasetStatusDeleteInProgress,
	}
}

// DatasetStatusMessageCode classifies a dataset's status message.
type DatasetStatusMessageCode string

// DatasetStatusMessageCode values.
const (
	DatasetStatusMessageCodeSuccess      DatasetStatusMessageCode = "SUCCESS"
	DatasetStatusMessageCodeServiceError DatasetStatusMessageCode = "SERVICE_ERROR"
	DatasetStatusMessageCodeClientError  DatasetStatusMessageCode = "CLIENT_ERROR"
)

// Values returns the DatasetStatusMessageCode values this package knows.
// The service may send others.
func (DatasetStatusMessageCode) Values() []DatasetStatusMessageCode {
	return []DatasetStatusMessageCode{
		DatasetStatusMessageCodeSuccess, DatasetStatusMessageCodeServiceError, DatasetStatusMessageCodeClientError,
	}
}

// CustomizationFeature says what a project customises: Custom Labels
// (image classification and object detection) or Content Moderation
// (a Custom Moderation adapter).
type CustomizationFeature string

// CustomizationFeature values.
const (
	CustomizationFeatureContentModeration CustomizationFeature = "CONTENT_MODERATION"
	CustomizationFeatureCustomLabels      CustomizationFeature = "CUSTOM_LABELS"
)

// Values returns the CustomizationFeature values this package knows. The
// service may send others.
func (CustomizationFeature) Values() []CustomizationFeature {
	return []CustomizationFeature{CustomizationFeatureContentModeration, CustomizationFeatureCustomLabels}
}

// ProjectAutoUpdate says whether an adapter is retrained automatically.
type ProjectAutoUpdate string

// ProjectAutoUpdate values.
const (
	ProjectAutoUpdateEnabled  ProjectAutoUpdate = "ENABLED"
	ProjectAutoUpdateDisabled ProjectAutoUpdate = "DISABLED"
)

// Values returns the ProjectAutoUpdate values this package knows. The
// service may send others.
func (ProjectAutoUpdate) Values() []ProjectAutoUpdate {
	return []ProjectAutoUpdate{ProjectAutoUpdateEnabled, ProjectAutoUpdateDisabled}
}

// ProjectVersionDescription describes one version of a project: a trained
// (or training) Custom Labels model, or a Custom Moderation adapter
// version, as DescribeProjectVersions returns it. Fields the service
// leaves out keep their zero value; nested structures are values, so a
// member the service did not send is the zero structure.
type ProjectVersionDescription struct {
	// ProjectVersionArn is the Amazon Resource Name of the version, the
	// ARN that StartProjectVersion, StopProjectVersion and
	// DetectCustomLabels take.
	ProjectVersionArn string
	// CreationTimestamp is when training started, in UTC.
	CreationTimestamp time.Time
	// MinInferenceUnits is the number of inference units the running
	// model uses at least; zero when it was never started.
	MinInferenceUnits int32
	// Status is the version's state. RUNNING (and STARTING, once it is
	// running) bills for every inference-unit hour.
	Status ProjectVersionStatus
	// StatusMessage explains Status in words.
	StatusMessage string
	// BillableTrainingTimeInSeconds is the training time billed.
	BillableTrainingTimeInSeconds int64
	// TrainingEndTimestamp is when training ended, in UTC.
	TrainingEndTimestamp time.Time
	// OutputConfig is where training results were written.
	OutputConfig OutputConfig
	// TrainingDataResult describes the training data.
	TrainingDataResult TrainingDataResult
	// TestingDataResult describes the testing data.
	TestingDataResult TestingDataResult
	// EvaluationResult holds the model's F1 score and the evaluation
	// summary; zero until training has completed.
	EvaluationResult EvaluationResult
	// ManifestSummary locates the summary of the training manifests.
	ManifestSummary GroundTruthManifest
	// KmsKeyId is the AWS KMS key that encrypts the model, when the
	// caller chose one.
	KmsKeyId string
	// MaxInferenceUnits is the most inference units the model scales to;
	// zero when StartProjectVersion set no maximum (it then runs
	// MinInferenceUnits).
	MaxInferenceUnits int32
	// SourceProjectVersionArn is the version this one was copied from,
	// for a copied version.
	SourceProjectVersionArn string
	// VersionDescription is the caller's description of the version.
	VersionDescription string
	// Feature says whether the version is a Custom Labels model or a
	// Custom Moderation adapter.
	Feature CustomizationFeature
	// BaseModelVersion is the base model an adapter was trained on.
	BaseModelVersion string
	// FeatureConfig holds the settings of the feature, such as the
	// confidence threshold of an adapter.
	FeatureConfig CustomizationFeatureConfig
}

// OutputConfig says where training results are written: the evaluation
// summary, manifest_summary.json, the validation manifests and the
// evaluation manifest snapshots.
type OutputConfig struct {
	// S3Bucket is the S3 bucket, 3 to 255 characters; it must exist and
	// the caller must be able to write to it, or training fails.
	S3Bucket string
	// S3KeyPrefix is the prefix of the object keys, at most 1024
	// characters; empty writes at the top of the bucket.
	S3KeyPrefix string
}

// TrainingDataResult describes the data a version was trained with.
type TrainingDataResult struct {
	// Input is the training data the caller supplied.
	Input TrainingData
	// Output is the training data the service used.
	Output TrainingData
	// Validation is the data the service used to validate training.
	Validation ValidationData
}

// TrainingData is a set of training manifests: what CreateProjectVersion
// trains with in a project without datasets, and in
// TrainingDataResult what a training used.
type TrainingData struct {
	// Assets are the manifests, SageMaker Ground Truth format in S3.
	Assets []Asset
}

// TestingDataResult describes the data a version was tested with.
type TestingDataResult struct {
	// Input is the testing data the caller supplied.
	Input TestingData
	// Output is the testing data the service used.
	Output TestingData
	// Validation is the data the service used to validate testing.
	Validation ValidationData
}

// TestingData is a set of testing manifests, or a split of the training
// data: what CreateProjectVersion tests with in a project without
// datasets, and in TestingDataResult what a training used.
type TestingData struct {
	// Assets are the manifests, SageMaker Ground Truth format in S3.
	Assets []Asset
	// AutoCreate asks the service to split a fifth of the training
	// images off for testing, for this training only; in a result, it
	// says the service did.
	AutoCreate bool
}

// ValidationData is a set of validation manifests.
type ValidationData struct {
	// Assets are the manifests.
	Assets []Asset
}

// Asset is one manifest file.
type Asset struct {
	// GroundTruthManifest locates the manifest.
	GroundTruthManifest GroundTruthManifest
}

// GroundTruthManifest locates a SageMaker Ground Truth format manifest.
type GroundTruthManifest struct {
	// S3Object is the manifest's S3 object.
	S3Object S3Object
}

// S3Object names an object in Amazon S3.
type S3Object struct {
	// Bucket is the bucket name, 3 to 255 characters.
	Bucket string
	// Name is the object key, 1 to 1024 characters.
	Name string
	// Version is the object version, when versioning is on; 1 to 1024
	// characters.
	Version string
}

// EvaluationResult is how well a version performed on its test data.
type EvaluationResult struct {
	// F1Score is the model's overall F1 score. The service sends it once
	// training has completed; zero before.
	F1Score float32
	// Summary locates the evaluation summary file.
	Summary Summary
}

// Summary locates the summary of an evaluation.
type Summary struct {
	// S3Object is the summary file's S3 object.
	S3Object S3Object
}

// CustomizationFeatureConfig holds the configuration of a feature.
type CustomizationFeatureConfig struct {
	// ContentModeration configures a Custom Moderation adapter.
	ContentModeration CustomizationFeatureContentModerationConfig
}

// CustomizationFeatureContentModerationConfig configures a Custom
// Moderation adapter.
type CustomizationFeatureContentModerationConfig struct {
	// ConfidenceThreshold is the confidence, 0 to 100, below which the
	// adapter's labels are left out. Zero when not sent.
	ConfidenceThreshold float32
}

// ProjectVersionStatus is the state of a project version. The service may
// add values before this package knows them; they are kept as sent.
type ProjectVersionStatus string

// ProjectVersionStatus values.
const (
	ProjectVersionStatusTrainingInProgress ProjectVersionStatus = "TRAINING_IN_PROGRESS"
	ProjectVersionStatusTrainingCompleted  ProjectVersionStatus = "TRAINING_COMPLETED"
	ProjectVersionStatusTrainingFailed     ProjectVersionStatus = "TRAINING_FAILED"
	ProjectVersionStatusStarting           ProjectVersionStatus = "STARTING"
	ProjectVersionStatusRunning            ProjectVersionStatus = "RUNNING"
	ProjectVersionStatusFailed             ProjectVersionStatus = "FAILED"
	ProjectVersionStatusStopping           ProjectVersionStatus = "STOPPING"
	ProjectVersionStatusStopped            ProjectVersionStatus = "STOPPED"
	ProjectVersionStatusDeleting           ProjectVersionStatus = "DELETING"
	ProjectVersionStatusCopyingInProgress  ProjectVersionStatus = "COPYING_IN_PROGRESS"
	ProjectVersionStatusCopyingCompleted   ProjectVersionStatus = "COPYING_COMPLETED"
	ProjectVersionStatusCopyingFailed      ProjectVersionStatus = "COPYING_FAILED"
	ProjectVersionStatusDeprecated         ProjectVersionStatus = "DEPRECATED"
	ProjectVersionStatusExpired            ProjectVersionStatus = "EXPIRED"
)

// Values returns the ProjectVersionStatus values this package knows. The
// service may send others.
func (ProjectVersionStatus) Values() []ProjectVersionStatus {
	return []ProjectVersionStatus{
		ProjectVersionStatusTrainingInProgress, ProjectVersionStatusTrainingCompleted,
		ProjectVersionStatusTrainingFailed, ProjectVersionStatusStarting,
		ProjectVersionStatusRunning, ProjectVersionStatusFailed,
		ProjectVersionStatusStopping, ProjectVersionStatusStopped,
		ProjectVersionStatusDeleting, ProjectVersionStatusCopyingInProgress,
		ProjectVersionStatusCopyingCompleted, ProjectVersionStatusCopyingFailed,
		ProjectVersionStatusDeprecated, ProjectVersionStatusExpired,
	}
}

// Image is the image DetectCustomLabels analyses: either its bytes or an
// S3 object, not both.
type Image struct {
	// Bytes is the JPEG or PNG image itself, sent base64-encoded.
	Bytes []byte
	// S3Object is an image stored in Amazon S3, in the model's region.
	S3Object S3Object
}

// CustomLabel is one label a model found in an image.
type CustomLabel struct {
	// Name is the label.
	Name string
	// Confidence is the model's confidence in the label, 0 to 100.
	Confidence float32
	// Geometry locates the object, for object-detection models; zero for
	// image-level labels.
	Geometry Geometry
}

// Geometry locates a label on the image.
type Geometry struct {
	// BoundingBox is the object's box.
	BoundingBox BoundingBox
	// Polygon is a finer outline of the object, when the model gives one.
	Polygon []Point
}

// BoundingBox is a box on the image, each value a ratio of the image's
// width or height (0 to 1).
type BoundingBox struct {
	// Width of the box, as a ratio of the image width.
	Width float32
	// Height of the box, as a ratio of the image height.
	Height float32
	// Left is the box's left edge, as a ratio of the image width.
	Left float32
	// Top is the box's top edge, as a ratio of the image height.
	Top float32
}

// Point is a point on the image, each coordinate a ratio of the image's
// width or height.
type Point struct {
	// X is the horizontal coordinate.
	X float32
	// Y is the vertical coordinate.
	Y float32
}
