//go:build !race

package manifest

// raceEnabled is set when the tests run with -race.
const raceEnabled = false
