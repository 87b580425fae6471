package endpoint

import (
	"regexp"
	"testing"
)

// partitionRegexes are the regionRegex values of partitions.json, in
// table order, that partition.matches stands for.
var partitionRegexes = []*regexp.Regexp{
	regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`),
	regexp.MustCompile(`^cn\-\w+\-\d+$`),
	regexp.MustCompile(`^us\-gov\-\w+\-\d+$`),
	regexp.MustCompile(`^us\-iso\-\w+\-\d+$`),
	regexp.MustCompile(`^us\-isob\-\w+\-\d+$`),
	regexp.MustCompile(`^eu\-isoe\-\w+\-\d+$`),
	regexp.MustCompile(`^us\-isof\-\w+\-\d+$`),
	regexp.MustCompile(`^eusc\-(de)\-\w+\-\d+$`),
}

func checkMatchesLikeRegex(t *testing.T, region string) {
	t.Helper()
	if len(partitions) != len(partitionRegexes) {
		t.Fatalf("%d partitions, %d regexes", len(partitions), len(partitionRegexes))
	}
	for i := range partitions {
		if got, want := partitions[i].matches(region), partitionRegexes[i].MatchString(region); got != want {
			t.Errorf("partition %s matches(%q) = %v, regionRegex says %v", partitions[i].id, region, got, want)
		}
	}
}

func TestPartitionMatchesLikeRegex(t *testing.T) {
	for _, r := range []string{
		"us-east-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "us-isof-south-1", "eu-isoe-west-1",
		"cn-north-1", "eusc-de-east-1", "eusc-fr-east-1", "il-central-1", "mx-central-1", "mars-1", "us-east-1x",
		"us--1", "us-east-", "us-east", "us-1", "us-e_st-1", "US-EAST-1", "us-east-1-fips", "eu-isoe-", "",
		"us-gov-", "xus-east-1", "us-east-01", "cn-north-1-", "ap-southeast-5", "us-east-1.evil.com",
	} {
		checkMatchesLikeRegex(t, r)
	}
}

func FuzzPartitionMatchesLikeRegex(f *testing.F) {
	f.Add("us-east-1")
	f.Add("eusc-de-east-1")
	f.Fuzz(checkMatchesLikeRegex)
}
