#!/usr/bin/env bash
# Measures the footprint of the three minimal programs in footprint/:
# stripped binary size, number of packages linked (go list -deps), and
# build time with the standard library already compiled. Each build time
# is the median of RUNS builds, each in a fresh copy of a GOCACHE
# pre-warmed with `go build std` only, so the program's own packages and
# its dependencies outside the standard library are compiled every time.
# The programs' builds are interleaved, so that a change in the machine's
# load during the measurement falls on all three alike.
# Usage: bash footprint/measure.sh   (from benchmarks/; RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
programs=(floor customlabels sdk)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

warm="$tmp/warm-cache"
GOCACHE=$warm go build std

for i in $(seq "$RUNS"); do
  for p in "${programs[@]}"; do
    cache="$tmp/cache-$p-$i"
    cp -a "$warm" "$cache"
    start=$(date +%s.%N)
    GOCACHE=$cache go build -ldflags='-s -w' -o "$tmp/$p.out" "./footprint/$p"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >> "$tmp/times-$p"
    rm -rf "$cache"
  done
done

printf '| program | stripped binary | packages (go list -deps) | build time, std cached (median of %d) |\n' "$RUNS"
printf '|---|---|---|---|\n'
for p in "${programs[@]}"; do
  go build -ldflags='-s -w' -o "$tmp/$p" "./footprint/$p"
  size=$(stat -c %s "$tmp/$p")
  deps=$(go list -deps "./footprint/$p" | wc -l)
  median=$(sort -n "$tmp/times-$p" | sed -n "$(( (RUNS + 1) / 2 ))p")
  printf '| %s | %.2f MiB (%d bytes) | %d | %.2f s |\n' "$p" "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')" "$size" "$deps" "$median"
done
