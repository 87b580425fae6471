package customlabels

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/aws/smithy-go"
)

func (c *Client) log(ctx context.Context, l *slog.Logger, call *attemptCall, attempt int, res attemptResult, d time.Duration) {
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("operation", call.op.name),
		slog.Int("attempt", attempt),
		slog.Int("status", res.status),
		slog.String("request_id", res.requestID),
		slog.Duration("duration", d),
	}
	if res.err != nil {
		var apiErr smithy.APIError
		if errors.As(res.err, &apiErr) {
			attrs = append(attrs, slog.String("error_code", apiErr.ErrorCode()))
		}
		attrs = append(attrs, slog.String("error", res.err.Error()))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "customlabels attempt", attrs...)
}
