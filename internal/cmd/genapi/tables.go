package main

// What the model cannot say, in four small tables: how each pattern is
// matched and worded, what each exception means, the nouns of list
// lengths, and which lists decode into pooled scratch buffers.

// textRule is how the generated code checks one model pattern: match is
// a function of internal/pattern, what is the rule in the client's words
// (its errors add ", got <value>").
type textRule struct {
	match string
	what  string
	// sample is a value that matches, for the generated test table.
	sample string
}

// altSamples are second values of the patterns, by matcher, where x's
// cannot be appended to the sample to make one: for the second element of
// a list.
var altSamples = map[string]string{
	"DatasetArn": "arn:aws:rekognition:us-east-1:123456789012:project/my-project/dataset/test/1700000000789",
}

// patterns maps each pattern of the model to its matcher. A pattern not
// in the table fails the generation: add it here, and its matcher to
// internal/pattern with a test against the regular expression.
var patterns = map[string]textRule{
	`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`: {
		"ProjectArn", "must be a project ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/TIMESTAMP)",
		"arn:aws:rekognition:us-east-1:123456789012:project/my-project/1700000000123"},
	`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/version\/[a-zA-Z0-9_.\-]{1,255}\/[0-9]+$)`: {
		"ProjectVersionArn", "must be a version ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/TIMESTAMP)",
		"arn:aws:rekognition:us-east-1:123456789012:project/my-project/version/v1/1700000100456"},
	`(^arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/dataset\/(train|test)\/[0-9]+$)`: {
		"DatasetArn", "must be a dataset ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/dataset/train|test/TIMESTAMP)",
		"arn:aws:rekognition:us-east-1:123456789012:project/my-project/dataset/train/1700000000456"},
	`[a-zA-Z0-9_.\-]+`:  {"Name", "must contain only [a-zA-Z0-9_.-]", "my-name.1"},
	`[0-9A-Za-z\.\-_]*`: {"S3Bucket", `must contain only [0-9A-Za-z.\-_]`, "my-bucket"},
	`^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$`: {
		"KmsKeyID", "must be a KMS key ID, key ARN, alias or alias ARN: a letter or digit, then only [A-Za-z0-9:_/+=,@.-]",
		"alias/my-key"},
	`[a-zA-Z0-9-_. ()':,;?]+`: {"VersionDescription", "must contain only [a-zA-Z0-9-_. ()':,;?]", "First model (v1)"},
	`.{1,}`:                   {"DatasetLabel", "must not contain a line break", "cat"},
	`.*\S.*`:                  {"QueryString", "must contain a character other than white space, and no line break", "images/"},
	`^\{.*\}$`:                {"DatasetEntry", "must be a JSON object on one line", `{"source-ref":"s3://my-bucket/a.jpg"}`},
	`^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`: {
		"TagKey", "must not start with aws: and must contain only letters, digits, spaces and _.:/=+-@", "team"},
	`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`: {"TagValue", "must contain only letters, digits, spaces and _.:/=+-@", "vision"},
	`[\u0009\u000A\u000D\u0020-\u00FF]+`: {"PolicyDocument", "must contain only tab, line feed, carriage return and U+0020 to U+00FF",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"rekognition:CopyProjectVersion","Resource":"*"}]}`},
	`[0-9A-Fa-f]+`: {"PolicyRevisionID", "must contain only hexadecimal digits", "0123abcd"},
}

// exception is what the generator writes of one exception: its doc
// comment says what it means for the caller, message is the fake's
// message when a test injects the exception without one. The model
// carries neither; both are in our words, from the API reference's
// meaning.
type exception struct {
	doc     string
	message string
}

var exceptions = map[string]exception{
	"AccessDeniedException": {
		"reports that the caller is not allowed to perform the action: check the IAM policy for rekognition:<Operation>.",
		"User: arn:aws:iam::123456789012:user/customlabelstest is not authorized to perform: rekognition:DescribeProjects"},
	"ImageTooLargeException": {
		"reports that the image is larger than the service accepts (see DetectCustomLabelsInput).",
		"Image size is too large"},
	"InternalServerError": {
		"reports a failure inside Amazon Rekognition. It is retried when it comes with HTTP status 500, 502, 503 or 504.",
		"Internal server error"},
	"InvalidImageFormatException": {
		"reports an image that is neither JPEG nor PNG, or that cannot be read.",
		"Request has unsupported image format"},
	"InvalidPaginationTokenException": {
		"reports that the NextToken sent is not valid: garbage, expired, or made by a different query.",
		"Invalid pagination token"},
	"InvalidParameterException": {
		"reports that an input parameter broke a service rule, for example a MaxResults that is out of range.",
		"Request has invalid parameters"},
	"InvalidPolicyRevisionIdException": {
		"reports that the PolicyRevisionId sent is not the policy's current revision: list the project's policies for it, or leave it out to create the policy.",
		"The policy revision ID does not match the current revision of the policy"},
	"InvalidS3ObjectException": {
		"reports that the S3 object named cannot be read: missing, in another region, or not readable by the service.",
		"Unable to get object metadata from S3. Check object key, region and/or access permissions."},
	"LimitExceededException": {
		"reports that a service limit was reached, such as the inference units an account may run at once. It is retried with backoff, as the AWS SDKs do.",
		"An Amazon Rekognition service limit was exceeded"},
	"MalformedPolicyDocumentException": {
		"reports a project policy document that breaks the rules of project policies: it must allow rekognition:CopyProjectVersion, with Effect, Principal, Action and Resource, and without NotAction, NotResource or NotPrincipal.",
		"The policy document is malformed"},
	"ProvisionedThroughputExceededException": {
		"reports that the request rate exceeded what is provisioned: the account's quota, or for DetectCustomLabels the model's inference units. It is retried with backoff.",
		"Provisioned rate exceeded"},
	"ResourceAlreadyExistsException": {
		"reports that the resource to create exists already, such as a second TRAIN dataset in a project or a policy name that is taken.",
		"The specified resource already exists"},
	"ResourceInUseException": {
		"reports that the resource is in a state that does not allow the action, such as starting a version that is already running, deleting a running one, or creating a name that is taken.",
		"The specified resource is already being used"},
	"ResourceNotFoundException": {
		"reports that the resource named (project, version, dataset or policy) does not exist.",
		"The specified resource cannot be found"},
	"ResourceNotReadyException": {
		"reports that the resource is not ready for the action: DetectCustomLabels needs a RUNNING version, and a dataset being created or updated cannot be listed or distributed.",
		"The requested resource isn't ready"},
	"ServiceQuotaExceededException": {
		"reports that the action would exceed a service quota of the account, such as the number of models or tags. The quota can be raised through Service Quotas.",
		"The request would exceed a service quota"},
	"ThrottlingException": {
		"reports that Amazon Rekognition is temporarily unable to process the request. It is retried with backoff.",
		"Rate exceeded"},
}

// listNouns names the items of a list in the client's length rules
// ("must have 1 to 10 names, got 11"); a list shape not here has "items".
var listNouns = map[string]string{
	"ProjectNames":                  "names",
	"VersionNames":                  "names",
	"CustomizationFeatures":         "values",
	"DatasetLabels":                 "labels",
	"TagKeyList":                    "keys",
	"DistributeDatasetMetadataList": "datasets",
	"Assets":                        "assets",
	"TagMap":                        "tags",
}

// scratchLists are the list shapes, besides the result lists of
// paginated operations, that decode into pooled buffers: lists inside the
// elements of a page, so that a page costs one exact allocation per list
// however many elements it grows through.
var scratchLists = map[string]bool{
	"DatasetMetadataList": true,
}

// sharedStrings are the members that mostly repeat from one element of a
// page to the next: they decode through jsondec's SharedString.
var sharedStrings = map[string]bool{
	"StatusMessage": true,
}

// outputAllMembers are the response structures whose numbers and
// booleans the fake writes even when zero, as the service does: a box at
// the image's left edge has "Left":0, an empty dataset's statistics are
// zeros. In other structures a zero number is a member the service left
// out (MinInferenceUnits of a model never started).
var outputAllMembers = map[string]bool{
	"BoundingBox":       true,
	"Point":             true,
	"CustomLabel":       true,
	"DatasetStats":      true,
	"DatasetLabelStats": true,
}

// outputKeepZero are the response members, "Shape.Member", that the fake
// writes even when every member of the structure is zero.
var outputKeepZero = map[string]bool{
	"DatasetDescription.DatasetStats":    true,
	"DatasetLabelDescription.LabelStats": true,
}

// fullOmit are the members, "Shape.Member", that the generated full inputs
// leave unset, because a rule beyond the model (a checkRules method)
// allows only one of two members.
var fullOmit = map[string]bool{
	"Image.S3Object":           true, // an image is bytes or an S3 object
	"DatasetSource.DatasetArn": true, // a dataset comes from a manifest or another dataset
}
