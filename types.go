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
