package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/rekognition-go/customlabels"
)

const planProject = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000"

// planVersion is a version of planProject named name, created at day
// days after an epoch, in status.
func planVersion(name string, day int, status customlabels.ProjectVersionStatus) customlabels.ProjectVersionDescription {
	created := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day)
	return customlabels.ProjectVersionDescription{
		ProjectVersionArn: fmt.Sprintf("arn:aws:rekognition:us-east-1:123456789012:project/shelf/version/%s/%d", name, created.UnixMilli()),
		CreationTimestamp: created, Status: status,
	}
}

// describeSteps lists a plan's steps as "action name".
func describeSteps(p plan) []string {
	var out []string
	for _, s := range p.steps {
		out = append(out, s.action.String()+" "+s.name)
	}
	return out
}

func TestProjectPlan(t *testing.T) {
	project := customlabels.ProjectDescription{
		ProjectArn: planProject, Status: customlabels.ProjectStatusCreated,
		Datasets: []customlabels.DatasetMetadata{
			{DatasetType: customlabels.DatasetTypeTrain, DatasetArn: planProject + "/dataset/train/1", Status: customlabels.DatasetStatusCreateComplete},
			{DatasetType: customlabels.DatasetTypeTest, DatasetArn: planProject + "/dataset/test/1", Status: customlabels.DatasetStatusUpdateInProgress},
		},
	}
	versions := []customlabels.ProjectVersionDescription{
		planVersion("trained", 1, customlabels.ProjectVersionStatusTrainingCompleted),
		planVersion("running", 2, customlabels.ProjectVersionStatusRunning),
		planVersion("training", 3, customlabels.ProjectVersionStatusTrainingInProgress),
		planVersion("stopping", 4, customlabels.ProjectVersionStatusStopping),
		planVersion("starting", 5, customlabels.ProjectVersionStatusStarting),
		planVersion("copying", 6, customlabels.ProjectVersionStatusCopyingInProgress),
		planVersion("deleting", 7, customlabels.ProjectVersionStatusDeleting),
		planVersion("failed", 8, customlabels.ProjectVersionStatusFailed),
	}
	policies := []customlabels.ProjectPolicy{{ProjectArn: planProject, PolicyName: "copy-to-prod", PolicyRevisionId: "abc",
		PolicyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"rekognition:CopyProjectVersion","Resource":"*"}]}`}}

	t.Run("--stop-running: in the order the service accepts", func(t *testing.T) {
		p := projectPlan(project, versions, policies, true)
		assert.Empty(t, p.blocked)
		assert.Equal(t, []string{
			"stop model running",
			"stop model starting",
			"wait until stopped stopping",
			"wait until it ends training",
			"wait until it ends copying",
			"delete model trained",
			"delete model running",
			"delete model training",
			"delete model stopping",
			"delete model starting",
			"delete model copying",
			"wait until deleted deleting",
			"delete model failed",
			"delete dataset TRAIN",
			"wait, then delete dataset TEST",
			"delete policy copy-to-prod",
			"delete project shelf",
		}, describeSteps(p))
		assert.Equal(t, "allows 111122223333", p.steps[15].status)
		assert.Equal(t, "abc", p.steps[15].revision)
	})

	t.Run("without --stop-running: blocked by each running model", func(t *testing.T) {
		p := projectPlan(project, versions, nil, false)
		assert.Equal(t, []string{
			"running is RUNNING: pass --stop-running to stop it first",
			"starting is STARTING: pass --stop-running to stop it first",
		}, p.blocked)
	})

	t.Run("an empty project", func(t *testing.T) {
		p := projectPlan(customlabels.ProjectDescription{ProjectArn: planProject}, nil, nil, false)
		assert.Equal(t, []string{"delete project shelf"}, describeSteps(p))
	})
}

func TestVersionPlan(t *testing.T) {
	v := planVersion("v2", 2, customlabels.ProjectVersionStatusRunning)
	v.MinInferenceUnits, v.MaxInferenceUnits = 2, 5
	p := versionPlan(customlabels.ProjectDescription{ProjectArn: planProject}, v, false)
	assert.Equal(t, []string{"stop model v2", "delete model v2"}, describeSteps(p), "the plan shows what --stop-running would do")
	assert.Equal(t, []string{"v2 is RUNNING, 2-5 inference units: pass --stop-running to stop it first"}, p.blocked)

	p = versionPlan(customlabels.ProjectDescription{ProjectArn: planProject}, v, true)
	assert.Equal(t, []string{"stop model v2", "delete model v2"}, describeSteps(p))
	assert.Equal(t, v.ProjectVersionArn, p.steps[0].arn)
}

func TestCleanupPlan(t *testing.T) {
	versions := []customlabels.ProjectVersionDescription{
		planVersion("v1", 1, customlabels.ProjectVersionStatusTrainingCompleted),
		planVersion("v5", 5, customlabels.ProjectVersionStatusTrainingFailed),
		planVersion("v2", 2, customlabels.ProjectVersionStatusRunning),
		planVersion("v3", 3, customlabels.ProjectVersionStatusStopped),
		planVersion("v6", 6, customlabels.ProjectVersionStatusTrainingInProgress),
		planVersion("v4", 4, customlabels.ProjectVersionStatusCopyingCompleted),
		planVersion("v0", 0, customlabels.ProjectVersionStatusDeleting),
	}
	kept := func(p plan) []string {
		var out []string
		for _, k := range p.kept {
			out = append(out, k.version.VersionName()+" "+k.why)
		}
		return out
	}

	p := cleanupPlan(customlabels.ProjectDescription{ProjectArn: planProject}, versions, 2)
	assert.Equal(t, []string{"v6 in progress", "v5 one of the newest 2", "v4 one of the newest 2", "v2 running"}, kept(p))
	assert.Equal(t, []string{"delete model v3", "delete model v1", "wait until deleted v0"}, describeSteps(p))
	assert.Empty(t, p.blocked, "running models are kept, never stopped")

	p = cleanupPlan(customlabels.ProjectDescription{ProjectArn: planProject}, versions, 0)
	assert.Equal(t, []string{"delete model v5", "delete model v4", "delete model v3", "delete model v1", "wait until deleted v0"}, describeSteps(p))

	p = cleanupPlan(customlabels.ProjectDescription{ProjectArn: planProject}, versions, 10)
	assert.Equal(t, []string{"wait until deleted v0"}, describeSteps(p))
}
