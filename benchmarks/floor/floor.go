// Package floor is the hand-written baseline of the benchmarks: the least
// code that calls DescribeProjects correctly with the standard library,
// encoding/json and aws-sdk-go-v2's SigV4 signer. It has no retries, no
// input validation and no pagination helper; a client that is faster than
// this one has no overhead left to remove.
package floor

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Client calls DescribeProjects on one endpoint.
type Client struct {
	// Endpoint is the service URL, e.g. "https://rekognition.us-east-1.amazonaws.com".
	Endpoint string
	// Region is the signing region.
	Region string
	// Credentials sign each request.
	Credentials aws.CredentialsProvider
	// HTTPClient sends the requests.
	HTTPClient *http.Client

	signer *v4.Signer
}

// New returns a Client; hc may be nil for http.DefaultClient.
func New(endpoint, region string, creds aws.CredentialsProvider, hc *http.Client) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{Endpoint: endpoint, Region: region, Credentials: creds, HTTPClient: hc, signer: v4.NewSigner()}
}

// Input is the request body; empty members are left out.
type Input struct {
	Features     []string `json:",omitempty"`
	MaxResults   int32    `json:",omitempty"`
	NextToken    string   `json:",omitempty"`
	ProjectNames []string `json:",omitempty"`
}

// Output is one page of projects.
type Output struct {
	ProjectDescriptions []Project
	NextToken           string
}

// Project is one project; timestamps are epoch seconds as sent.
type Project struct {
	ProjectArn        string
	CreationTimestamp float64
	Status            string
	Datasets          []Dataset
	Feature           string
	AutoUpdate        string
}

// Dataset is one dataset of a project.
type Dataset struct {
	CreationTimestamp float64
	DatasetType       string
	DatasetArn        string
	Status            string
	StatusMessage     string
	StatusMessageCode string
}

// APIError is an error response.
type APIError struct {
	StatusCode int    `json:"-"`
	Type       string `json:"__type"`
	Message    string `json:"message"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("DescribeProjects: status %d: %s: %s", e.StatusCode, e.Type, e.Message)
}

// DescribeProjects sends one request and decodes its response.
func (c *Client) DescribeProjects(ctx context.Context, in *Input) (*Output, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint+"/", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "RekognitionService.DescribeProjects")
	creds, err := c.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	if err := c.signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "rekognition", c.Region, time.Now()); err != nil {
		return nil, err
	}
	resp, err := c.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		apiErr := &APIError{StatusCode: resp.StatusCode}
		if err := json.Unmarshal(data, apiErr); err != nil {
			return nil, fmt.Errorf("DescribeProjects: status %d: %w", resp.StatusCode, err)
		}
		return nil, apiErr
	}
	out := new(Output)
	if err := json.Unmarshal(data, out); err != nil {
		return nil, err
	}
	return out, nil
}
