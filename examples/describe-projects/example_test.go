package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

// The demo lists the same projects on every run, so its output can be
// checked word for word. (The hint with the NextToken that follows a
// listing cut short by --max-items goes to stderr, discarded here.)
func Example() {
	code := run(context.Background(), []string{"--demo", "--feature", "CUSTOM_LABELS", "--page-size", "2", "--max-items", "3"}, os.Stdout, io.Discard)
	fmt.Println("exit status", code)
	// Output:
	// NAME              STATUS    FEATURE        CREATED               DATASETS
	// shelf-finder-1    CREATED   CUSTOM_LABELS  2022-05-06 22:00:50Z  -
	// xray-counter-3    CREATING  CUSTOM_LABELS  2022-05-16 05:28:06Z  TRAIN,TEST
	// helmet-adapter-5  DELETING  CUSTOM_LABELS  2022-05-21 18:33:33Z  TRAIN
	// exit status 0
}

// --output json prints what `aws rekognition describe-projects` prints.
func Example_json() {
	code := run(context.Background(), []string{"--demo", "--output", "json", "--project-name", "xray-counter-3"}, os.Stdout, os.Stderr)
	fmt.Println("exit status", code)
	// Output:
	// {
	//     "ProjectDescriptions": [
	//         {
	//             "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/xray-counter-3/1652678886017",
	//             "CreationTimestamp": "2022-05-16T05:28:06.017000+00:00",
	//             "Status": "CREATING",
	//             "Datasets": [
	//                 {
	//                     "CreationTimestamp": "2022-05-16T05:33:55.219000+00:00",
	//                     "DatasetType": "TRAIN",
	//                     "DatasetArn": "arn:aws:rekognition:us-east-1:123456789012:project/xray-counter-3/dataset/train/1652679235219",
	//                     "Status": "CREATE_IN_PROGRESS",
	//                     "StatusMessage": "The dataset is being created.",
	//                     "StatusMessageCode": "SUCCESS"
	//                 },
	//                 {
	//                     "CreationTimestamp": "2022-05-16T05:36:09.448000+00:00",
	//                     "DatasetType": "TEST",
	//                     "DatasetArn": "arn:aws:rekognition:us-east-1:123456789012:project/xray-counter-3/dataset/test/1652679369448",
	//                     "Status": "CREATE_FAILED",
	//                     "StatusMessage": "The manifest file contains images from multiple S3 buckets.",
	//                     "StatusMessageCode": "CLIENT_ERROR"
	//                 }
	//             ],
	//             "Feature": "CUSTOM_LABELS"
	//         }
	//     ]
	// }
	// exit status 0
}

// A bad flag value is a usage error: exit status 2, nothing on stdout.
func Example_usageError() {
	code := run(context.Background(), []string{"--demo", "--output", "yaml"}, io.Discard, os.Stdout)
	fmt.Println("exit status", code)
	// Output:
	// usage error: invalid --output "yaml": must be table or json
	// run describe-projects -h for help
	// exit status 2
}
