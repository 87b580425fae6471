package customlabelstest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

const (
	validProject = `"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000"`
	validVersion = `"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/birds/version/birds.v1/1700000000001"`
)

// A data file is refused, naming the record and the member, when it holds
// what the service never sends: a client would otherwise refuse what the
// fake serves, and blame its user.
func TestParseDataRefusesWhatTheServiceNeverSends(t *testing.T) {
	projects := func(p string) string { return `{"ProjectDescriptions":[` + p + `]}` }
	versions := func(v string) string {
		return `{"ProjectDescriptions":[{` + validProject + `}],"ProjectVersionDescriptions":[` + v + `]}`
	}
	for _, tt := range []struct{ name, doc, want string }{
		{"not an ARN", projects(`{"ProjectArn":"bad"}`),
			`ProjectDescriptions[0].ProjectArn: "bad" is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP`},
		{"a version's ARN for a project", projects(`{` + strings.Replace(validVersion, "ProjectVersionArn", "ProjectArn", 1) + `}`),
			`ProjectDescriptions[0].ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/birds.v1/1700000000001" is not of the form`},
		{"an account of 11 digits", projects(`{"ProjectArn":"arn:aws:rekognition:us-east-1:12345678901:project/birds/1"}`),
			"ProjectDescriptions[0].ProjectArn"},
		{"a name with a space", projects(`{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/my birds/1"}`),
			"ProjectDescriptions[0].ProjectArn"},
		{"an ARN too long", projects(`{"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/b/1` + strings.Repeat("0", 2048) + `"}`),
			"ProjectDescriptions[0].ProjectArn: \"arn:aws:rekognition:us-east-1:123456789012:project/b/10000000000...\" must be 20 to 2048 characters"},
		{"a project status", projects(`{` + validProject + `,"Status":"ACTIVE"}`),
			`ProjectDescriptions[0].Status: "ACTIVE" is not one of [CREATING CREATED DELETING]`},
		{"a feature", projects(`{` + validProject + `,"Feature":"FACES"}`),
			`ProjectDescriptions[0].Feature: "FACES" is not one of [CONTENT_MODERATION CUSTOM_LABELS]`},
		{"auto-update", projects(`{` + validProject + `,"AutoUpdate":"ON"}`), `ProjectDescriptions[0].AutoUpdate: "ON" is not one of`},
		{"a dataset type", projects(`{` + validProject + `,"Datasets":[{"DatasetType":"VALIDATION"}]}`),
			`ProjectDescriptions[0].Datasets[0].DatasetType: "VALIDATION" is not one of [TRAIN TEST]`},
		{"a dataset status", projects(`{` + validProject + `,"Datasets":[{},{"Status":"DONE"}]}`), `ProjectDescriptions[0].Datasets[1].Status: "DONE"`},
		{"a dataset message code", projects(`{` + validProject + `,"Datasets":[{"StatusMessageCode":"OK"}]}`), `ProjectDescriptions[0].Datasets[0].StatusMessageCode: "OK"`},
		{"a dataset ARN", projects(`{` + validProject + `,"Datasets":[{"DatasetArn":"arn:aws:rekognition:us-east-1:123456789012:project/birds/dataset/validation/1"}]}`),
			`ProjectDescriptions[0].Datasets[0].DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/dataset/validation/1" is not of the form`},
		{"a dataset of another project", projects(`{` + validProject + `,"Datasets":[{"DatasetArn":"arn:aws:rekognition:us-east-1:123456789012:project/cats/dataset/train/1"}]}`),
			`ProjectDescriptions[0].Datasets[0].DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/cats/dataset/train/1" is a dataset of another project`},
		{"a project twice", projects(`{` + validProject + `},{` + validProject + `}`),
			`ProjectDescriptions[1].ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000" is already ProjectDescriptions[0]`},

		{"a version ARN", versions(`{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/birds/1"}`),
			`ProjectVersionDescriptions[0].ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1" is not of the form arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP`},
		{"a version status", versions(`{` + validVersion + `,"Status":"RUNING"}`),
			`ProjectVersionDescriptions[0].Status: "RUNING" is not one of [TRAINING_IN_PROGRESS TRAINING_COMPLETED`},
		{"a version feature", versions(`{` + validVersion + `,"Feature":"x"}`), `ProjectVersionDescriptions[0].Feature: "x"`},
		{"negative units", versions(`{` + validVersion + `,"MinInferenceUnits":-1}`), "ProjectVersionDescriptions[0].MinInferenceUnits: must be 1 or more, got -1"},
		{"negative training time", versions(`{` + validVersion + `,"BillableTrainingTimeInSeconds":-5}`), "ProjectVersionDescriptions[0].BillableTrainingTimeInSeconds: must be 0 or more"},
		{"a source version", versions(`{` + validVersion + `,"SourceProjectVersionArn":"birds.v0"}`), `ProjectVersionDescriptions[0].SourceProjectVersionArn: "birds.v0" is not of the form`},
		{"a version twice", versions(`{` + validVersion + `},{` + validVersion + `}`), `ProjectVersionDescriptions[1].ProjectVersionArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/version/birds.v1/1700000000001" is already ProjectVersionDescriptions[0]`},

		{"in the second of two documents", projects(`{`+validProject+`}`) + "\n" + `{"ProjectVersionDescriptions":[{` + validVersion + `,"Status":"nope"}]}`,
			`document 2: ProjectVersionDescriptions[0].Status: "nope"`},
		{"a project in two documents", projects(`{`+validProject+`}`) + projects(`{`+validProject+`}`),
			`document 2: ProjectDescriptions[0].ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/birds/1700000000000" is already document 1's ProjectDescriptions[0]`},
		{"a version of no project, in the second document", projects(`{`+validProject+`}`) + `{"ProjectVersionDescriptions":[{"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/cats/version/v/1"}]}`,
			"document 2: ProjectVersionDescriptions[0].ProjectVersionArn: version arn:aws:rekognition:us-east-1:123456789012:project/cats/version/v/1 belongs to no project of the file"},
		{"trailing garbage", projects(`{`+validProject+`}`) + " ]", "parse data: value 2"},
		{"empty", " \n", "parse data: no JSON value"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := customlabelstest.ParseData([]byte(tt.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}

	t.Run("ParseProjects", func(t *testing.T) {
		_, err := customlabelstest.ParseProjects([]byte(`[{"ProjectArn":"bad"}]`))
		require.Error(t, err)
		assert.Contains(t, err.Error(), `ProjectDescriptions[0].ProjectArn: "bad" is not of the form`)
	})

	t.Run("the control API names the member", func(t *testing.T) {
		srv := newServer(t)
		status, out := ctl(t, srv, http.MethodPost, "projects", versions(`{`+validVersion+`,"Status":"RUNING"}`))
		assert.Equal(t, http.StatusBadRequest, status)
		assert.Equal(t, "ProjectVersionDescriptions[0].Status", out["Field"])
		status, out = ctl(t, srv, http.MethodPost, "versions", `{"ProjectVersionDescriptions":[{`+validVersion+`,"Feature":"x"}]}`)
		assert.Equal(t, http.StatusBadRequest, status)
		assert.Equal(t, "ProjectVersionDescriptions[0].Feature", out["Field"])
		assert.Empty(t, srv.Projects(), "nothing added")
	})
}

// One data file holds projects and their versions: one value with both
// lists, or the outputs of describe-projects and describe-project-versions
// one after another.
func TestParseDataDocuments(t *testing.T) {
	const cats = `"ProjectArn":"arn:aws:rekognition:us-east-1:123456789012:project/cats/1700000000100"`
	const catsVersion = `"ProjectVersionArn":"arn:aws:rekognition:us-east-1:123456789012:project/cats/version/cats.v1/1700000000101"`
	file := `{
    "ProjectDescriptions": [
        {` + validProject + `, "CreationTimestamp": "2023-11-14T22:13:20+00:00", "Status": "CREATED"},
        {` + cats + `, "CreationTimestamp": 1700000000.1}
    ],
    "NextToken": "ignored"
}
{
    "ProjectVersionDescriptions": [{` + validVersion + `, "CreationTimestamp": 1700000000.001, "Status": "RUNNING", "MinInferenceUnits": 1}]
}
{"ProjectVersionDescriptions": [{` + catsVersion + `, "CreationTimestamp": 1700000000.101, "Status": "STOPPED"}], "NextToken": "ignored"}
`
	d, err := customlabelstest.ParseData([]byte(file))
	require.NoError(t, err)
	require.Len(t, d.Projects, 2)
	require.Len(t, d.ProjectVersions, 2)
	assert.Equal(t, "arn:aws:rekognition:us-east-1:123456789012:project/cats/version/cats.v1/1700000000101", d.ProjectVersions[1].ProjectVersionArn)

	// A version may come before its project.
	_, err = customlabelstest.ParseData([]byte(`{"ProjectVersionDescriptions":[{` + catsVersion + `}]} [{` + cats + `}]`))
	require.NoError(t, err)

	// The control API's GET projects, then GET versions, is a data file.
	srv := newServer(t, d.Options()...)
	projects := ctlRaw(t, srv, http.MethodGet, "projects", "", nil)
	versions := ctlRaw(t, srv, http.MethodGet, "versions", "", nil)
	again, err := customlabelstest.ParseData([]byte(projects.body + versions.body))
	require.NoError(t, err)
	assert.Equal(t, srv.Projects(), again.Projects)
	assert.ElementsMatch(t, srv.ProjectVersions(), again.ProjectVersions)
}
