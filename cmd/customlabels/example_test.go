package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

// The question the command answers, asked of the demo account in two
// Regions.
func Example_running() {
	code := run(context.Background(), []string{"running", "--demo", "--region", "eu-west-1,us-east-2"}, os.Stdout, io.Discard)
	fmt.Println("exit status", code)
	// Output:
	// REGION     PROJECT           VERSION                               STATUS    UNITS  COST/HOUR
	// eu-west-1  logo-finder-1     logo-finder-1.2022-07-15T03.48.01     RUNNING   3      $12.00
	// eu-west-1  tire-inspector-7  tire-inspector-7.2022-08-25T14.26.47  STARTING  2-4    $8.00-$16.00
	//
	// 2 models running or starting in 1 of 2 Regions listed: 5-7 inference units, $20.00-$28.00 per hour
	// at $4.00 per inference-unit hour (us-east-1 list price; prices differ by Region)
	// exit status 0
}

// A bad flag value is a usage error: exit status 2, nothing on stdout.
func Example_usageError() {
	code := run(context.Background(), []string{"projects", "--demo", "--page-size", "0"}, io.Discard, os.Stdout)
	fmt.Println("exit status", code)
	// Output:
	// usage error: invalid --page-size 0: must be 1 to 100
	// run customlabels projects --help for help
	// exit status 2
}
