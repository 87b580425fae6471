package customlabels

import (
	"context"
	"time"
)

// CreateProjectVersionInput says what model to train, with which data,
// and where the results go.
type CreateProjectVersionInput struct {
	// ProjectArn is the project to train a version of: required, a
	// project ARN.
	ProjectArn string
	// VersionName names the new version: required, 1 to 255 characters
	// of [a-zA-Z0-9_.-], unique among the project's versions.
	VersionName string
	// OutputConfig is where training writes its results (the evaluation
	// summary, manifest_summary.json, the validation and evaluation
	// manifests): required. The bucket must exist and be writable by the
	// service, or training fails ("Unable to write to output S3 bucket.").
	OutputConfig OutputConfig
	// TrainingData is the training manifest, for a project without
	// datasets only. Give TrainingData and TestingData both or neither:
	// without them, training uses the project's TRAIN and TEST datasets.
	TrainingData TrainingData
	// TestingData is the test manifest, or AutoCreate to split 20 % of
	// the training images off for testing, for a project without
	// datasets only; see TrainingData.
	TestingData TestingData
	// Tags are tags to attach to the version: at most 200, keys of 1 to
	// 128 characters not starting with "aws:", values of 0 to 256.
	Tags map[string]string
	// KmsKeyId is the AWS KMS key that encrypts the model and the copies
	// of the images training makes: a key ID, key ARN, alias name or
	// alias ARN. Empty uses a key AWS owns.
	KmsKeyId string
	// VersionDescription describes the version: 1 to 255 characters of
	// [a-zA-Z0-9-_. ()':,;?]; empty for none.
	VersionDescription string
	// FeatureConfig configures the feature, such as an adapter's
	// confidence threshold. It must fit the project's feature (a
	// ContentModeration configuration for a CONTENT_MODERATION project
	// only); the zero value sets none.
	FeatureConfig CustomizationFeatureConfig
}

// CreateProjectVersionOutput is the version whose training began.
type CreateProjectVersionOutput struct {
	// ProjectVersionArn is the new version's ARN. The version is
	// TRAINING_IN_PROGRESS; NewProjectVersionTrainingCompletedWaiter waits
	// until training has ended.
	ProjectVersionArn string
	// Recovered is set when the answer to an attempt of this call was lost
	// and a later attempt found the name taken, by the version that
	// attempt created: ProjectVersionArn is that version's (see
	// CreateProjectVersion).
	Recovered bool
	// RequestID is the service's ID for the request, for AWS support.
	RequestID string
}

// CreateProjectVersion creates a version of a project and starts training
// it (IAM action rekognition:CreateProjectVersion; with Tags, also
// rekognition:TagResource; the service reads the manifests and images and
// writes to OutputConfig with the caller's S3 permissions).
//
// Training takes from 30 minutes to 24 hours, and every successful
// training is billed (BillableTrainingTimeInSeconds): copy a version with
// CopyProjectVersion rather than training it again. The answer comes at
// once, with the version TRAINING_IN_PROGRESS; it ends TRAINING_COMPLETED,
// with its evaluation in DescribeProjectVersions, or TRAINING_FAILED, with
// the reason in StatusMessage (a manifest error such as "The manifest file
// is empty.", or a content error such as ERROR_MANIFEST_TOO_FEW_LABELS,
// detailed in the manifest summary and validation manifests written to
// OutputConfig). Wait with NewProjectVersionTrainingCompletedWaiter, whose
// default bound of 25 hours outlasts the longest training.
//
// Training uses the project's TRAIN and TEST datasets (a project without a
// TEST dataset splits 20 % of TRAIN off for testing). A project without
// datasets trains from manifests instead: TrainingData and TestingData,
// both or neither (checked before sending, as an *InvalidParamError).
// Manifests given to a project that has datasets, or a FeatureConfig that
// does not fit the project's feature, are an *InvalidParameterException.
// A version name the project already has is a *ResourceInUseException (the
// API reference does not say which error; the model lists no other
// conflict); an unknown project is a *ResourceNotFoundException; too many
// versions or trainings at once a *LimitExceededException or a
// *ServiceQuotaExceededException. Input is checked against the service
// model first; a violation returns an *InvalidParamError and sends
// nothing. Throttling, 5xx responses and connection errors are retried; a
// service error during training is also answered as an
// *InternalServerError by CreateProjectVersion and DescribeProjectVersions.
//
// The operation has no idempotency token: a create resent after its
// answer was lost meets the version its first attempt made, as a
// *ResourceInUseException. When an attempt may have reached the service
// and a later one meets that error, CreateProjectVersion looks for the
// version (DescribeProjectVersions, IAM action
// rekognition:DescribeProjectVersions): one of this name in the project,
// with this OutputConfig, created since the call began, is taken for this
// call's, and the call succeeds with Recovered set. Else the error stands:
// the name was taken before.
func (c *Client) CreateProjectVersion(ctx context.Context, params *CreateProjectVersionInput, optFns ...func(*Options)) (*CreateProjectVersionOutput, error) {
	return call[CreateProjectVersionOutput](ctx, c, opCreateProjectVersion, params, optFns)
}

// checkRules checks what the model cannot state: training and test
// manifests come together or not at all (API reference, TrainingData and
// TestingData: "If you specify TrainingData you must also specify
// TestingData", and the other way round).
func (in *CreateProjectVersionInput) checkRules(path string) error {
	training := len(in.TrainingData.Assets) > 0
	testing := len(in.TestingData.Assets) > 0 || in.TestingData.AutoCreate
	switch {
	case training && !testing:
		return &InvalidParamError{Field: path + "TestingData",
			Rule: "is required with TrainingData: give a test manifest in Assets, or AutoCreate to split the training data"}
	case testing && !training:
		return &InvalidParamError{Field: path + "TrainingData",
			Rule: "is required with TestingData: give the training manifest in Assets, or neither to train from the project's datasets"}
	}
	return nil
}

// conflict reports the error a taken version name gets.
func (in *CreateProjectVersionInput) conflict(err error) bool {
	return isCode(err, "ResourceInUseException")
}

// recoverCreated finds the version the input asks for: of its name in its
// project, writing to the same OutputConfig, created at since or later.
func (in *CreateProjectVersionInput) recoverCreated(ctx context.Context, c *Client, since time.Time, out response, optFns []func(*Options)) (bool, error) {
	v, id, err := c.findVersion(ctx, in.ProjectArn, in.VersionName, since, optFns, func(v *ProjectVersionDescription) bool {
		return v.OutputConfig == in.OutputConfig
	})
	if err != nil || v == nil {
		return false, err
	}
	*out.(*CreateProjectVersionOutput) = CreateProjectVersionOutput{ProjectVersionArn: v.ProjectVersionArn, Recovered: true, RequestID: id}
	return true, nil
}

// findVersion looks for the version named name in project, created at
// since or later, that match accepts, and returns it with the request ID
// of the listing; nil when there is none.
func (c *Client) findVersion(ctx context.Context, project, name string, since time.Time, optFns []func(*Options), match func(*ProjectVersionDescription) bool) (*ProjectVersionDescription, string, error) {
	found, err := c.DescribeProjectVersions(ctx, &DescribeProjectVersionsInput{ProjectArn: project, VersionNames: []string{name}}, optFns...)
	if err != nil {
		return nil, "", err
	}
	for i := range found.ProjectVersionDescriptions {
		v := &found.ProjectVersionDescriptions[i]
		if v.VersionName() == name && !v.CreationTimestamp.Before(since) && match(v) {
			return v, found.RequestID, nil
		}
	}
	return nil, "", nil
}
