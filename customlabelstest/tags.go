package customlabelstest

import "maps"

// tagStore holds the tags of projects, versions and datasets, by ARN.
type tagStore map[string]map[string]string

// set adds tags to arn's, replacing the values of keys it has.
func (t *tagStore) set(arn string, tags map[string]string) {
	if *t == nil {
		*t = tagStore{}
	}
	if (*t)[arn] == nil {
		(*t)[arn] = map[string]string{}
	}
	maps.Copy((*t)[arn], tags)
}

// remove forgets arn's tags.
func (t tagStore) remove(arn string) { delete(t, arn) }
