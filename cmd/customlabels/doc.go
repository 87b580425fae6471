// Command customlabels answers the question Amazon Rekognition Custom
// Labels users ask most: which of my models are running right now, in
// which Region, and what are they costing me? It also lists projects and
// model versions, starts and stops models, waits for them, and detects
// labels in images.
//
// Install it with
//
//	go install github.com/rekognition-go/customlabels/cmd/customlabels@latest
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
//	customlabels running [--region R]... [--all-regions] [--price-per-unit-hour USD] [--concurrency N]
//
// Run customlabels SUBCOMMAND --help for the flags of each.
//
// # Flags of every subcommand
//
//	--output table|json    table (the default) for people, JSON for programs
//	--region R             the AWS Region (default: AWS_REGION or the profile's)
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
// AWS CLI prints them ("2023-11-14T22:13:20.123000+00:00"), amounts are
// US dollars as JSON numbers.
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
package main
