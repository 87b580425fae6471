// Command customlabels answers the question Amazon Rekognition Custom
// Labels users ask most: which of my models are running right now, in
// which Region, and what are they costing me? It also lists projects and
// model versions, starts and stops models, waits for them, and detects
// labels in images.
//
// Install it from a clone of the repository (the module is not published
// yet; see the README's Install section) with
//
//	go install ./cmd/customlabels
//
// and try it without an AWS account: --demo serves a demo account from
// in-process customlabelstest fakes, one per Region.
//
//	customlabels running --demo --all-regions
//	customlabels projects --demo --output json --max-items 3
//
// # Subcommands
//
//	customlabels projects [--project-name NAME]... [--feature F]... [--page-size N] [--max-items N] [--starting-token T]
//	customlabels models [--project NAME]... [--status S,...]
//	customlabels running [--region R]... [--all-regions] [--price-per-unit-hour USD] [--concurrency N]
//	customlabels start MODEL --min-units N [--max-units M] [--wait] [--max-wait D] [--poll-interval D]
//	customlabels stop MODEL [--wait] [--max-wait D] [--poll-interval D]
//	customlabels wait running|trained|stopped MODEL [--max-wait D] [--poll-interval D]
//	customlabels detect --model MODEL [--min-confidence C] [--max-results N] IMAGE...
//
// MODEL (and --model) is a model's ARN, or PROJECT/VERSION: the PROJECT
// and VERSION columns of the models and running tables, joined by a
// slash, found in the Region of --region or the configuration with one
// DescribeProjects and one DescribeProjectVersions (the ARN holds creation
// times the names do not). The ARNs are in the JSON outputs of models and
// running.
//
//	customlabels models --demo --status TRAINING_COMPLETED
//	customlabels start --demo leaf-detector-7/leaf-detector-7.2022-06-13T18.26.41 --min-units 1 --wait
//
// detect reads each IMAGE, a JPEG or PNG file, - for standard input, or
// s3://BUCKET/KEY for an object in the model's Region, and runs the model
// on it. An image that fails is reported with its error, the others are
// still analysed, and the command then exits 1. What can be checked
// without the service is checked first, and such an image is not sent: a
// file that is not a JPEG or PNG image (by its first bytes), a directory,
// a file that cannot be read, an IMAGE that starts s3:// but is not
// s3://BUCKET/KEY. The demo account's models
// find two labels named after their project ("shelf-finder-1": shelf-ok
// and shelf-defect) with confidences that depend on the image, and no
// boxes; most are below the threshold, so try --min-confidence 0.
//
// start, stop and wait work in the Region of a model's ARN. A start --wait
// that ends before the model runs (Ctrl-C, --max-wait, failed polls)
// leaves it starting, to bill once running: start then prints, after the
// error, that the model is still starting and the stop command with its
// ARN. wait and --wait
// use the package's waiters (customlabels.NewProjectVersionRunningWaiter,
// NewProjectVersionTrainingCompletedWaiter), which fail at once when the
// awaited state cannot come; stop --wait and wait stopped poll until
// STOPPED. stop of a model already STOPPED or STOPPING succeeds, saying so
// on stderr (the service answers ResourceInUseException). Waits poll at
// the official waiters' delays (30 s for running, 2 minutes for trained;
// 10 s for stopped), or --poll-interval's; with --demo or an
// --endpoint-url on this machine (localhost or a loopback address: a
// fake), every 500 ms doubling up to 2 s. With --demo
// the demo models start in 5 s, stop in 2 s and train in 10 s, and the
// demo account is made afresh on every run, so a model started by one run
// is not running in the next.
//
// running lists the Regions concurrently, with at most --concurrency
// requests in flight (default 4) across all of them.
//
// Run customlabels SUBCOMMAND --help for the flags of each, and
// customlabels --version for the version (customlabels.Version, the
// module's).
//
// # Flags of every subcommand
//
//	--output table|json    table (the default) for people, JSON for programs
//	--region R             the AWS Region (default: AWS_REGION or the profile's); one
//	                       where Custom Labels is offered, unless --endpoint-url is given
//	--profile P            the shared config profile
//	--endpoint-url URL     send requests to URL instead of the Region's endpoint;
//	                       REGION=URL sets the endpoint of one Region (repeatable)
//	--demo                 call the demo account instead of AWS
//	--retry-mode M         standard or adaptive
//	--max-attempts N       attempts per request, the first included
//
// Without --demo the command calls AWS with the default configuration
// chain (environment, shared config and credentials files, SSO, roles).
// Retry settings come from the flags, else from AWS_RETRY_MODE and
// AWS_MAX_ATTEMPTS or the profile's retry_mode and max_attempts, else from
// the subcommand: listings (projects, running) use adaptive mode with 10
// attempts, so that throttling slows a listing down instead of failing it;
// the others use the SDK's standard mode with 3 attempts.
//
// Progress goes to stderr when stderr is a terminal, and nowhere
// otherwise.
//
// # Exit status
//
//	0    success
//	1    an API or network error (printed with its code and request ID), or
//	     a Region that could not be listed
//	2    a usage error (a bad flag, or a value the service would reject) or
//	     a configuration error (an unknown profile, no Region)
//	130  interrupted (Ctrl-C)
//
// # JSON output
//
// The JSON outputs are stable: keys are only ever added, never renamed or
// removed, and their order is fixed. Timestamps are ISO 8601 in UTC as the
// AWS CLI prints them ("2023-11-14T22:13:20.123000+00:00"): with
// microseconds when they are not zero, rounded as the CLI rounds the
// epoch seconds the service sends (half to even, on the double it reads
// them as). The CLI prints them so with cli_timestamp_format = iso8601,
// the default of AWS CLI v2 (v1 prints epoch seconds unless configured),
// and in the local time zone: the same text where that is UTC. Amounts
// are US dollars as JSON numbers.
//
// customlabels projects prints exactly what aws rekognition
// describe-projects prints:
//
//	{
//	    "ProjectDescriptions": [
//	        {
//	            "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/NAME/1651874450838",
//	            "CreationTimestamp": "2022-05-06T22:00:50.838000+00:00",
//	            "Status": "CREATED",
//	            "Datasets": [
//	                {
//	                    "CreationTimestamp": "...",
//	                    "DatasetType": "TRAIN",
//	                    "DatasetArn": "...",
//	                    "Status": "CREATE_COMPLETE",
//	                    "StatusMessage": "...",
//	                    "StatusMessageCode": "SUCCESS"
//	                }
//	            ],
//	            "Feature": "CUSTOM_LABELS",
//	            "AutoUpdate": "ENABLED"
//	        }
//	    ],
//	    "NextToken": "..."
//	}
//
// Members the service did not send are left out; NextToken is present only
// when --max-items cut the listing short.
//
// customlabels models prints one entry per model (project version), in
// the order of the projects, then the service's (newest first):
//
//	{
//	    "Models": [
//	        {
//	            "ProjectName": "logo-finder-1",
//	            "ProjectArn": "arn:aws:rekognition:eu-west-1:123456789012:project/logo-finder-1/1657836431290",
//	            "VersionName": "logo-finder-1.2022-07-15T03.48.01",
//	            "ProjectVersionArn": "arn:aws:rekognition:eu-west-1:123456789012:project/logo-finder-1/version/logo-finder-1.2022-07-15T03.48.01/1657856881131",
//	            "Feature": "CUSTOM_LABELS",
//	            "Status": "RUNNING",
//	            "StatusMessage": "The model is running.",
//	            "MinInferenceUnits": 3,
//	            "MaxInferenceUnits": 0,
//	            "CreationTimestamp": "2022-07-15T03:48:01.131000+00:00",
//	            "TrainingEndTimestamp": "2022-07-15T09:50:26.099000+00:00",
//	            "BillableTrainingTimeInSeconds": 21254,
//	            "F1Score": 0.919
//	        }
//	    ]
//	}
//
// The members are the service's: MinInferenceUnits and MaxInferenceUnits
// are 0 when the model was never started or sets no maximum, F1Score and
// BillableTrainingTimeInSeconds are 0 until training has completed, and
// the timestamps are absent when the service sent none.
//
// customlabels start, stop and wait print the model's status: what
// StartProjectVersion or StopProjectVersion answered, or with --wait and
// wait the status it reached, with the service's message:
//
//	{
//	    "ProjectVersionArn": "arn:aws:rekognition:us-east-1:123456789012:project/leaf-detector-7/version/leaf-detector-7.2022-06-13T18.26.41/1655144801315",
//	    "Status": "RUNNING",
//	    "StatusMessage": "The model is running."
//	}
//
// StatusMessage is absent without --wait.
//
// customlabels detect prints one entry per IMAGE, in order, with the
// labels as aws rekognition detect-custom-labels prints them (Geometry
// only for object detection models), or the image's Error:
//
//	{
//	    "Images": [
//	        {
//	            "Image": "cans.jpg",
//	            "CustomLabels": [
//	                {
//	                    "Name": "can",
//	                    "Confidence": 98.5,
//	                    "Geometry": {
//	                        "BoundingBox": {"Width": 0.25, "Height": 0.4, "Left": 0.125, "Top": 0.3}
//	                    }
//	                }
//	            ]
//	        },
//	        {
//	            "Image": "s3://shelf-photos/notes.txt",
//	            "CustomLabels": [],
//	            "Error": {"Code": "InvalidImageFormatException", "Message": "...", "RequestID": "...", "HTTPStatusCode": 400, "Attempts": 1}
//	        },
//	        {
//	            "Image": "notes.txt",
//	            "CustomLabels": [],
//	            "Error": {"Message": "notes.txt is not a JPEG or PNG image, ...", "Attempts": 0}
//	        }
//	    ]
//	}
//
// An Error without a Code is ours, not the service's; Attempts 0 says the
// image was refused before anything was sent.
//
// customlabels running prints the running and starting models, then one
// entry per Region asked for, in the order asked for (--all-regions: the
// order of the list in regions.go), then the totals and the price used:
//
//	{
//	    "Models": [
//	        {
//	            "Region": "us-east-1",
//	            "ProjectName": "shelf-finder-1",
//	            "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/shelf-finder-1/1651874450838",
//	            "VersionName": "shelf-finder-1.2022-05-07T10.14.05",
//	            "ProjectVersionArn": "arn:aws:rekognition:us-east-1:123456789012:project/shelf-finder-1/version/shelf-finder-1.2022-05-07T10.14.05/1651918445123",
//	            "Status": "RUNNING",
//	            "MinInferenceUnits": 1,
//	            "MaxInferenceUnits": 3,
//	            "MinHourlyCost": 4,
//	            "MaxHourlyCost": 12
//	        }
//	    ],
//	    "Regions": [
//	        {
//	            "Region": "us-east-1",
//	            "Listed": true,
//	            "Models": 1,
//	            "MinInferenceUnits": 1,
//	            "MaxInferenceUnits": 3,
//	            "MinHourlyCost": 4,
//	            "MaxHourlyCost": 12
//	        },
//	        {
//	            "Region": "eu-west-1",
//	            "Listed": false,
//	            "Models": 0,
//	            "MinInferenceUnits": 0,
//	            "MaxInferenceUnits": 0,
//	            "MinHourlyCost": 0,
//	            "MaxHourlyCost": 0,
//	            "Error": {
//	                "Code": "AccessDeniedException",
//	                "Message": "User is not authorized to perform: rekognition:DescribeProjects",
//	                "RequestID": "6f1c2d3e-...",
//	                "HTTPStatusCode": 400,
//	                "Attempts": 1
//	            }
//	        }
//	    ],
//	    "Total": {
//	        "Models": 1,
//	        "MinInferenceUnits": 1,
//	        "MaxInferenceUnits": 3,
//	        "MinHourlyCost": 4,
//	        "MaxHourlyCost": 12
//	    },
//	    "Price": {
//	        "PerInferenceUnitHour": 4,
//	        "Currency": "USD",
//	        "Basis": "us-east-1 list price"
//	    }
//	}
//
// MaxInferenceUnits is MinInferenceUnits for a model that does not
// auto-scale; the costs are the units times Price.PerInferenceUnitHour, an
// hourly rate, not what was billed. Price.Basis is "us-east-1 list price"
// or "--price-per-unit-hour". A Region that could not be listed has
// "Listed": false and an Error: Code and RequestID are the service's
// (Code is absent for a network error, and Message is then the whole
// error), Attempts counts the retries; the command then exits 1 after
// printing the output.
package main
