package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of JPEG images
	_ "image/png"  // and of PNG images
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/rekognition-go/customlabels/manifest"
)

// manifestBuildSettings are the flags of customlabels manifest build.
type manifestBuildSettings struct {
	common       commonFlags
	dir          string
	bucket       s3Location
	upload       bool
	createBucket bool
	out          string // -o: the manifest's file, "" for none given
}

// The S3 uploads of manifest build.
const (
	// manifestObjectName is the name of the manifest uploaded under the
	// prefix.
	manifestObjectName = "dataset.manifest"
	// uploadConcurrency is the number of images uploaded at once.
	uploadConcurrency = 4
	// maxTrainingImageBytes is the largest image the service trains
	// with (the developer guide's limits: 15 MB).
	maxTrainingImageBytes = 15 << 20
	// maxBuildProblems is the number of bad images listed in an error.
	maxBuildProblems = 20
)

var manifestOptions = commonOptions{}

const manifestBuildAbout = `
Makes an image classification manifest (SageMaker Ground Truth format, one
JSON line per image) of DIR, which holds one sub-folder per label, named
after the label, with the label's JPEG and PNG images directly inside:
the console's "folder names as labels". Each line's source-ref is
s3://BUCKET/PREFIX/LABEL/FILE, where --upload puts the image.

Every image is checked first, and nothing is written or uploaded when one
fails (exit status 2): a file that is not a JPEG or PNG image by its first
bytes, larger than 15 MB, or with a side outside 64 to 4096 pixels; a
folder inside a label folder; a file outside the label folders. Files and
folders whose names start with a dot are skipped, and counted on stderr.
The manifest is then checked as the service would (see manifest check):
problems that would fail the dataset stop the command; others, such as a
single label, which training refuses, are printed as warnings.

The manifest goes to -o FILE, else with --upload only to S3, else to
standard output. --upload puts the images, then the manifest, at
s3://BUCKET/PREFIX/` + manifestObjectName + ` (IAM action s3:PutObject; with
--create-bucket also s3:CreateBucket), in the Region of --region or the
configuration, which must be the Region of the project that trains with
it. S3 is called at --endpoint-url when it is given, path-style, as a fake
or MinIO serves it.`

func parseManifestBuild(args []string, e *env) (*manifestBuildSettings, error) {
	s := &manifestBuildSettings{}
	fs := flag.NewFlagSet("manifest build", flag.ContinueOnError)
	s.common.register(fs, manifestOptions)
	bucket := fs.String("bucket", "", "the `s3://BUCKET/PREFIX` under which the images are (or are uploaded) (required)")
	fs.BoolVar(&s.upload, "upload", false, "upload the images and the manifest to --bucket")
	fs.BoolVar(&s.createBucket, "create-bucket", false, "with --upload, create the bucket first when it does not exist")
	fs.StringVar(&s.out, "o", "", "write the manifest to `FILE` (default: standard output, or only S3 with --upload)")
	positional, err := s.common.parse(fs, manifestOptions, args, e, "DIR --bucket s3://BUCKET/PREFIX [--upload] [-o FILE] [flags]", manifestBuildAbout)
	if err != nil {
		return nil, err
	}
	if s.dir, err = oneArgument(fs, positional, "DIR", "the folder with one sub-folder of images per label"); err != nil {
		return nil, err
	}
	if !s.common.set["bucket"] {
		return nil, usagef("missing --bucket: the s3://BUCKET/PREFIX of the images")
	}
	if s.bucket, err = parseS3Prefix("--bucket", *bucket); err != nil {
		return nil, err
	}
	if s.createBucket && !s.upload {
		return nil, usagef("--create-bucket needs --upload")
	}
	if s.common.set["o"] && s.out == "" {
		return nil, usagef("invalid -o \"\": must name a file")
	}
	if s.common.output == "json" && s.out == "" && !s.upload {
		return nil, usagef("--output json needs -o FILE or --upload: without them the manifest is the standard output")
	}
	return s, nil
}

// labelImage is one image of the folder, and its label.
type labelImage struct {
	label string
	path  string
	name  string // the file's name
	size  int64
	kind  string // "jpeg" or "png"
}

// folderImages is what labelFolders found in DIR.
type folderImages struct {
	// images are the images of each label, sorted by label then file name.
	images []labelImage
	// bad lists what refuses the folder.
	bad []string
	// empty lists the label folders without images, which the manifest
	// does not have.
	empty []string
	// skipped counts the hidden files and folders.
	skipped int
}

// labelFolders reads DIR, a folder of label folders.
func labelFolders(dir string) (*folderImages, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, usagef("DIR: %v", err)
	}
	if !fi.IsDir() {
		return nil, usagef("DIR %s is not a folder", dir)
	}
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, usagef("DIR: %v", err)
	}
	f := &folderImages{}
	for _, top := range entries {
		path := filepath.Join(dir, top.Name())
		if strings.HasPrefix(top.Name(), ".") {
			f.skipped++
			continue
		}
		st, err := os.Stat(path) // follows symbolic links
		if err != nil {
			f.bad = append(f.bad, err.Error())
			continue
		}
		if !st.IsDir() {
			f.bad = append(f.bad, fmt.Sprintf("%s: a file outside the label folders; put each image in the folder named after its label", path))
			continue
		}
		files, err := os.ReadDir(path)
		if err != nil {
			f.bad = append(f.bad, err.Error())
			continue
		}
		n := 0
		for _, file := range files {
			if strings.HasPrefix(file.Name(), ".") {
				f.skipped++
				continue
			}
			img, problem := checkTrainingImage(filepath.Join(path, file.Name()))
			if problem != "" {
				f.bad = append(f.bad, problem)
				continue
			}
			img.label, img.name = top.Name(), file.Name()
			f.images = append(f.images, img)
			n++
		}
		if n == 0 {
			f.empty = append(f.empty, path)
		}
	}
	if len(f.images) == 0 && len(f.bad) == 0 {
		f.bad = append(f.bad, fmt.Sprintf("%s has no label folder with images", dir))
	}
	return f, nil
}

// checkTrainingImage checks what the service would refuse in an image it
// trains with, from its size and header: the format (JPEG or PNG), at
// most 15 MB, sides of 64 to 4096 pixels.
func checkTrainingImage(path string) (labelImage, string) {
	f, err := os.Open(path)
	if err != nil {
		return labelImage{}, err.Error()
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return labelImage{}, err.Error()
	}
	if st.IsDir() {
		return labelImage{}, fmt.Sprintf("%s: a folder inside a label folder; put the images directly in the folder of their label", path)
	}
	if st.Size() > maxTrainingImageBytes {
		return labelImage{}, fmt.Sprintf("%s: larger than 15 MB (%d bytes), the most the service trains with", path, st.Size())
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	var kind string
	switch {
	case isJPEG(head):
		kind = "jpeg"
	case isPNG(head):
		kind = "png"
	default:
		return labelImage{}, fmt.Sprintf("%s: not a JPEG or PNG image (it starts with %q)", path, head)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return labelImage{}, err.Error()
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return labelImage{}, fmt.Sprintf("%s: not a readable %s image: %v", path, strings.ToUpper(kind), err)
	}
	if cfg.Width < manifest.MinImageDimension || cfg.Height < manifest.MinImageDimension ||
		cfg.Width > manifest.MaxImageDimension || cfg.Height > manifest.MaxImageDimension {
		return labelImage{}, fmt.Sprintf("%s: %d by %d pixels; each side must be %d to %d", path, cfg.Width, cfg.Height,
			manifest.MinImageDimension, manifest.MaxImageDimension)
	}
	return labelImage{path: path, size: st.Size(), kind: kind}, ""
}

// builtManifest is what manifest build made.
type builtManifest struct {
	data   []byte
	lines  int
	labels []labelCountJSON
	report *manifest.Report
}

// buildManifest makes the manifest of images, whose source-refs are under
// at.
func buildManifest(images []labelImage, at s3Location, e *env) (*builtManifest, error) {
	var buf bytes.Buffer
	w := manifest.NewWriter(&buf)
	labeling := manifest.Labeling{CreationDate: e.clock()}
	var bad []string
	m := &builtManifest{}
	for _, img := range images {
		line, err := manifest.NewClassification("s3://"+at.bucket+"/"+at.join(img.label+"/"+img.name), []string{img.label}, labeling)
		if err == nil {
			err = w.Write(line)
		}
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", img.path, err))
			continue
		}
		if n := len(m.labels); n == 0 || m.labels[n-1].Label != img.label {
			m.labels = append(m.labels, labelCountJSON{Label: img.label})
		}
		m.labels[len(m.labels)-1].Images++
	}
	if len(bad) > 0 {
		return nil, badImages(bad)
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	m.data, m.lines = buf.Bytes(), w.Lines()
	rep, err := manifest.Validate(bytes.NewReader(m.data), manifest.Options{})
	if err != nil {
		return nil, err
	}
	m.report = rep
	return m, nil
}

// badImages is the usage error of the images that refuse a folder.
func badImages(bad []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s cannot be used; nothing was written or uploaded:", plural(len(bad), "file"))
	for i, p := range bad {
		if i == maxBuildProblems {
			fmt.Fprintf(&b, "\n  ... and %d more", len(bad)-i)
			break
		}
		b.WriteString("\n  " + p)
	}
	return usagef("%s", b.String())
}

// runManifestBuild is customlabels manifest build.
func runManifestBuild(ctx context.Context, e *env, args []string) error {
	s, err := parseManifestBuild(args, e)
	if err != nil {
		return err
	}
	folder, err := labelFolders(s.dir)
	if err != nil {
		return err
	}
	if len(folder.bad) > 0 {
		return badImages(folder.bad)
	}
	images := folder.images
	m, err := buildManifest(images, s.bucket, e)
	if err != nil {
		return err
	}
	if folder.skipped > 0 {
		fmt.Fprintf(e.stderr, "skipped %s whose names start with a dot\n", plural(folder.skipped, "hidden file or folder"))
	}
	for _, path := range folder.empty {
		fmt.Fprintf(e.stderr, "warning: %s has no images: its label is not in the manifest\n", path)
	}
	if m.report.FailsDataset() {
		return &reportedError{msg: "the manifest would fail CreateDataset; nothing was written or uploaded:\n" + problemLines(m.report.Problems)}
	}
	for _, p := range m.report.Problems {
		fmt.Fprintf(e.stderr, "warning: %s\n", p)
	}

	res := manifestBuildJSON{Images: len(images), Labels: m.labels, Problems: problemsJSON(m.report.Problems)}
	if s.upload {
		cs, err := s.common.connect(ctx, e, manifestOptions)
		if err != nil {
			return err
		}
		defer cs.close()
		region, _ := cs.one()
		n, err := uploadDataset(ctx, e, cs.s3(), region, s, images, m.data)
		res.Uploaded = n
		if err != nil {
			return err
		}
		res.ManifestS3 = s3Location{s.bucket.bucket, s.bucket.join(manifestObjectName)}.String()
	}
	if s.out != "" {
		if err := os.WriteFile(s.out, m.data, 0o644); err != nil {
			return err
		}
		res.Manifest = s.out
	}
	if s.out == "" && !s.upload {
		if _, err := e.stdout.Write(m.data); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s, %s\n", plural(m.lines, "image"), labelCounts(m.labels))
		return nil
	}
	return writeOutput(e.stdout, s.common.output, res, writeManifestBuildTable)
}

// uploadDataset uploads the images, then the manifest, and returns the
// number of objects uploaded.
func uploadDataset(ctx context.Context, e *env, client *s3.Client, region string, s *manifestBuildSettings, images []labelImage, data []byte) (int, error) {
	if s.createBucket {
		if err := createBucket(ctx, client, region, s.bucket.bucket); err != nil {
			return 0, err
		}
	}
	prog := newProgress(e)
	defer prog.done()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		done     int
		firstErr error
		wg       sync.WaitGroup
	)
	next := make(chan labelImage)
	for range uploadConcurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for img := range next {
				err := putFile(ctx, client, s.bucket.bucket, s.bucket.join(img.label+"/"+img.name), img)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				if err == nil {
					done++
				}
				prog.show("uploading to %s: %d of %s", s.bucket, done, plural(len(images), "image"))
				mu.Unlock()
			}
		}()
	}
feed:
	for _, img := range images {
		select {
		case next <- img:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return done, uploadError(firstErr, s.bucket.bucket, done)
	}
	key := s.bucket.join(manifestObjectName)
	if err := putObject(ctx, client, s.bucket.bucket, key, bytes.NewReader(data), int64(len(data)), "application/x-ndjson",
		"upload "+s3Location{s.bucket.bucket, key}.String()); err != nil {
		return done, uploadError(err, s.bucket.bucket, done)
	}
	return done + 1, nil
}

// uploadError adds to err what was uploaded before it, and how to make a
// missing bucket.
func uploadError(err error, bucket string, done int) error {
	note := fmt.Sprintf("%s uploaded before the error; the manifest was not uploaded", plural(done, "image"))
	var code interface{ ErrorCode() string }
	if errors.As(err, &code) && code.ErrorCode() == "NoSuchBucket" {
		note = fmt.Sprintf("the bucket %s does not exist: create it, or pass --create-bucket", bucket)
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return &notedError{err: err, note: note}
}

// putFile uploads one image.
func putFile(ctx context.Context, client *s3.Client, bucket, key string, img labelImage) error {
	f, err := os.Open(img.path)
	if err != nil {
		return err
	}
	defer f.Close()
	return putObject(ctx, client, bucket, key, f, img.size, "image/"+img.kind, "upload "+img.path+" to "+s3Location{bucket, key}.String())
}

// putObject uploads body, of size bytes, to bucket/key; it fails when S3
// makes no progress for s3IdleTimeout. what says what it does, for its
// error.
func putObject(ctx context.Context, client *s3.Client, bucket, key string, body io.ReadSeeker, size int64, contentType, what string) error {
	ctx, w := watchIdle(ctx)
	defer w.stop()
	_, err := client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key),
		Body:          &watchedSeeker{watchedReader: watchedReader{r: body, w: w}, s: body},
		ContentLength: aws.Int64(size), ContentType: aws.String(contentType),
	})
	if err != nil {
		return doing(w.check(err), "%s", what)
	}
	return nil
}

// watchedSeeker is a watched body the SDK can rewind, to compute its
// checksum and to retry.
type watchedSeeker struct {
	watchedReader
	s io.Seeker
}

func (r *watchedSeeker) Seek(offset int64, whence int) (int64, error) {
	return r.s.Seek(offset, whence)
}

// createBucket creates bucket in region, unless this account has it.
func createBucket(ctx context.Context, client *s3.Client, region, bucket string) error {
	in := &s3.CreateBucketInput{Bucket: aws.String(bucket)}
	if region != "us-east-1" { // S3 refuses us-east-1 as a location constraint
		in.CreateBucketConfiguration = &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(region)}
	}
	ctx, w := watchIdle(ctx)
	defer w.stop()
	_, err := client.CreateBucket(ctx, in)
	var owned *s3types.BucketAlreadyOwnedByYou
	if err != nil && !errors.As(err, &owned) {
		return doing(w.check(err), "create bucket %s", bucket)
	}
	return nil
}

// labelCounts lists labels and their images: "2 labels (defect 12, ok 14)".
func labelCounts(labels []labelCountJSON) string {
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = fmt.Sprintf("%s %d", l.Label, l.Images)
	}
	return fmt.Sprintf("%s (%s)", plural(len(labels), "label"), strings.Join(parts, ", "))
}

// problemLines lists problems one per line, indented.
func problemLines(ps []manifest.Problem) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = "  " + p.String()
	}
	return strings.Join(lines, "\n")
}

// The JSON output of customlabels manifest build; doc.go documents it.
type manifestBuildJSON struct {
	Manifest   string           `json:"Manifest,omitempty"`
	ManifestS3 string           `json:"ManifestS3,omitempty"`
	Images     int              `json:"Images"`
	Labels     []labelCountJSON `json:"Labels"`
	Uploaded   int              `json:"Uploaded"`
	Problems   []problemJSON    `json:"Problems"`
}

type labelCountJSON struct {
	Label  string `json:"Label"`
	Images int    `json:"Images"`
}

func writeManifestBuildTable(w io.Writer, res manifestBuildJSON) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "LABEL\tIMAGES")
	for _, l := range res.Labels {
		fmt.Fprintf(tw, "%s\t%d\n", cell(l.Label), l.Images)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s, %s\n", plural(res.Images, "image"), plural(len(res.Labels), "label"))
	if res.Manifest != "" {
		fmt.Fprintf(w, "manifest written to %s\n", res.Manifest)
	}
	if res.ManifestS3 != "" {
		fmt.Fprintf(w, "uploaded %s and the manifest %s\n", plural(res.Uploaded-1, "image"), res.ManifestS3)
	}
	return nil
}
