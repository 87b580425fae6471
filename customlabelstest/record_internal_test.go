package customlabelstest

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRequestsKeepsTheMostRecent(t *testing.T) {
	s := NewServer()
	defer s.Close()
	for i := range MaxRecordedRequests + 25 {
		s.record(Request{RequestID: strconv.Itoa(i)})
	}
	got := s.Requests()
	require.Len(t, got, MaxRecordedRequests)
	assert.Equal(t, "25", got[0].RequestID)
	assert.Equal(t, strconv.Itoa(MaxRecordedRequests+24), got[len(got)-1].RequestID)
}
