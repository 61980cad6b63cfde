#!/usr/bin/env bash
# Creates Tools/bench/.venv and installs the pinned Python peers from requirements.txt.
# Usage: Tools/bench/setup.sh [python3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${1:-python3}"
"$python" -m venv "$here/.venv"
"$here/.venv/bin/python" -m pip install --quiet --upgrade pip
"$here/.venv/bin/python" -m pip install --quiet --only-binary=:all: -r "$here/requirements.txt"
"$here/.venv/bin/python" - <<'PY'
import shapely, pyproj, geopandas, pyogrio, numpy, rasterio, rasterstats, exactextract
print("shapely", shapely.__version__, "GEOS", shapely.geos_version_string)
print("pyproj", pyproj.__version__, "PROJ", pyproj.proj_version_str)
print("pyogrio", pyogrio.__version__, "GDAL", pyogrio.__gdal_version_string__)
print("geopandas", geopandas.__version__, "numpy", numpy.__version__)
print("rasterio", rasterio.__version__, "rasterstats", rasterstats.__version__,
      "exactextract", exactextract.__version__)
PY
