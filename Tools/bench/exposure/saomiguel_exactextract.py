#!/usr/bin/env python3
"""Independent reference values for hazmap's exposure sums on the São Miguel sample data.

Sums the GPW v4.11 2020 population counts (gpw_v411_2020_count_2020.tif) inside each of the six
municipalities of concelhos.gpkg with exactextract (ISciences), which weights each cell by the exact
fraction of it that the polygon covers, and prints them as JSON sorted by name.

Usage (from the repository root, after Tools/bench/setup.sh or an equivalent venv):
  Tools/bench/.venv/bin/python Tools/bench/exposure/saomiguel_exactextract.py ../shared/data/sao-miguel-gpw \
      > Tests/ContaminationTests/ExposureSaoMiguelReference.json
"""
import json
import os
import sys

import exactextract
import rasterio
import geopandas


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/sao-miguel-gpw"
    raster_path = os.path.join(folder, "gpw_v411_2020_count_2020.tif")
    polygons = geopandas.read_file(os.path.join(folder, "concelhos.gpkg"), layer="concelhos")
    with rasterio.open(raster_path) as raster:
        table = exactextract.exact_extract(raster, polygons, ["sum", "count"], include_cols=["name"],
                                           output="pandas")
    rows = sorted(table.to_dict("records"), key=lambda row: row["name"])
    print(json.dumps({
        "tool": f"exactextract {exactextract.__version__} (Python), rasterio {rasterio.__version__}, "
                f"geopandas {geopandas.__version__}",
        "raster": "gpw_v411_2020_count_2020.tif",
        "polygons": "concelhos.gpkg, layer concelhos",
        "operations": "sum = Σ value × coverage fraction over non-nodata cells; "
                      "count = Σ coverage fraction over non-nodata cells",
        "municipalities": [{"name": row["name"], "sum": float(row["sum"]), "count": float(row["count"])}
                           for row in rows],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
