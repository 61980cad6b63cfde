#!/usr/bin/env bash
# The main job on the shipped sample: describe the inputs, check them, and compute the dissolved extent.
# Usage: Tools/run-sample.sh HAZMAP_BINARY SAMPLE_DIR OUT_DIR
set -euo pipefail
hazmap=$1
sample=$2
out=$3
mkdir -p "$out"

echo "== hazmap info"
"$hazmap" info "$sample/hazards.gpkg" "$sample/releases.gpkg" "$sample/population.tif"

echo
echo "== hazmap validate (the sample has planted errors; they are listed in $out/findings.csv)"
status=0
"$hazmap" validate "$sample/hazards.gpkg" --releases "$sample/releases.gpkg" --regions "$sample/regions.geojson" \
  --mapping "$sample/mapping.toml" -o "$out/findings.csv" --quiet | tail -n 1 || status=$?
[ "$status" -le 1 ] || exit "$status"

echo
echo "== hazmap extent: contamination remaining after all releases, by class and region"
"$hazmap" extent "$sample/hazards.gpkg" --releases "$sample/releases.gpkg" --regions "$sample/regions.geojson" \
  --mapping "$sample/mapping.toml" --by class,region -o "$out/extent.geojson"

echo
echo "Outputs are in $out/: extent.geojson (dissolved extents with areas), findings.csv (validation findings)."
