//go:build race

package customlabels_test

// raceEnabled reports whether the tests run under the race detector, which
// slows each call about tenfold: TestHardeningLoad then makes fewer calls.
const raceEnabled = true
