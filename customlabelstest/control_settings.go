package customlabelstest

import (
	"math"
	"time"
)

// throttleJSON is the throttle resource: the requests-per-second limit,
// 0 for none.
type throttleJSON struct {
	RPS *float64
}

// getThrottle answers GET throttle.
func getThrottle(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rps := 0.0
	if s.throttle != nil {
		rps = s.throttle.rate
	}
	return throttleJSON{&rps}, nil
}

// putThrottle answers PUT throttle {"RPS": R}, as SetThrottleRPS.
func putThrottle(s *Server, body []byte) (any, error) {
	var in throttleJSON
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if in.RPS == nil {
		return nil, badField("RPS", "is required: requests per second, 0 for no limit")
	}
	if *in.RPS < 0 || math.IsInf(*in.RPS, 0) {
		return nil, badField("RPS", "must be 0 or more, got %v", *in.RPS)
	}
	s.SetThrottleRPS(*in.RPS)
	return getThrottle(s, nil)
}

// clockJSON is the clock resource: the offset of the server's clock from
// the clock it was given, as a Go duration, and the server's time.
type clockJSON struct {
	Offset string
	Now    string `json:",omitempty"`
}

// getClock answers GET clock.
func getClock(s *Server, _ []byte) (any, error) {
	s.mu.Lock()
	off := s.clockOffset
	s.mu.Unlock()
	return clockJSON{Offset: off.String(), Now: s.now().UTC().Format(time.RFC3339Nano)}, nil
}

// putClock answers PUT clock {"Offset": "-10m"}, as SetClockOffset.
func putClock(s *Server, body []byte) (any, error) {
	var in clockJSON
	if err := decodeControl(body, &in); err != nil {
		return nil, err
	}
	if in.Now != "" {
		return nil, badField("Now", "is read-only: set Offset")
	}
	if in.Offset == "" {
		return nil, badField("Offset", "is required: a duration such as \"-10m\" or \"6m30s\", \"0s\" for none")
	}
	d, err := time.ParseDuration(in.Offset)
	if err != nil {
		return nil, badField("Offset", "must be a duration such as \"-10m\" or \"6m30s\"; got %q", truncate(in.Offset, 64))
	}
	s.SetClockOffset(d)
	return getClock(s, nil)
}
