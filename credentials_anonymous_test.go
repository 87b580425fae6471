package customlabels_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// aws.AnonymousCredentials, which some SDK clients take for "do not
// sign", cannot sign Rekognition's requests: the client refuses it on the
// first call, before sending anything, saying that it is not a valid
// provider. Test doubles get static test credentials instead. The
// message is aws-sdk-go-v2's, asserted here although another library's
// text, because the package documentation quotes it: an upgrade that
// changes it must change the documentation too.
func TestAnonymousCredentialsRefused(t *testing.T) {
	for name, opts := range map[string]customlabels.Options{
		"in Options": {Credentials: aws.AnonymousCredentials{}},
		"from an aws.Config": customlabels.NewFromConfig(aws.Config{
			Region: customlabelstest.DefaultRegion, Credentials: aws.AnonymousCredentials{},
		}).Options(),
	} {
		t.Run(name, func(t *testing.T) {
			srv := customlabelstest.NewServer()
			defer srv.Close()
			client := srv.Client(func(o *customlabels.Options) { o.Credentials = opts.Credentials })
			_, err := client.DescribeProjects(context.Background(), nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "operation error Rekognition: DescribeProjects, get credentials: ")
			assert.Contains(t, err.Error(), "AnonymousCredentials is not a valid credential provider")
			var re *customlabels.RetryError
			assert.NotErrorAs(t, err, &re, "not retried")
			assert.Empty(t, srv.Requests(), "nothing sent")
		})
	}
}
