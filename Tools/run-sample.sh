#!/usr/bin/env bash
# The main job on the shipped sample: the full report (HTML page, GeoJSON layers, CSV tables, GeoPackage).
# Usage: Tools/run-sample.sh HAZMAP_BINARY SAMPLE_DIR OUT_DIR [CRITERIA_TOML]
# (default criteria: the PriSMA-like weights in GeoData/criteria/prisma.toml).
set -euo pipefail
hazmap=$1
sample=$2
out=$3
criteria=${4:-$(dirname "$sample")/criteria/prisma.toml}
mkdir -p "$out"

echo "== hazmap report on $sample (the sample has planted data errors; the report lists them)"
"$hazmap" report --hazards "$sample/hazards.gpkg" --releases "$sample/releases.gpkg" \
  --regions "$sample/regions.geojson" --population "$sample/population.tif" \
  --accidents "$sample/accidents.geojson" --facilities "$sample/facilities.geojson" \
  --roads "$sample/roads.geojson" --routes "$sample/routes.geojson" --route-events "$sample/route_events.geojson" \
  --criteria "$criteria" --mapping "$sample/mapping.toml" --title "hazmap sample programme" -o "$out/report"
echo
echo "Open $out/report/index.html in a browser; the layers are in $out/report/report.gpkg (for QGIS)."
