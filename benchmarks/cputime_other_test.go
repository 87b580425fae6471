//go:build !unix

package benchmarks

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
