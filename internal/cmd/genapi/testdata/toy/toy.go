package toy

import "time"

type Kind string

type PutThingInput struct {
	Name   string
	Body   Body
	Count  int32
	Ratio  *float32
	Labels []string
	Tags   map[string]string
	Kind   Kind
	Flag   bool
	Keys   []string
}

type Body struct {
	Data []byte
}

func (b *Body) checkRules(path string) error { return nil }

type PutThingOutput struct {
	Created   time.Time
	Kind      Kind
	RequestID string
}

type ListThingsInput struct {
	NextToken  string
	MaxResults int32
	Flag       *bool
}

type ListThingsOutput struct {
	Things    []Thing
	NextToken string
	RequestID string
}

type Thing struct {
	Name          string
	StatusMessage string
}
