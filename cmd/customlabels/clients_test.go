package main

import (
	"flag"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRetryPolicy(t *testing.T) {
	listing := commonOptions{listing: true}
	tests := []struct {
		name string
		args []string
		cfg  aws.Config // what the environment and profile set
		o    commonOptions
		want retryPolicy
	}{
		{"listing default", nil, aws.Config{}, listing, retryPolicy{aws.RetryModeAdaptive, 10}},
		{"other default is the SDK's", nil, aws.Config{}, commonOptions{}, retryPolicy{}},
		{"environment or profile", nil, aws.Config{RetryMode: aws.RetryModeStandard, RetryMaxAttempts: 4}, listing, retryPolicy{aws.RetryModeStandard, 4}},
		{"environment sets only attempts", nil, aws.Config{RetryMaxAttempts: 2}, listing, retryPolicy{aws.RetryModeAdaptive, 2}},
		{"flags win", []string{"--retry-mode", "standard", "--max-attempts", "7"}, aws.Config{RetryMode: aws.RetryModeAdaptive, RetryMaxAttempts: 4}, listing, retryPolicy{aws.RetryModeStandard, 7}},
		{"one flag", []string{"--max-attempts", "1"}, aws.Config{RetryMode: aws.RetryModeStandard}, commonOptions{}, retryPolicy{aws.RetryModeStandard, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c commonFlags
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			c.register(fs, tt.o)
			require.NoError(t, fs.Parse(tt.args))
			require.NoError(t, c.check(fs, tt.o))
			assert.Equal(t, tt.want, c.retryPolicy(tt.cfg, tt.o))
		})
	}
}
