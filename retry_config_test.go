package customlabels

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadConfigFromEnv runs config.LoadDefaultConfig as an application would,
// with credentials, region and endpoint from the environment, no shared
// files, and env (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS) on top.
func loadConfigFromEnv(t *testing.T, ts *testServer, env map[string]string, optFns ...func(*config.LoadOptions) error) aws.Config {
	t.Helper()
	none := filepath.Join(t.TempDir(), "none")
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":            testAccessKey,
		"AWS_SECRET_ACCESS_KEY":        testSecretKey,
		"AWS_SESSION_TOKEN":            testToken,
		"AWS_REGION":                   "us-east-1",
		"AWS_ENDPOINT_URL_REKOGNITION": ts.URL,
		"AWS_CONFIG_FILE":              none,
		"AWS_SHARED_CREDENTIALS_FILE":  none,
		"AWS_EC2_METADATA_DISABLED":    "true",
		"AWS_PROFILE":                  "",
		"AWS_RETRY_MODE":               "",
		"AWS_MAX_ATTEMPTS":             "",
	} {
		t.Setenv(k, v)
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), optFns...)
	require.NoError(t, err)
	return cfg
}

// TestRetrySettingsFromEnvironment: AWS_RETRY_MODE and AWS_MAX_ATTEMPTS,
// read by config.LoadDefaultConfig into aws.Config, choose the retryer of
// NewFromConfig, as they do for the official SDK's clients; a Retryer in
// the config is used as given (LoadDefaultConfig then reads neither, as
// for the SDK), and RetryMaxAttempts set beside it overrides its limit.
func TestRetrySettingsFromEnvironment(t *testing.T) {
	always503 := func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 503, "ServiceUnavailable", "later")
	}
	tests := []struct {
		name      string
		env       map[string]string
		loadOpts  []func(*config.LoadOptions) error
		edit      func(*aws.Config)
		callOpts  []func(*Options)
		wantMode  aws.RetryMode // of the resolved retryer
		wantTries int
	}{
		{name: "defaults", wantMode: aws.RetryModeStandard, wantTries: 3},
		{name: "AWS_RETRY_MODE=adaptive, AWS_MAX_ATTEMPTS=5",
			env:      map[string]string{"AWS_RETRY_MODE": "adaptive", "AWS_MAX_ATTEMPTS": "5"},
			wantMode: aws.RetryModeAdaptive, wantTries: 5},
		{name: "AWS_RETRY_MODE=standard, AWS_MAX_ATTEMPTS=2",
			env:      map[string]string{"AWS_RETRY_MODE": "standard", "AWS_MAX_ATTEMPTS": "2"},
			wantMode: aws.RetryModeStandard, wantTries: 2},
		{name: "AWS_MAX_ATTEMPTS=1 turns retries off",
			env:      map[string]string{"AWS_MAX_ATTEMPTS": "1"},
			wantMode: aws.RetryModeStandard, wantTries: 1},
		{name: "adaptive from the environment, attempts per call",
			env:      map[string]string{"AWS_RETRY_MODE": "adaptive", "AWS_MAX_ATTEMPTS": "5"},
			callOpts: []func(*Options){func(o *Options) { o.RetryMaxAttempts = 2 }},
			wantMode: aws.RetryModeAdaptive, wantTries: 2},
		{name: "cfg.Retryer from config.WithRetryer: the environment is not read",
			env:       map[string]string{"AWS_RETRY_MODE": "adaptive", "AWS_MAX_ATTEMPTS": "5"},
			loadOpts:  []func(*config.LoadOptions) error{config.WithRetryer(func() aws.Retryer { return noDelayRetryer() })},
			wantTries: 3},
		{name: "cfg.Retryer with cfg.RetryMaxAttempts beside it",
			loadOpts:  []func(*config.LoadOptions) error{config.WithRetryer(func() aws.Retryer { return noDelayRetryer() })},
			edit:      func(cfg *aws.Config) { cfg.RetryMaxAttempts = 4 },
			wantTries: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, always503)
			cfg := loadConfigFromEnv(t, ts, tt.env, tt.loadOpts...)
			if tt.edit != nil {
				tt.edit(&cfg)
			}
			c := NewFromConfig(cfg)
			switch tt.wantMode {
			case aws.RetryModeAdaptive:
				assert.IsType(t, &retry.AdaptiveMode{}, c.res.retryer, "the client's retryer")
				assert.Equal(t, aws.RetryModeAdaptive, c.Options().RetryMode)
			case aws.RetryModeStandard:
				assert.IsType(t, &retry.Standard{}, c.res.retryer, "the client's retryer")
			}

			_, err := c.DescribeProjects(context.Background(), nil, tt.callOpts...)
			require.Error(t, err)
			assert.EqualValues(t, tt.wantTries, ts.count.Load(), "requests sent")
			reqs := ts.Requests()
			require.NotEmpty(t, reqs)
			assert.Equal(t, "attempt=1; max="+itoa(tt.wantTries), reqs[0].Header.Get("Amz-Sdk-Request"))
			assert.True(t, reqs[0].SignatureOK, "signed with the credentials from the environment")
		})
	}
}
