package main

// customLabelsRegions are the AWS Regions where Amazon Rekognition Custom
// Labels is offered, the Regions --all-regions lists, in the order the
// output shows them.
//
// Source, read 2026-12-01: the Custom Labels developer guide, "Guidelines
// and quotas > Supported Regions"
// (https://docs.aws.amazon.com/rekognition/latest/customlabels-dg/limits.html),
// which points to the Amazon Rekognition endpoints page of the AWS General
// Reference (https://docs.aws.amazon.com/general/latest/gr/rekognition.html).
// That page lists every Rekognition Region; Custom Labels is offered in
// this subset of them (Rekognition Image and Video are offered in more,
// such as ca-central-1 and the GovCloud Regions, without Custom Labels).
// A Region missing here is refused, as a usage error, unless
// --endpoint-url (or AWS_ENDPOINT_URL) names the endpoint to call: a
// mistyped Region (us-east-l) fails at once instead of in a DNS lookup,
// and a Region launched after this list was written can still be called
// with --endpoint-url https://rekognition.REGION.amazonaws.com.
var customLabelsRegions = []string{
	"us-east-1",      // US East (N. Virginia)
	"us-east-2",      // US East (Ohio)
	"us-west-1",      // US West (N. California)
	"us-west-2",      // US West (Oregon)
	"ap-south-1",     // Asia Pacific (Mumbai)
	"ap-northeast-1", // Asia Pacific (Tokyo)
	"ap-northeast-2", // Asia Pacific (Seoul)
	"ap-southeast-1", // Asia Pacific (Singapore)
	"ap-southeast-2", // Asia Pacific (Sydney)
	"eu-central-1",   // Europe (Frankfurt)
	"eu-west-1",      // Europe (Ireland)
	"eu-west-2",      // Europe (London)
}

// defaultPricePerInferenceUnitHour is the price, in US dollars, of one
// inference unit running for one hour in US East (N. Virginia): the list
// price on https://aws.amazon.com/rekognition/pricing/ (section "Amazon
// Rekognition Custom Labels pricing", "Inference hours"), linked from the
// developer guide's "Running a trained Amazon Rekognition Custom Labels
// model", which explains the billing (read 2026-12-01: "you are charged
// for the number of hours that your model is running and for the number
// of inference units"; two units for 8 hours are 16 inference hours).
// The pricing page renders its tables from templates, so the figure was
// taken from its published us-east-1 rate, $4.00 per inference hour;
// prices differ in other Regions, so the output always says which price
// it used, and --price-per-unit-hour sets another.
const defaultPricePerInferenceUnitHour = 4.00

// priceBasis says, in the output, what the default price is.
const priceBasis = "us-east-1 list price"
