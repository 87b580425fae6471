package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// detectSettings are the flags of customlabels detect.
type detectSettings struct {
	common        commonFlags
	model         string // the --model flag
	ref           modelRef
	minConfidence float64
	maxResults    int
	images        []string
}

const detectAbout = `
Runs a running model (--model MODEL) on each IMAGE and
prints the labels it finds, with their confidence and, for object
detection models, their bounding boxes (IAM action
rekognition:DetectCustomLabels; an s3:// image also needs s3:GetObject).
IMAGE is a JPEG or PNG file, - for standard input, or s3://BUCKET/KEY for
an object in the model's Region. An image that fails (too large, not a
JPEG or PNG image, not readable, a malformed s3:// argument) is reported
with its error; the others are still analysed, and the command exits 1.
Files are checked before they are sent: one that is not a JPEG or PNG
image by its first bytes is refused without a request.` + modelAbout

func parseDetect(args []string, e *env) (*detectSettings, error) {
	s := &detectSettings{}
	fs := flag.NewFlagSet("detect", flag.ContinueOnError)
	s.common.register(fs, lifecycleOptions)
	fs.StringVar(&s.model, "model", "", "the running `MODEL`: its ARN, or PROJECT/VERSION (required)")
	fs.Float64Var(&s.minConfidence, "min-confidence", 0, "only labels of at least this confidence, 0 to 100 (default: each label's threshold from training)")
	fs.IntVar(&s.maxResults, "max-results", 0, "at most this many labels per image, highest confidence first (default: no limit)")
	positional, err := s.common.parse(fs, lifecycleOptions, args, e, "--model MODEL IMAGE... [flags]", detectAbout)
	if err != nil {
		return nil, err
	}
	if !s.common.set["model"] {
		return nil, usagef("missing --model: the running model, %s", modelHelp)
	}
	ref, region, err := parseModelRef("--model", s.model)
	if err != nil {
		return nil, err
	}
	s.ref = ref
	if region != "" {
		if len(s.common.regions) == 1 && s.common.regions[0] != region {
			return nil, usagef("--region %s, but the model is in %s", s.common.regions[0], region)
		}
		s.common.regions, s.common.regionFrom = []string{region}, "--model"
	}
	if len(positional) == 0 {
		return nil, usagef("missing IMAGE: a file, - for standard input, or s3://BUCKET/KEY")
	}
	stdin := 0
	for _, img := range positional {
		if img == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, usagef("- (standard input) can be given once")
	}
	s.images = positional
	if s.common.set["min-confidence"] && (s.minConfidence < 0 || s.minConfidence > 100) {
		return nil, usagef("invalid --min-confidence %v: must be 0 to 100", s.minConfidence)
	}
	if s.common.set["max-results"] && (s.maxResults < 1 || s.maxResults > math.MaxInt32) {
		return nil, usagef("invalid --max-results %d: must be 1 to %d", s.maxResults, math.MaxInt32)
	}
	return s, nil
}

// parseS3 reads s3://BUCKET/KEY.
func parseS3(s string) (customlabels.S3Object, error) {
	bucket, key, ok := strings.Cut(strings.TrimPrefix(s, "s3://"), "/")
	if !ok || bucket == "" || key == "" {
		return customlabels.S3Object{}, fmt.Errorf("invalid IMAGE %q: must be s3://BUCKET/KEY", s)
	}
	return customlabels.S3Object{Bucket: bucket, Name: key}, nil
}

// localError is an image refused before anything was sent: a file that
// cannot be read, is not a JPEG or PNG image or is a directory, a
// malformed s3:// argument.
type localError struct{ err error }

func (e *localError) Error() string { return e.err.Error() }
func (e *localError) Unwrap() error { return e.err }

// detection is what the model found in one image, or why it could not.
type detection struct {
	image  string
	labels []customlabels.CustomLabel
	err    error
}

// runDetect is customlabels detect.
func runDetect(ctx context.Context, e *env, args []string) error {
	s, err := parseDetect(args, e)
	if err != nil {
		return err
	}
	cs, err := s.common.connect(ctx, e, lifecycleOptions)
	if err != nil {
		return err
	}
	defer cs.close()
	region, client := cs.one()
	if err := s.ref.resolve(ctx, client, "--model", region); err != nil {
		return err
	}

	prog := newProgress(e)
	var results []detection
	failed := 0
	for i, img := range s.images {
		prog.show("detecting: image %d of %d", i+1, len(s.images))
		labels, err := detect(ctx, client, s, img, e.stdin)
		if ctx.Err() != nil {
			prog.done()
			return ctx.Err()
		}
		if err != nil {
			var pe *customlabels.InvalidParamError
			if errors.As(err, &pe) && !strings.HasPrefix(pe.Field, "Image") {
				prog.done()
				return err // a flag the service would refuse: the same for every image
			}
			failed++
		}
		results = append(results, detection{image: img, labels: labels, err: err})
	}
	prog.done()
	if s.common.output == "json" {
		err = writeDetectJSON(e.stdout, results)
	} else {
		err = writeDetectTable(e.stdout, results)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return &reportedError{msg: fmt.Sprintf("%d of %s could not be analysed", failed, plural(len(results), "image"))}
	}
	return nil
}

// detect runs the model on one image.
func detect(ctx context.Context, client customlabels.DetectCustomLabelsAPIClient, s *detectSettings, img string, stdin io.Reader) ([]customlabels.CustomLabel, error) {
	in := &customlabels.DetectCustomLabelsInput{ProjectVersionArn: s.ref.arn, MaxResults: int32(s.maxResults)}
	if s.common.set["min-confidence"] {
		c := float32(s.minConfidence)
		in.MinConfidence = &c
	}
	if strings.HasPrefix(img, "s3://") {
		o, err := parseS3(img)
		if err != nil {
			return nil, &localError{err}
		}
		in.Image.S3Object = o
	} else {
		b, err := readImage(img, stdin)
		if err != nil {
			return nil, &localError{err}
		}
		in.Image.Bytes = b
	}
	out, err := client.DetectCustomLabels(ctx, in)
	if err != nil {
		return nil, err
	}
	return out.CustomLabels, nil
}

// readImage reads a file, or stdin for "-", refusing more than the
// service takes without reading it all, and anything but a JPEG or PNG
// image (the formats DetectCustomLabels takes) without sending it.
func readImage(name string, stdin io.Reader) ([]byte, error) {
	r, what := stdin, "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err // "open NAME: no such file or directory"
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("%s is a directory, not a JPEG or PNG file", name)
		}
		r, what = f, name
	}
	b, err := io.ReadAll(io.LimitReader(r, customlabels.MaxImageBytes+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, err // "read NAME: ..." already
		}
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if len(b) > customlabels.MaxImageBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes, the most DetectCustomLabels takes as bytes: upload it to S3 and pass s3://BUCKET/KEY", what, customlabels.MaxImageBytes)
	}
	if len(b) == 0 {
		return nil, fmt.Errorf("%s is empty", what)
	}
	if !isJPEG(b) && !isPNG(b) {
		return nil, fmt.Errorf("%s is not a JPEG or PNG image, the formats DetectCustomLabels takes: it starts with %q", what, b[:min(len(b), 8)])
	}
	return b, nil
}

// isJPEG reports whether b starts as a JPEG file does: a start-of-image
// marker (FF D8) followed by another marker (FF).
func isJPEG(b []byte) bool { return bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}) }

// isPNG reports whether b starts with the PNG signature.
func isPNG(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }

// The JSON output of customlabels detect; doc.go documents it. Labels are
// as aws rekognition detect-custom-labels prints them.
type detectJSON struct {
	Images []detectImageJSON `json:"Images"`
}

type detectImageJSON struct {
	Image        string            `json:"Image"`
	CustomLabels []customLabelJSON `json:"CustomLabels"`
	Error        *jsonError        `json:"Error,omitempty"`
}

type customLabelJSON struct {
	Name       string        `json:"Name"`
	Confidence float32       `json:"Confidence"`
	Geometry   *geometryJSON `json:"Geometry,omitempty"`
}

type geometryJSON struct {
	BoundingBox boundingBoxJSON `json:"BoundingBox"`
	Polygon     []pointJSON     `json:"Polygon,omitempty"`
}

type boundingBoxJSON struct {
	Width  float32 `json:"Width"`
	Height float32 `json:"Height"`
	Left   float32 `json:"Left"`
	Top    float32 `json:"Top"`
}

type pointJSON struct {
	X float32 `json:"X"`
	Y float32 `json:"Y"`
}

func hasGeometry(g customlabels.Geometry) bool {
	return g.BoundingBox != (customlabels.BoundingBox{}) || len(g.Polygon) > 0
}

func writeDetectJSON(w io.Writer, results []detection) error {
	out := detectJSON{Images: make([]detectImageJSON, len(results))}
	for i, r := range results {
		img := detectImageJSON{Image: r.image, CustomLabels: []customLabelJSON{}}
		if r.err != nil {
			info := errorInfo(r.err)
			img.Error = &info
		}
		for _, l := range r.labels {
			jl := customLabelJSON{Name: l.Name, Confidence: l.Confidence}
			if hasGeometry(l.Geometry) {
				b := l.Geometry.BoundingBox
				jl.Geometry = &geometryJSON{BoundingBox: boundingBoxJSON{b.Width, b.Height, b.Left, b.Top}}
				for _, p := range l.Geometry.Polygon {
					jl.Geometry.Polygon = append(jl.Geometry.Polygon, pointJSON(p))
				}
			}
			img.CustomLabels = append(img.CustomLabels, jl)
		}
		out.Images[i] = img
	}
	return writeJSON(w, out)
}

// writeDetectTable writes one row per label: the image, the label, its
// confidence and its box as left,top,width,height ratios of the image; an
// image without labels has a row "(none)", one that failed a row
// "(failed)" with its error last.
func writeDetectTable(w io.Writer, results []detection) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "IMAGE\tLABEL\tCONFIDENCE\tBOX (LEFT,TOP,WIDTH,HEIGHT)")
	for _, r := range results {
		switch {
		case r.err != nil:
			fmt.Fprintf(tw, "%s\t(failed)\t-\terror: %s\n", cell(r.image), cell(describeError(r.err)))
		case len(r.labels) == 0:
			fmt.Fprintf(tw, "%s\t(none)\t-\t-\n", cell(r.image))
		}
		for _, l := range r.labels {
			box := "-"
			if b := l.Geometry.BoundingBox; b != (customlabels.BoundingBox{}) {
				box = fmt.Sprintf("%.3f,%.3f,%.3f,%.3f", b.Left, b.Top, b.Width, b.Height)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(r.image), cell(l.Name), strconv.FormatFloat(float64(l.Confidence), 'f', 1, 32), box)
		}
	}
	return tw.Flush()
}
