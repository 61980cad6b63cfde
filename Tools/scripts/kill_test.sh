#!/usr/bin/env bash
# Interrupted output: SIGKILL `hazmap extent … -o OUT` while it writes, and check that OUT is never partial.
#
# For each format (.gpkg, .geojson, .shp) the destination first holds a complete "old" output (extent by
# class). Then `hazmap extent --by class,hazard_type,region -o OUT` (the "new" output, more features) is
# started and killed with SIGKILL a chosen delay after its hidden temporary file appears next to OUT.
# Afterwards OUT must be either byte-identical to the old file, or a complete new file that ogrinfo opens
# with the new feature count. Finally a normal run must remove the temporary files the killed runs left.
#
# Usage: Tools/scripts/kill_test.sh [HAZMAP] [HAZMAP_GENERATE] [HAZARDS]
#   defaults: .build-robust/release/hazmap, .build-robust/release/hazmap-generate, 20000 hazards.
# Exit status 0 when every kill point passes, 1 otherwise.
set -euo pipefail

HAZMAP=${1:-.build-robust/release/hazmap}
GENERATE=${2:-.build-robust/release/hazmap-generate}
HAZARDS=${3:-20000}
WORK=$(mktemp -d /tmp/hazmap-kill-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
failures=0

for tool in "$HAZMAP" "$GENERATE" ogrinfo; do
  command -v "$tool" >/dev/null || { echo "kill_test: $tool not found" >&2; exit 1; }
done

echo "generating $HAZARDS hazards into $WORK/scenario"
"$GENERATE" --hazards "$HAZARDS" --seed 11 --format gpkg --out "$WORK/scenario" >/dev/null
HAZ="$WORK/scenario/hazards.gpkg"
REL="$WORK/scenario/releases.gpkg"
NEW_ARGS=(extent "$HAZ" --releases "$REL" --by class,hazard_type,region -q)
OLD_ARGS=(extent "$HAZ" --by class -q)

# The feature count of a vector file according to ogrinfo, or "invalid".
count_features() {
  local out
  if ! out=$(ogrinfo -ro -so -al "$1" 2>/dev/null); then echo invalid; return; fi
  local counts
  counts=$(grep -E '^Feature Count: ' <<<"$out" | awk '{ s += $3 } END { print s + 0 }')
  [ -n "$counts" ] && echo "$counts" || echo invalid
}

# Checksum of a destination (all shapefile parts for .shp).
checksum() {
  local file=$1
  if [[ $file == *.shp ]]; then
    local stem=${file%.shp}
    cat "$stem".shp "$stem".shx "$stem".dbf "$stem".prj 2>/dev/null | sha256sum | cut -d' ' -f1
  else
    sha256sum "$file" | cut -d' ' -f1
  fi
}

for ext in gpkg geojson shp; do
  dir="$WORK/out-$ext"
  mkdir -p "$dir"
  out="$dir/extent.$ext"
  "$HAZMAP" "${NEW_ARGS[@]}" -o "$dir/reference.$ext" >/dev/null
  new_count=$(count_features "$dir/reference.$ext")
  start=$(date +%s%N)
  "$HAZMAP" "${OLD_ARGS[@]}" -o "$out" >/dev/null
  old_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  old_count=$(count_features "$out")
  old_sum=$(checksum "$out")
  echo "== .$ext: old output $old_count features, new output $new_count features (old run ${old_ms} ms)"
  for delay_ms in 0 1 3 10 30 100 300; do
    "$HAZMAP" "${NEW_ARGS[@]}" -o "$out" >/dev/null 2>&1 &
    pid=$!
    # Wait for this run's temporary output to appear, then kill it after the delay.
    waited=0
    until compgen -G "$dir/.extent.hazmap-tmp-$pid-*" >/dev/null || ! kill -0 "$pid" 2>/dev/null; do
      sleep 0.002
      waited=$((waited + 1))
    done
    sleep "$(awk "BEGIN { print $delay_ms / 1000 }")"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null && status=0 || status=$?
    sum=$(checksum "$out")
    count=$(count_features "$out")
    if [ "$sum" = "$old_sum" ]; then
      verdict="old file intact"
    elif [ "$count" = "$new_count" ]; then
      verdict="complete new file"
    else
      verdict="PARTIAL ($count features)"
      failures=$((failures + 1))
    fi
    leftovers=$(find "$dir" -maxdepth 1 -name '.extent.hazmap-tmp-*' | wc -l)
    printf '   kill %4s ms after the temp file: exit %3s, %s, %d temp files left\n' \
      "$delay_ms" "$status" "$verdict" "$leftovers"
    # Restore the old output so that every kill point starts from the same state.
    if [ "$verdict" = "complete new file" ]; then
      "$HAZMAP" "${OLD_ARGS[@]}" -o "$out" >/dev/null
      old_sum=$(checksum "$out")
    fi
  done
  # A normal run cleans what the killed runs left behind.
  "$HAZMAP" "${NEW_ARGS[@]}" -o "$out" >/dev/null
  left=$(find "$dir" -maxdepth 1 -name '.extent.hazmap-tmp-*' | wc -l)
  final=$(count_features "$out")
  if [ "$left" -ne 0 ] || [ "$final" != "$new_count" ]; then
    echo "   FAIL: after a normal run: $left temp files left, $final features" >&2
    failures=$((failures + 1))
  else
    echo "   a normal run afterwards: complete ($final features), no temp files left"
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "kill_test: $failures failures" >&2
  exit 1
fi
echo "kill_test: every kill point left the old or the complete new output"
