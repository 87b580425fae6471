package main

import (
	"context"
	"sync"
)

// regionResult is what the work in one Region gave.
type regionResult[T any] struct {
	region string
	value  T
	err    error
}

// eachRegion calls fn for every Region of cs concurrently and returns the
// results in the order of cs.regions. A Region's failure does not stop the
// others; every Region is in the results, with its value or its error.
// fn should send its requests through limit, which bounds the requests in
// flight across all Regions.
func eachRegion[T any](ctx context.Context, cs *clients, fn func(ctx context.Context, region string) (T, error)) []regionResult[T] {
	results := make([]regionResult[T], len(cs.regions))
	var wg sync.WaitGroup
	for i, r := range cs.regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := fn(ctx, r)
			results[i] = regionResult[T]{region: r, value: v, err: err}
		}()
	}
	wg.Wait()
	return results
}

// limiter bounds the number of requests in flight. Its zero value is not
// usable; make one with newLimiter.
type limiter struct{ slots chan struct{} }

func newLimiter(n int) *limiter { return &limiter{slots: make(chan struct{}, n)} }

// do runs call once a slot is free, or returns ctx's error first.
func (l *limiter) do(ctx context.Context, call func() error) error {
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-l.slots }()
	return call()
}
