package customlabelstest

import (
	"maps"
	"strconv"
	"strings"

	"github.com/rekognition-go/customlabels"
)

// Tags: TagResource, UntagResource and ListTagsForResource, on projects,
// versions and datasets, and the tags CreateProject sets.

// maxTagsPerResource is the most tags a resource holds: the model's
// TagMap maximum.
const maxTagsPerResource = 200

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

// prune forgets the tags of every ARN exists says is gone, so that tags
// go with their resource.
func (t tagStore) prune(exists func(arn string) bool) {
	for arn := range t {
		if !exists(arn) {
			delete(t, arn)
		}
	}
}

// resourceExists reports whether arn names a project, a version or a
// dataset (of a project's Datasets) the server holds. s.mu is held.
func (s *Server) resourceExists(arn string) bool {
	if _, ok := s.store.byArn[arn]; ok {
		return true
	}
	if _, ok := s.versions.byArn[arn]; ok {
		return true
	}
	if !strings.Contains(arn, "/dataset/") {
		return false
	}
	key := projectKey(arn)
	for _, e := range s.store.entries {
		if projectKey(e.p.ProjectArn) != key {
			continue
		}
		for _, d := range e.p.Datasets {
			if d.DatasetArn == arn {
				return true
			}
		}
	}
	return false
}

// taggable returns the ResourceNotFoundException for an ARN the server
// has no project, version or dataset of, after settling the projects'
// lifecycles. s.mu is held.
func (s *Server) taggable(arn string) error {
	if !s.resourceExists(arn) {
		return &customlabels.ResourceNotFoundException{Message: "The resource " + truncate(arn, 256) + " does not exist"}
	}
	return nil
}

// tagResource answers TagResource: the tags are added to the resource's,
// replacing the values of keys it has. Documented (model): at most 200
// tags, keys without "aws:". Assumed: projects, versions and datasets all
// take tags (the API reference names models; projects work in practice;
// it is silent on datasets); a resource that would hold more than 200 is
// ServiceQuotaExceededException, the one quota error the model lists for
// the operation, and nothing is added.
func (s *Server) tagResource(_ *caller, in *customlabels.TagResourceInput) (*customlabels.TagResourceOutput, error) {
	s.lockSettled()
	defer s.mu.Unlock()
	if err := s.taggable(in.ResourceArn); err != nil {
		return nil, err
	}
	n := len(s.tagStore[in.ResourceArn])
	for k := range in.Tags {
		if _, ok := s.tagStore[in.ResourceArn][k]; !ok {
			n++
		}
	}
	if n > maxTagsPerResource {
		return nil, &customlabels.ServiceQuotaExceededException{Message: "The resource would have " + strconv.Itoa(n) +
			" tags; a resource has at most " + strconv.Itoa(maxTagsPerResource)}
	}
	if len(in.Tags) > 0 {
		s.tagStore.set(in.ResourceArn, in.Tags)
	}
	return &customlabels.TagResourceOutput{}, nil
}

// untagResource answers UntagResource: the keys named are removed; a key
// the resource does not have is ignored (assumed, as tagging APIs across
// AWS do).
func (s *Server) untagResource(_ *caller, in *customlabels.UntagResourceInput) (*customlabels.UntagResourceOutput, error) {
	s.lockSettled()
	defer s.mu.Unlock()
	if err := s.taggable(in.ResourceArn); err != nil {
		return nil, err
	}
	if tags := s.tagStore[in.ResourceArn]; tags != nil {
		for _, k := range in.TagKeys {
			delete(tags, k)
		}
		if len(tags) == 0 {
			s.tagStore.remove(in.ResourceArn)
		}
	}
	return &customlabels.UntagResourceOutput{}, nil
}

// listTagsForResource answers ListTagsForResource: every tag of the
// resource, an empty map when it has none.
func (s *Server) listTagsForResource(_ *caller, in *customlabels.ListTagsForResourceInput) (*customlabels.ListTagsForResourceOutput, error) {
	s.lockSettled()
	defer s.mu.Unlock()
	if err := s.taggable(in.ResourceArn); err != nil {
		return nil, err
	}
	tags := maps.Clone(s.tagStore[in.ResourceArn])
	if tags == nil {
		tags = map[string]string{}
	}
	return &customlabels.ListTagsForResourceOutput{Tags: tags}, nil
}
