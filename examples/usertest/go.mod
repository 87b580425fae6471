module github.com/rekognition-go/customlabels/examples/usertest

go 1.24

replace github.com/rekognition-go/customlabels => ../..

require (
	github.com/rekognition-go/customlabels v0.0.0-00010101000000-000000000000
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0 // indirect
	github.com/aws/smithy-go v1.28.9 // indirect
	github.com/stretchr/objx v0.5.3 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
