package customlabelstest

import (
	"crypto/sha256"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// versionEntry is one stored project version with its sort key (creation
// time, then the order of first insertion) and its lifecycle.
type versionEntry struct {
	sec     int64
	nsec    int32
	seq     uint64
	project string // the project key: see projectKey
	name    string // NAME of ".../version/NAME/123"
	v       customlabels.ProjectVersionDescription

	// entered is when, on the models' clock, the version entered its
	// status; due is when a transitional status (TRAINING_IN_PROGRESS,
	// STARTING, STOPPING, COPYING_IN_PROGRESS, DELETING) ends, zero for
	// any other status.
	entered, due time.Time
	// failTraining and failStart, when set, make the training in
	// progress, or the current or next start, fail with their message.
	failTraining, failStart *string
	// training and copying are what a training or a copy by the server
	// ends with (training.go, copy.go); trained is what a model the
	// server trained knows of its data (trained_model.go).
	training *trainingResult
	copying  *copyResult
	trained  *trainedModel
}

// key returns the entry's position in the listing.
func (e *versionEntry) key() position { return position{e.sec, e.nsec, e.seq} }

// listedAfter reports whether e comes after p in the order
// DescribeProjectVersions lists versions: latest creation first, then in
// the order of first insertion.
func (e *versionEntry) listedAfter(p position) bool {
	switch {
	case e.sec != p.sec:
		return e.sec < p.sec
	case e.nsec != p.nsec:
		return e.nsec < p.nsec
	}
	return e.seq > p.seq
}

// versionStore holds the project versions in listing order.
type versionStore struct {
	entries []*versionEntry
	byArn   map[string]*versionEntry
	nextSeq uint64
}

func (st *versionStore) init() { st.byArn = make(map[string]*versionEntry) }

// put stores v, replacing the version with its ARN (whose place among
// versions created at the same time it keeps), and returns the entry.
func (st *versionStore) put(v customlabels.ProjectVersionDescription, project, name string) *versionEntry {
	e := &versionEntry{
		sec:     v.CreationTimestamp.Unix(),
		nsec:    int32(v.CreationTimestamp.Nanosecond()),
		project: project,
		name:    name,
		v:       copyVersion(v),
	}
	if old, ok := st.byArn[v.ProjectVersionArn]; ok {
		e.seq = old.seq
		st.removeEntry(old)
	} else {
		st.nextSeq++
		e.seq = st.nextSeq
	}
	i := sort.Search(len(st.entries), func(i int) bool { return st.entries[i].listedAfter(e.key()) })
	st.entries = slices.Insert(st.entries, i, e)
	st.byArn[v.ProjectVersionArn] = e
	return e
}

func (st *versionStore) remove(arn string) bool {
	e, ok := st.byArn[arn]
	if ok {
		st.removeEntry(e)
	}
	return ok
}

func (st *versionStore) removeEntry(e *versionEntry) {
	delete(st.byArn, e.v.ProjectVersionArn)
	if i := slices.Index(st.entries, e); i >= 0 {
		st.entries = slices.Delete(st.entries, i, i+1)
	}
}

// removeProject removes every version of the project with this key.
func (st *versionStore) removeProject(project string) {
	st.entries = slices.DeleteFunc(st.entries, func(e *versionEntry) bool {
		if e.project == project {
			delete(st.byArn, e.v.ProjectVersionArn)
			return true
		}
		return false
	})
}

// versionQuery is a validated DescribeProjectVersions request.
type versionQuery struct {
	projectArn string
	project    string          // its key
	names      map[string]bool // nil means every version
	limit      int
	start      *position // nil means the beginning
}

// versions returns the entries of q's project and names, in listing
// order, from q.start on.
func (st *versionStore) versions(q *versionQuery) []*versionEntry {
	i := 0
	if q.start != nil {
		i = sort.Search(len(st.entries), func(i int) bool { return st.entries[i].listedAfter(*q.start) })
	}
	var out []*versionEntry
	for _, e := range st.entries[i:] {
		if e.project == q.project && (q.names == nil || q.names[e.name]) {
			out = append(out, e)
		}
	}
	return out
}

// filterHash identifies the filters of q: its project and the set of
// names. The leading domain keeps a DescribeProjects token from being
// accepted here.
func (q *versionQuery) filterHash() [8]byte {
	h := sha256.New()
	h.Write([]byte("DescribeProjectVersions\x00"))
	h.Write([]byte(q.projectArn))
	h.Write([]byte{0})
	writeNameSet(h, q.names)
	var out [8]byte
	copy(out[:], h.Sum(nil))
	return out
}

// projectKey returns what a project ARN and the ARNs of its versions
// share, "arn:aws:rekognition:REGION:ACCOUNT:project/NAME": of a project
// ARN ".../project/NAME/123" or a version ARN
// ".../project/NAME/version/VERSION/123". It returns "" for anything else.
func projectKey(arn string) string {
	before, rest, ok := strings.Cut(arn, ":project/")
	if !ok {
		return ""
	}
	name, _, ok := strings.Cut(rest, "/")
	if !ok || name == "" {
		return ""
	}
	return before + ":project/" + name
}

// versionName returns VERSION of ".../project/NAME/version/VERSION/123",
// or "".
func versionName(arn string) string {
	_, rest, ok := strings.Cut(arn, ":project/")
	if !ok {
		return ""
	}
	_, rest, ok = strings.Cut(rest, "/version/")
	if !ok {
		return ""
	}
	name, _, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return name
}

// copyVersion returns v with lists of its own, so that neither the
// caller nor the server changes the other's.
func copyVersion(v customlabels.ProjectVersionDescription) customlabels.ProjectVersionDescription {
	assets := func(a []customlabels.Asset) []customlabels.Asset {
		if a == nil {
			return nil
		}
		return append(make([]customlabels.Asset, 0, len(a)), a...)
	}
	v.TrainingDataResult.Input.Assets = assets(v.TrainingDataResult.Input.Assets)
	v.TrainingDataResult.Output.Assets = assets(v.TrainingDataResult.Output.Assets)
	v.TrainingDataResult.Validation.Assets = assets(v.TrainingDataResult.Validation.Assets)
	v.TestingDataResult.Input.Assets = assets(v.TestingDataResult.Input.Assets)
	v.TestingDataResult.Output.Assets = assets(v.TestingDataResult.Output.Assets)
	v.TestingDataResult.Validation.Assets = assets(v.TestingDataResult.Validation.Assets)
	return v
}
