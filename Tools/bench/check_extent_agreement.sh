#!/usr/bin/env bash
# Checks that `hazmap extent` agrees with the independent Python reference (reference_extent.py:
# Shapely make_valid STRUCTURE + union_all + pyproj Geod) within a relative tolerance, on the
# total and per class: once on the hazards alone, once with all releases replayed up to AS_OF.
#
#   Tools/bench/check_extent_agreement.sh HAZMAP_BINARY SCENARIO_DIR
#
# SCENARIO_DIR holds hazards.gpkg and releases.gpkg from hazmap-generate, e.g.
#   hazmap-generate --hazards 100000 --seed 7 --out /tmp/s100k --format gpkg
# Environment: TOLERANCE (default 1e-6), AS_OF (default 2025-12-31), RELEASES=0 to skip the
# release replay, THREADS (hazmap --threads, default all cores), PY (default Tools/bench/.venv).
# Exits 0 when every figure agrees, 1 on any disagreement or failure, 2 on bad usage.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR" >&2
    exit 2
fi
HAZMAP="$1"
DIR="$(cd "$2" && pwd)" || exit 2
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
TOLERANCE="${TOLERANCE:-1e-6}"
AS_OF="${AS_OF:-2025-12-31}"
RELEASES="${RELEASES:-1}"
THREAD_OPT=""
[ -n "${THREADS:-}" ] && THREAD_OPT="--threads $THREADS"

[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }
OUT="$HERE/results/agreement_$(basename "$DIR")"
mkdir -p "$OUT"

# Runs one case: hazmap and the reference with the same extra arguments; compares their JSON.
check() {
    local name="$1"
    shift
    echo "== $name: $*"
    # shellcheck disable=SC2086
    if ! "$HAZMAP" extent "$DIR/hazards.gpkg" "$@" $THREAD_OPT --json -q >"$OUT/$name.hazmap.json" \
        2>"$OUT/$name.hazmap.err"; then
        echo "hazmap failed (see $OUT/$name.hazmap.err)"
        return 1
    fi
    if ! "$PY" "$HERE/reference_extent.py" "$DIR/hazards.gpkg" "$@" --json >"$OUT/$name.reference.json" \
        2>"$OUT/$name.reference.err"; then
        echo "reference failed (see $OUT/$name.reference.err)"
        return 1
    fi
    "$PY" - "$OUT/$name.hazmap.json" "$OUT/$name.reference.json" "$TOLERANCE" <<'PY'
import json, sys

hazmap, reference = (json.load(open(p)) for p in sys.argv[1:3])
tolerance = float(sys.argv[3])
rows = [(c, hazmap["byClass"][c]["m2"], reference["classes"][c]["m2"]) for c in ("CHA", "SHA")]
rows.append(("total", hazmap["total"]["m2"], reference["total"]["m2"]))
(summary,) = [s for s in hazmap["inputs"] if s["layer"] == "hazards"]
ref = reference["hazards"]
counts = [("read", summary["read"], ref["read"]),
          ("null/empty skipped", sum(summary.get("leftOut", {}).values()), ref["null_or_empty"]),
          ("repaired", summary["repaired"], ref["repaired"])]
ok = True
print(f"{'':8}{'hazmap m²':>22}{'reference m²':>22}{'relative diff':>16}")
for name, h, r in rows:
    rel = abs(h - r) / abs(r) if r else abs(h)
    bad = not rel <= tolerance
    ok &= not bad
    print(f"{name:8}{h:>22,.3f}{r:>22,.3f}{rel:>16.2e}{'  DISAGREE' if bad else ''}")
for name, h, r in counts:
    bad = h != r
    ok &= not bad
    print(f"  {name}: hazmap {h}, reference {r}{'  DISAGREE' if bad else ''}")
sys.exit(0 if ok else 1)
PY
}

status=0
check hazards || status=1
if [ "$RELEASES" = "1" ]; then
    check "releases_$AS_OF" --releases "$DIR/releases.gpkg" --as-of "$AS_OF" || status=1
fi
if [ $status -eq 0 ]; then
    echo "agreement: every figure within $TOLERANCE relative"
else
    echo "agreement: FAILED (outputs in $OUT)"
fi
exit $status
