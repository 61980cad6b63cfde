#!/usr/bin/env bash
# Renders a hazmap report in headless Chromium (Debian's package, installed when missing), saves a PNG
# screenshot, and checks that the page rendered without console errors and that its DOM holds the SVG map.
# Usage: Tools/screenshot-report.sh [REPORT_INDEX_HTML] [PNG]
# Defaults: out/sample/report/index.html and out/sample/report-screenshot.png.
set -euo pipefail
page=${1:-out/sample/report/index.html}
png=${2:-out/sample/report-screenshot.png}
[ -f "$page" ] || { echo "no report at $page: run 'make run' first" >&2; exit 1; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  echo "installing chromium from Debian's packages"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
mkdir -p "$(dirname "$png")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile")

# The screenshot, with the browser's log on stderr: page (console) errors are reported as CONSOLE lines.
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --window-size=1400,6000 --screenshot="$png" "$url" \
  >"$work/out.log" 2>"$work/err.log" || { cat "$work/err.log" >&2; exit 1; }
[ -s "$png" ] || { echo "no screenshot was written" >&2; cat "$work/err.log" >&2; exit 1; }
if grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR' "$work/err.log" >"$work/console.log"; then
  echo "the page logged errors:" >&2
  cat "$work/console.log" >&2
  exit 1
fi

# The rendered DOM must hold the map, the charts and the summary table.
"$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>/dev/null
for needle in '<svg[^>]*class="map"' 'class="layer"' 'class="scale-bar"' 'id="remaining-by-region"' '<svg[^>]*class="chart"'; do
  grep -Eq "$needle" "$work/dom.html" || { echo "the rendered page lacks $needle" >&2; exit 1; }
done
echo "rendered $url without console errors; screenshot: $png"
