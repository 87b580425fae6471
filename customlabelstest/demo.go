package customlabelstest

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

var (
	demoSubjects = []string{"flower", "defect", "logo", "shelf", "pallet", "xray", "leaf", "circuit-board", "helmet", "tire"}
	demoKinds    = []string{"classifier", "detector", "inspector", "adapter", "counter", "finder"}

	// demoProjectStatuses cycles so that most projects are CREATED, as in a
	// real account, while every value appears within 5 projects.
	demoProjectStatuses = []customlabels.ProjectStatus{
		customlabels.ProjectStatusCreated, customlabels.ProjectStatusCreated, customlabels.ProjectStatusCreating,
		customlabels.ProjectStatusCreated, customlabels.ProjectStatusDeleting,
	}

	// demoDatasetStates pairs each dataset status with a status message and
	// message code, as the service reports them.
	demoDatasetStates = []struct {
		status customlabels.DatasetStatus
		code   customlabels.DatasetStatusMessageCode
		msg    string
	}{
		{customlabels.DatasetStatusCreateComplete, customlabels.DatasetStatusMessageCodeSuccess, "The dataset was successfully created from the manifest file."},
		{customlabels.DatasetStatusCreateInProgress, customlabels.DatasetStatusMessageCodeSuccess, "The dataset is being created."},
		{customlabels.DatasetStatusCreateFailed, customlabels.DatasetStatusMessageCodeClientError, "The manifest file contains images from multiple S3 buckets."},
		{customlabels.DatasetStatusUpdateComplete, customlabels.DatasetStatusMessageCodeSuccess, "The dataset was successfully updated."},
		{customlabels.DatasetStatusUpdateInProgress, customlabels.DatasetStatusMessageCodeSuccess, "The dataset is being updated."},
		{customlabels.DatasetStatusUpdateFailed, customlabels.DatasetStatusMessageCodeServiceError, "An internal service error occurred while updating the dataset."},
		{customlabels.DatasetStatusDeleteInProgress, customlabels.DatasetStatusMessageCodeSuccess, "The dataset is being deleted."},
	}
)

// DemoProjects returns n made-up projects, the same for the same n and
// seed, in creation order. They look like a real account's
// (DefaultRegion, DefaultAccountID):
//   - ARNs of the model's form,
//     arn:aws:rekognition:us-east-1:123456789012:project/NAME/1689000000123,
//     and dataset ARNs .../project/NAME/dataset/train/1689000000456;
//   - both features alternate, Custom Labels first; adapters
//     (CONTENT_MODERATION) alternate AutoUpdate ENABLED and DISABLED;
//   - 0, 1 or 2 datasets in turn (TRAIN, then TEST);
//   - creation timestamps hours to days apart, with milliseconds, some
//     with microseconds and some with nanoseconds.
//
// With n >= 8 every value of every enum of the model appears.
func DemoProjects(n int, seed int64) []customlabels.ProjectDescription {
	return demoProjects(DefaultRegion, n, seed)
}

// demoProjects makes DemoProjects's projects with ARNs in region.
func demoProjects(region string, n int, seed int64) []customlabels.ProjectDescription {
	if n <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6375_7374_6f6d_6c62))
	t := time.Date(2022, 3, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(365*24)) * time.Hour)
	out := make([]customlabels.ProjectDescription, n)
	datasets := 0
	adapters := 0
	for i := range out {
		t = t.Add(time.Hour + time.Duration(r.IntN(7*24*3600))*time.Second)
		created := t.Add(time.Duration(r.IntN(1000)) * time.Millisecond)
		switch {
		case i%4 == 1:
			created = created.Add(time.Duration(r.IntN(1000)) * time.Microsecond)
		case i%4 == 3:
			created = created.Add(time.Duration(r.IntN(1_000_000)) * time.Nanosecond)
		}
		name := demoSubjects[r.IntN(len(demoSubjects))] + "-" + demoKinds[r.IntN(len(demoKinds))] + "-" + strconv.Itoa(i+1)
		arnPrefix := "arn:aws:rekognition:" + region + ":" + DefaultAccountID + ":project/" + name + "/"
		p := customlabels.ProjectDescription{
			ProjectArn:        arnPrefix + strconv.FormatInt(created.UnixMilli(), 10),
			CreationTimestamp: created,
			Status:            demoProjectStatuses[i%len(demoProjectStatuses)],
			Feature:           customlabels.CustomizationFeatureCustomLabels,
			Datasets:          []customlabels.DatasetMetadata{},
		}
		if i%2 == 1 {
			p.Feature = customlabels.CustomizationFeatureContentModeration
			p.AutoUpdate = customlabels.ProjectAutoUpdateEnabled
			if adapters%2 == 1 {
				p.AutoUpdate = customlabels.ProjectAutoUpdateDisabled
			}
			adapters++
		}
		dsCreated := created
		for k := range i % 3 {
			state := demoDatasetStates[datasets%len(demoDatasetStates)]
			datasets++
			typ := customlabels.DatasetTypeTrain
			if k == 1 {
				typ = customlabels.DatasetTypeTest
			}
			dsCreated = dsCreated.Add(time.Duration(1+r.IntN(600))*time.Second + time.Duration(r.IntN(1000))*time.Millisecond)
			p.Datasets = append(p.Datasets, customlabels.DatasetMetadata{
				CreationTimestamp: dsCreated,
				DatasetType:       typ,
				DatasetArn:        arnPrefix + "dataset/" + strings.ToLower(string(typ)) + "/" + strconv.FormatInt(dsCreated.UnixMilli(), 10),
				Status:            state.status,
				StatusMessage:     state.msg,
				StatusMessageCode: state.code,
			})
		}
		out[i] = p
	}
	return out
}
