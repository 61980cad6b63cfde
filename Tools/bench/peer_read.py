"""What the peers share: reading a layer as a plain GeoPandas pipeline would (pyogrio, Shapely make_valid)."""

import geopandas as gpd
import shapely


def read(path: str, columns: list[str]) -> gpd.GeoDataFrame:
    """The layer with valid polygonal geometries (null and empty dropped, invalid repaired)."""
    df = gpd.read_file(path, engine="pyogrio", columns=columns)
    df = df[df.geometry.notna() & ~df.geometry.is_empty].copy()
    geoms = df.geometry.values.to_numpy()
    invalid = ~shapely.is_valid(geoms)
    repaired = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    geoms[invalid] = [shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")])
                      for g in repaired]
    df = df.set_geometry(geoms)
    return df[~df.geometry.is_empty]
