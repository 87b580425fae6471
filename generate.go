package customlabels

// The wire layer of this package and of customlabelstest is generated
// from the service model copy in testdata/service-model: see
// internal/cmd/genapi, and CONTRIBUTING.md for adding an operation.
//go:generate go run ./internal/cmd/genapi
