package manifest

import (
	"bytes"
	"io"
	"runtime"
	"strconv"
	"sync"
	"testing"
)

// genLine appends line i of a generated manifest: classifications with one
// or two labels and detections with one to five boxes, over 20 labels, in
// one bucket, each image once. Every 100th line has a bad bounding box
// (a non-terminal error), so that problems are reported and capped too.
func genLine(b []byte, i int) []byte {
	label := func(k int) string { return genLabels[k%len(genLabels)] }
	if i%2 == 0 {
		b = append(b, `{"source-ref":"s3://generated-bucket/images/img-`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `.jpg","cls0":0,"cls0-metadata":{"confidence":0.98,"job-name":"labeling-job/generated","class-name":"`...)
		b = append(b, label(i)...)
		b = append(b, `","human-annotated":"yes","creation-date":"2024-02-03T04:05:06.123456","type":"groundtruth/image-classification"}`...)
		if i%4 == 0 {
			b = append(b, `,"cls1":1,"cls1-metadata":{"confidence":1,"job-name":"labeling-job/generated","class-name":"`...)
			b = append(b, label(i+7)...)
			b = append(b, `","human-annotated":"no","creation-date":"2024-02-03T04:05:06.123456","type":"groundtruth/image-classification"}`...)
		}
		return append(b, "}\n"...)
	}
	n := 1 + i%5
	b = append(b, `{"source-ref":"s3://generated-bucket/images/img-`...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, `.jpg","bounding-box":{"image_size":[{"width":1920,"height":1080,"depth":3}],"annotations":[`...)
	for k := range n {
		if k > 0 {
			b = append(b, ',')
		}
		left := 10 + 300*k
		if i%100 == 1 && k == 0 {
			left = -5
		}
		b = append(b, `{"class_id":`...)
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, `,"top":120,"left":`...)
		b = strconv.AppendInt(b, int64(left), 10)
		b = append(b, `,"width":250,"height":310}`...)
	}
	b = append(b, `]},"bounding-box-metadata":{"objects":[`...)
	for k := range n {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"confidence":0.97}`...)
	}
	b = append(b, `],"class-map":{`...)
	for k := range n {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, `":"`...)
		b = append(b, label(i+k)...)
		b = append(b, '"')
	}
	return append(b, `},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-02-03T04:05:06.123456","job-name":"labeling-job/generated"}}`+"\n"...)
}

var genLabels = func() (s []string) {
	for k := range 20 {
		s = append(s, "label-"+strconv.Itoa(k))
	}
	return s
}()

// genReader produces a generated manifest of n lines as it is read,
// holding one line at a time, and calls at after each multiple of every
// lines it has produced.
type genReader struct {
	n, i  int
	every int
	at    func(lines int)
	buf   []byte
	off   int
}

func (g *genReader) Read(p []byte) (int, error) {
	for g.off == len(g.buf) {
		if g.i == g.n {
			return 0, io.EOF
		}
		if g.at != nil && g.i > 0 && g.i%g.every == 0 {
			g.at(g.i)
		}
		g.buf, g.off = genLine(g.buf[:0], g.i), 0
		g.i++
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

var (
	benchOnce     sync.Once
	benchManifest []byte
)

// generated returns a manifest of DefaultMaxLines generated lines, made
// once.
func generated() []byte {
	benchOnce.Do(func() {
		var b []byte
		for i := range DefaultMaxLines {
			b = genLine(b, i)
		}
		benchManifest = b
	})
	return benchManifest
}

// BenchmarkValidate validates a generated manifest of 250,000 lines (126
// MB); MB/s is the validator's throughput in wall time, and cpu-MB/s in
// the CPU time of the process (the garbage collector's included), which
// other processes on a shared machine move less.
func BenchmarkValidate(b *testing.B) {
	data := generated()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	start, measured := processCPU()
	defer func() {
		if end, ok := processCPU(); measured && ok && end > start {
			b.ReportMetric(float64(len(data))*float64(b.N)/(end-start).Seconds()/1e6, "cpu-MB/s")
		}
	}()
	for b.Loop() {
		rep, err := Validate(bytes.NewReader(data), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Lines != DefaultMaxLines || rep.FailsTraining() {
			b.Fatalf("report: %d lines, problems %v", rep.Lines, rep.Counts)
		}
	}
}

// BenchmarkReader reads the same manifest into Lines.
func BenchmarkReader(b *testing.B) {
	data := generated()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		n := 0
		for _, err := range r.All() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != DefaultMaxLines {
			b.Fatalf("read %d lines", n)
		}
	}
}

// BenchmarkWriter writes the lines of the same manifest.
func BenchmarkWriter(b *testing.B) {
	data := generated()
	var lines []Line
	r := NewReader(bytes.NewReader(data))
	for l, err := range r.All() {
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, l)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := NewWriter(io.Discard)
		for _, l := range lines {
			if err := w.Write(l); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestValidateAllocatesNothingPerGoodLine checks the validator's steady
// state: a valid line, of either kind, costs no allocation.
func TestValidateAllocatesNothingPerGoodLine(t *testing.T) {
	v := newValidator(Options{})
	n := 0
	var line []byte
	next := func() {
		n++
		line = genLine(line[:0], n*100) // n*100 is never a line with a bad box
		v.line(n, bytes.TrimSuffix(line, []byte("\n")), false)
	}
	for range 200 {
		next() // let the buffers, the label map and the refSet table grow
	}
	if allocs := testing.AllocsPerRun(200, next); allocs != 0 {
		t.Errorf("validating a line allocates %v times", allocs)
	}
	if v.rep.ValidLines != n {
		t.Fatalf("%d of %d lines valid: %v", v.rep.ValidLines, n, v.rep.Problems)
	}
}

// TestValidateMemoryIsConstant validates a generated manifest of 250,000
// lines (50,000 with -race or -short), produced as it is read, and
// measures the live heap ten times: apart from the table of source-ref
// hashes, whose size is bounded by MaxLines, it must not grow with the
// number of lines.
func TestValidateMemoryIsConstant(t *testing.T) {
	lines, every := 250_000, 25_000
	if testing.Short() || raceEnabled {
		lines, every = 50_000, 5_000
	}
	// One problem every 100 lines: the report keeps the first 100 of them.
	v := newValidator(Options{MaxProblems: 100})
	var samples []uint64
	g := &genReader{n: lines, every: every, at: func(int) {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		table := uint64(len(v.rep.refs.hashes)*8 + len(v.rep.refs.lines)*4)
		samples = append(samples, ms.HeapAlloc-table)
	}}
	s := newScanner(g)
	for {
		data, long, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		v.line(s.n, data, long)
	}
	v.finish(s.bytes)
	if v.rep.Lines != lines || v.rep.ProblemsOmitted == 0 {
		t.Fatalf("validated %d lines, %d problems omitted", v.rep.Lines, v.rep.ProblemsOmitted)
	}
	if table := len(v.rep.refs.hashes) * 12; table > 6<<20 {
		t.Errorf("the source-ref table takes %d bytes for %d lines", table, lines)
	}
	// From the second sample on (a fifth of the lines), the problems kept
	// and the labels are all there.
	samples = samples[1:]
	lo, hi := samples[0], samples[0]
	for _, s := range samples {
		lo, hi = min(lo, s), max(hi, s)
	}
	if hi-lo > 256<<10 {
		t.Errorf("the live heap, less the source-ref table, went from %d to %d bytes over %d lines: %v", lo, hi, lines, samples)
	}
}
