//go:build awscli

// These tests run the AWS CLI and boto3 against the command's S3, so they
// need both installed (pip install awscli boto3); without them they fail,
// saying so. They are built only with the awscli tag:
//
//	go test -tags awscli -run 'AWSCLI|Boto3' ./cmd/customlabels-fake/

package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels/customlabelstest"
)

// awsEnv is the environment of an AWS tool run against the fake: its
// credentials and region, and none of the machine's AWS configuration.
func awsEnv(t *testing.T, secret string) []string {
	dir := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env,
		"AWS_ACCESS_KEY_ID="+customlabelstest.DefaultAccessKeyID,
		"AWS_SECRET_ACCESS_KEY="+secret,
		"AWS_DEFAULT_REGION=us-east-1",
		"AWS_CONFIG_FILE="+filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
	)
}

// awsCLI runs the AWS CLI against the fake at url and returns its exit
// code, standard output and standard error.
func awsCLI(t *testing.T, url, secret string, args ...string) (int, string, string) {
	t.Helper()
	path, err := exec.LookPath("aws")
	if err != nil {
		t.Fatalf("this test runs the AWS CLI, which is not in PATH (pip install awscli): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, append([]string{"--endpoint-url", url}, args...)...)
	cmd.Env = awsEnv(t, secret)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	if err != nil {
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "aws %v", args)
		code = exit.ExitCode()
	}
	return code, stdout.String(), stderr.String()
}

func TestAWSCLI(t *testing.T) {
	p := start(t, "--quiet")
	secret := customlabelstest.DefaultSecretAccessKey
	ok := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := awsCLI(t, p.url, secret, args...)
		require.Equal(t, 0, code, "aws %s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), stdout, stderr)
		return stdout
	}
	dir := t.TempDir()
	manifest := filepath.Join(dir, "train.manifest")
	require.NoError(t, os.WriteFile(manifest, []byte(`{"source-ref":"s3://datasets/images/a b+c.jpg"}`+"\n"), 0o600))
	big := make([]byte, 9<<20+123) // over the CLI's 8 MiB multipart threshold
	_, _ = rand.Read(big)
	bigFile := filepath.Join(dir, "big.bin")
	require.NoError(t, os.WriteFile(bigFile, big, 0o600))
	img := filepath.Join(dir, "img.jpg")
	require.NoError(t, os.WriteFile(img, []byte{0xff, 0xd8, 0xff, 0xe0, 'c', 'l', 'i'}, 0o600))

	ok("s3", "mb", "s3://datasets")
	ok("s3", "cp", manifest, "s3://datasets/manifests/train.manifest")
	ok("s3", "cp", bigFile, "s3://datasets/images/big.bin")
	var put struct{ ETag string }
	require.NoError(t, json.Unmarshal([]byte(ok("s3api", "put-object", "--bucket", "datasets", "--key", "images/a b+c.jpg",
		"--body", img, "--content-type", "image/jpeg")), &put))
	assert.Equal(t, `"`, put.ETag[:1])

	listing := ok("s3", "ls", "s3://datasets/")
	assert.Contains(t, listing, "PRE images/")
	assert.Contains(t, listing, "PRE manifests/")
	listing = ok("s3", "ls", "--recursive", "s3://datasets/")
	for _, key := range []string{"images/a b+c.jpg", "images/big.bin", "manifests/train.manifest"} {
		assert.Contains(t, listing, key)
	}
	assert.Contains(t, listing, " 9437307 images/big.bin", "the multipart object's size")

	downloaded := filepath.Join(dir, "down.bin")
	ok("s3", "cp", "s3://datasets/images/big.bin", downloaded)
	got, err := os.ReadFile(downloaded)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(big, got), "the CLI's ranged download is the upload")
	assert.Equal(t, `{"source-ref":"s3://datasets/images/a b+c.jpg"}`+"\n", ok("s3", "cp", "s3://datasets/manifests/train.manifest", "-"))

	var head struct {
		ContentType   string
		ContentLength int
	}
	require.NoError(t, json.Unmarshal([]byte(ok("s3api", "head-object", "--bucket", "datasets", "--key", "images/a b+c.jpg")), &head))
	assert.Equal(t, "image/jpeg", head.ContentType)
	assert.Equal(t, 7, head.ContentLength)

	// The fake's Go API sees what the CLI uploaded.
	status, body := s3Call(t, p.url, http.MethodGet, "/datasets/images/a%20b%2Bc.jpg", nil)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "\xff\xd8\xff\xe0cli", body)

	code, _, stderr := awsCLI(t, p.url, secret, "s3", "cp", "s3://datasets/missing", "-")
	assert.NotEqual(t, 0, code)
	assert.Contains(t, stderr, "404")
	code, _, stderr = awsCLI(t, p.url, "wrong-secret", "s3", "ls", "s3://datasets/")
	assert.NotEqual(t, 0, code)
	assert.Contains(t, stderr, "SignatureDoesNotMatch")
	assert.NotContains(t, stderr, secret)

	removed := ok("s3", "rm", "--recursive", "s3://datasets/")
	assert.Equal(t, 3, strings.Count(removed, "delete: s3://datasets/"), removed)
	ok("s3", "rb", "s3://datasets")
	assert.NotContains(t, ok("s3", "ls"), "datasets")
	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
}

// boto3Script uploads with put_object and upload_file (multipart from
// 5 MiB), lists with the paginator, downloads, deletes in a batch, and
// prints what it saw as JSON.
const boto3Script = `
import json, os, sys, boto3, botocore
from boto3.s3.transfer import TransferConfig
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
out = {}
s3.create_bucket(Bucket="boto3-bucket")
s3.put_object(Bucket="boto3-bucket", Key="a/1.json", Body=b'{"n":1}', ContentType="application/json")
data = os.urandom(6 * 1024 * 1024 + 7)
open(sys.argv[2], "wb").write(data)
cfg = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024)
s3.upload_file(sys.argv[2], "boto3-bucket", "a/big.bin", Config=cfg)
keys = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket="boto3-bucket", PaginationConfig={"PageSize": 1}):
    keys += [o["Key"] for o in page.get("Contents", [])]
out["keys"] = keys
got = s3.get_object(Bucket="boto3-bucket", Key="a/1.json")
out["body"] = got["Body"].read().decode()
out["type"] = got["ContentType"]
s3.download_file("boto3-bucket", "a/big.bin", sys.argv[2] + ".down", Config=cfg)
out["same"] = open(sys.argv[2] + ".down", "rb").read() == data
out["etag"] = s3.head_object(Bucket="boto3-bucket", Key="a/big.bin")["ETag"]
try:
    s3.head_object(Bucket="boto3-bucket", Key="missing")
except botocore.exceptions.ClientError as e:
    out["missing"] = e.response["Error"]["Code"]
try:
    s3.get_object(Bucket="boto3-bucket", Key="missing")
except s3.exceptions.NoSuchKey as e:
    out["nosuchkey"] = e.response["Error"]["Code"]
deleted = s3.delete_objects(Bucket="boto3-bucket", Delete={"Objects": [{"Key": k} for k in keys]})
out["deleted"] = sorted(d["Key"] for d in deleted["Deleted"])
print(json.dumps(out))
`

func TestBoto3(t *testing.T) {
	p := start(t, "--quiet")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "python3", "-c", boto3Script, p.url, filepath.Join(t.TempDir(), "data.bin"))
	cmd.Env = awsEnv(t, customlabelstest.DefaultSecretAccessKey)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, lookErr := exec.LookPath("python3"); lookErr != nil {
			t.Fatalf("this test runs boto3 with python3, which is not in PATH: %v", lookErr)
		}
		t.Fatalf("the boto3 script failed (it needs boto3: pip install boto3): %v\n%s", err, stderr.String())
	}
	var out struct {
		Keys               []string
		Body, Type, Etag   string
		Same               bool
		Missing, Nosuchkey string
		Deleted            []string
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), "%s", stdout.String())
	assert.Equal(t, []string{"a/1.json", "a/big.bin"}, out.Keys)
	assert.Equal(t, `{"n":1}`, out.Body)
	assert.Equal(t, "application/json", out.Type)
	assert.True(t, out.Same, "download_file gets what upload_file sent")
	assert.True(t, strings.HasSuffix(out.Etag, `-2"`), "a multipart ETag: %s", out.Etag)
	assert.Equal(t, "404", out.Missing)
	assert.Equal(t, "NoSuchKey", out.Nosuchkey)
	assert.Equal(t, []string{"a/1.json", "a/big.bin"}, out.Deleted)
	assert.Equal(t, 0, p.stop(t, syscall.SIGTERM))
}

// The README's walk-through with the AWS CLI runs as written, against
// the command started as the README says, and prints what it says.
func TestREADMEWalkthrough(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), "<!-- walkthrough: bash -->\n```bash\n")
	require.True(t, ok, "the README's walk-through block")
	script, _, ok := strings.Cut(rest, "\n```\n")
	require.True(t, ok)
	if _, err := exec.LookPath("aws"); err != nil {
		t.Fatalf("this test runs the AWS CLI, which is not in PATH (pip install awscli): %v", err)
	}

	p := start(t, "--quiet", "--projects", "0", "--project-time", "0", "--dataset-time", "0", "--training-time", "0",
		"--starting-time", "0", "--stopping-time", "0", "--deleting-time", "0")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = t.TempDir()
	cmd.Env = append(awsEnv(t, customlabelstest.DefaultSecretAccessKey), "FAKE_URL="+p.url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())

	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 9, "stdout:\n%s", stdout.String())
	assert.Equal(t, "make_bucket: shelf-data", lines[0])
	assert.Regexp(t, `^arn:aws:rekognition:us-east-1:\d{12}:project/shelf/dataset/train/\d+$`, lines[1])
	assert.Regexp(t, `^arn:aws:rekognition:us-east-1:\d{12}:project/shelf/dataset/test/\d+$`, lines[2])
	assert.Regexp(t, `^TRAINING_COMPLETED\tresults/EvaluationResultSummary-shelf-v1\.json$`, lines[3])
	assert.Equal(t, []string{"STARTING", "cereal", "STOPPING", "DELETING", "DELETING"}, lines[4:], "stdout:\n%s", stdout.String())
}
