#!/usr/bin/env bash
# ab.sh [BASE_REV] [go test flags]: BenchmarkAB (ab_test.go), this working
# tree's client against the one of BASE_REV (default: 4bdf666, main before
# the generated wire layer), call by call in one binary. It copies
# BASE_REV into a temporary module, github.com/rekognition-go/customlabelsbase,
# and this module into a temporary copy that requires it; nothing here
# changes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rev=${1:-4bdf666}
shift || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git -C "$root" archive "$rev" | tar -x -C "$tmp/base"
rm -rf "$tmp/base/benchmarks" "$tmp/base/compat" "$tmp/base/examples"
find "$tmp/base" -name '*.go' -o -name go.mod | xargs sed -i 's#github.com/rekognition-go/customlabels\b#github.com/rekognition-go/customlabelsbase#g'
cp -r "$here" "$tmp/bench"
cd "$tmp/bench"
go mod edit -replace "github.com/rekognition-go/customlabels=$root" \
	-replace "github.com/rekognition-go/customlabelsbase=$tmp/base" \
	-require "github.com/rekognition-go/customlabelsbase@v0.0.0"
go mod tidy >/dev/null 2>&1 || true
go test -tags ab -run '^$' -bench 'AB' -benchtime=2000x -count 6 "$@" .
