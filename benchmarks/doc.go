// Package benchmarks compares customlabels with the official
// aws-sdk-go-v2 service/rekognition client and with a hand-written floor
// (package floor) on identical DescribeProjects calls against one
// in-process loopback server. It is its own module so that the library's
// go.mod never lists service/rekognition. See README.md for the results
// and the commands that produce them.
package benchmarks
