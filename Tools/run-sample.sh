#!/usr/bin/env bash
# The main job on the shipped sample: the full report (HTML page, GeoJSON layers, CSV tables, GeoPackage).
# Usage: Tools/run-sample.sh HAZMAP_BINARY SAMPLE_DIR OUT_DIR
set -euo pipefail
hazmap=$1
sample=$2
out=$3
mkdir -p "$out"

echo "== hazmap report on $sample (the sample has planted data errors; the report lists them)"
"$hazmap" report --hazards "$sample/hazards.gpkg" --releases "$sample/releases.gpkg" \
  --regions "$sample/regions.geojson" --population "$sample/population.tif" \
  --accidents "$sample/accidents.geojson" --routes "$sample/routes.geojson" \
  --mapping "$sample/mapping.toml" --title "hazmap sample programme" -o "$out/report"

echo
echo "Open $out/report/index.html in a browser; the layers are in $out/report/report.gpkg (for QGIS)."
