package customlabels

import (
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResumeTokenRoundTrip(t *testing.T) {
	q := projectsHash([]string{"a", "b"}, []CustomizationFeature{CustomizationFeatureCustomLabels})
	tests := []struct {
		name  string
		token string
		skip  int
	}{
		{"first page, mid-page", "", 3},
		{"page boundary", "next-token", 0},
		{"mid-page", "tok", 99},
		{"longest service token", strings.Repeat("x", MaxNextTokenLength), 1},
		{"multibyte service token", strings.Repeat("é", MaxNextTokenLength), 5},
		{"skip beyond one page", "t", 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := encodeResumeToken(q, tt.token, tt.skip)
			assert.LessOrEqual(t, len(s), maxResumeTokenLength)
			assert.NotContains(t, s, "=")
			token, skip, err := decodeResumeToken(s, q)
			require.NoError(t, err)
			assert.Equal(t, tt.token, token)
			assert.Equal(t, tt.skip, skip)
		})
	}
}

func TestResumeTokenRejectsWhatItCannotHaveMade(t *testing.T) {
	q := projectsHash(nil, nil)
	tests := []struct {
		name  string
		token string
		skip  int
		want  string
	}{
		{"service token too long", strings.Repeat("x", MaxNextTokenLength+1), 0, "1025 characters"},
		{"service token not UTF-8", "\xff\xfe", 0, "not valid UTF-8"},
		{"skip out of range", "t", 1 << 40, "bad skip count"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := decodeResumeToken(encodeResumeToken(q, tt.token, tt.skip), q)
			require.True(t, errors.Is(err, ErrInvalidStartingToken), "decodeResumeToken() = %v, want ErrInvalidStartingToken", err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestQueryHashSeparatesQueries(t *testing.T) {
	cl, cm := CustomizationFeatureCustomLabels, CustomizationFeatureContentModeration
	queries := []struct {
		names    []string
		features []CustomizationFeature
	}{
		{nil, nil},
		{[]string{"a"}, nil},
		{[]string{"ab"}, nil},
		{[]string{"a", "b"}, nil},
		{[]string{"b", "a"}, nil},
		{nil, []CustomizationFeature{cl}},
		{nil, []CustomizationFeature{cl, cm}},
		{nil, []CustomizationFeature{cm, cl}},
		{[]string{"CUSTOM_LABELS"}, nil},
	}
	seen := map[queryHash]int{}
	for i, q := range queries {
		h := projectsHash(q.names, q.features)
		if j, ok := seen[h]; ok {
			t.Errorf("projectsHash(%v, %v) = projectsHash(%v, %v)", q.names, q.features, queries[j].names, queries[j].features)
		}
		seen[h] = i
	}
	assert.Equal(t, projectsHash(nil, nil), projectsHash([]string{}, []CustomizationFeature{}), "nil and empty filters are the same query")
}

// FuzzDecodeResumeToken feeds arbitrary StartingTokens: decoding never
// panics, and whatever decodes encodes back to the same string.
func FuzzDecodeResumeToken(f *testing.F) {
	q := projectsHash(nil, nil)
	f.Add(encodeResumeToken(q, "", 3))
	f.Add(encodeResumeToken(q, "tok", 0))
	f.Add(encodeResumeToken(q, strings.Repeat("é", 10), 7))
	f.Add("")
	f.Add("AQID")
	f.Fuzz(func(t *testing.T, s string) {
		token, skip, err := decodeResumeToken(s, q)
		if err != nil {
			if !errors.Is(err, ErrInvalidStartingToken) {
				t.Fatalf("decodeResumeToken(%q) error %v does not wrap ErrInvalidStartingToken", s, err)
			}
			return
		}
		if again := encodeResumeToken(q, token, skip); again != s {
			t.Fatalf("decodeResumeToken(%q) = %q, %d; encodes back to %q", s, token, skip, again)
		}
	})
}

// projectsHash is the query hash of a DescribeProjects listing.
func projectsHash(names []string, features []CustomizationFeature) queryHash {
	fs := make([]string, len(features))
	for i, f := range features {
		fs[i] = string(f)
	}
	return hashQuery("DescribeProjects", names, fs)
}

// Resume tokens saved before the paginator served more than one operation
// must still be accepted: the DescribeProjects query hash is unchanged.
func TestProjectsQueryHashUnchanged(t *testing.T) {
	q := projectsHash([]string{"a", "b"}, []CustomizationFeature{CustomizationFeatureCustomLabels})
	assert.Equal(t, "2ef2bd7e258160b0", hex.EncodeToString(q[:]))
	v := hashQuery("DescribeProjectVersions", []string{"a", "b"}, []string{"CUSTOM_LABELS"})
	assert.NotEqual(t, q, v, "another operation's query never shares a hash")
}
