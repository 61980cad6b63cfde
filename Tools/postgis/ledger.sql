-- The yearly land-release ledger of `hazmap release`, computed in PostGIS SQL.
--
--   psql -X -q -A -t -v from=2010 -v to=2025 [-v workers=2] -f ledger.sql "dbname=…"
--
-- Reads tables `hazards` (geom, class, recorded) and `releases` (geom, method, date), as loaded by
-- ogr2ogr from hazmap-generate's GeoPackages, and prints one line of JSON shaped like the part of
-- `hazmap release --json` it computes:
--   {"periods": [{"period": "Y",
--                 "released": {"cleared"|"reduced"|"cancelled"|"total": {"cha"|"sha"|"total": {"m2": …}}},
--                 "remaining_end": {"cha"|"sha"|"total": {"m2": …}}}, …]}
-- Areas are geodesic on the WGS84 ellipsoid (ST_Area of geography). Work tables go to schema
-- `ledger`, dropped first; they are unlogged, not temporary, so that parallel workers (`workers`,
-- default 2) can read them.
--
-- Semantics (DESIGN.md "Semantics", `hazmap release --help`): events in the order (day, kind, input
-- order), kind 0 for a hazard and 1, 2, 3 for a release that cleared, reduced or cancelled land. A
-- hazard adds its polygon and a release removes its polygon, so what is left of hazard h just before
-- event e is
--     piece(h, e) = h − ⋃{r : r ∩ h ≠ ∅, h before r before e},
-- and a hazard recorded after a release re-contaminates. CHA is ⋃ CHA pieces and SHA is ⋃ SHA pieces
-- − CHA. Release r releases r ∩ (contamination just before r), by class; it is computed from the
-- hazards that intersect r and their earlier releases only (GiST joins), so the work stays local.
-- Remaining at the end of year Y is the union of the pieces at Y-12-31, per cluster of intersecting
-- hazards (ST_ClusterDBSCAN, eps 0): pieces of different clusters never overlap, so areas add up.
-- Each piece is cut once per ledger year in which it changes, and a cluster is dissolved only in
-- those years (and the first one); in the other years it keeps the areas of its last dissolve.
--
-- Geometries are repaired as hazmap does: invalid ones with ST_MakeValid (structure method,
-- collapsed parts dropped), polygonal parts kept (ST_CollectionExtract(…, 3)). Null or empty
-- geometries, and events without a date or a known class or method, are left out.

\set ON_ERROR_STOP on
\if :{?workers}
\else
  \set workers 2
\endif
SET client_min_messages = warning;
-- Parallel workers run the per-release and per-cluster functions below: PostgreSQL 15 does not run
-- a LATERAL subquery that refers to the outer row in workers, so those subqueries live inside
-- PARALLEL SAFE functions, called from parallel scans of the work tables.
SET jit = off;
SET max_parallel_workers_per_gather = :workers;
SET parallel_leader_participation = off;
SET min_parallel_table_scan_size = 0;
SET parallel_setup_cost = 100;
DROP SCHEMA IF EXISTS ledger CASCADE;
CREATE SCHEMA ledger;
-- When each step ended (for benchmarks).
CREATE UNLOGGED TABLE ledger.step AS SELECT 'start'::text AS step, clock_timestamp() AS ended;

-- Polygonal parts of a geometry, repaired (structure method) when invalid; empty when none.
CREATE FUNCTION ledger.repaired(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_CollectionExtract(
           CASE WHEN ST_IsValid(g) THEN g
                ELSE ST_MakeValid(g, 'method=structure keepcollapsed=false') END, 3)
$$;

-- a − b (a when b is null) with GEOS's overlay at `grid` (degrees; -1: floating): its polygonal parts,
-- without polygons and holes under 1e-14 deg² (about 1e-4 m²); null when nothing is left. Such
-- slivers make GEOS mislabel a later union: next to a 1e-18 deg² sliver left on the edge of a hole,
-- the union of three pieces fills the 13,272 m² hole (10,000 hazards, seed 42: hazards 1632, 8796
-- and 6659 in 2020). hazmap and reference_ledger.py drop them too.
CREATE FUNCTION ledger.less(a geometry, b geometry, grid float8) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_Collect(ST_MakePolygon(
           ST_ExteriorRing(p.geom),
           ARRAY(SELECT ST_ExteriorRing(r.geom) FROM ST_DumpRings(p.geom) r
                 WHERE r.path[1] > 0 AND ST_Area(r.geom) >= 1e-14)))
  FROM ST_Dump(ST_CollectionExtract(
         CASE WHEN b IS NULL THEN a ELSE ST_Difference(ST_CollectionExtract(a, 3), b, grid) END, 3)) p
  WHERE ST_Area(p.geom) >= 1e-14
$$;

-- Geodesic areas (m²) of CHA and of SHA less CHA (overlay at `grid`, as above).
CREATE TYPE ledger.area AS (cha float8, sha float8);
CREATE FUNCTION ledger.areas(cha geometry, sha geometry, grid float8) RETURNS ledger.area
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ROW(coalesce(ST_Area(cha::geography), 0),
             coalesce(ST_Area(ledger.less(sha, cha, grid)::geography), 0))::ledger.area
$$;

-- Hazards, repaired, in EPSG:4326, each with its cluster of intersecting (or touching) hazards.
CREATE UNLOGGED TABLE ledger.hazard AS
SELECT hid, class, day, g, ST_ClusterDBSCAN(g, 0, 1) OVER () AS cluster
FROM (SELECT fid AS hid, upper(class) AS class, recorded AS day,
             ledger.repaired(ST_Transform(geom, 4326)) AS g
      FROM hazards
      WHERE geom IS NOT NULL AND recorded <= make_date(:to, 12, 31) AND upper(class) IN ('CHA', 'SHA')) s
WHERE NOT ST_IsEmpty(g);
ALTER TABLE ledger.hazard ADD PRIMARY KEY (hid);
CREATE INDEX ON ledger.hazard USING gist (g);
CREATE INDEX ON ledger.hazard (cluster);
INSERT INTO ledger.step VALUES ('hazards repaired, clustered, indexed', clock_timestamp());

-- Releases, repaired; `kind` orders the methods of one day (cleared, reduced, cancelled).
CREATE UNLOGGED TABLE ledger.release AS
SELECT rid, method, kind, day, g
FROM (SELECT fid AS rid, lower(method) AS method,
             array_position(ARRAY['cleared', 'reduced', 'cancelled'], lower(method)) AS kind,
             date AS day, ledger.repaired(ST_Transform(geom, 4326)) AS g
      FROM releases
      WHERE geom IS NOT NULL AND date <= make_date(:to, 12, 31)) s
WHERE kind IS NOT NULL AND NOT ST_IsEmpty(g);
ALTER TABLE ledger.release ADD PRIMARY KEY (rid);
CREATE INDEX ON ledger.release USING gist (g);
INSERT INTO ledger.step VALUES ('releases repaired, indexed', clock_timestamp());

-- Every (hazard, release) pair where the release touches the hazard on or after its day.
CREATE UNLOGGED TABLE ledger.hit AS
SELECT h.hid, r.rid, r.day, r.kind
FROM ledger.hazard h JOIN ledger.release r ON ST_Intersects(h.g, r.g) AND r.day >= h.day;
CREATE INDEX ON ledger.hit (rid);
CREATE INDEX ON ledger.hit (hid, day);
ANALYZE ledger.hazard, ledger.release, ledger.hit;
INSERT INTO ledger.step VALUES ('hazard-release pairs', clock_timestamp());

-- Land released by r, by class: ⋃ over the hazards h it touches of r ∩ h less the releases of h
-- before r that reach r's box. Floating overlays: snap-rounding (below) would node r's edges at the
-- vertices of neighbouring releases that lie on them, and each new vertex on a long edge moves its
-- geodesic area by a lens (3.7 m², 5e-6, for release 228 of 1,000 hazards, seed 42).
CREATE FUNCTION ledger.released_by(r ledger.release) RETURNS ledger.area
LANGUAGE sql STABLE PARALLEL SAFE COST 100000 AS $$
  SELECT ledger.areas(ST_Union(piece) FILTER (WHERE class = 'CHA'),
                      ST_Union(piece) FILTER (WHERE class = 'SHA'), -1)
  FROM (SELECT h.class,
               ledger.less(ST_Intersection(r.g, h.g),
                           (SELECT ST_Union(e.g)
                            FROM ledger.hit q JOIN ledger.release e ON e.rid = q.rid
                            WHERE q.hid = p.hid AND q.day <= r.day AND e.g && r.g
                              AND (q.day, q.kind, q.rid) < (r.day, r.kind, r.rid)), -1) AS piece
        FROM ledger.hit p JOIN ledger.hazard h ON h.hid = p.hid
        WHERE p.rid = r.rid) pieces
$$;

-- Released land of every release in the ledger years.
CREATE UNLOGGED TABLE ledger.released AS
SELECT r.rid, r.method, extract(year FROM r.day)::int AS year, ledger.released_by(r) AS area
FROM ledger.release r
WHERE r.day >= make_date(:from, 1, 1);
INSERT INTO ledger.step VALUES ('released land per release', clock_timestamp());

-- What is left of hazard h at the end of year y: h less its releases up to then.
CREATE FUNCTION ledger.piece_at(h ledger.hazard, y int) RETURNS geometry
LANGUAGE sql STABLE PARALLEL SAFE COST 10000 AS $$
  SELECT ledger.less(h.g, (SELECT ST_Union(e.g)
                           FROM ledger.hit q JOIN ledger.release e ON e.rid = q.rid
                           WHERE q.hid = h.hid AND q.day <= make_date(y, 12, 31)), -1)
$$;

-- The ledger years in which each hazard's piece changes: the first ledger year (or the year it is
-- recorded), and every later year in which one of its releases falls; each piece holds until the
-- next one.
CREATE UNLOGGED TABLE ledger.change AS
SELECT hid, year, lead(year) OVER (PARTITION BY hid ORDER BY year) AS until
FROM (SELECT DISTINCT h.hid, greatest(y.year, :from) AS year
      FROM ledger.hazard h
      CROSS JOIN LATERAL (
        SELECT extract(year FROM h.day)::int AS year
        UNION ALL
        SELECT extract(year FROM q.day)::int FROM ledger.hit q WHERE q.hid = h.hid
      ) y
      WHERE y.year <= :to) s;
ANALYZE ledger.change;

CREATE UNLOGGED TABLE ledger.piece AS
SELECT h.cluster, h.class, c.year, c.until, ledger.piece_at(h, c.year) AS g
FROM ledger.change c JOIN ledger.hazard h ON h.hid = c.hid;
CREATE INDEX ON ledger.piece (cluster, year);
ANALYZE ledger.piece;
INSERT INTO ledger.step VALUES ('pieces per hazard and change year', clock_timestamp());

-- Remaining CHA and SHA of a cluster at the end of each year in which one of its pieces changes:
-- the union of its pieces then. The union and the SHA − CHA difference snap-round to a 1e-12°
-- grid (about 0.1 µm), which is robust: floating, the union of the pieces of hazards 27762 and
-- 76154 (100,000 hazards, seed 42, end of 2021) loses 3,255 m² of hazard 76154 that no release
-- covers (a release cut both along the same edge, and one piece has a nearly degenerate spike
-- there). Lenses from the snapping change a year-end total by far less than 1e-6.
CREATE FUNCTION ledger.remaining_at(c int, y int) RETURNS ledger.area
LANGUAGE sql STABLE PARALLEL SAFE COST 100000 AS $$
  SELECT ledger.areas(ST_Union(g, 1e-12) FILTER (WHERE class = 'CHA'),
                      ST_Union(g, 1e-12) FILTER (WHERE class = 'SHA'), 1e-12)
  FROM ledger.piece
  WHERE cluster = c AND year <= y AND (until IS NULL OR until > y)
$$;

-- Largest clusters first, so that no worker is left alone with one at the end.
CREATE UNLOGGED TABLE ledger.dissolve AS
SELECT cluster, year FROM ledger.piece GROUP BY cluster, year ORDER BY count(*) DESC;
ANALYZE ledger.dissolve;
CREATE UNLOGGED TABLE ledger.remaining AS
SELECT cluster, year, ledger.remaining_at(cluster, year) AS area FROM ledger.dissolve;
INSERT INTO ledger.step VALUES ('remaining per cluster-year', clock_timestamp());

-- The ledger: released per year × method × class; remaining per class at each year end, each
-- cluster at its last dissolve up to that year.
WITH years AS (
  SELECT generate_series(:from, :to) AS year
),
by_method AS (
  SELECT y.year, m.method, coalesce(sum((x.area).cha), 0) AS cha, coalesce(sum((x.area).sha), 0) AS sha
  FROM years y
  CROSS JOIN unnest(ARRAY['cleared', 'reduced', 'cancelled']) AS m(method)
  LEFT JOIN ledger.released x ON x.year = y.year AND x.method = m.method
  GROUP BY y.year, m.method
),
released AS (
  SELECT * FROM by_method
  UNION ALL
  SELECT year, 'total', sum(cha), sum(sha) FROM by_method GROUP BY year
),
remaining AS (
  SELECT y.year, coalesce(sum((last.area).cha), 0) AS cha, coalesce(sum((last.area).sha), 0) AS sha
  FROM years y
  LEFT JOIN LATERAL (
    SELECT DISTINCT ON (cluster) area FROM ledger.remaining
    WHERE year <= y.year ORDER BY cluster, year DESC
  ) last ON true
  GROUP BY y.year
),
figures AS (
  SELECT year, method, json_build_object('cha', json_build_object('m2', cha), 'sha', json_build_object('m2', sha),
                                         'total', json_build_object('m2', cha + sha)) AS figure
  FROM (SELECT * FROM released UNION ALL SELECT year, '', cha, sha FROM remaining) f
)
SELECT json_build_object('periods', json_agg(json_build_object(
         'period', y.year::text,
         'released', (SELECT json_object_agg(method, figure) FROM figures f
                      WHERE f.year = y.year AND method <> ''),
         'remaining_end', (SELECT figure FROM figures f WHERE f.year = y.year AND method = '')
       ) ORDER BY y.year))
FROM years y;
