// Command customlabels answers the question Amazon Rekognition Custom
// Labels users ask most: which of my models are running right now, in
// which Region, and what are they costing me? It also lists projects and
// model versions, starts and stops models, waits for them, and detects
// labels in images; and it runs the whole workflow, from a folder of
// images to a trained and evaluated model, and back to a cleaned-up
// account (see The workflow below).
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
//	customlabels manifest build DIR --bucket s3://BUCKET/PREFIX [--upload [--create-bucket]] [-o FILE]
//	customlabels manifest check FILE|-|s3://BUCKET/KEY [--max-problems N] [--max-lines N]
//	customlabels create-project NAME [--feature F] [--auto-update ENABLED|DISABLED] [--tag KEY=VALUE]... [--wait]
//	customlabels datasets PROJECT [--labels] [--entries [--type T] [--contains-label L]... [--labeled B] [--has-errors B] [--source-ref-contains S] [--max-items N]]
//	customlabels train PROJECT --version NAME --output-config s3://BUCKET/PREFIX [--train MANIFEST (--test MANIFEST | --split)]
//	                   [--description D] [--kms-key-id K] [--tag KEY=VALUE]... [--wait]
//	customlabels evaluate MODEL [--compare MODEL]
//	customlabels copy MODEL --to PROJECT --version NAME --output-config s3://BUCKET/PREFIX [--source-project ARN]
//	                  [--kms-key-id K] [--tag KEY=VALUE]... [--wait]
//	customlabels policy put PROJECT --name NAME (--allow-account ID... --model MODEL | --document FILE) [--revision-id R]
//	customlabels policy list PROJECT
//	customlabels policy delete PROJECT --name NAME [--revision-id R] [--yes | --dry-run]
//	customlabels delete MODEL [--stop-running] [--yes | --dry-run]
//	customlabels delete-project PROJECT [--stop-running] [--yes | --dry-run]
//	customlabels cleanup PROJECT --keep N [--yes | --dry-run]
//	customlabels tag ARN KEY=VALUE...
//	customlabels untag ARN KEY...
//	customlabels tags ARN
//
// The subcommands that wait (start, stop and create-project with --wait,
// wait, train and copy with --wait, delete, delete-project, cleanup) take
// --max-wait D and --poll-interval D.
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
// # The workflow
//
// From a folder of images to a trained model, in the Region of --region
// or the configuration, with S3 for the images, the manifests and what
// training writes:
//
//	customlabels manifest build images/train --bucket s3://shelf-images/train --upload --create-bucket
//	customlabels manifest build images/test --bucket s3://shelf-images/test --upload
//	customlabels create-project shelf-inspector --wait
//	customlabels train shelf-inspector --version v1 --output-config s3://shelf-images/output \
//	    --train s3://shelf-images/train/dataset.manifest --test s3://shelf-images/test/dataset.manifest --wait
//	customlabels evaluate shelf-inspector/v1
//
// manifest build makes an image classification manifest (SageMaker Ground
// Truth's format, one JSON line per image) of a folder that holds one
// sub-folder per label, named after the label (the console's "folder
// names as labels"): each image's source-ref is
// s3://BUCKET/PREFIX/LABEL/FILE. It checks every image first (a JPEG or
// PNG by its first bytes, at most 15 MB, sides of 64 to 4096 pixels; no
// folder inside a label folder, no file outside one) and writes or
// uploads nothing when one fails (exit status 2). Files and folders whose
// names start with a dot are skipped, and counted. The manifest goes to -o
// FILE, else with --upload only to S3, else to standard output; --upload
// puts the images, then the manifest, at s3://BUCKET/PREFIX/dataset.manifest,
// and --create-bucket creates the bucket first when this account does not
// have it.
//
// manifest check checks a manifest (a file, - for standard input, or
// s3://BUCKET/KEY) against the rules the service applies, with package
// manifest, and prints each problem with its line number, the path in the
// line, the service's error code (the one CreateDataset,
// ListDatasetEntries or manifest_summary.json would give; codes without
// ERROR_ or WARNING_ are ours, for rules the service states without a
// code) and its tier: what the service does about it. It exits 1 when the
// service would fail the dataset (a terminal file error, such as more
// than 20 % invalid lines) or the training (too few labels, images in
// several buckets), and 0 otherwise, warnings and dropped lines included.
// --max-problems bounds the problems listed (the others are counted);
// --max-lines is the account's quota of lines (250,000 by default).
//
// create-project creates a Custom Labels project (or with --feature
// CONTENT_MODERATION an adapter; --auto-update applies to adapters), with
// --tag tags, and with --wait waits until it is CREATED.
//
// datasets shows a project's TRAIN and TEST datasets (DescribeDataset):
// status, status message, and their counts of entries, labelled entries,
// labels and entries with errors. --labels lists each dataset's labels
// with their images and bounding boxes (ListDatasetLabels); --entries
// lists the entries, the JSON lines, of one dataset or both
// (ListDatasetEntries), with the service's filters as flags: --type TRAIN
// or TEST, --contains-label (repeatable, at most 10), --labeled true or
// false, --has-errors true or false, --source-ref-contains, and
// --max-items to stop after that many.
//
// train trains a model (CreateProjectVersion) from the project's
// datasets. A project without datasets gets them first: --train MANIFEST
// and --test MANIFEST (s3://BUCKET/KEY) become its TRAIN and TEST datasets
// (CreateDataset), or with --split the TRAIN dataset and a TEST dataset of
// a fifth of its images (DistributeDatasetEntries), and train waits until
// they are created; a project that has datasets takes neither flag.
// Training writes its results under --output-config s3://BUCKET/PREFIX.
// --description, --kms-key-id and --tag set the version's. With --wait it
// shows the status and the time elapsed until training ends, and exits 0
// on TRAINING_COMPLETED (printing the F1 score) and 1 on TRAINING_FAILED,
// with the service's status message and where the validation files are
// (manifest_summary.json and the manifests with the errors of each line).
// Training takes from 30 minutes to 24 hours and bills its time:
// --max-wait (default 24h) ends only the wait, not the training.
//
// evaluate reads a trained model's evaluation summary from S3 (where
// DescribeProjectVersions' EvaluationResult.Summary says it is) and shows
// its overall F1 score, precision and recall, and for each label its F1
// score, precision, recall, assumed threshold (0 to 1; detect
// --min-confidence takes it times 100) and test images. --compare MODEL
// puts a second model, the candidate, beside the first, the base, overall
// and per label, with the candidate's change.
//
// copy copies a model to another project (CopyProjectVersion), --to,
// named by ARN (a project of another account: its ARN) or by name, in the
// same Region, under --version, with its results under --output-config;
// --wait waits until the copy is COPYING_COMPLETED. The model's project
// is looked up by name; for a model of another account, which this
// account cannot list, give its project's ARN with --source-project. A
// copy to another account needs a project policy on the source project, which policy put
// --allow-account ID --model MODEL writes: the one policy the developer
// guide documents for a copy (customlabels.CopyPolicyDocument), which
// allows rekognition:CopyProjectVersion of that model to the accounts
// given (12-digit IDs, or IAM role and user ARNs). --document FILE
// attaches a policy of your own instead; --revision-id replaces a policy
// (policy list shows the revisions and the accounts each policy allows).
//
// The destructive subcommands, delete, delete-project, cleanup and policy
// delete, print what they will do, then do it only with --yes, or when
// "yes" is typed at their prompt (standard input a terminal). --dry-run
// only prints the plan. Without --yes or --dry-run, and without a
// terminal, they refuse before sending anything (exit status 2).
//
// delete-project deletes a project and everything in it, in the order the
// service accepts: it stops the running and starting models (only with
// --stop-running: a running model is never stopped without it, and the
// plan then says what blocks it), waits out trainings and copies in
// progress, deletes the models (waiting for each to be gone), the
// datasets, the policies, then the project, waiting for each step with
// the library's waiters. delete does the same for one model; cleanup
// deletes all but the newest --keep N models of a project that are not
// running, starting or in progress, which it keeps. They wait up to
// --max-wait (default 24h, as a training in progress may take that long).
//
// tag adds tags (KEY=VALUE; an empty VALUE is allowed) to a project or a
// model named by its ARN, untag removes tags by key, and tags lists them.
//
// With --demo, every subcommand is served by the in-process demo account,
// made afresh on every run: its trained models have their evaluation
// summaries in S3, so that evaluate --demo MODEL shows what a user gets,
// and its S3 bucket customlabels-demo-datasets holds images and the
// manifests of their training and test datasets, to train with.
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
// The workflow's subcommands call S3 (the manifests, the images, the
// evaluation summaries) in the run's Region with the same configuration,
// at --endpoint-url when it is given, path-style, as the fake, MinIO and
// moto serve it. An S3 call that makes no progress for a minute fails.
//
// Progress goes to stderr when stderr is a terminal, and nowhere
// otherwise.
//
// # Exit status
//
//	0    success
//	1    an API or network error (printed with its code and request ID),
//	     a Region that could not be listed, a manifest the service would
//	     fail (manifest check), a training that failed (train --wait), a plan
//	     that is blocked or not confirmed
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
//
// # JSON output of the workflow
//
// manifest build (with -o or --upload) prints what it made: the manifest's
// file and S3 URI when written there, the images and labels, the objects
// uploaded (the images and the manifest), and the warnings of the check:
//
//	{
//	    "Manifest": "train.manifest",
//	    "ManifestS3": "s3://shelf-images/train/dataset.manifest",
//	    "Images": 20,
//	    "Labels": [{"Label": "defect", "Images": 10}, {"Label": "ok", "Images": 10}],
//	    "Uploaded": 21,
//	    "Problems": []
//	}
//
// manifest check prints the counts of package manifest's Report, the
// labels, the problems and the verdicts:
//
//	{
//	    "Manifest": "train.manifest",
//	    "Lines": 13, "ValidLines": 10, "InvalidLines": 2, "IgnoredLines": 1, "BlankLines": 0, "UncheckedLines": 0,
//	    "Bytes": 2917, "UseCase": "IMAGE_LEVEL_LABELS", "Bucket": "shelf-images",
//	    "Labels": [{"Label": "defect", "Images": 5, "BoundingBoxes": 0}],
//	    "LabelsTruncated": false,
//	    "Problems": [
//	        {"Line": 12, "Code": "DUPLICATE_SOURCE_REF", "ServiceCode": false, "Tier": "terminal content error", "Message": "..."},
//	        {"Line": 13, "Path": "...", "Code": "ERROR_INVALID_JSON_LINE", "ServiceCode": true, "Tier": "terminal content error", "Message": "..."}
//	    ],
//	    "ProblemsOmitted": 0,
//	    "FailsDataset": false,
//	    "FailsTraining": false
//	}
//
// Line is 0 for the manifest as a whole; ServiceCode is false for our codes.
//
// create-project prints {"ProjectArn", "Status"} (CREATING, or with --wait
// CREATED). copy prints {"SourceProjectVersionArn", "ProjectVersionArn",
// "Status", "StatusMessage"} (StatusMessage with --wait). tag and tags
// print {"ResourceArn", "Tags": {KEY: VALUE}} (the tags added; every
// tag), untag {"ResourceArn", "TagKeys": [...]}. policy list prints what
// aws rekognition list-project-policies prints ({"ProjectPolicies":
// [{"ProjectArn", "PolicyName", "PolicyRevisionId", "PolicyDocument",
// "CreationTimestamp", "LastUpdatedTimestamp"}]}), policy put one such
// policy without the timestamps, policy delete {"ProjectArn",
// "PolicyName", "Deleted"} (false with --dry-run).
//
// datasets prints {"ProjectArn", "Datasets": [{"DatasetType",
// "DatasetArn", "CreationTimestamp", "LastUpdatedTimestamp", "Status",
// "StatusMessage", "StatusMessageCode", "DatasetStats": {"LabeledEntries",
// "TotalEntries", "TotalLabels", "ErrorEntries"}}]}; with --labels
// {"ProjectArn", "Labels": [{"DatasetType", "Label", "Images",
// "BoundingBoxes"}]}; with --entries {"ProjectArn", "Entries":
// [{"DatasetType", "SourceRef", "Labels", "HasErrors", "Errors", "Line"}]},
// where Line is the JSON line the service returned and Errors the codes of
// the errors attached to it.
//
// train prints the version and the datasets it created:
//
//	{
//	    "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/shelf-inspector/1709294400000",
//	    "ProjectVersionArn": "arn:aws:rekognition:us-east-1:123456789012:project/shelf-inspector/version/v1/1709294460000",
//	    "VersionName": "v1",
//	    "Datasets": [
//	        {"DatasetType": "TRAIN", "DatasetArn": "...", "Status": "CREATE_COMPLETE",
//	         "TotalEntries": 20, "LabeledEntries": 20, "TotalLabels": 2, "ErrorEntries": 0}
//	    ],
//	    "Status": "TRAINING_COMPLETED",
//	    "StatusMessage": "The model is ready to run.",
//	    "F1Score": 0.942,
//	    "BillableTrainingTimeInSeconds": 3,
//	    "EvaluationSummary": "s3://shelf-images/output/EvaluationResultSummary-shelf-inspector-v1.json",
//	    "ManifestSummary": "s3://shelf-images/output/shelf-inspector/v1/manifest_summary.json",
//	    "ValidationManifests": ["s3://..."]
//	}
//
// Without --wait, Status is TRAINING_IN_PROGRESS and the members after it
// are zero or absent.
//
// evaluate prints the summary's metrics, the labels in its order:
//
//	{
//	    "ProjectVersionArn": "...",
//	    "Summary": "s3://shelf-images/output/EvaluationResultSummary-shelf-inspector-v1.json",
//	    "EvaluationEndTimestamp": "2024-06-20T12:41:07.502118+00:00",
//	    "NumberOfTrainingImages": 400, "NumberOfTestingImages": 100,
//	    "F1Score": 0.88, "Precision": 0.9, "Recall": 0.861,
//	    "Labels": [
//	        {"Label": "apple", "F1Score": 0.91, "Precision": 0.93, "Recall": 0.89, "Threshold": 0.62, "NumberOfTestingImages": 60}
//	    ]
//	}
//
// AveragePrecision and AverageRecall are added for an object detection
// model. With --compare it prints {"Base": ..., "Candidate": ... (each as
// above), "F1Score", "Precision", "Recall": {"Base", "Candidate",
// "Change"}, "Labels": [{"Label", "InBase", "InCandidate", "F1Score",
// "Precision", "Recall", "Threshold" (each {"Base", "Candidate",
// "Change"}), "BaseTestingImages", "CandidateTestingImages"}]}, every
// label of either, sorted by name; a metric of a model without the label
// is 0.
//
// delete, delete-project and cleanup print the plan and what became of it:
//
//	{
//	    "ProjectArn": "...",
//	    "DryRun": false,
//	    "Steps": [
//	        {"Action": "stop model", "Resource": "arn:...:version/v2/...", "Name": "v2", "Status": "RUNNING, 1 inference unit", "Done": true},
//	        {"Action": "delete project", "Resource": "arn:...", "Name": "shelf-inspector", "Status": "CREATED", "Done": true}
//	    ],
//	    "Blocked": [],
//	    "Kept": [{"ProjectVersionArn": "...", "Status": "RUNNING", "Why": "running"}],
//	    "Done": true
//	}
//
// Status is what the resource was when the plan was made; Kept is
// cleanup's; Blocked says why the plan cannot be carried out (the command
// then exits 1 having changed nothing). After a failure, the JSON is
// printed with the steps done so far, and the command exits 1.
package main
