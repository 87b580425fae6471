package customlabels

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The constant header values computed once must equal what formatting
// them per request gives, inside and outside the precomputed range.
func TestPrecomputedHeaders(t *testing.T) {
	for max := 0; max <= 12; max++ {
		for attempt := 0; attempt <= max+1; attempt++ {
			want := "attempt=" + strconv.Itoa(attempt) + "; max=" + strconv.Itoa(max)
			got := sdkRequestHeader(attempt, max)
			assert.Equal(t, []string{want}, got, "sdkRequestHeader(%d, %d)", attempt, max)
		}
	}
	assert.Equal(t, []string{"RekognitionService.DescribeProjects"}, opDescribeProjects.target)
	assert.Equal(t, []string{"RekognitionService.Other"}, newOperation("Other").target)
}
