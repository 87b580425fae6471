package customlabelstest

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Data is what a server serves: projects and their versions (models). Make
// it with DemoData or ParseData, and serve it with Options.
type Data struct {
	// Projects are the projects, as DescribeProjects lists them.
	Projects []customlabels.ProjectDescription
	// ProjectVersions are the versions of those projects, as
	// DescribeProjectVersions lists them.
	ProjectVersions []customlabels.ProjectVersionDescription
}

// Options returns the options that seed a server with d: WithProjects
// and WithProjectVersions.
func (d Data) Options() []Option {
	return []Option{WithProjects(d.Projects...), WithProjectVersions(d.ProjectVersions...)}
}

// DemoData returns a made-up account's Custom Labels resources in one
// region: n projects as DemoProjects makes them, with ARNs in region, and
// DemoProjectVersions of them. The same region, n and seed give the same
// data. In DefaultRegion the projects are DemoProjects(n, seed); other
// regions mix their name into the seed, so that a demo account over
// several regions, one server per region with the same seed, has
// different projects in each:
//
//	for _, region := range []string{"us-east-1", "eu-west-1"} {
//		d := customlabelstest.DemoData(region, 20, 1)
//		srv := customlabelstest.NewServer(append(d.Options(), customlabelstest.WithRegion(region))...)
//		...
//	}
func DemoData(region string, n int, seed int64) Data {
	if region != DefaultRegion {
		h := fnv.New64a()
		h.Write([]byte(region))
		seed ^= int64(h.Sum64())
	}
	ps := demoProjects(region, n, seed)
	return Data{Projects: ps, ProjectVersions: DemoProjectVersions(ps, seed)}
}

// demoVersionStates is the cycle of statuses of the demo's Custom Labels
// models, so that every status of a model's life appears within the first
// few.
var demoVersionStates = []customlabels.ProjectVersionStatus{
	customlabels.ProjectVersionStatusRunning,
	customlabels.ProjectVersionStatusStopped,
	customlabels.ProjectVersionStatusTrainingCompleted,
	customlabels.ProjectVersionStatusTrainingInProgress,
	customlabels.ProjectVersionStatusTrainingFailed,
	customlabels.ProjectVersionStatusStopped,
	customlabels.ProjectVersionStatusRunning,
	customlabels.ProjectVersionStatusCopyingCompleted,
	customlabels.ProjectVersionStatusStopped,
	customlabels.ProjectVersionStatusTrainingCompleted,
}

var demoVersionDescriptions = []string{
	"", "First model, default settings", "More images of the rare labels", "",
	"Retrained with the corrected test set", "Candidate for production (v2)",
}

// DemoProjectVersions returns made-up versions (models) of projects, the
// same for the same projects and seed, as a real account has them:
//   - the CREATED Custom Labels projects have 1, 2 or 3 models in turn,
//     whose statuses cycle through RUNNING, STOPPED, TRAINING_COMPLETED,
//     TRAINING_IN_PROGRESS, TRAINING_FAILED, ..., COPYING_COMPLETED, so
//     that each appears once there are 5 models (DemoProjects(10, seed)
//     has 6), and RUNNING and STOPPED models have 1 to 3 minimum inference
//     units and some a maximum for auto-scaling;
//   - the CREATED Custom Moderation adapters have one adapter version,
//     TRAINING_COMPLETED, with a base model version and a confidence
//     threshold;
//   - trained models carry every member of the model: training and
//     testing data (some with an automatically split test set), the F1
//     score and evaluation summary, the manifest summary, billable
//     training time, and for some a KMS key, a description or (copied
//     models) their source version;
//   - ARNs of the model's form, .../project/NAME/version/NAME.2023-01-02T10.11.12/1672654272000,
//     in the projects' region and account; versions created days after
//     their project, with milliseconds.
//
// Projects that are CREATING or DELETING have none.
func DemoProjectVersions(projects []customlabels.ProjectDescription, seed int64) []customlabels.ProjectVersionDescription {
	r := rand.New(rand.NewPCG(uint64(seed), 0x7665_7273_696f_6e73))
	var out []customlabels.ProjectVersionDescription
	models, projectIndex := 0, 0
	firstTrained := ""
	for _, p := range projects {
		if p.Status != customlabels.ProjectStatusCreated {
			continue
		}
		key := projectKey(p.ProjectArn)
		if key == "" {
			continue
		}
		prefix, name, _ := strings.Cut(key, ":project/")
		region, account := arnRegionAccount(prefix)
		bucket := fmt.Sprintf("custom-labels-console-%s-%010x", region, r.Uint64()&0xff_ffff_ffff)
		created := p.CreationTimestamp
		if p.Feature == customlabels.CustomizationFeatureContentModeration {
			created = created.Add(time.Duration(1+r.IntN(72))*time.Hour + time.Duration(r.IntN(1000))*time.Millisecond).Truncate(time.Millisecond)
			v := demoVersion(r, key, name, bucket, created, customlabels.ProjectVersionStatusTrainingCompleted)
			v.Feature = customlabels.CustomizationFeatureContentModeration
			v.BaseModelVersion = "7.0"
			v.FeatureConfig.ContentModeration.ConfidenceThreshold = float32(50 + 5*r.IntN(7))
			out = append(out, v)
			continue
		}
		for range 1 + projectIndex%3 {
			created = created.Add(time.Duration(1+r.IntN(14*24))*time.Hour + time.Duration(r.IntN(3600*1000))*time.Millisecond).Truncate(time.Millisecond)
			status := demoVersionStates[models%len(demoVersionStates)]
			v := demoVersion(r, key, name, bucket, created, status)
			v.VersionDescription = demoVersionDescriptions[models%len(demoVersionDescriptions)]
			if models%4 == 3 {
				v.KmsKeyId = fmt.Sprintf("arn:aws:kms:%s:%s:key/%08x-%04x-%04x-%04x-%012x", region, account,
					r.Uint32(), r.Uint32()&0xffff, r.Uint32()&0xffff, r.Uint32()&0xffff, r.Uint64()&0xffff_ffff_ffff)
			}
			if status == customlabels.ProjectVersionStatusCopyingCompleted && firstTrained != "" {
				v.SourceProjectVersionArn = firstTrained
			}
			if firstTrained == "" && v.EvaluationResult.F1Score != 0 {
				firstTrained = v.ProjectVersionArn
			}
			out = append(out, v)
			models++
		}
		projectIndex++
	}
	return out
}

// demoVersion makes one version in status with the members a version in
// that status has.
func demoVersion(r *rand.Rand, key, name, bucket string, created time.Time, status customlabels.ProjectVersionStatus) customlabels.ProjectVersionDescription {
	created = created.UTC()
	vname := name + "." + created.Format("2006-01-02T15.04.05")
	v := customlabels.ProjectVersionDescription{
		ProjectVersionArn: key + "/version/" + vname + "/" + strconv.FormatInt(created.UnixMilli(), 10),
		CreationTimestamp: created,
		Status:            status,
		Feature:           customlabels.CustomizationFeatureCustomLabels,
		OutputConfig:      customlabels.OutputConfig{S3Bucket: bucket, S3KeyPrefix: name + "/output/"},
	}
	manifest := func(path string) []customlabels.Asset {
		return []customlabels.Asset{{GroundTruthManifest: customlabels.GroundTruthManifest{
			S3Object: customlabels.S3Object{Bucket: bucket, Name: path},
		}}}
	}
	v.TrainingDataResult.Input.Assets = manifest("datasets/" + name + "/train/manifest.json")
	autoSplit := r.IntN(3) == 0
	if autoSplit {
		v.TestingDataResult.Input.AutoCreate = true
	} else {
		v.TestingDataResult.Input.Assets = manifest("datasets/" + name + "/test/manifest.json")
	}
	if status == customlabels.ProjectVersionStatusTrainingInProgress {
		v.StatusMessage = msgTrainingInProgress
		return v
	}

	out := name + "/output/" + vname + "/"
	billable := int64(1800 + r.IntN(6*3600))
	v.TrainingEndTimestamp = created.Add(time.Duration(billable)*time.Second + time.Duration(60+r.IntN(900))*time.Second + time.Duration(r.IntN(1000))*time.Millisecond)
	v.ManifestSummary.S3Object = customlabels.S3Object{Bucket: bucket, Name: out + "manifest_summary.json"}
	if status == customlabels.ProjectVersionStatusTrainingFailed {
		v.StatusMessage = msgTrainingFailed
		return v
	}
	v.BillableTrainingTimeInSeconds = billable
	v.TrainingDataResult.Output.Assets = manifest(out + "TrainingManifest.json")
	v.TrainingDataResult.Validation.Assets = manifest(out + "TrainingValidationManifest.json")
	v.TestingDataResult.Output.Assets = manifest(out + "TestingManifest.json")
	v.TestingDataResult.Output.AutoCreate = autoSplit
	v.TestingDataResult.Validation.Assets = manifest(out + "TestingValidationManifest.json")
	v.EvaluationResult.F1Score = float32(700+r.IntN(300)) / 1000
	v.EvaluationResult.Summary.S3Object = customlabels.S3Object{Bucket: bucket, Name: out + "EvaluationResultSummary-" + vname + ".json"}

	switch status {
	case customlabels.ProjectVersionStatusRunning:
		v.StatusMessage = msgRunning
		v.MinInferenceUnits = int32(1 + r.IntN(3))
		if r.IntN(2) == 0 {
			v.MaxInferenceUnits = v.MinInferenceUnits + int32(1+r.IntN(4))
		}
	case customlabels.ProjectVersionStatusStopped:
		v.StatusMessage = msgStopped
		v.MinInferenceUnits = int32(1 + r.IntN(3))
		if r.IntN(3) == 0 {
			v.MaxInferenceUnits = v.MinInferenceUnits + int32(1+r.IntN(4))
		}
	case customlabels.ProjectVersionStatusCopyingCompleted:
		v.StatusMessage = "The model was copied."
	default:
		v.StatusMessage = msgTrainingCompleted
	}
	return v
}

// arnRegionAccount returns REGION and ACCOUNT of "arn:aws:rekognition:REGION:ACCOUNT".
func arnRegionAccount(prefix string) (region, account string) {
	parts := strings.Split(prefix, ":")
	if len(parts) < 5 {
		return DefaultRegion, DefaultAccountID
	}
	return parts[3], parts[4]
}
