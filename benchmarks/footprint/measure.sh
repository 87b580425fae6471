#!/usr/bin/env bash
# Measures the footprint of the three minimal programs in footprint/:
# stripped binary size, number of packages linked (go list -deps), and
# build time with the standard library already compiled. Each build time
# is the median of RUNS builds, each in a fresh copy of a GOCACHE
# pre-warmed with `go build std` only, so the program's own packages and
# its dependencies outside the standard library are compiled every time.
# Usage: bash footprint/measure.sh   (from benchmarks/)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

warm="$tmp/warm-cache"
GOCACHE=$warm go build std

printf '| program | stripped binary | packages (go list -deps) | build time, std cached (median of %d) |\n' "$RUNS"
printf '|---|---|---|---|\n'
for p in floor customlabels sdk; do
  pkg=./footprint/$p
  go build -ldflags='-s -w' -o "$tmp/$p" "$pkg"
  size=$(stat -c %s "$tmp/$p")
  deps=$(go list -deps "$pkg" | wc -l)
  times=()
  for i in $(seq "$RUNS"); do
    cache="$tmp/cache-$p-$i"
    cp -a "$warm" "$cache"
    start=$(date +%s.%N)
    GOCACHE=$cache go build -ldflags='-s -w' -o "$tmp/$p.out" "$pkg"
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
    rm -rf "$cache"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  printf '| %s | %.2f MiB (%d bytes) | %d | %.2f s |\n' "$p" "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')" "$size" "$deps" "$median"
done
