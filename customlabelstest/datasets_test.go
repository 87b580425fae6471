package customlabelstest_test

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

var shelfDatasetArn = regexp.MustCompile(`^arn:aws:rekognition:us-east-1:123456789012:project/shelf/dataset/(train|test)/[0-9]+$`)

// A dataset from a manifest: CREATE_IN_PROGRESS for the dataset time,
// listed in its project as it changes, then CREATE_COMPLETE with the
// manifest's entries and their statistics.
func TestCreateDatasetLifecycle(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	text := joinLines(classLine(t, "a.jpg", "cat"), classLine(t, "b.jpg", "dog", "cat"), boxLine(t, "c.jpg", "cat", "bird"), unlabeledLine("d.jpg"))
	arn := f.create(t, customlabels.DatasetTypeTrain, f.putManifest("train.manifest", text))
	assert.Regexp(t, shelfDatasetArn, arn)
	assert.Contains(t, arn, "/dataset/train/", "the type in lower case in the ARN")

	d := f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusCreateInProgress, d.Status)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeSuccess, d.StatusMessageCode)
	assert.Equal(t, customlabels.DatasetStats{}, d.DatasetStats)
	assert.False(t, d.CreationTimestamp.IsZero())
	created := d.CreationTimestamp
	ds := f.projectDatasets(t)
	require.Len(t, ds, 1)
	assert.Equal(t, customlabels.DatasetMetadata{CreationTimestamp: created, DatasetType: customlabels.DatasetTypeTrain,
		DatasetArn: arn, Status: customlabels.DatasetStatusCreateInProgress, StatusMessage: d.StatusMessage,
		StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess}, ds[0])

	_, err := f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	assertCode(t, err, "ResourceNotReadyException")
	_, err = f.c.ListDatasetLabels(ctx, &customlabels.ListDatasetLabelsInput{DatasetArn: arn})
	assertCode(t, err, "ResourceNotReadyException")

	f.srv.Advance(datasetTime - time.Millisecond)
	assert.Equal(t, customlabels.DatasetStatusCreateInProgress, f.describe(t, arn).Status)
	f.srv.Advance(time.Millisecond)
	d = f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusCreateComplete, d.Status)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeSuccess, d.StatusMessageCode)
	assert.Equal(t, created.Add(datasetTime), d.LastUpdatedTimestamp, "the status dates from when it was due")
	assert.Equal(t, created, d.CreationTimestamp)
	assert.Equal(t, customlabels.DatasetStats{LabeledEntries: 3, TotalEntries: 4, TotalLabels: 3, ErrorEntries: 0}, d.DatasetStats)
	assert.Equal(t, customlabels.DatasetStatusCreateComplete, f.projectDatasets(t)[0].Status)

	got := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	assert.Equal(t, strings.Split(strings.TrimSpace(text), "\n"), got, "lines without errors are listed as sent, in order")
}

// An empty dataset (no source) and a copy of another dataset.
func TestCreateDatasetEmptyAndCopy(t *testing.T) {
	f := newDatasetFixture(t, customlabelstest.WithProjects(testProject("other")))
	ctx := context.Background()
	train := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(classLines(t, 6, "cat", "dog")...))
	empty := f.createDone(t, customlabels.DatasetTypeTest, "")
	d := f.describe(t, empty)
	assert.Equal(t, customlabels.DatasetStatusCreateComplete, d.Status)
	assert.Equal(t, customlabels.DatasetStats{}, d.DatasetStats)
	assert.Empty(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: empty}))

	other := testProject("other")
	out, err := f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: other.ProjectArn, DatasetType: customlabels.DatasetTypeTrain,
		DatasetSource: customlabels.DatasetSource{DatasetArn: train}})
	require.NoError(t, err)
	f.srv.Advance(datasetTime)
	assert.Equal(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train}),
		f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: out.DatasetArn}))
	assert.Equal(t, f.describe(t, train).DatasetStats, f.describe(t, out.DatasetArn).DatasetStats)
}

// Every refusal of CreateDataset.
func TestCreateDatasetRefusals(t *testing.T) {
	adapter := testProject("adapter")
	adapter.Feature = customlabels.CustomizationFeatureContentModeration
	f := newDatasetFixture(t, customlabelstest.WithProjects(adapter))
	ctx := context.Background()
	train := f.create(t, customlabels.DatasetTypeTrain, customlabels.DatasetSource{})

	_, err := f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: f.project.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	assertCode(t, err, "ResourceAlreadyExistsException")
	assert.Contains(t, err.Error(), train)

	missing := strings.Replace(f.project.ProjectArn, "/shelf/", "/missing/", 1)
	_, err = f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: missing, DatasetType: customlabels.DatasetTypeTrain})
	assertCode(t, err, "ResourceNotFoundException")

	_, err = f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: adapter.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	assertCode(t, err, "InvalidParameterException")

	// A source dataset that does not exist, or whose entries are not
	// complete.
	_, err = f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: f.project.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
		DatasetSource: customlabels.DatasetSource{DatasetArn: strings.Replace(train, "/train/", "/test/", 1)}})
	assertCode(t, err, "ResourceNotFoundException")
	_, err = f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: f.project.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
		DatasetSource: customlabels.DatasetSource{DatasetArn: train}})
	assertCode(t, err, "InvalidParameterException")

	// A dataset being deleted still holds its type.
	f.srv.Advance(datasetTime)
	_, err = f.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: train})
	require.NoError(t, err)
	_, err = f.c.CreateDataset(ctx, &customlabels.CreateDatasetInput{ProjectArn: f.project.ProjectArn, DatasetType: customlabels.DatasetTypeTrain})
	assertCode(t, err, "ResourceAlreadyExistsException")

	// What the client refuses before sending, the fake refuses too.
	for name, body := range map[string]string{
		"both sources": `{"ProjectArn":"` + f.project.ProjectArn + `","DatasetType":"TEST","DatasetSource":{"DatasetArn":"` + train +
			`","GroundTruthManifest":{"S3Object":{"Bucket":"bucket","Name":"m"}}}}`,
		"no bucket": `{"ProjectArn":"` + f.project.ProjectArn + `","DatasetType":"TEST","DatasetSource":{"GroundTruthManifest":{"S3Object":{"Name":"m"}}}}`,
	} {
		res := rawCall(t, f.srv, body, func(r *http.Request) { r.Header.Set("X-Amz-Target", "RekognitionService.CreateDataset") })
		assert.Equal(t, http.StatusBadRequest, res.status, name)
		typ, _ := errorBody(t, res.body)
		assert.Contains(t, typ, "InvalidParameterException", name)
	}
}

// The terminal file errors fail the dataset: CREATE_FAILED, with the
// documented code as the status message and CLIENT_ERROR.
func TestCreateDatasetTerminalFileErrors(t *testing.T) {
	many := make([]string, 0, 251)
	for i := range 251 {
		many = append(many, classLine(t, "l"+itoa(i)+".jpg", "label-"+itoa(i)))
	}
	invalid := append(classLines(t, 7, "cat", "dog"), "not json", `{"no":"source-ref"}`) // 2 of 9 invalid: 22 %
	rows := strings.Repeat(unlabeledLine("x.jpg")+"\n", 250_001)
	tests := []struct {
		name     string
		manifest *string
		want     string
	}{
		{"missing object", nil, "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT"},
		{"empty manifest", ptr(""), "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT"},
		{"blank lines only", ptr("\n \n"), "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT"},
		{"more than 20 % invalid", ptr(joinLines(invalid...)), "ERROR_TOO_MANY_RECORDS_IN_ERROR"},
		{"more than 250 labels", ptr(joinLines(many...)), "ERROR_MANIFEST_TOO_MANY_LABELS"},
		{"more than 250,000 lines", &rows, "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newDatasetFixture(t)
			src := customlabels.DatasetSource{GroundTruthManifest: customlabels.GroundTruthManifest{S3Object: customlabels.S3Object{Bucket: "bucket", Name: "nothing.manifest"}}}
			if tt.manifest != nil {
				src = f.putManifest("train.manifest", *tt.manifest)
			}
			arn := f.create(t, customlabels.DatasetTypeTrain, src)
			assert.Equal(t, customlabels.DatasetStatusCreateInProgress, f.describe(t, arn).Status)
			f.srv.Advance(datasetTime)
			d := f.describe(t, arn)
			assert.Equal(t, customlabels.DatasetStatusCreateFailed, d.Status)
			assert.Equal(t, tt.want, d.StatusMessage)
			assert.Equal(t, customlabels.DatasetStatusMessageCodeClientError, d.StatusMessageCode)
			assert.Equal(t, customlabels.DatasetStats{}, d.DatasetStats)
			assert.Equal(t, customlabels.DatasetStatusCreateFailed, f.projectDatasets(t)[0].Status)
			// A failed dataset lists nothing, and cannot be updated.
			assert.Empty(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn}))
			_, err := f.c.UpdateDatasetEntries(context.Background(), &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
				Changes: customlabels.DatasetChanges{GroundTruth: []byte(classLine(t, "a.jpg", "cat"))}})
			assertCode(t, err, "InvalidParameterException")
		})
	}
}

// Lines with terminal content errors are dropped without a word; the
// non-terminal errors are attached where they belong, and counted.
func TestCreateDatasetContentErrors(t *testing.T) {
	f := newDatasetFixture(t)
	good := classLines(t, 20, "cat", "dog")
	badBox := `{"source-ref":"s3://bucket/images/box.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],` +
		`"annotations":[{"class_id":0,"top":10,"left":10,"width":20,"height":20},{"class_id":0,"top":10,"left":630,"width":50,"height":20}]},` +
		`"bounding-box-metadata":{"objects":[{"confidence":1},{"confidence":1}],"class-map":{"0":"cat"},"type":"groundtruth/object-detection",` +
		`"human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000"}}`
	badConfidence := `{"source-ref":"s3://bucket/images/conf.jpg","label":1,"label-metadata":{"confidence":2,"class-name":"cat",` +
		`"human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000","type":"groundtruth/image-classification"}}`
	text := joinLines(append(good,
		"not json",                             // dropped
		`{"label":0}`,                          // no source-ref: dropped
		`{"source-ref":"http://bucket/x.jpg"}`, // a bad source-ref: dropped
		classLine(t, "img0.jpg", "bird"),       // listed before: dropped
		badBox, badConfidence, unlabeledLine("plain.jpg"))...)
	arn := f.createDone(t, customlabels.DatasetTypeTrain, text)
	d := f.describe(t, arn)
	require.Equal(t, customlabels.DatasetStatusCreateComplete, d.Status, d.StatusMessage)
	assert.Equal(t, customlabels.DatasetStats{TotalEntries: 23, LabeledEntries: 22, TotalLabels: 2, ErrorEntries: 2}, d.DatasetStats)

	all := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	require.Len(t, all, 23)
	assert.Equal(t, good, all[:20], "the first img0.jpg is kept, as sent")
	ls := lines(t, all)
	box, conf := ls[20], ls[21]
	require.Len(t, box.Detections, 1)
	require.Len(t, box.Detections[0].Annotations, 2)
	assert.Empty(t, box.Detections[0].Annotations[0].Errors)
	require.Len(t, box.Detections[0].Annotations[1].Errors, 1, "on the bounding box it is about: %s", all[20])
	assert.Equal(t, "ERROR_INVALID_BOUNDING_BOX", string(box.Detections[0].Annotations[1].Errors[0].Code))
	assert.NotEmpty(t, box.Detections[0].Annotations[1].Errors[0].Message)
	require.Len(t, conf.Classifications, 1)
	require.Len(t, conf.Classifications[0].Errors, 1, "in the metadata: %s", all[21])
	assert.Equal(t, "ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT", string(conf.Classifications[0].Errors[0].Code))
	assert.True(t, box.HasErrors() && conf.HasErrors())

	withErrors := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, HasErrors: ptr(true)})
	assert.Equal(t, []string{"box.jpg", "conf.jpg"}, refs(t, withErrors))
	assert.Len(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn, HasErrors: ptr(false)}), 21)
}

// Errors arrays sent in a line (say, a line listed by ListDatasetEntries
// and sent back) are worked out again: stale ones go.
func TestDatasetErrorsWorkedOutAgain(t *testing.T) {
	f := newDatasetFixture(t)
	stale := `{"source-ref":"s3://bucket/images/a.jpg","errors":[{"code":"ERROR_NO_LABEL_ATTRIBUTES","message":"old"}],` +
		`"label":1,"label-metadata":{"confidence":1,"class-name":"cat","human-annotated":"yes","creation-date":"2024-01-02T03:04:05.000000","type":"groundtruth/image-classification"}}`
	arn := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(stale, classLine(t, "b.jpg", "dog")))
	got := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	require.Len(t, got, 2)
	ls := lines(t, got)
	assert.False(t, ls[0].HasErrors(), "%s", got[0])
	assert.Equal(t, []string{"cat"}, ls[0].Labels())
	assert.Equal(t, int32(0), f.describe(t, arn).DatasetStats.ErrorEntries)
}

// DeleteDataset: refused while an operation is in progress; else
// DELETE_IN_PROGRESS for the deleting time, then gone, from its project
// too. DeleteProject refuses the project until then.
func TestDeleteDatasetLifecycle(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	arn := f.create(t, customlabels.DatasetTypeTrain, customlabels.DatasetSource{})
	_, err := f.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: arn})
	assertCode(t, err, "ResourceInUseException")
	_, err = f.c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: f.project.ProjectArn})
	assertCode(t, err, "ResourceInUseException")

	f.srv.Advance(datasetTime)
	_, err = f.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: arn})
	require.NoError(t, err)
	d := f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusDeleteInProgress, d.Status)
	assert.Equal(t, customlabels.DatasetStatusDeleteInProgress, f.projectDatasets(t)[0].Status)
	_, err = f.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: arn})
	require.NoError(t, err, "a dataset already being deleted answers again")
	_, err = f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	assertCode(t, err, "ResourceInUseException")
	_, err = f.c.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(classLine(t, "a.jpg", "cat"))}})
	assertCode(t, err, "ResourceInUseException")
	_, err = f.c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: f.project.ProjectArn})
	assertCode(t, err, "ResourceInUseException")

	f.srv.Advance(10 * time.Second)
	_, err = f.c.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: arn})
	assertCode(t, err, "ResourceNotFoundException")
	_, err = f.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: arn})
	assertCode(t, err, "ResourceNotFoundException")
	ds := f.projectDatasets(t)
	assert.NotNil(t, ds, "a project without datasets lists an empty Datasets")
	assert.Empty(t, ds)
	_, err = f.c.DeleteProject(ctx, &customlabels.DeleteProjectInput{ProjectArn: f.project.ProjectArn})
	require.NoError(t, err, "a project whose datasets are gone can be deleted")

	// A new dataset of the type can be created once the old one is gone.
	f2 := newDatasetFixture(t)
	old := f2.createDone(t, customlabels.DatasetTypeTest, "")
	_, err = f2.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: old})
	require.NoError(t, err)
	f2.srv.Advance(10 * time.Second)
	f2.create(t, customlabels.DatasetTypeTest, customlabels.DatasetSource{})
}

// UpdateDatasetEntries is an upsert by source-ref: a line for an image
// the dataset has replaces it in its place, others are added at the end.
func TestUpdateDatasetEntriesUpsert(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	arn := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(classLine(t, "a.jpg", "cat"), classLine(t, "b.jpg", "dog"), unlabeledLine("c.jpg")))
	changes := joinLines(classLine(t, "c.jpg", "bird"), classLine(t, "a.jpg", "dog"), boxLine(t, "d.jpg", "cat"))
	_, err := f.c.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(changes)}})
	require.NoError(t, err)

	d := f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusUpdateInProgress, d.Status)
	assert.Equal(t, customlabels.DatasetStatusUpdateInProgress, f.projectDatasets(t)[0].Status)
	assert.Equal(t, int32(3), d.DatasetStats.TotalEntries, "the statistics of the entries before the update")
	// Busy: a second update, a listing and a delete are refused.
	_, err = f.c.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
		Changes: customlabels.DatasetChanges{GroundTruth: []byte(changes)}})
	assertCode(t, err, "ResourceInUseException")
	_, err = f.c.ListDatasetEntries(ctx, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	assertCode(t, err, "ResourceNotReadyException")
	_, err = f.c.DeleteDataset(ctx, &customlabels.DeleteDatasetInput{DatasetArn: arn})
	assertCode(t, err, "ResourceInUseException")

	f.srv.Advance(datasetTime)
	d = f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusUpdateComplete, d.Status)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeSuccess, d.StatusMessageCode)
	assert.Equal(t, customlabels.DatasetStats{LabeledEntries: 4, TotalEntries: 4, TotalLabels: 3}, d.DatasetStats)
	got := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	assert.Equal(t, []string{"a.jpg", "b.jpg", "c.jpg", "d.jpg"}, refs(t, got))
	assert.Equal(t, []string{"dog"}, lines(t, got)[0].Labels(), "a.jpg replaced")
	assert.Equal(t, []string{"bird"}, lines(t, got)[2].Labels(), "c.jpg labelled")
}

// An update whose changes have a terminal file error, or that FailDataset
// fails, ends UPDATE_FAILED and leaves the entries as they were.
func TestUpdateDatasetEntriesFailures(t *testing.T) {
	f := newDatasetFixture(t)
	ctx := context.Background()
	before := joinLines(classLines(t, 5, "cat", "dog")...)
	arn := f.createDone(t, customlabels.DatasetTypeTrain, before)
	entries := f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn})
	stats := f.describe(t, arn).DatasetStats

	update := func(text string) {
		t.Helper()
		_, err := f.c.UpdateDatasetEntries(ctx, &customlabels.UpdateDatasetEntriesInput{DatasetArn: arn,
			Changes: customlabels.DatasetChanges{GroundTruth: []byte(text)}})
		require.NoError(t, err)
		f.srv.Advance(datasetTime)
	}
	update(joinLines(classLine(t, "new.jpg", "cat"), "garbage"))
	d := f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusUpdateFailed, d.Status)
	assert.Equal(t, "ERROR_TOO_MANY_RECORDS_IN_ERROR", d.StatusMessage)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeClientError, d.StatusMessageCode)
	assert.Equal(t, stats, d.DatasetStats)
	assert.Equal(t, entries, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn}), "an UPDATE_FAILED dataset lists the entries it kept")

	// The dataset the changes would make has more than 250 labels.
	var many []string
	for i := range 250 {
		many = append(many, classLine(t, "m"+itoa(i)+".jpg", "label-"+itoa(i)))
	}
	update(joinLines(many...))
	assert.Equal(t, "ERROR_MANIFEST_TOO_MANY_LABELS", f.describe(t, arn).StatusMessage)

	// FailDataset fails the next update with a chosen message.
	require.True(t, f.srv.FailDataset(arn, "ERROR_INVALID_PERMISSIONS_MANIFEST_S3_BUCKET"))
	update(classLine(t, "new.jpg", "cat"))
	d = f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusUpdateFailed, d.Status)
	assert.Equal(t, "ERROR_INVALID_PERMISSIONS_MANIFEST_S3_BUCKET", d.StatusMessage)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeClientError, d.StatusMessageCode)
	assert.Equal(t, entries, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: arn}))

	// An update after a failed one works.
	update(classLine(t, "new.jpg", "cat"))
	d = f.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusUpdateComplete, d.Status)
	assert.Equal(t, stats.TotalEntries+1, d.DatasetStats.TotalEntries)
}

// FailDataset without an ARN fails the next CreateDataset only; an
// unknown message is the service's fault.
func TestFailDatasetNextCreate(t *testing.T) {
	f := newDatasetFixture(t)
	assert.False(t, f.srv.FailDataset("arn:aws:rekognition:us-east-1:123456789012:project/shelf/dataset/train/1", ""))
	require.True(t, f.srv.FailDataset("", ""))
	train := f.createDone(t, customlabels.DatasetTypeTrain, joinLines(classLines(t, 3, "cat")...))
	test := f.createDone(t, customlabels.DatasetTypeTest, joinLines(classLines(t, 3, "cat")...))
	d := f.describe(t, train)
	assert.Equal(t, customlabels.DatasetStatusCreateFailed, d.Status)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeServiceError, d.StatusMessageCode)
	assert.NotEmpty(t, d.StatusMessage)
	assert.Equal(t, customlabels.DatasetStatusCreateComplete, f.describe(t, test).Status)

	// A dataset's creation in progress fails too.
	g := newDatasetFixture(t)
	arn := g.create(t, customlabels.DatasetTypeTrain, g.putManifest("m", joinLines(classLines(t, 3, "cat")...)))
	require.True(t, g.srv.FailDataset(arn, "ERROR_MANIFEST_SIZE_TOO_LARGE"))
	g.srv.Advance(datasetTime)
	d = g.describe(t, arn)
	assert.Equal(t, customlabels.DatasetStatusCreateFailed, d.Status)
	assert.Equal(t, "ERROR_MANIFEST_SIZE_TOO_LARGE", d.StatusMessage)
	assert.Equal(t, customlabels.DatasetStatusMessageCodeClientError, d.StatusMessageCode)
}

// Projects seeded with datasets (WithProjects, DemoData, --data) have
// datasets the operations know: their status runs its lifecycle from
// when they were seeded, DescribeProjects follows, and Reset restores
// them.
func TestSeededProjectDatasets(t *testing.T) {
	p := testProject("shelf")
	base := strings.TrimSuffix(p.ProjectArn, "/1704164645000")
	train := base + "/dataset/train/1704164700000"
	test := base + "/dataset/test/1704164800000"
	at := time.Date(2024, 1, 2, 3, 5, 0, 0, time.UTC)
	p.Datasets = []customlabels.DatasetMetadata{
		{DatasetArn: train, DatasetType: customlabels.DatasetTypeTrain, CreationTimestamp: at, Status: customlabels.DatasetStatusCreateInProgress,
			StatusMessage: "The dataset is being created.", StatusMessageCode: customlabels.DatasetStatusMessageCodeSuccess},
		{DatasetArn: test, DatasetType: customlabels.DatasetTypeTest, CreationTimestamp: at, Status: customlabels.DatasetStatusDeleteInProgress},
	}
	srv := newServer(t, frozen(), customlabelstest.WithProjects(p), customlabelstest.WithDatasetTime(datasetTime),
		customlabelstest.WithDeletingTime(10*time.Second))
	f := &datasetFixture{srv: srv, c: srv.Client(noRetry), project: p}
	ctx := context.Background()

	d := f.describe(t, train)
	assert.Equal(t, customlabels.DatasetStatusCreateInProgress, d.Status)
	assert.Equal(t, at, d.CreationTimestamp)
	assert.Equal(t, customlabels.DatasetStatusDeleteInProgress, f.describe(t, test).Status)
	assert.Equal(t, p.Datasets, f.projectDatasets(t), "listed as seeded")

	f.srv.Advance(10 * time.Second)
	_, err := f.c.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: test})
	assertCode(t, err, "ResourceNotFoundException")
	require.Len(t, f.projectDatasets(t), 1)
	f.srv.Advance(datasetTime)
	assert.Equal(t, customlabels.DatasetStatusCreateComplete, f.describe(t, train).Status)
	assert.Empty(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train}))

	f.srv.Reset()
	assert.Equal(t, p.Datasets, f.projectDatasets(t), "Reset lists them as seeded again")
	assert.Equal(t, customlabels.DatasetStatusDeleteInProgress, f.describe(t, test).Status)

	// RemoveProjects removes the project's datasets with it.
	assert.Equal(t, 1, f.srv.RemoveProjects(p.ProjectArn))
	_, err = f.c.DescribeDataset(ctx, &customlabels.DescribeDatasetInput{DatasetArn: train})
	assertCode(t, err, "ResourceNotFoundException")
}

// The demo's datasets are known to the dataset operations.
func TestDemoDatasetsDescribed(t *testing.T) {
	srv := newServer(t, customlabelstest.DemoData(customlabelstest.DefaultRegion, 12, 1).Options()...)
	c := srv.Client(noRetry)
	n := 0
	for _, p := range srv.Projects() {
		for _, d := range p.Datasets {
			out, err := c.DescribeDataset(context.Background(), &customlabels.DescribeDatasetInput{DatasetArn: d.DatasetArn})
			require.NoError(t, err, "DescribeDataset(%s)", d.DatasetArn)
			assert.Equal(t, d.Status, out.DatasetDescription.Status)
			assert.Equal(t, d.CreationTimestamp, out.DatasetDescription.CreationTimestamp)
			n++
		}
	}
	assert.Positive(t, n)
}

// WithDatasets and AddDataset seed datasets from manifest text; a dataset
// of a type the project has is replaced, keeping its ARN; RemoveDatasets
// removes them; Reset restores the seeded ones.
func TestSeedDatasets(t *testing.T) {
	p := testProject("shelf")
	seed := customlabelstest.Dataset{ProjectArn: p.ProjectArn, DatasetType: customlabels.DatasetTypeTrain,
		Manifest: joinLines(classLine(t, "a.jpg", "cat"), classLine(t, "b.jpg", "dog"))}
	f := newDatasetFixture(t, customlabelstest.WithDatasets(seed))
	ds := f.projectDatasets(t)
	require.Len(t, ds, 1)
	train := ds[0].DatasetArn
	assert.Regexp(t, shelfDatasetArn, train)
	d := f.describe(t, train)
	assert.Equal(t, customlabels.DatasetStatusCreateComplete, d.Status)
	assert.Equal(t, int32(2), d.DatasetStats.TotalEntries)

	arn, err := f.srv.AddDataset(customlabelstest.Dataset{ProjectArn: p.ProjectArn, DatasetType: customlabels.DatasetTypeTrain,
		Manifest: classLine(t, "z.jpg", "zebra")})
	require.NoError(t, err)
	assert.Equal(t, train, arn, "replaced, keeping its ARN")
	assert.Equal(t, []string{"z.jpg"}, refs(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train})))

	for name, d := range map[string]customlabelstest.Dataset{
		"no project": {ProjectArn: strings.Replace(p.ProjectArn, "shelf", "none", 1), DatasetType: customlabels.DatasetTypeTest},
		"bad type":   {ProjectArn: p.ProjectArn, DatasetType: "VALIDATION"},
		"bad manifest": {ProjectArn: p.ProjectArn, DatasetType: customlabels.DatasetTypeTest,
			Manifest: joinLines("x", "y", classLine(t, "a.jpg", "cat"))},
	} {
		_, err := f.srv.AddDataset(d)
		assert.Error(t, err, name)
	}
	_, err = f.srv.AddDataset(customlabelstest.Dataset{ProjectArn: p.ProjectArn, DatasetType: customlabels.DatasetTypeTest, Manifest: "\n"})
	assert.ErrorContains(t, err, "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT")
	assert.Len(t, f.projectDatasets(t), 1, "nothing added by a refusal")

	f.srv.Reset()
	assert.Equal(t, []string{"a.jpg", "b.jpg"}, refs(t, f.entries(t, &customlabels.ListDatasetEntriesInput{DatasetArn: train})), "Reset restores the seeded entries")

	assert.Equal(t, 1, f.srv.RemoveDatasets(train, train+"0"))
	assert.Empty(t, f.projectDatasets(t))
	_, err = f.c.DescribeDataset(context.Background(), &customlabels.DescribeDatasetInput{DatasetArn: train})
	assertCode(t, err, "ResourceNotFoundException")

	assert.Panics(t, func() {
		customlabelstest.NewServer(customlabelstest.WithDatasets(customlabelstest.Dataset{ProjectArn: "arn:nothing", DatasetType: "TRAIN"}))
	})
}

// The datasets and datasetfailures control resources.
func TestDatasetsControlResource(t *testing.T) {
	f := newDatasetFixture(t)
	body, err := json.Marshal(map[string]string{"ProjectArn": f.project.ProjectArn, "DatasetType": "TEST",
		"Manifest": joinLines(classLine(t, "a.jpg", "cat"))})
	require.NoError(t, err)
	out := ctlOK(t, f.srv, http.MethodPost, "datasets", string(body))
	test, _ := out["DatasetArn"].(string)
	assert.Regexp(t, shelfDatasetArn, test)

	list := ctlOK(t, f.srv, http.MethodGet, "datasets", "")
	ds, _ := list["Datasets"].([]any)
	require.Len(t, ds, 1)
	first := ds[0].(map[string]any)
	assert.Equal(t, test, first["DatasetArn"])
	assert.Equal(t, f.project.ProjectArn, first["ProjectArn"])
	assert.Equal(t, "TEST", first["DatasetType"])
	desc := first["DatasetDescription"].(map[string]any)
	assert.Equal(t, "CREATE_COMPLETE", desc["Status"])

	status, refusal := ctl(t, f.srv, http.MethodPost, "datasets", `{"ProjectArn":"`+f.project.ProjectArn+`","DatasetType":"DEV"}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "DatasetType", fieldOf(refusal))
	status, refusal = ctl(t, f.srv, http.MethodPost, "datasets", `{"DatasetType":"TEST"}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "ProjectArn", fieldOf(refusal))
	status, refusal = ctl(t, f.srv, http.MethodPost, "datasets", `{"ProjectArn":"`+f.project.ProjectArn+`","DatasetType":"TEST","Manifest":"\n"}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "Manifest", fieldOf(refusal))

	out = ctlOK(t, f.srv, http.MethodPost, "datasetfailures", `{"Message":"ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM"}`)
	assert.Equal(t, true, out["Applied"])
	train := f.createDone(t, customlabels.DatasetTypeTrain, "")
	assert.Equal(t, "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM", f.describe(t, train).StatusMessage)
	out = ctlOK(t, f.srv, http.MethodPost, "datasetfailures", `{"DatasetArn":"`+train+`0"}`)
	assert.Equal(t, false, out["Applied"])

	out = ctlOK(t, f.srv, http.MethodDelete, "datasets", `{"DatasetArns":["`+test+`","`+train+`"]}`)
	assert.Equal(t, float64(2), out["Removed"])
	assert.Equal(t, float64(0), out["Datasets"])
	status, refusal = ctl(t, f.srv, http.MethodDelete, "datasets", `{}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "DatasetArns", fieldOf(refusal))
}
