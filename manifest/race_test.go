//go:build race

package manifest

// raceEnabled is set when the tests run with -race, which makes the
// generated manifests of the memory test smaller: the race detector runs
// them ten times slower and they check no concurrency.
const raceEnabled = true
