package endpoint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		url    string
		region string
	}{
		{"aws", Options{Region: "us-east-1"}, "https://rekognition.us-east-1.amazonaws.com/", "us-east-1"},
		{"aws eu", Options{Region: "eu-west-1"}, "https://rekognition.eu-west-1.amazonaws.com/", "eu-west-1"},
		{"aws il", Options{Region: "il-central-1"}, "https://rekognition.il-central-1.amazonaws.com/", "il-central-1"},
		{"aws fips", Options{Region: "us-east-1", UseFIPS: true}, "https://rekognition-fips.us-east-1.amazonaws.com/", "us-east-1"},
		{"aws dualstack", Options{Region: "us-west-2", UseDualStack: true}, "https://rekognition.us-west-2.api.aws/", "us-west-2"},
		{"aws fips dualstack", Options{Region: "us-west-2", UseFIPS: true, UseDualStack: true}, "https://rekognition-fips.us-west-2.api.aws/", "us-west-2"},
		{"unknown falls back to aws", Options{Region: "mars-1"}, "https://rekognition.mars-1.amazonaws.com/", "mars-1"},
		{"cn", Options{Region: "cn-north-1"}, "https://rekognition.cn-north-1.amazonaws.com.cn/", "cn-north-1"},
		{"cn fips dualstack", Options{Region: "cn-north-1", UseFIPS: true, UseDualStack: true}, "https://rekognition-fips.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1"},
		{"us-gov", Options{Region: "us-gov-west-1"}, "https://rekognition.us-gov-west-1.amazonaws.com/", "us-gov-west-1"},
		{"us-gov fips", Options{Region: "us-gov-west-1", UseFIPS: true}, "https://rekognition-fips.us-gov-west-1.amazonaws.com/", "us-gov-west-1"},
		{"us-gov dualstack", Options{Region: "us-gov-west-1", UseDualStack: true}, "https://rekognition.us-gov-west-1.api.aws/", "us-gov-west-1"},
		{"iso", Options{Region: "us-iso-east-1"}, "https://rekognition.us-iso-east-1.c2s.ic.gov/", "us-iso-east-1"},
		{"iso dualstack", Options{Region: "us-iso-east-1", UseDualStack: true}, "https://rekognition.us-iso-east-1.api.aws.ic.gov/", "us-iso-east-1"},
		{"iso-b", Options{Region: "us-isob-east-1"}, "https://rekognition.us-isob-east-1.sc2s.sgov.gov/", "us-isob-east-1"},
		{"iso-b dualstack", Options{Region: "us-isob-east-1", UseDualStack: true}, "https://rekognition.us-isob-east-1.api.aws.scloud/", "us-isob-east-1"},
		{"iso-e", Options{Region: "eu-isoe-west-1"}, "https://rekognition.eu-isoe-west-1.cloud.adc-e.uk/", "eu-isoe-west-1"},
		{"iso-e dualstack", Options{Region: "eu-isoe-west-1", UseDualStack: true}, "https://rekognition.eu-isoe-west-1.api.cloud-aws.adc-e.uk/", "eu-isoe-west-1"},
		{"iso-f", Options{Region: "us-isof-south-1"}, "https://rekognition.us-isof-south-1.csp.hci.ic.gov/", "us-isof-south-1"},
		{"iso-f dualstack", Options{Region: "us-isof-south-1", UseDualStack: true}, "https://rekognition.us-isof-south-1.api.aws.hci.ic.gov/", "us-isof-south-1"},
		{"eusc", Options{Region: "eusc-de-east-1"}, "https://rekognition.eusc-de-east-1.amazonaws.eu/", "eusc-de-east-1"},
		{"eusc dualstack", Options{Region: "eusc-de-east-1", UseDualStack: true}, "https://rekognition.eusc-de-east-1.api.amazonwebservices.eu/", "eusc-de-east-1"},
		{"pseudo fips suffix", Options{Region: "us-east-1-fips"}, "https://rekognition-fips.us-east-1.amazonaws.com/", "us-east-1"},
		{"pseudo fips prefix", Options{Region: "fips-us-west-2"}, "https://rekognition-fips.us-west-2.amazonaws.com/", "us-west-2"},
		{"pseudo fips gov", Options{Region: "fips-us-gov-west-1"}, "https://rekognition-fips.us-gov-west-1.amazonaws.com/", "us-gov-west-1"},
		{"pseudo fips infix", Options{Region: "us-fips-east-1"}, "https://rekognition-fips.us-east-1.amazonaws.com/", "us-east-1"},
		{"base endpoint http", Options{Region: "us-east-1", BaseEndpoint: "http://127.0.0.1:8080"}, "http://127.0.0.1:8080/", "us-east-1"},
		{"base endpoint with path", Options{Region: "eu-west-1", BaseEndpoint: "https://proxy.example.com/rekognition"}, "https://proxy.example.com/rekognition/", "eu-west-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.opts)
			require.NoError(t, err, "Resolve(%+v)", tt.opts)
			assert.Equal(t, tt.url, got.URL, "Resolve(%+v).URL", tt.opts)
			assert.Equal(t, tt.region, got.SigningRegion, "Resolve(%+v).SigningRegion", tt.opts)
		})
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"missing region", Options{}, "missing region"},
		{"missing region with base endpoint", Options{BaseEndpoint: "http://127.0.0.1:1"}, "missing region"},
		{"dots", Options{Region: "us-east-1.evil.com"}, `invalid region "us-east-1.evil.com": only lower-case`},
		{"slash", Options{Region: "us-east-1/x"}, "only lower-case"},
		{"underscore", Options{Region: "us_east_1"}, "only lower-case"},
		{"trailing dot", Options{Region: "us-east-1."}, "only lower-case"},
		{"upper case", Options{Region: "US-EAST-1"}, "only lower-case"},
		{"space", Options{Region: "us-east-1 "}, "only lower-case"},
		{"at", Options{Region: "us-east-1@evil.com"}, "only lower-case"},
		{"leading dash", Options{Region: "-bad"}, "must not start or end"},
		{"trailing dash", Options{Region: "bad-"}, "must not start or end"},
		{"all digits", Options{Region: "123"}, "must not be all digits"},
		{"too long", Options{Region: strings.Repeat("a", 64)}, "1 to 63"},
		{"fips only", Options{Region: "fips-"}, "invalid region"},
		{"fips leaves digits", Options{Region: "fips-123"}, "must not be all digits"},
		{"base endpoint with fips", Options{Region: "us-east-1", UseFIPS: true, BaseEndpoint: "http://127.0.0.1:1"}, "FIPS and a custom BaseEndpoint"},
		{"base endpoint with pseudo fips", Options{Region: "us-east-1-fips", BaseEndpoint: "http://127.0.0.1:1"}, "FIPS and a custom BaseEndpoint"},
		{"base endpoint with dualstack", Options{Region: "us-east-1", UseDualStack: true, BaseEndpoint: "http://127.0.0.1:1"}, "dual-stack and a custom BaseEndpoint"},
		{"base endpoint scheme", Options{Region: "us-east-1", BaseEndpoint: "ftp://x"}, "scheme must be http or https"},
		{"base endpoint no scheme", Options{Region: "us-east-1", BaseEndpoint: "127.0.0.1:8080"}, "invalid BaseEndpoint"},
		{"base endpoint no host", Options{Region: "us-east-1", BaseEndpoint: "http://"}, "no host"},
		{"base endpoint query", Options{Region: "us-east-1", BaseEndpoint: "http://h/?a=b"}, "query"},
		{"base endpoint user", Options{Region: "us-east-1", BaseEndpoint: "http://user:secret@h/"}, "user info"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(tt.opts)
			require.Error(t, err, "Resolve(%+v)", tt.opts)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "secret")
		})
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"us-east-1", "us-east-1.evil.com", "fips-us-east-1", "-fips-", "a", "cn-north-1", "\x00", "us-gov-fips-west-1"} {
		f.Add(s, false, false)
	}
	f.Fuzz(func(t *testing.T, region string, fips, dual bool) {
		ep, err := Resolve(Options{Region: region, UseFIPS: fips, UseDualStack: dual})
		if err != nil {
			return
		}
		// Whatever is accepted yields a host that is exactly
		// rekognition[-fips].<one label>.<known suffix>.
		host := strings.TrimSuffix(strings.TrimPrefix(ep.URL, "https://"), "/")
		labels := strings.SplitN(host, ".", 3)
		if len(labels) != 3 || labels[1] != ep.SigningRegion || ValidateRegion(ep.SigningRegion) != nil {
			t.Fatalf("Resolve(%q) = %q, %q", region, ep.URL, ep.SigningRegion)
		}
		known := false
		for _, p := range partitions {
			known = known || labels[2] == p.dnsSuffix || labels[2] == p.dualStackDNS
		}
		if !known {
			t.Fatalf("Resolve(%q) suffix %q is not a partition suffix", region, labels[2])
		}
	})
}
